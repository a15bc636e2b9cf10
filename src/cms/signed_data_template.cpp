#include "src/cms/signed_data_template.h"

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <algorithm>
#include <array>

#include "core/openssl_ptr.h"
#include "src/cms/der.h"

namespace kyso::cms {

namespace {

constexpr const char* kOp = "cms::sign";

std::string oidDer(int nid) {
  const ASN1_OBJECT* o = OBJ_nid2obj(nid);
  unsigned char* b = nullptr;
  int n = o ? i2d_ASN1_OBJECT(o, &b) : 0;
  ossl::Mem<unsigned char> g(b);
  return n > 0 ? std::string(reinterpret_cast<char*>(b), static_cast<size_t>(n)) : std::string();
}

// The OIDs written for every document, encoded once.
struct Oids {
  std::string messageDigest = oidDer(NID_pkcs9_messageDigest);
  std::string signingTime = oidDer(NID_pkcs9_signingTime);
  std::string timeStampToken = oidDer(NID_id_smime_aa_timeStampToken);
  std::string signedData = oidDer(NID_pkcs7_signed);
};
const Oids& oids() {
  static const Oids o;
  return o;
}

// Attribute ::= SEQUENCE { attrType OID, attrValues SET OF ANY } with one value.
std::string attribute(std::string_view oid, std::string_view valueDer) {
  std::string content(oid);
  content += der::wrap(0x31, valueDer);
  return der::wrap(0x30, content);
}

Result<std::string> essV2(X509* cert) {
  ossl::Ptr<ESS_SIGNING_CERT_V2> sc(
      OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), cert, nullptr, 1));
  if (!sc) return Error::openssl("OSSL_ESS_signing_cert_v2_new_init");
  unsigned char* b = nullptr;
  int n = i2d_ESS_SIGNING_CERT_V2(sc.get(), &b);
  ossl::Mem<unsigned char> g(b);
  if (n <= 0) return Error::openssl("i2d_ESS_SIGNING_CERT_V2");
  return std::string(reinterpret_cast<char*>(b), static_cast<size_t>(n));
}

// RSASSA-PSS-params for `md` (RFC 4055 3.1, as RFC 4056 profiles them for CMS): hashAlgorithm md,
// maskGenAlgorithm MGF1 over md, saltLength = the hash length, trailerField default (1).
Status setPssAlgorithm(X509_ALGOR* sigAlg, const EVP_MD* md) {
  ossl::Ptr<RSA_PSS_PARAMS> pss(RSA_PSS_PARAMS_new());
  ossl::Ptr<X509_ALGOR> mgfHash(X509_ALGOR_new());
  if (!pss || !mgfHash) return Error::openssl("RSA_PSS_PARAMS_new");
  pss->hashAlgorithm = X509_ALGOR_new();
  pss->maskGenAlgorithm = X509_ALGOR_new();
  pss->saltLength = ASN1_INTEGER_new();
  if (!pss->hashAlgorithm || !pss->maskGenAlgorithm || !pss->saltLength ||
      !ASN1_INTEGER_set(pss->saltLength, EVP_MD_get_size(md)))
    return Error::openssl("RSA_PSS_PARAMS: hash and salt");
  X509_ALGOR_set_md(pss->hashAlgorithm, md);
  X509_ALGOR_set_md(mgfHash.get(), md);
  ASN1_STRING* mgfParam = ASN1_item_pack(mgfHash.get(), ASN1_ITEM_rptr(X509_ALGOR), nullptr);
  if (!mgfParam ||
      !X509_ALGOR_set0(pss->maskGenAlgorithm, OBJ_nid2obj(NID_mgf1), V_ASN1_SEQUENCE, mgfParam)) {
    ASN1_STRING_free(mgfParam);
    return Error::openssl("X509_ALGOR_set0", "MGF1");
  }
  ASN1_STRING* params = ASN1_item_pack(pss.get(), ASN1_ITEM_rptr(RSA_PSS_PARAMS), nullptr);
  if (!params || !X509_ALGOR_set0(sigAlg, OBJ_nid2obj(NID_rsassaPss), V_ASN1_SEQUENCE, params)) {
    ASN1_STRING_free(params);
    return Error::openssl("X509_ALGOR_set0", "RSASSA-PSS");
  }
  return okStatus();
}

