// A SigningIdentity from PEM files: a key kept on disk (tests, developers, servers without a
// token), never an official's key. The key must be unencrypted (no passphrase is asked).
#pragma once

#include <filesystem>
#include <optional>

#include "core/result.h"
#include "core/signing_identity.h"

namespace kyso::jobs {

/// The certificate (first of `cert`), the key in `key` (it must match the certificate:
/// KeyNotFound otherwise) and the intermediates in `chain`. Errors name the file in the context;
/// the operation is "key file", "certificate file" or "chain file".
Result<SigningIdentity> identityFromKeyFiles(const std::filesystem::path& cert,
                                             const std::filesystem::path& key,
                                             const std::optional<std::filesystem::path>& chain);

}  // namespace kyso::jobs
