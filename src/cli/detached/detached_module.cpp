// The entry of kyso-detached.so: `kyso sign --detached` on the token, certificate and CMS layers
// only (see commands_module.h; main.cpp sends `sign` here when wantsDetached). The same command in
// kyso-commands.so (non-PDF inputs without --detached) runs the same runSignDetached.
#include "core/module_loader.h"
#include "src/cli/kyso/commands_module.h"
#include "src/cli/kyso/exit_codes.h"

namespace kyso::cli {
namespace {

int run(const std::string& cmd, const Args& args) {
  if (cmd == "sign") return runSignDetached(args);
  return kExitUsage;
}

constexpr CommandsApi kApi{CommandsApi::kAbi, &run};

}  // namespace
}  // namespace kyso::cli

extern "C" KYSO_MODULE_EXPORT const void* kyso_detached_api() {
  return &kyso::cli::kApi;
}
