// Token management: PINs (C_SetPIN, C_InitPIN), initialisation (C_InitToken), key generation
// (C_GenerateKeyPair with a chosen CKA_ID and label), certificate import under the matching
// key's CKA_ID, and object deletion. Each follows the PIN safety rules of login.h: flags are read
// before, a rejected PIN is never retried, and the tries-left state is reported after.
// Device-thread only (call through OpenToken::call or DeviceWorker::call). Each may block.
#pragma once

#include <string>
#include <vector>

#include "pkcs11/token_session.h"

namespace kyso::p11 {

/// Changes the user PIN: asks the current PIN (PinRequest::User) and the new one (NewUser), then
/// C_SetPIN on a read-write session. Allowed when the PIN is "to be changed"; refused on final try
/// or locked unless `force` (final try only; a locked PIN needs `unblockPin`).
Status changeUserPin(const Session& rw, PinPrompt& prompt, bool force);

/// Unblocks (resets) the user PIN with the SO PIN: SO login, then C_InitPIN with a new PIN.
Status unblockUserPin(const Session& rw, PinPrompt& prompt, bool force);

/// Changes the SO PIN: asks the current SO PIN once (SO login + C_SetPIN old->new).
Status changeSoPin(const Session& rw, PinPrompt& prompt, bool force);

/// Initialises the token in `slot` (erasing it) with a new SO PIN and label, then sets the first
/// user PIN. Needs no open session on the slot.
Status initToken(const std::shared_ptr<Module>& m, CK_SLOT_ID slot, const std::string& label,
                 PinPrompt& prompt);

struct KeyGenSpec {
  enum class Type { Rsa, Ec } type = Type::Rsa;
  int rsaBits = 2048;
  std::string curve = "P-256";  // P-256 or P-384
  Bytes id;
  std::string label;
};
/// Generates a signing key pair on the (logged-in, read-write) session; returns the private key.
Result<KeyView> generateKeyPair(const Session& rw, const KeyGenSpec& spec);

/// Imports `cert` under the CKA_ID of the private key whose public key matches it (the token's
/// public-key object or its attributes). Extra certificates (a chain) are imported as CA
/// certificates with CKA_ID = their SHA-1 subject key hash. Refuses a certificate that matches
/// no key (KeyNotFound) or one already on the token (FileExists). Returns the CKA_ID used.
Result<Bytes> importCertificate(const Session& rw, X509* cert, const std::string& label);
Status importCaCertificate(const Session& rw, X509* cert);

/// Parses certificates from DER, PEM (one or many) or PKCS#7 (.p7b, DER or PEM) bytes.
Result<std::vector<ossl::Ptr<X509>>> parseCertificates(std::string_view data);

/// Deletes every object with CKA_ID = `id`; returns how many were deleted.
Result<int> deleteObjectsWithId(const Session& rw, const Bytes& id);

}  // namespace kyso::p11
