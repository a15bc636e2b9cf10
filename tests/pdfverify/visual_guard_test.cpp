// The visual guard (src/pdfverify/visual_guard.h): where an annotation's rectangle falls on a page
// as rendered (each /Rotate), the pixel comparison and its allowed areas, and the guard on real
// documents: a second signature with a visible appearance looks as signed once its widget is
// allowed, and the same file compared with no area allowed shows the difference exactly there.
// So the guard finds what changed on a page without the rules' help.
#include "src/pdfverify/visual_guard.h"

#include <gtest/gtest.h>

#include <cmath>

#include "src/pdfverify/report.h"
#include "tests/pdfverify/pdf_builder.h"
#include "tests/pdfverify/verify_fixture.h"

namespace kyso::test {
namespace {

using pdfverify::PageArea;
using pdfverify::RenderedPage;
using pdfverify::VisualCheck;

RenderedPage blankPage(double w, double h, int rotation, double dpi = 72) {
  RenderedPage p;
  p.rendered = true;
  p.dpi = dpi;
  p.crop_x0 = 0;
  p.crop_y0 = 0;
  p.crop_x1 = w;
  p.crop_y1 = h;
  p.rotation = rotation;
  const bool turned = rotation == 90 || rotation == 270;
  p.width = static_cast<int>(std::lround((turned ? h : w) * dpi / 72));
  p.height = static_cast<int>(std::lround((turned ? w : h) * dpi / 72));
  p.gray.assign(static_cast<std::size_t>(p.width * p.height), 255);
  return p;
}

TEST(VisualGuardPixels, AreaFallsWhereEachRotationShowsIt) {
  const PageArea a{1, 10, 10, 30, 20};  // x 10..30, y 10..20 on a 200 x 100 page
  struct Case {
    int rotation;
    int x0, y0, x1, y1;
  } cases[] = {
      {0, 10, 80, 30, 90}, {90, 10, 10, 20, 30}, {180, 170, 10, 190, 20}, {270, 80, 170, 90, 190}};
  for (auto c : cases) {
    SCOPED_TRACE(c.rotation);
    auto b = pdfverify::areaToPixels(a, blankPage(200, 100, c.rotation), 0);
    EXPECT_EQ(b.x0, c.x0);
    EXPECT_EQ(b.y0, c.y0);
    EXPECT_EQ(b.x1, c.x1);
    EXPECT_EQ(b.y1, c.y1);
  }
  // Padding is clipped to the image; an area off the page is empty.
  auto edge = pdfverify::areaToPixels({1, -50, -50, 5, 5}, blankPage(200, 100, 0), 3);
  EXPECT_EQ(edge.x0, 0);
  EXPECT_EQ(edge.y1, 100);
  auto off = pdfverify::areaToPixels({1, 500, 500, 600, 600}, blankPage(200, 100, 0), 0);
  EXPECT_EQ(off.x0, off.x1);
}

TEST(VisualGuardPixels, DifferencesOutsideAllowedAreasAreBoxed) {
  auto before = blankPage(200, 100, 0), after = before;
  // Ink at x 50..59, y 30..34 (pixels from the top), and more inside an allowed area.
  for (int y = 30; y < 35; ++y)
    for (int x = 50; x < 60; ++x) after.gray[static_cast<std::size_t>(y * after.width + x)] = 0;
  after.gray[static_cast<std::size_t>(85 * after.width + 15)] = 0;  // inside {10..30, 10..20}
  auto d = pdfverify::comparePage(1, before, after, {{1, 10, 10, 30, 20}});
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->kind, VisualCheck::DiffKind::Differs);
  EXPECT_DOUBLE_EQ(d->x, 50);
  EXPECT_DOUBLE_EQ(d->y, 30);
  EXPECT_DOUBLE_EQ(d->w, 10);
  EXPECT_DOUBLE_EQ(d->h, 5);
  // The same ink allowed (an area on this page) is no difference; on another page it is.
  EXPECT_FALSE(
      pdfverify::comparePage(1, before, after, {{1, 10, 10, 30, 20}, {1, 45, 60, 65, 75}}));
  EXPECT_TRUE(pdfverify::comparePage(2, before, after, {{1, 10, 10, 30, 20}, {1, 45, 60, 65, 75}}));
  // Anti-aliasing noise within the tolerance is no difference.
  auto noisy = before;
  noisy.gray[100] = 230;
  EXPECT_FALSE(pdfverify::comparePage(1, before, noisy, {}));
  // Another size or rotation is a difference of the whole page.
  auto turned = pdfverify::comparePage(1, before, blankPage(200, 100, 90), {});
  ASSERT_TRUE(turned.has_value());
  EXPECT_EQ(turned->kind, VisualCheck::DiffKind::PageResized);
}

class VisualGuardTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("openssl");
    std::string err;
    ASSERT_TRUE(makeSigner(m_dir.path(), &err)) << err;
  }
  // The base document signed, then a second signature whose widget draws a black box with text
  // at [300 100 500 160] on page 1, as a visible approval signature is written.
  std::pair<std::string, std::size_t> twoVisibleSignatures() {
    std::string err;
    SignedPdf s = makeSignedPdf(m_dir.path(), BaseOptions(), &err);
    EXPECT_FALSE(s.bytes.empty()) << err;
    std::string page = objectBody(s.bytes, 3), af = objectBody(s.bytes, 6);
    page.replace(page.rfind(']'), 1, " 20 0 R]");
    af.replace(af.find(']'), 1, " 20 0 R]");
    std::string two = appendSignedUpdate(
        m_dir.path(), s.bytes,
        {{3, page},
         {6, af},
         {20,
          "<< /FT /Sig /T (Signature2) /Type /Annot /Subtype /Widget /Rect [300 100 500 160] /F 4 "
          "/P 3 0 R /V 21 0 R /AP << /N 22 0 R >> >>"},
         {21, placeholderSigDict()},
         {22, streamObject("/Type /XObject /Subtype /Form /BBox [0 0 200 60] /Resources << /Font "
                           "<< /F1 5 0 R >> >>",
                           "0 g 0 0 200 60 re f 1 g BT /F1 14 Tf 10 25 Td (Nguyen Van A) Tj ET")}},
        23, &err);
    EXPECT_FALSE(two.empty()) << err;
    return {two, s.bytes.size()};
  }
  TempDir m_dir;
};

