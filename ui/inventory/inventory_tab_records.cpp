// The Inventory tab's People and Units pages: adding and editing a person or a unit through
// PersonDialog and UnitDialog; the register records the change (with its audit entry) and the
// tab reloads.
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>

#include "ui/common/ui_text.h"
#include "ui/common/when_done.h"
#include "ui/inventory/inventory_service.h"
#include "ui/inventory/inventory_tab.h"
#include "ui/inventory/person_dialog.h"
#include "ui/inventory/record_table_model.h"
#include "ui/inventory/unit_dialog.h"

namespace kyso::ui {

long long InventoryTab::selectedRecordId() const {
  const int page = m_pages->currentIndex();
  if (page != kPeoplePage && page != kUnitsPage) return 0;
  const QModelIndex i = m_views[size_t(page)].view->currentIndex();
  if (!i.isValid()) return 0;
  return i.siblingAtColumn(0).data(RecordTableModel::KeyRole).toString().toLongLong();
}

void InventoryTab::updateRecordButtons() {
  const int page = m_pages->currentIndex();
  const bool records = page == kPeoplePage || page == kUnitsPage;
  m_addRecord->setVisible(records);
  m_editRecord->setVisible(records);
  m_editRecord->setEnabled(records && selectedRecordId() != 0);
}

void InventoryTab::askRecord(bool edit) {
  const long long id = edit ? selectedRecordId() : 0;
  if (edit && id == 0) return;
  QList<QPair<long long, QString>> units;
  for (const auto& u : m_unitRecords) units.append({u.id, QString::fromStdString(u.name)});
  auto report = [this](bool ok, const QString& what, const Error* e) {
    m_status->setText(ok ? what : tr("Not saved: %1").arg(errorText(*e)));
    if (ok) reload();
    emit recordSaved(ok);
  };
  if (m_pages->currentIndex() == kPeoplePage) {
    inventory::Person p;
    for (const auto& x : m_peopleRecords)
      if (x.id == id) p = x;
    auto* d = new PersonDialog(p, units, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    connect(d, &QDialog::accepted, this, [this, d, report] {
      whenDone(this, m_service->savePerson(d->person(), d->handwritingFile()),
               [report](const Result<inventory::Person>& r) {
                 report(r.ok(),
                        r.ok() ? tr("Saved: %1 (%2).")
                                     .arg(QString::fromStdString(r->fullName),
                                          QString::fromStdString(r->unitName))
                               : QString(),
                        r.ok() ? nullptr : &r.error());
               });
    });
    d->open();
    return;
  }
  inventory::Unit u;
  for (const auto& x : m_unitRecords)
    if (x.id == id) u = x;
  QList<QPair<long long, QString>> people;
  for (const auto& p : m_peopleRecords)
    if (p.unitId == id && id != 0 && p.leftOn.empty())
      people.append({p.id, QString::fromStdString(p.fullName)});
  auto* d = new UnitDialog(u, units, people, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  connect(d, &QDialog::accepted, this, [this, d, report] {
    whenDone(this, m_service->saveUnit(d->unit(), d->sealFile()),
             [report](const Result<inventory::Unit>& r) {
               report(r.ok(),
                      r.ok() ? tr("Saved: %1.").arg(QString::fromStdString(r->name)) : QString(),
                      r.ok() ? nullptr : &r.error());
             });
  });
  d->open();
}

}  // namespace kyso::ui
