// MainWindow: the four tabs (Tokens, Sign, Verify, Inventory), the status bar naming the token
// plugged in now, the log panel (a dock), the settings dialog and the language switch. It owns the
// services the tabs share (settings, the token model) and passes them in; no globals.
#pragma once

#include <QMainWindow>
#include <memory>

#include "ui/common/app_settings.h"

class QLabel;
class QTabWidget;
class QDockWidget;
class QAction;
class QMenu;
class QMessageBox;

namespace kyso::ui {

class Language;
class LogPanel;
class SignTab;
class TokenEventSource;
class TokenListModel;
class TokensTab;
class VerifyTab;
class InventoryTab;
class ServiceRunner;

class MainWindow : public QMainWindow {
  Q_OBJECT
 public:
  /// `settingsStore` is where settings persist (not owned); `language` is applied on changes.
  MainWindow(QSettings* settingsStore, Language* language, QWidget* parent = nullptr);
  ~MainWindow() override;

  QTabWidget* tabs() const { return m_tabs; }
  SignTab* signTab() const { return m_signTab; }
  VerifyTab* verifyTab() const { return m_verifyTab; }
  InventoryTab* inventoryTab() const { return m_inventoryTab; }
  TokenListModel* tokenModel() const { return m_tokenModel; }
  /// Files opened with kyso (the file manager's "Open with", `kyso-gui FILE...`), sorted by
  /// jobs/opened_files.h: signed PDFs and detached signatures onto the Verify tab, every file but
  /// a detached signature onto the Sign tab; the Verify tab is shown when every file was signed.
  void openFiles(const QStringList& files);
  /// Switches the language now and remembers it.
  void setLanguage(const QString& code);
  void openSettings();
  /// Help > About: the version and commit (QApplication::applicationVersion) and where to read
  /// more.
  void showAbout();
  /// The About box showAbout runs (for the screenshots, which show it without running it).
  std::unique_ptr<QMessageBox> makeAboutBox();
  /// True while the signing service runs with a tray icon: closing the window then hides it and
  /// the service goes on (the tray's menu quits).
  bool serviceInTray() const;
  /// Starts the local signing service (issue 19) with this window's token layer and PIN dialog:
  /// on `port` (0: any free port), serving `allowedOrigins` without a question. A sentence on
  /// failure, empty on success; the status bar then says where it runs.
  QString startSigningService(int port, const QStringList& allowedOrigins);
  ServiceRunner* signingService() const { return m_service; }

 protected:
  void closeEvent(QCloseEvent* e) override;
  void changeEvent(QEvent* e) override;

 private:
  void retranslateUi();
  void updateTokenStatus();
  void applySettings(const AppSettings& s);
  void applyServiceImages();
  void startTokenLayer(TokensTab* tab);

  QSettings* m_store;
  Language* m_language;
  AppSettings m_settings;
  TokenListModel* m_tokenModel = nullptr;
  TokenEventSource* m_tokenSource = nullptr;
  QTabWidget* m_tabs = nullptr;
  SignTab* m_signTab = nullptr;
  VerifyTab* m_verifyTab = nullptr;
  InventoryTab* m_inventoryTab = nullptr;
  QLabel* m_tokenStatus = nullptr;
  QDockWidget* m_logDock = nullptr;
  LogPanel* m_log = nullptr;
  QMenu* m_fileMenu = nullptr;
  QMenu* m_viewMenu = nullptr;
  QMenu* m_langMenu = nullptr;
  QMenu* m_helpMenu = nullptr;
  QAction* m_aboutAction = nullptr;
  QAction* m_logDetails = nullptr;  // View > Technical details in the log
  QAction* m_settingsAction = nullptr;
  QAction* m_quitAction = nullptr;
  QAction* m_vi = nullptr;
  QAction* m_en = nullptr;
  std::shared_ptr<void> m_tokenLayer;  // the device worker and PIN prompt
  ServiceRunner* m_service = nullptr;
};

}  // namespace kyso::ui
