// The SQL of migration steps kept outside schema.cpp, one file per step.
#pragma once

#include <string>
#include <string_view>

#include "src/inventory/db.h"

namespace kyso::inventory {

/// Step 3 (schema_hardening.cpp): audit seals and the database identity on both engines; on
/// PostgreSQL also the audit triggers, search_path-safe policy functions, event checks against the
/// entity's unit, and the revoked writes on the audit log. `quotedSchema` is the schema the
/// inventory lives in, already quoted as an identifier (PostgreSQL only).
std::string hardeningStep(Db::Dialect d, std::string_view quotedSchema);

}  // namespace kyso::inventory
