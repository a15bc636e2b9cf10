// `kyso inventory`: placeholder until its issue lands; says so plainly.
#include <cstdio>

#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"

namespace kyso::cli {

int runInventory(const Args&) {
  std::fprintf(stderr, "kyso inventory: not available in this build yet.\n");
  return kExitUsage;
}

}  // namespace kyso::cli
