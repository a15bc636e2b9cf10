// The options `kyso verify` shares between PDFs (cmd_verify.cpp) and CMS files (verify_cms.cpp):
// trust anchors (--trust, --trust-group, --system-trust), the validation time (--at), revocation
// and network (--offline, --no-revocation, --crl, --proxy, --timeout, --cache), the weak
// algorithm policy (--accept-weak) and how many files are verified at once (--jobs).
// declareVerifyOptions adds them to a parser; makeVerifySetup turns the parsed line into a trust
// store and cms::VerifyOptions, or prints why it cannot and gives the exit code (kExitUsage for a
// wrong value, kExitInputError for an unreadable file).
#pragma once

#include <memory>
#include <string>

#include "certs/trust_store.h"
#include "src/cli/args.h"
#include "src/cms/verifier.h"

namespace kyso::cli {

/// A trust store and the verification options that point at it (not movable: `cms.trust` is
/// `&store`; keep it behind the unique_ptr makeVerifySetup returns).
struct VerifySetup {
  certs::TrustStore store;
  cms::VerifyOptions cms;
  std::size_t jobs = 1;  // --jobs: files verified at once
  VerifySetup() = default;
  VerifySetup(const VerifySetup&) = delete;
  VerifySetup& operator=(const VerifySetup&) = delete;
};

/// True when `s` ends with `suffix`, ASCII letters compared without case (".PDF", ".P7s").
bool endsWithCi(const std::string& s, const std::string& suffix);

/// Declares the shared options on `p`.
void declareVerifyOptions(ArgParser& p);

/// Builds the setup from `p` (parsed). On failure prints the error (prefixed by `command`, e.g.
/// "kyso verify"), sets `exitCode` and returns nullptr. Reads anchor and CRL files; no network.
std::unique_ptr<VerifySetup> makeVerifySetup(const ArgParser& p, const std::string& command,
                                             int& exitCode);

}  // namespace kyso::cli
