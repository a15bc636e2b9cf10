// Deleters for OpenSSL handles that src/core/openssl_ptr.h does not list yet, so that
// `ossl::Ptr<ESS_SIGNING_CERT_V2>` works the same way. (To be moved into openssl_ptr.h by its
// owner.)
#pragma once

#include <openssl/ess.h>
#include <openssl/rsa.h>
#include <openssl/ts.h>

#include "src/core/openssl_ptr.h"

namespace kyso::ossl {

template <>
struct Deleter<ESS_SIGNING_CERT> {
  void operator()(ESS_SIGNING_CERT* p) const noexcept { ESS_SIGNING_CERT_free(p); }
};
template <>
struct Deleter<ESS_SIGNING_CERT_V2> {
  void operator()(ESS_SIGNING_CERT_V2* p) const noexcept { ESS_SIGNING_CERT_V2_free(p); }
};
template <>
struct Deleter<RSA_PSS_PARAMS> {
  void operator()(RSA_PSS_PARAMS* p) const noexcept { RSA_PSS_PARAMS_free(p); }
};
template <>
struct Deleter<TS_STATUS_INFO> {
  void operator()(TS_STATUS_INFO* p) const noexcept { TS_STATUS_INFO_free(p); }
};

}  // namespace kyso::ossl
