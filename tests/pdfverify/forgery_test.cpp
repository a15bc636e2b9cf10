// Forgeries from issue 15, built on a prepared document that a real signer would sign as it is:
// a page XObject named /P, indirect /CropBox and /Rotate, an inherited indirect /MediaBox, a
// hidden stamp, a link, a page action, an XFA stream, a reference to an object never defined, and
// a text field whose appearance shows another value than its /V. Each test signs it (openssl CMS),
// appends the attacker's incremental update by hand, and checks that kyso reports the change and
// judges it by the rules; where the forgery is visual, pdftoppm proves a reader sees it and kyso's
// visual guard must see it too.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "src/pdfverify/report.h"
#include "tests/pdfverify/pdf_builder.h"
#include "tests/pdfverify/verify_fixture.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

using pdfverify::FileReport;
using pdfverify::Indication;

constexpr auto& stream = streamObject;

const std::string kFont = "/Resources << /Font << /F1 5 0 R >> >>";

BaseOptions prepared(int docmdp) {
  BaseOptions o;
  o.docmdp = docmdp;
  o.replace[2] = "<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox 24 0 R >>";
  o.replace[3] =
      "<< /Type /Page /Parent 2 0 R /CropBox 21 0 R /Rotate 22 0 R /AA << /O 23 0 R >> "
      "/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R /P 20 0 R "
      "/Fm2 31 0 R >> >> /Annots [7 0 R 11 0 R 25 0 R 28 0 R 32 0 R] >>";
  o.replace[4] =
      stream("", "BT /F1 24 Tf 72 700 Td (Signed text: pay 100 VND) Tj ET /Fm1 Do /P Do /Fm2 Do");
  o.replace[6] =
      "<< /Fields [7 0 R 11 0 R 32 0 R] /SigFlags 3 /DA (/F1 0 Tf 0 g) /DR << /Font << /F1 5 0 "
      "R >> >> /XFA 30 0 R >>";
  o.extra = {
      {20, stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + kFont,
                  "BT /F1 18 Tf 72 600 Td (So 286/SYT-VP) Tj ET")},
      {21, "[0 0 595 842]"},
      {22, "0"},
      {23, "<< /S /JavaScript /JS (this.print\\(\\);) >>"},
      {24, "[0 0 595 842]"},
      {25,
       "<< /Type /Annot /Subtype /Square /Rect [60 560 400 760] /F 26 0 R /P 3 0 R /AP << /N 27 "
       "0 R >> >>"},
      {26, "2"},
      {27, stream("/Type /XObject /Subtype /Form /BBox [0 0 340 200] " + kFont,
                  "1 1 1 rg 0 0 340 200 re f 1 0 0 rg BT /F1 30 Tf 20 80 Td (DA HUY) Tj ET")},
      {28,
       "<< /Type /Annot /Subtype /Link /Rect [72 690 300 720] /Border [0 0 0] /A 29 0 R /P 3 0 "
       "R >>"},
      {29, "<< /S /URI /URI (https://soyte.example/vb/286) >>"},
      {30, stream("", "<xdp:xdp xmlns:xdp=\"http://ns.adobe.com/xdp/\"><template/></xdp:xdp>")},
      // 31 is referenced by the page's resources and never defined.
      {32,
       "<< /FT /Tx /T (Amount) /V (999999) /Type /Annot /Subtype /Widget /Rect [100 200 300 "
       "220] /P 3 0 R /AP << /N 33 0 R >> >>"},
      {33, stream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] " + kFont,
                  "BT /F1 12 Tf 2 4 Td (100) Tj ET")},
  };
  return o;
}

class ForgeryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("openssl");
    std::string err;
    ASSERT_TRUE(makeSigner(m_dir.path(), &err)) << err;
  }

  SignedPdf base(int docmdp = 0) {
    std::string err;
    SignedPdf s = makeSignedPdf(m_dir.path(), prepared(docmdp), &err);
    EXPECT_FALSE(s.bytes.empty()) << err;
    return s;
  }

  FileReport verify(const std::string& bytes) {
    TestVerifier v({m_dir.path() / "signer.pem"}, "");
    return v.bytes(bytes);
  }

  static bool has(const FileReport& r, const std::string& needle, bool allowed) {
    if (r.signatures.empty()) return false;
    auto& ch = r.signatures.front().changes;
    return std::any_of(ch.begin(), ch.end(), [&](auto& c) {
      return pdfverify::changeText(c, Lang::En).find(needle) != std::string::npos &&
             c.allowed == allowed;
    });
  }

  void expectDisallowed(const std::string& bytes, const std::string& needle) {
    FileReport r = verify(bytes);
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
    ASSERT_FALSE(r.signatures.empty());
    EXPECT_EQ(r.signatures.front().modifications, pdfverify::Modifications::Disallowed)
        << changesText(r, 0);
    EXPECT_TRUE(has(r, needle, false)) << needle << " not in: " << changesText(r, 0);
    EXPECT_EQ(r.indication, Indication::TotalFailed);
    if (TestVerifier::hasCms()) {
      EXPECT_EQ(r.signatures.front().crypto.intact, true);
    }
  }

  // What a reader shows: pdftoppm renders the signed revision and the final file.
  bool looksDifferent(const std::string& signedBytes, const std::string& finalBytes) {
    auto render = [&](const std::string& bytes, const std::string& name) {
      writeBytes(m_dir.path() / (name + ".pdf"), bytes);
      // -cropbox: show the page as viewers do (pdftoppm's default is the media box).
      auto r = runTool({"pdftoppm", "-r", "24", "-gray", "-singlefile", "-cropbox",
                        (m_dir.path() / (name + ".pdf")).string(), (m_dir.path() / name).string()});
      EXPECT_EQ(r.status, 0) << r.out;
      std::ifstream in(m_dir.path() / (name + ".pgm"), std::ios::binary);
      return std::string(std::istreambuf_iterator<char>(in), {});
    };
    auto a = render(signedBytes, "signed"), b = render(finalBytes, "final");
    if (const char* keep = std::getenv("KYSO_KEEP_RENDERS")) {
      writeBytes(std::filesystem::path(keep) / "signed.pdf", signedBytes);
      writeBytes(std::filesystem::path(keep) / "final.pdf", finalBytes);
    }
    EXPECT_FALSE(a.empty());
    if (a != b) expectGuardSees(finalBytes);
    return a != b;
  }

  // kyso's own visual guard sees what pdftoppm shows, whatever the rules said.
  void expectGuardSees(const std::string& finalBytes) {
    FileReport r = verify(finalBytes);
    ASSERT_FALSE(r.signatures.empty());
    const auto& v = r.signatures.front().visual;
    EXPECT_EQ(v.status, pdfverify::VisualCheck::Status::Compared) << v.detail;
    EXPECT_FALSE(v.differences.empty()) << pdfverify::reportText(r, Lang::En);
  }

  TempDir m_dir;
};

TEST_F(ForgeryTest, PreparedDocumentSignedAsItIsPasses) {
  auto s = base();
  FileReport r = verify(s.bytes);
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(r.signatures.front().modifications, pdfverify::Modifications::None)
      << changesText(r, 0);
  EXPECT_TRUE(r.signatures.front().problems.empty()) << pdfverify::reportJson(r).dump();
  EXPECT_NE(r.indication, Indication::TotalFailed);
  EXPECT_EQ(r.signatures.front().visual.status, pdfverify::VisualCheck::Status::NotNeeded);
}

TEST_F(ForgeryTest, XObjectNamedPReplaced) {
  auto s = base();
  auto a = appendUpdate(s.bytes,
                        {{20, stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + kFont,
                                     "BT /F1 18 Tf 72 600 Td (So 999/SYT-VP) Tj ET")}},
                        s.size);
  expectDisallowed(a, "resource (font, image or form) of page 1 replaced");
  EXPECT_TRUE(looksDifferent(s.bytes, a));
}

TEST_F(ForgeryTest, ObjectReferencedButUndefinedWhenSignedIsDefinedLater) {
  auto s = base();
  auto a = appendUpdate(s.bytes,
                        {{31, stream("/Type /XObject /Subtype /Form /BBox [0 0 595 842] " + kFont,
                                     "BT /F1 30 Tf 72 400 Td (THEM 900 TRIEU) Tj ET")}},
                        s.size);
  expectDisallowed(a, "of page 1 replaced");
  EXPECT_TRUE(looksDifferent(s.bytes, a));
}

TEST_F(ForgeryTest, IndirectCropBoxRotateAndInheritedMediaBoxRedefined) {
  auto s = base();
  auto crop = appendUpdate(s.bytes, {{21, "[0 500 595 842]"}}, s.size);
  expectDisallowed(crop, "page 1 changed (CropBox)");
  EXPECT_TRUE(looksDifferent(s.bytes, crop));
  auto turn = appendUpdate(s.bytes, {{22, "90"}}, s.size);
  expectDisallowed(turn, "page 1 changed (Rotate)");
  EXPECT_TRUE(looksDifferent(s.bytes, turn));
  auto shrink = appendUpdate(s.bytes, {{24, "[0 0 300 400]"}}, s.size);
  expectDisallowed(shrink, "the page tree changed (MediaBox)");
  EXPECT_TRUE(looksDifferent(s.bytes, shrink));
}

