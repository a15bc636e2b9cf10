// The inventory schema as ordered migration steps (after XCA's database_schema.cpp). Opening an
// inventory applies every missing step in one transaction; a database whose schema is newer than
// this program knows is refused (DbSchemaTooNew) and left untouched.
#pragma once

#include "src/inventory/db.h"

namespace kyso::inventory {

/// The schema version this build writes and understands.
constexpr int kSchemaVersion = 3;

/// The schema version stored in `db` (0 for an empty database).
Result<int> schemaVersion(Db& db);
/// Brings `db` to kSchemaVersion in one transaction, or refuses a newer one. Blocks on the
/// database.
Status migrate(Db& db);

}  // namespace kyso::inventory
