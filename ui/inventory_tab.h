// InventoryTab: tokens, certificates, people and units from the register (kyso_inventory), each
// a table with search and a state filter and coloured state badges; the certificates expiring in
// the next 60 days; the history of the selected token or certificate; a transition dialog that
// records the request document's number and date. Database calls run off the UI thread. Without
// the inventory library in this build the tab says so.
#pragma once

#include <QWidget>
#include <memory>

#include "ui/app_settings.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QTextBrowser;

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

 signals:
  void loaded(bool ok);
  void historyShown();
  void transitionDone(bool ok);

 protected:
  void changeEvent(QEvent* e) override;

 private:
  struct Page {
    QTableView* view = nullptr;
    QSortFilterProxyModel* proxy = nullptr;
  };
  Page addPage(RecordTableModel* model, QLineEdit* search);
  void retranslateUi();
  void showHistory();
  void askTransition();
  QString selectedKey(int* subjectOut) const;

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
  QPushButton* m_reload = nullptr;
  QPushButton* m_transition = nullptr;
};

}  // namespace kyso::ui
