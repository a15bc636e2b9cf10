#include "ui/inventory_service.h"

#include <QtConcurrent>

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

}  // namespace kyso::ui
