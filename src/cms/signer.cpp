#include "src/cms/signer.h"

#include <fcntl.h>
#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <unistd.h>

#include <cerrno>
#include <ctime>

#include "certs/timestamp.h"
#include "src/cms/signed_attrs.h"
#include "src/core/openssl_ptr.h"

namespace kyso::cms {

int digestNid(DigestAlg d) {
  switch (d) {
    case DigestAlg::Sha256:
      return NID_sha256;
    case DigestAlg::Sha384:
      return NID_sha384;
    case DigestAlg::Sha512:
      return NID_sha512;
    case DigestAlg::Shake256:
      return NID_shake256;
  }
  return NID_sha256;
}

std::size_t digestSize(DigestAlg d) {
  return d == DigestAlg::Sha256 ? 32 : d == DigestAlg::Sha384 ? 48 : 64;  // SHAKE256: 512 bits
}

namespace {

constexpr const char* kOp = "cms::sign";

Status addSequenceAttr(CMS_SignerInfo* si, int nid, const std::string& der) {
  if (!CMS_signed_add1_attr_by_NID(si, nid, V_ASN1_SEQUENCE, der.data(),
                                   static_cast<int>(der.size())))
    return Error::openssl("CMS_signed_add1_attr_by_NID", OBJ_nid2sn(nid));
  return okStatus();
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
    return Error::openssl("RSA_PSS_PARAMS", "hash and salt");
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

}  // namespace

Result<std::vector<std::uint8_t>> signDigestSlowly(const SigningIdentity& id,
                                                   std::span<const std::uint8_t> digest,
                                                   const SignOptions& opt) {
  if (!id.key || !id.cert) return Error::kyso(Errc::KeyNotFound, kOp, "no key or certificate");
  if (digest.size() != digestSize(opt.digest))
    return Error::kyso(Errc::UsageError, kOp, "digest length does not match the algorithm");
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
  const EVP_MD* md = EVP_get_digestbynid(digestNid(opt.digest));

  ossl::Ptr<CMS_ContentInfo> cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
  if (!cms) return Error::openssl("CMS_sign");
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), id.cert.get(), id.key.get(), md,
                                       CMS_PARTIAL | CMS_NOSMIMECAP | CMS_BINARY);
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

  if (!CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                   OBJ_nid2obj(NID_pkcs7_data), -1) ||
      !CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.data(),
                                   static_cast<int>(digest.size())))
    return Error::openssl("CMS_signed_add1_attr_by_NID");
  if (opt.signingTime) {
    std::time_t now = opt.signingTimeOverride ? static_cast<std::time_t>(*opt.signingTimeOverride)
                                              : std::time(nullptr);
    ossl::Ptr<ASN1_STRING> t(X509_time_adj_ex(nullptr, 0, 0, &now));
    if (!t || !CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, ASN1_STRING_type(t.get()),
                                           t.get(), -1))
      return Error::openssl("signingTime");
  }
  if (opt.signingCertificateV2) {
    KYSO_ASSIGN_OR_RETURN(std::string ess, essV2(id.cert.get()));
    KYSO_TRY(addSequenceAttr(si, NID_id_smime_aa_signingCertificateV2, ess));
  }

  // RFC 5652 5.4: the signature covers the DER of the signed attributes with an explicit SET tag.
  KYSO_ASSIGN_OR_RETURN(std::string tbs, signedAttributesDer(si));
  ossl::Ptr<EVP_MD_CTX> mctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;  // owned by mctx
  if (!mctx ||
      EVP_DigestSignInit(mctx.get(), &pctx, eddsa ? nullptr : md, nullptr, id.key.get()) != 1)
    return Error::openssl("EVP_DigestSignInit", id.description);
  if (opt.rsaPss && (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
                     EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, md) <= 0 ||
                     EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST) <= 0))
    return Error::openssl("EVP_PKEY_CTX_set_rsa_padding", "RSASSA-PSS");
  size_t sigLen = 0;
  const auto* tbsp = reinterpret_cast<const unsigned char*>(tbs.data());
  if (EVP_DigestSign(mctx.get(), nullptr, &sigLen, tbsp, tbs.size()) != 1)
    return Error::openssl("EVP_DigestSign", id.description);
  std::vector<unsigned char> sig(sigLen);
  if (EVP_DigestSign(mctx.get(), sig.data(), &sigLen, tbsp, tbs.size()) != 1)
    return Error::openssl("EVP_DigestSign", id.description);
  sig.resize(sigLen);
  if (!ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), sig.data(), static_cast<int>(sig.size())))
    return Error::openssl("ASN1_STRING_set");

  if (opt.tsaUrl) {
    unsigned char h[32];
    unsigned int hl = 0;
    EVP_Digest(sig.data(), sig.size(), h, &hl, EVP_sha256(), nullptr);
    KYSO_ASSIGN_OR_RETURN(std::string token, certs::requestTimestampSlowly(
                                                 *opt.tsaUrl, NID_sha256,
                                                 std::span<const unsigned char>(h, hl), opt.http));
    if (!CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE,
                                       token.data(), static_cast<int>(token.size())))
      return Error::openssl("CMS_unsigned_add1_attr_by_NID", "timeStampToken");
  }

  unsigned char* out = nullptr;
  int n = i2d_CMS_ContentInfo(cms.get(), &out);
  ossl::Mem<unsigned char> g(out);
  if (n <= 0) return Error::openssl("i2d_CMS_ContentInfo");
  return std::vector<std::uint8_t>(out, out + n);
}

Result<std::vector<std::uint8_t>> signStreamSlowly(const SigningIdentity& id, std::istream& in,
                                                   const SignOptions& optIn) {
  SignOptions opt = optIn;
  if (id.key && EVP_PKEY_is_a(id.key.get(), "ED25519")) opt.digest = DigestAlg::Sha512;
  if (id.key && EVP_PKEY_is_a(id.key.get(), "ED448")) opt.digest = DigestAlg::Shake256;
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  if (!ctx ||
      EVP_DigestInit_ex(ctx.get(), EVP_get_digestbynid(digestNid(opt.digest)), nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex");
  std::vector<char> buf(1 << 16);
  while (in) {
    in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
    std::streamsize got = in.gcount();
    if (got > 0) EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(got));
  }
  if (in.bad()) return Error::kyso(Errc::FileUnreadable, "read");
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (opt.digest == DigestAlg::Shake256) {
    len = 64;
    EVP_DigestFinalXOF(ctx.get(), md, len);
  } else {
    EVP_DigestFinal_ex(ctx.get(), md, &len);
  }
  return signDigestSlowly(id, std::span<const std::uint8_t>(md, len), opt);
}

Result<std::vector<std::uint8_t>> digestFile(const std::string& path, int mdNid) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::posix(errno, "open", path);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  const EVP_MD* md = EVP_get_digestbynid(mdNid);
  if (!ctx || !md || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex");
  // One buffer per thread, reused: a fresh zeroed megabyte per small file costs more than hashing
  // it.
  thread_local std::vector<unsigned char> buf(1 << 20);
  for (;;) {
    ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "read", path);
    }
    if (n == 0) break;
    EVP_DigestUpdate(ctx.get(), buf.data(), static_cast<size_t>(n));
  }
  std::vector<std::uint8_t> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (mdNid == NID_shake256) {
    len = 64;  // RFC 8419: SHAKE256 with 512-bit output
    EVP_DigestFinalXOF(ctx.get(), out.data(), len);
  } else {
    EVP_DigestFinal_ex(ctx.get(), out.data(), &len);
  }
  out.resize(len);
  return out;
}

}  // namespace kyso::cms
