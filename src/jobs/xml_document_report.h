// An XML file's verdict in the document report model (pdfverify::FileReport) that the Verify tab's
// table, its details pane and the saved HTML report show for every file, so that PDFs and XML
// files sit in one list. Each ds:Signature is one signature of the report: its place as the
// field, the XML coverage ("whole-document" for URI="", "partial" for an element), the
// modification verdict from its digests, the findings in `lang` as problems, and the signer's
// chain and revocation as the CMS layer reported them.
#pragma once

#include "core/messages.h"
#include "src/jobs/verify_job.h"
#include "src/pdfverify/model.h"

namespace kyso::jobs {

pdfverify::FileReport asDocumentReport(const XmlFileReport& xml, Lang lang);

}  // namespace kyso::jobs
