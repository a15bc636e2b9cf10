// Pages with /Rotate 90, 180 and 270 whose content is drawn so that they display upright (as
// scanners and landscape exports make them): every placement is measured on the page as displayed
// and every appearance reads upright. Each appearance is stamped with qpdf, the page is rendered
// with pdftoppm (which shows it as a viewer does) and the pixels and pdftotext are checked against
// the same expectations as on an unrotated page.
#include <gtest/gtest.h>

#include <string>

#include "src/appearance/compose.h"
#include "src/appearance/pdf_syntax.h"
#include "src/appearance/placement.h"
#include "tests/appearance/test_support.h"

namespace kyso::appearance {
namespace {
namespace fs = std::filesystem;
using test::run;
using test::shq;

const auto kSigningTime =
    std::chrono::system_clock::from_time_t(1788685302);  // 2026-09-06T09:01:42Z
constexpr double kDpi = 72;                              // one pixel per point
constexpr double kDispW = 595.276, kDispH = 841.89;      // A4 portrait as displayed

// A display-space rectangle in pixels of the displayed page (top-left origin).
struct PxRect {
  double x0, y0, x1, y1;
};
PxRect displayPx(const PdfRect& userRect, const PageGeometry& g) {
  const PdfRect d = userToDisplay(userRect, g);
  const PdfRect page = displayBox(g);
  return {d.llx - page.llx, page.ury - d.ury, d.urx - page.llx, page.ury - d.lly};
}
bool isDark(int r, int g, int b) {
  return r < 80 && g < 80 && b < 80;
}

class RotationTest : public ::testing::TestWithParam<int> {
 protected:
  void SetUp() override {
    for (const char* t : {"convert", "pdftoppm", "pdftotext"}) KYSO_REQUIRE_TOOL(t);
    test::makeLetterPdf(dir / "letter.pdf", test::sampleLetterLines(), 1, GetParam());
    test::makeSignaturePng(dir / "sig.png");
    test::makeSealPng(dir / "seal.png", 472, 300);  // 40 mm at 300 dpi
  }
  Request request(Kind kind, const fs::path& pdf) {
    Request r;
    r.kind = kind;
    r.pdf = pdf;
    r.signingTime = kSigningTime;
    return r;
  }
  PageGeometry geometry(const fs::path& pdf) {
    auto g = pageGeometry(pdf, 1);
    EXPECT_TRUE(g.ok());
    return g.ok() ? *g : PageGeometry{};
  }
  // pdftotext of a displayed-page region (pixels = points at 72 dpi).
  std::string textIn(const fs::path& pdf, const PxRect& r) {
    int st = 0;
    std::string t =
        run("pdftotext -enc UTF-8 -r 72 -x " + std::to_string(int(r.x0)) + " -y " +
                std::to_string(int(r.y0)) + " -W " + std::to_string(int(r.x1 - r.x0 + 1)) + " -H " +
                std::to_string(int(r.y1 - r.y0 + 1)) + " " + shq(pdf.string()) + " -",
            &st);
    EXPECT_EQ(st, 0);
    while (!t.empty() && (t.back() == '\f' || t.back() == '\n')) t.pop_back();
    return t;
  }
  test::TempDir dir;
};

TEST_P(RotationTest, PlacementIsMeasuredOnTheDisplayedPageAndReadsUpright) {
  const int rotate = GetParam();
  const PageGeometry g = geometry(dir / "letter.pdf");
  ASSERT_EQ(g.rotate, rotate);
  EXPECT_NEAR(displayBox(g).width(), kDispW, 0.01);
  EXPECT_NEAR(displayBox(g).height(), kDispH, 0.01);

  // The letter displays upright: its lines come out of pdftotext in reading order.
  int st = 0;
  const std::string letterText =
      run("pdftotext -enc UTF-8 " + shq((dir / "letter.pdf").string()) + " -", &st);
  EXPECT_NE(letterText.find("Số: 286/SYT-VP"), std::string::npos) << letterText;

  // 1. Approval, placed automatically between "GIÁM ĐỐC" (baseline 520 pt from the displayed
  // top) and "Nguyễn Nam Hùng" (640 pt), centred on x = 430 pt.
  Request ra = request(Kind::Approved, dir / "letter.pdf");
  ra.image = dir / "sig.png";
  ra.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "Giám đốc"}};
  auto approved = makeAppearance(ra);
  ASSERT_TRUE(approved.ok()) << approved.error().technical();
  EXPECT_EQ(approved->rotate, rotate);
  const PxRect apx = displayPx(approved->rect, g);
  EXPECT_GT(apx.y0, 520 - 1);
  EXPECT_LT(apx.y1, 640 - 10);
  EXPECT_NEAR((apx.x0 + apx.x1) / 2, 430, 2);
  EXPECT_NEAR((apx.x1 - apx.x0) / (apx.y1 - apx.y0), 600.0 / 240.0, 0.01);
  test::stampAppearance(dir / "letter.pdf", dir / "approved.pdf", *approved, "Approval");
  const test::Raster r1 = test::renderPage(dir / "approved.pdf", 0, kDpi);
  ASSERT_NEAR(r1.width, kDispW, 1);
  ASSERT_NEAR(r1.height, kDispH, 1);
  const auto blue = test::findPixels(r1, test::isBlue);
  ASSERT_GT(blue.count, 200);
  EXPECT_GE(blue.x0, apx.x0 - 1);
  EXPECT_LE(blue.x1, apx.x1 + 1);
  EXPECT_GE(blue.y0, apx.y0 - 1);
  EXPECT_LE(blue.y1, apx.y1 + 1);
  // Upright: the stroke is a wide band across the box, not a tall one.
  EXPECT_GT(blue.x1 - blue.x0, (apx.x1 - apx.x0) * 0.8);
  EXPECT_GT(blue.x1 - blue.x0, 2 * (blue.y1 - blue.y0));

