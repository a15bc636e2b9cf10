#!/usr/bin/env bash
# services.sh start|stop PKI_DIR PORT_BASE [SERVER_BINARY]
# KYSO_SERVICES_ARGS: more arguments for the server (the latency bench: --delay-ms 200 --counts F)
#
# Starts (or stops) the loopback services of the test PKI made by make-pki.sh, for the ctest
# fixture `services` and for .ci/run:
#   127.0.0.1:PORT_BASE+0  HTTP file server over PKI_DIR/www (kyso_test_server --http)
#   127.0.0.1:PORT_BASE+1  OCSP for certificates issued by gov-ca, signed by ocsp.pem: the server runs
#                          `openssl ocsp -index ... -reqin -respout` per request (`openssl ocsp -port`
#                          itself would listen on every interface, not only loopback)
#   127.0.0.1:PORT_BASE+2  RFC 3161 TSA signing with tsa.pem (kyso_test_server --tsa)
# PIDs go to PKI_DIR/services.pids; `stop` kills exactly those. `start` first stops what an earlier
# run with this PKI_DIR left behind, refuses a port another process holds, waits at most 10 s for
# every port to answer, and fails loudly otherwise.
set -euo pipefail
cmd=${1:-}
PKI=${2:-}
BASE=${3:-}
SERVER=${4:-}
if [[ -z "$cmd" || -z "$PKI" || -z "$BASE" ]]; then
  echo "usage: $0 start|stop PKI_DIR PORT_BASE [kyso_test_server]" >&2
  exit 64
fi
PIDS="$PKI/services.pids"
LOG="$PKI/services.log"

stop() {
  [[ -f "$PIDS" ]] || return 0
  while read -r pid; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done <"$PIDS"
  sleep 0.2
  while read -r pid; do
    [[ -n "$pid" ]] && kill -9 "$pid" 2>/dev/null || true
  done <"$PIDS"
  rm -f "$PIDS"
}

port_up() {
  # bash's /dev/tcp: no extra tool needed; closes at once.
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

case $cmd in
  stop)
    stop
    ;;
  start)
    [[ -x "$SERVER" ]] || { echo "services.sh: server binary '$SERVER' missing" >&2; exit 1; }
    [[ -f "$PKI/gov-ca-index.txt" ]] || { echo "services.sh: no PKI in $PKI (run make-pki.sh)" >&2; exit 1; }
    stop
    # A server another run left behind would answer in place of this PKI's (wrong certificates,
    # another counts file): say so rather than test against it.
    for port in "$BASE" $((BASE + 1)) $((BASE + 2)); do
      if port_up "$port"; then
        echo "services.sh: port $port is already in use by another process" >&2
        exit 1
      fi
    done
    : >"$LOG"
    nohup "$SERVER" --http "$BASE" "$PKI/www" \
      --tsa $((BASE + 2)) "$PKI/tsa.pem" "$PKI/tsa.key" "$PKI/chain.pem" \
      --ocsp $((BASE + 1)) "$PKI/gov-ca-index.txt" "$PKI/gov-ca.pem" "$PKI/ocsp.pem" "$PKI/ocsp.key" \
      ${KYSO_SERVICES_ARGS:-} </dev/null >>"$LOG" 2>&1 &
    echo $! >"$PIDS"
    for port in "$BASE" $((BASE + 1)) $((BASE + 2)); do
      ok=0
      for _ in $(seq 1 100); do
        if port_up "$port"; then ok=1; break; fi
        sleep 0.1
      done
      if [[ $ok != 1 ]]; then
        echo "services.sh: port $port did not come up; log:" >&2
        cat "$LOG" >&2
        stop
        exit 1
      fi
    done
    echo "services up: http :$BASE, ocsp :$((BASE + 1)), tsa :$((BASE + 2)) (pids $(tr '\n' ' ' <"$PIDS"))"
    ;;
  *)
    echo "usage: $0 start|stop PKI_DIR PORT_BASE [kyso_test_server]" >&2
    exit 64
    ;;
esac
