// ServiceRunner: the signing service inside the app (`kyso-gui --service`): the local TLS files,
// the server on 127.0.0.1, the person asked through QtServiceHost, and a tray icon that says the
// service runs, whether a token is plugged in and what the last request was.
#pragma once

#include <QObject>
#include <QStringList>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "core/result.h"
#include "src/jobs/verify_profile.h"
#include "src/pdf/pades.h"
#include "src/service/service_host.h"
#include "src/service/signing_service.h"
#include "ui/tokens/token_list_model.h"

class QSystemTrayIcon;
class QTimer;
class QWidget;

namespace kyso::p11 {
class DeviceWorker;
class PinPrompt;
}  // namespace kyso::p11

namespace kyso::ui {

class ServiceRunner : public QObject {
  Q_OBJECT
 public:
  ServiceRunner(QWidget* window, std::function<QList<TokenSnapshot>()> tokens,
                std::shared_ptr<p11::DeviceWorker> worker, std::shared_ptr<p11::PinPrompt> prompt,
                QObject* parent = nullptr);
  ~ServiceRunner() override;

  /// Starts on `port` (0: any free port) serving `allowedOrigins` without a question; VerifyPDF
  /// and VerifyXML judge trust with `verify` (the app's trust settings; null: not served).
  Status start(int port, const QStringList& allowedOrigins, const QString& lang,
               std::shared_ptr<const jobs::VerifyProfile> verify = nullptr);
  /// The PAdES level and TSA of the service's signatures (Settings: B-T with the TSA when one is
  /// set, else B-B); applied at the next start.
  void setSigning(pdf::PadesLevel level, std::optional<std::string> tsaUrl) {
    m_level = level;
    m_tsa = std::move(tsaUrl);
  }
  /// The images of the visible signatures (Settings): applied now and at every start.
  void setImages(std::optional<std::filesystem::path> handwriting,
                 std::optional<std::filesystem::path> seal);
  /// What the service's Config call opens (the app's Settings), run on the UI thread.
  void setSettingsOpener(std::function<void()> opener) { m_settingsOpener = std::move(opener); }
  void stop();
  /// The running service's settings (null when stopped), for the status and tests.
  const service::ServiceSettings* serviceSettings() const;
  /// The port bound (0 when not running).
  int port() const;
  /// "The signing service runs at https://127.0.0.1:8987", for the status bar and the tray.
  QString statusText() const;
  /// True while running with a tray icon shown.
  bool inTray() const;
  /// The tray's tooltip: the state, the tokens plugged in, the last request (tray_text.h).
  QString trayText() const;

 private:
  struct Running;
  QWidget* m_window;
  std::function<QList<TokenSnapshot>()> m_tokens;
  std::shared_ptr<p11::DeviceWorker> m_worker;
  std::shared_ptr<p11::PinPrompt> m_prompt;
  std::unique_ptr<Running> m_running;
  QSystemTrayIcon* m_tray = nullptr;
  std::function<void()> m_settingsOpener;
  std::optional<service::RequestEnded> m_last;
  std::optional<std::filesystem::path> m_handwriting, m_seal;
  pdf::PadesLevel m_level = pdf::PadesLevel::BB;
  std::optional<std::string> m_tsa;
  QTimer* m_trayTimer = nullptr;
  void refreshTray();
};

}  // namespace kyso::ui
