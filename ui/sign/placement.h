// Placement mapping: a pure translation between the page preview (widget pixels, origin top-left,
// y down, the page shown as a PDF viewer shows it: the CropBox, turned clockwise by /Rotate) and
// PDF default user space (points, y up), which is where a signature widget's /Rect lives. No Qt
// widgets, no I/O; tested in tests/ui/placement_test.cpp on rotated and cropped pages.
#pragma once

#include <QRectF>
#include <QSizeF>

#include "core/result.h"

namespace kyso::ui {

/// A rectangle in PDF default user space: lower-left and upper-right corners, in points.
struct PdfRectF {
  double llx = 0, lly = 0, urx = 0, ury = 0;
  double width() const { return urx - llx; }
  double height() const { return ury - lly; }
  bool contains(const PdfRectF& o, double eps = 1e-6) const {
    return o.llx >= llx - eps && o.lly >= lly - eps && o.urx <= urx + eps && o.ury <= ury + eps;
  }
};

/// What a page looks like for placement: its visible box (CropBox clipped to the MediaBox) and
/// its /Rotate normalised to 0, 90, 180 or 270 (clockwise, as the PDF specification says).
struct PageGeometry {
  PdfRectF visible;
  int rotate = 0;

  /// Builds the geometry from the page's boxes as read from the file. The boxes may be given with
  /// corners in any order; the CropBox is clipped to the MediaBox (ISO 32000-1, 14.11.2). Fails
  /// with PdfDamaged when a box is empty or /Rotate is not a multiple of 90.
  static Result<PageGeometry> fromBoxes(PdfRectF mediaBox, PdfRectF cropBox, int rotate);
  /// The page as shown: points wide and high after rotation.
  QSizeF displaySize() const;
};

/// Maps a rectangle drawn over the preview to PDF user space. `pageInWidget` is where the whole
/// visible page is drawn in the widget; `drawn` is the user's rectangle in the same coordinates.
/// The result is normalised (llx < urx, lly < ury). Fails with RectangleOffPage when `drawn` is
/// not inside the page (a tolerance of half a pixel is allowed) or is empty.
Result<PdfRectF> widgetToPdf(const PageGeometry& page, const QRectF& pageInWidget,
                             const QRectF& drawn);

/// The inverse: where a PDF user-space rectangle (the automatic placement) appears in the widget.
QRectF pdfToWidget(const PageGeometry& page, const QRectF& pageInWidget, const PdfRectF& rect);

/// Clamps a rectangle drawn by the user so that it stays inside `pageInWidget` (moving it first,
/// then shrinking it only when it is larger than the page). Used while dragging and resizing.
QRectF clampToPage(const QRectF& pageInWidget, const QRectF& drawn);

}  // namespace kyso::ui
