#include "ui/inventory/plugged_tokens.h"

#include <QtConcurrent>

#include "pkcs11/device_worker.h"
#include "src/inventory/token_scan.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/token_work_pool.h"

namespace kyso::ui {

QFuture<Result<std::vector<inventory::SeenToken>>> readPluggedTokens(
    QStringList modules, std::shared_ptr<p11::DeviceWorker> worker) {
  return QtConcurrent::run(tokenWorkPool(),
                           [modules, worker]() -> Result<std::vector<inventory::SeenToken>> {
                             const PoolThreadCleanup cleanup;
                             if (modules.isEmpty())
                               return Error::kyso(Errc::ModuleNotFound, "inventory sync");
                             std::vector<inventory::SeenToken> all;
                             for (const QString& spec : modules) {
                               KYSO_ASSIGN_OR_RETURN(auto seen, worker->call([&] {
                                 return inventory::scanModuleTokens(spec.toStdString());
                               }));
                               for (auto& s : seen) all.push_back(std::move(s));
                             }
                             return all;
                           });
}

}  // namespace kyso::ui
