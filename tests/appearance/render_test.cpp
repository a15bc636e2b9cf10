// End to end: the sample letter approved (handwriting between "GIÁM ĐỐC" and the name), issued
// (the seal at real size over the approval's left third) and stamped as a copy; each appearance is
// written into the PDF with qpdf as a signature widget, rendered with pdftoppm and checked by
// pixels, by reference images, by pdftotext and by pdffonts.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "src/appearance/compose.h"
#include "src/appearance/pdf_syntax.h"
#include "src/appearance/placement.h"
#include "src/appearance/poppler_text.h"
#include "tests/appearance/test_support.h"

namespace kyso::appearance {
namespace {
namespace fs = std::filesystem;
using test::run;
using test::shq;

const auto kSigningTime =
    std::chrono::system_clock::from_time_t(1788685302);  // 2026-09-06T09:01:42Z
constexpr double kDpi = 100;
constexpr double kPageH = 841.89;
constexpr double kPageW = 595.276;

struct PxRect {
  double x0, y0, x1, y1;
};
PxRect toPx(const PdfRect& r) {
  const double s = kDpi / 72.0;
  return {r.llx * s, (kPageH - r.ury) * s, r.urx * s, (kPageH - r.lly) * s};
}

// Compares a region of a raster with a reference PNG kept in tests/appearance/reference.
// KYSO_UPDATE_REFERENCES=1 rewrites the reference instead.
void compareWithReference(const test::Raster& r, PxRect box, const std::string& name) {
  const int x0 = static_cast<int>(std::floor(box.x0)), y0 = static_cast<int>(std::floor(box.y0));
  const int w = static_cast<int>(std::ceil(box.x1)) - x0,
            h = static_cast<int>(std::ceil(box.y1)) - y0;
  const char* src = std::getenv("KYSO_SOURCE_DIR");
  const fs::path ref = fs::path(src ? src : ".") / "tests/appearance/reference" / (name + ".png");
  if (const char* u = std::getenv("KYSO_UPDATE_REFERENCES"); u && std::string(u) == "1") {
    test::TempDir tmp;
    std::ofstream f(tmp / "crop.ppm", std::ios::binary);
    f << "P6\n" << w << " " << h << "\n255\n";
    for (int y = 0; y < h; ++y) f.write(reinterpret_cast<const char*>(r.at(x0, y0 + y)), w * 3);
    f.close();
    int st = 0;
    run("convert " + shq((tmp / "crop.ppm").string()) + " -strip PNG24:" + shq(ref.string()), &st);
    ASSERT_EQ(st, 0);
    return;
  }
  auto img = loadImage(ref);
  ASSERT_TRUE(img.ok()) << "reference " << ref << ": " << img.error().technical();
  ASSERT_NEAR(static_cast<int>(img->width), w, 1) << name;
  ASSERT_NEAR(static_cast<int>(img->height), h, 1) << name;
  const int cw = std::min<int>(w, static_cast<int>(img->width)),
            ch = std::min<int>(h, static_cast<int>(img->height));
  long long sum = 0, far = 0;
  for (int y = 0; y < ch; ++y)
    for (int x = 0; x < cw; ++x)
      for (int c = 0; c < 3; ++c) {
        const int a = r.at(x0 + x, y0 + y)[c];
        const int b = static_cast<unsigned char>(
            img->rgb[(static_cast<std::size_t>(y) * img->width + x) * 3 + c]);
        sum += std::abs(a - b);
        if (std::abs(a - b) > 80) ++far;
      }
  const double n = 3.0 * cw * ch;
  EXPECT_LT(sum / n, 6.0) << name << ": mean difference";
  EXPECT_LT(far / n, 0.02) << name << ": share of very different samples";
}

class RenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* t : {"convert", "pdftoppm", "pdftotext", "pdffonts"}) KYSO_REQUIRE_TOOL(t);
    test::makeLetterPdf(dir / "letter.pdf", test::sampleLetterLines());
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
  test::TempDir dir;
};

