// What in a PDF can change what it shows after it is signed, found before the signer is asked
// for a PIN (issue 16): JavaScript (document, page, field and annotation actions), XFA form
// definitions, references to objects the file does not contain (filled in later by an update),
// and streams whose /Length is not where their data ends. The signer is warned, or refuses with
// `kyso sign --refuse-active-content`.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/messages.h"
#include "src/pdf/pdf_document.h"

namespace kyso::pdf {

struct ActiveContent {
  std::size_t javascript = 0;  // action dictionaries with /S /JavaScript or a /JS entry
  bool xfa = false;            // /AcroForm /XFA
  std::size_t dangling = 0;    // references to object numbers the file does not define
  std::size_t damaged = 0;     // objects qpdf cannot read as written (a lying stream /Length)
  bool any() const { return javascript || xfa || dangling || damaged; }
};

/// Walks every object of `doc` (bounded: at most 1,000,000 objects are looked at; the rest count
/// as not inspected and are not reported). Never changes the document.
ActiveContent findActiveContent(PdfDocument& doc);

/// One sentence per finding, for the signer, in `lang`.
std::vector<std::string> activeContentSentences(const ActiveContent& a, Lang lang);

}  // namespace kyso::pdf
