// The entry of kyso-pg.so (see pg_module.h). The Db objects it makes keep their code in the
// module, which is never unloaded.
#include "src/inventory/pg_module.h"

#include "core/module_loader.h"
#include "src/inventory/db_internal.h"

namespace kyso::inventory {
namespace {

constexpr PgApi kApi{PgApi::kAbi, &openPostgres};

}  // namespace
}  // namespace kyso::inventory

extern "C" KYSO_MODULE_EXPORT const void* kyso_pg_api() {
  return &kyso::inventory::kApi;
}
