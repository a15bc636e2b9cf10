#include "src/jobs/xml_document_report.h"

#include "src/pdfverify/cms_checker.h"
#include "src/xml/xml_findings.h"

namespace kyso::jobs {
namespace {

pdfverify::Coverage coverageOf(const xml::XmlSignatureFacts& f) {
  using S = xml::XmlReferenceFacts::Scope;
  bool whole = false, element = false;
  for (const auto& r : f.references) {
    whole = whole || r.scope == S::WholeDocument;
    element = element || r.scope == S::DocumentElement;
  }
  return whole     ? pdfverify::Coverage::WholeDocument
         : element ? pdfverify::Coverage::Partial
                   : pdfverify::Coverage::Invalid;
}

}  // namespace

pdfverify::FileReport asDocumentReport(const XmlFileReport& xml, Lang lang) {
  pdfverify::FileReport r;
  r.file = xml.file.string();
  if (xml.readError) {
    r.error = xml.readError;
    r.indication = pdfverify::Indication::TotalFailed;
    return r;
  }
  const xml::XmlReport& x = xml.report;
  if (x.error) {
    r.status = x.error->kind == Errc::CmsNoSigner ? pdfverify::FileStatus::Unsigned
                                                  : pdfverify::FileStatus::Error;
    r.error = x.error;
    r.indication = x.indication;
    return r;
  }
  r.status = pdfverify::FileStatus::Signed;
  r.indication = x.indication;
  // XML findings are the module's sentences, made here in the report's language.
  auto said = [&](const auto& f) {
    return pdfverify::Finding::of(pdfverify::Problem::Said, {xml::findingSentence(f, lang)});
  };
  for (const auto& p : x.problems) r.notes.push_back(said(p));
  int index = 0;
  for (const auto& s : x.signatures) {
    pdfverify::SignatureReport sr;
    sr.index = ++index;
    sr.field = s.facts.path;
    sr.kind = pdfverify::SignatureKind::XmlDsig;
    sr.type = "ds:Signature";
    sr.subfilter = s.facts.signatureMethod;
    if (s.facts.signingTime) sr.claimed_time = *s.facts.signingTime;
    sr.indication = s.verdict.indication;
    sr.subindication = s.verdict.subIndication;
    sr.coverage = coverageOf(s.facts);
    sr.modifications = s.verdict.digestMatches ? pdfverify::Modifications::None
                                               : pdfverify::Modifications::Disallowed;
    for (const auto& p : s.facts.problems) sr.problems.push_back(said(p));
    for (const auto& n : s.facts.notes) sr.notes.push_back(said(n));
    pdfverify::fromSigner(s.verdict, sr.crypto);
    sr.crypto.level = "XML-DSig";
    r.signatures.push_back(std::move(sr));
  }
  return r;
}

}  // namespace kyso::jobs
