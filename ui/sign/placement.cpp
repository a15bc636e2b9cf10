#include "ui/sign/placement.h"

#include <algorithm>
#include <cmath>

namespace kyso::ui {
namespace {

PdfRectF normalised(PdfRectF r) {
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
          std::max(r.lly, r.ury)};
}

struct PdfPoint {
  double x, y;
};

// (u, v) are fractions of the displayed page: u left to right, v top to bottom. The page image is
// the visible box turned clockwise by `rotate`; undoing that turn gives the point in user space.
PdfPoint displayToPdf(const PageGeometry& g, double u, double v) {
  const PdfRectF& b = g.visible;
  const double w = b.width(), h = b.height();
  switch (g.rotate) {
    case 90:
      return {b.llx + v * w, b.lly + u * h};
    case 180:
      return {b.urx - u * w, b.lly + v * h};
    case 270:
      return {b.urx - v * w, b.ury - u * h};
    default:
      return {b.llx + u * w, b.ury - v * h};
  }
}

// The exact inverse of displayToPdf.
QPointF pdfToDisplay(const PageGeometry& g, PdfPoint p) {
  const PdfRectF& b = g.visible;
  const double w = b.width(), h = b.height();
  switch (g.rotate) {
    case 90:
      return {(p.y - b.lly) / h, (p.x - b.llx) / w};
    case 180:
      return {(b.urx - p.x) / w, (p.y - b.lly) / h};
    case 270:
      return {(b.ury - p.y) / h, (b.urx - p.x) / w};
    default:
      return {(p.x - b.llx) / w, (b.ury - p.y) / h};
  }
}

}  // namespace

Result<PageGeometry> PageGeometry::fromBoxes(PdfRectF mediaBox, PdfRectF cropBox, int rotate) {
  const PdfRectF m = normalised(mediaBox);
  PdfRectF c = normalised(cropBox);
  c = {std::max(c.llx, m.llx), std::max(c.lly, m.lly), std::min(c.urx, m.urx),
       std::min(c.ury, m.ury)};
  if (!(m.width() > 0 && m.height() > 0) || !(c.width() > 0 && c.height() > 0)) {
    return Error::kyso(Errc::PdfDamaged, "PageGeometry::fromBoxes", "empty MediaBox or CropBox")
        .because(Detail::Technical);
  }
  if (rotate % 90 != 0) {
    return Error::kyso(Errc::PdfDamaged, "PageGeometry::fromBoxes",
                       "/Rotate " + std::to_string(rotate) + " is not a multiple of 90")
        .because(Detail::Technical);
  }
  PageGeometry g;
  g.visible = c;
  g.rotate = ((rotate % 360) + 360) % 360;
  return g;
}

QSizeF PageGeometry::displaySize() const {
  const bool quarter = rotate == 90 || rotate == 270;
  return quarter ? QSizeF(visible.height(), visible.width())
                 : QSizeF(visible.width(), visible.height());
}

Result<PdfRectF> widgetToPdf(const PageGeometry& page, const QRectF& pageInWidget,
                             const QRectF& drawn) {
  const QRectF d = drawn.normalized();
  if (pageInWidget.width() <= 0 || pageInWidget.height() <= 0 || d.width() <= 0 ||
      d.height() <= 0) {
    return Error::kyso(Errc::RectangleOffPage, "widgetToPdf", "empty rectangle")
        .because(Detail::Technical);
  }
  constexpr double kTolerance = 0.5;  // pixels: rounding of the drawn rectangle
  if (d.left() < pageInWidget.left() - kTolerance || d.top() < pageInWidget.top() - kTolerance ||
      d.right() > pageInWidget.right() + kTolerance ||
      d.bottom() > pageInWidget.bottom() + kTolerance) {
    return Error::kyso(Errc::RectangleOffPage, "widgetToPdf", "rectangle outside the page")
        .because(Detail::Technical);
  }
  auto frac = [&](double x, double y) {
    const double u = std::clamp((x - pageInWidget.left()) / pageInWidget.width(), 0.0, 1.0);
    const double v = std::clamp((y - pageInWidget.top()) / pageInWidget.height(), 0.0, 1.0);
    return displayToPdf(page, u, v);
  };
  const PdfPoint a = frac(d.left(), d.top());
  const PdfPoint b = frac(d.right(), d.bottom());
  return normalised({a.x, a.y, b.x, b.y});
}

QRectF pdfToWidget(const PageGeometry& page, const QRectF& pageInWidget, const PdfRectF& rect) {
  const PdfRectF r = normalised(rect);
  const QPointF a = pdfToDisplay(page, {r.llx, r.lly});
  const QPointF b = pdfToDisplay(page, {r.urx, r.ury});
  auto toWidget = [&](QPointF f) {
    return QPointF(pageInWidget.left() + f.x() * pageInWidget.width(),
                   pageInWidget.top() + f.y() * pageInWidget.height());
  };
  return QRectF(toWidget(a), toWidget(b)).normalized();
}

QRectF clampToPage(const QRectF& pageInWidget, const QRectF& drawn) {
  QRectF r = drawn.normalized();
  r.setWidth(std::min(r.width(), pageInWidget.width()));
  r.setHeight(std::min(r.height(), pageInWidget.height()));
  if (r.left() < pageInWidget.left()) r.moveLeft(pageInWidget.left());
  if (r.top() < pageInWidget.top()) r.moveTop(pageInWidget.top());
  if (r.right() > pageInWidget.right()) r.moveRight(pageInWidget.right());
  if (r.bottom() > pageInWidget.bottom()) r.moveBottom(pageInWidget.bottom());
  return r;
}

}  // namespace kyso::ui
