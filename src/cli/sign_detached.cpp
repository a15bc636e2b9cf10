// Placeholder until the CMS layer lands; says so plainly.
#include <cstdio>

#include "src/cli/commands.h"
#include "src/cli/exit_codes.h"

namespace kyso::cli {

int runSignDetached(const Args&) {
  std::fprintf(stderr, "kyso: CMS signatures are not available in this build yet.\n");
  return kExitUsage;
}

}  // namespace kyso::cli
