// `kyso extend`: placeholder until its issue lands; says so plainly.
#include <cstdio>

#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"

namespace kyso::cli {

int runExtend(const Args&) {
  std::fprintf(stderr, "kyso extend: not available in this build yet.\n");
  return kExitUsage;
}

}  // namespace kyso::cli
