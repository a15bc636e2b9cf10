// Reads what `inventory sync` records from the tokens plugged in now: each initialised token of a
// PKCS#11 module (serial, manufacturer, model, label) with its certificates as DER. Shared by the
// CLI (`kyso inventory sync`) and the Qt app's Inventory tab; reconcileTokens (sync.h) decides
// what to do with it.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "src/inventory/sync.h"

namespace kyso::inventory {

/// Loads `moduleSpec` (path or known name) and reads its initialised tokens without logging in.
/// Blank tokens are skipped. Call it on the device worker's thread: every Cryptoki call stays
/// there.
Result<std::vector<SeenToken>> scanModuleTokens(const std::string& moduleSpec);

}  // namespace kyso::inventory
