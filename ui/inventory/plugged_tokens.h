// readPluggedTokens(): what the Inventory tab's "sync" needs from the devices: every initialised
// token the given PKCS#11 modules show now, with the DER of each certificate on it (public
// objects; no login). Every Cryptoki call runs on the app's one DeviceWorker; the function runs
// on a pool thread. The decisions about the register are src/inventory/sync.h's. Only built with
// kyso_pkcs11 and kyso_inventory.
#pragma once

#include <QFuture>
#include <QStringList>
#include <memory>
#include <vector>

#include "core/result.h"
#include "src/inventory/sync.h"

namespace kyso::p11 {
class DeviceWorker;
}

namespace kyso::ui {

/// The tokens in `modules` (paths or known names). A module that cannot be read is an error.
QFuture<Result<std::vector<inventory::SeenToken>>> readPluggedTokens(
    QStringList modules, std::shared_ptr<p11::DeviceWorker> worker);

}  // namespace kyso::ui
