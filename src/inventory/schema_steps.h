// The SQL of migration steps kept outside schema.cpp, one file per step.
#pragma once

#include <string>
#include <string_view>

#include "src/inventory/db.h"

namespace kyso::inventory {

/// Step 3 (schema_hardening.cpp): audit seals and the database identity on both engines; on
/// PostgreSQL also the audit triggers, search_path-safe policy functions, event checks against the
/// entity's unit, and the revoked writes on the audit log. The PostgreSQL text names the schema
/// the inventory lives in as {S}, for the caller to replace with the quoted identifier.
std::string hardeningStep(Db::Dialect d);

}  // namespace kyso::inventory
