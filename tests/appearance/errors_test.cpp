// Bad input to makeAppearance gets a clear error, never a crash or a guess: placement not found,
// no approval to seal over, unknown seal size, text that does not fit, missing font, page out of
// range, rectangle off the page, missing fields, wrong template, bad images.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "src/appearance/compose.h"
#include "src/appearance/pdf_syntax.h"
#include "tests/appearance/test_support.h"

namespace kyso::appearance {
namespace {
namespace fs = std::filesystem;

class ErrorsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("convert");
    test::makeLetterPdf(dir / "letter.pdf", test::sampleLetterLines(), 2);
    test::makeSignaturePng(dir / "sig.png");
    test::makeSealPng(dir / "seal.png", 472, 300);
    test::makeSealPng(dir / "seal-nodpi.png", 400, 0);
  }
  Request request(Kind kind) {
    Request r;
    r.kind = kind;
    r.pdf = dir / "letter.pdf";
    r.signingTime = std::chrono::system_clock::from_time_t(1788685302);
    return r;
  }
  static Errc kindOf(const Result<Appearance>& r) { return r.ok() ? Errc::Ok : r.error().kind; }
  test::TempDir dir;
};

TEST_F(ErrorsTest, PlacementIsNeverGuessed) {
  Request r = request(Kind::Approved);
  r.image = dir / "sig.png";
  r.fields = {{"name", "Trần Thị Lấp Lánh"}, {"title", "Giám đốc"}};
  auto a = makeAppearance(r);
  EXPECT_EQ(kindOf(a), Errc::PlacementNotFound);
  // With an explicit rectangle the same request works, on the last page by default.
  r.rect = "100mm,200mm,60mm,25mm";
  a = makeAppearance(r);
  ASSERT_TRUE(a.ok()) << a.error().technical();
  EXPECT_EQ(a->pageIndex, 1);
  EXPECT_NEAR(a->rect.width(), 60 * kPtPerMm, 1e-6);
  // No signer name at all.
  r = request(Kind::Approved);
  r.image = dir / "sig.png";
  a = makeAppearance(r);
  EXPECT_EQ(kindOf(a), Errc::UsageError);
  EXPECT_EQ(a.error().context, "name");
  // The image is required.
  r.fields = {{"name", "Nguyễn Nam Hùng"}};
  r.image.reset();
  a = makeAppearance(r);
  EXPECT_EQ(kindOf(a), Errc::UsageError);
  EXPECT_EQ(a.error().context, "image");
}

TEST_F(ErrorsTest, SealNeedsAnApprovalAndASize) {
  Request r = request(Kind::Issued);
  r.image = dir / "seal.png";
  r.fields = {{"doc_number", "286/SYT-VP"}};
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::ApprovalNotFound);
  // This letter's head ("Số:", the date line) is on its last page: the shipped template with
  // "letter": { "page": -1 }.
  std::string json(shippedTemplateJson("issued"));
  const std::string pageOne = "\"page\": 1";
  ASSERT_NE(json.find(pageOne), std::string::npos);
  json.replace(json.find(pageOne), pageOne.size(), "\"page\": -1");
  {
    std::ofstream f(dir / "issued-last-page.json");
    f << json;
  }
  r.templateSpec = (dir / "issued-last-page.json").string();

  // Put an approval on the last page, then seal: without pHYs and without --seal-size-mm refuse.
  Request ra = request(Kind::Approved);
  ra.image = dir / "sig.png";
  ra.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "GIÁM ĐỐC"}};
  auto approved = makeAppearance(ra);
  ASSERT_TRUE(approved.ok()) << approved.error().technical();
  test::stampAppearance(dir / "letter.pdf", dir / "approved.pdf", *approved, "Approval");
  r.pdf = dir / "approved.pdf";
  r.image = dir / "seal-nodpi.png";
  auto a = makeAppearance(r);
  EXPECT_EQ(kindOf(a), Errc::UsageError);
  EXPECT_EQ(a.error().context, "seal_size_mm");
  r.sealSizeMm = 38;
  a = makeAppearance(r);
  ASSERT_TRUE(a.ok()) << a.error().technical();
  EXPECT_EQ(a->pageIndex, 1);
  EXPECT_NEAR(a->rect.width(), 38 * kPtPerMm, 1e-6);  // seal area spans the box's width
  r.sealSizeMm = 400;
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::UsageError);
  // The seal on a page with no approval.
  r.sealSizeMm = 38;
  r.page = 1;
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::ApprovalNotFound);
  // The document number is required by the issued template.
  r.page.reset();
  r.fields.clear();
  a = makeAppearance(r);
  EXPECT_EQ(kindOf(a), Errc::UsageError);
  EXPECT_EQ(a.error().context, "doc_number");
}

TEST_F(ErrorsTest, TextShrinksThenRefuses) {
  Request r = request(Kind::Copy);
  r.fields = {{"copy_form", "SAO LỤC"},
              {"org", "Trung tâm Kiểm soát bệnh tật tỉnh Lâm Đồng, Sở Y tế"}};
  auto a = makeAppearance(r);  // longer than 80 mm at 10 pt: shrinks, still fits
  ASSERT_TRUE(a.ok()) << a.error().technical();
  r.fields["org"] = std::string(300, 'W');
  a = makeAppearance(r);
  EXPECT_EQ(kindOf(a), Errc::TextDoesNotFit);
  r.fields["org"] = "Sở Y tế";
  r.rect = "300,20,60,10";  // three lines of 10 pt do not fit 10 pt high
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::TextDoesNotFit);
}

