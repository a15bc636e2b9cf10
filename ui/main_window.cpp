#include "ui/main_window.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMenuBar>
#include <QStatusBar>
#include <QTabWidget>

#include "ui/inventory_tab.h"
#include "ui/language.h"
#include "ui/log_panel.h"
#include "ui/settings_dialog.h"
#include "ui/sign_tab.h"
#include "ui/token_list_model.h"
#include "ui/tokens_tab.h"
#include "ui/verify_tab.h"

namespace kyso::ui {

MainWindow::MainWindow(QSettings* settingsStore, Language* language, QWidget* parent)
    : QMainWindow(parent), m_store(settingsStore), m_language(language) {
  setObjectName(QStringLiteral("MainWindow"));
  m_settings = AppSettings::load(*m_store);
  m_tokenModel = new TokenListModel(this);

#ifdef KYSO_HAVE_PKCS11
  constexpr bool kTokens = true;
#else
  constexpr bool kTokens = false;
#endif
  m_tabs = new QTabWidget(this);
  m_tabs->setObjectName(QStringLiteral("tabs"));
  m_tabs->addTab(new TokensTab(m_tokenModel, kTokens, m_tabs), QString());
  m_signTab = new SignTab(m_tabs);
  m_tabs->addTab(m_signTab, QString());
  m_verifyTab = new VerifyTab(m_settings, m_tabs);
  m_tabs->addTab(m_verifyTab, QString());
  m_tabs->addTab(new InventoryTab(m_tabs), QString());
  setCentralWidget(m_tabs);

  m_log = new LogPanel(this);
  m_logDock = new QDockWidget(this);
  m_logDock->setObjectName(QStringLiteral("logDock"));
  m_logDock->setWidget(m_log);
  addDockWidget(Qt::BottomDockWidgetArea, m_logDock);

  m_tokenStatus = new QLabel(this);
  m_tokenStatus->setObjectName(QStringLiteral("tokenStatus"));
  statusBar()->addPermanentWidget(m_tokenStatus);
  connect(m_tokenModel, &TokenListModel::currentTokenChanged, this,
          &MainWindow::updateTokenStatus);

  m_fileMenu = menuBar()->addMenu(QString());
  m_settingsAction = m_fileMenu->addAction(QString(), this, &MainWindow::openSettings);
  m_fileMenu->addSeparator();
  m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
  m_quitAction->setShortcut(QKeySequence::Quit);
  m_viewMenu = menuBar()->addMenu(QString());
  m_viewMenu->addAction(m_logDock->toggleViewAction());
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

  resize(1100, 760);
  resizeDocks({m_logDock}, {120}, Qt::Vertical);
  retranslateUi();
}

MainWindow::~MainWindow() = default;

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

void MainWindow::applySettings(const AppSettings& s) {
  const bool langChanged = s.effectiveLanguage() != m_settings.effectiveLanguage();
  m_settings = s;
  m_settings.save(*m_store);
  m_verifyTab->setSettings(m_settings);
  if (langChanged) setLanguage(s.effectiveLanguage());
}

void MainWindow::updateTokenStatus() {
  const auto t = m_tokenModel->currentToken();
  if (!m_tokenModel->lastFailure().isEmpty()) {
    m_tokenStatus->setText(m_tokenModel->lastFailure());
  } else if (t) {
    m_tokenStatus->setText(tr("Token: %1 — %2")
                               .arg(TokenListModel::tokenName(*t), TokenListModel::pinText(*t)));
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
  m_langMenu->setTitle(tr("&Language"));
  updateTokenStatus();
}

void MainWindow::changeEvent(QEvent* e) {
  if (e->type() == QEvent::LanguageChange) retranslateUi();
  QMainWindow::changeEvent(e);
}

}  // namespace kyso::ui
