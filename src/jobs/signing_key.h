// The key a signing job signs with: an identity (a token-backed EVP_PKEY or a key file's), and,
// for a token, the open token, so that a software token or an HSM can sign on several sessions.
// Opening the token (which PIN prompt, which consent) belongs to the front end; the job only
// signs.
#pragma once

#include <filesystem>

#include "core/signing_identity.h"
#include "pkcs11/open_token.h"

namespace kyso::jobs {

struct SigningKey {
  SigningIdentity identity;
  p11::OpenToken* token = nullptr;  // borrowed; null for a key file
};

/// One file to sign and where its signature goes (the signed PDF, or the .p7s). `overwrite`: the
/// person agreed to replace this output (the job's own overwrite setting applies to every file).
struct SignInput {
  std::filesystem::path input, output;
  bool overwrite = false;
};

}  // namespace kyso::jobs