TEST_F(RenderTest, ApprovedIssuedCopyLookAsTheDecreeSays) {
  // 1. Approval: handwriting centred between the title and the name.
  Request ra = request(Kind::Approved, dir / "letter.pdf");
  ra.image = dir / "sig.png";
  ra.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "Giám đốc"}};
  auto approved = makeAppearance(ra);
  ASSERT_TRUE(approved.ok()) << approved.error().technical();
  EXPECT_TRUE(approved->notes.empty());
  EXPECT_EQ(approved->pageIndex, 0);
  const PdfRect ar = approved->rect;
  EXPECT_LT(ar.ury, kPageH - 520 + 1);   // below the title's baseline
  EXPECT_GT(ar.lly, kPageH - 640 + 10);  // above the name's cap height
  EXPECT_NEAR((ar.llx + ar.urx) / 2, 430, 2);
  EXPECT_NEAR(ar.width() / ar.height(), 600.0 / 240.0, 0.01);  // aspect kept
  test::stampAppearance(dir / "letter.pdf", dir / "approved.pdf", *approved, "Approval");

  const test::Raster r1 = test::renderPage(dir / "approved.pdf", 0, kDpi);
  const PxRect apx = toPx(ar);
  const auto blue = test::findPixels(r1, test::isBlue);
  ASSERT_GT(blue.count, 500);
  EXPECT_GE(blue.x0, apx.x0 - 1);
  EXPECT_LE(blue.x1, apx.x1 + 1);
  EXPECT_GE(blue.y0, apx.y0 - 1);
  EXPECT_LE(blue.y1, apx.y1 + 1);
  // The stroke spans most of the box: the image was not shrunk into a corner.
  EXPECT_GT(blue.x1 - blue.x0, (apx.x1 - apx.x0) * 0.8);

  // 2. Issue: the seal at its real size over the approval's left third, centred vertically.
  auto found = findApprovalWidget(dir / "approved.pdf", std::nullopt);
  ASSERT_TRUE(found.ok()) << found.error().technical();
  EXPECT_TRUE(found->kysoApproved);
  EXPECT_EQ(found->fieldName, "Approval");
  Request ri = request(Kind::Issued, dir / "approved.pdf");
  ri.image = dir / "seal.png";
  ri.fields = {{"doc_number", "286/SYT-VP"}};
  auto issued = makeAppearance(ri);
  ASSERT_TRUE(issued.ok()) << issued.error().technical();
  test::stampAppearance(dir / "approved.pdf", dir / "issued.pdf", *issued, "Seal");
  const test::Raster r2 = test::renderPage(dir / "issued.pdf", 0, kDpi);
  const auto red = test::findPixels(r2, test::isRed);
  ASSERT_GT(red.count, 2000);
  const double sealPx = 472 / 300.0 * kDpi;  // 40 mm
  EXPECT_NEAR(red.x1 - red.x0 + 1, sealPx, 3);
  EXPECT_NEAR(red.y1 - red.y0 + 1, sealPx, 3);
  const double third = apx.x0 + (apx.x1 - apx.x0) / 3;
  EXPECT_NEAR(red.x1 + 1, third, 3);  // covers up to the left third's edge
  EXPECT_GT(red.x1, apx.x0);          // overlaps the signature
  EXPECT_NEAR((red.y0 + red.y1 + 1) / 2.0, (apx.y0 + apx.y1) / 2, 3);
  // The signature is still visible to the right of the seal.
  EXPECT_GT(test::findPixels(r2, test::isBlue).count, blue.count / 3);
  int st = 0;
  const std::string issuedText =
      run("pdftotext -enc UTF-8 " + shq((dir / "issued.pdf").string()) + " -", &st);
  ASSERT_EQ(st, 0);
  // The letter was numbered and dated already, with the same number: nothing is written on it.
  EXPECT_TRUE(issued->marks.empty());
  EXPECT_NE(issuedText.find("Số: 286/SYT-VP"), std::string::npos) << issuedText;
  compareWithReference(
      r2, toPx(PdfRect{issued->rect.llx, ar.lly - 20, ar.urx, std::max(ar.ury, issued->rect.ury)}),
      "approved-issued");

  // 3. Copy stamp by another unit: top right of page 1, exact text, embedded subset font.
  Request rc = request(Kind::Copy, dir / "issued.pdf");
  rc.fields = {{"copy_form", "sao-y"}, {"org", "Trung tâm Y tế huyện Đức Trọng"}};
  auto copy = makeAppearance(rc);
  ASSERT_TRUE(copy.ok()) << copy.error().technical();
  EXPECT_EQ(copy->pageIndex, 0);
  EXPECT_NEAR(copy->rect.urx, 595.276 - 10 * kPtPerMm, 0.01);
  EXPECT_NEAR(copy->rect.ury, kPageH - 6 * kPtPerMm, 0.01);
  test::stampAppearance(dir / "issued.pdf", dir / "copy.pdf", *copy, "Copy");
  const PdfRect cr = copy->rect;
  const std::string crop = " -x " + std::to_string(static_cast<int>(cr.llx)) + " -y " +
                           std::to_string(static_cast<int>(kPageH - cr.ury)) + " -W " +
                           std::to_string(static_cast<int>(cr.width() + 1)) + " -H " +
                           std::to_string(static_cast<int>(cr.height() + 1));
  std::string stamp = run(
      "pdftotext -enc UTF-8 -f 1 -l 1 -r 72" + crop + " " + shq((dir / "copy.pdf").string()) + " -",
      &st);
  ASSERT_EQ(st, 0);
  while (!stamp.empty() && (stamp.back() == '\f' || stamp.back() == '\n')) stamp.pop_back();
  EXPECT_EQ(stamp, "SAO Y\nTrung tâm Y tế huyện Đức Trọng\n2026-09-06T16:01:42+07:00");
  // pdffonts: the stamp adds one font (cairo's own fonts are also CID TrueType: compare names).
  auto fontNames = [&](const fs::path& pdf) {
    std::vector<std::string> out;
    std::istringstream in(run("pdffonts " + shq(pdf.string()), &st));
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  };
  const auto before = fontNames(dir / "issued.pdf");
  const auto after = fontNames(dir / "copy.pdf");
  ASSERT_EQ(after.size(), before.size() + 1);
  std::string fonts;
  bool subsetEmbedded = false;
  for (const auto& line : after) {
    const std::string name = line.substr(0, line.find(' '));
    bool old = false;
    for (const auto& b : before) old = old || b.substr(0, b.find(' ')) == name;
    if (old) continue;
    fonts += line + "\n";
    // e.g. "ABCDEF+LiberationSerif  CID TrueType  Identity-H  yes yes yes  12  0"
    if (line.size() > 7 && line[6] == '+' && line.find("Serif") != std::string::npos &&
        line.find("CID TrueType") != std::string::npos &&
        line.find("Identity-H") != std::string::npos &&
        line.find("yes yes yes") != std::string::npos)
      subsetEmbedded = true;
  }
  EXPECT_TRUE(subsetEmbedded) << fonts;
  const test::Raster r3 = test::renderPage(dir / "copy.pdf", 0, kDpi);
  const PxRect cpx = toPx(cr);
  // Black text inside the stamp; in the top band right of the page's middle nothing else is dark.
  const auto dark =
      test::findPixels(r3, [&](int r, int g, int b) { return r < 80 && g < 80 && b < 80; });
  ASSERT_GT(dark.count, 0);
  int inside = 0, outside = 0;
  for (int y = 0; y < static_cast<int>(cpx.y1) + 40; ++y)
    for (int x = r3.width / 2; x < r3.width; ++x) {
      const auto* p = r3.at(x, y);
      if (!(p[0] < 80 && p[1] < 80 && p[2] < 80)) continue;
      if (x >= cpx.x0 - 1 && x <= cpx.x1 + 1 && y >= cpx.y0 - 1 && y <= cpx.y1 + 1)
        ++inside;
      else
        ++outside;
    }
  EXPECT_GT(inside, 200);
  EXPECT_EQ(outside, 0);
  compareWithReference(r3, cpx, "copy-stamp");
}

