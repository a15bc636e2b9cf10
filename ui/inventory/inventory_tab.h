// InventoryTab: tokens, certificates, people and units from the register (kyso_inventory), each
// a table with search and a state filter and coloured state badges; the certificates expiring in
// the next 60 days; the history of the selected token or certificate; a transition dialog that
// records the request document's number and date; sync with the plugged tokens, CSV import and
// export of tokens, and the per-unit report (shown, and saved as HTML, CSV or JSON). Database
// calls run off the UI thread. Without the inventory library in this build the tab says so.
#pragma once

#include <QFuture>
#include <QList>
#include <QPair>
#include <QString>
#include <QWidget>
#include <functional>
#include <memory>
#include <vector>

#include "core/result.h"
#include "src/inventory/model.h"
#include "ui/common/app_settings.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;

namespace kyso::inventory {
struct SeenToken;
struct ImportReport;
}  // namespace kyso::inventory

namespace kyso::ui {

class InventoryService;
class RecordTableModel;

class InventoryTab : public QWidget {
  Q_OBJECT
 public:
  explicit InventoryTab(const AppSettings& settings, QWidget* parent = nullptr);
  ~InventoryTab() override;
  /// Reopens the register named by the settings and reloads.
  void setSettings(const AppSettings& settings);
  /// Reads everything again (off the UI thread); emits loaded() when done.
  void reload();
  RecordTableModel* tokens() const { return m_tokens; }
  RecordTableModel* certificates() const { return m_certs; }
  RecordTableModel* expiring() const { return m_expiring; }

  /// Reads the plugged tokens (the app's token layer); without one, sync is not offered.
  using TokenReader = std::function<QFuture<Result<std::vector<inventory::SeenToken>>>()>;
  void setTokenReader(TokenReader reader);
  /// Sync with the plugged tokens; emits synced() with a summary for people.
  void syncTokens();
  /// CSV of tokens in and out, and the report, as the buttons do (after their file dialogs). When
  /// the only rejected rows name units or people the register lacks, the import asks
  /// (createMissingBox) whether to add them and runs again with `createMissing`.
  void importCsv(const QString& file, bool createMissing = false);
  void exportCsv(const QString& file);
  /// Shows the per-unit report and, when `file` is not empty, saves it (.html, .csv or .json).
  void makeReport(const QString& file);

 signals:
  void loaded(bool ok);
  void historyShown();
  void transitionDone(bool ok);
  /// A person or unit was added or edited (or the register refused: `ok` false).
  void recordSaved(bool ok);
  /// A sync, import, export or report finished; `summary` is what the status line says.
  void actionDone(bool ok, const QString& summary);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  // Lists the rejected rows in the history pane; returns the status line that says so.
  QString showRejectedRows(const inventory::ImportReport& r);
  void askCreateMissing(const QString& file, const inventory::ImportReport& r,
                        const QString& declined);
  struct Page {
    QTableView* view = nullptr;
    QSortFilterProxyModel* proxy = nullptr;
  };
  Page addPage(RecordTableModel* model, QLineEdit* search);
  void retranslateUi();
  void showHistory();
  void askTransition();
  // People and units (inventory_tab_records.cpp): the dialog for the selected row or a new one.
  static constexpr int kPeoplePage = 3, kUnitsPage = 4;
  void askRecord(bool edit);
  void updateRecordButtons();
  long long selectedRecordId() const;
  QString selectedKey(int* subjectOut) const;
  void finishAction(bool ok, const QString& summary);
  void chooseFile(bool save, const QStringList& filters, std::function<void(QString)> then);

  AppSettings m_settings;
  std::unique_ptr<InventoryService> m_service;
  QTabWidget* m_pages = nullptr;
  RecordTableModel* m_tokens = nullptr;
  RecordTableModel* m_certs = nullptr;
  RecordTableModel* m_people = nullptr;
  RecordTableModel* m_units = nullptr;
  RecordTableModel* m_expiring = nullptr;
  std::vector<Page> m_views;
  QLineEdit* m_search = nullptr;
  QComboBox* m_stateFilter = nullptr;
  QTextBrowser* m_history = nullptr;
  QLabel* m_status = nullptr;
  QPushButton* m_addRecord = nullptr;
  QPushButton* m_editRecord = nullptr;
  std::vector<inventory::Person> m_peopleRecords;  // as of the last reload
  std::vector<inventory::Unit> m_unitRecords;
  QPushButton* m_showWarnings = nullptr;       // opens the list (WarningsDialog)
  std::vector<inventory::Warning> m_warnings;  // as of the last reload
  QPushButton* m_reload = nullptr;
  QPushButton* m_transition = nullptr;
  QPushButton* m_sync = nullptr;
  QPushButton* m_import = nullptr;
  QPushButton* m_export = nullptr;
  QPushButton* m_report = nullptr;
  QPushButton* m_serviceLog = nullptr;
  TokenReader m_reader;
  QList<QPair<long long, QString>> m_peopleNames;  // who may receive a token: (id, "name — unit")
};

}  // namespace kyso::ui
