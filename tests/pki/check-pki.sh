#!/usr/bin/env bash
# check-pki.sh PKI_DIR PORT_BASE: checks the test PKI and its loopback services with the openssl
# CLI and curl only (no kyso code), so a broken fixture is caught before kyso's tests blame kyso.
set -euo pipefail
PKI=$1
BASE=$2
export OPENSSL_CONF=/dev/null
fail() { echo "check-pki: $*" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

for n in signer-rsa2048 signer-rsa3072 signer-ec256 signer-ed25519 signer-ed448 signer-rsa1024 org revoked wrong-ku tsa ocsp; do
  openssl verify -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" "$PKI/$n.pem" >/dev/null || fail "$n does not chain"
done
openssl verify -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" "$PKI/expired.pem" >/dev/null 2>&1 && fail "expired.pem verifies now"
openssl verify -attime 1593561600 -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" "$PKI/expired.pem" >/dev/null || fail "expired.pem not valid in 2020"
openssl verify -crl_check -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" -CRLfile "$PKI/gov-ca.crl.pem" "$PKI/revoked.pem" >/dev/null 2>&1 && fail "revoked.pem not revoked"
openssl verify -crl_check -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" -CRLfile "$PKI/gov-ca.crl.pem" "$PKI/signer-rsa2048.pem" >/dev/null || fail "CRL check of a good cert"

# Names are UTF8String with the diacritics intact.
openssl asn1parse -in "$PKI/signer-rsa2048.pem" | grep -q "UTF8STRING.*:Nguy" || fail "CN is not a UTF8String"
[[ "$(openssl x509 -in "$PKI/signer-rsa2048.pem" -noout -subject -nameopt utf8,sep_multiline | grep CN)" == *"Nguyễn Thị Lấp Lánh"* ]] || fail "CN diacritics"
openssl x509 -in "$PKI/tsa.pem" -noout -text | grep -A1 "Extended Key Usage: critical" | grep -q "Time Stamping" || fail "TSA EKU not critical timeStamping"
openssl x509 -in "$PKI/gov-ca.pem" -noout -text | grep -q "pathlen:0" || fail "gov-ca pathlen"
openssl x509 -in "$PKI/gov-ca.pem" -noout -text | grep -q "2.16.704.1.1.1.1.1" || fail "gov-ca policy"

# HTTP: the AIA and CRL DP targets.
curl -sf --max-time 5 "http://127.0.0.1:$BASE/gov-ca.der" -o "$T/ca.der" || fail "HTTP gov-ca.der"
cmp -s "$T/ca.der" "$PKI/gov-ca.der" || fail "HTTP gov-ca.der differs"
curl -sf --max-time 5 "http://127.0.0.1:$BASE/gov-ca.crl" | openssl crl -inform DER -noout || fail "HTTP gov-ca.crl"

# OCSP: good and revoked, the answer signed by the delegated responder.
ocsp() {
  openssl ocsp -issuer "$PKI/gov-ca.pem" -cert "$PKI/$1" -url "http://127.0.0.1:$((BASE + 1))/" \
    -CAfile "$PKI/root.pem" -VAfile "$PKI/ocsp.pem" -timeout 5 2>&1
}
ocsp signer-rsa2048.pem | grep -q "signer-rsa2048.pem: good" || fail "OCSP good: $(ocsp signer-rsa2048.pem)"
ocsp revoked.pem | grep -q "revoked.pem: revoked" || fail "OCSP revoked: $(ocsp revoked.pem)"

# TSA: a real reply that `openssl ts -verify` accepts.
printf 'kyso test data' >"$T/data"
openssl ts -query -data "$T/data" -sha256 -cert -out "$T/q.tsq"
curl -sf --max-time 5 -H 'Content-Type: application/timestamp-query' --data-binary "@$T/q.tsq" \
  "http://127.0.0.1:$((BASE + 2))/" -o "$T/r.tsr" || fail "TSA POST"
openssl ts -verify -queryfile "$T/q.tsq" -in "$T/r.tsr" -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" >/dev/null || fail "TSA reply does not verify"
curl -sf --max-time 5 --data-binary "@$T/q.tsq" "http://127.0.0.1:$((BASE + 2))/wrong-nonce" -o "$T/w.tsr" || fail "TSA wrong-nonce"
openssl ts -verify -queryfile "$T/q.tsq" -in "$T/w.tsr" -CAfile "$PKI/root.pem" -untrusted "$PKI/gov-ca.pem" >/dev/null 2>&1 && fail "wrong-nonce reply verifies"
echo "check-pki: ok"
