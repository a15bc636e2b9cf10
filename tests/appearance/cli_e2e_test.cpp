// The end-to-end case through the real `kyso` binary: the sample letter approved by
// "GIÁM ĐỐC" Nguyễn Nam Hùng (automatic placement between title and name), then issued with the
// seal, then stamped as a copy by another unit. pdfsig must report three valid signatures; the
// rendered pages must show the handwriting in the approval box, the seal over its left third and
// the copy stamp's exact text at the top right of page 1.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>

#include "src/appearance/placement.h"
#include "tests/appearance/test_support.h"

namespace kyso::appearance {
namespace {
namespace fs = std::filesystem;
using test::run;
using test::shq;

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* t : {"convert", "pdftoppm", "pdftotext", "pdfsig"}) KYSO_REQUIRE_TOOL(t);
    kyso = fs::path(env("KYSO_BIN")) / "kyso";
    pki = env("KYSO_TEST_PKI");
    if (!fs::exists(kyso) || !fs::exists(pki / "org.key")) {
      if (env("CI") == "true") FAIL() << "kyso binary or test PKI missing: " << kyso << " " << pki;
      GTEST_SKIP() << "MISSING: the kyso binary (" << kyso << ") or the test PKI (" << pki << ")";
    }
    const fs::path sample = fs::path(env("KYSO_SHARED_DIR")) / "samples/cong-van-286-SYT-VP.txt";
    ASSERT_TRUE(fs::exists(sample)) << sample;
    // As the letter is before it is issued: blanks after "Số:" and in the date line.
    std::ifstream in(sample);
    std::ostringstream text;
    text << in.rdbuf();
    std::string letter = text.str();
    for (const auto& [from, to] :
         {std::pair<std::string, std::string>{"Số:286/SYT-VP", "Số:          /SYT-VP"},
          {"ngày 12 tháng 02 năm 2020", "ngày        tháng        năm"}}) {
      const auto at = letter.find(from);
      ASSERT_NE(at, std::string::npos) << from;
      letter.replace(at, from.size(), to);
    }
    std::ofstream(dir / "letter.txt") << letter;
    test::makeSampleLetterPdf(dir / "letter.txt", dir / "letter.pdf");
    test::makeSignaturePng(dir / "sig.png");
    test::makeSealPng(dir / "seal.png", 472, 300);
  }
  // Runs `kyso sign` with a key file; returns the exit status, output in *out.
  int sign(const std::string& in, const std::string& out, const std::string& key,
           const std::string& extra, std::string* text = nullptr) {
    int st = 0;
    const std::string o = run(
        "cd " + shq(dir.path().string()) + " && KYSO_LANG=en " + shq(kyso.string()) + " sign " +
            shq(in) + " -o " + shq(out) + " --key-file " + shq((pki / (key + ".key")).string()) +
            " --cert-file " + shq((pki / (key + ".pem")).string()) + " " + extra + " 2>&1",
        &st);
    if (text) *text = o;
    return st;
  }
  // The director approves the letter: approved.pdf, with the handwriting between title and name.
  int approve(std::string* text) {
    return sign("letter.pdf", "approved.pdf", "signer-rsa2048",
                "--kind approved --image sig.png --signer-name 'Nguyễn Nam Hùng' --signer-title "
                "'GIÁM ĐỐC'",
                text);
  }
  fs::path kyso, pki;
  test::TempDir dir;
};

