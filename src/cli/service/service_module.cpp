// The entry of kyso-service.so: `kyso service` (the local signing service, issue 19), with
// Boost.Asio, libcurl and the signing jobs, loaded only for this command.
#include "core/module_loader.h"
#include "src/cli/kyso/commands_module.h"
#include "src/cli/kyso/exit_codes.h"

namespace kyso::cli {
namespace {

int run(const std::string& cmd, const Args& args) {
  if (cmd == "service") return runService(args);
  return kExitUsage;
}

constexpr CommandsApi kApi{CommandsApi::kAbi, &run};

}  // namespace
}  // namespace kyso::cli

extern "C" KYSO_MODULE_EXPORT const void* kyso_service_api() {
  return &kyso::cli::kApi;
}
