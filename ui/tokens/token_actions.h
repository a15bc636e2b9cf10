// TokenActions: runs the token layer's PIN management (change the user PIN, unblock it with the
// SO PIN) for the Tokens tab. The token is opened on the app's one DeviceWorker from a pool thread
// (opening blocks, and the PIN prompt waits for the UI thread); the PINs are asked through
// QtPinPrompt. Only built with kyso_pkcs11.
#pragma once

#include <QFuture>
#include <QString>
#include <memory>

#include "core/result.h"

class QWidget;

namespace kyso::p11 {
class DeviceWorker;
}

namespace kyso::ui {

class QtPinPrompt;

/// `action`: "change-pin" or "unblock". `module` and `serial` name the token. The prompt and the
/// worker are shared with the running job. Errc::Cancelled when the person cancels a PIN dialog.
QFuture<Status> runTokenAction(const QString& action, const QString& module, const QString& serial,
                               std::shared_ptr<p11::DeviceWorker> worker,
                               std::shared_ptr<QtPinPrompt> prompt);

}  // namespace kyso::ui
