#include "ui/sign/signing_certs.h"

#include <openssl/x509v3.h>

#include <QCoreApplication>
#include <QTimeZone>
#include <QtConcurrent>
#include <set>

#include "certs/cert_info.h"
#include "core/log.h"
#include "pkcs11/objects.h"
#include "pkcs11/open_token.h"
#include "ui/common/log_panel.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/token_work_pool.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {
namespace {

// Listing needs no login: a prompt that never gives a PIN.
class NoPinPrompt final : public p11::PinPrompt {
 public:
  Result<SecretBuffer> getPin(const p11::PinRequest&) override {
    return Error::kyso(Errc::Cancelled, "list signing certificates");
  }
};

bool canSign(X509* cert) {
  if (X509_check_ca(cert) != 0) return false;
  const uint32_t ku = X509_get_key_usage(cert);  // UINT32_MAX when the extension is absent
  return (ku & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) != 0;
}

SigningCert describeCert(const TokenSnapshot& t, const p11::CertView& c) {
  SigningCert s;
  s.module = t.module;
  s.tokenSerial = t.serial;
  s.tokenLabel = t.label;
  s.keyIdHex = QString::fromStdString(p11::hexId(c.id));
  const X509_NAME* subject = X509_get_subject_name(c.cert.get());
  s.name = QString::fromStdString(certs::commonName(subject));
  s.title = QString::fromStdString(certs::nameEntry(subject, NID_title));
  s.org = QString::fromStdString(certs::nameEntry(subject, NID_organizationName));
  s.sha256 = QString::fromStdString(certs::sha256Hex(c.cert.get()));
  if (auto t2 = certs::toTimePoint(X509_get0_notAfter(c.cert.get())); t2.ok()) {
    const auto secs =
        std::chrono::duration_cast<std::chrono::seconds>(t2->time_since_epoch()).count();
    s.notAfter = QDateTime::fromSecsSinceEpoch(secs, QTimeZone::utc());
  }
  return s;
}

Result<std::vector<SigningCert>> listOnToken(const TokenSnapshot& t,
                                             const std::shared_ptr<p11::DeviceWorker>& worker) {
  NoPinPrompt prompt;
  p11::TokenSelector sel;
  sel.module = t.module.toStdString();
  sel.token = t.serial.toStdString();
  p11::OpenOptions opt;
  opt.login = false;
  KYSO_ASSIGN_OR_RETURN(auto token, p11::OpenToken::open(sel, prompt, opt, worker));
  // An empty serial selects "the only token": make sure it is this one (SoftHSM and some
  // drivers show an uninitialised token in a spare slot).
  if (token->token().serial != sel.token) return std::vector<SigningCert>{};
  return token->call([&](p11::TokenSession& ts) -> Result<std::vector<SigningCert>> {
    KYSO_ASSIGN_OR_RETURN(auto certList, p11::listCertificates(ts.session()));
    std::vector<SigningCert> out;
    for (const p11::CertView& c : certList) {
      if (c.cert && canSign(c.cert.get())) out.push_back(describeCert(t, c));
    }
    return out;
  });
}

}  // namespace

QString SigningCert::displayText() const {
  const QString token = tokenSerial.isEmpty() ? tokenLabel : tokenSerial;
  if (!notAfter.isValid())
    return QCoreApplication::translate("SigningCert", "%1 — token %2").arg(name, token);
  return QCoreApplication::translate("SigningCert", "%1 — token %2 (valid until %3)")
      .arg(name, token, notAfter.toLocalTime().date().toString(QStringLiteral("dd/MM/yyyy")));
}

QString SigningCert::shortText(bool withToken) const {
  if (withToken) return displayText();
  if (!notAfter.isValid()) return name;
  return QCoreApplication::translate("SigningCert", "%1 (until %2)")
      .arg(name, notAfter.toLocalTime().date().toString(QStringLiteral("dd/MM/yyyy")));
}

QFuture<Result<std::vector<SigningCert>>> listSigningCertificates(
    QList<TokenSnapshot> tokens, std::shared_ptr<p11::DeviceWorker> worker) {
  return QtConcurrent::run(tokenWorkPool(), [tokens, worker]() -> Result<std::vector<SigningCert>> {
    const PoolThreadCleanup cleanup;
    std::vector<SigningCert> all;
    std::optional<Error> firstError;
    bool anyRead = false;
    std::set<std::pair<QString, QString>> seen;  // (module, serial): a token shown twice
    for (const TokenSnapshot& t : tokens) {
      if (!t.present || t.module.isEmpty() || t.serial.isEmpty()) continue;
      if (!seen.insert({t.module, t.serial}).second) continue;
      auto certsOnToken = listOnToken(t, worker);
      if (!certsOnToken.ok()) {
        LogPanel::say(
            int(log::Level::Warn),
            QCoreApplication::translate("SigningCerts", "The certificates on %1 cannot be read: %2")
                .arg(t.label, errorText(certsOnToken.error())),
            "signing certificates: " + certsOnToken.error().technical());
        if (!firstError) firstError = certsOnToken.error();
        continue;
      }
      anyRead = true;
      for (auto& c : *certsOnToken) all.push_back(std::move(c));
    }
    if (!anyRead && firstError) return *firstError;
    return all;
  });
}

}  // namespace kyso::ui
