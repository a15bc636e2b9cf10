#include "src/jobs/batch.h"

namespace kyso::jobs {

void BatchSummary::add(const ItemResult& r) {
  switch (r.state) {
    case ItemResult::State::Done:
      ++done;
      break;
    case ItemResult::State::Skipped:
      ++skipped;
      break;
    case ItemResult::State::Failed:
      ++failed;
      if (!firstError && r.error) firstError = r.error;
      break;
    case ItemResult::State::NotAttempted:
      ++notAttempted;
      break;
  }
}

void BatchSummary::merge(const BatchSummary& part) {
  done += part.done;
  skipped += part.skipped;
  failed += part.failed;
  notAttempted += part.notAttempted;
  if (!firstError) firstError = part.firstError;
  if (!stoppedBy) stoppedBy = part.stoppedBy;
  flushErrors.insert(flushErrors.end(), part.flushErrors.begin(), part.flushErrors.end());
  cancelled = cancelled || part.cancelled;
}

bool stopsBatch(const Error& e) {
  if (e.domain == Domain::Pkcs11) return true;
  switch (e.kind) {
    case Errc::TokenRemoved:
    case Errc::NoTokenPresent:
    case Errc::PinIncorrect:
    case Errc::PinIncorrectTriesUnknown:
    case Errc::PinIncorrectCountLow:
    case Errc::PinIncorrectFinalTry:
    case Errc::PinIncorrectNowLocked:
    case Errc::PinLocked:
    case Errc::PinFinalTry:
    case Errc::Cancelled:
      return true;
    default:
      return false;
  }
}

}  // namespace kyso::jobs
