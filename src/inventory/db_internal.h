// Private to src/inventory: the two engine openers and the SQLite file copy used by backup/restore.
#pragma once

#include <memory>
#include <string>

#include "src/inventory/db.h"

namespace kyso::inventory {

/// `readOnly` opens without creating, writing or changing the journal mode (for inputs).
Result<std::unique_ptr<Db>> openSqlite(const std::string& path, bool readOnly = false);
Result<std::unique_ptr<Db>> openPostgres(const std::string& url);
/// Writes a consistent copy of an SQLite inventory to `toPath` (a new file).
Status sqliteCopy(Db& from, const std::string& toPath);
/// Replaces an SQLite inventory's contents with the database at `fromPath`.
Status sqliteRestore(Db& into, const std::string& fromPath);

}  // namespace kyso::inventory