TEST_F(VisualGuardTest, AllowedVisibleSignatureLooksAsSignedAndWithoutItsAreaIsFoundThere) {
  auto [two, firstEnd] = twoVisibleSignatures();
  TestVerifier v({m_dir.path() / "signer.pem"}, "");
  auto r = v.bytes(two);
  ASSERT_EQ(r.signatures.size(), 2u) << pdfverify::reportJson(r).dump();
  const auto& first = r.signatures.front();
  EXPECT_EQ(first.modifications, pdfverify::Modifications::Allowed) << changesText(r, 0);
  EXPECT_EQ(first.visual.status, VisualCheck::Status::Compared) << first.visual.detail;
  EXPECT_EQ(first.visual.pages_compared, 1);
  EXPECT_TRUE(first.visual.differences.empty()) << pdfverify::reportText(r, Lang::En);
  EXPECT_EQ(r.signatures[1].visual.status, VisualCheck::Status::NotNeeded);

  // No area allowed: the guard alone finds the widget, where a reader sees it (the page is
  // 842 pt high: the rectangle's top at 160 pt is 682 pt from the top).
  auto bytes = pdfverify::FileBytes::fromMemory(two, "two.pdf");
  auto answers = pdfverify::runVisualGuard(*bytes, {{firstEnd, {}}}, {});
  ASSERT_EQ(answers.size(), 1u);
  ASSERT_EQ(answers[0].differences.size(), 1u);
  const auto& d = answers[0].differences[0];
  EXPECT_EQ(d.kind, VisualCheck::DiffKind::Differs);
  EXPECT_NEAR(d.x, 300, 3);
  EXPECT_NEAR(d.y, 682, 3);
  EXPECT_NEAR(d.w, 200, 4);
  EXPECT_NEAR(d.h, 60, 4);
  EXPECT_NE(pdfverify::visualDifferenceText(d, Lang::Vi).find("trang 1"), std::string::npos);
}

TEST_F(VisualGuardTest, BoundsAreReportedAndTurningItOffSaysSo) {
  auto [two, firstEnd] = twoVisibleSignatures();
  auto bytes = pdfverify::FileBytes::fromMemory(two, "two.pdf");
  pdfverify::VisualGuardOptions opt;
  opt.max_pages = 0;
  auto cut = pdfverify::runVisualGuard(*bytes, {{firstEnd, {}}}, opt);
  EXPECT_EQ(cut[0].cut_short, VisualCheck::Cut::Pages);
  EXPECT_EQ(cut[0].pages_compared, 0);
  EXPECT_NE(pdfverify::visualSummaryText(cut[0], Lang::En).find("page limit"), std::string::npos);
  opt = {};
  opt.max_file_bytes = 100;
  EXPECT_EQ(pdfverify::runVisualGuard(*bytes, {{firstEnd, {}}}, opt)[0].skipped,
            VisualCheck::Skip::FileTooLarge);
  opt = {};
  opt.enabled = false;
  EXPECT_EQ(pdfverify::runVisualGuard(*bytes, {{firstEnd, {}}}, opt)[0].skipped,
            VisualCheck::Skip::Disabled);
  // A signed revision that is not a PDF poppler can open is "could not be rendered", never a
  // pass.
  auto garbage = pdfverify::FileBytes::fromMemory(std::string(4000, 'x'), "x.pdf");
  auto bad = pdfverify::runVisualGuard(*garbage, {{100, {}}}, {});
  EXPECT_EQ(bad[0].status, VisualCheck::Status::Skipped);
  EXPECT_EQ(bad[0].skipped, VisualCheck::Skip::Unrenderable);
}

}  // namespace
}  // namespace kyso::test
