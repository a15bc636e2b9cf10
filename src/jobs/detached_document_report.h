// A detached signature's verdict (.p7s over the file beside it, or a .p7m holding its content) in
// the document report model (pdfverify::FileReport) that the Verify tab's table, its details pane
// and the saved HTML report show for every file, so that PDFs, XML files and .p7s files sit in one
// list. Each SignerInfo is one signature of the report: the signed file as its field, coverage
// "whole-document" when its digest matches, and the signer's chain, revocation and timestamp as
// the CMS layer reported them. A .p7s whose signed file is not beside it is the file's error,
// naming the file that is missing, never a verdict on the signature.
#pragma once

#include "src/jobs/verify_job.h"
#include "src/pdfverify/model.h"

namespace kyso::jobs {

/// The CMS layer's notes stay typed (pdfverify::Finding::from): the report says them in its own
/// language, as it says a PDF signature's.
pdfverify::FileReport asDocumentReport(const DetachedReport& detached);

}  // namespace kyso::jobs
