// The key `kyso sign` signs with, from its options: the token options (token_options.h: one login
// for the whole batch) or, for tests and developers, --key-file/--cert-file/--chain-file (PEM,
// unencrypted). Shared by the PAdES and the detached signers.
#pragma once

#include <memory>

#include "src/cli/kyso/args.h"
#include "src/cli/kyso/token_options.h"
#include "src/jobs/signing_key.h"

namespace kyso::cli {

/// Fills `key` (and `token`, which must outlive it, for a token key). On failure prints why and
/// returns the exit code (usage, input or token error); kExitOk otherwise.
int signingKeyFromOptions(const ArgParser& p, std::unique_ptr<CliToken>& token,
                          jobs::SigningKey& key);

}  // namespace kyso::cli
