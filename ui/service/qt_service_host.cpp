#include "ui/service/qt_service_host.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QMetaObject>
#include <QThread>

#include "pkcs11/open_token.h"
#include "ui/common/ui_text.h"
#include "ui/service/approval_dialog.h"
#include "ui/service/verification_window.h"
#include "ui/sign/signing_certs.h"

namespace kyso::ui {

QtServiceHost::QtServiceHost(QWidget* parent, std::function<QList<TokenSnapshot>()> tokens,
                             std::shared_ptr<p11::DeviceWorker> worker,
                             std::shared_ptr<p11::PinPrompt> prompt)
    : m_parent(parent),
      m_tokens(std::move(tokens)),
      m_worker(std::move(worker)),
      m_prompt(std::move(prompt)) {}

bool QtServiceHost::allowSite(const std::string& origin) {
  QWidget* parent = m_parent.data();
  if (!parent || QThread::currentThread() == parent->thread()) return false;
  bool yes = false;
  QMetaObject::invokeMethod(
      parent, [&] { yes = askAllowSite(m_parent.data(), QString::fromStdString(origin)); },
      Qt::BlockingQueuedConnection);
  return yes;
}

Result<service::ApprovedKey> QtServiceHost::approve(const service::Approval& what) {
  QWidget* parent = m_parent.data();
  // Waiting on the UI thread would freeze the window: the service calls from its own threads.
  if (!parent || QThread::currentThread() == parent->thread())
    return Error::kyso(Errc::ServiceDeclined, "approve", "no window");
  QList<TokenSnapshot> tokens;
  QMetaObject::invokeMethod(
      parent, [&] { tokens = m_tokens ? m_tokens() : QList<TokenSnapshot>{}; },
      Qt::BlockingQueuedConnection);
  // The certificates are read (without a PIN) on the device worker; this thread waits.
  auto listed = listSigningCertificates(tokens, m_worker);
  listed.waitForFinished();
  std::vector<SigningCert> certs;
  if (listed.result().ok()) certs = *listed.result();
  // Where the visible signature would go for each certificate (the names it writes decide the
  // place on a letter), worked out here, off the UI thread.
  std::vector<CertPlacement> placements;
  if (what.placement)
    for (const SigningCert& c : certs) {
      CertPlacement p;
      auto where =
          what.placement({c.name.toStdString(), c.title.toStdString(), c.org.toStdString()});
      if (where.ok())
        p.where = *where;
      else
        p.why = errorText(where.error());
      placements.push_back(std::move(p));
    }
  bool accepted = false;
  SigningCert chosen;
  QMetaObject::invokeMethod(
      parent,
      [&] {
        ApprovalDialog d(what, certs, placements, m_parent.data());
        accepted = d.exec() == QDialog::Accepted && !d.chosen().keyIdHex.isEmpty();
        if (accepted) chosen = d.chosen();
      },
      Qt::BlockingQueuedConnection);
  if (!accepted) return Error::kyso(Errc::ServiceDeclined, "approve", what.origin);
  if (!what.batch.empty()) showBatchWindow(what.batch.size());
  // The chosen certificate's token, logged in through the app's PIN dialog (final-try rules).
  p11::TokenSelector sel;
  sel.module = chosen.module.toStdString();
  sel.token = chosen.tokenSerial.toStdString();
  sel.key = chosen.keyIdHex.toStdString();
  sel.force = true;  // the PIN dialog itself asks for consent at the final try
  KYSO_ASSIGN_OR_RETURN(std::unique_ptr<p11::OpenToken> token,
                        p11::OpenToken::open(sel, *m_prompt, {}, m_worker));
  KYSO_ASSIGN_OR_RETURN(SigningIdentity id, token->signingIdentity());
  service::ApprovedKey k;
  k.key.identity = std::move(id);
  k.key.token = token.get();
  k.keepAlive = std::shared_ptr<p11::OpenToken>(std::move(token));
  return k;
}

void QtServiceHost::showBatchWindow(std::size_t total) {
  auto stopped = std::make_shared<std::atomic<bool>>(false);
  m_stopped = stopped;
  QMetaObject::invokeMethod(
      m_parent.data(),
      [this, total, stopped] {
        if (m_batch) m_batch->deleteLater();
        auto* d = new QProgressDialog(
            QCoreApplication::translate("QtServiceHost", "Signing the documents the site sent…"),
            QCoreApplication::translate("QtServiceHost", "Stop"), 0, static_cast<int>(total),
            m_parent.data());
        d->setObjectName(QStringLiteral("batchProgress"));
        d->setWindowTitle(QCoreApplication::translate("QtServiceHost", "kyso: signing a batch"));
        d->setAutoClose(false);
        d->setAutoReset(false);
        d->setMinimumDuration(0);
        QObject::connect(d, &QProgressDialog::canceled, d, [stopped] { *stopped = true; });
        d->show();
        m_batch = d;
      },
      Qt::BlockingQueuedConnection);
}

bool QtServiceHost::batchStopRequested() {
  auto stopped = m_stopped;
  return stopped && *stopped;
}

void QtServiceHost::batchProgress(std::size_t done, std::size_t total) {
  if (m_parent)
    QMetaObject::invokeMethod(m_parent.data(), [this, done, total] {
      if (m_batch) {
        m_batch->setValue(static_cast<int>(done));
        m_batch->setLabelText(
            QCoreApplication::translate("QtServiceHost", "%1 of %2 signed").arg(done).arg(total));
      }
    });
}

void QtServiceHost::batchEnded(std::size_t uploaded, std::size_t total) {
  if (m_parent)
    QMetaObject::invokeMethod(m_parent.data(), [this, uploaded, total] {
      if (!m_batch) return;
      m_batch->setLabelText(
          QCoreApplication::translate("QtServiceHost", "%1 of %2 documents signed and sent.")
              .arg(uploaded)
              .arg(total));
      m_batch->setCancelButtonText(QCoreApplication::translate("QtServiceHost", "Close"));
      QObject::connect(m_batch.data(), &QProgressDialog::canceled, m_batch.data(),
                       &QObject::deleteLater);
    });
}

std::optional<std::filesystem::path> QtServiceHost::pickLocalFile(const service::Approval& what) {
  QWidget* parent = m_parent.data();
  if (!parent || QThread::currentThread() == parent->thread()) return std::nullopt;
  QString chosen;
  QMetaObject::invokeMethod(
      parent,
      [&] {
        const QString title = QCoreApplication::translate(
                                  "QtServiceHost", "kyso: %1 asks you to choose the file to sign")
                                  .arg(QString::fromStdString(what.origin));
        const QString filter =
            what.call == service::Call::SignFile
                ? QCoreApplication::translate("QtServiceHost", "All files (*)")
                : QCoreApplication::translate("QtServiceHost", "PDF documents (*.pdf *.PDF)");
        chosen = QFileDialog::getOpenFileName(m_parent.data(), title, QString(), filter);
      },
      Qt::BlockingQueuedConnection);
  if (chosen.isEmpty()) return std::nullopt;
  return std::filesystem::path(chosen.toStdU16String());
}

void QtServiceHost::showVerification(const service::VerificationShown& what) {
  if (!m_parent) return;
  QMetaObject::invokeMethod(m_parent.data(), [this, what] {
    auto* w = new VerificationWindow(what, m_parent.data());
    w->setAttribute(Qt::WA_DeleteOnClose);
    w->show();
  });
}

void QtServiceHost::setRequestListener(std::function<void(const service::RequestEnded&)> listener) {
  m_requestListener = std::move(listener);
}

void QtServiceHost::requestEnded(const service::RequestEnded& what) {
  if (!m_parent || !m_requestListener) return;
  QMetaObject::invokeMethod(m_parent.data(),
                            [listener = m_requestListener, what] { listener(what); });
}

void QtServiceHost::setSettingsOpener(std::function<void()> opener) {
  m_settingsOpener = std::move(opener);
}

bool QtServiceHost::openSettings() {
  if (!m_parent || !m_settingsOpener) return false;
  QMetaObject::invokeMethod(m_parent.data(), [opener = m_settingsOpener] { opener(); });
  return true;
}

void QtServiceHost::setImages(std::optional<std::filesystem::path> handwriting,
                              std::optional<std::filesystem::path> seal) {
  m_handwriting = std::move(handwriting);
  m_seal = std::move(seal);
}

std::optional<std::filesystem::path> QtServiceHost::image(const std::string& role) {
  return role == "seal" ? m_seal : m_handwriting;
}

}  // namespace kyso::ui
