#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QEvent>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTabWidget>
#include <filesystem>
#include <vector>

#include "core/log.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/module.h"
#include "src/jobs/opened_files.h"
#include "ui/common/language.h"
#include "ui/common/log_panel.h"
#include "ui/common/settings_dialog.h"
#include "ui/common/ui_text.h"
#include "ui/inventory/inventory_tab.h"
#include "ui/inventory/plugged_tokens.h"
#include "ui/service/service_runner.h"
#include "ui/sign/sign_tab.h"
#include "ui/tokens/modules_to_read.h"
#include "ui/tokens/pin_dialog.h"
#include "ui/tokens/pkcs11_token_source.h"
#include "ui/tokens/qt_pin_prompt.h"
#include "ui/tokens/token_actions.h"
#include "ui/tokens/token_list_model.h"
#include "ui/tokens/token_management.h"
#include "ui/tokens/tokens_tab.h"
#include "ui/verify/verify_service.h"
#include "ui/verify/verify_tab.h"

namespace kyso::ui {

MainWindow::MainWindow(QSettings* settingsStore, Language* language, QWidget* parent)
    : QMainWindow(parent), m_store(settingsStore), m_language(language) {
  setObjectName(QStringLiteral("MainWindow"));
  m_settings = AppSettings::load(*m_store);
  m_tokenModel = new TokenListModel(this);

  constexpr bool kTokens = true;
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("tabs"));
  auto* tokensTab = new TokensTab(m_tokenModel, kTokens, m_tabs);
  m_tabs->addTab(tokensTab, QString());
  m_signTab = new SignTab(m_tabs);
  m_signTab->setSettings(m_settings);
  m_signTab->setFormStore(m_store);
  m_tabs->addTab(m_signTab, QString());
  m_verifyTab = new VerifyTab(m_settings, m_tabs);
  m_tabs->addTab(m_verifyTab, QString());
  m_inventoryTab = new InventoryTab(m_settings, m_tabs);
  m_tabs->addTab(m_inventoryTab, QString());
  setCentralWidget(m_tabs);

  m_log = new LogPanel(this);
  m_logDock = new QDockWidget(this);
  m_logDock->setObjectName(QStringLiteral("logDock"));
  m_logDock->setWidget(m_log);
  addDockWidget(Qt::BottomDockWidgetArea, m_logDock);
  // The log is for whoever looks into a problem (View > Log), not for the person signing: closed
  // until asked for. What a person needs to know is said in the tab and the status bar.
  m_logDock->hide();

  m_tokenStatus = new QLabel(this);
  m_tokenStatus->setObjectName(QStringLiteral("tokenStatus"));
  statusBar()->addPermanentWidget(m_tokenStatus);
  connect(m_tokenModel, &TokenListModel::currentTokenChanged, this, &MainWindow::updateTokenStatus);

  m_fileMenu = menuBar()->addMenu(QString());
  m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openSettings);
  m_fileMenu->addSeparator();
  m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
  m_quitAction->setShortcut(QKeySequence::Quit);
  m_viewMenu = menuBar()->addMenu(QString());
  m_viewMenu->addAction(m_logDock->toggleViewAction());
  m_logDetails = m_viewMenu->addAction(QString());
  m_logDetails->setObjectName(QStringLiteral("logDetails"));
  m_logDetails->setCheckable(true);
  connect(m_logDetails, &QAction::toggled, m_log, &LogPanel::setShowDetails);
  m_langMenu = menuBar()->addMenu(QString());
  auto* group = new QActionGroup(this);
  m_vi = m_langMenu->addAction(QStringLiteral("Tiếng Việt"));
  m_en = m_langMenu->addAction(QStringLiteral("English"));
  for (auto* a : {m_vi, m_en}) {
    a->setCheckable(true);
    group->addAction(a);
  }
  connect(m_vi, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("vi")); });
  connect(m_en, &QAction::triggered, this, [this] { setLanguage(QStringLiteral("en")); });
  (m_language->current() == QLatin1String("en") ? m_en : m_vi)->setChecked(true);
  m_helpMenu = menuBar()->addMenu(QString());
  m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
  m_aboutAction->setObjectName(QStringLiteral("aboutAction"));

  startTokenLayer(tokensTab);
  resize(1100, 760);
  resizeDocks({m_logDock}, {120}, Qt::Vertical);
  retranslateUi();
}

MainWindow::~MainWindow() {
  // The service's threads may be waiting on this window's dialogs: stop it first.
  delete m_service;
  m_service = nullptr;
  // A PIN dialog still open means the device worker waits for it: closing it answers "cancelled"
  // (see QtPinPrompt), so that the worker can finish before it is joined.
  qDeleteAll(findChildren<PinDialog*>());
  // The token source stops its PC/SC monitor and drains its worker jobs before the worker goes.
  delete m_tokenSource;
  m_tokenSource = nullptr;
}

