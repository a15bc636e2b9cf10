// Helpers shared by the token signing tests: EVP_DigestSign through a (token-backed) EVP_PKEY
// and verification with OpenSSL's software implementation against the key file.
#pragma once

#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <filesystem>
#include <string>

#include "pkcs11/evp_bridge.h"

namespace kyso::p11 {

inline ossl::Ptr<EVP_PKEY> loadPublic(const std::filesystem::path& keyFile) {
  ossl::Ptr<BIO> b(BIO_new_file(keyFile.c_str(), "r"));
  ossl::Ptr<EVP_PKEY> k(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
  return k;
}

inline bool verifyDigestSign(EVP_PKEY* pub, const std::string& data, const Bytes& sig,
                             const char* md, bool pss) {
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (EVP_DigestVerifyInit_ex(ctx.get(), &pctx, md, nullptr, nullptr, pub, nullptr) != 1)
    return false;
  if (pss) {
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
  }
  return EVP_DigestVerify(ctx.get(), sig.data(), sig.size(),
                          reinterpret_cast<const unsigned char*>(data.data()), data.size()) == 1;
}

inline Result<Bytes> digestSign(EVP_PKEY* key, const std::string& data, const char* md, bool pss) {
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pctx = nullptr;
  if (EVP_DigestSignInit_ex(ctx.get(), &pctx, md, nullptr, nullptr, key, nullptr) != 1)
    return Error::openssl("EVP_DigestSignInit_ex");
  if (pss) {
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
  }
  std::size_t len = 0;
  auto* p = reinterpret_cast<const unsigned char*>(data.data());
  if (EVP_DigestSign(ctx.get(), nullptr, &len, p, data.size()) != 1)
    return Error::openssl("EVP_DigestSign");
  Bytes sig(len);
  if (EVP_DigestSign(ctx.get(), sig.data(), &len, p, data.size()) != 1)
    return Error::openssl("EVP_DigestSign");
  sig.resize(len);
  return sig;
}

}  // namespace kyso::p11
