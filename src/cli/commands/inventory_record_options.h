// The options and --help texts of `kyso inventory unit|person|token|cert`, in English and
// Vietnamese: what each record command accepts (cmd_inventory_records.cpp runs them).
#pragma once

#include "src/cli/kyso/args.h"

namespace kyso::cli::inv {

void declareUnit(ArgParser& p);
void declarePerson(ArgParser& p);
void declareToken(ArgParser& p);
void declareCert(ArgParser& p);

HelpText unitUsage();
HelpText personUsage();
HelpText tokenUsage();
HelpText certUsage();

}  // namespace kyso::cli::inv
