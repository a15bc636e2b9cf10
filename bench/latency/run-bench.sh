#!/usr/bin/env bash
# run-bench.sh BUILD_DIR [N]
# Where a batch's time goes with a real token's and a real network's latency (issue 22), measured
# in this run: a SoftHSM token behind the fault-injecting module with the `usb` latency profile
# (C_Sign 300 ms, C_Login 150 ms, ...: tests/pkcs11/fault_module.cpp says where the figures come
# from), serialised as a USB token is, and the loopback TSA/OCSP/CRL servers answering every
# request after 200 ms. For N one-page PDFs (default 40) at B-B, B-T and B-LT, N detached files,
# the extension of the N B-T files to B-LT, the same batches through the app's batch class and the
# signing service's batch call, and an incoming folder of 500 PDFs verified online, it
# prints the wall time against the floor (login
# + N x the token's signing latency), the token calls per file, and the network requests per
# batch. The last lines have the form `latency <figure>: <value> (target <target>)`.
# PARTS="sign app service folder" (default) chooses the parts. Needs: kyso, make_letter,
# kyso_test_server, kyso-fault-pkcs11.so, kyso_sign_batch_driver and service_bench built in
# BUILD_DIR; softhsm2, pkcs11-tool, python3, curl.
set -euo pipefail
B=$(cd "$1" && pwd)
N=${2:-40}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
KYSO=$B/bin/kyso
FAULT=$B/tests/kyso-fault-pkcs11.so
W=$(mktemp -d /tmp/kyso-bench-latency.XXXXXX)
BASE=32100  # below 32768: no outgoing connection is handed a port there
DOC_PID=
cleanup() { [ -z "$DOC_PID" ] || kill "$DOC_PID" 2>/dev/null || true; bash "$SRC/tests/pki/services.sh" stop "$W/pki" "$BASE" >/dev/null 2>&1 || true; rm -rf "$W"; }
trap cleanup EXIT
cd "$W"
ms() { date +%s%N; }
LOGIN_MS=150
SIGN_MS=300
DELAY_MS=200

bash "$SRC/tests/pki/make-pki.sh" "$W/pki" "$BASE" >/dev/null
P=$W/pki
KYSO_SERVICES_ARGS="--delay-ms $DELAY_MS --counts $W/net.txt" \
  bash "$SRC/tests/pki/services.sh" start "$P" "$BASE" "$B/tests/kyso_test_server" >/dev/null
TSA=http://127.0.0.1:$((BASE + 2))/

. "$SRC/bench/lib/softhsm-signer.sh"
export KYSO_FAULT_TARGET=$MOD KYSO_FAULT=latency=usb

head -n 14 "$SRC/../shared/samples/cong-van-286-SYT-VP.txt" > onepage.txt
"$B/tests/make_letter" onepage.txt one.pdf
mkdir in-pdf in-txt
for i in $(seq 1 "$N"); do
  cp one.pdf "in-pdf/doc$i.pdf"
  echo "Biên bản số $i" > "in-txt/note$i.txt"
done

