#include "src/jobs/detached_document_report.h"

#include "src/pdfverify/cms_checker.h"

namespace kyso::jobs {

pdfverify::FileReport asDocumentReport(const DetachedReport& d) {
  pdfverify::FileReport r;
  r.file = d.file.string();
  if (d.readError || d.contentError) {
    r.error = d.readError ? d.readError : d.contentError;
    r.indication =
        d.readError ? pdfverify::Indication::TotalFailed : pdfverify::Indication::Indeterminate;
    return r;
  }
  const cms::CmsReport& c = d.report;
  if (c.error) {
    r.status = c.error->kind == Errc::CmsNoSigner ? pdfverify::FileStatus::Unsigned
                                                  : pdfverify::FileStatus::Error;
    r.error = c.error;
    r.indication = c.indication;
    return r;
  }
  r.status = pdfverify::FileStatus::Signed;
  r.indication = c.indication;
  for (const auto& n : c.notes) r.notes.push_back(pdfverify::Finding::from(n));
  const std::string signedFile =
      d.content ? d.content->filename().string() : std::string(c.detached ? "" : "(enveloped)");
  int index = 0;
  for (const auto& s : c.signers) {
    pdfverify::SignatureReport sr;
    sr.index = ++index;
    sr.field = signedFile;
    sr.kind = pdfverify::SignatureKind::Cms;
    sr.type = "SignedData";
    sr.subfilter = c.detached ? "detached" : "enveloping";
    if (s.signingTime) sr.claimed_time = *s.signingTime;
    sr.indication = s.indication;
    sr.subindication = s.subIndication;
    sr.coverage =
        s.digestMatches ? pdfverify::Coverage::WholeDocument : pdfverify::Coverage::Invalid;
    sr.modifications =
        s.digestMatches ? pdfverify::Modifications::None : pdfverify::Modifications::Disallowed;
    pdfverify::fromSigner(s, sr.crypto);
    const bool timestamped = s.timestamp && s.timestamp->valid;
    sr.crypto.level = s.signingCertificateBound ? (timestamped ? "CAdES-B-T" : "CAdES-B-B")
                                                : (timestamped ? "CMS-T" : "CMS");
    r.signatures.push_back(std::move(sr));
  }
  return r;
}

}  // namespace kyso::jobs
