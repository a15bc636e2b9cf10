// QtPinPrompt: the token layer's PinPrompt for the app. getPin() is called on the device worker
// thread; it hands the question to the UI thread (a PinDialog opened with open(), no nested event
// loop) and waits for the answer. The PIN travels only as a SecretBuffer. Cancel gives
// Errc::Cancelled. Only built with kyso_pkcs11.
#pragma once

#include <QPointer>
#include <QWidget>

#include "pkcs11/pin_prompt.h"
#include "ui/tokens/pin_dialog.h"

namespace kyso::ui {

/// How the token layer's request reads in the dialog.
PinRequest toDialogRequest(const p11::PinRequest& req);

class QtPinPrompt final : public p11::PinPrompt {
 public:
  /// `parent` (borrowed, UI thread) owns the dialogs; when it is gone, getPin() cancels.
  explicit QtPinPrompt(QWidget* parent) : m_parent(parent) {}
  /// Blocks the calling (worker) thread until the person answers. Refuses to run on the UI
  /// thread, where waiting would freeze the window (PinSourceInvalid).
  Result<SecretBuffer> getPin(const p11::PinRequest& req) override;
  /// "Enter the PIN on the reader": a PIN-pad dialog the person closes, non-blocking.
  void notice(Errc what, const p11::PinRequest& req) override;

 private:
  QPointer<QWidget> m_parent;
};

}  // namespace kyso::ui