  // 2. The seal over the left third of the approval as displayed, vertically centred on it.
  Request ri = request(Kind::Issued, dir / "approved.pdf");
  ri.image = dir / "seal.png";
  ri.fields = {{"doc_number", "286/SYT-VP"}};
  auto issued = makeAppearance(ri);
  ASSERT_TRUE(issued.ok()) << issued.error().technical();
  test::stampAppearance(dir / "approved.pdf", dir / "issued.pdf", *issued, "Seal");
  const test::Raster r2 = test::renderPage(dir / "issued.pdf", 0, kDpi);
  const auto red = test::findPixels(r2, test::isRed);
  ASSERT_GT(red.count, 500);
  const double sealPx = 40 * kPtPerMm;
  EXPECT_NEAR(red.x1 - red.x0 + 1, sealPx, 3);
  EXPECT_NEAR(red.y1 - red.y0 + 1, sealPx, 3);
  EXPECT_NEAR(red.x1 + 1, apx.x0 + (apx.x1 - apx.x0) / 3, 3);
  EXPECT_NEAR((red.y0 + red.y1 + 1) / 2.0, (apx.y0 + apx.y1) / 2, 3);

  // 3. A copy stamp at the displayed top right, text upright and exact.
  Request rc = request(Kind::Copy, dir / "issued.pdf");
  rc.fields = {{"copy_form", "sao-y"}, {"org", "Trung tâm Y tế huyện Đức Trọng"}};
  auto copy = makeAppearance(rc);
  ASSERT_TRUE(copy.ok()) << copy.error().technical();
  test::stampAppearance(dir / "issued.pdf", dir / "copy.pdf", *copy, "Copy");
  const PxRect cpx = displayPx(copy->rect, g);
  EXPECT_NEAR(cpx.x1, kDispW - 10 * kPtPerMm, 0.01);
  EXPECT_NEAR(cpx.y0, 6 * kPtPerMm, 0.01);
  EXPECT_NEAR(cpx.x1 - cpx.x0, 80 * kPtPerMm, 0.01);
  EXPECT_NEAR(cpx.y1 - cpx.y0, 16 * kPtPerMm, 0.01);
  EXPECT_EQ(textIn(dir / "copy.pdf", cpx),
            "SAO Y\nTrung tâm Y tế huyện Đức Trọng\n2026-09-06T16:01:42+07:00");
  const test::Raster r3 = test::renderPage(dir / "copy.pdf", 0, kDpi);
  int inside = 0, outside = 0;
  test::PixelBox ink;
  for (int y = 0; y < static_cast<int>(cpx.y1) + 40; ++y)
    for (int x = r3.width / 2; x < r3.width; ++x) {
      const auto* p = r3.at(x, y);
      if (!isDark(p[0], p[1], p[2])) continue;
      if (x >= cpx.x0 - 1 && x <= cpx.x1 + 1 && y >= cpx.y0 - 1 && y <= cpx.y1 + 1) {
        ++inside;
        ink.x0 = std::min(ink.x0, x);
        ink.x1 = std::max(ink.x1, x);
        ink.y0 = std::min(ink.y0, y);
        ink.y1 = std::max(ink.y1, y);
      } else {
        ++outside;
      }
    }
  EXPECT_GT(inside, 100);
  EXPECT_EQ(outside, 0);
  // Three upright lines of 10 pt text: much wider than tall, starting at the box's left edge.
  EXPECT_GT(ink.x1 - ink.x0, 2 * (ink.y1 - ink.y0));
  EXPECT_LT(ink.x0 - cpx.x0, 5);

