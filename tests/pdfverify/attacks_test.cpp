// Attacks built by the test on its own signed documents (signed with the openssl CLI, updated by
// hand as an attacker would): every one must be flagged, and the allowed updates must not be.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>

#include "src/pdfverify/report.h"
#include "tests/pdfverify/pdf_builder.h"
#include "tests/pdfverify/verify_fixture.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

using pdfverify::FileReport;
using pdfverify::Indication;

const char* kPage3WithAnnots =
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << "
    "/F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R 30 0 R] >>";
const char* kTextAnnot =
    "<< /Type /Annot /Subtype /Text /Rect [50 50 70 70] /Contents (looks fine) /P 3 0 R >>";

class AttackTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("openssl");
    std::string err;
    ASSERT_TRUE(makeSigner(m_dir.path(), &err)) << err;
  }

  SignedPdf base(int docmdp = 0) {
    std::string err;
    SignedPdf s = makeSignedPdf(m_dir.path(), {docmdp, "adbe.pkcs7.detached"}, &err);
    EXPECT_FALSE(s.bytes.empty()) << err;
    return s;
  }

  FileReport verify(const std::string& bytes) {
    TestVerifier v({m_dir.path() / "signer.pem"}, "");
    return v.bytes(bytes);
  }

  static bool hasChange(const FileReport& r, std::size_t sig, const std::string& needle,
                        bool allowed) {
    if (sig >= r.signatures.size()) return false;
    auto& ch = r.signatures[sig].changes;
    return std::any_of(ch.begin(), ch.end(), [&](auto& c) {
      return pdfverify::changeText(c, Lang::En).find(needle) != std::string::npos &&
             c.allowed == allowed;
    });
  }

  // The first signature is flagged: disallowed change named `needle`, verdict TOTAL-FAILED.
  void expectDisallowed(const FileReport& r, const std::string& needle) {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
    ASSERT_FALSE(r.signatures.empty());
    auto& s = r.signatures.front();
    EXPECT_EQ(s.modifications, pdfverify::Modifications::Disallowed) << changesText(r, 0);
    EXPECT_TRUE(hasChange(r, 0, needle, false)) << needle << " not in: " << changesText(r, 0);
    EXPECT_EQ(s.indication, Indication::TotalFailed);
    EXPECT_EQ(r.indication, Indication::TotalFailed);
    if (TestVerifier::hasCms()) {
      EXPECT_EQ(s.crypto.intact, std::optional<bool>(true)) << "the signed bytes are untouched";
    }
  }

  void expectAllowed(const FileReport& r, const std::string& needle) {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
    auto& s = r.signatures.front();
    EXPECT_EQ(s.modifications, pdfverify::Modifications::Allowed) << changesText(r, 0);
    EXPECT_TRUE(hasChange(r, 0, needle, true)) << needle << " not in: " << changesText(r, 0);
    EXPECT_NE(s.indication, Indication::TotalFailed) << changesText(r, 0);
  }

  // Changes of signature `sig` made by revision `rev`, with `needle` in their text.
  static bool hasChangeIn(const FileReport& r, std::size_t sig, int rev, const std::string& needle,
                          bool allowed) {
    if (sig >= r.signatures.size()) return false;
    auto& ch = r.signatures[sig].changes;
    return std::any_of(ch.begin(), ch.end(), [&](auto& c) {
      return c.revision == rev &&
             pdfverify::changeText(c, Lang::En).find(needle) != std::string::npos &&
             c.allowed == allowed;
    });
  }

  // The body of object `num` as written in the base document (between "N 0 obj\n" and endobj).
  static std::string objectBody(const std::string& bytes, int num) {
    std::string head = "\n" + std::to_string(num) + " 0 obj\n";
    auto p = bytes.rfind(head);
    if (p == std::string::npos) return {};
    p += head.size();
    auto e = bytes.find("\nendobj", p);
    return e == std::string::npos ? std::string() : bytes.substr(p, e - p);
  }

  // Fills the text field Name with `value` and a matching appearance, as a form filler would.
  static std::string fillName(const std::string& bytes, int size, const std::string& value) {
    std::string ap = "BT /F1 12 Tf 2 4 Td (" + value + ") Tj ET";
    return appendUpdate(
        bytes,
        {{11, "<< /FT /Tx /T (Name) /V (" + value +
                  ") /Type /Annot /Subtype /Widget /Rect [100 100 300 120] /P 3 0 R /AP << /N 12 "
                  "0 R >> >>"},
         {12,
          "<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << /Font << /F1 5 0 "
          "R >> >> /Length " +
              std::to_string(ap.size()) + " >>\nstream\n" + ap + "\nendstream"}},
        size);
  }

  TempDir m_dir;
};

