// The contract between visible-signature appearances (src/appearance) and the PDF signer
// (src/pdf). An appearance is a small set of new PDF objects: the form XObject that becomes the
// widget's /AP /N, and what it uses (fonts, images, soft masks). The appearance builder does not
// know object numbers; it writes references to its own objects as the placeholder "{{ref:K}}"
// (K = index into `objects`), and the PDF writer assigns numbers and substitutes "K 0 R".
#pragma once

#include <string>
#include <vector>

#include "core/error.h"

namespace kyso::appearance {

/// A rectangle in PDF default user space (points, origin bottom-left of the page's MediaBox).
struct PdfRect {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  double width() const { return urx - llx; }
  double height() const { return ury - lly; }
};

/// One new indirect object: the full text between "N 0 obj" and "endobj", e.g.
/// "<< /Type /XObject /Subtype /Form ... /Length 42 >>\nstream\n...\nendstream".
struct NewObject {
  std::string body;
};

/// Text written on the page itself outside the widget (the document number after "Số:", the issue
/// date in "ngày ... tháng ... năm ..."): the signer adds each as a printable, locked, read-only
/// annotation with this appearance, in the same incremental update as the signature, so the
/// signature covers it.
struct PageMark {
  int pageIndex = 0;
  PdfRect rect;               // PDF user space
  std::size_t formIndex = 0;  // its form XObject in Appearance::objects
  std::string text;           // UTF-8, for the annotation's /Contents
  std::string role;           // number, day, month or year: the annotation's /NM is kyso-<role>
};

/// What the signer needs to give a signature widget a visible appearance.
struct Appearance {
  std::vector<NewObject> objects;  // all new objects; may reference each other with {{ref:K}}
  std::size_t formIndex = 0;       // index of the form XObject used as /AP << /N ... >>
  int pageIndex = 0;               // 0-based page the widget goes on
  PdfRect rect;                    // the widget's /Rect on that page
  int rotate = 0;  // the page's /Rotate: the form has a /Matrix that turns it upright for the
                   // viewer; the signer writes it as the widget's /MK /R
  std::vector<PageMark> marks;  // text on the letter's own lines (issued); may be empty
  std::vector<Error> notes;     // things the user should hear that did not stop the work
                                // (e.g. Errc::ImageNoAlpha); describe() each for people
  std::string placementInfo;  // for logs: how the place was found ("between \"GIÁM ĐỐC\" and ...")
};

}  // namespace kyso::appearance
