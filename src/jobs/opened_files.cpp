#include "src/jobs/opened_files.h"

#include <algorithm>
#include <exception>

#include "src/jobs/document_format.h"
#include "src/pdf/pdf_document.h"

namespace kyso::jobs {
namespace {

bool pdfToVerify(const std::filesystem::path& file) {
  try {
    auto doc = pdf::PdfDocument::open(file);
    if (!doc.ok()) return true;
    auto fields = (*doc)->signatureFields();
    return !fields.ok() || std::any_of(fields->begin(), fields->end(),
                                       [](const pdf::SignatureField& f) { return f.signed_; });
  } catch (const std::exception&) {  // bad_alloc, or qpdf giving up on a damaged file
    return true;
  }
}

}  // namespace

OpenedFiles sortOpenedFiles(const std::vector<std::filesystem::path>& files) {
  OpenedFiles out;
  out.verifyFirst = !files.empty();
  for (const auto& f : files) {
    const DocumentFormat format = formatOf(f);
    const bool signature = format == DocumentFormat::DetachedSignature;
    const bool verify = signature || (format == DocumentFormat::Pdf && pdfToVerify(f));
    if (verify) out.toVerify.push_back(f);
    if (!signature) out.toSign.push_back(f);
    out.verifyFirst = out.verifyFirst && verify;
  }
  return out;
}

}  // namespace kyso::jobs
