// The placement mapping on plain, rotated (90/180/270, negative), cropped and offset pages.
#include "ui/sign/placement.h"

#include <gtest/gtest.h>

#include <random>

namespace kyso::ui {
namespace {

void expectRect(const PdfRectF& r, double llx, double lly, double urx, double ury) {
  EXPECT_NEAR(r.llx, llx, 1e-6);
  EXPECT_NEAR(r.lly, lly, 1e-6);
  EXPECT_NEAR(r.urx, urx, 1e-6);
  EXPECT_NEAR(r.ury, ury, 1e-6);
}

PageGeometry geometry(PdfRectF media, PdfRectF crop, int rotate) {
  auto g = PageGeometry::fromBoxes(media, crop, rotate);
  EXPECT_TRUE(g.ok());
  return g.ok() ? *g : PageGeometry{};
}

const PdfRectF kLetter{0, 0, 612, 792};

TEST(Placement, UnrotatedPageScaledAndOffsetInWidget) {
  const PageGeometry g = geometry(kLetter, kLetter, 0);
  EXPECT_EQ(g.displaySize(), QSizeF(612, 792));
  // Page drawn at half size, 10 px from the left and 20 from the top.
  const QRectF page(10, 20, 306, 396);
  auto r = widgetToPdf(g, page, QRectF(10, 20, 50, 25));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 0, 742, 100, 792);  // top-left of the page: high y in PDF space
  r = widgetToPdf(g, page, QRectF(266, 391, 50, 25));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 512, 0, 612, 50);  // bottom-right corner
}

TEST(Placement, Rotated90) {
  const PageGeometry g = geometry(kLetter, kLetter, 90);
  EXPECT_EQ(g.displaySize(), QSizeF(792, 612));
  // Turned clockwise, the PDF origin (bottom-left) is shown at the top-left.
  auto r = widgetToPdf(g, QRectF(0, 0, 792, 612), QRectF(0, 0, 100, 50));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 0, 0, 50, 100);
  r = widgetToPdf(g, QRectF(0, 0, 792, 612), QRectF(692, 562, 100, 50));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 562, 692, 612, 792);
}

TEST(Placement, Rotated180) {
  const PageGeometry g = geometry(kLetter, kLetter, 180);
  auto r = widgetToPdf(g, QRectF(0, 0, 612, 792), QRectF(0, 0, 100, 50));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 512, 0, 612, 50);  // shown top-left = PDF bottom-right
}

TEST(Placement, Rotated270AndNegativeRotation) {
  const PageGeometry g = geometry(kLetter, kLetter, 270);
  auto r = widgetToPdf(g, QRectF(0, 0, 792, 612), QRectF(0, 0, 100, 50));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 562, 692, 612, 792);  // shown top-left = PDF top-right
  const PageGeometry neg = geometry(kLetter, kLetter, -90);
  EXPECT_EQ(neg.rotate, 270);
  EXPECT_EQ(geometry(kLetter, kLetter, 450).rotate, 90);
}

TEST(Placement, CropBoxShiftsTheOrigin) {
  const PageGeometry g = geometry(kLetter, {50, 100, 550, 700}, 0);
  EXPECT_EQ(g.displaySize(), QSizeF(500, 600));
  auto r = widgetToPdf(g, QRectF(0, 0, 500, 600), QRectF(0, 0, 10, 10));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 50, 690, 60, 700);
}

TEST(Placement, CroppedAndRotated90) {
  const PageGeometry g = geometry(kLetter, {50, 100, 550, 700}, 90);
  EXPECT_EQ(g.displaySize(), QSizeF(600, 500));
  auto r = widgetToPdf(g, QRectF(0, 0, 600, 500), QRectF(0, 0, 10, 20));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 50, 100, 70, 110);
}

TEST(Placement, CroppedAndRotated270WithNegativeMediaOrigin) {
  const PageGeometry g = geometry({-100, -200, 500, 600}, {0, 0, 400, 300}, 270);
  EXPECT_EQ(g.displaySize(), QSizeF(300, 400));
  // Shown at double size: the top-left 20x40 widget pixels are 10x20 points.
  auto r = widgetToPdf(g, QRectF(0, 0, 600, 800), QRectF(0, 0, 20, 40));
  ASSERT_TRUE(r.ok());
  expectRect(*r, 380, 290, 400, 300);
}

