// Shared by the `kyso inventory` command files (cmd_inventory*.cpp): the invocation context (the
// open inventory, --json), output helpers and the per-area handlers.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/json.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/inventory/inventory.h"

namespace kyso::cli::inv {

/// One `kyso inventory` invocation: the database location, --json, and the words after the
/// subcommand. open() opens and migrates the inventory on first use.
struct Context {
  std::string dbLocation;
  bool json = false;
  Args rest;  // words after the subcommand (and its action, for unit/person/token/cert)
  SystemClock clock;
  std::optional<inventory::Inventory> inventory;
  Result<inventory::Inventory*> open();
};

/// The inventory the CLI uses: `given` (--db), else $KYSO_INVENTORY_DB, else database under
/// [inventory] in the settings files, else Inventory::defaultLocation().
std::string inventoryLocation(const std::string& given = {});

/// Declares --db and --json on a subcommand's parser too, so they may come after it.
ArgParser parserFor(Context& c);
/// Parses; on a usage error prints it and returns false.
bool parseOrReport(ArgParser& p, const Args& args, const char* what);
/// Applies --db/--json found after the subcommand.
void applyGlobals(Context& c, const ArgParser& p);

/// The date option `name` as YYYY-MM-DD, written DD/MM/YYYY or YYYY-MM-DD (as office papers and
/// ISO tools write dates): nothing when absent, a usage error naming the option when not a date.
Result<std::optional<std::string>> dateOption(const ArgParser& p, const char* name);

/// Prints the error as a sentence and returns the exit code for it.
int fail(const std::string& what, const Error& e);
/// Prints a JSON document on stdout.
void printJson(const Json& j);
/// Writes `data` to `path` through AtomicFile (replacing), or to stdout when path is empty or "-".
Status writeOutput(const std::string& path, std::string_view data);

int runUnit(Context& c, const std::string& action);
int runPerson(Context& c, const std::string& action);
int runTokenCmd(Context& c, const std::string& action);
int runCert(Context& c, const std::string& action);
int runTransition(Context& c);
int runHistory(Context& c);
int runExpiring(Context& c);
int runWarnings(Context& c);
int runReport(Context& c);
int runImportCsv(Context& c);
int runExportCsv(Context& c);
int runAuditVerify(Context& c);
int runAuditSeal(Context& c);
int runBackup(Context& c);
int runRestore(Context& c);
int runSync(Context& c);
int runCheckRevocation(Context& c);

}  // namespace kyso::cli::inv
