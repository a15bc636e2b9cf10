// The entry of kyso-commands.so (see commands_module.h).
#include "src/cli/kyso/commands_module.h"

#include "core/module_loader.h"
#include "src/cli/kyso/exit_codes.h"

namespace kyso::cli {
namespace {

int run(const std::string& cmd, const Args& args) {
  if (cmd == "sign") return runSign(args);
  if (cmd == "extend") return runExtend(args);
  if (cmd == "verify") return runVerify(args);
  if (cmd == "inventory") return runInventory(args);
  if (cmd == "demo") return runDemo(args);
  return kExitUsage;
}

constexpr CommandsApi kApi{CommandsApi::kAbi, &run};

}  // namespace
}  // namespace kyso::cli

extern "C" KYSO_MODULE_EXPORT const void* kyso_commands_api() {
  return &kyso::cli::kApi;
}