TEST(Placement, CropBoxIsClippedToMediaBoxAndCornersNormalised) {
  auto g = PageGeometry::fromBoxes({612, 792, 0, 0}, {-50, -50, 300, 900}, 0);
  ASSERT_TRUE(g.ok());
  expectRect(g->visible, 0, 0, 300, 792);
}

TEST(Placement, InvalidGeometryIsAnError) {
  auto bad = PageGeometry::fromBoxes(kLetter, kLetter, 45);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().kind, Errc::PdfDamaged);
  auto empty = PageGeometry::fromBoxes({0, 0, 0, 792}, kLetter, 0);
  ASSERT_FALSE(empty.ok());
  auto disjoint = PageGeometry::fromBoxes(kLetter, {700, 800, 900, 1000}, 0);
  ASSERT_FALSE(disjoint.ok());
}

TEST(Placement, RectangleOffThePageIsRefused) {
  const PageGeometry g = geometry(kLetter, kLetter, 90);
  auto r = widgetToPdf(g, QRectF(0, 0, 792, 612), QRectF(750, 10, 100, 50));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::RectangleOffPage);
  auto e = widgetToPdf(g, QRectF(0, 0, 792, 612), QRectF(10, 10, 0, 50));
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().kind, Errc::RectangleOffPage);
  // Half a pixel of rounding is accepted and clamped onto the page.
  auto edge = widgetToPdf(g, QRectF(0, 0, 792, 612), QRectF(692.4, 0, 100, 50));
  ASSERT_TRUE(edge.ok());
  EXPECT_LE(edge->ury, 792 + 1e-9);
}

TEST(Placement, RoundTripOnEveryRotationAndCrop) {
  std::mt19937 rng(42);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const PdfRectF crops[] = {kLetter, {50, 100, 550, 700}, {-30, 20, 400, 500}};
  for (const PdfRectF& crop : crops) {
    for (int rot : {0, 90, 180, 270}) {
      const PageGeometry g = geometry({-100, -100, 700, 900}, crop, rot);
      const QSizeF ds = g.displaySize();
      const QRectF page(13, 7, ds.width() * 0.7, ds.height() * 0.7);
      for (int i = 0; i < 50; ++i) {
        const double x = page.left() + unit(rng) * page.width() * 0.8;
        const double y = page.top() + unit(rng) * page.height() * 0.8;
        const QRectF drawn(x, y, 1 + unit(rng) * (page.right() - x - 1),
                           1 + unit(rng) * (page.bottom() - y - 1));
        auto pdf = widgetToPdf(g, page, drawn);
        ASSERT_TRUE(pdf.ok()) << "rotate " << rot;
        EXPECT_TRUE(g.visible.contains(*pdf));
        // A rectangle keeps its size in points, with width and height swapped by 90/270.
        const double scale = ds.width() / page.width();
        const bool quarter = rot == 90 || rot == 270;
        EXPECT_NEAR((quarter ? pdf->height() : pdf->width()), drawn.width() * scale, 1e-6);
        const QRectF back = pdfToWidget(g, page, *pdf);
        EXPECT_NEAR(back.left(), drawn.left(), 1e-6);
        EXPECT_NEAR(back.top(), drawn.top(), 1e-6);
        EXPECT_NEAR(back.width(), drawn.width(), 1e-6);
        EXPECT_NEAR(back.height(), drawn.height(), 1e-6);
      }
    }
  }
}

TEST(Placement, ClampKeepsTheRectangleOnThePage) {
  const QRectF page(10, 10, 100, 200);
  EXPECT_EQ(clampToPage(page, QRectF(90, 0, 40, 20)), QRectF(70, 10, 40, 20));
  EXPECT_EQ(clampToPage(page, QRectF(0, 190, 40, 40)), QRectF(10, 170, 40, 40));
  EXPECT_EQ(clampToPage(page, QRectF(0, 0, 500, 20)), QRectF(10, 10, 100, 20));
}

}  // namespace
}  // namespace kyso::ui