// Issue: the number goes after "Số:" (into the blank before the printed symbol) and the date into
// "ngày ... tháng ... năm ...", in the letter's font size; a different number already there is
// refused; the seal carries no text.
TEST_F(RenderTest, IssuedWritesNumberAndDateIntoTheLetter) {
  auto lines = test::sampleLetterLines();
  for (auto& l : lines) {
    if (l.text.rfind("Số:", 0) == 0) l.text = "Số:          /SYT-VP";
    if (l.text.find("ngày") != std::string::npos) l.text = "Lâm Đồng, ngày        tháng        năm";
  }
  test::makeLetterPdf(dir / "blank.pdf", lines);
  Request ra = request(Kind::Approved, dir / "blank.pdf");
  ra.image = dir / "sig.png";
  ra.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "Giám đốc"}};
  auto approved = makeAppearance(ra);
  ASSERT_TRUE(approved.ok()) << approved.error().technical();
  test::stampAppearance(dir / "blank.pdf", dir / "approved.pdf", *approved, "Approval");

  Request ri = request(Kind::Issued, dir / "approved.pdf");
  ri.image = dir / "seal.png";
  ri.fields = {{"doc_number", "286/SYT-VP"}};  // issue date: the signing date, 06/09/2026
  auto issued = makeAppearance(ri);
  ASSERT_TRUE(issued.ok()) << issued.error().technical();
  ASSERT_EQ(issued->marks.size(), 4u);  // 286, 06, 9, 2026
  EXPECT_EQ(issued->marks[0].text, "286");
  EXPECT_EQ(issued->marks[1].text, "06");
  EXPECT_EQ(issued->marks[2].text, "9");  // Decree 30: a leading 0 only for months 1 and 2
  EXPECT_EQ(issued->marks[3].text, "2026");
  // In the letter's font size: a mark's box is ascent + descent (1.107 em) + 2 pt of padding.
  EXPECT_NEAR((issued->marks[0].rect.height() - 2) / 1.107, 12, 0.6);
  EXPECT_NEAR((issued->marks[1].rect.height() - 2) / 1.107, 13, 0.6);
  // On the "Số:" line: its baseline is 95 pt from the top.
  EXPECT_LT(issued->marks[0].rect.lly, kPageH - 95);
  EXPECT_GT(issued->marks[0].rect.ury, kPageH - 95);
  test::stampAppearance(dir / "approved.pdf", dir / "issued.pdf", *issued, "Seal");

  int st = 0;
  const std::string text =
      run("pdftotext -enc UTF-8 " + shq((dir / "issued.pdf").string()) + " -", &st);
  ASSERT_EQ(st, 0);
  // The number sits in the blank after "Số:", against the printed symbol: one word.
  EXPECT_NE(text.find("Số:"), std::string::npos) << text;
  EXPECT_NE(text.find("286/SYT-VP"), std::string::npos) << text;
  EXPECT_NE(text.find("Lâm Đồng, ngày 06 tháng 9 năm 2026"), std::string::npos) << text;
  // Pixels: ink appeared in the blank after "Số:" and nowhere else near the letter's head.
  const test::Raster before = test::renderPage(dir / "approved.pdf", 0, kDpi);
  const test::Raster after = test::renderPage(dir / "issued.pdf", 0, kDpi);
  const PxRect num = toPx(issued->marks[0].rect);
  int newInk = 0, strayInk = 0;
  for (int y = 0; y < static_cast<int>(140 * kDpi / 72); ++y)
    for (int x = 0; x < after.width; ++x) {
      const bool was = before.at(x, y)[0] < 100, is = after.at(x, y)[0] < 100;
      if (!is || was) continue;
      bool inMark = false;
      for (const auto& m : issued->marks) {
        const PxRect p = toPx(m.rect);
        inMark = inMark || (x >= p.x0 - 1 && x <= p.x1 + 1 && y >= p.y0 - 1 && y <= p.y1 + 1);
      }
      (inMark ? newInk : strayInk)++;
    }
  EXPECT_GT(newInk, 100);
  EXPECT_EQ(strayInk, 0);
  EXPECT_GT(num.x0, 60 + 18 * kDpi / 72);  // after "Số:"
  // The seal's own appearance has no text: nothing but red is added below the head.
  EXPECT_NEAR(issued->rect.width(), issued->rect.height(), 0.01);

  // Issuing again with another number: the letter already has one.
  Request again = request(Kind::Issued, dir / "issued.pdf");
  again.image = dir / "seal.png";
  again.fields = {{"doc_number", "287/SYT-VP"}};
  auto refused = makeAppearance(again);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, Errc::LetterAlreadyFilled) << refused.error().technical();
  // A letter without "Số:" cannot be numbered.
  auto noNumber = test::sampleLetterLines();
  noNumber.erase(noNumber.begin() + 1);
  test::makeLetterPdf(dir / "nonumber.pdf", noNumber);
  test::stampAppearance(dir / "nonumber.pdf", dir / "nonumber-approved.pdf", *approved, "A");
  again.pdf = dir / "nonumber-approved.pdf";
  auto missing = makeAppearance(again);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Errc::LetterPlaceNotFound) << missing.error().technical();
}

