// The rows of the rules table (src/pdfverify/change_kinds.cpp) that no attack, forgery or genuine
// pattern reaches, each reached here by the update that makes it: a prepared document signed with
// openssl CMS, then an incremental update written by hand. Each test checks the kind is reported,
// allowed or not as the row says, for the revision that made it. With the other suites, every row
// of the table is reached (run them with KYSO_TEST_CHANGE_LOG=FILE to list which test reaches
// which row).
#include <gtest/gtest.h>

#include <algorithm>

#include "src/pdfverify/report.h"
#include "tests/pdfverify/pdf_builder.h"
#include "tests/pdfverify/verify_fixture.h"

namespace kyso::test {
namespace {

using pdfverify::ChangeKind;
using pdfverify::FileReport;

constexpr auto& stream = streamObject;

const std::string kPage =
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << "
    "/F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R 13 0 R 15 0 R 16 0 R 18 0 "
    "R";
const std::string kFields = "<< /Fields [7 0 R 11 0 R 13 0 R 14 0 R";
const std::string kName =
    "<< /FT /Tx /T (Name) /V (Alice) /Type /Annot /Subtype /Widget /Rect [100 100 300 120] /P 3 0 "
    "R /AP << /N 12 0 R >>";
const std::string kEmpty =
    "<< /FT /Sig /T (Empty) /Type /Annot /Subtype /Widget /Rect [300 50 500 100] /P 3 0 R";
const std::string kSquare =
    "<< /Type /Annot /Subtype /Square /Rect [60 400 200 500] /P 3 0 R /AP << /N 17 0 R >>";
const std::string kOrphan = "<< /Type /Annot /Subtype /Widget /P 3 0 R";

// The base document of pdf_builder with more on its page: a prepared signature field (Empty), a
// text field with a separate widget (Multi), a square annotation with its appearance, a widget
// that belongs to no field, and a catalog entry no renderer reads (/PieceInfo).
BaseOptions rich(int docmdp, bool lockAll = false) {
  BaseOptions o;
  o.docmdp = docmdp;
  o.replace[1] = "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R /PieceInfo 19 0 R" +
                 std::string(docmdp ? " /Perms << /DocMDP 8 0 R >>" : "") + " >>";
  o.replace[3] = kPage + "] >>";
  o.replace[6] = kFields + "] /SigFlags 3 >>";
  if (lockAll)
    o.replace[8] = placeholderSigDict(
        "adbe.pkcs7.detached",
        " /Reference [<< /Type /SigRef /TransformMethod /FieldMDP /TransformParams << /Type "
        "/TransformParams /Action /All /V /1.2 >> >>]");
  o.extra = {
      {13, kEmpty + " >>"},
      {14, "<< /FT /Tx /T (Multi) /V (x) /Kids [15 0 R] >>"},
      {15, "<< /Type /Annot /Subtype /Widget /Parent 14 0 R /Rect [100 300 300 320] /P 3 0 R >>"},
      {16, kSquare + " /C [1 0 0] >>"},
      {17,
       stream("/Type /XObject /Subtype /Form /BBox [0 0 140 100]", "1 0 0 rg 0 0 140 100 re f")},
      {18, kOrphan + " /Rect [400 600 500 650] >>"},
      {19, "<< /X 1 >>"},
  };
  return o;
}

class RulesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("openssl");
    std::string err;
    ASSERT_TRUE(makeSigner(m_dir.path(), &err)) << err;
  }
  SignedPdf base(int docmdp = 0, bool lockAll = false) {
    std::string err;
    SignedPdf s = makeSignedPdf(m_dir.path(), rich(docmdp, lockAll), &err);
    EXPECT_FALSE(s.bytes.empty()) << err;
    return s;
  }
  std::string signedUpdate(const SignedPdf& s, const std::vector<PdfObject>& objs) {
    std::string err;
    auto out = appendSignedUpdate(m_dir.path(), s.bytes, objs, s.size, &err);
    EXPECT_FALSE(out.empty()) << err;
    return out;
  }
  FileReport verify(const std::string& bytes) {
    TestVerifier v({m_dir.path() / "signer.pem"}, "");
    return v.bytes(bytes);
  }
  // The first signature's changes include `kind` in revision `revision`, allowed or not.
  void expectKind(const std::string& bytes, ChangeKind kind, bool allowed, int revision = 2) {
    FileReport r = verify(bytes);
    ASSERT_FALSE(r.signatures.empty()) << pdfverify::reportJson(r).dump();
    const auto& ch = r.signatures.front().changes;
    EXPECT_TRUE(std::any_of(
        ch.begin(), ch.end(),
        [&](auto& c) { return c.kind == kind && c.allowed == allowed && c.revision == revision; }))
        << pdfverify::changeCode(kind) << (allowed ? " allowed" : " refused")
        << " not in: " << changesText(r, 0);
    if (!allowed) {
      EXPECT_EQ(r.signatures.front().modifications, pdfverify::Modifications::Disallowed);
      EXPECT_EQ(r.signatures.front().indication, pdfverify::Indication::TotalFailed);
    }
  }
  TempDir m_dir;
};

