// `kyso demo`: placeholder until its issue lands; says so plainly.
#include <cstdio>

#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"

namespace kyso::cli {

int runDemo(const Args&) {
  std::fprintf(stderr, "kyso demo: not available in this build yet.\n");
  return kExitUsage;
}

}  // namespace kyso::cli
