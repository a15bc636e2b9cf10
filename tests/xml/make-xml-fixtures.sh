#!/usr/bin/env bash
# make-xml-fixtures.sh OUTDIR PKI_DIR
#
# The XML documents kyso's XML-DSig tests sign and verify (issue 20), made at test time with real
# tools: python3 writes the unsigned layouts, xmlsec1 (Debian's xmlsec1) signs templates with the
# test PKI's key files, and the attacks are edits of those xmlsec1-signed files as an attacker
# would make them. Nothing here is committed output. Idempotent per script hash.
#
# Unsigned (kyso signs these in the tests):
#   claim.xml            GIAMDINHHS claim envelope (QĐ 130/4750): THONGTINDONVI/MACSKCB,
#                        THONGTINHOSO with two FILEHOSO (XML1, XML2) whose NOIDUNGFILE is the base64
#                        of an inner Vietnamese XML file, and an empty CHUKYDONVI; XML declaration
#   claim-bom.xml        the same with a UTF-8 byte-order mark
#   checkin.xml          an XML0 check-in file (CHECKIN root) with CHUKYDONVI, no XML declaration
#   catalogue.xml        HSDANHMUC catalogue file with CHUKYDONVI
#   invoice.xml          HDon with DLHDon Id="data" and an empty DSCKS/NBan (TT 78)
#   generic.xml          a report with <NoiDung Id="nd1"> for --xml-sign-id and a <ChuKy> element
#   unsigned-foreign.xml an unsigned document carrying a Signature element in another namespace
#   billion-laughs.xml   a DOCTYPE with nested entities;  xxe.xml  an external entity (file:)
#   malformed.xml        not well-formed
# Signed by xmlsec1 --sign (kyso must accept them):
#   x-claim.xml          claim.xml's layout, enveloped URI="", RSA-SHA256, in CHUKYDONVI
#   x-invoice.xml        invoice.xml signed by Id (#data) with the seller's SigningTime object
#   x-ec.xml             generic.xml signed with the EC P-256 key (ECDSA-SHA256)
#   x-sha1.xml           claim.xml signed with RSA-SHA1 and SHA-1 (an old file: --accept-weak)
# Attacks on those (kyso must refuse them with the finding named):
#   a-changed.xml        x-claim.xml with the unit code changed            digest-mismatch
#   a-wrap-object.xml    x-invoice.xml: the signed DLHDon moved into the signature's Object and a
#                        forged DLHDon put where invoice software reads it  reference-inside-signature
#   a-wrap-dup-id.xml    x-invoice.xml: a forged DLHDon with the same Id first  duplicate-id
#   a-foreign-ns.xml     x-claim.xml with its Signature moved to another namespace  foreign-signature
#   a-external-ref.xml   x-claim.xml whose Reference URI is file:///etc/passwd   external-reference
#   a-xslt.xml           x-claim.xml with an XSLT transform added           transform-refused
#   a-hmac.xml           x-claim.xml with an HMAC SignatureMethod          algorithm-refused
#   a-id-only.xml        a claim file whose CHUKYDONVI signature covers only one element by Id
#                        (signed by xmlsec1)                               profile-data-not-covered
set -euo pipefail
out=${1:?OUTDIR}
pki=${2:?PKI_DIR}
here=$(cd "$(dirname "$0")" && pwd)
# The PKI's own stamp is part of the hash: its keys and addresses are in the signed files, so a
# remade PKI (another port base) remakes them too.
hash=$(cat "$0" "$here/xml_fixtures.py" "$pki/.stamp" 2>/dev/null | sha256sum | cut -d" " -f1)
[ -f "$out/.stamp" ] && [ "$(cat "$out/.stamp")" = "$hash" ] && exit 0
command -v xmlsec1 >/dev/null || { echo "make-xml-fixtures: xmlsec1 is not installed" >&2; exit 1; }
tmp=$(mktemp -d "${out%/}.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python3 "$here/xml_fixtures.py" unsigned "$tmp"

sign() {  # sign KEY CERT TEMPLATE OUT [id-attr ...]
  local key=$1 cert=$2 in=$3 o=$4
  shift 4
  xmlsec1 --sign --privkey-pem "$key,$cert" "$@" --output "$o" "$in"
}
python3 "$here/xml_fixtures.py" templates "$tmp"
sign "$pki/signer-rsa2048.key" "$pki/signer-rsa2048.pem" "$tmp/t-claim.xml" "$tmp/x-claim.xml"
sign "$pki/signer-rsa2048.key" "$pki/signer-rsa2048.pem" "$tmp/t-invoice.xml" "$tmp/x-invoice.xml" \
  --id-attr:Id DLHDon --id-attr:Id Object
sign "$pki/signer-ec256.key" "$pki/signer-ec256.pem" "$tmp/t-ec.xml" "$tmp/x-ec.xml"
sign "$pki/signer-rsa2048.key" "$pki/signer-rsa2048.pem" "$tmp/t-sha1.xml" "$tmp/x-sha1.xml"
sign "$pki/signer-rsa2048.key" "$pki/signer-rsa2048.pem" "$tmp/t-id-only.xml" "$tmp/a-id-only.xml" \
  --id-attr:Id THONGTINHOSO
rm -f "$tmp"/t-*.xml
# xmlsec1 itself accepts what it signed (with the test root): the fixtures are sound.
for f in x-claim x-ec x-sha1; do
  xmlsec1 --verify --trusted-pem "$pki/root.pem" --untrusted-pem "$pki/gov-ca.pem" \
    "$tmp/$f.xml" >/dev/null 2>&1 || { echo "xmlsec1 does not verify $f.xml" >&2; exit 1; }
done
python3 "$here/xml_fixtures.py" attacks "$tmp"

echo "$hash" >"$tmp/.stamp"
rm -rf "$out"
mv "$tmp" "$out"
trap - EXIT