TEST_F(AttackTest, UntouchedSignedDocumentPasses) {
  auto s = base();
  FileReport r = verify(s.bytes);
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
  ASSERT_EQ(r.signatures.size(), 1u);
  auto& sig = r.signatures.front();
  EXPECT_EQ(sig.coverage, pdfverify::Coverage::WholeDocument);
  EXPECT_EQ(sig.modifications, pdfverify::Modifications::None);
  EXPECT_TRUE(sig.problems.empty()) << changesText(r, 0);
  EXPECT_EQ(sig.field, "Signature1");
  if (TestVerifier::hasCms()) {
    EXPECT_EQ(sig.crypto.intact, std::optional<bool>(true)) << pdfverify::reportJson(r).dump();
    EXPECT_TRUE(sig.crypto.chain["trusted"].asBool()) << pdfverify::reportJson(r).dump();
  }
}

TEST_F(AttackTest, PageAdded) {
  auto s = base();
  auto a = appendUpdate(s.bytes,
                        {{2, "<< /Type /Pages /Kids [3 0 R 30 0 R] /Count 2 >>"},
                         {30,
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 0 "
                          "R /Resources << /Font << /F1 5 0 R >> >> >>"}},
                        s.size);
  expectDisallowed(verify(a), "page 2 added");
}

TEST_F(AttackTest, ContentReplaced) {
  auto s = base();
  auto a = appendUpdate(
      s.bytes,
      {{4, "<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 700 Td (pay 999999) Tj ET\n\nendstream"}},
      s.size);
  expectDisallowed(verify(a), "content of page 1 replaced");
}

TEST_F(AttackTest, AnnotationAddedUnderP1AndP2IsFlaggedUnderP3Allowed) {
  for (int p : {1, 2, 3, 0}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    auto a = appendUpdate(s.bytes, {{3, kPage3WithAnnots}, {30, kTextAnnot}}, s.size);
    FileReport r = verify(a);
    ASSERT_FALSE(r.signatures.empty());
    EXPECT_EQ(r.signatures.front().kind,
              p ? pdfverify::SignatureKind::Certification : pdfverify::SignatureKind::Approval);
    EXPECT_EQ(r.signatures.front().docmdp, p);
    if (p == 1 || p == 2)
      expectDisallowed(r, "annotation (Text) added on page 1");
    else
      expectAllowed(r, "annotation (Text) added on page 1");
  }
}

TEST_F(AttackTest, ShadowHideOverlayReplaced) {
  // The signed page draws /Fm1 (empty when signed); the update fills it with a white box.
  auto s = base();
  std::string box = "1 1 1 rg 0 0 595 842 re f";
  auto a =
      appendUpdate(s.bytes,
                   {{10, "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length " +
                             std::to_string(box.size()) + " >>\nstream\n" + box + "\nendstream"}},
                   s.size);
  expectDisallowed(verify(a), "resource (font, image or form) of page 1 replaced");
}

TEST_F(AttackTest, ShadowReplaceFieldAppearanceWithoutNewValue) {
  auto s = base();
  std::string ap = "BT /F1 12 Tf 2 4 Td (Mallory) Tj ET";
  auto a = appendUpdate(s.bytes,
                        {{12,
                          "<< /Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources << "
                          "/Font << /F1 5 0 R >> >> /Length " +
                              std::to_string(ap.size()) + " >>\nstream\n" + ap + "\nendstream"}},
                        s.size);
  expectDisallowed(verify(a), "appearance of field Name replaced without a new value");
}

TEST_F(AttackTest, ShadowReplaceFont) {
  auto s = base();
  auto a =
      appendUpdate(s.bytes, {{5, "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>"}}, s.size);
  expectDisallowed(verify(a), "of page 1 replaced");
}

TEST_F(AttackTest, ShadowHideAndReplacePreparedContentSwitchedOn) {
  // Object 9 (prepared, unused when signed) becomes the page content.
  auto s = base();
  auto a = appendUpdate(s.bytes,
                        {{3,
                          "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 0 R "
                          "/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> "
                          "/Annots [7 0 R 11 0 R] >>"}},
                        s.size);
  expectDisallowed(verify(a), "content of page 1 replaced");
}

TEST_F(AttackTest, SecondXrefMakesHiddenPageVisible) {
  // No new object at all: only an xref entry pointing object 3 at the hidden copy inside the
  // signed bytes.
  auto s = base();
  auto a = appendUpdate(s.bytes, {}, s.size, {{3, s.hiddenPageOffset}});
  expectDisallowed(verify(a), "content of page 1 replaced");
}

TEST_F(AttackTest, FormFillingAllowedUnlessCertifiedNoChanges) {
  for (int p : {0, 2, 1}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    FileReport r = verify(fillName(s.bytes, s.size, "Bob"));
    if (p == 1)
      expectDisallowed(r, "field Name filled in");
    else
      expectAllowed(r, "field Name filled in");
  }
}

