// openPostgres for the kyso_inventory library: loads kyso-pg.so on first use and opens the
// database through it (see pg_module.h). ComponentUnavailable when the module is missing.
#include "core/module_loader.h"
#include "src/inventory/db_internal.h"
#include "src/inventory/pg_module.h"

namespace kyso::inventory {

Result<std::unique_ptr<Db>> openPostgres(const std::string& url) {
  KYSO_ASSIGN_OR_RETURN(const PgApi* api, modules::loadApi<PgApi>("kyso-pg.so", "kyso_pg_api"));
  return api->open(url);
}

}  // namespace kyso::inventory
