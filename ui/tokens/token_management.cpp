#include "ui/tokens/token_management.h"

#include <openssl/evp.h>

#include <QCoreApplication>
#include <QtConcurrent>

#include "core/atomic_file.h"
#include "pkcs11/csr.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/management.h"
#include "pkcs11/module.h"
#include "pkcs11/objects.h"
#include "pkcs11/open_token.h"
#include "pkcs11/token_info.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/token_work_pool.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {
namespace {

Error usage(const QString& what) {
  return Error::kyso(Errc::UsageError, "token action", what.toStdString());
}

p11::TokenSelector selectorOf(const TokenSnapshot& t, const QString& keyId = {}) {
  p11::TokenSelector sel;
  sel.module = t.module.toStdString();
  sel.token = t.serial.toStdString();
  sel.key = keyId.toStdString();
  return sel;
}

Result<std::unique_ptr<p11::OpenToken>> openRw(const TokenSnapshot& t, p11::PinPrompt& prompt,
                                               const std::shared_ptr<p11::DeviceWorker>& worker,
                                               const QString& keyId = {}) {
  p11::OpenOptions opt;
  opt.readWrite = true;
  KYSO_ASSIGN_OR_RETURN(auto token,
                        p11::OpenToken::open(selectorOf(t, keyId), prompt, opt, worker));
  // An empty serial selects "the only token": it must be the one the person chose.
  if (token->token().serial != t.serial.toStdString())
    return Error::kyso(Errc::TokenNotFound, "token action", t.serial.toStdString());
  return token;
}

Result<QString> initToken(const TokenSnapshot& t, const QVariantMap& params, p11::PinPrompt& prompt,
                          const std::shared_ptr<p11::DeviceWorker>& worker) {
  const std::string label = params.value(QStringLiteral("label")).toString().toStdString();
  if (label.empty() || label.size() > 32) return usage(QStringLiteral("label (1..32 bytes)"));
  const Status st = worker->call([&]() -> Status {
    KYSO_ASSIGN_OR_RETURN(auto m, p11::Module::load(t.module.toStdString()));
    KYSO_ASSIGN_OR_RETURN(auto slotList, p11::listSlots(*m, true));
    const p11::SlotView* slot = nullptr;
    for (const auto& s : slotList)
      if (s.id == t.slotId) slot = &s;
    // The slot must still hold the token the person confirmed (same serial).
    if (!slot || !slot->token || slot->token->serial != t.serial.toStdString())
      return Error::kyso(Errc::TokenNotFound, "init", t.serial.toStdString());
    return p11::initToken(m, t.slotId, label, prompt);
  });
  if (!st.ok()) return st.error();
  return QCoreApplication::translate("TokenManagement",
                                     "The token was initialised with the label \"%1\".")
      .arg(QString::fromStdString(label));
}

Result<QString> generateKey(const TokenSnapshot& t, const QVariantMap& params,
                            p11::PinPrompt& prompt,
                            const std::shared_ptr<p11::DeviceWorker>& worker) {
  p11::KeyGenSpec spec;
  const QString type = params.value(QStringLiteral("type"), QStringLiteral("rsa:2048")).toString();
  if (type.startsWith(QLatin1String("rsa:"))) {
    spec.type = p11::KeyGenSpec::Type::Rsa;
    spec.rsaBits = type.mid(4).toInt();
    if (spec.rsaBits != 2048 && spec.rsaBits != 3072 && spec.rsaBits != 4096)
      return usage(QStringLiteral("type ") + type);
  } else if (type == QLatin1String("ec:P-256") || type == QLatin1String("ec:P-384")) {
    spec.type = p11::KeyGenSpec::Type::Ec;
    spec.curve = type.mid(3).toStdString();
  } else {
    return usage(QStringLiteral("type ") + type);
  }
  auto id = p11::parseHexId(params.value(QStringLiteral("id")).toString().toStdString());
  if (!id || id->empty()) return usage(QStringLiteral("id (hex)"));
  spec.id = *id;
  spec.label = params.value(QStringLiteral("label")).toString().toStdString();
  if (spec.label.empty()) spec.label = "kyso key " + p11::hexId(*id);
  KYSO_ASSIGN_OR_RETURN(auto token, openRw(t, prompt, worker));
  KYSO_ASSIGN_OR_RETURN(auto key, token->call([&](p11::TokenSession& ts) -> Result<p11::KeyView> {
    CK_BYTE* idp = spec.id.data();
    KYSO_ASSIGN_OR_RETURN(auto existing,
                          p11::findObjects(ts.session(), {{CKA_ID, idp, spec.id.size()}}));
    if (!existing.empty())
      return Error::kyso(Errc::FileExists, "keygen", "an object with ID " + p11::hexId(spec.id));
    return p11::generateKeyPair(ts.session(), spec);
  }));
  return QCoreApplication::translate("TokenManagement", "Generated %1, ID %2, label \"%3\".")
      .arg(QString::fromStdString(key.typeName()), QString::fromStdString(p11::hexId(key.id)),
           QString::fromStdString(key.label));
}

Result<QString> makeRequest(const TokenSnapshot& t, const QVariantMap& params,
                            p11::PinPrompt& prompt,
                            const std::shared_ptr<p11::DeviceWorker>& worker) {
  const QString id = params.value(QStringLiteral("id")).toString();
  if (!p11::parseHexId(id.toStdString())) return usage(QStringLiteral("id (hex)"));
  KYSO_ASSIGN_OR_RETURN(
      auto subject,
      p11::parseSubject(params.value(QStringLiteral("subject")).toString().toStdString()));
  const QString output = params.value(QStringLiteral("output")).toString();
  if (output.isEmpty()) return usage(QStringLiteral("output"));
  p11::OpenOptions opt;
  KYSO_ASSIGN_OR_RETURN(auto token, p11::OpenToken::open(selectorOf(t, id), prompt, opt, worker));
  KYSO_ASSIGN_OR_RETURN(auto key, token->selectedEvpKey());
  KYSO_ASSIGN_OR_RETURN(auto req, p11::makeCsr(key.get(), subject, p11::HashAlg::Sha256));
  KYSO_ASSIGN_OR_RETURN(auto pem, p11::csrPem(req.get()));
  // The save dialog asked before replacing a file.
  KYSO_ASSIGN_OR_RETURN(auto file,
                        AtomicFile::create(std::filesystem::path(output.toStdU16String()),
                                           AtomicFile::Overwrite::Allow));
  KYSO_TRY(file.write(pem));
  KYSO_TRY(file.commit());
  return QCoreApplication::translate("TokenManagement", "The certificate request was saved to %1.")
      .arg(output);
}

Result<QString> importCert(const TokenSnapshot& t, const QVariantMap& params,
                           p11::PinPrompt& prompt,
                           const std::shared_ptr<p11::DeviceWorker>& worker) {
  const QString file = params.value(QStringLiteral("file")).toString();
  KYSO_ASSIGN_OR_RETURN(auto data,
                        readSmallFile(std::filesystem::path(file.toStdU16String()), 1u << 20));
  KYSO_ASSIGN_OR_RETURN(auto certs, p11::parseCertificates(data));
  if (certs.empty())
    return Error::kyso(Errc::CertificateNotFound, "import-cert", file.toStdString());
  KYSO_ASSIGN_OR_RETURN(auto token, openRw(t, prompt, worker));
  KYSO_ASSIGN_OR_RETURN(auto id, token->call([&](p11::TokenSession& ts) -> Result<p11::Bytes> {
    KYSO_ASSIGN_OR_RETURN(auto keyId,
                          p11::importCertificate(ts.session(), certs.front().get(), ""));
    for (std::size_t i = 1; i < certs.size(); ++i) {
      Status st = p11::importCaCertificate(ts.session(), certs[i].get());
      if (!st.ok() && st.error().kind != Errc::FileExists) return st.error();
    }
    return keyId;
  }));
  return QCoreApplication::translate(
             "TokenManagement",
             "The certificate was stored with the key ID %1 (CA certificates stored with it: %2).")
      .arg(QString::fromStdString(p11::hexId(id)))
      .arg(certs.size() - 1);
}

Result<QString> selfTest(const TokenSnapshot& t, p11::PinPrompt& prompt,
                         const std::shared_ptr<p11::DeviceWorker>& worker) {
  KYSO_ASSIGN_OR_RETURN(auto token, p11::OpenToken::open(selectorOf(t), prompt, {}, worker));
  KYSO_ASSIGN_OR_RETURN(auto pairs, token->keyPairs());
  static const std::string kMessage = "kyso self-test: ký thử / test signature";
  const std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(kMessage.data()),
                                           kMessage.size());
  QStringList lines;
  int tested = 0;
  std::optional<Error> firstFailure;
  for (const auto& kp : pairs) {
    if (!kp.key || !kp.key->canSign) continue;
    ++tested;
    auto key = std::make_shared<p11::TokenKey>(token->tokenSession(), *kp.key);
    const auto scheme = kp.key->type == CKK_EC ? p11::SignScheme::Ecdsa : p11::SignScheme::RsaPkcs1;
    const Status st = token->call([&](p11::TokenSession& ts) -> Status {
      KYSO_ASSIGN_OR_RETURN(auto pub, p11::publicKeyFor(ts.session(), *kp.key));
      KYSO_ASSIGN_OR_RETURN(auto sig, key->signData(scheme, p11::HashAlg::Sha256, data));
      ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
      if (!ctx ||
          EVP_DigestVerifyInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, pub.get(),
                                  nullptr) != 1 ||
          EVP_DigestVerify(ctx.get(), sig.data(), sig.size(), data.data(), data.size()) != 1)
        return Error::openssl("EVP_DigestVerify: the token's signature does not verify", {},
                              Errc::CmsSignatureInvalid);
      return okStatus();
    });
    const QString name = QStringLiteral("ID %1 (%2)")
                             .arg(QString::fromStdString(p11::hexId(kp.id)),
                                  QString::fromStdString(kp.key->typeName()));
    if (st.ok()) {
      lines << QCoreApplication::translate("TokenManagement", "%1: signed and verified.").arg(name);
    } else {
      if (!firstFailure) firstFailure = st.error();
      lines << QCoreApplication::translate("TokenManagement", "%1: failed: %2")
                   .arg(name, errorText(st.error()));
    }
  }
  if (tested == 0) return Error::kyso(Errc::KeyNotFound, "self-test", t.serial.toStdString());
  if (firstFailure) {
    Error e = *firstFailure;
    e.context += " (" + lines.join(QLatin1Char(' ')).toStdString() + ")";
    return e;
  }
  return lines.join(QLatin1Char('\n'));
}

}  // namespace

QFuture<Result<QString>> runTokenManagement(const QString& action, const TokenSnapshot& token,
                                            const QVariantMap& params,
                                            std::shared_ptr<p11::DeviceWorker> worker,
                                            std::shared_ptr<p11::PinPrompt> prompt) {
  return QtConcurrent::run(tokenWorkPool(),
                           [action, token, params, worker, prompt]() -> Result<QString> {
                             const PoolThreadCleanup cleanup;
                             if (action == QLatin1String("init"))
                               return initToken(token, params, *prompt, worker);
                             if (action == QLatin1String("keygen"))
                               return generateKey(token, params, *prompt, worker);
                             if (action == QLatin1String("csr"))
                               return makeRequest(token, params, *prompt, worker);
                             if (action == QLatin1String("import-cert"))
                               return importCert(token, params, *prompt, worker);
                             if (action == QLatin1String("self-test"))
                               return selfTest(token, *prompt, worker);
                             return usage(action);
                           });
}

}  // namespace kyso::ui
