// The seal `kyso sign --kind issued` stamps when --seal is not given: the one the inventory stores
// for the signing certificate's unit (`kyso inventory unit edit UNIT --seal FILE.png`).
#pragma once

#include <openssl/x509.h>

#include <optional>
#include <string>

#include "core/result.h"

namespace kyso::cli {

/// Whether the CLI's inventory (inventory_cli.h's inventoryLocation) exists and stores a seal for
/// at least one unit; false when there is no inventory, an error when it cannot be read. Nothing
/// is created.
Result<bool> inventoryHasUnitSeals();

/// The seal (PNG bytes) stored for the unit of `cert` in the CLI's inventory: the certificate's
/// own unit, else its holder's. nullopt when there is no inventory, it does not know the
/// certificate, or that unit has no seal; an error when the inventory cannot be read.
Result<std::optional<std::string>> unitSealFor(const X509* cert);

}  // namespace kyso::cli
