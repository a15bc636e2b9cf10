#include "ui/inventory/inventory_tab.h"

#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <algorithm>

#include "src/inventory/evidence_text.h"
#include "src/inventory/state_names.h"
#include "src/inventory/time_text.h"
#include "src/inventory/transfer.h"
#include "src/service/local_tls.h"
#include "ui/common/ui_text.h"
#include "ui/common/when_done.h"
#include "ui/inventory/inventory_service.h"
#include "ui/inventory/record_table_model.h"
#include "ui/inventory/service_log_dialog.h"
#include "ui/inventory/transition_dialog.h"
#include "ui/inventory/warnings_dialog.h"

namespace kyso::ui {

namespace {
QString q(const std::string& s) {
  return QString::fromStdString(s);
}
}  // namespace

InventoryTab::InventoryTab(const AppSettings& settings, QWidget* parent)
    : QWidget(parent), m_settings(settings) {
  setObjectName(QStringLiteral("InventoryTab"));
  auto* layout = new QVBoxLayout(this);
  auto* bar = new QHBoxLayout;
  m_search = new QLineEdit(this);
  m_search->setObjectName(QStringLiteral("inventorySearch"));
  m_search->setClearButtonEnabled(true);
  m_stateFilter = new QComboBox(this);
  m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
  m_reload = new QPushButton(this);
  m_transition = new QPushButton(this);
  m_transition->setEnabled(false);
  bar->addWidget(m_search, 2);
  bar->addWidget(m_stateFilter, 1);
  bar->addWidget(m_reload);
  bar->addWidget(m_transition);
  // People and units are added and edited here (issue 17), tokens and certificates by state.
  m_addRecord = new QPushButton(this);
  m_addRecord->setObjectName(QStringLiteral("addRecord"));
  m_editRecord = new QPushButton(this);
  m_editRecord->setObjectName(QStringLiteral("editRecord"));
  bar->addWidget(m_addRecord);
  bar->addWidget(m_editRecord);
  layout->addLayout(bar);
  auto* tools = new QHBoxLayout;
  m_sync = new QPushButton(this);
  m_sync->setObjectName(QStringLiteral("syncTokens"));
  m_sync->setEnabled(false);  // until the app gives a token reader
  m_import = new QPushButton(this);
  m_export = new QPushButton(this);
  m_report = new QPushButton(this);
  m_serviceLog = new QPushButton(this);
  m_serviceLog->setObjectName(QStringLiteral("serviceLog"));
  for (auto* b : {m_sync, m_import, m_export, m_report, m_serviceLog}) tools->addWidget(b);
  tools->addStretch();
  layout->addLayout(tools);

  auto* split = new QSplitter(Qt::Vertical, this);
  m_pages = new QTabWidget(split);
  m_pages->setObjectName(QStringLiteral("inventoryPages"));
  m_tokens = new RecordTableModel(5, this);
  m_certs = new RecordTableModel(5, this);
  // States by name in the UI's language (src/inventory/state_names.h); the codes stay beneath.
  m_tokens->setStateLabels([](const QString& code) {
    return q(inventory::stateLabel(inventory::Subject::Token, code.toStdString(), uiLang()));
  });
  m_certs->setStateLabels([](const QString& code) {
    return q(inventory::stateLabel(inventory::Subject::Certificate, code.toStdString(), uiLang()));
  });
  m_people = new RecordTableModel(-1, this);
  m_units = new RecordTableModel(-1, this);
  m_expiring = new RecordTableModel(-1, this);
  for (RecordTableModel* m : {m_tokens, m_certs, m_expiring, m_people, m_units}) {
    Page p = addPage(m, m_search);
    m_pages->addTab(p.view, QString());
    m_views.push_back(p);
  }
  m_history = new QTextBrowser(split);
  m_history->setObjectName(QStringLiteral("history"));
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);
  layout->addWidget(split, 1);
  m_status = new QLabel(this);
  m_status->setObjectName(QStringLiteral("inventoryStatus"));
  m_status->setWordWrap(true);
  m_showWarnings = new QPushButton(this);
  m_showWarnings->setObjectName(QStringLiteral("showWarnings"));
  m_showWarnings->hide();
  auto* statusRow = new QHBoxLayout;
  statusRow->addWidget(m_status, 1);
  statusRow->addWidget(m_showWarnings);
  layout->addLayout(statusRow);
  connect(m_showWarnings, &QPushButton::clicked, this, [this] {
    auto* d = new WarningsDialog(m_warnings, this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
  });

  connect(m_reload, &QPushButton::clicked, this, &InventoryTab::reload);
  connect(m_addRecord, &QPushButton::clicked, this, [this] { askRecord(false); });
  connect(m_editRecord, &QPushButton::clicked, this, [this] { askRecord(true); });
  connect(m_transition, &QPushButton::clicked, this, &InventoryTab::askTransition);
  connect(m_sync, &QPushButton::clicked, this, &InventoryTab::syncTokens);
  const QStringList csv = {tr("CSV spreadsheets (*.csv)"), tr("All files (*)")};
  connect(m_import, &QPushButton::clicked, this,
          [this, csv] { chooseFile(false, csv, [this](QString f) { importCsv(f); }); });
  connect(m_export, &QPushButton::clicked, this,
          [this, csv] { chooseFile(true, csv, [this](QString f) { exportCsv(f); }); });
  connect(m_report, &QPushButton::clicked, this, [this] {
    chooseFile(true, {tr("Web page (*.html)"), tr("CSV spreadsheets (*.csv)"), tr("JSON (*.json)")},
               [this](QString f) { makeReport(f); });
  });
  connect(m_serviceLog, &QPushButton::clicked, this, [this] {
    auto* d = new ServiceLogDialog(service::serviceDir() / "audit.jsonl", this);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->open();
  });
  connect(m_pages, &QTabWidget::currentChanged, this, [this] {
    retranslateUi();
    showHistory();
  });
  connect(m_stateFilter, &QComboBox::currentIndexChanged, this, [this] {
    const QString state = m_stateFilter->currentData().toString();
    for (size_t i = 0; i < 2; ++i) {
      m_views[i].proxy->setProperty("state", state);
      m_views[i].proxy->invalidate();
    }
  });
  retranslateUi();
  setSettings(settings);
}

InventoryTab::~InventoryTab() = default;

InventoryTab::Page InventoryTab::addPage(RecordTableModel* model, QLineEdit* search) {
  // Search matches any column; the state filter (tokens and certificates) matches column 5.
  class Proxy : public QSortFilterProxyModel {
   public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    void invalidate() { invalidateFilter(); }

   protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
      const QString state = property("state").toString();
      if (!state.isEmpty() &&
          sourceModel()->index(row, 5, parent).data(RecordTableModel::StateCodeRole).toString() !=
              state)
        return false;
      return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
  };
  Page p;
  auto* proxy = new Proxy(this);
  proxy->setSourceModel(model);
  proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
  proxy->setFilterKeyColumn(-1);
  p.proxy = proxy;
  p.view = new QTableView(this);
  p.view->setModel(proxy);
  p.view->setSortingEnabled(true);
  p.view->setSelectionBehavior(QAbstractItemView::SelectRows);
  p.view->setSelectionMode(QAbstractItemView::SingleSelection);
  p.view->horizontalHeader()->setStretchLastSection(true);
  p.view->verticalHeader()->hide();
  connect(search, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
  connect(p.view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
          [this] { showHistory(); });
  return p;
}

void InventoryTab::setSettings(const AppSettings& settings) {
  m_settings = settings;
  m_service = std::make_unique<InventoryService>(m_settings.inventoryDatabase);
  reload();
}

void InventoryTab::reload() {
  m_reload->setEnabled(false);
  m_status->setText(tr("Reading the register…"));
  whenDone(this, m_service->load(60), [this](const Result<InventorySnapshot>& r) {
    m_reload->setEnabled(true);
    if (!r.ok()) {
      m_status->setText(tr("The register cannot be read: %1").arg(errorText(r.error())));
      emit loaded(false);
      return;
    }
    const InventorySnapshot& s = *r;
    std::vector<RecordTableModel::Row> rows;
    for (const auto& t : s.tokens)
      rows.push_back({q(t.serial),
                      {q(t.serial), q(t.manufacturer), q(t.model), q(t.holderName), q(t.unitName),
                       q(t.state), q(inventory::vietnamTimeText(t.lastSeen))}});
    m_tokens->setRows(std::move(rows));
    rows = {};
    for (const auto& c : s.certificates)
      rows.push_back({q(c.sha256),
                      {q(c.subject), q(c.holderName), q(c.tokenSerial), q(c.notBefore),
                       q(c.notAfter), q(c.state), q(c.issuer)}});
    m_certs->setRows(std::move(rows));
    rows = {};
    for (const auto& c : s.expiring)
      rows.push_back(
          {q(c.sha256),
           {q(c.notAfter), q(c.subject), q(c.holderName), q(c.unitName), q(c.tokenSerial)}});
    m_expiring->setRows(std::move(rows));
    rows = {};
    m_peopleRecords = s.people;
    m_unitRecords = s.units;
    m_peopleNames.clear();
    for (const auto& p : s.people)
      if (p.leftOn.empty())
        m_peopleNames.append({p.id, q(p.fullName) + QStringLiteral(" — ") + q(p.unitName)});
    for (const auto& p : s.people)
      rows.push_back(
          {QString::number(p.id),
           {q(p.fullName), q(p.position), q(p.unitName), q(p.email), q(p.phone), q(p.leftOn)}});
    m_people->setRows(std::move(rows));
    rows = {};
    for (const auto& u : s.units)
      rows.push_back(
          {QString::number(u.id), {q(u.name), q(u.kind), q(u.parentName), q(u.focalPersonName)}});
    m_units->setRows(std::move(rows));
    QString status = tr("%1 — %2, %3, %4, %5.")
                         .arg(q(s.location), tr("%n token(s)", nullptr, int(s.tokens.size())),
                              tr("%n certificate(s)", nullptr, int(s.certificates.size())),
                              tr("%n expiring within 60 days", nullptr, int(s.expiring.size())),
                              tr("%n warning(s)", nullptr, int(s.warnings.size())));
    if (s.seal.overdue)
      status += QStringLiteral(" ") +
                (s.seal.lastSealAt.empty()
                     ? tr("The audit log has never been sealed: seal it with your token "
                          "(kyso inventory audit-seal).")
                     : tr("The audit log was last sealed on %1, more than a week ago: seal it "
                          "with your token (kyso inventory audit-seal).")
                           .arg(q(s.seal.lastSealAt.substr(0, 10))));
    m_status->setText(status);
    m_warnings = s.warnings;
    m_showWarnings->setVisible(!m_warnings.empty());
    retranslateUi();
    emit loaded(true);
  });
}

QString InventoryTab::selectedKey(int* subjectOut) const {
  const int page = m_pages->currentIndex();
  if (page < 0 || page > 2) return {};
  const QModelIndex i = m_views[size_t(page)].view->currentIndex();
  if (!i.isValid()) return {};
  *subjectOut = page == 0 ? 0 : 1;  // tokens; certificates and expiring certificates
  return i.siblingAtColumn(0).data(RecordTableModel::KeyRole).toString();
}

void InventoryTab::showHistory() {
  int subject = 0;
  const QString key = selectedKey(&subject);
  m_transition->setEnabled(!key.isEmpty() && m_pages->currentIndex() <= 1);
  updateRecordButtons();
  if (key.isEmpty()) {
    m_history->clear();
    return;
  }
  const auto s = subject == 0 ? inventory::Subject::Token : inventory::Subject::Certificate;
  whenDone(this, m_service->history(s, key),
           [this](const Result<std::vector<inventory::Event>>& r) {
             if (!r.ok()) {
               m_history->setPlainText(errorText(r.error()));
               emit historyShown();
               return;
             }
             QString html = QStringLiteral("<table cellpadding=3>");
             for (const auto& e : *r) {
               html += QStringLiteral(
                           "<tr><td>%1</td><td><b>%2</b></td><td>%3 → %4</td><td>%5 %6</td>"
                           "<td>%7</td><td>%8</td></tr>")
                           .arg(q(inventory::vietnamTimeText(e.at)).toHtmlEscaped(),
                                q(e.kind).toHtmlEscaped(), q(e.fromState).toHtmlEscaped(),
                                q(e.toState).toHtmlEscaped(), q(e.docNumber).toHtmlEscaped(),
                                q(e.docDate).toHtmlEscaped(), q(e.who).toHtmlEscaped(),
                                q(e.note).toHtmlEscaped());
             }
             html += QStringLiteral("</table>");
             m_history->setHtml(r->empty() ? tr("No history yet.") : html);
             emit historyShown();
           });
}

void InventoryTab::askTransition() {
  int subject = 0;
  const QString key = selectedKey(&subject);
  if (key.isEmpty()) return;
  const auto s = subject == 0 ? inventory::Subject::Token : inventory::Subject::Certificate;
  const QModelIndex i = m_views[size_t(m_pages->currentIndex())].view->currentIndex();
  const QString current = i.siblingAtColumn(5).data(RecordTableModel::StateCodeRole).toString();
  QList<TransitionChoice> choices;  // the changes the rules allow from the current state
  for (const inventory::TransitionRule& r : inventory::rules(s)) {
    if (q(std::string(r.from)) != current) continue;
    const QString code = q(std::string(r.to));
    bool seen = false;
    for (const TransitionChoice& c : choices) seen = seen || c.code == code;
    QString name = q(inventory::stateLabel(s, r.to, uiLang()));
    if (r.from == r.to) name = tr("%1: hand over to another person").arg(name);
    if (!seen) choices.append({code, name, r.needs});
  }
  auto* d = new TransitionDialog(
      subject == 0 ? tr("Token %1").arg(key) : tr("Certificate %1").arg(key.left(16)),
      q(inventory::stateLabel(s, current.toStdString(), uiLang())), choices, m_peopleNames, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  connect(d, &QDialog::accepted, this, [this, d, s, key] {
    inventory::EvidenceGiven e;
    e.docNumber = d->docNumber().toStdString();
    e.docDate = d->docDate().toStdString();
    e.note = d->note().toStdString();
    e.holderId = d->holderId();
    e.wiped = d->wiped();
    whenDone(
        this, m_service->transition(s, key, d->targetState(), e),
        [this](const Result<inventory::Event>& r) {
          if (!r.ok()) {
            m_status->setText(tr("The change was not recorded: %1")
                                  .arg(errorText(inventory::explainEvidence(r.error(), uiLang()))));
            emit transitionDone(false);
            return;
          }
          emit transitionDone(true);
          reload();
        });
  });
  d->open();
}

void InventoryTab::setTokenReader(TokenReader reader) {
  m_reader = std::move(reader);
  m_sync->setEnabled(bool(m_reader));
}

void InventoryTab::chooseFile(bool save, const QStringList& filters,
                              std::function<void(QString)> then) {
  auto* d = new QFileDialog(this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  d->setAcceptMode(save ? QFileDialog::AcceptSave : QFileDialog::AcceptOpen);
  d->setFileMode(save ? QFileDialog::AnyFile : QFileDialog::ExistingFile);
  d->setNameFilters(filters);
  connect(d, &QFileDialog::fileSelected, this, [d, save, then](QString f) {
    // A saved file gets the chosen filter's extension when the person typed none.
    if (save && QFileInfo(f).suffix().isEmpty()) {
      const QString filter = d->selectedNameFilter();
      const int star = filter.indexOf(QLatin1String("*."));
      if (star >= 0) f += filter.mid(star + 1, filter.indexOf(QLatin1Char(')'), star) - star - 1);
    }
    then(f);
  });
  d->open();
}

void InventoryTab::finishAction(bool ok, const QString& summary) {
  for (auto* b : {m_import, m_export, m_report}) b->setEnabled(true);
  m_sync->setEnabled(bool(m_reader));
  m_status->setText(summary);
  emit actionDone(ok, summary);
}

void InventoryTab::syncTokens() {
  if (!m_reader) return;
  m_sync->setEnabled(false);
  m_status->setText(tr("Reading the plugged tokens…"));
  whenDone(this, m_reader(), [this](const Result<std::vector<inventory::SeenToken>>& seen) {
    if (!seen.ok())
      return finishAction(false, tr("The tokens cannot be read: %1").arg(errorText(seen.error())));
    whenDone(this, m_service->sync(*seen), [this](const Result<inventory::SyncReport>& r) {
      if (!r.ok()) return finishAction(false, tr("The sync failed: %1").arg(errorText(r.error())));
      QString text = tr("Tokens seen: %1; new records: %2; differences: %3.")
                         .arg(r->tokensSeen)
                         .arg(r->registered.size())
                         .arg(r->mismatches.size());
      QStringList lines;
      for (const auto& m : r->mismatches) lines << q(m).toHtmlEscaped();
      for (const auto& g : r->registered) lines << q(g).toHtmlEscaped();
      m_history->setHtml(QStringLiteral("<p>%1</p><ul><li>%2</li></ul>")
                             .arg(text.toHtmlEscaped(), lines.join(QStringLiteral("</li><li>"))));
      reload();
      finishAction(true, text);
    });
  });
}

void InventoryTab::importCsv(const QString& file, bool createMissing) {
  m_import->setEnabled(false);
  whenDone(this, m_service->importTokensCsv(file, createMissing),
           [this, file, createMissing](const Result<inventory::ImportReport>& r) {
             if (!r.ok())
               return finishAction(false, tr("The import failed: %1").arg(errorText(r.error())));
             if (!r->rejected.empty()) {
               const QString nothing = showRejectedRows(*r);
               const bool onlyMissing =
                   std::all_of(r->rejected.begin(), r->rejected.end(), inventory::missingRecord);
               if (onlyMissing && !createMissing) return askCreateMissing(file, *r, nothing);
               return finishAction(false, nothing);
             }
             reload();
             QString text = tr("Tokens imported: %1.").arg(r->imported);
             if (!r->createdUnits.empty() || !r->createdPeople.empty())
               text += QLatin1Char(' ') + tr("Units added: %1. People added: %2.")
                                              .arg(r->createdUnits.size())
                                              .arg(r->createdPeople.size());
             finishAction(true, text);
           });
}

QString InventoryTab::showRejectedRows(const inventory::ImportReport& r) {
  QStringList lines;
  for (const auto& row : r.rejected)
    lines << tr("line %1: %2")
                 .arg(row.line)
                 .arg(q(inventory::rowProblemText(row, uiLang())))
                 .toHtmlEscaped();
  m_history->setHtml(
      QStringLiteral("<ul><li>%1</li></ul>").arg(lines.join(QStringLiteral("</li><li>"))));
  return tr("Nothing was imported: rows rejected: %1 of %2 (listed below).")
      .arg(r.rejected.size())
      .arg(r.rows);
}

// Every rejected row names a unit or person the register does not have: offer to add them in the
// same import (all or nothing, as before), and say how many rows that concerns.
void InventoryTab::askCreateMissing(const QString& file, const inventory::ImportReport& r,
                                    const QString& declined) {
  auto* box = new QMessageBox(
      QMessageBox::Question, tr("Add the missing units and people?"),
      tr("%1 of %2 rows name a unit or a person the inventory does not have (listed below). "
         "Add them to the inventory and import every row?")
          .arg(r.rejected.size())
          .arg(r.rows),
      QMessageBox::Yes | QMessageBox::No, this);
  box->setObjectName(QStringLiteral("createMissingBox"));
  box->button(QMessageBox::Yes)->setText(tr("Add them and import"));
  box->setDefaultButton(QMessageBox::No);
  box->setAttribute(Qt::WA_DeleteOnClose);
  connect(box, &QMessageBox::finished, this, [this, box, file, declined](int) {
    if (box->standardButton(box->clickedButton()) == QMessageBox::Yes)
      importCsv(file, true);
    else
      finishAction(false, declined);
  });
  box->open();
}

void InventoryTab::exportCsv(const QString& file) {
  m_export->setEnabled(false);
  whenDone(this, m_service->exportTokensCsv(file), [this, file](const Status& st) {
    if (!st.ok())
      return finishAction(false, tr("The export failed: %1").arg(errorText(st.error())));
    finishAction(true, tr("The tokens were saved to %1.").arg(QDir::toNativeSeparators(file)));
  });
}

void InventoryTab::makeReport(const QString& file) {
  m_report->setEnabled(false);
  whenDone(this, m_service->report(file), [this, file](const Result<QString>& html) {
    if (!html.ok())
      return finishAction(false, tr("The report failed: %1").arg(errorText(html.error())));
    m_history->setHtml(*html);
    finishAction(
        true, file.isEmpty()
                  ? tr("The report per unit is shown below.")
                  : tr("The report per unit was saved to %1.").arg(QDir::toNativeSeparators(file)));
  });
}

void InventoryTab::retranslateUi() {
  m_sync->setText(tr("Sync with plugged tokens"));
  m_sync->setToolTip(m_reader ? QString() : tr("No token layer in this build"));
  m_import->setText(tr("Import CSV…"));
  m_serviceLog->setText(tr("Signing service log…"));
  m_serviceLog->setToolTip(
      tr("Every request web pages made to the signing service on this computer"));
  m_export->setText(tr("Export CSV…"));
  m_report->setText(tr("Report per unit…"));
  m_search->setPlaceholderText(tr("Search…"));
  m_reload->setText(tr("Reload"));
  m_addRecord->setText(m_pages->currentIndex() == kUnitsPage ? tr("Add a unit…")
                                                             : tr("Add a person…"));
  m_editRecord->setText(tr("Edit…"));
  updateRecordButtons();
  m_showWarnings->setText(tr("Warnings (%1)…").arg(m_warnings.size()));
  m_transition->setText(tr("Change state…"));
  m_pages->setTabText(0, tr("Tokens"));
  m_pages->setTabText(1, tr("Certificates"));
  m_pages->setTabText(2, tr("Expiring soon"));
  m_pages->setTabText(3, tr("People"));
  m_pages->setTabText(4, tr("Units"));
  m_tokens->setHeaders({tr("Serial"), tr("Manufacturer"), tr("Model"), tr("Holder"), tr("Unit"),
                        tr("State"), tr("Last seen")});
  m_certs->setHeaders({tr("Subject"), tr("Holder"), tr("Token"), tr("Valid from"),
                       tr("Valid until"), tr("State"), tr("Issuer")});
  m_expiring->setHeaders({tr("Valid until"), tr("Subject"), tr("Holder"), tr("Unit"), tr("Token")});
  m_people->setHeaders(
      {tr("Full name"), tr("Position"), tr("Unit"), tr("E-mail"), tr("Phone"), tr("Left on")});
  m_units->setHeaders({tr("Name"), tr("Kind"), tr("Parent unit"), tr("Focal person")});
  // The state filter lists the declared states of what the current page shows.
  const int page = m_pages->currentIndex();
  const QString keep = m_stateFilter->currentData().toString();
  const QSignalBlocker block(m_stateFilter);
  m_stateFilter->clear();
  m_stateFilter->addItem(tr("All states"), QString());
  if (page == 0 || page == 1) {
    for (std::string_view st : inventory::states(page == 0 ? inventory::Subject::Token
                                                           : inventory::Subject::Certificate)) {
      m_stateFilter->addItem(q(inventory::stateLabel(page == 0 ? inventory::Subject::Token
                                                               : inventory::Subject::Certificate,
                                                     st, uiLang())),
                             q(std::string(st)));
    }
  }
  m_stateFilter->setEnabled(page == 0 || page == 1);
  const int idx = m_stateFilter->findData(keep);
  m_stateFilter->setCurrentIndex(idx < 0 ? 0 : idx);
}

void InventoryTab::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QWidget::changeEvent(e);
}

}  // namespace kyso::ui
