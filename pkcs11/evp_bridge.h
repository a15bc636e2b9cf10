// The EVP_PKEY bridge: an OpenSSL EVP_PKEY whose private-key operations run on the token.
// CMS_sign, X509_REQ_sign, EVP_DigestSign and EVP_PKEY_sign use it unchanged; the private key
// never leaves the token. Every operation is marshalled to the DeviceWorker that owns the
// session, so the EVP_PKEY may be used from any thread (one signature at a time per token).
//
// What each OpenSSL operation becomes on the token:
//   RSA PKCS#1 v1.5: OpenSSL builds the DigestInfo, the token signs it with CKM_RSA_PKCS.
//   RSA-PSS:         MGF1 with the signature hash and salt = hash length (what CMS/CAdES uses):
//                    the token signs the digest with CKM_RSA_PKCS_PSS when it offers it. Other
//                    PSS parameters, or a token without CKM_RSA_PKCS_PSS: OpenSSL pads
//                    (EMSA-PSS) and the token applies the raw key with CKM_RSA_X_509; a token
//                    with neither gives Errc::MechanismUnsupported.
//   ECDSA:           the token signs the digest with CKM_ECDSA; the bridge returns DER.
// Keys with CKA_ALWAYS_AUTHENTICATE prompt again (PinPrompt) before each signature.
// A failure on the token (removed, PIN, mechanism) is put on the calling thread's OpenSSL error
// queue as the token's Error: the caller's Error::openssl(...) returns it, CK_RV and all.
#pragma once

#include <memory>
#include <optional>

#include "core/openssl_ptr.h"
#include "pkcs11/token_session.h"

namespace kyso::p11 {

/// Makes the token-backed EVP_PKEY for `key`, whose public half is `publicKey` (borrowed).
/// The EVP_PKEY holds a reference to `key` (and so to its session and worker).
Result<ossl::Ptr<EVP_PKEY>> makeTokenEvpKey(std::shared_ptr<TokenKey> key,
                                            const EVP_PKEY* publicKey);

/// True when `pkey` was made by makeTokenEvpKey.
bool isTokenEvpKey(const EVP_PKEY* pkey);

}  // namespace kyso::p11
