#include "ui/sign/sign_batch.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <atomic>
#include <mutex>

#include "core/atomic_file.h"
#include "core/log.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/open_token.h"
#include "src/jobs/detached_sign_job.h"
#include "src/jobs/document_format.h"
#include "src/jobs/pdf_sign_job.h"
#include "src/jobs/sign_job.h"
#include "src/jobs/signing_lanes.h"
#include "ui/common/log_panel.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/token_work_pool.h"
#include "ui/common/ui_text.h"

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
  return jobs::formatOf(path.toStdString()) == jobs::DocumentFormat::Pdf;
}

fs::path toPath(const QString& s) {
  return fs::path(s.toStdU16String());
}

// Hears the batch's job and posts its results to the tab as SignOutcomes.
class BatchReporter : public jobs::BatchObserver {
 public:
  using Report = std::function<void(SignOutcome)>;
  BatchReporter(const std::atomic<bool>& cancel, std::function<void(int)> started, Report report)
      : m_cancel(cancel), m_started(std::move(started)), m_report(std::move(report)) {}
  void started(std::size_t i, std::size_t) override { m_started(int(i)); }
  void note(std::size_t i, const Error& note) override {
    LogPanel::say(int(log::Level::Info),
                  QCoreApplication::translate("SignBatch", "File %1: %2")
                      .arg(int(i) + 1)
                      .arg(errorText(note)),
                  "sign: " + note.technical());
  }
  bool cancelRequested() override { return m_cancel.load(); }
  void finished(const jobs::ItemResult& r) override {
    using State = jobs::ItemResult::State;
    SignOutcome o;
    o.index = int(r.index);
    o.output = QString::fromStdString(r.output.string());
    if (r.state == State::Done) {
      o.state = SignOutcome::State::Signed;
      o.detail = r.field.empty() ? QStringLiteral("CAdES %1").arg(QString::fromStdString(r.level))
                                 : QStringLiteral("%1, %2").arg(QString::fromStdString(r.level),
                                                                QString::fromStdString(r.field));
    } else if (r.state == State::Failed && r.error) {
      o.state = SignOutcome::State::Failed;
      o.detail = signErrorText(*r.error);
      LogPanel::say(int(log::Level::Warn),
                    QCoreApplication::translate("SignBatch", "%1 was not signed: %2")
                        .arg(QString::fromStdString(r.input.filename().string()), o.detail),
                    "sign " + r.input.string() + ": " + r.error->technical());
      o.error = r.error->kind;
    }
    m_report(o);
  }

 private:
  const std::atomic<bool>& m_cancel;
  std::function<void(int)> m_started;
  Report m_report;
};

// The image the appearance uses: the person's choice, else the inventory's (written to `tmp`).
Result<fs::path> chooseImage(const SignSettings& st, QTemporaryDir& tmp) {
  if (!st.image.isEmpty()) return toPath(st.image);
  auto png = inventoryImage(st.inventory.toStdString(), st.cert.sha256.toStdString(),
                            st.kind.toStdString());
  if (!png.ok()) return png.error();
  if (!*png) return fs::path();
  if (!tmp.isValid()) return Error::kyso(Errc::OutputNotWritable, "QTemporaryDir", "");
  const fs::path out = toPath(tmp.filePath(QStringLiteral("inventory-image.png")));
  KYSO_ASSIGN_OR_RETURN(auto f, AtomicFile::create(out, AtomicFile::Overwrite::Allow));
  KYSO_TRY(f.write(**png));
  KYSO_TRY(f.commit());
  log::info("sign: using the inventory's image for certificate " + st.cert.sha256.toStdString());
  return out;
}

// What the appearance prints from the certificate and the form.
SignerFields fieldsFor(const SignSettings& st) {
  SignerFields fields{st.cert.name.toStdString(), st.cert.title.toStdString(),
                      st.cert.org.toStdString(), st.document};
  if (st.kind == QLatin1String("issued") && st.issuedDate.isValid())
    fields.document["issued_date"] =
        st.issuedDate.toString(QStringLiteral("dd/MM/yyyy")).toStdString();
  return fields;
}

// What makes every file's appearance fail, found on the first PDF before the PIN is asked: no
// image for a kind that prints one, a missing number, a bad image or template. What depends on
// each file (its signer's lines, an approval to seal over, a blank too narrow) is left to it.
std::optional<Error> appearanceProblemForAll(const SignSettings& st, const fs::path& image,
                                             const std::vector<SignItem>& items) {
  if (st.kind == QLatin1String("invisible")) return std::nullopt;
  for (const SignItem& item : items) {
    if (!isPdf(item.input)) continue;
    auto a = buildAppearance(st.kind.toStdString(), toPath(item.input), image, fieldsFor(st),
                             item.placed, std::chrono::system_clock::now());
    if (a.ok()) return std::nullopt;
    const Errc k = a.error().kind;
    // A missing or unreadable image fails every file; a missing input only its own.
    const bool imageFile = (k == Errc::FileNotFound || k == Errc::FileUnreadable) &&
                           !image.empty() && a.error().context == image.string();
    if (k == Errc::UsageError || k == Errc::ImageInvalid || k == Errc::ImageTooLarge ||
        k == Errc::FontMissing || k == Errc::TemplateInvalid || imageFile)
      return a.error();
    return std::nullopt;
  }
  return std::nullopt;
}

