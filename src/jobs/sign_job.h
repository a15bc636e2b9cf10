// SignJob: one batch of any files with one login: PDFs get PAdES signatures (PdfSignJob), XML
// files enveloped XML-DSig signatures (XmlSignJob), every other file a detached CAdES signature
// (DetachedSignJob), routed by the format registry. PDFs are signed first, then XML, then the
// rest; a failure that stops the batch (or a cancel) leaves the rest NotAttempted. Results carry
// the indexes of `items`, in input order within each kind.
#pragma once

#include <vector>

#include "src/jobs/detached_sign_job.h"
#include "src/jobs/pdf_sign_job.h"
#include "src/jobs/xml_sign_job.h"

namespace kyso::jobs {

struct SignSettings {
  PdfSignSettings pdf;            // for the PDFs (appearance indexes are those of `items`)
  XmlSignSettings xml;            // for the XML files
  DetachedSignSettings detached;  // for the other files
};

class SignJob {
 public:
  static BatchSummary run(const std::vector<SignInput>& items, SigningKey key,
                          SignSettings settings, BatchObserver& observer);
};

}  // namespace kyso::jobs
