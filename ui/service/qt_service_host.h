// QtServiceHost: the signing service's person in the app (issue 19). The service calls it on its
// connection threads; each question is put to the UI thread and the service thread waits for the
// answer: a new site (askAllowSite), then each request (ApprovalDialog, with the certificates of
// the tokens plugged in now), then the token is opened for the chosen certificate with the app's
// PIN dialog (QtPinPrompt, final-try rules) on the app's device worker.
#pragma once

#include <QPointer>
#include <QProgressDialog>
#include <QWidget>
#include <atomic>
#include <functional>
#include <memory>

#include "pkcs11/pin_prompt.h"
#include "src/service/service_host.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::p11 {
class DeviceWorker;
}

namespace kyso::ui {

class QtServiceHost final : public service::ServiceHost {
 public:
  /// `parent` (UI thread) owns the dialogs; `tokens` gives the plugged tokens (UI thread);
  /// `prompt` asks the PIN (QtPinPrompt in the app, a fixed PIN in tests).
  QtServiceHost(QWidget* parent, std::function<QList<TokenSnapshot>()> tokens,
                std::shared_ptr<p11::DeviceWorker> worker, std::shared_ptr<p11::PinPrompt> prompt);

  bool allowSite(const std::string& origin) override;
  Result<service::ApprovedKey> approve(const service::Approval& what) override;

  /// Images for SignApproved and SignIssued (Settings).
  void setImages(std::optional<std::filesystem::path> handwriting,
                 std::optional<std::filesystem::path> seal);
  std::optional<std::filesystem::path> image(const std::string& role) override;
  /// A batch shows a progress window with a Stop button from its approval to its end.
  void batchProgress(std::size_t done, std::size_t total) override;
  bool batchStopRequested() override;
  void batchEnded(std::size_t uploaded, std::size_t total) override;
  /// An empty FileName: a file dialog in the app (PDFs for the PDF kinds, any file for SignFile).
  std::optional<std::filesystem::path> pickLocalFile(const service::Approval& what) override;
  /// VerifyPDF's report in a window of its own (VerificationWindow), without waiting.
  void showVerification(const service::VerificationShown& what) override;
  /// Each answered request: `listener` runs on the UI thread (the tray's last request).
  void setRequestListener(std::function<void(const service::RequestEnded&)> listener);
  void requestEnded(const service::RequestEnded& what) override;
  /// Config: `opener` is run on the UI thread (the app's Settings dialog).
  void setSettingsOpener(std::function<void()> opener);
  bool openSettings() override;

 private:
  void showBatchWindow(std::size_t total);
  QPointer<QWidget> m_parent;
  std::function<QList<TokenSnapshot>()> m_tokens;
  std::shared_ptr<p11::DeviceWorker> m_worker;
  std::shared_ptr<p11::PinPrompt> m_prompt;
  std::optional<std::filesystem::path> m_handwriting, m_seal;
  QPointer<QProgressDialog> m_batch;             // UI thread only
  std::shared_ptr<std::atomic<bool>> m_stopped;  // set by the batch window's Stop button
  std::function<void()> m_settingsOpener;
  std::function<void(const service::RequestEnded&)> m_requestListener;
};

}  // namespace kyso::ui