TEST_F(AttackTest, SecondSignatureAllowedButNotUnderP1) {
  for (int p : {0, 1}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    std::string err;
    auto two = appendSignature(m_dir.path(), s.bytes, s.size, &err);
    ASSERT_FALSE(two.empty()) << err;
    FileReport r = verify(two);
    ASSERT_EQ(r.signatures.size(), 2u) << pdfverify::reportJson(r).dump();
    EXPECT_EQ(r.signatures[0].coverage, pdfverify::Coverage::Revision);
    EXPECT_EQ(r.signatures[1].coverage, pdfverify::Coverage::WholeDocument);
    EXPECT_EQ(r.signatures[1].field, "Signature2");
    if (p == 0)
      expectAllowed(r, "signature field Signature2 added");
    else
      expectDisallowed(r, "Signature2");
    if (TestVerifier::hasCms()) {
      EXPECT_EQ(r.signatures[1].crypto.intact, std::optional<bool>(true));
    }
  }
}

TEST_F(AttackTest, EarlierSignatureDictionaryOverwritten) {
  auto s = base();
  std::string err;
  auto two = appendSignature(m_dir.path(), s.bytes, s.size, &err);
  ASSERT_FALSE(two.empty()) << err;
  // After the second signature, rewrite the first signature's field to point at a fresh copy of
  // a signature dictionary: the second signature must flag it.
  auto a = appendUpdate(two,
                        {{7,
                          "<< /FT /Sig /T (Signature1) /Type /Annot /Subtype /Widget /Rect [0 0 "
                          "0 0] /F 132 /P 3 0 R /V 21 0 R >>"}},
                        22);
  FileReport r = verify(a);
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  auto it = std::find_if(r.signatures.begin(), r.signatures.end(),
                         [](auto& x) { return x.field == "Signature2"; });
  ASSERT_NE(it, r.signatures.end());
  EXPECT_EQ(it->modifications, pdfverify::Modifications::Disallowed)
      << pdfverify::reportJson(r).dump();
  EXPECT_EQ(r.indication, Indication::TotalFailed);
}

TEST_F(AttackTest, BytesAppendedAfterEof) {
  auto s = base();
  FileReport r = verify(s.bytes + "%% appended after signing: 1 0 obj << /Evil true >> endobj\n");
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  EXPECT_EQ(r.signatures.front().coverage, pdfverify::Coverage::Partial);
  EXPECT_EQ(r.signatures.front().indication, Indication::TotalFailed);
  EXPECT_FALSE(r.notes.empty());
}

TEST_F(AttackTest, ByteRangeEdited) {
  auto s = base();
  auto pos = s.bytes.find("/ByteRange [0 ");
  ASSERT_NE(pos, std::string::npos);
  std::string a = s.bytes;
  // Shrink the first range by 10 bytes, same width (the attacker keeps every offset).
  unsigned long long first = std::stoull(a.substr(pos + 14, 10));
  char buf[16];
  std::snprintf(buf, sizeof buf, "%010llu", first - 10);
  a.replace(pos + 14, 10, buf);
  FileReport r = verify(a);
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  EXPECT_EQ(r.signatures.front().coverage, pdfverify::Coverage::Invalid);
  EXPECT_EQ(r.signatures.front().indication, Indication::TotalFailed);
}

TEST_F(AttackTest, SignedBytesMovedWrapping) {
  // Signature wrapping: the second signed range is moved further down the file and new content
  // is slipped in before it; the ByteRange is left as it was.
  auto s = base();
  auto pos = s.bytes.find("/ByteRange [0 ");
  unsigned long long b = std::stoull(s.bytes.substr(pos + 25, 10));
  std::string wrapped =
      s.bytes.substr(0, b) + "\n30 0 obj\n<< /Injected (evil) >>\nendobj\n" + s.bytes.substr(b);
  FileReport r = verify(wrapped);
  EXPECT_NE(r.indication, Indication::TotalPassed);
  if (r.status == pdfverify::FileStatus::Signed) {
    EXPECT_EQ(r.signatures.front().indication, Indication::TotalFailed)
        << pdfverify::reportJson(r).dump();
  }
}