TEST_F(ErrorsTest, FontsPagesRectsFieldsTemplates) {
  Request r = request(Kind::Appendix);
  r.fields = {{"doc_number", "286/SYT-VP"}};
  ASSERT_TRUE(makeAppearance(r).ok());

  const fs::path tpl = dir / "font.json";
  std::ofstream(tpl) << R"({"format":"kyso-appearance/1","kind":"appendix","placement":"top-right",
      "text":{"font":"/nonexistent/kyso/Font.ttf","lines":["{doc_number}"]}})";
  r.templateSpec = tpl.string();
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::FontMissing);
  // A file that is not a font.
  std::ofstream(dir / "fake.ttf") << "not a font";
  std::ofstream(tpl) << R"({"format":"kyso-appearance/1","kind":"appendix","placement":"top-right",
      "text":{"font":")" + (dir / "fake.ttf").string() +
                            R"(","lines":["{doc_number}"]}})";
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::FontMissing);
  // No font installed: an empty font folder only.
  r.templateSpec.clear();
  fs::create_directory(dir / "nofonts");
  ::setenv("KYSO_FONT_DIR", (dir / "nofonts").c_str(), 1);
  ::setenv("KYSO_FONT_DIR_ONLY", "1", 1);
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::FontMissing);
  ::unsetenv("KYSO_FONT_DIR");
  ::unsetenv("KYSO_FONT_DIR_ONLY");

  r.page = 3;
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::PdfPageOutOfRange);
  r.page = -3;
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::PdfPageOutOfRange);
  r.page = -1;
  auto last = makeAppearance(r);
  ASSERT_TRUE(last.ok());
  EXPECT_EQ(last->pageIndex, 1);
  r.page.reset();
  r.rect = "500,10,200,40";
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::RectangleOffPage);
  r.rect = "10,10,abc,40";
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::UsageError);
  r.rect.reset();

  r.fields.clear();
  auto missing = makeAppearance(r);
  EXPECT_EQ(kindOf(missing), Errc::UsageError);
  EXPECT_EQ(missing.error().context, "doc_number");

  r.templateSpec = "copy";  // a template for another kind
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::TemplateInvalid);
  r.templateSpec = (dir / "none.json").string();
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::FileNotFound);

  Request c = request(Kind::Copy);
  c.fields = {{"copy_form", "bản chính"}, {"org", "Sở Y tế"}};
  auto badForm = makeAppearance(c);
  EXPECT_EQ(kindOf(badForm), Errc::UsageError);
  EXPECT_EQ(badForm.error().operation, "copy_form");

  auto notPdf = request(Kind::Copy);
  notPdf.pdf = dir / "sig.png";
  notPdf.fields = {{"copy_form", "sao y"}, {"org", "Sở Y tế"}};
  EXPECT_EQ(kindOf(makeAppearance(notPdf)), Errc::NotAPdf);
}

TEST_F(ErrorsTest, StampsGoOnTheVisiblePart) {
  // A page cropped by 50 pt on the right and 40 pt at the top: the copy stamp follows the crop.
  test::setCropBox(dir / "letter.pdf", dir / "cropped.pdf", PdfRect{0, 0, 545.276, 801.89});
  Request r = request(Kind::Copy);
  r.pdf = dir / "cropped.pdf";
  r.fields = {{"copy_form", "trích sao"}, {"org", "Sở Y tế"}};
  auto a = makeAppearance(r);
  ASSERT_TRUE(a.ok()) << a.error().technical();
  EXPECT_NEAR(a->rect.urx, 545.276 - 10 * kPtPerMm, 1e-6);
  EXPECT_NEAR(a->rect.ury, 801.89 - 6 * kPtPerMm, 1e-6);
  r.rect = "0,0,250,45";
  a = makeAppearance(r);
  ASSERT_TRUE(a.ok()) << a.error().technical();
  EXPECT_NEAR(a->rect.ury, 801.89, 1e-6);
  r.rect = "400,0,200,45";  // inside the MediaBox but beyond the crop
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::RectangleOffPage);
}

TEST_F(ErrorsTest, BadImagesAndImagesWithoutAlpha) {
  Request r = request(Kind::Approved);
  r.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "GIÁM ĐỐC"}};
  r.image = dir / "letter.pdf";  // not a PNG
  EXPECT_EQ(kindOf(makeAppearance(r)), Errc::ImageInvalid);
  int st = 0;
  test::run("convert -size 300x120 xc:white -fill '#0030c8' -draw 'rectangle 20,40 280,80' PNG24:" +
                test::shq((dir / "scan.png").string()),
            &st);
  ASSERT_EQ(st, 0);
  r.image = dir / "scan.png";
  auto a = makeAppearance(r);
  ASSERT_TRUE(a.ok()) << a.error().technical();
  ASSERT_EQ(a->notes.size(), 1u);
  EXPECT_EQ(a->notes[0].kind, Errc::ImageNoAlpha);
  r.imageOptions.whiteTransparent = true;
  a = makeAppearance(r);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->notes.empty());
  // The same scan as a JPEG: accepted without the option, its paper made transparent, no note.
  test::run("convert " + test::shq((dir / "scan.png").string()) + " -quality 85 " +
                test::shq((dir / "scan.jpg").string()),
            &st);
  ASSERT_EQ(st, 0);
  r.imageOptions = {};
  r.image = dir / "scan.jpg";
  a = makeAppearance(r);
  ASSERT_TRUE(a.ok()) << a.error().technical();
  EXPECT_TRUE(a->notes.empty());
}

}  // namespace
}  // namespace kyso::appearance
