#!/usr/bin/env bash
# make-pki.sh OUTDIR [PORT_BASE]
#
# Generates kyso's test PKI with the openssl CLI only. Output is made at test time (never
# committed). Idempotent: when OUTDIR/.stamp records this script's hash and the same PORT_BASE,
# nothing is done. Otherwise everything is made in a temporary folder beside OUTDIR and moved into
# place in one step, so a half-made PKI is never seen.
#
# URLs inside the certificates (loopback only):
#   http://127.0.0.1:<PORT_BASE+0>/   HTTP file server for www/ (CA certificates, CRLs)
#   http://127.0.0.1:<PORT_BASE+1>/   OCSP responder for certificates issued by gov-ca
#   http://127.0.0.1:<PORT_BASE+2>/   RFC 3161 TSA (tsa.pem); not written into certificates
# The intermediate (gov-ca) has a CRL DP (root.crl) and AIA caIssuers (root.der) but no OCSP URL,
# so intermediates are checked by CRL and end entities by OCSP or CRL.
#
# Every file below is PEM unless it ends in .der/.crl/.p7c. Keys (*.key) are unencrypted PKCS#8
# PEM, *.key.der the same key as DER PKCS#8 (for pkcs11-tool --write-object).
#
#   root.pem root.der root.key             "RootCA (test)", self-signed, RSA-3072, 2020..2050
#   gov-ca.pem gov-ca.der gov-ca.key       "Government CA (test)" under root, RSA-3072, modelled on
#                                          vgca-cp-ca-g2: CA:TRUE pathlen:0 critical, KU keyCertSign+
#                                          cRLSign critical, AKI/SKI, AIA caIssuers, cert policy
#                                          2.16.704.1.1.1.1.1, CRL DP
#   chain.pem                              gov-ca.pem + root.pem (intermediate first)
#   signer-rsa2048.{pem,der,key,key.der}   "Nguyễn Thị Lấp Lánh", RSA-2048, 2024..2046
#   signer-rsa3072.{pem,der,key,key.der}   "Trần Văn Bình", RSA-3072
#   signer-ec256.{pem,der,key,key.der}     "Lê Thị Hồng Nhung", EC P-256
#   signer-ed25519.{pem,der,key,key.der}   "Phạm Minh Đức (Ed25519)", Ed25519
#   signer-ed448.{pem,der,key,key.der}     "Phạm Minh Đức (Ed448)", Ed448
#   signer-rsa1024.{pem,der,key,key.der}   "Đỗ Văn Yếu (weak)", RSA-1024 (weak-key policy tests)
#   org.{pem,der,key,key.der}              organisation "Sở Y tế (test)", RSA-2048
#   expired.{pem,der,key,key.der}          "Hoàng Văn Hết Hạn", RSA-2048, valid 2020-01-01..2021-01-01
#   revoked.{pem,der,key,key.der}          "Vũ Thị Thu Hồi", RSA-2048, revoked (keyCompromise) in
#                                          gov-ca.crl and by the OCSP responder
#   wrong-ku.{pem,der,key,key.der}         "Bùi Văn Sai", KU keyEncipherment only (not for signing)
#   tsa.{pem,der,key,key.der}              "TSA (test)", EKU timeStamping (critical), RSA-2048
#   ocsp.{pem,der,key,key.der}             "OCSP Responder (test)" issued by gov-ca, EKU OCSPSigning,
#                                          id-pkix-ocsp-nocheck
#   ocsp-hang.{pem,der,key,key.der}        "Lý Văn Chờ": AIA OCSP -> http://127.0.0.1:<HTTP>/hang (never
#                                          answers), CRL DP -> /garbage (not a CRL): timeouts, bad CRLs
#   ocsp-garbage.{pem,der,key,key.der}     "Mai Thị Rác": AIA OCSP -> /garbage, CRL DP -> /status500
#   rogue-ocsp.{pem,der,key}               OCSPSigning cert issued by root (NOT authorised for
#                                          gov-ca's certificates): unauthorised-responder tests
#   gov-ca.crl.pem root.crl.pem            CRLs (PEM); www/gov-ca.crl and www/root.crl are DER
#   gov-ca-index.txt                       gov-ca's openssl ca database (for `openssl ocsp -index`)
#   www/root.der www/gov-ca.der            served over HTTP (AIA caIssuers targets)
#   www/gov-ca.p7c                         gov-ca as PKCS#7 certs-only (DER)
#   www/root.crl www/gov-ca.crl            served over HTTP (CRL DP targets)
#   ports.env                              HTTP_PORT= OCSP_PORT= TSA_PORT= (for scripts)
#   .stamp                                 the hash this output was made from
set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 OUTDIR [PORT_BASE]" >&2
  exit 64