TEST_F(CliTest, SampleLetterApprovedIssuedCopied) {
  std::string out;
  ASSERT_EQ(approve(&out), 0) << out;
  ASSERT_EQ(
      sign("approved.pdf", "issued.pdf", "org",
           "--kind issued --seal seal.png --doc-number 286/SYT-VP --issued-date 25/11/2026", &out),
      0)
      << out;
  // The number and the date went into the letter's own lines.
  int qst = 0;
  const std::string issuedText =
      run("pdftotext -enc UTF-8 " + shq((dir / "issued.pdf").string()) + " -", &qst);
  ASSERT_EQ(qst, 0);
  // The number against the printed symbol (one word), in the blank after "Số:".
  EXPECT_NE(issuedText.find("286/SYT-VP"), std::string::npos) << issuedText;
  EXPECT_EQ(issuedText.find("286 /SYT-VP"), std::string::npos) << issuedText;
  EXPECT_NE(issuedText.find("Thừa Thiên Huế, ngày 25 tháng 11 năm 2026"), std::string::npos)
      << issuedText;
  run("qpdf --check " + shq((dir / "issued.pdf").string()) + " >/dev/null 2>&1", &qst);
  EXPECT_EQ(qst, 0);
  // kyso verify names the number and date the issuing signature wrote (issue 17).
  for (const auto& [lang, words] :
       {std::pair<std::string, std::string>{"en",
                                            "with the unit's seal, number 286, dated "
                                            "25/11/2026"},
        {"vi", "đóng dấu của đơn vị, số 286, ngày 25/11/2026"}}) {
    const std::string said =
        run("cd " + shq(dir.path().string()) + " && KYSO_LANG=" + lang + " " + shq(kyso.string()) +
                " verify issued.pdf --offline --no-visual-check 2>&1",
            &qst);
    EXPECT_NE(said.find(words), std::string::npos) << said;
  }
  // Another number on an already numbered letter is refused, and nothing is written.
  EXPECT_NE(sign("issued.pdf", "again.pdf", "org",
                 "--kind issued --seal seal.png --doc-number 287/SYT-VP --seal-size-mm 38", &out),
            0);
  EXPECT_NE(out.find("already has a document number"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir / "again.pdf"));
  ASSERT_EQ(sign("issued.pdf", "copy.pdf", "org",
                 "--kind copy --copy-form sao-y --org 'Trung tâm Y tế huyện Đức Trọng'", &out),
            0)
      << out;

  int st = 0;
  const std::string sigs = run("pdfsig " + shq((dir / "copy.pdf").string()) + " 2>&1", &st);
  std::size_t valid = 0;
  for (std::size_t p = 0; (p = sigs.find("Signature is Valid.", p)) != std::string::npos; ++p)
    ++valid;
  EXPECT_EQ(valid, 3u) << sigs;
  EXPECT_EQ(sigs.find("Signature #4"), std::string::npos) << sigs;

  auto widgets = signatureWidgets(dir / "copy.pdf");
  ASSERT_TRUE(widgets.ok()) << widgets.error().technical();
  ASSERT_EQ(widgets->size(), 3u);
  const SignatureWidget* approval = nullptr;
  const SignatureWidget* copy = nullptr;
  const SignatureWidget* seal = nullptr;
  for (const auto& w : *widgets) {
    if (w.kysoApproved)
      approval = &w;
    else if (w.pageIndex == 0 && w.rect.ury > 780)
      copy = &w;
    else
      seal = &w;
  }
  ASSERT_TRUE(approval && copy && seal);
  EXPECT_EQ(seal->pageIndex, approval->pageIndex);

  const double dpi = 100, s = dpi / 72;
  auto geo = pageGeometry(dir / "copy.pdf", approval->pageIndex + 1);
  ASSERT_TRUE(geo.ok());
  const double H = geo->mediaBox.ury;
  const test::Raster last = test::renderPage(dir / "copy.pdf", approval->pageIndex, dpi);
  const auto blue = test::findPixels(last, test::isBlue);
  const double ax0 = approval->rect.llx * s, ax1 = approval->rect.urx * s;
  const double ay0 = (H - approval->rect.ury) * s, ay1 = (H - approval->rect.lly) * s;
  ASSERT_GT(blue.count, 300);
  EXPECT_GE(blue.x0, ax0 - 1);
  EXPECT_LE(blue.x1, ax1 + 1);
  EXPECT_GE(blue.y0, ay0 - 1);
  EXPECT_LE(blue.y1, ay1 + 1);
  const auto red = test::findPixels(last, test::isRed);
  ASSERT_GT(red.count, 1000);
  EXPECT_NEAR(red.x1 - red.x0 + 1, 472 / 300.0 * dpi, 3);
  EXPECT_NEAR(red.x1 + 1, ax0 + (ax1 - ax0) / 3, 3);
  EXPECT_NEAR((red.y0 + red.y1 + 1) / 2.0, (ay0 + ay1) / 2, 3);

  const std::string crop = " -x " + std::to_string(static_cast<int>(copy->rect.llx)) + " -y " +
                           std::to_string(static_cast<int>(H - copy->rect.ury)) + " -W " +
                           std::to_string(static_cast<int>(copy->rect.width() + 1)) + " -H " +
                           std::to_string(static_cast<int>(copy->rect.height() + 1));
  std::string stamp = run(
      "pdftotext -enc UTF-8 -f 1 -l 1 -r 72" + crop + " " + shq((dir / "copy.pdf").string()) + " -",
      &st);
  while (!stamp.empty() && (stamp.back() == '\f' || stamp.back() == '\n')) stamp.pop_back();
  EXPECT_TRUE(std::regex_match(
      stamp,
      std::regex("SAO Y\nTrung tâm Y tế huyện Đức Trọng\n"
                 "20[0-9]{2}-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\\+07:00")))
      << stamp;
}

