#include "src/cms/algorithms.h"

#include <openssl/err.h>
#include <openssl/rsa.h>

#include <cstring>
#include <vector>

#include "core/openssl_ptr.h"

namespace kyso::cms {
namespace {

Error mismatch(std::string ctx) {
  return Error::kyso(Errc::CmsAlgorithmMismatch, "verifySignature", std::move(ctx));
}

// BSI TR-03111 ecdsa-plain-SHA* (0.4.0.127.0.7.1.1.4.1.x): not in OpenSSL's table; compared by
// text.
int plainEcdsaHash(const ASN1_OBJECT* obj) {
  char buf[64] = {0};
  OBJ_obj2txt(buf, sizeof buf, obj, 1);
  static const struct {
    const char* oid;
    int nid;
  } kPlain[] = {
      {"0.4.0.127.0.7.1.1.4.1.1", NID_sha1},     {"0.4.0.127.0.7.1.1.4.1.2", NID_sha224},
      {"0.4.0.127.0.7.1.1.4.1.3", NID_sha256},   {"0.4.0.127.0.7.1.1.4.1.4", NID_sha384},
      {"0.4.0.127.0.7.1.1.4.1.5", NID_sha512},   {"0.4.0.127.0.7.1.1.4.1.8", NID_sha3_224},
      {"0.4.0.127.0.7.1.1.4.1.9", NID_sha3_256}, {"0.4.0.127.0.7.1.1.4.1.10", NID_sha3_384},
      {"0.4.0.127.0.7.1.1.4.1.11", NID_sha3_512}};
  for (auto& p : kPlain)
    if (std::strcmp(buf, p.oid) == 0) return p.nid;
  return 0;
}

// Plain r||s (two big-endian integers of equal length) to a DER ECDSA-Sig-Value.
Result<std::vector<unsigned char>> plainToDer(std::span<const unsigned char> sig) {
  if (sig.empty() || sig.size() % 2)
    return Error::kyso(Errc::CmsSignatureInvalid, "ECDSA plain", "odd length")
        .because(Detail::Technical);
  size_t half = sig.size() / 2;
  ossl::Ptr<ECDSA_SIG> es(ECDSA_SIG_new());
  BIGNUM* r = BN_bin2bn(sig.data(), static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(sig.data() + half, static_cast<int>(half), nullptr);
  if (!es || !r || !s || !ECDSA_SIG_set0(es.get(), r, s)) {  // set0 takes r and s
    ossl::Ptr<BIGNUM> rr(r), ss(s);
    return Error::openssl("ECDSA_SIG_set0");
  }
  unsigned char* b = nullptr;
  int n = i2d_ECDSA_SIG(es.get(), &b);
  ossl::Mem<unsigned char> g(b);
  if (n <= 0) return Error::openssl("i2d_ECDSA_SIG");
  return std::vector<unsigned char>(b, b + n);
}

// RSASSA-PSS-params: hash, MGF1 hash, salt length, trailer field 1.
struct PssParams {
  const EVP_MD* md = nullptr;
  const EVP_MD* mgf1 = nullptr;
  int saltLen = 20;
};

Result<PssParams> pssParams(const X509_ALGOR* alg) {
  int ptype = 0;
  const void* pval = nullptr;
  X509_ALGOR_get0(nullptr, &ptype, &pval, alg);
  PssParams out;
  out.md = EVP_sha1();
  out.mgf1 = EVP_sha1();
  if (ptype != V_ASN1_SEQUENCE || !pval) return out;  // all defaults (SHA-1): weak but defined
  const ASN1_STRING* seq = static_cast<const ASN1_STRING*>(pval);
  const unsigned char* p = ASN1_STRING_get0_data(seq);
  ossl::Ptr<RSA_PSS_PARAMS> params(d2i_RSA_PSS_PARAMS(nullptr, &p, ASN1_STRING_length(seq)));
  if (!params) {
    ERR_clear_error();
    return Error::kyso(Errc::CmsMalformed, "RSASSA-PSS params");
  }
  if (params->hashAlgorithm) out.md = EVP_get_digestbyobj(params->hashAlgorithm->algorithm);
  if (params->maskGenAlgorithm) {
    if (OBJ_obj2nid(params->maskGenAlgorithm->algorithm) != NID_mgf1)
      return Error::kyso(Errc::CmsUnknownAlgorithm, "RSASSA-PSS", "mask generation is not MGF1")
          .because(Detail::Technical);
    ossl::Ptr<X509_ALGOR> mgfHash;
    if (params->maskHash)
      mgfHash.reset(X509_ALGOR_dup(params->maskHash));
    else if (params->maskGenAlgorithm->parameter &&
             params->maskGenAlgorithm->parameter->type == V_ASN1_SEQUENCE) {
      const ASN1_STRING* s = params->maskGenAlgorithm->parameter->value.sequence;
      const unsigned char* q = ASN1_STRING_get0_data(s);
      mgfHash.reset(d2i_X509_ALGOR(nullptr, &q, ASN1_STRING_length(s)));
    }
    if (mgfHash) out.mgf1 = EVP_get_digestbyobj(mgfHash->algorithm);
  }
  if (params->saltLength) out.saltLen = static_cast<int>(ASN1_INTEGER_get(params->saltLength));
  if (params->trailerField && ASN1_INTEGER_get(params->trailerField) != 1)
    return Error::kyso(Errc::CmsUnknownAlgorithm, "RSASSA-PSS", "trailer field is not 1")
        .because(Detail::Technical);
  if (!out.md || !out.mgf1)
    return Error::kyso(Errc::CmsUnknownAlgorithm, "RSASSA-PSS", "unknown hash")
        .because(Detail::Technical);
  if (out.saltLen < 0)
    return Error::kyso(Errc::CmsMalformed, "RSASSA-PSS", "negative salt length")
        .because(Detail::Technical);
  return out;
}

bool keyIs(EVP_PKEY* key, const char* name) {
  return EVP_PKEY_is_a(key, name) == 1;
}

}  // namespace

std::string digestName(int nid) {
  if (nid == NID_undef) return "unknown";
  const char* sn = OBJ_nid2sn(nid);
  std::string s = sn ? sn : "unknown";
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  std::string out;
  for (char c : s)
    if (c != '-') out.push_back(c);
  return out;
}

bool weakDigest(int nid) {
  return nid == NID_sha1 || nid == NID_md5 || nid == NID_md2 || nid == NID_md4;
}

SigAlgInfo describeSigAlg(const X509_ALGOR* alg) {
  SigAlgInfo info;
  const ASN1_OBJECT* obj = nullptr;
  X509_ALGOR_get0(&obj, nullptr, nullptr, alg);
  int nid = OBJ_obj2nid(obj);
  if (int h = plainEcdsaHash(obj)) {
    info.family = SigAlgInfo::EcdsaPlain;
    info.hashNid = h;
    info.name = "ECDSA-plain";
    return info;
  }
  switch (nid) {
    case NID_rsaEncryption:
      info.family = SigAlgInfo::Rsa;
      info.name = "RSA";
      return info;
    case NID_rsassaPss:
      info.family = SigAlgInfo::RsaPss;
      info.name = "RSASSA-PSS";
      return info;
    case NID_ED25519:
      info.family = SigAlgInfo::Ed25519;
      info.name = "Ed25519";
      return info;
    case NID_ED448:
      info.family = SigAlgInfo::Ed448;
      info.name = "Ed448";
      return info;
    case NID_X9_62_id_ecPublicKey:
      info.family = SigAlgInfo::Ecdsa;
      info.name = "ECDSA";
      return info;
    default:
      break;
  }
  int hash = 0, pkey = 0;
  if (OBJ_find_sigid_algs(nid, &hash, &pkey)) {
    info.hashNid = hash;
    if (pkey == NID_rsaEncryption) {
      info.family = SigAlgInfo::Rsa;
      info.name = "RSA";
    } else if (pkey == NID_X9_62_id_ecPublicKey) {
      info.family = SigAlgInfo::Ecdsa;
      info.name = "ECDSA";
    }
  }
  if (info.family == SigAlgInfo::Unknown) {
    char buf[64] = {0};
    OBJ_obj2txt(buf, sizeof buf, obj, 1);
    info.name = buf;
  }
  return info;
}

namespace {

// Shared by both entry points: checks the OID against key and digest, then runs `verify` with a
// context configured for the family (padding, PSS parameters) and the signature in DER form.
Status checkAndPrepare(EVP_PKEY* key, const X509_ALGOR* sigAlg, int digestNid, SigAlgInfo& info,
                       const EVP_MD*& md, PssParams& pss, std::span<const unsigned char>& sig,
                       std::vector<unsigned char>& sigStore) {
  info = describeSigAlg(sigAlg);
  md = EVP_get_digestbynid(digestNid);
  switch (info.family) {
    case SigAlgInfo::Unknown:
      return Error::kyso(Errc::CmsUnknownAlgorithm, "verifySignature", info.name);
    case SigAlgInfo::Rsa:
      if (!keyIs(key, "RSA")) return mismatch("an RSA signature with a non-RSA key");
      break;
    case SigAlgInfo::RsaPss: {
      if (!keyIs(key, "RSA") && !keyIs(key, "RSA-PSS"))
        return mismatch("RSASSA-PSS with a non-RSA key");
      KYSO_ASSIGN_OR_RETURN(pss, pssParams(sigAlg));
      if (EVP_MD_get_type(pss.md) != digestNid)
        return mismatch("RSASSA-PSS hash differs from the digest algorithm");
      break;
    }
    case SigAlgInfo::Ecdsa:
    case SigAlgInfo::EcdsaPlain:
      if (!keyIs(key, "EC")) return mismatch("an ECDSA signature with a non-EC key");
      if (info.family == SigAlgInfo::EcdsaPlain) {
        KYSO_ASSIGN_OR_RETURN(sigStore, plainToDer(sig));
        sig = sigStore;
      }
      break;
    case SigAlgInfo::Ed25519:
      if (!keyIs(key, "ED25519")) return mismatch("Ed25519 with another key type");
      if (digestNid != NID_sha512)
        return mismatch("Ed25519 requires SHA-512 as the digest algorithm (RFC 8419)");
      return okStatus();
    case SigAlgInfo::Ed448:
      if (!keyIs(key, "ED448")) return mismatch("Ed448 with another key type");
      if (digestNid != NID_shake256)
        return mismatch("Ed448 requires SHAKE256 as the digest algorithm (RFC 8419)");
      return okStatus();
  }
  if (info.hashNid && info.hashNid != digestNid)
    return mismatch("the signature algorithm names " + digestName(info.hashNid) +
                    " but the digest is " + digestName(digestNid));
  if (!md) return Error::kyso(Errc::CmsUnknownAlgorithm, "verifySignature", digestName(digestNid));
  return okStatus();
}

Status configure(EVP_PKEY_CTX* pctx, const SigAlgInfo& info, const PssParams& pss) {
  if (info.family == SigAlgInfo::RsaPss) {
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, pss.mgf1) <= 0 ||
        EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, pss.saltLen) <= 0)
      return Error::openssl("EVP_PKEY_CTX_set_rsa_pss", {}, Errc::CmsUnknownAlgorithm);
  } else if (info.family == SigAlgInfo::Rsa) {
    if (EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) <= 0)
      return Error::openssl("EVP_PKEY_CTX_set_rsa_padding");
  }
  return okStatus();
}

}  // namespace

