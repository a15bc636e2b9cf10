// VerifyService: the thin adapter between the Verify tab and the jobs layer. It builds the
// jobs::VerifyProfile from the settings (shipped trust groups, added anchors; the caches `kyso
// verify` uses) once, and runs a jobs::VerifyJob from a pool thread, reporting each result in the
// order given as soon as it and those before it are ready, with progress and cancel (QFuture).
#pragma once

#include <QFuture>
#include <QStringList>
#include <memory>

#include "core/result.h"
#include "src/jobs/verify_profile.h"
#include "src/pdfverify/model.h"
#include "ui/common/app_settings.h"

namespace kyso::ui {

using FileReportPtr = std::shared_ptr<const pdfverify::FileReport>;

/// The verification profile of the app's settings (the same as `kyso verify` builds), shared by
/// the Verify tab and the signing service's VerifyPDF and VerifyXML.
Result<std::shared_ptr<const jobs::VerifyProfile>> appVerifyProfile(const AppSettings& settings);

class VerifyService {
 public:
  /// Loads the trust material named by `settings`.
  static Result<std::shared_ptr<VerifyService>> create(const AppSettings& settings);
  ~VerifyService();

  /// Verifies `files` from a pool thread, several at once; one result per file in the order
  /// given (a report with status "error" for unreadable ones). Cancelling stops handing out files.
  QFuture<FileReportPtr> verifyFiles(const QStringList& files);
  /// Verifies one file now, on the calling thread (tests, small jobs). Blocks.
  FileReportPtr verifyNow(const QString& file);

 private:
  struct State;
  explicit VerifyService(std::shared_ptr<State> s) : m_state(std::move(s)) {}
  std::shared_ptr<State> m_state;  // shared with running jobs, which keep it alive
};

}  // namespace kyso::ui