// Issue 17: a seal scanned on white paper and saved as JPEG (as office scanners save it) is taken
// without options: its paper is made transparent, so the leader's handwriting under the seal's
// left third still shows. The same scan as a PNG without alpha, stamped as it is, hides it: that
// is the control which shows the count can fail.
TEST_F(CliTest, ScannedJpegSealLetsTheHandwritingShow) {
  std::string out;
  ASSERT_EQ(approve(&out), 0) << out;
  int st = 0;
  for (const char* target : {"seal.jpg", "PNG24:seal-flat.png"}) {
    run("cd " + shq(dir.path().string()) +
            " && convert seal.png -background white -flatten -units PixelsPerInch -density 300 "
            "-quality 90 " +
            target,
        &st);
    ASSERT_EQ(st, 0) << target;
  }
  auto widgets = signatureWidgets(dir / "approved.pdf");
  ASSERT_TRUE(widgets.ok() && widgets->size() == 1u);
  const int page = (*widgets)[0].pageIndex;
  auto blueOf = [&](const std::string& pdf) {
    return test::findPixels(test::renderPage(dir / pdf, page, 100), test::isBlue).count;
  };
  const auto before = blueOf("approved.pdf");
  ASSERT_GT(before, 300);
  ASSERT_EQ(sign("approved.pdf", "issued-jpeg.pdf", "org",
                 "--kind issued --seal seal.jpg --doc-number 286/SYT-VP", &out),
            0)
      << out;
  EXPECT_EQ(out.find("no transparency"), std::string::npos) << out;
  ASSERT_EQ(sign("approved.pdf", "issued-flat.pdf", "org",
                 "--kind issued --seal seal-flat.png --doc-number 286/SYT-VP", &out),
            0)
      << out;
  const auto withJpeg = blueOf("issued-jpeg.pdf");
  const auto withOpaque = blueOf("issued-flat.pdf");
  EXPECT_GT(withJpeg, before * 9 / 10) << before << " " << withJpeg;
  EXPECT_LT(withOpaque, before * 8 / 10) << before << " " << withOpaque;
  const std::string sigs = run("pdfsig " + shq((dir / "issued-jpeg.pdf").string()) + " 2>&1", &st);
  std::size_t valid = 0;
  for (std::size_t p = 0; (p = sigs.find("Signature is Valid.", p)) != std::string::npos; ++p)
    ++valid;
  EXPECT_EQ(valid, 2u) << sigs;
  // A file that is neither PNG nor JPEG is refused before anything is signed.
  EXPECT_NE(sign("approved.pdf", "bad.pdf", "org",
                 "--kind issued --seal letter.txt --doc-number 286/SYT-VP", &out),
            0);
  EXPECT_NE(out.find("not a valid PNG or JPEG"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir / "bad.pdf"));
}