TEST_F(RulesTest, TheBaseSignedAsItIsHasNoChange) {
  auto s = base();
  FileReport r = verify(s.bytes);
  ASSERT_EQ(r.signatures.size(), 1u) << pdfverify::reportJson(r).dump();
  EXPECT_TRUE(r.signatures.front().changes.empty()) << changesText(r, 0);
  EXPECT_TRUE(r.signatures.front().problems.empty()) << pdfverify::reportJson(r).dump();
}

TEST_F(RulesTest, FieldTakenOutOfTheFormWhileItsValueChanges) {
  auto s = base();
  auto a = appendUpdate(
      s.bytes,
      {{6, "<< /Fields [7 0 R 13 0 R 14 0 R] /SigFlags 3 >>"}, {11, kName + " /V (Bob) >>"}},
      s.size);
  expectKind(a, ChangeKind::FormFieldRemoved, false);
}

TEST_F(RulesTest, PreparedFieldSignedUnderP1IsForbiddenAndUnderP2Allowed) {
  for (int p : {1, 2}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    auto a = signedUpdate(s, {{13, kEmpty + " /V 30 0 R >>"}, {30, placeholderSigDict()}});
    expectKind(a, p == 1 ? ChangeKind::FieldSignedForbidden : ChangeKind::SignatureAdded, p != 1);
  }
}

TEST_F(RulesTest, FieldsLockedByFieldMdpMayNotBeSignedOrFilled) {
  auto s = base(0, true);
  expectKind(signedUpdate(s, {{13, kEmpty + " /V 30 0 R >>"}, {30, placeholderSigDict()}}),
             ChangeKind::LockedFieldSigned, false);
  expectKind(appendUpdate(s.bytes, {{11, kName + " /V (Bob) >>"}}, s.size),
             ChangeKind::LockedFieldChanged, false);
}

TEST_F(RulesTest, DocumentTimestampInAPreparedFieldIsAllowedEvenUnderP1) {
  auto s = base(1);
  std::string ts = placeholderSigDict("ETSI.RFC3161");
  ts.replace(ts.find("/Type /Sig"), 10, "/Type /DocTimeStamp");
  expectKind(signedUpdate(s, {{13, kEmpty + " /V 30 0 R >>"}, {30, ts}}),
             ChangeKind::TimestampAdded, true);
}

TEST_F(RulesTest, WidgetsAddedOutsideAFieldOrToAnExistingField) {
  auto s = base();
  expectKind(
      appendUpdate(s.bytes,
                   {{3, kPage + " 40 0 R] >>"}, {40, kOrphan + " /Rect [100 700 300 760] /F 4 >>"}},
                   s.size),
      ChangeKind::WidgetWithoutFieldAdded, false);
  auto more = appendUpdate(
      s.bytes,
      {{3, kPage + " 40 0 R] >>"},
       {14, "<< /FT /Tx /T (Multi) /V (x) /Kids [15 0 R 40 0 R] >>"},
       {40, "<< /Type /Annot /Subtype /Widget /Parent 14 0 R /Rect [100 700 300 720] /P 3 0 R >>"}},
      s.size);
  expectKind(more, ChangeKind::WidgetAddedToField, false);
  expectKind(more, ChangeKind::FieldWidgetsChanged, false);
}

