// printError (commands.h): one line on stderr from the message table, details in the debug log.
#include <cstdio>
#include <string>

#include "core/log.h"
#include "core/messages.h"
#include "src/cli/kyso/commands.h"

namespace kyso::cli {

void printError(const std::string& what_failed, const Error& e) {
  std::string line = what_failed.empty() ? describe(e) : what_failed + ": " + describe(e);
  std::fprintf(stderr, "kyso: %s\n", line.c_str());
  log::debug(e.technical());
}

}  // namespace kyso::cli