// Issue 17: --kind issued without --seal stamps the seal the inventory stores for the signing
// certificate's unit; without one it says, before anything is signed, where the seal can come from.
TEST_F(CliTest, IssuedTakesTheUnitsSealFromTheInventory) {
  std::string out;
  ASSERT_EQ(approve(&out), 0) << out;
  const std::string db = (dir / "inventory.sqlite").string();
  ::setenv("KYSO_INVENTORY_DB", db.c_str(), 1);
  struct Unset {
    ~Unset() { ::unsetenv("KYSO_INVENTORY_DB"); }
  } unset;
  // No inventory yet: refused before anything, naming both ways to give the seal; none is made.
  EXPECT_EQ(
      sign("approved.pdf", "issued.pdf", "org", "--kind issued --doc-number 286/SYT-VP", &out), 64);
  EXPECT_NE(out.find("--seal FILE.png, or store the unit's seal in the inventory"),
            std::string::npos)
      << out;
  EXPECT_FALSE(fs::exists(db));
  EXPECT_FALSE(fs::exists(dir / "issued.pdf"));
  // An inventory that is not a database: said as such before the PIN, not as a missing seal, and
  // the file is left as it was.
  const std::string garbage = "not an SQLite database, a scanned list of tokens\n";
  std::ofstream(db) << garbage;
  EXPECT_EQ(
      sign("approved.pdf", "issued.pdf", "org", "--kind issued --doc-number 286/SYT-VP", &out), 4);
  EXPECT_NE(out.find("Reading the unit's seal from the inventory failed"), std::string::npos)
      << out;
  EXPECT_EQ(out.find("store the unit's seal"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir / "issued.pdf"));
  {
    std::ifstream in(db);
    std::ostringstream kept;
    kept << in.rdbuf();
    EXPECT_EQ(kept.str(), garbage);
  }
  fs::remove(db);
  int st = 0;
  const std::string inv =
      "cd " + shq(dir.path().string()) + " && KYSO_LANG=en " + shq(kyso.string()) + " inventory ";
  out = run(inv + "unit add --name 'Sở Y tế' --seal seal.png 2>&1", &st);
  ASSERT_EQ(st, 0) << out;
  out = run(inv + "unit add --name 'Văn phòng' 2>&1", &st);
  ASSERT_EQ(st, 0) << out;
  // The certificate is in another unit, which has no seal: refused, nothing signed.
  out =
      run(inv + "cert import " + shq((pki / "org.pem").string()) + " --unit 'Văn phòng' 2>&1", &st);
  ASSERT_EQ(st, 0) << out;
  EXPECT_EQ(
      sign("approved.pdf", "issued.pdf", "org", "--kind issued --doc-number 286/SYT-VP", &out), 64);
  EXPECT_NE(out.find("no seal for the signing certificate's unit"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir / "issued.pdf"));
  // Moved to the unit with the seal: signed with that seal, where --seal would have put it.
  out = run(inv + "cert list --json 2>&1", &st);
  ASSERT_EQ(st, 0) << out;
  const auto at = out.find("\"sha256\": \"");
  ASSERT_NE(at, std::string::npos) << out;
  const std::string sha = out.substr(at + 11, 16);
  out = run(inv + "cert edit " + sha + " --unit 'Sở Y tế' 2>&1", &st);
  ASSERT_EQ(st, 0) << out;
  ASSERT_EQ(
      sign("approved.pdf", "issued.pdf", "org", "--kind issued --doc-number 286/SYT-VP", &out), 0)
      << out;
  ASSERT_EQ(sign("approved.pdf", "issued-by-file.pdf", "org",
                 "--kind issued --seal seal.png --doc-number 286/SYT-VP", &out),
            0)
      << out;
  auto fromInventory = signatureWidgets(dir / "issued.pdf");
  auto fromFile = signatureWidgets(dir / "issued-by-file.pdf");
  ASSERT_TRUE(fromInventory.ok() && fromFile.ok());
  ASSERT_EQ(fromInventory->size(), 2u);
  ASSERT_EQ(fromFile->size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_NEAR((*fromInventory)[i].rect.llx, (*fromFile)[i].rect.llx, 0.01);
    EXPECT_NEAR((*fromInventory)[i].rect.ury, (*fromFile)[i].rect.ury, 0.01);
  }
  const test::Raster page =
      test::renderPage(dir / "issued.pdf", (*fromInventory)[0].pageIndex, 100);
  EXPECT_GT(test::findPixels(page, test::isRed).count, 1000) << "the seal is drawn";
  // Another producer's verifier agrees: both signatures valid (poppler's pdfsig).
  const std::string sigs = run("pdfsig " + shq((dir / "issued.pdf").string()) + " 2>&1", &st);
  std::size_t valid = 0;
  for (std::size_t p = 0; (p = sigs.find("Signature is Valid.", p)) != std::string::npos; ++p)
    ++valid;
  EXPECT_EQ(valid, 2u) << sigs;
  // kyso verify says what each signer did, from the appearance kyso drew (issue 17).
  auto verify = [&](const std::string& lang, const std::string& extra) {
    return run("cd " + shq(dir.path().string()) + " && KYSO_LANG=" + lang + " " +
                   shq(kyso.string()) + " verify issued.pdf --offline --no-visual-check" + extra +
                   " 2>&1",
               &st);
  };
  out = verify("en", "");
  EXPECT_NE(out.find("approving it"), std::string::npos) << out;
  EXPECT_NE(out.find("issuing it with the unit's seal"), std::string::npos) << out;
  out = verify("vi", "");
  EXPECT_NE(out.find("phát hành văn bản, đóng dấu của đơn vị"), std::string::npos) << out;
  out = verify("en", " --json");
  EXPECT_NE(out.find("\"appearance\":\"issued\""), std::string::npos) << out;
  EXPECT_NE(out.find("\"appearance\":\"approved\""), std::string::npos) << out;
}

