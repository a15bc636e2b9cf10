// SigningCert and listSigningCertificates(): the certificates the Sign tab offers, read from the
// plugged tokens without logging in (certificates are public objects). Only end-entity
// certificates allowed to sign (digitalSignature or nonRepudiation) are offered; the key is the
// one with the same CKA_ID, selected by it when signing. Every token read runs on the app's one
// DeviceWorker; the listing itself runs on a pool thread. Only built with kyso_pkcs11.
#pragma once

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QString>
#include <memory>
#include <vector>

#include "core/result.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::p11 {
class DeviceWorker;
}

namespace kyso::ui {

/// One signing certificate on one token. Copied freely.
struct SigningCert {
  QString module;       // the PKCS#11 module that shows the token
  QString tokenSerial;  // selects the token
  QString tokenLabel;
  QString keyIdHex;  // CKA_ID of the certificate (and of its key)
  QString name;      // subject CN
  QString title;     // subject title (2.5.4.12), may be empty
  QString org;       // subject O, may be empty
  QString sha256;    // hex of the DER (looks the certificate up in the inventory)
  QDateTime notAfter;
  /// "Nguyễn Văn A — token 0123 (until 31/12/2027)" for the chooser.
  QString displayText() const;
  /// Shorter, for a narrow list: the holder and the expiry, with the token only when `withToken`
  /// (two certificates of one holder on different tokens); displayText() is its tooltip.
  QString shortText(bool withToken) const;
};

/// The signing certificates on the given tokens (those present), in token then CKA_ID order.
/// A token that cannot be read is skipped and its error returned only when no token was read.
QFuture<Result<std::vector<SigningCert>>> listSigningCertificates(
    QList<TokenSnapshot> tokens, std::shared_ptr<p11::DeviceWorker> worker);

}  // namespace kyso::ui

Q_DECLARE_METATYPE(kyso::ui::SigningCert)
