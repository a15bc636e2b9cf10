#include "ui/tokens/qt_pin_prompt.h"

#include <QApplication>
#include <QThread>
#include <future>
#include <mutex>

namespace kyso::ui {

PinRequest toDialogRequest(const p11::PinRequest& req) {
  PinRequest r;
  const QString label = QString::fromStdString(req.tokenLabel);
  r.token = req.tokenSerial.empty()
                ? label
                : QStringLiteral("%1 (%2)").arg(label, QString::fromStdString(req.tokenSerial));
  switch (req.kind) {
    case p11::PinRequest::Kind::User:
      r.role = PinRequest::Role::User;
      break;
    case p11::PinRequest::Kind::So:
      r.role = PinRequest::Role::SecurityOfficer;
      break;
    case p11::PinRequest::Kind::ContextSpecific:
      r.role = PinRequest::Role::Signature;
      break;
    case p11::PinRequest::Kind::NewUser:
      r.role = PinRequest::Role::NewUser;
      break;
    case p11::PinRequest::Kind::NewSo:
      r.role = PinRequest::Role::NewSecurityOfficer;
      break;
  }
  r.countLow = req.countLow;
  r.finalTry = req.finalTry;
  if (req.finalTry) r.triesLeft = 1;
  return r;
}

namespace {

// The answer slot shared by the waiting worker and the dialog; set exactly once.
struct Answer {
  std::promise<Result<SecretBuffer>> promise;
  std::once_flag once;
  void set(Result<SecretBuffer> r) {
    std::call_once(once, [&] { promise.set_value(std::move(r)); });
  }
};

// Held by the queued call and then by the dialog's connections: when the last holder goes (the
// dialog closed, or the queued call dropped because the application is quitting) without an
// answer, the worker gets Cancelled instead of waiting forever.
struct CancelOnDrop {
  std::shared_ptr<Answer> answer;
  ~CancelOnDrop() {
    if (answer) answer->set(Error::kyso(Errc::Cancelled, "PinDialog"));
  }
};

}  // namespace

Result<SecretBuffer> QtPinPrompt::getPin(const p11::PinRequest& req) {
  if (!qApp || QThread::currentThread() == qApp->thread()) {
    return Error::kyso(Errc::PinSourceInvalid, "QtPinPrompt::getPin", "called on the UI thread");
  }
  auto answer = std::make_shared<Answer>();
  auto future = answer->promise.get_future();
  const PinRequest dialogReq = toDialogRequest(req);
  QPointer<QWidget> parent = m_parent;
  auto guard = std::make_shared<CancelOnDrop>();  // no temporary: its destructor would cancel
  guard->answer = answer;
  const bool queued = QMetaObject::invokeMethod(
      qApp,
      [guard, dialogReq, parent] {
        if (!parent) return;  // the guard cancels
        auto* d = new PinDialog(dialogReq, parent);
        d->setAttribute(Qt::WA_DeleteOnClose);
        QObject::connect(d, &QDialog::finished, d, [d, guard](int result) {
          if (result == QDialog::Accepted)
            guard->answer->set(d->takePin());
          else
            guard->answer->set(Error::kyso(Errc::Cancelled, "PinDialog"));
        });
        d->open();
      },
      Qt::QueuedConnection);
  guard.reset();
  if (!queued) return Error::kyso(Errc::Cancelled, "QtPinPrompt::getPin", "no UI");
  return future.get();
}

void QtPinPrompt::notice(Errc what, const p11::PinRequest& req) {
  if (what != Errc::PinPadEnter) return;
  PinRequest r = toDialogRequest(req);
  r.pinPad = true;
  QPointer<QWidget> parent = m_parent;
  QMetaObject::invokeMethod(
      qApp,
      [r, parent] {
        if (!parent) return;
        auto* d = new PinDialog(r, parent);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->setModal(false);
        d->show();
      },
      Qt::QueuedConnection);
}

}  // namespace kyso::ui