TEST_F(CliTest, ClearErrorsFromTheCommandLine) {
  std::string out;
  EXPECT_NE(
      sign(
          "letter.pdf", "a.pdf", "signer-rsa2048",
          "--kind approved --image sig.png --signer-name 'Trần Văn Bình' --signer-title 'GIÁM ĐỐC'",
          &out),
      0);
  EXPECT_NE(out.find("give a position with --rect"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(dir / "a.pdf"));
  EXPECT_NE(
      sign("letter.pdf", "b.pdf", "org", "--kind issued --seal seal.png --doc-number 1/X", &out),
      0);
  EXPECT_NE(out.find("No approval signature"), std::string::npos) << out;
  EXPECT_NE(sign("letter.pdf", "c.pdf", "org", "--image sig.png", &out), 0);
  EXPECT_NE(sign("letter.pdf", "d.pdf", "org",
                 "--kind copy --copy-form sao-y --org X --rect 10,10,5000,20", &out),
            0);
  EXPECT_NE(out.find("outside the page"), std::string::npos) << out;
  EXPECT_NE(
      sign("letter.pdf", "e.pdf", "org", "--kind copy --copy-form sao-y --org X --page 9", &out),
      0);
  EXPECT_NE(out.find("outside the document"), std::string::npos) << out;
  // An explicit rectangle works where automatic placement found nothing.
  EXPECT_EQ(sign("letter.pdf", "f.pdf", "signer-rsa2048",
                 "--kind approved --image sig.png --signer-name 'Trần Văn Bình' --rect "
                 "120mm,200mm,50mm,20mm --page -1",
                 &out),
            0)
      << out;
}

}  // namespace
}  // namespace kyso::appearance
