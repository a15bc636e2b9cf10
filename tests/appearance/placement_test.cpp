// Placement (placement.h): pages, --rect, title and name lines found with poppler-cpp.
#include "src/appearance/placement.h"

#include <gtest/gtest.h>

#include "src/appearance/pdf_syntax.h"
#include "tests/appearance/test_support.h"

namespace kyso::appearance {
namespace {

const PdfRect kA4{0, 0, 595.276, 841.89};

TEST(Placement, ResolvesPages) {
  EXPECT_EQ(*resolvePage(1, 3), 0);
  EXPECT_EQ(*resolvePage(3, 3), 2);
  EXPECT_EQ(*resolvePage(-1, 3), 2);
  EXPECT_EQ(*resolvePage(-3, 3), 0);
  for (int bad : {0, 4, -4, 100}) {
    auto r = resolvePage(bad, 3);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, Errc::PdfPageOutOfRange);
  }
}

TEST(Placement, ParsesRectFromTopLeft) {
  auto pt = parseRect("100,50,200,80", kA4);
  ASSERT_TRUE(pt.ok());
  EXPECT_NEAR(pt->llx, 100, 1e-9);
  EXPECT_NEAR(pt->ury, 841.89 - 50, 1e-9);
  EXPECT_NEAR(pt->lly, 841.89 - 130, 1e-9);
  EXPECT_NEAR(pt->urx, 300, 1e-9);
  auto mm = parseRect("10mm, 20mm, 50mm, 25.4mm", kA4);
  ASSERT_TRUE(mm.ok());
  EXPECT_NEAR(mm->llx, 10 * kPtPerMm, 1e-9);
  EXPECT_NEAR(mm->height(), 72, 1e-9);
  EXPECT_NEAR(mm->ury, 841.89 - 20 * kPtPerMm, 1e-9);
  // A page whose MediaBox does not start at 0 0.
  auto shifted = parseRect("0,0,10,10", PdfRect{100, 200, 400, 600});
  ASSERT_TRUE(shifted.ok());
  EXPECT_NEAR(shifted->llx, 100, 1e-9);
  EXPECT_NEAR(shifted->ury, 600, 1e-9);

  for (const char* bad : {"", "1,2,3", "a,b,c,d", "1,2,3,4,5", "1,2,3mmx,4", "1,,3,4"}) {
    auto r = parseRect(bad, kA4);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, Errc::UsageError) << bad;
  }
  for (const char* off :
       {"500,10,200,50", "10,800,100,100", "-5,10,50,50", "10,10,0,50", "10,10,50,-3"}) {
    auto r = parseRect(off, kA4);
    ASSERT_FALSE(r.ok()) << off;
    EXPECT_EQ(r.error().kind, Errc::RectangleOffPage) << off;
  }
}

TEST(Placement, FindsTitleAndNameLines) {
  test::TempDir dir;
  const auto pdf = dir / "letter.pdf";
  test::makeLetterPdf(pdf, test::sampleLetterLines(), 2);
  auto geo = pageGeometry(pdf, -1);
  ASSERT_TRUE(geo.ok()) << geo.error().technical();
  EXPECT_EQ(geo->pageCount, 2);
  EXPECT_EQ(geo->pageIndex, 1);
  EXPECT_NEAR(geo->mediaBox.urx, 595.276, 0.01);

  auto segs = pageSegments(pdf, 1);
  ASSERT_TRUE(segs.ok()) << segs.error().technical();
  bool sawTitle = false;
  for (const auto& s : *segs) {
    if (s.text == "GIÁM ĐỐC") {
      sawTitle = true;
      // Baseline at 520 pt from the top, 13 pt type: the box is around y = 841.89 - 520.
      EXPECT_NEAR(s.box.lly, 841.89 - 520, 5);
      EXPECT_NEAR((s.box.llx + s.box.urx) / 2, 430, 2);
    }
    EXPECT_NE(s.text.find("Nơi nhận: GIÁM"), 0u) << "two columns merged: " << s.text;
  }
  EXPECT_TRUE(sawTitle);

  // Title in the certificate's case, name decomposed (NFD): still found.
  auto slot = findSignerSlot(pdf, std::nullopt, "Nguye\xCC\x82\xCC\x83n Nam Hùng", "Giám đốc");
  ASSERT_TRUE(slot.ok()) << slot.error().technical();
  EXPECT_EQ(slot->pageIndex, 1);
  EXPECT_NEAR(slot->centerX, 430, 2);
  EXPECT_GT(slot->top, slot->bottom + 80);
  EXPECT_LT(slot->top, 841.89 - 520 + 1);
  EXPECT_GT(slot->bottom, 841.89 - 640);

  // No title given: the nearest line above the name.
  auto noTitle = findSignerSlot(pdf, 1, "NGUYỄN NAM HÙNG", "");
  ASSERT_TRUE(noTitle.ok());
  EXPECT_EQ(noTitle->titleText, "GIÁM ĐỐC");

  for (auto [name, title] :
       {std::pair{"Trần Văn B", "Giám đốc"}, std::pair{"Nguyễn Nam Hùng", "Phó Giám đốc"}}) {
    auto miss = findSignerSlot(pdf, std::nullopt, name, title);
    ASSERT_FALSE(miss.ok()) << name;
    EXPECT_EQ(miss.error().kind, Errc::PlacementNotFound);
  }
  auto wrongPage = findSignerSlot(pdf, 0, "Nguyễn Nam Hùng", "Giám đốc");
  ASSERT_FALSE(wrongPage.ok());
  EXPECT_EQ(wrongPage.error().kind, Errc::PlacementNotFound);
}

TEST(Placement, RefusesWhatIsNotAPdf) {
  test::TempDir dir;
  auto missing = pageGeometry(dir / "none.pdf", 1);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Errc::FileNotFound);
  {
    std::FILE* f = std::fopen((dir / "x.pdf").c_str(), "w");
    std::fputs("hello, not a pdf\n", f);
    std::fclose(f);
  }
  auto notPdf = pageGeometry(dir / "x.pdf", 1);
  ASSERT_FALSE(notPdf.ok());
  EXPECT_EQ(notPdf.error().kind, Errc::NotAPdf);
  auto noWidgets = findApprovalWidget(dir / "x.pdf", std::nullopt);
  ASSERT_FALSE(noWidgets.ok());
}

}  // namespace
}  // namespace kyso::appearance
