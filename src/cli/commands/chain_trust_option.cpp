#include "src/cli/commands/chain_trust_option.h"

#include <filesystem>
#include <vector>

#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/jobs/pdf_sign_job.h"

namespace kyso::cli {

int chainTrustFromOptions(const ArgParser& p, pdf::PadesLevel level, certs::TrustStore& trust) {
  std::vector<std::filesystem::path> anchors;
  for (const auto& a : p.all("trust-anchor")) anchors.emplace_back(a);
  auto loaded = jobs::chainBuildingTrust(level, anchors);
  if (!loaded.ok()) {
    printError("Reading --trust-anchor failed", loaded.error());
    return kExitInputError;
  }
  trust = std::move(*loaded);
  return kExitOk;
}

}  // namespace kyso::cli
