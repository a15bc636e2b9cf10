#include "ui/verify/verify_service.h"

#include <QtConcurrent>
#include <algorithm>
#include <thread>

#include "src/jobs/verify_job.h"
#include "ui/common/pool_thread_cleanup.h"
#include "ui/common/ui_text.h"

namespace kyso::ui {

// The job is read-only while verifying (chain builders and revocation checkers are made per call),
// so files may be verified on several threads at once.
struct VerifyService::State {
  explicit State(std::shared_ptr<const jobs::VerifyProfile> profile) : job(std::move(profile)) {}
  jobs::VerifyJob job;
};

Result<std::shared_ptr<const jobs::VerifyProfile>> appVerifyProfile(const AppSettings& settings) {
  // The same profile as `kyso verify` (with its caches of fetched CA certificates and CRLs).
  jobs::VerifyProfileSettings s;
  s.trustGovernment = settings.trustGovernment;
  s.trustPublic = settings.trustPublic;
  for (const QString& a : settings.extraAnchors) s.extraAnchors.emplace_back(a.toStdU16String());
  for (const QString& c : settings.crlFiles) s.crlFiles.emplace_back(c.toStdU16String());
  return jobs::VerifyProfile::create(s);
}

Result<std::shared_ptr<VerifyService>> VerifyService::create(const AppSettings& settings) {
  KYSO_ASSIGN_OR_RETURN(auto profile, appVerifyProfile(settings));
  return std::shared_ptr<VerifyService>(
      new VerifyService(std::make_shared<State>(std::move(profile))));
}

VerifyService::~VerifyService() = default;

FileReportPtr VerifyService::verifyNow(const QString& file) {
  return std::make_shared<const pdfverify::FileReport>(
      m_state->job.verifyDocument(std::filesystem::path(file.toStdU16String()), uiLang()));
}

QFuture<FileReportPtr> VerifyService::verifyFiles(const QStringList& files) {
  // PDFs and XML files alike; XML findings are written in the app's language.
  return QtConcurrent::run(
      [state = m_state, files, lang = uiLang()](QPromise<FileReportPtr>& promise) {
        const PoolThreadCleanup cleanup;
        promise.setProgressRange(0, int(files.size()));
        std::vector<std::filesystem::path> paths;
        for (const QString& f : files) paths.emplace_back(f.toStdU16String());
        int done = 0;
        // Several files at once (the machine's cores, at most 4: the app shares the machine),
        // results added in the order given; cancelling stops handing out files.
        const auto jobs = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
        state->job.verifyDocuments(
            paths, jobs, lang,
            [&](std::size_t, pdfverify::FileReport&& r) {
              if (promise.isCanceled()) return;
              promise.addResult(std::make_shared<const pdfverify::FileReport>(std::move(r)));
              promise.setProgressValue(++done);
            },
            [&] { return promise.isCanceled(); });
      });
}

}  // namespace kyso::ui
