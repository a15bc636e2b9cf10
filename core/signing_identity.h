// SigningIdentity: what every signer (CMS, PDF) needs, independent of where the key lives. The key
// is an EVP_PKEY: for a token key, the token layer's bridge makes an EVP_PKEY whose private
// operations run on the token (the private key never leaves it); for tests it may be a key file.
// The identity owns its key, certificate and chain. Signing through `key` may block for seconds
// (a real token) and may prompt for a PIN (CKA_ALWAYS_AUTHENTICATE): call it off the UI thread.
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <functional>
#include <string>

#include "core/openssl_ptr.h"

namespace kyso {

struct SigningIdentity {
  ossl::Ptr<EVP_PKEY> key;  // private key (or a token-backed handle to it)
  ossl::Ptr<X509> cert;     // the signer's certificate
  ossl::X509Stack chain;    // intermediates (and optionally the root), may be empty
  std::string description;  // for people: "Nguyễn Văn A (token 0123, key 01)"

  /// Another identity holding references to the same key and certificate (a token key stays one
  /// key), with its own chain stack over the same certificates: the copy's chain can grow alone.
  SigningIdentity shared() const {
    SigningIdentity out;
    EVP_PKEY_up_ref(key.get());
    out.key.reset(key.get());
    X509_up_ref(cert.get());
    out.cert.reset(cert.get());
    out.chain.reset(chain ? X509_chain_up_ref(chain.get()) : sk_X509_new_null());
    out.description = description;
    return out;
  }
};

}  // namespace kyso
