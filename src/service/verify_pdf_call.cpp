// VerifyPDF: the PDF at FileName (judged as every address: the calling site's own, no redirects)
// is fetched, verified as the Verify tab verifies it, and its report shown in kyso's own window;
// the site gets each signature's verdict and kyso's whole report. Nothing is signed and no token
// is opened, so the person is not asked first.
#include "src/jobs/verify_job.h"
#include "src/service/document_transfer.h"
#include "src/service/request_files.h"
#include "src/service/signing_service.h"
#include "src/service/verify_replies.h"

namespace kyso::service {

Result<Json> SigningService::verifyPdf(const Origin& origin, const Json& message, Approval& seen) {
  if (!m_verifier) return Error::kyso(Errc::ServiceCallUnsupported, "service", "VerifyPDF");
  KYSO_ASSIGN_OR_RETURN(VerifyPdfRequest req, parseVerifyPdfRequest(message));
  KYSO_TRY(checkDocumentAddress(req.fileName, origin, m_settings.sites));
  seen.documentUrl = req.fileName;
  seen.documentName = fileNameOf(req.fileName, "document.pdf");
  KYSO_ASSIGN_OR_RETURN(std::string doc, fetchDocumentSlowly(req.fileName, transferFor(origin)));
  if (!looksLikePdf(doc)) return Error::kyso(Errc::NotAPdf, "download", seen.documentName);
  seen.documentSize = doc.size();
  seen.documentSha256 = sha256Hex(doc);
  KYSO_ASSIGN_OR_RETURN(PrivateDir dir, PrivateDir::make());
  const std::filesystem::path file = dir.path() / "document.pdf";
  KYSO_TRY(writeBytes(file, doc));
  doc.clear();
  doc.shrink_to_fit();
  pdfverify::FileReport report = m_verifier->verifyPdf(file);
  report.file = seen.documentName;
  auto shown = std::make_shared<const pdfverify::FileReport>(std::move(report));
  m_host.showVerification({origin.text, seen.documentName, req.fileName, shown});
  return pdfVerifyReply(*shown, m_lang);
}

}  // namespace kyso::service
