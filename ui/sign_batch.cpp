#include "ui/sign_batch.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <atomic>
#include <fstream>
#include <mutex>

#include "certs/trust_store.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/evp_bridge.h"
#include "pkcs11/open_token.h"
#include "src/cms/signer.h"
#include "src/core/atomic_file.h"
#include "src/core/log.h"
#include "src/pdf/pades.h"
#include "src/pdf/pades_services.h"
#include "ui/pool_thread_cleanup.h"
#include "ui/ui_text.h"

namespace kyso::ui {
namespace fs = std::filesystem;

// Shared by the object and its running job. The job reports through `owner` (under the mutex);
// the destructor clears it, so nothing is posted to a deleted object.
struct SignBatch::Shared {
  std::mutex mutex;
  SignBatch* owner = nullptr;
  std::atomic<bool> cancel{false};

  template <class F>
  void post(F&& f) {
    std::lock_guard lock(mutex);
    if (owner) QMetaObject::invokeMethod(owner, std::forward<F>(f), Qt::QueuedConnection);
  }
};

namespace {

bool isPdf(const QString& path) {
  return QFileInfo(path).suffix().compare(QLatin1String("pdf"), Qt::CaseInsensitive) == 0;
}

bool isTokenFailure(const Error& e) {
  return e.domain == Domain::Pkcs11 || e.kind == Errc::TokenRemoved ||
         e.kind == Errc::PinIncorrect || e.kind == Errc::PinLocked ||
         e.kind == Errc::NoTokenPresent || e.kind == Errc::Cancelled;
}

fs::path toPath(const QString& s) {
  return fs::path(s.toStdU16String());
}

// Everything the job needs besides the files, made once after the login.
struct Signer {
  const SigningIdentity& id;
  const SignSettings& settings;
  pdf::PadesLevel level;
  std::optional<std::string> tsa;
  fs::path image;
  SignerFields fields;
  certs::TrustStore trust = certs::TrustStore::empty();
  certs::HttpOptions http;
};

Result<QString> signPdf(Signer& s, const SignItem& item) {
  pdf::PadesRequest req;
  req.input = toPath(item.input);
  req.output = toPath(item.output);
  req.overwrite = item.overwrite ? AtomicFile::Overwrite::Allow : AtomicFile::Overwrite::Refuse;
  req.level = s.level;
  req.sig.signerName = s.fields.name;
  req.sig.reason = s.settings.reason.trimmed().toStdString();
  req.sig.location = s.settings.location.trimmed().toStdString();
  req.sig.signingTime = std::chrono::system_clock::now();
  KYSO_ASSIGN_OR_RETURN(auto ap, buildAppearance(s.settings.kind.toStdString(), req.input, s.image,
                                                 s.fields, item.placed, req.sig.signingTime));
  if (ap) {
    for (const Error& note : ap->notes) log::info("sign: " + note.technical());
    req.sig.appearance = &*ap;
  }
  pdf::CmsContentsMaker cms(s.id, s.tsa, s.http);
  std::optional<pdf::TsaContentsMaker> docTs;
  if (s.tsa) docTs.emplace(*s.tsa, s.http);
  pdf::NetworkLtvSource ltv(s.trust, s.http);
  KYSO_ASSIGN_OR_RETURN(auto done, pdf::signPdfFile(req, cms, &ltv, docTs ? &*docTs : nullptr));
  return QStringLiteral("%1, %2").arg(QString::fromLatin1(pdf::padesLevelName(s.level)),
                                      QString::fromStdString(done.signature.fieldName));
}

Result<QString> signDetached(Signer& s, const SignItem& item) {
  cms::SignOptions opt;
  opt.tsaUrl = s.tsa;
  opt.http = s.http;
  std::ifstream in(toPath(item.input), std::ios::binary);
  if (!in) return Error::kyso(Errc::FileUnreadable, "open", item.input.toStdString());
  KYSO_ASSIGN_OR_RETURN(auto der, cms::signStreamSlowly(s.id, in, opt));
  KYSO_ASSIGN_OR_RETURN(
      auto file,
      AtomicFile::create(toPath(item.output), item.overwrite ? AtomicFile::Overwrite::Allow
                                                             : AtomicFile::Overwrite::Refuse));
  KYSO_TRY(file.write(std::as_bytes(std::span<const std::uint8_t>(der))));
  KYSO_TRY(file.commit());
  return s.tsa ? QStringLiteral("CAdES B-T") : QStringLiteral("CAdES B-B");
}

// The image the appearance uses: the person's choice, else the inventory's (written to `tmp`).
Result<fs::path> chooseImage(const SignSettings& st, QTemporaryDir& tmp) {
  if (!st.image.isEmpty()) return toPath(st.image);
  auto png = inventoryImage(st.inventory.toStdString(), st.cert.sha256.toStdString(),
                            st.kind.toStdString());
  if (!png.ok()) {
    if (png.error().kind == Errc::NotImplemented) return fs::path();
    return png.error();
  }
  if (!*png) return fs::path();
  if (!tmp.isValid()) return Error::kyso(Errc::OutputNotWritable, "QTemporaryDir", "");
  const fs::path out = toPath(tmp.filePath(QStringLiteral("inventory-image.png")));
  KYSO_ASSIGN_OR_RETURN(auto f, AtomicFile::create(out, AtomicFile::Overwrite::Allow));
  KYSO_TRY(f.write(**png));
  KYSO_TRY(f.commit());
  log::info("sign: using the inventory's image for certificate " + st.cert.sha256.toStdString());
  return out;
}

}  // namespace

SignBatch::SignBatch(std::shared_ptr<p11::DeviceWorker> worker,
                     std::shared_ptr<p11::PinPrompt> prompt, QObject* parent)
    : QObject(parent),
      m_worker(std::move(worker)),
      m_prompt(std::move(prompt)),
      m_shared(std::make_shared<Shared>()) {
  m_shared->owner = this;
}

SignBatch::~SignBatch() {
  m_shared->cancel = true;
  std::lock_guard lock(m_shared->mutex);
  m_shared->owner = nullptr;
}

void SignBatch::cancel() {
  m_shared->cancel = true;
}

bool SignBatch::start(std::vector<SignItem> items, SignSettings settings) {
  if (m_running) return false;
  // A new batch gets its own shared block: a previous one can never report into it.
  {
    std::lock_guard lock(m_shared->mutex);
    m_shared->owner = nullptr;
  }
  m_shared = std::make_shared<Shared>();
  m_shared->owner = this;
  m_running = true;
  auto shared = m_shared;
  auto worker = m_worker;
  auto prompt = m_prompt;
  (void)QtConcurrent::run([shared, worker, prompt, items = std::move(items),
                           st = std::move(settings)] {
    const PoolThreadCleanup cleanup;
    auto report = [&](SignOutcome o) {
      shared->post([o, s = shared] {
        if (s->owner) emit s->owner->itemFinished(o);
      });
    };
    using Ending = std::pair<bool, QString>;  // cancelled, failure
    auto finish = [](bool cancelled, QString failure) { return Ending{cancelled, failure}; };
    auto notAttemptedFrom = [&](std::size_t first) {
      for (std::size_t j = first; j < items.size(); ++j)
        report({int(j), SignOutcome::State::NotAttempted, items[j].output, QString(), Errc::Ok});
    };
    // The token is closed (its session logged out) before the end is reported, so that a new
    // batch started at once finds the token free.
    auto body = [&]() -> Ending {
      const auto level = pdf::parsePadesLevel(st.level.toStdString());
      if (!level) {
        notAttemptedFrom(0);
        return finish(false,
                      errorText(Error::kyso(Errc::UsageError, "level", st.level.toStdString())));
      }
      p11::TokenSelector sel;
      sel.module = st.cert.module.toStdString();
      sel.token = st.cert.tokenSerial.toStdString();
      sel.key = st.cert.keyIdHex.toStdString();
      // The PIN dialog is the person's consent at the final try: the token layer then asks with
      // finalTry set, and the dialog refuses to go on until "I understand" is ticked. A locked
      // PIN is still refused before any dialog.
      sel.force = true;
      auto token = p11::OpenToken::open(sel, *prompt, {}, worker);  // logs in once for the batch
      Result<SigningIdentity> id =
          token.ok() ? (*token)->signingIdentity() : Result<SigningIdentity>(token.error());
      if (!id.ok()) {
        notAttemptedFrom(0);
        const bool cancelled = id.error().kind == Errc::Cancelled;
        return finish(cancelled, cancelled ? QString() : errorText(id.error()));
      }
      QTemporaryDir tmp;
      auto image = chooseImage(st, tmp);
      if (!image.ok()) {
        notAttemptedFrom(0);
        return finish(false, signErrorText(image.error()));
      }
      Signer s{*id, st, *level, std::nullopt, *image, {}, certs::TrustStore::empty(), {}};
      if (!st.tsaUrl.isEmpty() && *level != pdf::PadesLevel::BB) s.tsa = st.tsaUrl.toStdString();
      s.fields = {st.cert.name.toStdString(), st.cert.title.toStdString(),
                  st.cert.org.toStdString(), st.document};
      if (st.kind == QLatin1String("issued") && st.issuedDate.isValid())
        s.fields.document["issued_date"] =
            st.issuedDate.toString(QStringLiteral("dd/MM/yyyy")).toStdString();
      if (*level == pdf::PadesLevel::BLT || *level == pdf::PadesLevel::BLTA) {
        auto shipped = certs::TrustStore::loadShipped();
        if (shipped.ok()) s.trust = std::move(*shipped);
        for (const QString& a : st.extraAnchors) {
          if (auto added = s.trust.addAnchors(toPath(a), "admin"); !added.ok())
            log::warn("sign: " + added.error().technical());
        }
      }

      for (std::size_t i = 0; i < items.size(); ++i) {
        if (shared->cancel) {
          notAttemptedFrom(i);
          return finish(true, QString());
        }
        shared->post([i, s2 = shared] {
          if (s2->owner) emit s2->owner->itemStarted(int(i));
        });
        const SignItem& item = items[i];
        Result<QString> r = isPdf(item.input) ? signPdf(s, item) : signDetached(s, item);
        if (r.ok()) {
          report({int(i), SignOutcome::State::Signed, item.output, *r, Errc::Ok});
          continue;
        }
        // A token-backed key reports through OpenSSL; the token's own error says what happened.
        Error err = r.error();
        if (auto tokenErr = p11::takeLastTokenError()) err = *tokenErr;
        log::warn("sign " + item.input.toStdString() + ": " + err.technical());
        report({int(i), SignOutcome::State::Failed, item.output, signErrorText(err), err.kind});
        if (isTokenFailure(err)) {
          notAttemptedFrom(i + 1);
          return finish(false, errorText(err));
        }
      }
      return finish(false, QString());
    };
    const auto [cancelled, failure] = body();
    shared->post([cancelled = cancelled, failure = failure, s = shared] {
      if (!s->owner) return;
      s->owner->m_running = false;
      emit s->owner->finished(cancelled, failure);
    });
  });
  return true;
}

QString signErrorText(const Error& e) {
  switch (e.kind) {
    case Errc::PlacementNotFound:
      return QCoreApplication::translate(
          "SignBatch",
          "The signer's title and name were not found on the page: draw the rectangle in "
          "the preview.");
    case Errc::ApprovalNotFound:
      return QCoreApplication::translate(
          "SignBatch",
          "There is no approval signature to put the seal over: draw the rectangle in the "
          "preview.");
    case Errc::UsageError:
      if (e.operation == "appearance_image")
        return QCoreApplication::translate(
            "SignBatch",
            "This kind needs an image (the handwriting or the seal): choose one, or record "
            "it in the inventory.");
      if (e.operation == "appearance_field") {
        if (e.context == "--doc-number")
          return QCoreApplication::translate("SignBatch", "Fill in the document number.");
        if (e.context == "--arrival-number")
          return QCoreApplication::translate("SignBatch", "Fill in the arrival number.");
        if (e.context == "--signer-name")
          return QCoreApplication::translate("SignBatch",
                                             "The certificate gives no signer name to print.");
        return QCoreApplication::translate("SignBatch", "A detail of the document is missing (%1).")
            .arg(QString::fromStdString(e.context));
      }
      if (e.operation == "appearance_rect")
        return QCoreApplication::translate("SignBatch", "Draw the rectangle in the preview.");
      return errorText(e);
    default:
      return errorText(e);
  }
}

QString signedOutputPath(const QString& input, const QString& folder) {
  const QFileInfo fi(input);
  const QString dir = folder.isEmpty() ? fi.absolutePath() : folder;
  if (isPdf(input))
    return dir + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral("-signed.pdf");
  return dir + QLatin1Char('/') + fi.fileName() + QStringLiteral(".p7s");
}

}  // namespace kyso::ui
