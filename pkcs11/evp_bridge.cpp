// The one file in kyso that uses deprecated OpenSSL APIs (RSA_METHOD, EC_KEY_METHOD, RSA/EC_KEY
// objects, their ex_data, EVP_PKEY_METHOD and ENGINE).
//
// Why: OpenSSL 3 has exactly two ways to make an EVP_PKEY whose private operation runs
// elsewhere: a provider (keymgmt + signature + the matching/export rules CMS relies on), or a
// "foreign" legacy key with a custom RSA_METHOD / EC_KEY_METHOD, which OpenSSL 3.0 still routes
// through its legacy EVP_PKEY_METHOD path. libp11 0.4.12 uses the latter too. The legacy route
// is small and proven with CMS_sign; a provider is the better long-term home.
// RSA-PSS: RSA_METHOD only sees the padded block (EMSA-PSS is applied by OpenSSL), which a token
// can sign only with CKM_RSA_X_509, and many tokens refuse raw RSA. To give the token the digest
// for CKM_RSA_PKCS_PSS, the bridge's RSA keys carry a private in-process ENGINE whose only job is
// an EVP_PKEY_METHOD: a copy of OpenSSL's RSA one with its sign() wrapped. The ENGINE is attached
// to these keys alone (EVP_PKEY_set1_engine), never registered as a default for anything.
// Where: pkcs11/CMakeLists.txt sets OPENSSL_API_COMPAT=10100, removes OPENSSL_NO_DEPRECATED and
// adds -Wno-deprecated-declarations for this file only (set_source_files_properties).
#include "pkcs11/evp_bridge.h"

#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/rsa.h>

#include <cstring>
#include <mutex>