TEST_F(ForgeryTest, HiddenStampShownUnderEveryRule) {
  for (int p : {0, 3, 2}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    auto a = appendUpdate(s.bytes, {{26, "4"}}, s.size);
    expectDisallowed(a, "a hidden annotation on page 1 made visible");
    if (p == 0) {
      EXPECT_TRUE(looksDifferent(s.bytes, a));
    }
  }
}

TEST_F(ForgeryTest, LinkActionPageScriptAndXfaRedefined) {
  auto s = base();
  expectDisallowed(
      appendUpdate(s.bytes, {{29, "<< /S /URI /URI (https://evil.example/) >>"}}, s.size),
      "the action of an annotation on page 1 changed (A)");
  expectDisallowed(
      appendUpdate(s.bytes, {{23, "<< /S /JavaScript /JS (app.launchURL\\(1\\);) >>"}}, s.size),
      "page 1 changed (AA)");
  expectDisallowed(
      appendUpdate(s.bytes, {{30, stream("", "<xdp:xdp><template><x/></template></xdp:xdp>")}},
                   s.size),
      "the form's XFA data changed");
}

TEST_F(ForgeryTest, InfoReplacedIsReportedThroughTableAndStreamUpdates) {
  auto s = base();
  for (bool xrefStream : {false, true}) {
    SCOPED_TRACE(xrefStream ? "xref stream" : "classic xref");
    std::vector<PdfObject> objs = {{40, "<< /Title (Quyet dinh gia mao) /Author (X) >>"}};
    auto a = xrefStream ? appendXrefStreamUpdate(s.bytes, objs, s.size, 41, " /Info 40 0 R")
                        : appendUpdate(s.bytes, objs, s.size, {}, "1 0 R", " /Info 40 0 R");
    FileReport r = verify(a);
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
    EXPECT_TRUE(has(r, "document information (title, dates) updated", true)) << changesText(r, 0);
    EXPECT_EQ(r.signatures.front().changes.front().revision, 2);
  }
}

TEST_F(ForgeryTest, ObjectListedTwiceInOneXrefSection) {
  auto s = base();
  const auto original = s.bytes.rfind("\n4 0 obj\n") + 1;
  auto a = appendUpdate(s.bytes, {{4, stream("", "BT /F1 24 Tf 72 700 Td (pay 999999) Tj ET")}},
                        s.size, {}, "1 0 R", "", {{4, original}});
  expectDisallowed(a, "object 4 listed twice in one cross-reference section");
}

TEST_F(ForgeryTest, NeedAppearancesOrDefaultAppearanceUnderP2WhenAFieldShowsAnotherValue) {
  auto s = base(2);
  const std::string af = objectBody(s.bytes, 6);
  ASSERT_FALSE(af.empty());
  auto withKey = [&](const std::string& extra) {
    return af.substr(0, af.rfind(">>")) + extra + " >>";
  };
  auto on = appendUpdate(s.bytes, {{6, withKey(" /NeedAppearances true")}}, s.size);
  expectDisallowed(on, "form setting NeedAppearances changed while field Amount shows");
  EXPECT_TRUE(looksDifferent(s.bytes, on)) << "poppler regenerates the field and shows 999999";
  std::string da = af;
  da.replace(da.find("(/F1 0 Tf 0 g)"), 14, "(/F1 9 Tf 1 0 0 rg)");
  expectDisallowed(appendUpdate(s.bytes, {{6, da}}, s.size),
                   "form setting DA changed while field Amount shows");
}

TEST_F(ForgeryTest, UnsignedSignatureFieldDrawnOverThePage) {
  for (int p : {2, 3, 0}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    std::string page = objectBody(s.bytes, 3), af = objectBody(s.bytes, 6);
    page.replace(page.find("32 0 R]"), 7, "32 0 R 40 0 R]");
    af.replace(af.find("32 0 R]"), 7, "32 0 R 40 0 R]");
    auto a = appendUpdate(
        s.bytes,
        {{3, page},
         {6, af},
         {40,
          "<< /FT /Sig /T (Overlay) /Type /Annot /Subtype /Widget /Rect [60 680 400 740] /F 4 /P "
          "3 0 R /AP << /N 41 0 R >> >>"},
         {41, stream("/Type /XObject /Subtype /Form /BBox [0 0 340 60] " + kFont,
                     "1 1 1 rg 0 0 340 60 re f 0 g BT /F1 20 Tf 4 20 Td (pay 999999 VND) Tj ET")}},
        s.size);
    FileReport r = verify(a);
    const std::string what = "unsigned signature field Overlay with a visible appearance added";
    if (p == 2) {
      expectDisallowed(a, what);
      EXPECT_TRUE(looksDifferent(s.bytes, a));
    } else {
      EXPECT_TRUE(has(r, what, true)) << changesText(r, 0);
      EXPECT_FALSE(has(r, "signature field Overlay added", true)) << changesText(r, 0);
    }
  }
}

}  // namespace
}  // namespace kyso::test
