#include "ui/inventory/inventory_service.h"

#include <QFileInfo>
#include <QtConcurrent>

#include "core/atomic_file.h"
#include "ui/common/pool_thread_cleanup.h"

namespace kyso::ui {

struct InventoryService::State {
  std::string location;
  SystemClock clock;
  std::optional<inventory::Inventory> inv;

  Result<inventory::Inventory*> open() {
    if (!inv) {
      const std::string where =
          location.empty() ? inventory::Inventory::defaultLocation() : location;
      KYSO_ASSIGN_OR_RETURN(auto opened, inventory::Inventory::open(where, clock));
      inv.emplace(std::move(opened));
      location = where;
    }
    return &*inv;
  }
};

InventoryService::InventoryService(QString location) : m_state(std::make_shared<State>()) {
  m_state->location = location.toStdString();
  m_pool.setMaxThreadCount(1);  // one call at a time: the register is not thread-safe
}

InventoryService::~InventoryService() {
  m_pool.waitForDone();
}

QFuture<Result<InventorySnapshot>> InventoryService::load(long expiringDays) {
  return QtConcurrent::run(&m_pool, [st = m_state, expiringDays]() -> Result<InventorySnapshot> {
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
    InventorySnapshot s;
    s.location = st->location;
    KYSO_ASSIGN_OR_RETURN(s.tokens, inv->tokens());
    KYSO_ASSIGN_OR_RETURN(s.certificates, inv->certificates());
    KYSO_ASSIGN_OR_RETURN(s.people, inv->people());
    KYSO_ASSIGN_OR_RETURN(s.units, inv->units());
    KYSO_ASSIGN_OR_RETURN(s.expiring, inv->expiring(expiringDays));
    KYSO_ASSIGN_OR_RETURN(s.warnings, inv->warnings());
    KYSO_ASSIGN_OR_RETURN(s.seal, inventory::sealAge(inv->db(), inv->clock().now()));
    return s;
  });
}

QFuture<Result<std::vector<inventory::Event>>> InventoryService::history(inventory::Subject s,
                                                                         QString key) {
  return QtConcurrent::run(&m_pool,
                           [st = m_state, s, key]() -> Result<std::vector<inventory::Event>> {
                             KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
                             return inv->history(s, key.toStdString());
                           });
}

QFuture<Result<inventory::Event>> InventoryService::transition(inventory::Subject s, QString key,
                                                               QString to,
                                                               inventory::EvidenceGiven evidence) {
  return QtConcurrent::run(&m_pool,
                           [st = m_state, s, key, to, evidence]() -> Result<inventory::Event> {
                             KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
                             inventory::EvidenceGiven e = evidence;
                             if (e.today.empty()) e.today = inv->today();
                             return inv->transition(s, key.toStdString(), to.toStdString(), e);
                           });
}

namespace {

// The image file's bytes, checked as the register checks them; empty when no file is given.
Result<std::string> readImage(const QString& file, const char* what) {
  if (file.isEmpty()) return std::string();
  KYSO_ASSIGN_OR_RETURN(std::string bytes,
                        readSmallFile(std::filesystem::path(file.toStdU16String())));
  KYSO_TRY(inventory::checkImage(bytes, what));
  return bytes;
}

}  // namespace

QFuture<Result<inventory::Person>> InventoryService::savePerson(inventory::Person p,
                                                                QString handwriting) {
  return QtConcurrent::run(&m_pool, [st = m_state, p, handwriting]() -> Result<inventory::Person> {
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
    KYSO_ASSIGN_OR_RETURN(std::string png, readImage(handwriting, "handwriting"));
    KYSO_ASSIGN_OR_RETURN(inventory::Person saved,
                          p.id == 0 ? inv->addPerson(p) : inv->editPerson(p));
    if (png.empty()) return saved;
    KYSO_TRY(inv->setHandwriting(std::to_string(saved.id), png));
    return inv->person(std::to_string(saved.id));
  });
}

QFuture<Result<inventory::Unit>> InventoryService::saveUnit(inventory::Unit u, QString seal) {
  return QtConcurrent::run(&m_pool, [st = m_state, u, seal]() -> Result<inventory::Unit> {
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
    KYSO_ASSIGN_OR_RETURN(std::string png, readImage(seal, "seal"));
    KYSO_ASSIGN_OR_RETURN(inventory::Unit saved, u.id == 0 ? inv->addUnit(u) : inv->editUnit(u));
    if (png.empty()) return saved;
    KYSO_TRY(inv->setSeal(std::to_string(saved.id), png));
    return inv->unit(std::to_string(saved.id));
  });
}

namespace {
Status writeFile(const QString& file, const std::string& bytes) {
  KYSO_ASSIGN_OR_RETURN(auto out, AtomicFile::create(std::filesystem::path(file.toStdU16String()),
                                                     AtomicFile::Overwrite::Allow));
  KYSO_TRY(out.write(bytes));
  return out.commit();
}
}  // namespace

QFuture<Result<inventory::SyncReport>> InventoryService::sync(
    std::vector<inventory::SeenToken> seen) {
  return QtConcurrent::run(&m_pool, [st = m_state, seen]() -> Result<inventory::SyncReport> {
    const PoolThreadCleanup cleanup;  // certificates are parsed with OpenSSL
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
    return inventory::reconcileTokens(*inv, seen);
  });
}

QFuture<Result<inventory::ImportReport>> InventoryService::importTokensCsv(QString file,
                                                                           bool createMissing) {
  return QtConcurrent::run(
      &m_pool, [st = m_state, file, createMissing]() -> Result<inventory::ImportReport> {
        KYSO_ASSIGN_OR_RETURN(auto bytes,
                              readSmallFile(std::filesystem::path(file.toStdU16String())));
        KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
        inventory::ImportOptions options;
        options.createMissing = createMissing;
        return inventory::importTokensCsv(*inv, bytes, options);
      });
}

QFuture<Status> InventoryService::exportTokensCsv(QString file) {
  return QtConcurrent::run(&m_pool, [st = m_state, file]() -> Status {
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
    KYSO_ASSIGN_OR_RETURN(auto csv, inventory::exportTokensCsv(*inv));
    return writeFile(file, csv);
  });
}

QFuture<Result<QString>> InventoryService::report(QString file) {
  return QtConcurrent::run(&m_pool, [st = m_state, file]() -> Result<QString> {
    KYSO_ASSIGN_OR_RETURN(inventory::Inventory * inv, st->open());
    KYSO_ASSIGN_OR_RETURN(auto r, inventory::buildReport(*inv));
    const std::string html = inventory::reportHtml(r);
    if (!file.isEmpty()) {
      const QString ext = QFileInfo(file).suffix().toLower();
      const std::string bytes = ext == QLatin1String("csv")    ? inventory::reportCsv(r)
                                : ext == QLatin1String("json") ? inventory::reportJson(r).dump()
                                                               : html;
      KYSO_TRY(writeFile(file, bytes));
    }
    return QString::fromStdString(html);
  });
}

}  // namespace kyso::ui
