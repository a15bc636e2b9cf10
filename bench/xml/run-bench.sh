#!/usr/bin/env bash
# run-bench.sh BUILD_DIR [N_BATCH]
# XML-DSig signing and verifying (issue 20), every figure measured in this run on this machine:
#  1. a batch of N claim files (default 200, one patient each, ~16 KB) signed by one
#     `kyso sign --out-dir` process on a SoftHSM RSA-2048 token (one login), vs `xmlsec1 --sign`
#     one process per file with the same key in a PEM file (templates made beforehand, as an
#     integrator's script would), and `kyso sign` with the key file;
#  2. one 50 MB claim file: `kyso sign` (key file) and `kyso verify` wall time and peak RSS vs
#     `xmlsec1 --sign` / `xmlsec1 --verify` on the same file.
# Needs: kyso built in BUILD_DIR; softhsm2, pkcs11-tool, xmlsec1, /usr/bin/time, python3.
set -euo pipefail
B=$(cd "$1" && pwd)
N=${2:-200}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
KYSO=$B/bin/kyso
W=$(mktemp -d /tmp/kyso-bench-xml.XXXXXX)
trap 'rm -rf "$W"' EXIT
cd "$W"
ms() { date +%s%N; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == 0) print "n/a"; else printf "%.2f", a / b }'; }
rate() { awk -v n="$1" -v ns="$2" 'BEGIN { printf "%.1f", n / (ns / 1e9) }'; }

bash "$SRC/tests/pki/make-pki.sh" "$W/pki" 39910 >/dev/null
P=$W/pki
. "$SRC/bench/lib/softhsm-signer.sh"
KEYS="--key-file $P/signer-rsa2048.key --cert-file $P/signer-rsa2048.pem"

echo "== 1. batch of $N claim files"
python3 "$SRC/bench/xml/make_claims.py" in "$N"
mkdir tmpl && mv in/t-*.xml tmpl/
echo "file size: $(( $(stat -c %s in/claim0001.xml) / 1024 )) KiB each"
mkdir out outk xout
t0=$(ms)
"$KYSO" sign in/*.xml --out-dir out --module "$MOD" --pin-file pin >/dev/null 2>&1
t1=$(ms)
[ "$(ls out | wc -l)" = "$N" ] || { echo "kyso batch signed $(ls out | wc -l) of $N" >&2; exit 1; }
token_rate=$(rate "$N" $((t1 - t0)))
t0=$(ms)
"$KYSO" sign in/*.xml --out-dir outk $KEYS >/dev/null 2>&1
t1=$(ms)
key_rate=$(rate "$N" $((t1 - t0)))
t0=$(ms)
for f in tmpl/*.xml; do
  xmlsec1 --sign --privkey-pem "$P/signer-rsa2048.key,$P/signer-rsa2048.pem" \
    --output "xout/$(basename "$f")" "$f" 2>/dev/null
done
t1=$(ms)
xmlsec_rate=$(rate "$N" $((t1 - t0)))
# Every output is checked by the other tool: a fast wrong signature is no result.
xmlsec1 --verify --trusted-pem "$P/root.pem" --untrusted-pem "$P/gov-ca.pem" out/claim0001.xml >/dev/null 2>&1 ||
  { echo "xmlsec1 does not verify kyso's output" >&2; exit 1; }
"$KYSO" verify "xout/t-claim0001.xml" --trust "$P/root.pem" --trust "$P/gov-ca.pem" --no-revocation >/dev/null ||
  { echo "kyso does not verify xmlsec1's output" >&2; exit 1; }
t0=$(ms)
"$KYSO" verify out/*.xml --trust "$P/root.pem" --trust "$P/gov-ca.pem" --no-revocation >/dev/null
t1=$(ms)
verify_rate=$(rate "$N" $((t1 - t0)))
echo "kyso sign, SoftHSM token (one process, one login): $token_rate files/s"
echo "kyso sign, key file (one process): $key_rate files/s"
echo "xmlsec1 --sign, key file (process per file): $xmlsec_rate files/s"
echo "kyso verify (one process, offline): $verify_rate files/s"
echo "ratio kyso token batch/xmlsec1: $(ratio "$token_rate" "$xmlsec_rate")"
echo "ratio kyso key-file batch/xmlsec1: $(ratio "$key_rate" "$xmlsec_rate")"

echo "== 2. one 50 MB claim file"
python3 "$SRC/bench/xml/make_claims.py" big 1 50
size=$(stat -c %s big/big.xml)
t0=$(ms)
/usr/bin/time -f "%M" -o rss-sign.txt "$KYSO" sign big/big.xml -o big-signed.xml $KEYS >/dev/null
t1=$(ms)
sign_ms=$(( (t1 - t0) / 1000000 ))
t0=$(ms)
/usr/bin/time -f "%M" -o rss-verify.txt "$KYSO" verify big-signed.xml --trust "$P/root.pem" \
  --trust "$P/gov-ca.pem" --no-revocation >/dev/null
t1=$(ms)
verify_ms=$(( (t1 - t0) / 1000000 ))
t0=$(ms)
/usr/bin/time -f "%M" -o rss-xsign.txt xmlsec1 --sign --privkey-pem \
  "$P/signer-rsa2048.key,$P/signer-rsa2048.pem" --output big-x.xml big/t-big.xml 2>/dev/null
t1=$(ms)
xsign_ms=$(( (t1 - t0) / 1000000 ))
t0=$(ms)
/usr/bin/time -f "%M" -o rss-xverify.txt xmlsec1 --verify --trusted-pem "$P/root.pem" \
  --untrusted-pem "$P/gov-ca.pem" big-signed.xml >/dev/null 2>&1
t1=$(ms)
xverify_ms=$(( (t1 - t0) / 1000000 ))
mib() { echo $(( $(tail -1 "$1") / 1024 )); }
echo "file: $((size / 1048576)) MiB"
echo "kyso sign: ${sign_ms} ms, peak RSS $(mib rss-sign.txt) MiB; xmlsec1 --sign: ${xsign_ms} ms, peak RSS $(mib rss-xsign.txt) MiB"
echo "kyso verify: ${verify_ms} ms, peak RSS $(mib rss-verify.txt) MiB; xmlsec1 --verify: ${xverify_ms} ms, peak RSS $(mib rss-xverify.txt) MiB"
echo "ratio peak RSS / file size: sign $(ratio "$(tail -1 rss-sign.txt)" $((size / 1024))), verify $(ratio "$(tail -1 rss-verify.txt)" $((size / 1024)))"
echo "ratio kyso/xmlsec1 time: sign $(ratio "$sign_ms" "$xsign_ms"), verify $(ratio "$verify_ms" "$xverify_ms")"
