#!/usr/bin/env bash
# run-bench.sh BUILD_DIR [N_BATCH]
# PDF signing speed (issue 5), every figure measured in this run on this machine:
#  1. a batch of N one-page PDFs (default 200) signed by one `kyso sign --out-dir` process on a
#     SoftHSM RSA-2048 token (one login) vs `pdfsig -add-signature` one process per file (NSS db
#     with the same key), and SoftHSM's raw C_Sign rate (bench_csign);
#  2. a 100 MB PDF: `kyso sign` (key file) time and peak RSS vs `cp` + `openssl dgst -sha256`;
#  3. one one-page PDF in a fresh process: `kyso sign` (key file) vs `podofosign` (hyperfine).
# Needs: kyso, make_letter, bench_csign, bench_pdf_stages built in BUILD_DIR; softhsm2, pkcs11-tool, pdfsig,
# certutil, pk12util, podofosign, hyperfine, /usr/bin/time.
set -euo pipefail
B=$(cd "$1" && pwd)
N=${2:-200}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
KYSO=$B/bin/kyso
W=$(mktemp -d /tmp/kyso-bench-pdf.XXXXXX)
trap 'rm -rf "$W"' EXIT
cd "$W"
ms() { date +%s%N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }

bash "$SRC/tests/pki/make-pki.sh" "$W/pki" 39900 >/dev/null
P=$W/pki
head -n 14 "$SRC/../shared/samples/cong-van-286-SYT-VP.txt" > onepage.txt
"$B/tests/make_letter" onepage.txt one.pdf
[ "$(qpdf --show-npages one.pdf)" = 1 ] || { echo "one.pdf is not one page" >&2; exit 1; }

# SoftHSM token with the test signer's key and certificates.
. "$SRC/bench/lib/softhsm-signer.sh"
p11 --write-object "$P/gov-ca.der" --type cert --id 02 --label gov-ca

echo "== 1. batch of $N one-page PDFs"
mkdir in out
for i in $(seq 1 "$N"); do cp one.pdf "in/doc$i.pdf"; done
t0=$(ms)
"$KYSO" sign in/*.pdf --out-dir out --module "$MOD" --pin-file pin >/dev/null 2>&1
t1=$(ms)
[ "$(ls out | wc -l)" = "$N" ] || { echo "kyso batch signed $(ls out | wc -l) of $N" >&2; exit 1; }
kyso_rate=$(awk -v n="$N" -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }')
openssl pkcs12 -export -inkey "$P/signer-rsa2048.key" -in "$P/signer-rsa2048.pem" -out s.p12 -passout pass: -name signer
mkdir nss && certutil -N -d sql:nss --empty-password && pk12util -i s.p12 -d sql:nss -W "" >/dev/null 2>&1
M=20
mkdir pout
t0=$(ms)
for i in $(seq 1 $M); do pdfsig -add-signature -nssdir sql:nss -nick signer "in/doc$i.pdf" "pout/doc$i.pdf" >/dev/null 2>&1; done
t1=$(ms)
pdfsig_rate=$(awk -v n=$M -v ns=$((t1 - t0)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }')
csign_rate=$("$B/bench/bench_csign" "$MOD" pin 1000 | awk '{print $2}')
echo "kyso batch (one process, one login): $kyso_rate files/s"
echo "pdfsig -add-signature (process per file, $M files): $pdfsig_rate files/s"
echo "SoftHSM raw C_Sign: $csign_rate signatures/s"
echo "ratio kyso/pdfsig: $(ratio "$kyso_rate" "$pdfsig_rate") (target >= 40)"
echo "ratio kyso/C_Sign: $(ratio "$kyso_rate" "$csign_rate") (target >= 0.85, issue 22)"
# Where a file's time goes besides its signature: the CPU of each step on one thread.
"$B/bench/bench_pdf_stages" stages in/*.pdf

echo "== 2. a 100 MB PDF"
python3 "$SRC/bench/pdf/make_big_pdf.py" big.pdf 100
size=$(stat -c %s big.pdf)
cat big.pdf > /dev/null  # warm the page cache for every contender alike
t0=$(ms); cp big.pdf big-copy.pdf; openssl dgst -sha256 big.pdf >/dev/null; t1=$(ms)
base_ms=$(( (t1 - t0) / 1000000 )); rm -f big-copy.pdf
# kyso makes its output durable before it reports it (fsync of the file, then of the folder after
# the rename): the same copy made durable is printed beside it, so the fsync's share is seen.
t0=$(ms); cp big.pdf big-copy.pdf; sync big-copy.pdf; sync -f .; openssl dgst -sha256 big.pdf >/dev/null; t1=$(ms)
durable_ms=$(( (t1 - t0) / 1000000 )); rm -f big-copy.pdf
KEYS="--key-file $P/signer-rsa2048.key --cert-file $P/signer-rsa2048.pem --chain-file $P/chain.pem"
t0=$(ms)
/usr/bin/time -f "%M" -o rss.txt "$KYSO" sign big.pdf -o big-signed.pdf $KEYS >/dev/null
t1=$(ms)
kyso_ms=$(( (t1 - t0) / 1000000 ))
rss_kb=$(tail -1 rss.txt)
cmp -n "$size" big.pdf big-signed.pdf || { echo "big.pdf is not a prefix of the output" >&2; exit 1; }
echo "file: $((size / 1048576)) MiB; cp + openssl dgst -sha256: ${base_ms} ms; kyso sign: ${kyso_ms} ms, peak RSS $((rss_kb / 1024)) MiB"
echo "ratio kyso/(cp+dgst): $(ratio "$kyso_ms" "$base_ms") (target <= 1.2, issue 22); peak RSS target < 32 MiB"
echo "ratio kyso/(cp+fsync+dgst): $(ratio "$kyso_ms" "$durable_ms") (cp+fsync+dgst: ${durable_ms} ms; the same durability as kyso's output)"

echo "== 3. one one-page PDF, fresh process"
hyperfine -N --warmup 3 --runs 30 --export-json h.json \
  "$KYSO sign one.pdf -o k.pdf --force $KEYS" \
  "podofosign -in one.pdf -out p.pdf -cert $P/signer-rsa2048.pem -pkey $P/signer-rsa2048.key" >/dev/null 2>&1
read -r k_mean p_mean < <(python3 -c "import json; r=json.load(open('h.json'))['results']; print(r[0]['mean']*1000, r[1]['mean']*1000)")
echo "kyso sign: $(printf %.1f "$k_mean") ms; podofosign: $(printf %.1f "$p_mean") ms"
echo "ratio kyso/podofosign: $(ratio "$k_mean" "$p_mean") (target <= 1.5)"