TEST_F(RulesTest, NewFormFieldsAndGroupsAreNotAllowed) {
  auto s = base();
  auto a = appendUpdate(s.bytes,
                        {{6, kFields + " 40 0 R 41 0 R] /SigFlags 3 >>"},
                         {40, "<< /FT /Tx /T (Extra) /V (added) >>"},
                         {41, "<< /T (Group) /Kids [42 0 R] >>"},
                         {42, "<< /FT /Tx /T (Child) /Parent 41 0 R >>"}},
                        s.size);
  expectKind(a, ChangeKind::FormFieldAdded, false);
  expectKind(a, ChangeKind::FieldGroupAdded, false);
  // A text field with its widget on the page.
  expectKind(appendUpdate(s.bytes,
                          {{3, kPage + " 40 0 R] >>"},
                           {6, kFields + " 40 0 R] /SigFlags 3 >>"},
                           {40,
                            "<< /FT /Tx /T (Extra) /V (added) /Type /Annot /Subtype /Widget "
                            "/Rect [100 700 300 720] /P 3 0 R >>"}},
                          s.size),
             ChangeKind::FormFieldAddedOnPage, false);
}

// A form dictionary key changed is refused. The form taken away takes every signature field with
// it: the document then reads as unsigned, with a note that a signature-like dictionary is not a
// signature of the form as it is now (so the form-dictionary-replaced row is not reached: with
// no form there is no signature to judge).
TEST_F(RulesTest, FormDictionaryChangedOrTakenAway) {
  auto s = base();
  expectKind(appendUpdate(s.bytes, {{6, kFields + "] /SigFlags 3 /Q 2 >>"}}, s.size),
             ChangeKind::FormDictionaryChanged, false);
  FileReport r = verify(
      appendUpdate(s.bytes, {{1, "<< /Type /Catalog /Pages 2 0 R /PieceInfo 19 0 R >>"}}, s.size));
  EXPECT_EQ(r.status, pdfverify::FileStatus::Unsigned) << pdfverify::reportJson(r).dump();
  ASSERT_FALSE(r.notes.empty());
  EXPECT_EQ(r.notes.front().problem, pdfverify::Problem::UnusedSignatureDictionaries);
}

TEST_F(RulesTest, PageTreeReplacedByAnotherThatTurnsThePages) {
  auto s = base();
  expectKind(
      appendUpdate(s.bytes,
                   {{1, "<< /Type /Catalog /Pages 40 0 R /AcroForm 6 0 R /PieceInfo 19 0 R >>"},
                    {40, "<< /Type /Pages /Kids [3 0 R] /Count 1 /Rotate 90 >>"}},
                   s.size),
      ChangeKind::PageTreeReplaced, false);
}

TEST_F(RulesTest, FieldKeysOtherThanItsValueAndLooks) {
  auto s = base();
  expectKind(
      appendUpdate(s.bytes,
                   {{11,
                     "<< /FT /Tx /T (Name) /V (Alice) /Type /Annot /Subtype /Widget /Rect "
                     "[100 100 300 120] /P 3 0 R /AP << /N 40 0 R >> >>"},
                    {40, stream("/Type /XObject /Subtype /Form /BBox [0 0 200 20] /Resources "
                                "<< /Font << /F1 5 0 R >> >>",
                                "BT /F1 12 Tf 2 4 Td (Mallory) Tj ET")}},
                   s.size),
      ChangeKind::AppearanceChangedWithoutValue, false);
  expectKind(appendUpdate(s.bytes,
                          {{11,
                            "<< /FT /Tx /T (Name) /V (Alice) /Type /Annot /Subtype /Widget /Rect "
                            "[100 100 500 400] /P 3 0 R /AP << /N 12 0 R >> >>"}},
                          s.size),
             ChangeKind::FieldChanged, false);
  expectKind(appendUpdate(s.bytes, {{11, kName + " /F 2 >>"}}, s.size), ChangeKind::WidgetHidden,
             false);
}

