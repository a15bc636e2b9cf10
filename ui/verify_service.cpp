#include "ui/verify_service.h"

#include <QtConcurrent>
#include <algorithm>
#include <thread>

#include "src/core/ordered_parallel.h"
#include "src/pdfverify/verifier.h"
#include "ui/pool_thread_cleanup.h"
#ifdef KYSO_PDFVERIFY_HAS_CMS
#include "certs/trust_store.h"
#include "src/pdfverify/cms_checker.h"
#endif

namespace kyso::ui {

struct VerifyService::State {
#ifdef KYSO_PDFVERIFY_HAS_CMS
  certs::TrustStore trust;
  std::unique_ptr<pdfverify::KysoCmsChecker> checker;
#endif
  // The checker is read-only while verifying (chain builders and revocation checkers are made per
  // call), so files may be verified on several threads at once.
  pdfverify::FileReport verify(const QString& file) {
    pdfverify::VerifyOptions opt;
#ifdef KYSO_PDFVERIFY_HAS_CMS
    opt.cms = checker.get();
#endif
    return pdfverify::verifyPdfFile(file.toStdString(), opt);
  }
};

Result<std::shared_ptr<VerifyService>> VerifyService::create(const AppSettings& settings) {
  auto state = std::make_shared<State>();
#ifdef KYSO_PDFVERIFY_HAS_CMS
  KYSO_ASSIGN_OR_RETURN(state->trust, certs::TrustStore::loadShipped());
  state->trust.setGroupEnabled(certs::TrustGroup::Gov, settings.trustGovernment);
  state->trust.setGroupEnabled(certs::TrustGroup::Public, settings.trustPublic);
  for (const QString& a : settings.extraAnchors) KYSO_TRY(state->trust.addAnchors(a.toStdString()));
  cms::VerifyOptions base;
  base.trust = &state->trust;
  state->checker = std::make_unique<pdfverify::KysoCmsChecker>(std::move(base));
#else
  (void)settings;
#endif
  return std::shared_ptr<VerifyService>(new VerifyService(std::move(state)));
}

VerifyService::~VerifyService() = default;

bool VerifyService::checksCryptography() {
#ifdef KYSO_PDFVERIFY_HAS_CMS
  return true;
#else
  return false;
#endif
}

FileReportPtr VerifyService::verifyNow(const QString& file) {
  return std::make_shared<const pdfverify::FileReport>(m_state->verify(file));
}

QFuture<FileReportPtr> VerifyService::verifyFiles(const QStringList& files) {
  return QtConcurrent::run([state = m_state, files](QPromise<FileReportPtr>& promise) {
    const PoolThreadCleanup cleanup;
    promise.setProgressRange(0, int(files.size()));
    struct Cancelled {};
    int done = 0;
    // Several files at once (the machine's cores, at most 4: the app shares the machine), results
    // added in the order given; cancelling stops handing out files.
    const auto jobs = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    try {
      orderedParallel<FileReportPtr>(
          static_cast<std::size_t>(files.size()), jobs,
          [&](std::size_t i) -> FileReportPtr {
            if (promise.isCanceled()) return nullptr;
            return std::make_shared<const pdfverify::FileReport>(
                state->verify(files[static_cast<qsizetype>(i)]));
          },
          [&](std::size_t, FileReportPtr&& r) {
            if (promise.isCanceled() || !r) throw Cancelled{};
            promise.addResult(std::move(r));
            promise.setProgressValue(++done);
          });
    } catch (const Cancelled&) {
    }
  });
}

}  // namespace kyso::ui