// Issue 17: the day and month of an italic date line are set in italics (in an upright line,
// upright), and the number ends against the printed symbol, "286/SYT-VP", without a gap.
TEST_F(RenderTest, IssuedMarksFollowTheLineStyleAndTouchTheSymbol) {
  for (const bool italicLine : {true, false}) {
    SCOPED_TRACE(italicLine ? "italic date line" : "upright date line");
    auto lines = test::sampleLetterLines();
    for (auto& l : lines) {
      if (l.text.rfind("Số:", 0) == 0) l.text = "Số:          /SYT-VP";
      if (l.text.find("ngày") != std::string::npos) {
        l.text = "Lâm Đồng, ngày        tháng        năm 2026";
        l.italic = italicLine;
      }
    }
    const fs::path blank = dir / (italicLine ? "blank-i.pdf" : "blank-u.pdf");
    const fs::path issuedPdf = dir / (italicLine ? "issued-i.pdf" : "issued-u.pdf");
    test::makeLetterPdf(blank, lines);
    Request ra = request(Kind::Approved, blank);
    ra.image = dir / "sig.png";
    ra.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "Giám đốc"}};
    auto approved = makeAppearance(ra);
    ASSERT_TRUE(approved.ok()) << approved.error().technical();
    test::stampAppearance(blank, dir / "approved.pdf", *approved, "Approval");
    Request ri = request(Kind::Issued, dir / "approved.pdf");
    ri.image = dir / "seal.png";
    ri.fields = {{"doc_number", "286/SYT-VP"}};
    auto issued = makeAppearance(ri);
    ASSERT_TRUE(issued.ok()) << issued.error().technical();
    test::stampAppearance(dir / "approved.pdf", issuedPdf, *issued, "Seal");

    // poppler reads the marks' text from their appearances, with their fonts.
    auto words = pageWords(issuedPdf, 0);
    ASSERT_TRUE(words.ok()) << words.error().technical();
    const PageWord *number = nullptr, *symbol = nullptr, *day = nullptr, *month = nullptr;
    for (const auto& w : words->words) {
      if (w.text == "286") number = &w;
      if (w.text == "/SYT-VP") symbol = &w;
      if (w.text == "06") day = &w;
      if (w.text == "9") month = &w;
    }
    ASSERT_TRUE(day && month) << "the filled day and month";
    EXPECT_EQ(day->italic, italicLine);
    EXPECT_EQ(month->italic, italicLine);
    if (number && symbol) {  // poppler keeps them apart when the mark is its own annotation
      EXPECT_FALSE(number->italic);
      EXPECT_NEAR(number->x1, symbol->x0, 0.6) << "no gap before /SYT-VP";
    } else {
      bool joined = false;
      for (const auto& w : words->words) joined = joined || w.text == "286/SYT-VP";
      EXPECT_TRUE(joined) << "the number and the symbol read as one word";
    }
  }
}