floor_ms=$((LOGIN_MS + N * SIGN_MS))
summary=()
# run NAME TARGET_RATIO COMMAND...: wall time, ratio to the floor, token calls per file, requests.
run() {
  local name=$1 target=$2
  shift 2
  rm -f "$W/calls.txt"
  cp "$W/net.txt" "$W/net-before.txt" 2>/dev/null || : >"$W/net-before.txt"
  export KYSO_HOME=$W/home-$name KYSO_FAULT_COUNTS=$W/calls.txt
  local t0 t1
  t0=$(ms)
  "$@" >"$W/$name.log" 2>&1 || [ "$name" = verify-online ] ||
    { echo "$name failed:" >&2; tail -5 "$W/$name.log" >&2; exit 1; }
  t1=$(ms)
  local wall=$(( (t1 - t0) / 1000000 ))
  # The app's and the service's drivers print the batch's own time (from pressing Sign, from the
  # request): the process start and the certificate list come before it in the app.
  local own
  own=$(awk -F= '/^(BATCH_MS|SERVICE_BATCH_MS)=/ { print $2 }' "$W/$name.log")
  [ -z "$own" ] || wall=$own
  wall_ms=$wall
  local floor=$floor_ms floor_is="login + $N x ${SIGN_MS} ms"
  # The service's host logged in before the request (the person approved it): no login in its floor.
  [[ $name != service-* ]] || { floor=$((N * SIGN_MS)); floor_is="$N x ${SIGN_MS} ms"; }
  local ratio
  ratio=$(awk -v a="$wall" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
  local signs inits other net
  signs=$(awk '$1 == "C_Sign" { print $2 }' "$W/calls.txt" 2>/dev/null || echo 0)
  inits=$(awk '$1 == "C_SignInit" { print $2 }' "$W/calls.txt" 2>/dev/null || echo 0)
  other=$(awk '$1 != "C_Sign" && $1 != "C_SignInit" { s += $2 } END { print s + 0 }' "$W/calls.txt" 2>/dev/null || echo 0)
  # The server's counts are cumulative: this run's requests are the difference.
  net=$(awk 'FILENAME == ARGV[1] { before[$1] += $3; next } { now[$1] += $3 }
             END { for (s in now) if (now[s] - before[s] > 0) printf "%s %d, ", s, now[s] - before[s] }' \
        "$W/net-before.txt" "$W/net.txt" 2>/dev/null || true)
  echo "$name: ${wall} ms, floor ${floor} ms ($floor_is): ${ratio}x; token: C_SignInit $inits, C_Sign $signs, other calls $other (whole batch); network: ${net:-none}"
  [ -s "$W/calls.txt" ] && awk -v n="$N" '{ printf "    %s: %d (%.2f per file)\n", $1, $2, $2 / n }' "$W/calls.txt"
  awk 'FILENAME == ARGV[1] { before[$1" "$2] = $3; next } $3 - before[$1" "$2] > 0 { printf "    %s %s: %d\n", $1, $2, $3 - before[$1" "$2] }' \
    "$W/net-before.txt" "$W/net.txt" 2>/dev/null || true
  if [ "$signs" = 0 ] || [ -z "$signs" ]; then  # no token: the requests are the figure
    summary+=("latency $name requests: ${net:-none} (target one OCSP answer or CRL per certificate, one AIA fetch per missing issuer)")
    return
  fi
  summary+=("latency $name: ${ratio}x floor (target ${target}x)")
  summary+=("latency $name token calls per file: $(awk -v s="$signs" -v i="$inits" -v n="$N" 'BEGIN { printf "%.2f", (s + i) / n }') (target 2)")
  [ -z "$net" ] || summary+=("latency $name requests per batch: ${net%, } (target: one per file to the TSA, one OCSP answer or CRL per certificate, one AIA fetch per missing issuer)")
}

KEY=(--module "$FAULT" --pin-file pin)
PARTS=${PARTS:-sign app service folder}  # e.g. PARTS=folder: only the incoming folder
if [[ " $PARTS " == *" sign "* ]]; then
run B-B 1.05 "$KYSO" sign in-pdf/*.pdf --out-dir out-bb "${KEY[@]}"
run B-T 1.15 "$KYSO" sign in-pdf/*.pdf --out-dir out-bt --level B-T --tsa "$TSA" "${KEY[@]}"
run B-LT 1.15 "$KYSO" sign in-pdf/*.pdf --out-dir out-blt --level B-LT --tsa "$TSA" \
  --trust-anchor "$P/root.pem" "${KEY[@]}"
run detached 1.05 "$KYSO" sign in-txt/*.txt --detached --jobs 1 "${KEY[@]}"
# Extending uses no token: its figure is the requests it makes.
run extend-B-LT 1.15 "$KYSO" extend out-bt/*.pdf --out-dir out-ext --level B-LT \
  --trust-anchor "$P/root.pem"
fi
# The app's batch (item 6): ui::SignBatch as the Sign tab runs it after its check before the PIN,
# through tests/ui/sign_batch_driver.cpp (a PIN file in place of the dialog). Its time is from the
# check to the batch's end.
if [[ " $PARTS " == *" app "* ]]; then
  DRIVER=$B/tests/kyso_sign_batch_driver
  [ -x "$DRIVER" ] || { echo "app: $DRIVER is not built (the app and the tests are needed)" >&2; exit 1; }
  mkdir -p out-app-bb out-app-bt out-app-blt out-app-detached
  run app-B-B 1.05 "$DRIVER" "$FAULT" pin out-app-bb B-B - - in-pdf/*.pdf
  run app-B-T 1.15 "$DRIVER" "$FAULT" pin out-app-bt B-T "$TSA" - in-pdf/*.pdf
  run app-B-LT 1.15 "$DRIVER" "$FAULT" pin out-app-blt B-LT "$TSA" "$P/root.pem" in-pdf/*.pdf
  run app-detached 1.05 "$DRIVER" "$FAULT" pin out-app-detached B-B - - in-txt/*.txt
fi
# The signing service's batch (item 6): one vgca_sign_files request for the N PDFs from the test
# document system, as a page sends it (bench/service/service_bench.cpp, its part 3 only): fetched,
# approved (the host has the token open and logged in), signed, uploaded. Its floor is N x the
# token's signing latency: the login came with the approval, before the request.
if [[ " $PARTS " == *" service "* ]]; then
  SVC=$B/bench/service_bench
  [ -x "$SVC" ] || { echo "service: $SVC is not built (the tests are needed)" >&2; exit 1; }
  mkdir -p docs
  names=()
  for i in $(seq 1 "$N"); do cp one.pdf "docs/letter-$i.pdf"; names+=("letter-$i.pdf"); done
  . "$SRC/bench/lib/docsystem.sh"
  start_docsystem docs
  export SERVICE_BENCH_BATCH_ONLY=1
  run service-B-B 1.05 "$SVC" "$FAULT" "$W/pin" "$DOC_PORT" "${names[@]}"
  SERVICE_BENCH_LEVEL=B-T SERVICE_BENCH_TSA=$TSA run service-B-T 1.15 "$SVC" "$FAULT" "$W/pin" "$DOC_PORT" "${names[@]}"
  SERVICE_BENCH_LEVEL=B-LT SERVICE_BENCH_TSA=$TSA SERVICE_BENCH_ANCHOR=$P/root.pem \
    run service-B-LT 1.15 "$SVC" "$FAULT" "$W/pin" "$DOC_PORT" "${names[@]}"
  unset SERVICE_BENCH_BATCH_ONLY
  kill "$DOC_PID" 2>/dev/null || true
fi
# An incoming folder verified online (item 4): FOLDER_N PDFs (default 500) from five signers under
# two CAs: four under the test PKI's Government CA (OCSP for them, a CRL for the CA itself) and one
# under a second CA made here, "Public CA (test)", whose signers are checked by CRL. Cold: a fresh
# data folder, every server answering after 200 ms; then the same folder again with what the first
# run kept (OCSP answers, CRLs, issuers: each until its nextUpdate). Signed at B-B straight on
# SoftHSM (the signing is not what is measured).
if [[ " $PARTS " == *" folder "* ]]; then
FOLDER_N=${FOLDER_N:-500}
PUB=$W/pubca
mkdir -p "$PUB"
HTTP=http://127.0.0.1:$BASE
cat >"$PUB/ext.cnf" <<EXT
[ca_ext]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = caIssuers;URI:$HTTP/root.der
crlDistributionPoints = URI:$HTTP/root.crl
[signer_ext]
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
authorityInfoAccess = caIssuers;URI:$HTTP/pub-ca.der
crlDistributionPoints = URI:$HTTP/pub-ca.crl
[ca]
default_ca = this
[this]
database = $PUB/index.txt
crlnumber = $PUB/crlnumber
default_md = sha256
default_crl_days = 30
EXT
: >"$PUB/index.txt"
echo 01 >"$PUB/crlnumber"
ossl() { openssl "$@" >/dev/null 2>&1 || { echo "openssl $1 failed" >&2; exit 1; }; }
ossl req -new -newkey rsa:2048 -nodes -keyout "$PUB/ca.key" -subj "/C=VN/O=Public CA (test)/CN=Public CA (test)" -out "$PUB/ca.csr"
ossl x509 -req -in "$PUB/ca.csr" -CA "$P/root.pem" -CAkey "$P/root.key" -set_serial 0x5001 -days 3650 \
  -extfile "$PUB/ext.cnf" -extensions ca_ext -out "$PUB/ca.pem"
ossl req -new -newkey rsa:2048 -nodes -keyout "$PUB/signer.key" -subj "/C=VN/O=Bệnh viện (test)/CN=Đinh Văn Công" -out "$PUB/signer.csr"
ossl x509 -req -in "$PUB/signer.csr" -CA "$PUB/ca.pem" -CAkey "$PUB/ca.key" -set_serial 0x5002 -days 3650 \
  -extfile "$PUB/ext.cnf" -extensions signer_ext -out "$PUB/signer.pem"
ossl ca -config "$PUB/ext.cnf" -gencrl -keyfile "$PUB/ca.key" -cert "$PUB/ca.pem" -out "$PUB/ca.crl.pem"
ossl x509 -in "$PUB/ca.pem" -outform DER -out "$P/www/pub-ca.der"
ossl crl -in "$PUB/ca.crl.pem" -outform DER -out "$P/www/pub-ca.crl"
ossl pkcs8 -topk8 -nocrypt -in "$PUB/signer.key" -outform DER -out "$PUB/signer.key.der"
ossl x509 -in "$PUB/signer.pem" -outform DER -out "$PUB/signer.der"
signers=("$P/signer-rsa3072" "$P/signer-ec256" "$P/org" "$PUB/signer")
for i in "${!signers[@]}"; do
  p11 --write-object "${signers[$i]}.key.der" --type privkey --id "1$i" --label "folder$i"
  p11 --write-object "${signers[$i]}.der" --type cert --id "1$i" --label "folder$i"
done
mkdir -p folder
per=$((FOLDER_N / 5))
ids=(01 10 11 12 13)
for k in "${!ids[@]}"; do
  mkdir -p "src$k"
  for i in $(seq 1 "$per"); do cp one.pdf "src$k/s${k}-$i.pdf"; done
  KYSO_FAULT= KYSO_HOME=$W/home-folder-sign "$KYSO" sign "src$k"/*.pdf --out-dir folder \
    --module "$MOD" --pin-file pin --key "${ids[$k]}" >/dev/null 2>&1 ||
    { echo "signing the folder as ${ids[$k]} failed" >&2; exit 1; }
done
folder_files=$(find folder -name '*.pdf' | wc -l)
export KYSO_HOME=$W/home-verify-folder
# verify_run LOG: verifies the folder (the report to LOG); sets run_ms and run_net (the requests).
verify_run() {
  cp "$W/net.txt" "$W/net-before.txt" 2>/dev/null || : >"$W/net-before.txt"
  local t0 t1
  t0=$(ms)
  "$KYSO" verify folder --trust "$P/root.pem" --jobs 4 >"$1" 2>&1 || true
  t1=$(ms)
  run_ms=$(( (t1 - t0) / 1000000 ))
  run_net=$(awk 'FILENAME == ARGV[1] { before[$1" "$2] = $3; next } $3 - before[$1" "$2] > 0 { printf "%s %s: %d, ", $1, $2, $3 - before[$1" "$2] }' \
    "$W/net-before.txt" "$W/net.txt")
}
verify_run "$W/verify-cold.log"
cold_ms=$run_ms cold_net=$run_net
valid=$(grep -c "Valid: signed by" "$W/verify-cold.log" || true)
verify_run /dev/null
warm_ms=$run_ms warm_net=$run_net
# A usual day: the CA certificates kept from an earlier run (they change rarely), the OCSP answers
# and CRLs expired (they last a day or a week): one round trip instead of two.
rm -rf "$KYSO_HOME/cache/ocsp" "$KYSO_HOME/cache/crls"
verify_run /dev/null
day_ms=$run_ms day_net=$run_net
echo "verify-folder: $folder_files PDFs from 5 signers under 2 CAs, $valid valid; cold (servers at ${DELAY_MS} ms) ${cold_ms} ms, asked ${cold_net%, }; again with what the first run kept ${warm_ms} ms, asked ${warm_net:-nothing}; with only the CA certificates kept ${day_ms} ms, asked ${day_net%, }"
summary+=("latency verify-folder with the CA certificates kept: $(awk -v a="$day_ms" -v b="$warm_ms" 'BEGIN { printf "%.2f", a / b }')x the run with the answers kept (no target)")
summary+=("latency verify-folder requests: ${cold_net%, } (target one per certificate and responder)")
summary+=("latency verify-folder: $(awk -v a="$cold_ms" -v b="$warm_ms" 'BEGIN { printf "%.2f", a / b }')x the run with the answers kept (target 1.2x)")
fi
echo
printf '%s\n' "${summary[@]}"