// The chosen certificate's token, logged in once for the batch. The PIN dialog is the person's
// consent at the final try: the token layer then asks with finalTry set, and the dialog refuses
// to go on until "I understand" is ticked. A locked PIN is still refused before any dialog.
Result<std::unique_ptr<p11::OpenToken>> openForBatch(const SigningCert& cert,
                                                     p11::PinPrompt& prompt,
                                                     std::shared_ptr<p11::DeviceWorker> worker) {
  p11::TokenSelector sel;
  sel.module = cert.module.toStdString();
  sel.token = cert.tokenSerial.toStdString();
  sel.key = cert.keyIdHex.toStdString();
  sel.force = true;
  return p11::OpenToken::open(sel, prompt, {}, std::move(worker));
}

// The job's settings from the tab's: the signer's fields for the appearance, the level and TSA,
// the anchors for B-LT chains, the appearance of each PDF (its rectangle from the preview).
jobs::SignSettings jobSettings(const SignSettings& st, pdf::PadesLevel level, const fs::path& image,
                               const std::vector<SignItem>& items) {
  const SignerFields fields = fieldsFor(st);
  std::optional<std::string> tsa;
  if (!st.tsaUrl.isEmpty() && level != pdf::PadesLevel::BB) tsa = st.tsaUrl.toStdString();
  jobs::SignSettings js;
  jobs::PdfSignSettings& ps = js.pdf;
  ps.signature.reason = st.reason.trimmed().toStdString();
  ps.signature.location = st.location.trimmed().toStdString();
  ps.level = level;
  ps.tsaUrl = tsa;
  ps.checked = st.checked;
  std::vector<fs::path> anchors;
  for (const QString& a : st.extraAnchors) anchors.push_back(toPath(a));
  auto trust = jobs::chainBuildingTrust(level, anchors);
  if (trust.ok())
    ps.trust = std::move(*trust);
  else
    log::warn("sign: " + trust.error().technical());
  ps.appearance = [kind = st.kind.toStdString(), image, fields, &items](
                      std::size_t i, const jobs::SignInput& in,
                      std::chrono::system_clock::time_point t) {
    return buildAppearance(kind, in.input, image, fields, items[i].placed, t);
  };
  js.detached.cms.tsaUrl = tsa;
  js.detached.lanes = jobs::defaultSigningLanes();
  return js;
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
  (void)QtConcurrent::run(tokenWorkPool(), [shared, worker, prompt, items = std::move(items),
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
      // Everything that can be checked is checked before the PIN (issue 17): the image (the
      // inventory's, when none was chosen) and what every file's appearance needs.
      QTemporaryDir tmp;
      auto image = chooseImage(st, tmp);
      if (!image.ok()) {
        notAttemptedFrom(0);
        return finish(false, signErrorText(image.error()));
      }
      if (auto problem = appearanceProblemForAll(st, *image, items)) {
        notAttemptedFrom(0);
        return finish(false, signErrorText(*problem));
      }
      auto token = openForBatch(st.cert, *prompt, worker);  // logs in once for the batch
      Result<SigningIdentity> id =
          token.ok() ? (*token)->signingIdentity() : Result<SigningIdentity>(token.error());
      if (!id.ok()) {
        notAttemptedFrom(0);
        const bool cancelled = id.error().kind == Errc::Cancelled;
        return finish(cancelled, cancelled ? QString() : errorText(id.error()));
      }
      std::vector<jobs::SignInput> inputs;
      for (const SignItem& item : items)
        inputs.push_back({toPath(item.input), toPath(item.output), item.overwrite});
      auto started = [&](int index) {
        shared->post([index, s2 = shared] {
          if (s2->owner) emit s2->owner->itemStarted(index);
        });
      };
      BatchReporter reporter(shared->cancel, started, report);
      const jobs::BatchSummary done =
          jobs::SignJob::run(inputs, jobs::SigningKey{std::move(*id), &**token},
                             jobSettings(st, *level, *image, items), reporter);
      if (done.stoppedBy) return finish(false, errorText(*done.stoppedBy));
      if (done.cancelled) return finish(true, QString());
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
        if (e.context == "doc_number")
          return QCoreApplication::translate("SignBatch", "Fill in the document number.");
        if (e.context == "arrival_number")
          return QCoreApplication::translate("SignBatch", "Fill in the arrival number.");
        if (e.context == "name")
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
  if (jobs::formatOf(input.toStdU16String()) == jobs::DocumentFormat::Xml)
    return dir + QLatin1Char('/') + fi.completeBaseName() + QStringLiteral("-signed.xml");
  const auto beside = jobs::detachedSignaturePath(fi.fileName().toStdU16String());
  return dir + QLatin1Char('/') + QString::fromStdU16String(beside.u16string());
}

}  // namespace kyso::ui
