// The table of the module kyso-commands.so, which holds every subcommand except `token`: sign,
// extend, verify, inventory, demo and the layers they use (qpdf, HarfBuzz, SQLite...). The `kyso`
// executable itself links only the core, the token layer and the token commands (what
// `kyso token list` needs), and main.cpp loads this module for the other commands, so that token
// commands start as fast as pkcs11-tool. kyso-detached.so exports the same table for
// `kyso sign --detached` alone (wantsDetached in commands.h), without the PDF, appearance and
// inventory layers and their libraries, so that a batch of detached signatures does not pay for
// loading them. See docs/ARCHITECTURE.md, "Lazily loaded modules".
#pragma once

#include <cstdint>
#include <string>

#include "src/cli/kyso/commands.h"

namespace kyso::cli {

struct CommandsApi {
  static constexpr std::uint32_t kAbi = 2;
  std::uint32_t abi;
  /// Runs top-level command `cmd` ("sign", "extend", "verify", "inventory", "demo") with its
  /// arguments; returns the process exit code (kExitUsage for a command it does not have).
  int (*run)(const std::string& cmd, const Args& args);
};

/// True for the commands main.cpp sends to the module.
inline bool isModuleCommand(const std::string& cmd) {
  return cmd == "sign" || cmd == "extend" || cmd == "verify" || cmd == "inventory" ||
         cmd == "demo" || cmd == "service";
}

}  // namespace kyso::cli