// The prototype: what OpenSSL's CMS code makes for this signer, without signed attributes and
// with an empty signature, as DER.
Result<std::string> prototypeDer(const SigningIdentity& id, const EVP_MD* md, bool eddsa,
                                 bool ed448, const SignOptions& opt) {
  const unsigned flags = CMS_PARTIAL | CMS_DETACHED | CMS_BINARY;
  ossl::Ptr<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
  if (!cms) return Error::openssl("CMS_sign");
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), id.cert.get(), id.key.get(), md,
                                       flags | CMS_NOATTR | CMS_NOSMIMECAP);
  if (!si) return Error::openssl("CMS_add1_signer", id.description);
  if (eddsa) {
    // OpenSSL 3.0 leaves signatureAlgorithm empty for EdDSA keys: RFC 8419 names the key's OID,
    // with absent parameters, for both algorithm identifiers.
    X509_ALGOR *digAlg = nullptr, *sigAlg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digAlg, &sigAlg);
    X509_ALGOR_set0(sigAlg, OBJ_nid2obj(ed448 ? NID_ED448 : NID_ED25519), V_ASN1_UNDEF, nullptr);
    X509_ALGOR_set0(digAlg, OBJ_nid2obj(digestNid(opt.digest)), V_ASN1_UNDEF, nullptr);
  }
  if (opt.rsaPss) {
    X509_ALGOR* sigAlg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, nullptr, &sigAlg);
    KYSO_TRY(setPssAlgorithm(sigAlg, md));
  }
  if (opt.includeChain && id.chain)
    for (int i = 0; i < sk_X509_num(id.chain.get()); ++i)
      if (!CMS_add1_cert(cms.get(), sk_X509_value(id.chain.get(), i)))
        ERR_clear_error();  // duplicates
  unsigned char* out = nullptr;
  int n = i2d_CMS_ContentInfo(cms.get(), &out);
  ossl::Mem<unsigned char> g(out);
  if (n <= 0) return Error::openssl("i2d_CMS_ContentInfo");
  return std::string(reinterpret_cast<char*>(out), static_cast<size_t>(n));
}

// The ASN.1 time OpenSSL's X509_time_adj_ex gives `t`: UTCTime for 1950-2049, else
// GeneralizedTime (RFC 5652 11.3), as a DER element.
std::string timeDer(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  const int year = tm.tm_year + 1900;
  const bool utc = year >= 1950 && year <= 2049;
  char buf[32];
  const int n = utc ? std::snprintf(buf, sizeof buf, "%02d%02d%02d%02d%02d%02dZ", year % 100,
                                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec)
                    : std::snprintf(buf, sizeof buf, "%04d%02d%02d%02d%02d%02dZ", year,
                                    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return der::wrap(utc ? 0x17 : 0x18, std::string_view(buf, static_cast<size_t>(n)));
}

}  // namespace