TEST_F(RulesTest, AnnotationsChangedAreAllowedForApprovalAndP3Only) {
  for (int p : {0, 3, 2}) {
    SCOPED_TRACE("DocMDP P=" + std::to_string(p));
    auto s = base(p);
    expectKind(appendUpdate(s.bytes, {{16, kSquare + " /C [0 0 1] >>"}}, s.size),
               ChangeKind::AnnotationChanged, p != 2);
    expectKind(appendUpdate(s.bytes,
                            {{17, stream("/Type /XObject /Subtype /Form /BBox [0 0 140 100]",
                                         "0 0 1 rg 0 0 140 100 re f")}},
                            s.size),
               ChangeKind::AnnotationAppearanceChanged, p != 2);
  }
}

TEST_F(RulesTest, WidgetOfNoFieldChanged) {
  auto s = base();
  expectKind(appendUpdate(s.bytes, {{18, kOrphan + " /Rect [0 0 595 842] >>"}}, s.size),
             ChangeKind::WidgetChanged, false);
}

TEST_F(RulesTest, StructureTreeAddedIsAllowed) {
  auto s = base();
  expectKind(appendUpdate(s.bytes,
                          {{1,
                            "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R /PieceInfo 19 0 R "
                            "/StructTreeRoot 40 0 R >>"},
                           {40, "<< /Type /StructTreeRoot >>"}},
                          s.size),
             ChangeKind::StructureTreeUpdated, true);
}

TEST_F(RulesTest, OtherCatalogObjectChangedOrDeleted) {
  auto s = base();
  expectKind(appendUpdate(s.bytes, {{19, "<< /X 2 >>"}}, s.size), ChangeKind::ObjectChanged, false);
  // A free entry for object 19 in the update: the object the signed revision used is gone.
  std::string del = s.bytes;
  const std::string prev = del.substr(del.rfind("startxref") + 10);
  const std::uint64_t xref = del.size();
  del += "xref\n0 1\n0000000000 65535 f \n19 1\n0000000000 00001 f \ntrailer\n<< /Size " +
         std::to_string(s.size) + " /Root 1 0 R /Prev " + prev.substr(0, prev.find('\n')) +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  expectKind(del, ChangeKind::ObjectDeleted, false);
}

// An /Encrypt dictionary added by an update that the signed revision's reader cannot open with an
// empty password: the update cannot be read, so no signature covers the document as it is (it is
// judged against the last revision that can be read). The row for a readable change of
// encryption (encryption-changed) is not reached by a test: making one needs an encrypted update
// that still opens, which no tool at hand writes incrementally.
TEST_F(RulesTest, EncryptionAddedByAnUpdateLeavesNothingCovered) {
  auto s = base();
  auto a = appendUpdate(s.bytes,
                        {{40, "<< /Filter /Standard /V 1 /R 2 /O <" + std::string(64, 'a') +
                                  "> /U <" + std::string(64, 'b') + "> /P -4 >>"}},
                        s.size, {}, "1 0 R", " /Encrypt 40 0 R /ID [<00> <00>]");
  FileReport r = verify(a);
  ASSERT_EQ(r.signatures.size(), 1u) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(r.signatures.front().coverage, pdfverify::Coverage::Partial);
  EXPECT_EQ(r.indication, pdfverify::Indication::TotalFailed);
  ASSERT_FALSE(r.signatures.front().problems.empty());
  EXPECT_EQ(r.signatures.front().problems.front().problem, pdfverify::Problem::BytesAppended);
}

// A revision in the middle that cannot be read on its own (its trailer names a catalog that does
// not exist) while the last one can: what it changed is unknown, never allowed.
TEST_F(RulesTest, RevisionThatCannotBeReadInTheMiddle) {
  auto s = base();
  auto broken = appendUpdate(s.bytes, {{19, "<< /X 3 >>"}}, s.size, {}, "99 0 R");
  expectKind(appendUpdate(broken, {{19, "<< /X 1 >>"}}, s.size), ChangeKind::RevisionUnreadable,
             false);
}

}  // namespace
}  // namespace kyso::test
