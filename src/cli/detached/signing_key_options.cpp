#include "src/cli/detached/signing_key_options.h"

#include <filesystem>
#include <optional>

#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/cli/kyso/words.h"
#include "src/jobs/key_file_identity.h"

namespace kyso::cli {

int signingKeyFromOptions(const ArgParser& p, std::unique_ptr<CliToken>& token,
                          jobs::SigningKey& key) {
  if (p.has("key-file") || p.has("cert-file") || p.has("chain-file")) {
    if (!p.has("key-file") || !p.has("cert-file")) {
      printError("kyso sign", Error::kyso(Errc::UsageError, "kyso sign",
                                          say("--key-file and --cert-file go together",
                                              "--key-file và --cert-file phải đi cùng nhau")));
      return kExitUsage;
    }
    std::optional<std::filesystem::path> chain;
    if (auto c = p.get("chain-file")) chain = std::filesystem::path(*c);
    auto id = jobs::identityFromKeyFiles(*p.get("cert-file"), *p.get("key-file"), chain);
    if (!id.ok()) {
      printError("Reading the signing key failed", id.error());
      return kExitInputError;
    }
    key.identity = std::move(*id);
    return kExitOk;
  }
  auto tok = openSelectedToken(p);
  if (!tok.ok()) {
    printError("Opening the token failed", tok.error());
    return exitCodeFor(tok.error());
  }
  token = std::move(*tok);
  auto id = token->signingIdentity();
  if (!id.ok()) {
    printError("Reading the signing key failed", id.error());
    return exitCodeFor(id.error());
  }
  key.identity = std::move(*id);
  key.token = &token->token();
  return kExitOk;
}

}  // namespace kyso::cli
