// SignJob: one batch of any files with one login: PDFs get PAdES signatures (PdfSignJob), every
// other file a detached CAdES signature (DetachedSignJob), routed by the format registry. The
// PDFs are signed first; a failure that stops the batch (or a cancel) leaves the rest
// NotAttempted. Results carry the indexes of `items`, in input order within each kind.
#pragma once

#include <vector>

#include "src/jobs/detached_sign_job.h"
#include "src/jobs/pdf_sign_job.h"

namespace kyso::jobs {

struct SignSettings {
  PdfSignSettings pdf;            // for the PDFs (appearance indexes are those of `items`)
  DetachedSignSettings detached;  // for the other files
};

class SignJob {
 public:
  static BatchSummary run(const std::vector<SignInput>& items, SigningKey key,
                          SignSettings settings, BatchObserver& observer);
};

}  // namespace kyso::jobs
