#include "src/pdfverify/revision.h"

#include <qpdf/QPDFExc.hh>

#include "src/pdfverify/prefix_source.h"

namespace kyso::pdfverify {

Status Budget::check(const char* where) const {
  if (expired()) return Error::kyso(Errc::PdfTooComplex, where, "time budget exceeded");
  return okStatus();
}

Error qpdfError(const std::exception& e, const char* op, const std::string& file) {
  std::string what = e.what();
  Errc kind = Errc::PdfDamaged;
  if (auto* qe = dynamic_cast<const QPDFExc*>(&e)) {
    if (qe->getErrorCode() == qpdf_e_password) kind = Errc::PdfEncrypted;
    if (what.find("not a PDF file") != std::string::npos ||
        what.find("can't find PDF header") != std::string::npos)
      kind = Errc::NotAPdf;
  } else if (dynamic_cast<const std::bad_alloc*>(&e)) {
    kind = Errc::PdfTooComplex;
  }
  return Error::kyso(kind, op, detailArgs({file, what})).because(Detail::TechnicalIn);
}

const std::vector<std::string>& OpenRevision::laterWarnings() {
  // getWarnings() hands over and clears qpdf's list.
  for (auto& w : m_pdf->getWarnings())
    if (m_laterWarnings.size() < 100) m_laterWarnings.push_back(w.what());
  return m_laterWarnings;
}

Result<std::unique_ptr<OpenRevision>> OpenRevision::open(std::shared_ptr<const FileBytes> bytes,
                                                         std::uint64_t limit) {
  std::unique_ptr<OpenRevision> r(new OpenRevision());
  r->m_limit = limit;
  const std::string name = bytes->name();
  try {
    r->m_pdf = std::make_unique<QPDF>();
    r->m_pdf->setSuppressWarnings(true);
    r->m_pdf->setAttemptRecovery(false);
    r->m_pdf->processInputSource(std::make_shared<PrefixInputSource>(std::move(bytes), limit));
    if (r->m_pdf->isEncrypted()) {
      // /Contents is never encrypted, but the other objects are; comparing them is still done on
      // the decrypted objects qpdf gives us (an empty user password opens most signed documents).
    }
    for (auto& [og, e] : r->m_pdf->getXRefTable()) {
      XrefPos p;
      p.type = e.getType();
      if (p.type == 1) p.offset = static_cast<std::uint64_t>(e.getOffset());
      if (p.type == 2) {
        p.stream = e.getObjStreamNumber();
        p.index = e.getObjStreamIndex();
      }
      r->m_xref.emplace(og, p);
    }
    // With recovery off qpdf throws on a broken cross-reference structure; a warning that it
    // repaired or reconstructed something anyway still means the file needed repair. Other
    // warnings (stray whitespace before `xref`) are tolerated deviations.
    for (auto& w : r->m_pdf->getWarnings()) {
      std::string what = w.what();
      r->m_openWarnings.push_back(what);
      if (what.find("reconstruct") != std::string::npos ||
          what.find("damaged") != std::string::npos)
        return Error::kyso(Errc::PdfDamaged, "QPDF::processInputSource", detailArgs({name, what}))
            .because(Detail::TechnicalIn);
    }
  } catch (const std::exception& e) {
    return qpdfError(e, "QPDF::processInputSource", name);
  }
  return r;
}

}  // namespace kyso::pdfverify
