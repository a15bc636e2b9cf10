// SigningIdentity: what every signer (CMS, PDF) needs, independent of where the key lives. The key
// is an EVP_PKEY: for a token key, the token layer's bridge makes an EVP_PKEY whose private
// operations run on the token (the private key never leaves it); for tests it may be a key file.
// The identity owns its key, certificate and chain. Signing through `key` may block for seconds
// (a real token) and may prompt for a PIN (CKA_ALWAYS_AUTHENTICATE): call it off the UI thread.
#pragma once

#include <functional>
#include <string>

#include "core/openssl_ptr.h"

namespace kyso {

struct SigningIdentity {
  ossl::Ptr<EVP_PKEY> key;  // private key (or a token-backed handle to it)
  ossl::Ptr<X509> cert;     // the signer's certificate
  ossl::X509Stack chain;    // intermediates (and optionally the root), may be empty
  std::string description;  // for people: "Nguyễn Văn A (token 0123, key 01)"
};

}  // namespace kyso
