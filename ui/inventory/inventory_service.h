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

#include "core/result.h"
#include "src/inventory/audit_seal.h"
#include "src/inventory/inventory.h"
#include "src/inventory/report.h"
#include "src/inventory/sync.h"
#include "src/inventory/transfer.h"

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
  inventory::SealAge seal;  // the audit log against its last seal (reminder after a week)
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
  /// Reconciles the register with the tokens read from the plugged devices (sync.h).
  QFuture<Result<inventory::SyncReport>> sync(std::vector<inventory::SeenToken> seen);
  /// Imports tokens from a spreadsheet file (all rows or none; transfer.h).
  QFuture<Result<inventory::ImportReport>> importTokensCsv(QString file, bool createMissing);
  /// Writes every token as CSV to `file` (replacing it: the save dialog asked).
  QFuture<Status> exportTokensCsv(QString file);
  /// Adds (id 0) or saves a person or a unit, and stores the image file given (a person's
  /// handwriting, a unit's seal; empty: the image stays as it is). The image is read and checked
  /// first, so that a bad one changes nothing.
  QFuture<Result<inventory::Person>> savePerson(inventory::Person p, QString handwriting);
  QFuture<Result<inventory::Unit>> saveUnit(inventory::Unit u, QString seal);
  /// Builds the per-unit report (report.h) and, when `file` is not empty, writes it there as HTML,
  /// CSV or JSON by the file's extension. Returns the report's HTML for display.
  QFuture<Result<QString>> report(QString file);

 private:
  struct State;
  std::shared_ptr<State> m_state;
  QThreadPool m_pool;
};

}  // namespace kyso::ui
