// Where a visible signature goes: page numbers (negative from the end), --rect parsing (points or
// millimetres from the page's top-left corner), the page's MediaBox and existing signature widgets
// (read with qpdf), and the signer's title and name lines found by text extraction with positions
// (poppler-cpp). Reads the PDF only; never modifies it. Each call opens the file: it may take a
// moment on large documents.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "src/appearance/appearance.h"

namespace kyso::appearance {

/// The pages of a document and one page's box.
struct PageGeometry {
  int pageCount = 0;
  int pageIndex = 0;  // 0-based
  PdfRect mediaBox;
  PdfRect visibleBox;  // the CropBox clipped to the MediaBox: what viewers show and print
  int rotate = 0;      // /Rotate of the page (0, 90, 180, 270)
};

/// Turns a 1-based page number (negative counts from the end: -1 = last) into a 0-based index;
/// PdfPageOutOfRange when it is 0 or beyond the document.
Result<int> resolvePage(int pageNumber, int pageCount);

/// Opens the PDF with qpdf: NotAPdf / PdfDamaged / FileNotFound. `pageNumber` as resolvePage.
Result<PageGeometry> pageGeometry(const std::filesystem::path& pdf, int pageNumber);

/// Display space: the page as viewers show it after /Rotate, in points, x to the right and y up,
/// with the displayed visible box's bottom-left corner at (visibleBox.llx, visibleBox.lly). On an
/// unrotated page it is PDF user space; on a page with /Rotate 90 or 270 its width and height are
/// the visible box's height and width.
PdfRect displayBox(const PageGeometry& g);
/// Display space to PDF user space and back (rectangles stay axis-aligned: /Rotate is a multiple
/// of 90 degrees).
PdfRect displayToUser(const PdfRect& d, const PageGeometry& g);
PdfRect userToDisplay(const PdfRect& u, const PageGeometry& g);

/// Parses "X,Y,W,H" (each number optionally with "mm"; points otherwise) measured from the top-left
/// corner of `pageBox` (the page's visible box) into PDF user space; UsageError when malformed,
/// RectangleOffPage when any part lies outside `pageBox` or the size is not positive.
/// Pass displayBox(g) to measure from the top-left corner of the page as displayed (then
/// displayToUser the result).
Result<PdfRect> parseRect(std::string_view spec, const PdfRect& pageBox);
/// RectangleOffPage unless `r` has a positive size and lies within `pageBox`.
Status checkOnPage(const PdfRect& r, const PdfRect& pageBox);

/// A run of words on one line of a page, with its box in PDF user space.
struct TextSegment {
  std::string text;  // UTF-8, as extracted
  PdfRect box;
};
/// The page's text as segments (boxes: PDF user space on an unrotated page; on a rotated page
/// see segmentsToDisplay): words on the same baseline, split where the gap between words is
/// wider than about two characters (so "Nơi nhận:" and "GIÁM ĐỐC" on one line stay apart).
Result<std::vector<TextSegment>> pageSegments(const std::filesystem::path& pdf, int pageIndex);

/// Moves pageSegments' boxes into display space (poppler extracts a rotated page as displayed).
void segmentsToDisplay(std::vector<TextSegment>& segs, const PageGeometry& g);

/// The space between the signer's title line and name line, where the approval signature goes.
/// Coordinates are in display space (the same as PDF user space unless the page has /Rotate).
struct SignerSlot {
  int pageIndex = 0;
  double centerX = 0;  // horizontal centre of the title and name lines
  double top = 0;      // bottom of the title line (PDF y, larger = higher)
  double bottom = 0;   // top of the name line
  std::string titleText, nameText;
};
/// Finds the signer's name (exact line match after NFC, case and space folding) and, above it, the
/// title (exact match, also after a leading "KT.", "TM.", "TL.", "TUQ.", "Q." is removed; when
/// `title` is empty, the nearest line above the name). Searches `pageIndex`, or every page from the
/// last when it is empty. PlacementNotFound when either is missing or the gap is under 10 mm.
Result<SignerSlot> findSignerSlot(const std::filesystem::path& pdf, std::optional<int> pageIndex,
                                  const std::string& name, const std::string& title);

/// A visible, signed signature widget already on a page.
struct SignatureWidget {
  int pageIndex = 0;
  PdfRect rect;
  std::string fieldName;
  bool kysoApproved = false;  // its appearance says /KysoKind /approved
};
/// Signed (/V present), visible signature widgets, in page order.
Result<std::vector<SignatureWidget>> signatureWidgets(const std::filesystem::path& pdf);
/// The approval signature to put the seal over: on `pageIndex` (or, when empty, the last page that
/// has one), the last widget marked approved by kyso, else the last visible signature widget.
/// ApprovalNotFound when there is none.
Result<SignatureWidget> findApprovalWidget(const std::filesystem::path& pdf,
                                           std::optional<int> pageIndex);

}  // namespace kyso::appearance