// Revision by revision: a change made in one update and undone in the next is still a change the
// rules judge, attributed to the revision that made it (comparing only the signed revision with
// the final one would see nothing).
TEST_F(AttackTest, ContentReplacedThenRevertedIsFlaggedInItsRevision) {
  auto s = base();
  const std::string original = objectBody(s.bytes, 4);
  ASSERT_FALSE(original.empty());
  // A well-formed replacement (nothing damaged: only the revision-by-revision analysis sees it).
  const std::string text = "BT /F1 24 Tf 72 700 Td (pay 999999) Tj ET";
  auto evil = appendUpdate(
      s.bytes,
      {{4, "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream"}},
      s.size);
  auto reverted = appendUpdate(evil, {{4, original}}, s.size);
  FileReport r = verify(reverted);
  ASSERT_EQ(r.revisions, 3);
  EXPECT_TRUE(r.signatures.at(0).problems.empty()) << changesText(r, 0);
  expectDisallowed(r, "content of page 1 replaced");
  EXPECT_TRUE(hasChangeIn(r, 0, 2, "content of page 1 replaced", false)) << changesText(r, 0);
  EXPECT_TRUE(hasChangeIn(r, 0, 3, "content of page 1 replaced", false))
      << pdfverify::reportJson(r).dump();
  Json j = pdfverify::reportJson(r);
  const Json& first = j["signatures"][0]["changes"][0];
  EXPECT_EQ(first["revision"].asInt(), 2) << j.dump();
  EXPECT_EQ(first["code"].asString(), "content-replaced") << j.dump();
}

TEST_F(AttackTest, ShadowOverlayIntroducedThenHiddenIsFlagged) {
  // Revision 2 fills the (empty when signed) overlay with a white box, revision 3 puts the empty
  // overlay back: in between the signed text was hidden.
  auto s = base();
  const std::string original = objectBody(s.bytes, 10);
  ASSERT_FALSE(original.empty());
  std::string box = "1 1 1 rg 0 0 595 842 re f";
  auto hidden =
      appendUpdate(s.bytes,
                   {{10, "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Length " +
                             std::to_string(box.size()) + " >>\nstream\n" + box + "\nendstream"}},
                   s.size);
  FileReport r = verify(appendUpdate(hidden, {{10, original}}, s.size));
  expectDisallowed(r, "resource (font, image or form) of page 1 replaced");
  EXPECT_TRUE(hasChangeIn(r, 0, 2, "of page 1 replaced", false)) << changesText(r, 0);
}

TEST_F(AttackTest, PageAddedThenRemovedIsFlagged) {
  auto s = base();
  auto added = appendUpdate(s.bytes,
                            {{2, "<< /Type /Pages /Kids [3 0 R 30 0 R] /Count 2 >>"},
                             {30,
                              "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 9 "
                              "0 R /Resources << /Font << /F1 5 0 R >> >> >>"}},
                            s.size);
  auto removed = appendUpdate(added, {{2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"}}, s.size);
  FileReport r = verify(removed);
  expectDisallowed(r, "page 2 added");
  EXPECT_TRUE(hasChangeIn(r, 0, 2, "page 2 added", false)) << changesText(r, 0);
  EXPECT_TRUE(hasChangeIn(r, 0, 3, "page 2 removed", false)) << changesText(r, 0);
}

TEST_F(AttackTest, AllowedFillThenDisallowedChangeAttributedPerRevision) {
  auto s = base();
  auto filled = fillName(s.bytes, s.size, "Bob");
  FileReport ok = verify(filled);
  expectAllowed(ok, "field Name filled in");
  EXPECT_TRUE(hasChangeIn(ok, 0, 2, "field Name filled in", true)) << changesText(ok, 0);
  auto bad =
      appendUpdate(filled, {{5, "<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>"}}, s.size);
  FileReport r = verify(bad);
  expectDisallowed(r, "of page 1 replaced");
  EXPECT_TRUE(hasChangeIn(r, 0, 2, "field Name filled in", true)) << changesText(r, 0);
  EXPECT_TRUE(hasChangeIn(r, 0, 3, "of page 1 replaced", false)) << changesText(r, 0);
  EXPECT_FALSE(hasChangeIn(r, 0, 2, "of page 1 replaced", false)) << changesText(r, 0);
  // The text report names the revision.
  std::string text = pdfverify::reportText(r, Lang::En);
  EXPECT_NE(text.find("revision 3:"), std::string::npos) << text;
  EXPECT_NE(text.find("(revision 3)"), std::string::npos) << text;
}

TEST_F(AttackTest, AnnotationAddedThenRemovedUnderP2IsFlagged) {
  auto s = base(2);
  auto added = appendUpdate(s.bytes, {{3, kPage3WithAnnots}, {30, kTextAnnot}}, s.size);
  auto removed = appendUpdate(added,
                              {{3,
                                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 "
                                "0 R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R "
                                ">> >> /Annots [7 0 R 11 0 R] >>"}},
                              s.size);
  FileReport r = verify(removed);
  expectDisallowed(r, "annotation (Text) added on page 1");
  EXPECT_TRUE(hasChangeIn(r, 0, 2, "annotation (Text) added on page 1", false))
      << changesText(r, 0);
}

}  // namespace
}  // namespace kyso::test