Result<SignedDataTemplate> SignedDataTemplate::make(const SigningIdentity& id,
                                                    const SignOptions& opt) {
  if (!id.key || !id.cert) return Error::kyso(Errc::KeyNotFound, kOp, "no key or certificate");
  int keyType = EVP_PKEY_get_base_id(id.key.get());
  bool ed448 = keyType == EVP_PKEY_ED448 || EVP_PKEY_is_a(id.key.get(), "ED448");
  bool eddsa = ed448 || keyType == EVP_PKEY_ED25519 || EVP_PKEY_is_a(id.key.get(), "ED25519");
  if (ed448 != (opt.digest == DigestAlg::Shake256))
    return Error::kyso(Errc::CmsAlgorithmMismatch, kOp,
                       "Ed448 and only Ed448 uses SHAKE256 (RFC 8419)");
  if (eddsa && !ed448 && opt.digest != DigestAlg::Sha512)
    return Error::kyso(Errc::CmsAlgorithmMismatch, kOp,
                       "Ed25519 signatures use SHA-512 (RFC 8419)");
  bool rsa = keyType == EVP_PKEY_RSA || EVP_PKEY_is_a(id.key.get(), "RSA");
  if (opt.rsaPss && !rsa)
    return Error::kyso(Errc::CmsAlgorithmMismatch, kOp, "RSASSA-PSS needs an RSA key");

  SignedDataTemplate t;
  t.m_opt = opt;
  t.m_md = EVP_get_digestbynid(digestNid(opt.digest));
  t.m_eddsa = eddsa;
  if (!t.m_md) return Error::openssl("EVP_get_digestbynid", OBJ_nid2sn(digestNid(opt.digest)));
  KYSO_ASSIGN_OR_RETURN(std::string proto, prototypeDer(id, t.m_md, eddsa, ed448, opt));

  // ContentInfo { signedData, [0] SignedData { version, digestAlgorithms, encapContentInfo,
  // [0] certificates, signerInfos { SignerInfo { version, sid, digestAlgorithm,
  // signatureAlgorithm, signature } } } }: cut out the fixed parts.
  const auto d = std::span<const unsigned char>(
      reinterpret_cast<const unsigned char*>(proto.data()), proto.size());
  auto bad = [] { return Error::kyso(Errc::CmsMalformed, kOp, "unexpected prototype SignedData"); };
  auto found = der::readSignedData(d);
  if (!found || found->contentInfo.end != d.size()) return bad();
  auto fields = der::children(d, found->signedData);
  if (!fields || fields->empty() || fields->back().tag != 0x31) return bad();
  const der::Tlv& infos = fields->back();
  auto signerInfos = der::children(d, infos);
  if (!signerInfos || signerInfos->size() != 1 || signerInfos->front().tag != 0x30) return bad();
  auto parsed = der::children(d, signerInfos->front());
  if (!parsed) return bad();
  const std::vector<der::Tlv>& f = *parsed;
  // version, sid (issuerAndSerialNumber), digestAlgorithm, signatureAlgorithm, signature (empty).
  if (f.size() != 5 || f[0].tag != 0x02 || f[1].tag != 0x30 || f[2].tag != 0x30 ||
      f[3].tag != 0x30 || f[4].tag != 0x04 || f[4].body != f[4].end)
    return bad();
  t.m_sdHead.assign(proto, found->signedData.body, infos.start - found->signedData.body);
  t.m_siHead.assign(proto, f[0].start, f[3].start - f[0].start);
  t.m_sigAlg.assign(proto, f[3].start, f[3].end - f[3].start);

  t.m_contentTypeAttr = attribute(oidDer(NID_pkcs9_contentType), oidDer(NID_pkcs7_data));
  if (opt.signingCertificateV2) {
    KYSO_ASSIGN_OR_RETURN(std::string ess, essV2(id.cert.get()));
    t.m_essAttr = attribute(oidDer(NID_id_smime_aa_signingCertificateV2), ess);
  }
  return t;
}

std::string SignedDataTemplate::signedAttributes(std::span<const std::uint8_t> digest,
                                                 std::time_t signingTime) const {
  const std::string_view md(reinterpret_cast<const char*>(digest.data()), digest.size());
  std::array<std::string, 4> attrs;
  std::size_t n = 0;
  attrs[n++] = m_contentTypeAttr;
  attrs[n++] = attribute(oids().messageDigest, der::wrap(0x04, md));
  if (m_opt.signingTime) attrs[n++] = attribute(oids().signingTime, timeDer(signingTime));
  if (!m_essAttr.empty()) attrs[n++] = m_essAttr;
  std::sort(attrs.begin(), attrs.begin() + static_cast<std::ptrdiff_t>(n),
            [](const std::string& a, const std::string& b) { return der::setOfLess(a, b); });
  std::string all;
  for (std::size_t i = 0; i < n; ++i) all += attrs[i];
  return der::wrap(0x31, all);
}

std::vector<std::uint8_t> SignedDataTemplate::contentInfo(std::string_view signedAttrs,
                                                          std::span<const unsigned char> signature,
                                                          std::string_view timestampToken) const {
  // SignerInfo.signedAttrs is [0] IMPLICIT SET OF Attribute: the same bytes with tag 0xa0.
  std::string si = m_siHead;
  si.push_back(static_cast<char>(0xa0));
  si.append(signedAttrs.substr(1));
  si += m_sigAlg;
  si += der::wrap(
      0x04, std::string_view(reinterpret_cast<const char*>(signature.data()), signature.size()));
  if (!timestampToken.empty())
    si += der::wrap(0xa1, attribute(oids().timeStampToken, timestampToken));
  std::string sd = m_sdHead;
  sd += der::wrap(0x31, der::wrap(0x30, si));
  std::string content = oids().signedData;
  content += der::wrap(0xa0, der::wrap(0x30, sd));
  const std::string ci = der::wrap(0x30, content);
  return std::vector<std::uint8_t>(ci.begin(), ci.end());
}

}  // namespace kyso::cms
