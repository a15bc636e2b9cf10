// Token management for the Tokens tab: initialise a token (erasing it), generate a signing key,
// make a certificate request (CSR) with a key on the token, import a certificate (and its chain),
// and the self-test (sign and verify with every signing key). Each runs on a pool thread and does
// every Cryptoki call through the app's one DeviceWorker (pkcs11/management.h, pkcs11/csr.h);
// PINs are asked through the given PinPrompt (QtPinPrompt in the app). The result is a short
// summary for people, or the error. The confirmation naming the token is the Tokens tab's
// (TokenActionDialog). Only built with kyso_pkcs11.
#pragma once

#include <QFuture>
#include <QString>
#include <QVariantMap>
#include <memory>

#include "core/result.h"
#include "ui/tokens/token_list_model.h"

namespace kyso::p11 {
class DeviceWorker;
class PinPrompt;
}  // namespace kyso::p11

namespace kyso::ui {

/// `action` and its `params`:
///   "init"        label                          (asks a new SO PIN, then the first user PIN)
///   "keygen"      type (rsa:2048|rsa:3072|rsa:4096|ec:P-256|ec:P-384), id (hex), label
///   "csr"         id (hex, the key), subject ("/C=VN/O=…/CN=…"), output (a new .pem file)
///   "import-cert" file (PEM, DER or PKCS#7; the first certificate is the key's, others CAs)
///   "self-test"   (none)
/// UsageError for a bad parameter; the token layer's errors otherwise; Cancelled when the person
/// cancels a PIN dialog.
QFuture<Result<QString>> runTokenManagement(const QString& action, const TokenSnapshot& token,
                                            const QVariantMap& params,
                                            std::shared_ptr<p11::DeviceWorker> worker,
                                            std::shared_ptr<p11::PinPrompt> prompt);

}  // namespace kyso::ui