Status verifySignature(EVP_PKEY* key, const X509_ALGOR* sigAlg, int digestNid,
                       std::span<const unsigned char> tbs, std::span<const unsigned char> sig) {
  SigAlgInfo info;
  const EVP_MD* md = nullptr;
  PssParams pss;
  std::vector<unsigned char> store;
  KYSO_TRY(checkAndPrepare(key, sigAlg, digestNid, info, md, pss, sig, store));
  bool eddsa = info.family == SigAlgInfo::Ed25519 || info.family == SigAlgInfo::Ed448;
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (!ctx ||
      EVP_DigestVerifyInit(ctx.get(), &pctx,
                           eddsa ? nullptr : (info.family == SigAlgInfo::RsaPss ? pss.md : md),
                           nullptr, key) != 1)
    return Error::openssl("EVP_DigestVerifyInit", {}, Errc::CmsSignatureInvalid);
  if (!eddsa) KYSO_TRY(configure(pctx, info, pss));
  int ok = EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), tbs.data(), tbs.size());
  ERR_clear_error();
  if (ok != 1) return Error::kyso(Errc::CmsSignatureInvalid, "EVP_DigestVerify", info.name);
  return okStatus();
}

Status verifySignatureOfDigest(EVP_PKEY* key, const X509_ALGOR* sigAlg, int digestNid,
                               std::span<const unsigned char> digest,
                               std::span<const unsigned char> sig) {
  SigAlgInfo info;
  const EVP_MD* md = nullptr;
  PssParams pss;
  std::vector<unsigned char> store;
  KYSO_TRY(checkAndPrepare(key, sigAlg, digestNid, info, md, pss, sig, store));
  if (info.family == SigAlgInfo::Ed25519 || info.family == SigAlgInfo::Ed448)
    return Error::kyso(Errc::CmsUnknownAlgorithm, "verifySignatureOfDigest",
                       "EdDSA without signed attributes needs the whole content")
        .because(Detail::Technical);
  ossl::Ptr<EVP_PKEY_CTX> pctx(EVP_PKEY_CTX_new(key, nullptr));
  if (!pctx || EVP_PKEY_verify_init(pctx.get()) != 1) return Error::openssl("EVP_PKEY_verify_init");
  KYSO_TRY(configure(pctx.get(), info, pss));
  if (EVP_PKEY_CTX_set_signature_md(pctx.get(), info.family == SigAlgInfo::RsaPss ? pss.md : md) <=
      0)
    return Error::openssl("EVP_PKEY_CTX_set_signature_md");
  int ok = EVP_PKEY_verify(pctx.get(), sig.data(), sig.size(), digest.data(), digest.size());
  ERR_clear_error();
  if (ok != 1) return Error::kyso(Errc::CmsSignatureInvalid, "EVP_PKEY_verify", info.name);
  return okStatus();
}

}  // namespace kyso::cms