namespace kyso::p11 {
namespace {

struct Holder {
  std::shared_ptr<TokenKey> key;
};

int g_rsaIndex = -1;
int g_ecIndex = -1;
RSA_METHOD* g_rsaMethod = nullptr;
EC_KEY_METHOD* g_ecMethod = nullptr;
EVP_PKEY_METHOD* g_rsaPmeth = nullptr;
ENGINE* g_engine = nullptr;
int (*g_defaultRsaSign)(EVP_PKEY_CTX*, unsigned char*, size_t*, const unsigned char*,
                        size_t) = nullptr;
std::once_flag g_once;

void freeHolder(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  delete static_cast<Holder*>(ptr);
}

// The token's error reaches whoever called OpenSSL through the error queue: their
// Error::openssl returns it (core/error.h).
void record(const Error& e) {
  raiseThroughOpenSsl(e);
}

// Runs a signature on the key's device worker and copies it out.
Result<Bytes> onWorker(TokenKey& key, CK_MECHANISM_TYPE mt, std::span<const std::uint8_t> in) {
  auto& worker = key.tokenSession()->worker();
  auto job = [&]() -> Result<Bytes> {
    CK_MECHANISM mech{mt, nullptr, 0};
    return key.signRaw(mech, in);
  };
  return worker ? worker->call(job) : job();
}

int rsaPrivEnc(int flen, const unsigned char* from, unsigned char* to, RSA* rsa, int padding) {
  auto* h = static_cast<Holder*>(RSA_get_ex_data(rsa, g_rsaIndex));
  if (!h) return -1;
  CK_MECHANISM_TYPE mt;
  if (padding == RSA_PKCS1_PADDING)
    mt = CKM_RSA_PKCS;
  else if (padding == RSA_NO_PADDING)
    mt = CKM_RSA_X_509;
  else {
    record(Error::kyso(Errc::MechanismUnsupported, "RSA_private_encrypt", "padding"));
    return -1;
  }
  // Raw RSA arrives here for PSS parameters CKM_RSA_PKCS_PSS cannot express (or a token without
  // it): say which mechanism is missing instead of passing the token's CKR_MECHANISM_INVALID.
  if (!h->key->tokenSession()->hasMechanism(mt)) {
    record(Error::kyso(Errc::MechanismUnsupported, "RSA_private_encrypt", mechanismName(mt)));
    return -1;
  }
  auto sig = onWorker(*h->key, mt, {from, static_cast<std::size_t>(flen)});
  if (!sig.ok()) {
    record(sig.error());
    return -1;
  }
  int size = RSA_size(rsa);
  if (sig->size() > static_cast<std::size_t>(size)) {
    record(Error::kyso(Errc::CmsSignatureInvalid, "C_Sign", "signature longer than modulus")
               .because(Detail::Technical));
    return -1;
  }
  // Left-pad with zeros: some tokens drop leading zero bytes of the signature.
  std::size_t pad = static_cast<std::size_t>(size) - sig->size();
  std::memset(to, 0, pad);
  std::memcpy(to + pad, sig->data(), sig->size());
  return size;
}

std::optional<HashAlg> hashOf(const EVP_MD* md) {
  switch (md ? EVP_MD_get_type(md) : NID_undef) {
    case NID_sha256:
      return HashAlg::Sha256;
    case NID_sha384:
      return HashAlg::Sha384;
    case NID_sha512:
      return HashAlg::Sha512;
    default:
      return std::nullopt;
  }
}

// EVP_PKEY_METHOD sign() for the bridge's RSA keys. PSS with MGF1 of the signature hash and a
// salt as long as the hash (what CKM_RSA_PKCS_PSS with CK_RSA_PKCS_PSS_PARAMS expresses) goes to
// the token as CKM_RSA_PKCS_PSS over the digest when the token offers it; everything else takes
// OpenSSL's own path (PKCS#1 v1.5 -> CKM_RSA_PKCS, other PSS -> CKM_RSA_X_509 via rsaPrivEnc).
int pmethRsaSign(EVP_PKEY_CTX* ctx, unsigned char* sig, size_t* siglen, const unsigned char* tbs,
                 size_t tbslen) {
  EVP_PKEY* pk = EVP_PKEY_CTX_get0_pkey(ctx);
  const RSA* rsa = pk ? EVP_PKEY_get0_RSA(pk) : nullptr;
  auto* h = rsa ? static_cast<Holder*>(RSA_get_ex_data(rsa, g_rsaIndex)) : nullptr;
  int pad = 0;
  if (!h || EVP_PKEY_CTX_get_rsa_padding(ctx, &pad) <= 0 || pad != RSA_PKCS1_PSS_PADDING ||
      !h->key->tokenSession()->hasMechanism(CKM_RSA_PKCS_PSS))
    return g_defaultRsaSign(ctx, sig, siglen, tbs, tbslen);
  const EVP_MD* md = nullptr;
  const EVP_MD* mgf1 = nullptr;
  int salt = 0;
  if (EVP_PKEY_CTX_get_signature_md(ctx, &md) <= 0 ||
      EVP_PKEY_CTX_get_rsa_mgf1_md(ctx, &mgf1) <= 0 ||
      EVP_PKEY_CTX_get_rsa_pss_saltlen(ctx, &salt) <= 0)
    return g_defaultRsaSign(ctx, sig, siglen, tbs, tbslen);
  auto hash = hashOf(md);
  bool expressible = hash && mgf1 && EVP_MD_get_type(mgf1) == EVP_MD_get_type(md) &&
                     (salt == RSA_PSS_SALTLEN_DIGEST || salt == EVP_MD_get_size(md)) &&
                     tbslen == hashSize(*hash);
  if (!expressible) return g_defaultRsaSign(ctx, sig, siglen, tbs, tbslen);
  auto size = static_cast<std::size_t>(RSA_size(rsa));
  if (!sig) {
    *siglen = size;
    return 1;
  }
  if (*siglen < size) return 0;
  TokenKey& key = *h->key;
  auto& worker = key.tokenSession()->worker();
  auto job = [&] { return key.signDigest(SignScheme::RsaPss, *hash, {tbs, tbslen}); };
  auto out = worker ? worker->call(job) : job();
  if (!out.ok()) {
    record(out.error());
    return 0;
  }
  if (out->size() > size) {
    record(Error::kyso(Errc::CmsSignatureInvalid, "C_Sign", "signature longer than modulus")
               .because(Detail::Technical));
    return 0;
  }
  std::size_t lead = size - out->size();
  std::memset(sig, 0, lead);
  std::memcpy(sig + lead, out->data(), out->size());
  *siglen = size;
  return 1;
}

int enginePkeyMeths(ENGINE*, EVP_PKEY_METHOD** pmeth, const int** nids, int nid) {
  static const int kNids[] = {EVP_PKEY_RSA};
  if (!pmeth) {
    *nids = kNids;
    return 1;
  }
  *pmeth = nid == EVP_PKEY_RSA ? g_rsaPmeth : nullptr;
  return *pmeth ? 1 : 0;
}

int rsaPrivDec(int, const unsigned char*, unsigned char*, RSA*, int) {
  record(Error::kyso(Errc::MechanismUnsupported, "RSA_private_decrypt", "signing keys only")
             .because(Detail::Technical));
  return -1;
}

ECDSA_SIG* ecSignSig(const unsigned char* dgst, int dlen, const BIGNUM*, const BIGNUM*,
                     EC_KEY* ec) {
  auto* h = static_cast<Holder*>(EC_KEY_get_ex_data(ec, g_ecIndex));
  if (!h) return nullptr;
  auto raw = onWorker(*h->key, CKM_ECDSA, {dgst, static_cast<std::size_t>(dlen)});
  if (!raw.ok()) {
    record(raw.error());
    return nullptr;
  }
  if (raw->empty() || raw->size() % 2) {
    record(Error::kyso(Errc::CmsSignatureInvalid, "C_Sign", "ECDSA signature length")
               .because(Detail::Technical));
    return nullptr;
  }
  std::size_t half = raw->size() / 2;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(raw->data(), static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(raw->data() + half, static_cast<int>(half), nullptr);
  if (!sig || !r || !s || !ECDSA_SIG_set0(sig, r, s)) {
    ECDSA_SIG_free(sig);
    BN_free(r);
    BN_free(s);
    return nullptr;
  }
  return sig;
}

int ecSign(int, const unsigned char* dgst, int dlen, unsigned char* out, unsigned int* outlen,
           const BIGNUM* kinv, const BIGNUM* r, EC_KEY* ec) {
  ossl::Ptr<ECDSA_SIG> sig(ecSignSig(dgst, dlen, kinv, r, ec));
  if (!sig) return 0;
  int n = i2d_ECDSA_SIG(sig.get(), &out);
  if (n <= 0) return 0;
  *outlen = static_cast<unsigned int>(n);
  return 1;
}

void init() {
  g_rsaIndex = RSA_get_ex_new_index(0, nullptr, nullptr, nullptr, freeHolder);
  g_ecIndex = EC_KEY_get_ex_new_index(0, nullptr, nullptr, nullptr, freeHolder);
  g_rsaMethod = RSA_meth_dup(RSA_PKCS1_OpenSSL());
  RSA_meth_set1_name(g_rsaMethod, "kyso token RSA");
  RSA_meth_set_priv_enc(g_rsaMethod, rsaPrivEnc);
  RSA_meth_set_priv_dec(g_rsaMethod, rsaPrivDec);
  g_ecMethod = EC_KEY_METHOD_new(EC_KEY_OpenSSL());
  EC_KEY_METHOD_set_sign(g_ecMethod, ecSign, nullptr, ecSignSig);

  // EVP_PKEY_meth_copy keeps the destination's flags: AUTOARGLEN (size queries answered by
  // EVP_PKEY_sign itself) must be set here as OpenSSL's RSA method has it.
  g_rsaPmeth = EVP_PKEY_meth_new(EVP_PKEY_RSA, EVP_PKEY_FLAG_AUTOARGLEN);
  if (const EVP_PKEY_METHOD* base = EVP_PKEY_meth_find(EVP_PKEY_RSA); g_rsaPmeth && base) {
    EVP_PKEY_meth_copy(g_rsaPmeth, base);
    int (*signInit)(EVP_PKEY_CTX*) = nullptr;
    EVP_PKEY_meth_get_sign(g_rsaPmeth, &signInit, &g_defaultRsaSign);
    EVP_PKEY_meth_set_sign(g_rsaPmeth, signInit, pmethRsaSign);
    g_engine = ENGINE_new();
    if (g_engine && (!ENGINE_set_id(g_engine, "kyso-token-bridge") ||
                     !ENGINE_set_name(g_engine, "kyso token key bridge (RSA-PSS on the token)") ||
                     !ENGINE_set_pkey_meths(g_engine, enginePkeyMeths))) {
      ENGINE_free(g_engine);
      g_engine = nullptr;
    }
  }
}

Result<ossl::Ptr<EVP_PKEY>> makeRsa(std::shared_ptr<TokenKey> key, const EVP_PKEY* pub) {
  BIGNUM* n = nullptr;
  BIGNUM* e = nullptr;
  if (!EVP_PKEY_get_bn_param(pub, OSSL_PKEY_PARAM_RSA_N, &n) ||
      !EVP_PKEY_get_bn_param(pub, OSSL_PKEY_PARAM_RSA_E, &e)) {
    BN_free(n);
    BN_free(e);
    return Error::openssl("EVP_PKEY_get_bn_param: RSA public key");
  }
  RSA* rsa = RSA_new();
  if (!rsa || !RSA_set0_key(rsa, n, e, nullptr)) {
    RSA_free(rsa);
    BN_free(n);
    BN_free(e);
    return Error::openssl("RSA_set0_key");
  }
  RSA_set_method(rsa, g_rsaMethod);
  RSA_set_ex_data(rsa, g_rsaIndex, new Holder{std::move(key)});
  ossl::Ptr<EVP_PKEY> pk(EVP_PKEY_new());
  if (!pk || !EVP_PKEY_assign_RSA(pk.get(), rsa)) {
    RSA_free(rsa);
    return Error::openssl("EVP_PKEY_assign_RSA");
  }
  if (!g_engine || !g_defaultRsaSign || !EVP_PKEY_set1_engine(pk.get(), g_engine))
    return Error::openssl("EVP_PKEY_set1_engine", "token RSA-PSS method");
  return pk;
}

Result<ossl::Ptr<EVP_PKEY>> makeEc(std::shared_ptr<TokenKey> key, const EVP_PKEY* pub) {
  char group[80] = {};
  std::size_t glen = 0;
  if (!EVP_PKEY_get_utf8_string_param(pub, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group, &glen))
    return Error::openssl("EVP_PKEY_get_utf8_string_param", "EC group");
  unsigned char point[200];
  std::size_t plen = 0;
  if (!EVP_PKEY_get_octet_string_param(pub, OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &plen))
    return Error::openssl("EVP_PKEY_get_octet_string_param", "EC point");
  int nid = OBJ_txt2nid(group);
  if (nid == NID_undef) nid = EC_curve_nist2nid(group);
  EC_KEY* ec = EC_KEY_new_by_curve_name(nid);
  if (!ec || !EC_KEY_oct2key(ec, point, plen, nullptr)) {
    EC_KEY_free(ec);
    return Error::openssl("EC_KEY_oct2key", group);
  }
  EC_KEY_set_method(ec, g_ecMethod);
  EC_KEY_set_ex_data(ec, g_ecIndex, new Holder{std::move(key)});
  ossl::Ptr<EVP_PKEY> pk(EVP_PKEY_new());
  if (!pk || !EVP_PKEY_assign_EC_KEY(pk.get(), ec)) {
    EC_KEY_free(ec);
    return Error::openssl("EVP_PKEY_assign_EC_KEY");
  }
  return pk;
}

}  // namespace

Result<ossl::Ptr<EVP_PKEY>> makeTokenEvpKey(std::shared_ptr<TokenKey> key,
                                            const EVP_PKEY* publicKey) {
  std::call_once(g_once, init);
  if (!key || !publicKey) return Error::kyso(Errc::KeyNotFound, "makeTokenEvpKey");
  if (EVP_PKEY_is_a(publicKey, "RSA")) return makeRsa(std::move(key), publicKey);
  if (EVP_PKEY_is_a(publicKey, "EC")) return makeEc(std::move(key), publicKey);
  return Error::kyso(Errc::MechanismUnsupported, "makeTokenEvpKey")
      .because(Detail::KeyTypeUnsupported);
}

bool isTokenEvpKey(const EVP_PKEY* pkey) {
  if (!pkey || g_rsaIndex < 0) return false;
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_RSA)
    if (const RSA* rsa = EVP_PKEY_get0_RSA(pkey))
      return RSA_get_ex_data(rsa, g_rsaIndex) != nullptr;
  if (id == EVP_PKEY_EC)
    if (const EC_KEY* ec = EVP_PKEY_get0_EC_KEY(pkey))
      return EC_KEY_get_ex_data(ec, g_ecIndex) != nullptr;
  return false;
}

}  // namespace kyso::p11
