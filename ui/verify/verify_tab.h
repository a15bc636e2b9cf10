// VerifyTab: drop files or folders; one row per file with a coloured verdict and the one-line
// reason; a details pane (the verifier's own report: signatures, signer, chain, revocation,
// timestamps, changes after each signature); "show what looks different" (the pages as signed and
// now, side by side, when the visual guard found a difference); "save report" as HTML or PDF.
// Verification runs on a pool thread with progress and cancel. Without kyso_pdfverify in the build
// the tab says so.
#pragma once

#include <QFutureWatcher>
#include <QWidget>
#include <memory>

#include "ui/common/app_settings.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace kyso::ui {

class FileDropList;
class VerifyModel;
class VerifyService;

class VerifyTab : public QWidget {
  Q_OBJECT
 public:
  /// `settings` chooses the trust material; call setSettings() when it changes.
  explicit VerifyTab(const AppSettings& settings, QWidget* parent = nullptr);
  ~VerifyTab() override;
  void setSettings(const AppSettings& settings);
  /// Adds files and folders (PDFs inside folders) and starts verifying them.
  void addPaths(const QStringList& paths);
  VerifyModel* model() const { return m_model; }
  /// True while a verification job runs.
  bool busy() const;

 signals:
  /// Every queued file has a result (or the job was cancelled).
  void finished();

 protected:
  void changeEvent(QEvent* e) override;
  void dragEnterEvent(QDragEnterEvent* e) override;
  void dropEvent(QDropEvent* e) override;

 private:
  void retranslateUi();
  void startNext();
  void showDetails();
  void saveReport();

  AppSettings m_settings;
  VerifyModel* m_model = nullptr;
  QTableView* m_table = nullptr;
  QTextBrowser* m_details = nullptr;
  QLabel* m_hint = nullptr;
  QLabel* m_error = nullptr;
  QProgressBar* m_progress = nullptr;
  QPushButton* m_add = nullptr;
  QPushButton* m_addFolder = nullptr;
  QPushButton* m_cancel = nullptr;
  QPushButton* m_clear = nullptr;
  QPushButton* m_save = nullptr;
  QPushButton* m_compare = nullptr;  // the visual guard's findings, side by side
  std::shared_ptr<VerifyService> m_service;
  QStringList m_queue;
  QStringList m_running;
  QFutureWatcherBase* m_watcher = nullptr;  // the running job (a QFutureWatcher<FileReportPtr>)
};

}  // namespace kyso::ui
