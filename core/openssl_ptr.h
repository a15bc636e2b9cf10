// Owning smart pointers for every OpenSSL handle kyso uses, in this one place (after BoringSSL's
// bssl::UniquePtr). Nothing in kyso calls *_free by hand. `ossl::Ptr<X509>` owns; raw `X509*` is
// borrowed unless a function's comment says it takes ownership.
#pragma once

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/cms.h>
#include <openssl/ess.h>
#include <openssl/evp.h>
#include <openssl/ocsp.h>
#include <openssl/pkcs7.h>
#include <openssl/rsa.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <openssl/x509_vfy.h>
#include <openssl/x509v3.h>

#include <memory>

namespace kyso::ossl {

template <class T>
struct Deleter;

#define KYSO_OSSL_DELETER(Type, fn)                    \
  template <>                                          \
  struct Deleter<Type> {                               \
    void operator()(Type* p) const noexcept { fn(p); } \
  };

KYSO_OSSL_DELETER(BIO, BIO_free_all)
KYSO_OSSL_DELETER(BIGNUM, BN_free)
KYSO_OSSL_DELETER(EVP_PKEY, EVP_PKEY_free)
KYSO_OSSL_DELETER(EVP_PKEY_CTX, EVP_PKEY_CTX_free)
KYSO_OSSL_DELETER(EVP_MD_CTX, EVP_MD_CTX_free)
KYSO_OSSL_DELETER(EVP_MD, EVP_MD_free)
KYSO_OSSL_DELETER(X509, X509_free)
KYSO_OSSL_DELETER(X509_CRL, X509_CRL_free)
KYSO_OSSL_DELETER(X509_REQ, X509_REQ_free)
KYSO_OSSL_DELETER(X509_NAME, X509_NAME_free)
KYSO_OSSL_DELETER(X509_EXTENSION, X509_EXTENSION_free)
KYSO_OSSL_DELETER(X509_STORE, X509_STORE_free)
KYSO_OSSL_DELETER(X509_STORE_CTX, X509_STORE_CTX_free)
KYSO_OSSL_DELETER(X509_VERIFY_PARAM, X509_VERIFY_PARAM_free)
KYSO_OSSL_DELETER(X509_ALGOR, X509_ALGOR_free)
KYSO_OSSL_DELETER(X509_ATTRIBUTE, X509_ATTRIBUTE_free)
KYSO_OSSL_DELETER(CMS_ContentInfo, CMS_ContentInfo_free)
KYSO_OSSL_DELETER(PKCS7, PKCS7_free)
KYSO_OSSL_DELETER(OCSP_REQUEST, OCSP_REQUEST_free)
KYSO_OSSL_DELETER(OCSP_RESPONSE, OCSP_RESPONSE_free)
KYSO_OSSL_DELETER(OCSP_BASICRESP, OCSP_BASICRESP_free)
KYSO_OSSL_DELETER(OCSP_CERTID, OCSP_CERTID_free)
KYSO_OSSL_DELETER(TS_REQ, TS_REQ_free)
KYSO_OSSL_DELETER(TS_RESP, TS_RESP_free)
KYSO_OSSL_DELETER(TS_TST_INFO, TS_TST_INFO_free)
KYSO_OSSL_DELETER(TS_MSG_IMPRINT, TS_MSG_IMPRINT_free)
KYSO_OSSL_DELETER(TS_VERIFY_CTX, TS_VERIFY_CTX_free)
// ASN1_INTEGER, ASN1_OCTET_STRING, ASN1_TIME and ASN1_STRING are one C type (asn1_string_st): one
// deleter (ASN1_STRING_free, below) serves them all.
KYSO_OSSL_DELETER(ASN1_OBJECT, ASN1_OBJECT_free)
KYSO_OSSL_DELETER(ASN1_TYPE, ASN1_TYPE_free)
KYSO_OSSL_DELETER(ASN1_STRING, ASN1_STRING_free)
KYSO_OSSL_DELETER(GENERAL_NAMES, GENERAL_NAMES_free)
KYSO_OSSL_DELETER(AUTHORITY_INFO_ACCESS, AUTHORITY_INFO_ACCESS_free)
KYSO_OSSL_DELETER(CRL_DIST_POINTS, CRL_DIST_POINTS_free)
KYSO_OSSL_DELETER(BASIC_CONSTRAINTS, BASIC_CONSTRAINTS_free)
KYSO_OSSL_DELETER(EXTENDED_KEY_USAGE, EXTENDED_KEY_USAGE_free)
KYSO_OSSL_DELETER(ECDSA_SIG, ECDSA_SIG_free)
KYSO_OSSL_DELETER(OSSL_LIB_CTX, OSSL_LIB_CTX_free)
KYSO_OSSL_DELETER(ESS_SIGNING_CERT, ESS_SIGNING_CERT_free)
KYSO_OSSL_DELETER(ESS_SIGNING_CERT_V2, ESS_SIGNING_CERT_V2_free)
KYSO_OSSL_DELETER(RSA_PSS_PARAMS, RSA_PSS_PARAMS_free)
KYSO_OSSL_DELETER(TS_STATUS_INFO, TS_STATUS_INFO_free)
KYSO_OSSL_DELETER(TS_RESP_CTX, TS_RESP_CTX_free)

#undef KYSO_OSSL_DELETER

/// `Ptr<X509>` owns an X509 and frees it with X509_free.
template <class T>
using Ptr = std::unique_ptr<T, Deleter<T>>;

/// Stacks: `StackPtr<X509>` frees the stack and every element (sk_X509_pop_free).
struct X509StackDeleter {
  void operator()(STACK_OF(X509) * s) const noexcept { sk_X509_pop_free(s, X509_free); }
};
using X509Stack = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

struct X509CrlStackDeleter {
  void operator()(STACK_OF(X509_CRL) * s) const noexcept { sk_X509_CRL_pop_free(s, X509_CRL_free); }
};
using X509CrlStack = std::unique_ptr<STACK_OF(X509_CRL), X509CrlStackDeleter>;

/// Memory freed with OPENSSL_free (strings from X509_NAME_oneline, i2d buffers).
struct OpenSslFree {
  void operator()(void* p) const noexcept { OPENSSL_free(p); }
};
template <class T>
using Mem = std::unique_ptr<T, OpenSslFree>;

}  // namespace kyso::ossl
