#include "ui/service/service_runner.h"

#include <QApplication>
#include <QMenu>
#include <QSystemTrayIcon>
#include <QTimer>
#include <QWidget>

#include "src/service/local_tls.h"
#include "src/service/signing_service.h"
#include "src/service/wss_server.h"
#include "ui/service/qt_service_host.h"
#include "ui/service/tray_text.h"

namespace kyso::ui {

struct ServiceRunner::Running {
  std::unique_ptr<QtServiceHost> host;
  std::unique_ptr<service::SigningService> service;
  std::unique_ptr<service::WssServer> server;
};

ServiceRunner::ServiceRunner(QWidget* window, std::function<QList<TokenSnapshot>()> tokens,
                             std::shared_ptr<p11::DeviceWorker> worker,
                             std::shared_ptr<p11::PinPrompt> prompt, QObject* parent)
    : QObject(parent),
      m_window(window),
      m_tokens(std::move(tokens)),
      m_worker(std::move(worker)),
      m_prompt(std::move(prompt)) {}

ServiceRunner::~ServiceRunner() {
  stop();
}

Status ServiceRunner::start(int port, const QStringList& allowedOrigins, const QString& lang,
                            std::shared_ptr<const jobs::VerifyProfile> verify) {
  stop();
  KYSO_ASSIGN_OR_RETURN(service::LocalTls tls, service::ensureLocalTls(service::serviceDir()));
  auto r = std::make_unique<Running>();
  r->host = std::make_unique<QtServiceHost>(m_window, m_tokens, m_worker, m_prompt);
  r->host->setSettingsOpener(m_settingsOpener);
  r->host->setImages(m_handwriting, m_seal);
  r->host->setRequestListener([this](const service::RequestEnded& e) {
    m_last = e;
    refreshTray();
  });
  service::ServiceSettings s;
  for (const QString& o : allowedOrigins) s.sites.allowedOrigins.push_back(o.toStdString());
  s.siteMemory = service::serviceDir() / "sites.txt";
  s.auditLog = service::serviceDir() / "audit.jsonl";
  s.verify = std::move(verify);
  s.level = m_level;
  s.tsaUrl = m_tsa;
  r->service = std::make_unique<service::SigningService>(s, *r->host);
  service::ServerOptions so;
  so.port = port;
  so.tls = tls;
  so.lang = lang.toStdString();
  KYSO_ASSIGN_OR_RETURN(r->server, service::WssServer::start(so, *r->service));
  m_running = std::move(r);
  if (QSystemTrayIcon::isSystemTrayAvailable()) {
    if (!m_tray) {
      m_tray = new QSystemTrayIcon(QApplication::windowIcon(), this);
      auto* menu = new QMenu(m_window);
      menu->addAction(tr("Show kyso"), m_window, [w = m_window] {
        w->showNormal();
        w->raise();
        w->activateWindow();
      });
      if (m_settingsOpener) menu->addAction(tr("Settings…"), this, [this] { m_settingsOpener(); });
      menu->addSeparator();
      menu->addAction(tr("Quit kyso (the signing service stops)"), qApp, &QCoreApplication::quit);
      m_tray->setContextMenu(menu);
    }
    m_tray->show();
    QApplication::setQuitOnLastWindowClosed(false);  // the tray's Quit ends the app
  }
  // The tokens come and go without the service hearing of it: the tooltip is refreshed.
  if (!m_trayTimer) {
    m_trayTimer = new QTimer(this);
    connect(m_trayTimer, &QTimer::timeout, this, &ServiceRunner::refreshTray);
  }
  m_trayTimer->start(3000);
  refreshTray();
  return okStatus();
}

void ServiceRunner::setImages(std::optional<std::filesystem::path> handwriting,
                              std::optional<std::filesystem::path> seal) {
  m_handwriting = std::move(handwriting);
  m_seal = std::move(seal);
  if (m_running) m_running->host->setImages(m_handwriting, m_seal);
}

bool ServiceRunner::inTray() const {
  return m_running && m_tray && m_tray->isVisible();
}

QString ServiceRunner::trayText() const {
  return serviceTrayText(statusText(), m_tokens ? m_tokens() : QList<TokenSnapshot>{}, m_last);
}

void ServiceRunner::refreshTray() {
  if (m_tray) m_tray->setToolTip(trayText());
}

void ServiceRunner::stop() {
  if (!m_running) return;
  m_running->server->stop();
  m_running.reset();
  if (m_trayTimer) m_trayTimer->stop();
  if (m_tray) m_tray->hide();
  QApplication::setQuitOnLastWindowClosed(true);
}

const service::ServiceSettings* ServiceRunner::serviceSettings() const {
  return m_running ? &m_running->service->settings() : nullptr;
}

int ServiceRunner::port() const {
  return m_running ? m_running->server->port() : 0;
}

QString ServiceRunner::statusText() const {
  return m_running ? tr("The signing service runs at https://127.0.0.1:%1").arg(port())
                   : tr("The signing service is stopped");
}

}  // namespace kyso::ui
