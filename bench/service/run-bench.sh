#!/usr/bin/env bash
# run-bench.sh BUILD_DIR [N]
# The signing service (issue 19) against kyso's own command line, in this run, on a SoftHSM token
# holding the test PKI's RSA-2048 signer:
#  - SignMsg round trips (a new TLS connection and WebSocket per call, as pages make them) against
#    the token's own signing time: the service's overhead (target under 5 ms);
#  - N one-page PDFs (default 40) signed through the service one request after another (fetch from
#    the test document system, sign, upload), and in one vgca_sign_files batch, against the same N
#    signed by `kyso sign --out-dir` (the batch: target within 1.2x). The bench's host gives the
#    service a token already logged in; `kyso sign` opens and logs in to it itself.
# The last lines have the form `service <figure>: <value> (target <target>)`.
# Needs: kyso, make_letter and service_bench built in BUILD_DIR; softhsm2, pkcs11-tool, python3.
set -euo pipefail
B=$(cd "$1" && pwd)
N=${2:-40}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
W=$(mktemp -d /tmp/kyso-bench-service.XXXXXX)
DOC_PID=
cleanup() { [ -z "$DOC_PID" ] || kill "$DOC_PID" 2>/dev/null || true; rm -rf "$W"; }
trap cleanup EXIT
cd "$W"
bash "$SRC/tests/pki/make-pki.sh" "$W/pki" 39960 >/dev/null
P=$W/pki
. "$SRC/bench/lib/softhsm-signer.sh"

head -n 14 "$SRC/../shared/samples/cong-van-286-SYT-VP.txt" > onepage.txt
"$B/tests/make_letter" onepage.txt one.pdf
mkdir files out-cli
names=()
for i in $(seq 1 "$N"); do cp one.pdf "files/letter-$i.pdf"; names+=("letter-$i.pdf"); done

. "$SRC/bench/lib/docsystem.sh"
start_docsystem files

DOC_TOKEN=$DOC_TOKEN "$B/bench/service_bench" "$MOD" "$W/pin" "$DOC_PORT" "${names[@]}" | tee service.txt
svc_ms=$(awk -F= '/^SERVICE_PDF_MS=/{print $2}' service.txt)
batch_ms=$(awk -F= '/^SERVICE_BATCH_MS=/{print $2}' service.txt)

t0=$(date +%s%N)
"$B/bin/kyso" sign files/*.pdf --out-dir out-cli --module "$MOD" --key 01 --pin-file "$W/pin" >/dev/null 2>&1
t1=$(date +%s%N)
cli_ms=$(( (t1 - t0) / 1000000 ))
echo "kyso sign --out-dir, $N PDFs: ${cli_ms} ms"
echo "service $N PDFs one request each: $(awk -v a="$svc_ms" -v b="$cli_ms" 'BEGIN{printf "%.2fx kyso sign", a/b}') (no target: a request and an approval per file)"
echo "service $N PDFs in one vgca_sign_files batch: $(awk -v a="$batch_ms" -v b="$cli_ms" 'BEGIN{printf "%.2fx kyso sign", a/b}') (target 1.2x)"
