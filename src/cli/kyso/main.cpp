// kyso: the command-line front end. Dispatches to one subcommand per file: `token` here,
// `sign --detached` through the module kyso-detached.so, the others through kyso-commands.so,
// loaded on demand (commands_module.h).
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/module_loader.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/commands_module.h"
#include "src/cli/kyso/exit_codes.h"

#ifndef KYSO_VERSION
#define KYSO_VERSION "0.0.0"
#endif

namespace {

constexpr const char* kUsage =
    "kyso " KYSO_VERSION
    ": digital signatures for official documents\n"
    "\n"
    "Usage: kyso COMMAND [OPTIONS]\n"
    "\n"
    "Commands:\n"
    "  token       list tokens, show keys and certificates, manage PINs and keys\n"
    "  sign        sign PDFs (PAdES) or any file (detached CMS/CAdES)\n"
    "  extend      raise a signed PDF to B-LT or B-LTA\n"
    "  verify      verify signed PDFs and CMS signatures\n"
    "  inventory   the register of issued tokens and certificates\n"
    "  demo        the main job on a demo token: sign and verify a sample letter\n"
    "\n"
    "Options:\n"
    "  --version   print the version\n"
    "  --help      this text; `kyso COMMAND --help` for a command\n"
    "\n"
    "Exit codes: 0 success, 1 a signature failed, 2 indeterminate, 3 no signature,\n"
    "4 input error, 5 token or PIN error, 64 usage error.\n";

}  // namespace

int main(int argc, char** argv) {
  using namespace kyso::cli;
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kUsage, stderr);
    return kExitUsage;
  }
  const std::string cmd = args.front();
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    std::fputs(kUsage, stdout);
    return kExitOk;
  }
  if (cmd == "--version") {
    std::printf("kyso %s\n", KYSO_VERSION);
    return kExitOk;
  }
  if (cmd == "token") return runToken(rest);
  if (isModuleCommand(cmd)) {
    const bool detached = cmd == "sign" && wantsDetached(rest);
    auto api = detached
                   ? kyso::modules::loadApi<CommandsApi>("kyso-detached.so", "kyso_detached_api")
               : cmd == "service"
                   ? kyso::modules::loadApi<CommandsApi>("kyso-service.so", "kyso_service_api")
                   : kyso::modules::loadApi<CommandsApi>("kyso-commands.so", "kyso_commands_api");
    if (!api.ok()) {
      printError("", api.error());
      return kExitInputError;
    }
    return api.value()->run(cmd, rest);
  }
  std::fprintf(stderr, "kyso: unknown command '%s'\n\n%s", cmd.c_str(), kUsage);
  return kExitUsage;
}
