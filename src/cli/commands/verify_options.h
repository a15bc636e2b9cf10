// The options `kyso verify` shares between PDFs (cmd_verify.cpp) and CMS files (verify_cms.cpp):
// trust anchors (--trust, --trust-group, --system-trust), the validation time (--at), revocation
// and network (--offline, --no-revocation, --crl, --proxy, --timeout, --cache), the weak
// algorithm policy (--accept-weak) and how many files are verified at once (--jobs).
// declareVerifyOptions adds them to a parser; makeVerifySetup turns the parsed line into a
// jobs::VerifyProfile (src/jobs/verify_profile.h, the one the GUI builds too), or prints why it
// cannot and gives the exit code (kExitUsage for a wrong value, kExitInputError for an unreadable
// file).
#pragma once

#include <memory>
#include <string>

#include "core/messages.h"
#include "src/cli/kyso/args.h"
#include "src/jobs/verify_profile.h"

namespace kyso::cli {

/// The profile and how many files are verified at once (--jobs).
struct VerifySetup {
  std::shared_ptr<const jobs::VerifyProfile> profile;
  std::size_t jobs = 1;
  const cms::VerifyOptions& cms() const { return profile->cmsOptions(); }
};

/// Declares the shared options on `p`.
void declareVerifyOptions(ArgParser& p);

/// Builds the setup from `p` (parsed). On failure prints the error (prefixed by `command`, e.g.
/// "kyso verify"), sets `exitCode` and returns nullptr. Reads anchor and CRL files; no network.
std::unique_ptr<VerifySetup> makeVerifySetup(const ArgParser& p, const std::string& command,
                                             int& exitCode);

/// The worse of two `kyso verify` exit codes: unreadable input, then failed, no signature,
/// cannot confirm, valid.
int worseExit(int a, int b);

/// A file that could not be read: one JSON line ({file, status "error", error, message}) or an
/// error on stderr.
void printUnreadable(const std::string& file, const Error& e, bool json, Lang lang);

}  // namespace kyso::cli
