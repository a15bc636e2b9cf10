// InventoryService: the thin adapter between the Inventory tab and kyso_inventory. The register
// is not thread-safe and every call blocks on the database, so all calls run one at a time on a
// single pool thread of their own; results come back as QFutures. All rules (states, transitions,
// expiry) are the library's. Only built when kyso_inventory is part of the build.
#pragma once

#include <QFuture>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <vector>

#include "src/core/result.h"
#include "src/inventory/inventory.h"

namespace kyso::ui {

/// Everything the tab shows at once, read in one go.
struct InventorySnapshot {
  std::string location;
  std::vector<inventory::Token> tokens;
  std::vector<inventory::Certificate> certificates;
  std::vector<inventory::Person> people;
  std::vector<inventory::Unit> units;
  std::vector<inventory::Certificate> expiring;  // within `expiringDays`
  std::vector<inventory::Warning> warnings;
};

class InventoryService {
 public:
  /// `location`: an SQLite path or a PostgreSQL URI; empty uses Inventory::defaultLocation().
  /// Nothing is opened until the first call.
  explicit InventoryService(QString location);
  ~InventoryService();

  QFuture<Result<InventorySnapshot>> load(long expiringDays);
  QFuture<Result<std::vector<inventory::Event>>> history(inventory::Subject s, QString key);
  QFuture<Result<inventory::Event>> transition(inventory::Subject s, QString key, QString to,
                                               inventory::EvidenceGiven evidence);

 private:
  struct State;
  std::shared_ptr<State> m_state;
  QThreadPool m_pool;
};

}  // namespace kyso::ui