void MainWindow::openFiles(const QStringList& files) {
  std::vector<std::filesystem::path> paths;
  for (const QString& f : files) paths.emplace_back(f.toStdU16String());
  const jobs::OpenedFiles sorted = jobs::sortOpenedFiles(paths);
  auto toList = [](const std::vector<std::filesystem::path>& list) {
    QStringList out;
    for (const auto& p : list) out << QString::fromStdU16String(p.u16string());
    return out;
  };
  if (!sorted.toSign.empty()) m_signTab->addFiles(toList(sorted.toSign));
  if (!sorted.toVerify.empty()) m_verifyTab->addPaths(toList(sorted.toVerify));
  if (sorted.verifyFirst)
    m_tabs->setCurrentWidget(m_verifyTab);
  else if (!sorted.toSign.empty())
    m_tabs->setCurrentWidget(m_signTab);
}

namespace {
struct TokenLayer {
  std::shared_ptr<p11::DeviceWorker> worker = std::make_shared<p11::DeviceWorker>();
  std::shared_ptr<QtPinPrompt> prompt;
};

}  // namespace

QString MainWindow::startSigningService(int port, const QStringList& allowedOrigins) {
  auto layer = std::static_pointer_cast<TokenLayer>(m_tokenLayer);
  if (!layer) return tr("The token layer is not running.");
  if (!m_service)
    m_service = new ServiceRunner(
        this,
        [this] {
          QList<TokenSnapshot> tokens;
          for (int r = 0; r < m_tokenModel->rowCount(); ++r) tokens << m_tokenModel->snapshot(r);
          return tokens;
        },
        layer->worker, layer->prompt, this);
  m_service->setSettingsOpener([this] { openSettings(); });
  applyServiceImages();
  // The level of the app's own signatures: B-T with the TSA from Settings, else B-B.
  if (m_settings.tsaUrl.isEmpty())
    m_service->setSigning(pdf::PadesLevel::BB, std::nullopt);
  else
    m_service->setSigning(pdf::PadesLevel::BT, m_settings.tsaUrl.toStdString());
  QStringList origins = m_settings.serviceOrigins;
  origins += allowedOrigins;
  origins.removeDuplicates();
  // VerifyPDF and VerifyXML trust what the Verify tab trusts; without it they say so.
  auto verify = appVerifyProfile(m_settings);
  if (!verify.ok())
    LogPanel::say(
        int(log::Level::Warn),
        tr("The signing service cannot verify signatures: %1").arg(errorText(verify.error())),
        "signing service: no verification: " + verify.error().technical());
  const Status st =
      m_service->start(port, origins, m_language->current(), verify.ok() ? *verify : nullptr);
  if (!st.ok()) return errorText(st.error());
  statusBar()->showMessage(m_service->statusText());
  return {};
}

void MainWindow::startTokenLayer(TokensTab* tab) {
  auto layer = std::make_shared<TokenLayer>();
  layer->prompt = std::make_shared<QtPinPrompt>(this);
  m_tokenLayer = layer;
  const bool watchPcsc = !qEnvironmentVariableIsSet("KYSO_GUI_NO_PCSC");
  auto* source = new Pkcs11TokenSource(modulesToRead(m_settings), layer->worker, watchPcsc);
  m_tokenSource = source;
  m_tokenModel->setSource(source);
  m_signTab->setTokenLayer(m_tokenModel, layer->worker, layer->prompt);
  m_inventoryTab->setTokenReader(
      [this, layer] { return readPluggedTokens(modulesToRead(m_settings), layer->worker); });
  connect(tab, &TokensTab::actionConfirmed, this,
          [this, layer](const QString& action, const QString& reader) {
            const int row = m_tokenModel->rowOf(reader);
            if (row < 0) return;
            const TokenSnapshot s = m_tokenModel->snapshot(row);
            auto* w = new QFutureWatcher<Status>(this);
            connect(w, &QFutureWatcherBase::finished, this, [this, w, action, s] {
              w->deleteLater();
              const Status st = w->future().result();
              if (m_tokenSource) m_tokenSource->refresh();
              if (!st.ok() && st.error().kind == Errc::Cancelled) return;  // cancel is not an error
              const QString what =
                  action == QLatin1String("change-pin")
                      ? tr("Changing the PIN of %1").arg(TokenListModel::tokenName(s))
                      : tr("Unblocking the PIN of %1").arg(TokenListModel::tokenName(s));
              auto* box = new QMessageBox(
                  st.ok() ? QMessageBox::Information : QMessageBox::Warning, windowTitle(),
                  st.ok() ? tr("%1: done.").arg(what)
                          : tr("%1 failed: %2").arg(what, errorText(st.error())),
                  QMessageBox::Ok, this);
              box->setAttribute(Qt::WA_DeleteOnClose);
              box->open();
            });
            w->setFuture(runTokenAction(action, s.module, s.serial, layer->worker, layer->prompt));
          });
  connect(
      tab, &TokensTab::managementConfirmed, this,
      [this, layer](const QString& action, const QString& reader, const QVariantMap& params) {
        const int row = m_tokenModel->rowOf(reader);
        if (row < 0) return;
        const TokenSnapshot s = m_tokenModel->snapshot(row);
        auto* w = new QFutureWatcher<Result<QString>>(this);
        connect(w, &QFutureWatcherBase::finished, this, [this, w, s] {
          w->deleteLater();
          const Result<QString> r = w->future().result();
          if (m_tokenSource) m_tokenSource->refresh();
          if (!r.ok() && r.error().kind == Errc::Cancelled) return;  // not an error
          auto* box = new QMessageBox(
              r.ok() ? QMessageBox::Information : QMessageBox::Warning, windowTitle(),
              r.ok() ? tr("%1: %2").arg(TokenListModel::tokenName(s), *r)
                     : tr("%1: failed: %2").arg(TokenListModel::tokenName(s), errorText(r.error())),
              QMessageBox::Ok, this);
          box->setObjectName(QStringLiteral("tokenActionResult"));
          box->setAttribute(Qt::WA_DeleteOnClose);
          box->open();
        });
        w->setFuture(runTokenManagement(action, s, params, layer->worker, layer->prompt));
      });
}