// Issue 17: the incoming-document stamp does not cover the national motto at the top right: it
// goes to the first free space (here under the date line), clear of every line of text; a page
// whose top half is all text gets it at the top right with a warning.
TEST_F(RenderTest, IncomingStampFindsFreeSpaceBesideTheHeader) {
  auto lines = test::sampleLetterLines();
  lines.push_back({"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 0, 57, 430, 12, true});
  lines.push_back({"Độc lập - Tự do - Hạnh phúc", 0, 73, 430, 13, true});
  test::makeLetterPdf(dir / "motto.pdf", lines);
  Request rn = request(Kind::Incoming, dir / "motto.pdf");
  rn.fields = {{"org", "Văn phòng Sở Y tế"}, {"arrival_number", "1234"}};
  auto incoming = makeAppearance(rn);
  ASSERT_TRUE(incoming.ok()) << incoming.error().technical();
  EXPECT_TRUE(incoming->notes.empty());
  auto segs = pageSegments(dir / "motto.pdf", 0);
  ASSERT_TRUE(segs.ok());
  const PdfRect& r = incoming->rect;
  const PdfRect topRight{kPageW - 28.35 - 198.43, kPageH - 17.01 - 56.69, kPageW - 28.35,
                         kPageH - 17.01};
  auto overlaps = [](const PdfRect& a, const PdfRect& b) {
    return a.llx < b.urx && b.llx < a.urx && a.lly < b.ury && b.lly < a.ury;
  };
  int underTopRight = 0;
  for (const auto& seg : *segs) {
    EXPECT_FALSE(overlaps(r, seg.box)) << "the stamp covers \"" << seg.text << "\"";
    underTopRight += overlaps(topRight, seg.box);
  }
  EXPECT_GT(underTopRight, 0) << "control: the top right corner holds the motto";
  EXPECT_LT(r.ury, kPageH - 120 + 13) << "under the date line";
  EXPECT_GT(r.lly, kPageH / 2) << "in the top half";
  EXPECT_NE(incoming->placementInfo.find("free space"), std::string::npos)
      << incoming->placementInfo;

  std::vector<test::LetterLine> full;
  for (int i = 0; i < 30; ++i)
    full.push_back({"Dòng chữ kín trang " + std::to_string(i) + " — " + std::string(60, 'x'), 40,
                    30.0 + 14 * i, 0, 12, false});
  test::makeLetterPdf(dir / "full.pdf", full);
  rn.pdf = dir / "full.pdf";
  auto over = makeAppearance(rn);
  ASSERT_TRUE(over.ok()) << over.error().technical();
  ASSERT_EQ(over->notes.size(), 1u);
  EXPECT_EQ(over->notes[0].kind, Errc::StampOverText);
  EXPECT_NEAR(over->rect.urx, topRight.urx, 0.05);
  EXPECT_NEAR(over->rect.ury, topRight.ury, 0.05);
}

TEST_F(RenderTest, AppendixIncomingAndApprovedWithText) {
  Request rp = request(Kind::Appendix, dir / "letter.pdf");
  rp.fields = {{"doc_number", "286/SYT-VP"}};
  auto appendix = makeAppearance(rp);
  ASSERT_TRUE(appendix.ok()) << appendix.error().technical();
  test::stampAppearance(dir / "letter.pdf", dir / "appendix.pdf", *appendix, "Appendix");
  int st = 0;
  std::string t = run("pdftotext -enc UTF-8 " + shq((dir / "appendix.pdf").string()) + " -", &st);
  EXPECT_NE(t.find("286/SYT-VP\n2026-09-06T16:01:42+07:00"), std::string::npos) << t;

  Request rn = request(Kind::Incoming, dir / "letter.pdf");
  rn.fields = {{"org", "Văn phòng Sở Y tế"}, {"arrival_number", "1234"}};
  auto incoming = makeAppearance(rn);
  ASSERT_TRUE(incoming.ok()) << incoming.error().technical();
  test::stampAppearance(dir / "letter.pdf", dir / "incoming.pdf", *incoming, "Incoming");
  t = run("pdftotext -enc UTF-8 " + shq((dir / "incoming.pdf").string()) + " -", &st);
  EXPECT_NE(t.find("Văn phòng Sở Y tế"), std::string::npos) << t;
  EXPECT_NE(t.find("Số: 1234"), std::string::npos) << t;
  const test::Raster ri = test::renderPage(dir / "incoming.pdf", 0, kDpi);
  const auto frame =
      test::findPixels(ri, [](int r, int g, int b) { return r > 120 && g < 60 && b < 60; });
  const PxRect ipx = toPx(incoming->rect);
  ASSERT_GT(frame.count, 100);
  EXPECT_NEAR(frame.x0, ipx.x0, 2);
  EXPECT_NEAR(frame.x1, ipx.x1, 2);
  EXPECT_NEAR(frame.y0, ipx.y0, 2);
  EXPECT_NEAR(frame.y1, ipx.y1, 2);

  Request ra = request(Kind::Approved, dir / "letter.pdf");
  ra.templateSpec = "approved-with-text";
  ra.image = dir / "sig.png";
  ra.fields = {{"name", "Nguyễn Nam Hùng"}, {"title", "GIÁM ĐỐC"}};
  auto approved = makeAppearance(ra);
  ASSERT_TRUE(approved.ok()) << approved.error().technical();
  test::stampAppearance(dir / "letter.pdf", dir / "approved-text.pdf", *approved, "Approval");
  t = run("pdftotext -enc UTF-8 " + shq((dir / "approved-text.pdf").string()) + " -", &st);
  EXPECT_NE(t.find("Ký bởi: Nguyễn Nam Hùng"), std::string::npos) << t;
  EXPECT_NE(t.find("Thời gian ký: 2026-09-06T16:01:42+07:00"), std::string::npos) << t;
}

}  // namespace
}  // namespace kyso::appearance