fi
OUT=$1
PORT_BASE=${2:-${KYSO_TEST_PORT_BASE:-28000}}
HTTP_PORT=$PORT_BASE
OCSP_PORT=$((PORT_BASE + 1))
TSA_PORT=$((PORT_BASE + 2))
BASE_URL="http://127.0.0.1:${HTTP_PORT}"
OCSP_URL="http://127.0.0.1:${OCSP_PORT}/"

SCRIPT_HASH=$(sha256sum "$0" | cut -d' ' -f1)
STAMP="${SCRIPT_HASH} ${PORT_BASE}"
if [[ -f "$OUT/.stamp" && "$(cat "$OUT/.stamp")" == "$STAMP" && -f "$OUT/gov-ca.crl.pem" ]]; then
  exit 0
fi

mkdir -p "$(dirname "$OUT")"
WORK=$(mktemp -d "${OUT%/}.tmp.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
mkdir -p www db/root db/gov
: >db/root/index.txt
: >db/gov/index.txt
echo 1000 >db/root/serial
echo 2000 >db/gov/serial
echo 1000 >db/root/crlnumber
echo 1000 >db/gov/crlnumber
export OPENSSL_CONF=/dev/null

cat >ca.cnf <<EOF
[ ca ]
default_ca = rootca

[ rootca ]
dir = $WORK/db/root
database = \$dir/index.txt
serial = \$dir/serial
crlnumber = \$dir/crlnumber
new_certs_dir = \$dir
certificate = $WORK/root.pem
private_key = $WORK/root.key
default_md = sha256
default_crl_days = 3650
policy = policy_any
preserve = yes
unique_subject = no
email_in_dn = no
copy_extensions = none
crl_extensions = crl_ext

[ govca ]
dir = $WORK/db/gov
database = \$dir/index.txt
serial = \$dir/serial
crlnumber = \$dir/crlnumber
new_certs_dir = \$dir
certificate = $WORK/gov-ca.pem
private_key = $WORK/gov-ca.key
default_md = sha256
default_crl_days = 3650
policy = policy_any
preserve = yes
unique_subject = no
email_in_dn = no
copy_extensions = none
crl_extensions = crl_ext

[ policy_any ]
countryName = optional
stateOrProvinceName = optional
localityName = optional
organizationName = optional
organizationalUnitName = optional
commonName = supplied
UID = optional
emailAddress = optional

[ req ]
distinguished_name = req_dn
string_mask = utf8only
utf8 = yes
[ req_dn ]

[ crl_ext ]
authorityKeyIdentifier = keyid:always

[ v3_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ v3_govca ]
basicConstraints = critical, CA:TRUE, pathlen:0
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:${BASE_URL}/root.der
certificatePolicies = @gov_policy
crlDistributionPoints = URI:${BASE_URL}/root.crl
subjectKeyIdentifier = hash
keyUsage = critical, keyCertSign, cRLSign

[ gov_policy ]
policyIdentifier = 2.16.704.1.1.1.1.1
CPS.1 = ${BASE_URL}/policies/CP

[ v3_signer ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = emailProtection, clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:${BASE_URL}/gov-ca.der, OCSP;URI:${OCSP_URL}
crlDistributionPoints = URI:${BASE_URL}/gov-ca.crl
certificatePolicies = 2.16.704.1.1.1.1.1

[ v3_ocsp_hang ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:${BASE_URL}/gov-ca.der, OCSP;URI:${BASE_URL}/hang
crlDistributionPoints = URI:${BASE_URL}/garbage

[ v3_ocsp_garbage ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:${BASE_URL}/gov-ca.der, OCSP;URI:${BASE_URL}/garbage
crlDistributionPoints = URI:${BASE_URL}/status500

[ v3_wrong_ku ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, keyEncipherment
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:${BASE_URL}/gov-ca.der, OCSP;URI:${OCSP_URL}
crlDistributionPoints = URI:${BASE_URL}/gov-ca.crl

[ v3_tsa ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, nonRepudiation
extendedKeyUsage = critical, timeStamping
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = caIssuers;URI:${BASE_URL}/gov-ca.der, OCSP;URI:${OCSP_URL}
crlDistributionPoints = URI:${BASE_URL}/gov-ca.crl

[ v3_ocsp ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = critical, OCSPSigning
noCheck = ignored
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
EOF

CNF=$WORK/ca.cnf

# newkey NAME SPEC: SPEC is rsa:BITS, ec:CURVE, ed25519 or ed448
newkey() {
  local name=$1 spec=$2
  case $spec in
    rsa:*) openssl genpkey -algorithm RSA -pkeyopt "rsa_keygen_bits:${spec#rsa:}" -out "$name.key" 2>/dev/null ;;
    ec:*) openssl genpkey -algorithm EC -pkeyopt "ec_paramgen_curve:${spec#ec:}" -out "$name.key" ;;
    ed25519) openssl genpkey -algorithm ED25519 -out "$name.key" ;;
    ed448) openssl genpkey -algorithm ED448 -out "$name.key" ;;
  esac
  openssl pkey -in "$name.key" -outform DER -out "$name.key.der"
}

# issue CA_NAME NAME SUBJECT EXTENSIONS START END
issue() {
  local ca=$1 name=$2 subj=$3 ext=$4 start=$5 end=$6
  openssl req -new -config "$CNF" -utf8 -key "$name.key" -subj "$subj" -out "$name.csr"
  openssl ca -batch -config "$CNF" -name "$ca" -utf8 -notext -extensions "$ext" \
    -startdate "$start" -enddate "$end" -in "$name.csr" -out "$name.pem" 2>/dev/null
  openssl x509 -in "$name.pem" -outform DER -out "$name.der"
  rm -f "$name.csr"
}

# Keys first, in parallel: RSA generation dominates the run time.
newkey root rsa:3072 &
newkey gov-ca rsa:3072 &
newkey signer-rsa3072 rsa:3072 &
wait
for n in signer-rsa2048 org expired revoked wrong-ku tsa ocsp rogue-ocsp ocsp-hang ocsp-garbage; do newkey "$n" rsa:2048 & done
newkey signer-rsa1024 rsa:1024 &
newkey signer-ec256 ec:P-256 &
newkey signer-ed25519 ed25519 &
newkey signer-ed448 ed448 &
wait

# Root: self-signed through `openssl ca -selfsign` so that its validity period can be fixed.
openssl req -new -config "$CNF" -utf8 -key root.key -subj "/C=VN/O=kyso test PKI/CN=RootCA (test)" -out root.csr
openssl ca -batch -config "$CNF" -name rootca -selfsign -keyfile root.key -utf8 -notext \
  -extensions v3_root -startdate 20200101000000Z -enddate 20500101000000Z \
  -in root.csr -out root.pem 2>/dev/null
openssl x509 -in root.pem -outform DER -out root.der
rm -f root.csr

issue rootca gov-ca "/C=VN/O=Ban Cơ yếu Chính phủ (test)/CN=Government CA (test)" v3_govca \
  20200101000000Z 20490101000000Z
cat gov-ca.pem root.pem >chain.pem

ORG="/C=VN/ST=Hà Nội/O=Sở Y tế (test)"
issue govca signer-rsa2048 "$ORG/OU=Văn phòng/CN=Nguyễn Thị Lấp Lánh" v3_signer 20240101000000Z 20460101000000Z
issue govca signer-rsa3072 "$ORG/OU=Phòng Nghiệp vụ Y/CN=Trần Văn Bình" v3_signer 20240101000000Z 20460101000000Z
issue govca signer-ec256 "$ORG/OU=Thanh tra/CN=Lê Thị Hồng Nhung" v3_signer 20240101000000Z 20460101000000Z
issue govca signer-ed25519 "$ORG/CN=Phạm Minh Đức (Ed25519)" v3_signer 20240101000000Z 20460101000000Z
issue govca signer-ed448 "$ORG/CN=Phạm Minh Đức (Ed448)" v3_signer 20240101000000Z 20460101000000Z
issue govca signer-rsa1024 "$ORG/CN=Đỗ Văn Yếu (weak)" v3_signer 20240101000000Z 20460101000000Z
issue govca org "/C=VN/ST=Hà Nội/CN=Sở Y tế (test)/O=Sở Y tế (test)" v3_signer 20240101000000Z 20460101000000Z
issue govca expired "$ORG/CN=Hoàng Văn Hết Hạn" v3_signer 20200101000000Z 20210101000000Z
issue govca revoked "$ORG/CN=Vũ Thị Thu Hồi" v3_signer 20240101000000Z 20460101000000Z
issue govca wrong-ku "$ORG/CN=Bùi Văn Sai" v3_wrong_ku 20240101000000Z 20460101000000Z
issue govca ocsp-hang "$ORG/CN=Lý Văn Chờ" v3_ocsp_hang 20240101000000Z 20460101000000Z
issue govca ocsp-garbage "$ORG/CN=Mai Thị Rác" v3_ocsp_garbage 20240101000000Z 20460101000000Z
issue govca tsa "/C=VN/O=Ban Cơ yếu Chính phủ (test)/CN=TSA (test)" v3_tsa 20200101000000Z 20460101000000Z
issue govca ocsp "/C=VN/O=Ban Cơ yếu Chính phủ (test)/CN=OCSP Responder (test)" v3_ocsp 20200101000000Z 20460101000000Z
issue rootca rogue-ocsp "/C=VN/O=kyso test PKI/CN=Rogue OCSP Responder (test)" v3_ocsp 20200101000000Z 20460101000000Z

openssl ca -batch -config "$CNF" -name govca -revoke revoked.pem -crl_reason keyCompromise 2>/dev/null
openssl ca -batch -config "$CNF" -name govca -gencrl -out gov-ca.crl.pem 2>/dev/null
openssl ca -batch -config "$CNF" -name rootca -gencrl -out root.crl.pem 2>/dev/null
openssl crl -in gov-ca.crl.pem -outform DER -out www/gov-ca.crl
openssl crl -in root.crl.pem -outform DER -out www/root.crl
cp root.der gov-ca.der www/
openssl crl2pkcs7 -nocrl -certfile gov-ca.pem -outform DER -out www/gov-ca.p7c
cp db/gov/index.txt gov-ca-index.txt

# Sanity: every end-entity certificate chains; the revoked one is revoked by the CRL.
for n in signer-rsa2048 signer-rsa3072 signer-ec256 signer-ed25519 signer-ed448 org tsa ocsp; do
  openssl verify -CAfile root.pem -untrusted gov-ca.pem "$n.pem" >/dev/null
done
if openssl verify -crl_check -CAfile root.pem -untrusted gov-ca.pem -CRLfile gov-ca.crl.pem revoked.pem >/dev/null 2>&1; then
  echo "make-pki.sh: revoked.pem is not revoked by gov-ca.crl" >&2
  exit 1
fi

printf 'HTTP_PORT=%s\nOCSP_PORT=%s\nTSA_PORT=%s\n' "$HTTP_PORT" "$OCSP_PORT" "$TSA_PORT" >ports.env
rm -f ca.cnf
echo "$STAMP" >.stamp

cd /
rm -rf "$OUT"
mv "$WORK" "$OUT"
trap - EXIT
