// The `kyso token` subcommands beyond list/info/mechanisms (cmd_token.cpp dispatches to these).
#pragma once

#include <string>

#include "src/cli/kyso/commands.h"

namespace kyso::cli {

int runTokenSelfTest(const Args& args);
/// change-pin, unblock, change-so-pin.
int runTokenPin(const std::string& which, const Args& args);
int runTokenInit(const Args& args);
int runTokenKeygen(const Args& args);
int runTokenCsr(const Args& args);
int runTokenImportCert(const Args& args);
int runTokenDelete(const Args& args);
int runTokenWatch(const Args& args);

}  // namespace kyso::cli
