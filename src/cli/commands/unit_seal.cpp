#include "src/cli/commands/unit_seal.h"

#include <filesystem>

#include "certs/cert_info.h"
#include "core/clock.h"
#include "src/cli/commands/inventory_cli.h"
#include "src/inventory/inventory.h"

namespace kyso::cli {
namespace {

// The CLI's inventory when it exists; nullopt when it does not (an SQLite file not made yet: a
// signature must not create an inventory as a side effect).
Result<std::optional<inventory::Inventory>> openExisting() {
  static SystemClock clock;
  const std::string loc = inv::inventoryLocation();
  const bool server = loc.rfind("postgres", 0) == 0;
  std::error_code ec;
  if (!server && !std::filesystem::is_regular_file(loc, ec))
    return std::optional<inventory::Inventory>();
  KYSO_ASSIGN_OR_RETURN(inventory::Inventory i, inventory::Inventory::open(loc, clock));
  return std::optional<inventory::Inventory>(std::move(i));
}

}  // namespace

Result<bool> inventoryHasUnitSeals() {
  KYSO_ASSIGN_OR_RETURN(auto opened, openExisting());
  if (!opened) return false;
  KYSO_ASSIGN_OR_RETURN(auto units, opened->units());
  for (const inventory::Unit& u : units)
    if (u.hasSeal) return true;
  return false;
}

Result<std::optional<std::string>> unitSealFor(const X509* cert) {
  KYSO_ASSIGN_OR_RETURN(auto opened, openExisting());
  if (!opened) return std::optional<std::string>();
  inventory::Inventory& inv = *opened;
  auto c = inv.certificate(certs::sha256Hex(cert));
  if (!c.ok()) {
    if (c.error().kind == Errc::DbNotFound) return std::optional<std::string>();
    return c.error();
  }
  std::optional<long long> unitId = c->unitId;
  if (!unitId && c->holderId) {
    KYSO_ASSIGN_OR_RETURN(inventory::Person holder, inv.person(std::to_string(*c->holderId)));
    unitId = holder.unitId;
  }
  if (!unitId) return std::optional<std::string>();
  auto seal = inv.seal(std::to_string(*unitId));
  if (!seal.ok()) {
    if (seal.error().kind == Errc::DbNotFound) return std::optional<std::string>();
    return seal.error();
  }
  return std::optional<std::string>(std::move(*seal));
}

}  // namespace kyso::cli