void MainWindow::setLanguage(const QString& code) {
  m_settings.language = code;
  m_settings.save(*m_store);
  m_language->apply(code);  // sends LanguageChange to every widget
  (code == QLatin1String("en") ? m_en : m_vi)->setChecked(true);
}

void MainWindow::openSettings() {
  auto* d = new SettingsDialog(m_settings, this);
  d->setAttribute(Qt::WA_DeleteOnClose);
  connect(d, &QDialog::accepted, this, [this, d] { applySettings(d->settings()); });
  d->open();
}

bool MainWindow::serviceInTray() const {
  return m_service && m_service->inTray();
}

void MainWindow::showAbout() {
  std::unique_ptr<QMessageBox> box = makeAboutBox();
  box->exec();
}

std::unique_ptr<QMessageBox> MainWindow::makeAboutBox() {
  auto owned = std::make_unique<QMessageBox>(this);
  QMessageBox& box = *owned;
  box.setObjectName(QStringLiteral("aboutBox"));
  box.setWindowTitle(tr("About kyso"));
  box.setIconPixmap(windowIcon().pixmap(64, 64));
  box.setTextFormat(Qt::RichText);
  box.setText(tr("<b>kyso</b> %1<br>Digital signatures for official documents: sign and verify "
                 "PDF, XML and other files with your USB token.")
                  .arg(QApplication::applicationVersion().toHtmlEscaped()));
  box.setInformativeText(
      tr("The command line does the same work: <tt>kyso --help</tt>. The README (in "
         "/usr/share/doc/kyso when installed as a package) explains each task.<br>Qt %1")
          .arg(QString::fromLatin1(qVersion())));
  return owned;
}

void MainWindow::closeEvent(QCloseEvent* e) {
  if (serviceInTray()) {  // the service goes on in the tray
    hide();
    e->ignore();
    return;
  }
  QMainWindow::closeEvent(e);
}

void MainWindow::applyServiceImages() {
  if (!m_service) return;
  auto path = [](const QString& p) -> std::optional<std::filesystem::path> {
    if (p.isEmpty()) return std::nullopt;
    return std::filesystem::path(p.toStdU16String());
  };
  m_service->setImages(path(m_settings.handwritingImage), path(m_settings.sealImage));
}

void MainWindow::applySettings(const AppSettings& s) {
  const bool langChanged = s.effectiveLanguage() != m_settings.effectiveLanguage();
  m_settings = s;
  m_settings.save(*m_store);
  applyServiceImages();  // the sites served change at the service's next start
  m_verifyTab->setSettings(m_settings);
  m_inventoryTab->setSettings(m_settings);
  m_signTab->setSettings(m_settings);
  if (langChanged) setLanguage(s.effectiveLanguage());
}

void MainWindow::updateTokenStatus() {
  const auto t = m_tokenModel->currentToken();
  if (!m_tokenModel->lastFailure().isEmpty()) {
    m_tokenStatus->setText(m_tokenModel->lastFailure());
  } else if (t) {
    m_tokenStatus->setText(
        tr("Token: %1 — %2").arg(TokenListModel::tokenName(*t), TokenListModel::pinText(*t)));
  } else {
    m_tokenStatus->setText(tr("No token plugged in"));
  }
}

void MainWindow::retranslateUi() {
  setWindowTitle(tr("kyso — digital signatures"));
  m_tabs->setTabText(0, tr("Tokens"));
  m_tabs->setTabText(1, tr("Sign"));
  m_tabs->setTabText(2, tr("Verify"));
  m_tabs->setTabText(3, tr("Inventory"));
  m_logDock->setWindowTitle(tr("Log"));
  m_fileMenu->setTitle(tr("&File"));
  m_settingsAction->setText(tr("&Settings…"));
  m_quitAction->setText(tr("&Quit"));
  m_viewMenu->setTitle(tr("&View"));
  m_logDetails->setText(tr("Technical details in the log"));
  m_langMenu->setTitle(tr("&Language"));
  m_helpMenu->setTitle(tr("&Help"));
  m_aboutAction->setText(tr("&About kyso…"));
  updateTokenStatus();
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(e);
}

}  // namespace kyso::ui