  // 4. --rect X,Y,W,H from the displayed page's top-left corner.
  Request rr = request(Kind::Copy, dir / "letter.pdf");
  rr.fields = rc.fields;
  rr.rect = "20mm,2mm,80mm,16mm";  // above the letter's first line (70 pt)
  auto byRect = makeAppearance(rr);
  ASSERT_TRUE(byRect.ok()) << byRect.error().technical();
  const PxRect rpx = displayPx(byRect->rect, g);
  EXPECT_NEAR(rpx.x0, 20 * kPtPerMm, 0.01);
  EXPECT_NEAR(rpx.y0, 2 * kPtPerMm, 0.01);
  EXPECT_NEAR(rpx.x1, 100 * kPtPerMm, 0.01);
  EXPECT_NEAR(rpx.y1, 18 * kPtPerMm, 0.01);
  test::stampAppearance(dir / "letter.pdf", dir / "rect.pdf", *byRect, "Rect");
  EXPECT_EQ(textIn(dir / "rect.pdf", rpx),
            "SAO Y\nTrung tâm Y tế huyện Đức Trọng\n2026-09-06T16:01:42+07:00");
  const test::Raster r4 = test::renderPage(dir / "rect.pdf", 0, kDpi);
  const auto dark = test::findPixels(r4, [&](int r, int gg, int b) { return isDark(r, gg, b); });
  // The only ink above the letter's first line (70 pt) is the stamp's.
  int strayAbove = 0, inRect = 0;
  for (int y = 0; y < 55; ++y)
    for (int x = 0; x < r4.width; ++x) {
      const auto* p = r4.at(x, y);
      if (!isDark(p[0], p[1], p[2])) continue;
      if (x >= rpx.x0 - 1 && x <= rpx.x1 + 1 && y >= rpx.y0 - 1 && y <= rpx.y1 + 1)
        ++inRect;
      else
        ++strayAbove;
    }
  EXPECT_GT(dark.count, 0);
  EXPECT_GT(inRect, 100);
  EXPECT_EQ(strayAbove, 0);

  // A rectangle inside the unrotated page but off the displayed one is refused.
  Request off = rr;
  off.rect = "560,20,80,40";  // x + w = 640 pt: within 842 pt of user space at 90/270, but off
                              // the displayed width of 595 pt
  auto refused = makeAppearance(off);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, Errc::RectangleOffPage);
}

INSTANTIATE_TEST_SUITE_P(Rotate, RotationTest, ::testing::Values(0, 90, 180, 270));

}  // namespace
}  // namespace kyso::appearance
