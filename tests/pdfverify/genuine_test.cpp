// Genuine later revisions from issue 15 that must not fail: what iText (VGCASignService), Adobe
// Reader, poppler and re-saving writers do when they sign after an earlier signature. Each test
// writes the update the way that producer writes it (openssl CMS signatures over hand-written
// incremental updates) and checks that the earlier signature stays valid, with the changes
// reported as allowed.
#include <gtest/gtest.h>

#include <algorithm>
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

class GenuineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("openssl");
    std::string err;
    ASSERT_TRUE(makeSigner(m_dir.path(), &err)) << err;
  }

  SignedPdf base(const BaseOptions& o) {
    std::string err;
    SignedPdf s = makeSignedPdf(m_dir.path(), o, &err);
    EXPECT_FALSE(s.bytes.empty()) << err;
    return s;
  }

  FileReport verify(const std::string& bytes) {
    TestVerifier v({m_dir.path() / "signer.pem"}, "");
    return v.bytes(bytes);
  }

  std::string signedUpdate(const std::string& bytes, const std::vector<PdfObject>& objs, int size) {
    std::string err;
    auto out = appendSignedUpdate(m_dir.path(), bytes, objs, size, &err);
    EXPECT_FALSE(out.empty()) << err;
    return out;
  }

  // Every signature passes or is indeterminate (self-signed test signer), none has a disallowed
  // change, and the first has later changes that are all allowed.
  void expectAllGood(const FileReport& r, std::size_t signatures) {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
    ASSERT_EQ(r.signatures.size(), signatures) << pdfverify::reportJson(r).dump();
    for (std::size_t i = 0; i < r.signatures.size(); ++i) {
      SCOPED_TRACE("signature " + std::to_string(i + 1));
      EXPECT_NE(r.signatures[i].modifications, pdfverify::Modifications::Disallowed)
          << changesText(r, i);
      EXPECT_NE(r.signatures[i].indication, Indication::TotalFailed)
          << pdfverify::reportJson(r).dump();
      EXPECT_TRUE(r.signatures[i].problems.empty()) << pdfverify::reportJson(r).dump();
      // The pages look as signed (the visual guard ran where later revisions came).
      EXPECT_TRUE(r.signatures[i].visual.differences.empty()) << pdfverify::reportText(r, Lang::En);
      EXPECT_NE(r.signatures[i].visual.status, pdfverify::VisualCheck::Status::Skipped)
          << r.signatures[i].visual.detail;
    }
    EXPECT_EQ(r.signatures.front().modifications, pdfverify::Modifications::Allowed)
        << changesText(r, 0);
  }

  // The next approval signature as iText writes it: a new field and widget on page 1, the page's
  // /Annots and the form's /Fields rewritten, the catalog rewritten with a new XMP stream.
  std::string itextApproval(const std::string& bytes, int size, int field, const std::string& t) {
    std::string page = objectBody(bytes, 3), af = objectBody(bytes, 6), cat = objectBody(bytes, 1);
    const std::string ref = " " + std::to_string(field) + " 0 R]";
    page.replace(page.rfind(']'), 1, ref);
    af.replace(af.find(']'), 1, ref);
    if (cat.find("/Metadata") == std::string::npos)
      cat = cat.substr(0, cat.rfind(">>")) + "/Metadata " + std::to_string(field + 2) + " 0 R >>";
    return signedUpdate(
        bytes,
        {{1, cat},
         {3, page},
         {6, af},
         {field, "<< /FT /Sig /T (" + t +
                     ") /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 "
                     "/P 3 0 R /V " +
                     std::to_string(field + 1) + " 0 R >>"},
         {field + 1, placeholderSigDict()},
         {field + 2, stream("/Type /Metadata /Subtype /XML",
                            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + t + "</x:xmpmeta>")}},
        size);
  }

  TempDir m_dir;
};

TEST_F(GenuineTest, CertificationWithReferenceDataThenApprovalsAsVgcaWritesThem) {
  BaseOptions o;
  o.docmdp = 2;
  o.referenceData = true;
  auto s = base(o);
  auto two = itextApproval(s.bytes, 20, 20, "Signature2");
  auto three = itextApproval(two, 23, 23, "Signature3");
  FileReport r = verify(three);
  expectAllGood(r, 3);
  EXPECT_EQ(r.signatures[0].kind, pdfverify::SignatureKind::Certification);
  EXPECT_EQ(r.signatures[1].modifications, pdfverify::Modifications::Allowed) << changesText(r, 1);
}

TEST_F(GenuineTest, PageThatIsTheOpenActionTargetGetsASignatureWidget) {
  BaseOptions o;
  o.replace[1] = "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R /OpenAction [3 0 R /Fit] >>";
  auto s = base(o);
  FileReport r = verify(itextApproval(s.bytes, 20, 20, "Signature2"));
  expectAllGood(r, 2);
}

TEST_F(GenuineTest, ResavedSinglePrecisionBoxAndRepointedEqualResources) {
  BaseOptions o;
  o.replace[3] =
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.34997559 842] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R] >>";
  auto s = base(o);
  auto a = signedUpdate(
      s.bytes,
      {{3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.35 842.0] /Contents 4 0 R /Resources 22 0 "
        "R /Annots [7 0 R 11 0 R 20 0 R] >>"},
       {6, "<< /Fields [7 0 R 11 0 R 20 0 R] /SigFlags 3 >>"},
       {20,
        "<< /FT /Sig /T (Signature2) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 3 "
        "0 R /V 21 0 R >>"},
       {21, placeholderSigDict()},
       {22, "<< /XObject << /Fm1 10 0 R >> /Font << /F1 5 0 R >> >>"}},
      20);
  FileReport r = verify(a);
  expectAllGood(r, 2);
  EXPECT_EQ(changesText(r, 0).find("MediaBox"), std::string::npos) << changesText(r, 0);
  EXPECT_EQ(changesText(r, 0).find("resources"), std::string::npos) << changesText(r, 0);
}

TEST_F(GenuineTest, PreparedFieldSignedWithLockedFlagAndModificationDate) {
  BaseOptions o;
  o.replace[3] =
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font "
      "<< /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R 20 0 R] >>";
  o.replace[6] = "<< /Fields [7 0 R 11 0 R 20 0 R] /SigFlags 3 >>";
  o.extra = {
      {20,
       "<< /FT /Sig /T (Approver) /Type /Annot /Subtype /Widget /Rect [300 100 500 160] /F 4 "
       "/P 3 0 R >>"}};
  auto s = base(o);
  auto a = signedUpdate(
      s.bytes,
      {{20,
        "<< /FT /Sig /T (Approver) /Type /Annot /Subtype /Widget /Rect [300 100 500 160] /F 132 "
        "/M (D:20261205090000+07'00') /P 3 0 R /V 21 0 R /AP << /N 22 0 R >> >>"},
       {21, placeholderSigDict()},
       {22, stream("/Type /XObject /Subtype /Form /BBox [0 0 200 60] /Resources << /Font << /F1 5 "
                   "0 R >> >>",
                   "BT /F1 10 Tf 4 40 Td (Da ky: Nguyen Van A) Tj ET")}},
      23);
  FileReport r = verify(a);
  expectAllGood(r, 2);
  EXPECT_NE(changesText(r, 0).find("signature added in field Approver"), std::string::npos)
      << changesText(r, 0);
}

TEST_F(GenuineTest, VersionExtensionsAndItextMarkersChangedBySuccessiveSigners) {
  auto s = base({});
  auto two = signedUpdate(
      s.bytes,
      {{1,
        "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R /Version /2.0 /Extensions << /ISO_ [ << "
        "/BaseVersion /2.0 /ExtensionLevel 32002 >> ] >> >>"},
       {2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /ITXT (5.5.13) >>"},
       {3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font "
        "<< /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> /Annots [7 0 R 11 0 R 20 0 R] >>"},
       {6, "<< /Fields [7 0 R 11 0 R 20 0 R] /SigFlags 3 >>"},
       {20,
        "<< /FT /Sig /T (Signature2) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /F 132 /P 3 "
        "0 R /V 21 0 R >>"},
       {21, placeholderSigDict()}},
      22);
  auto three = signedUpdate(two,
                            {{2, "<< /Type /Pages /Kids [3 0 R] /Count 1 /ITXT (7.2.5) >>"},
                             {3,
                              "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 "
                              "R /Resources << /Font << /F1 5 0 R >> /XObject << /Fm1 10 0 R >> >> "
                              "/Annots [7 0 R 11 0 R 20 0 R 22 0 R] >>"},
                             {6, "<< /Fields [7 0 R 11 0 R 20 0 R 22 0 R] /SigFlags 3 >>"},
                             {22,
                              "<< /FT /Sig /T (Signature3) /Type /Annot /Subtype /Widget /Rect [0 "
                              "0 0 0] /F 132 /P 3 0 R /V 23 0 R >>"},
                             {23, placeholderSigDict()}},
                            24);
  FileReport r = verify(three);
  expectAllGood(r, 3);
  const std::string t = changesText(r, 0);
  EXPECT_NE(t.find("PDF version set to 2.0"), std::string::npos) << t;
  EXPECT_NE(t.find("(/Extensions)"), std::string::npos) << t;
  EXPECT_NE(t.find("private data of the producing program updated (ITXT)"), std::string::npos) << t;
}

TEST_F(GenuineTest, EmptyUpdateChangesNothing) {
  auto s = base({});
  FileReport r = verify(appendUpdate(s.bytes, {}, s.size));
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(r.revisions, 2) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(r.signatures.front().modifications, pdfverify::Modifications::Allowed)
      << changesText(r, 0);
  EXPECT_NE(changesText(r, 0).find("the update changes nothing"), std::string::npos)
      << changesText(r, 0);
  EXPECT_NE(r.indication, Indication::TotalFailed);
}

TEST_F(GenuineTest, RewrittenSignatureDictionaryIsAChangeAndTheSignedDetailsAreShown) {
  BaseOptions o;
  o.replace[8] =
      placeholderSigDict("adbe.pkcs7.detached", " /Reason (Phe duyet) /Name (Nguyen Van A)");
  auto s = base(o);
  std::string dict = objectBody(s.bytes, 8);
  ASSERT_NE(dict.find("(Phe duyet)"), std::string::npos);
  dict.replace(dict.find("(Phe duyet)"), 11, "(Gia mao)");
  FileReport r = verify(appendUpdate(s.bytes, {{8, dict}}, s.size));
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
  auto& sig = r.signatures.front();
  EXPECT_EQ(sig.coverage, pdfverify::Coverage::Revision) << pdfverify::reportJson(r).dump();
  EXPECT_TRUE(sig.problems.empty()) << pdfverify::reportJson(r).dump();
  if (TestVerifier::hasCms()) {
    EXPECT_EQ(sig.crypto.intact, true) << pdfverify::reportJson(r).dump();
  }
  EXPECT_EQ(sig.modifications, pdfverify::Modifications::Disallowed);
  EXPECT_NE(changesText(r, 0).find("signature dictionary of Signature1 changed"), std::string::npos)
      << changesText(r, 0);
  EXPECT_EQ(sig.reason, "Phe duyet");
  EXPECT_EQ(sig.name, "Nguyen Van A");
}

TEST_F(GenuineTest, DamagedEndingsAreJudgedAgainstTheLastCompleteRevision) {
  auto s = base({});
  std::string err;
  auto two = appendSignature(m_dir.path(), s.bytes, s.size, &err);
  ASSERT_FALSE(two.empty()) << err;
  const std::string noXref =
      two + "4 0 obj\n<< /Length 9 >>\nstream\nBT ET q Q\nendstream\nendobj\n";
  const std::string brokenXref =
      appendUpdate(two, {{4, "<< /Length 3 >>\nstream\nq Q\nendstream"}}, 22);
  std::string damaged = brokenXref;
  damaged.replace(damaged.rfind("xref\n"), 4, "xrfe");
  for (const std::string* bytes : {&noXref, static_cast<const std::string*>(&damaged)}) {
    FileReport r = verify(*bytes);
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
    ASSERT_EQ(r.signatures.size(), 2u);
    for (auto& sig : r.signatures) {
      EXPECT_EQ(sig.coverage, pdfverify::Coverage::Partial) << pdfverify::reportJson(r).dump();
      EXPECT_EQ(sig.indication, Indication::TotalFailed);
      if (TestVerifier::hasCms()) {
        EXPECT_EQ(sig.crypto.intact, true) << pdfverify::reportJson(r).dump();
      }
    }
    EXPECT_EQ(r.signatures[0].modifications, pdfverify::Modifications::Allowed)
        << changesText(r, 0);
  }
}

TEST_F(GenuineTest, PreparedFieldNeverSignedIsUnsigned) {
  BaseOptions o;
  o.leaveUnsigned = true;
  auto s = base(o);
  FileReport r = verify(s.bytes);
  EXPECT_EQ(r.status, pdfverify::FileStatus::Unsigned) << pdfverify::reportJson(r).dump();
}

// Issue 16: PAdES B-B requires the ESS signing-certificate-v2 attribute. A PAdES subfilter over a
// CMS made without it (openssl cms without -cades) is plain CMS, said so in a note; with it
// (openssl's -cades, as PAdES producers sign) it is B-B.
TEST_F(GenuineTest, PadesLevelNeedsTheSigningCertificateAttribute) {
  const SignedPdf pades = base(BaseOptions(0, "ETSI.CAdES.detached"));
  FileReport r = verify(pades.bytes);
  ASSERT_EQ(r.signatures.size(), 1u) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(r.signatures[0].crypto.level, "B-B") << pdfverify::reportJson(r).dump();

  writeBytes(m_dir.path() / "plain-cms", "");
  const SignedPdf plain = base(BaseOptions(0, "ETSI.CAdES.detached"));
  std::filesystem::remove(m_dir.path() / "plain-cms");
  r = verify(plain.bytes);
  ASSERT_EQ(r.signatures.size(), 1u);
  const auto& c = r.signatures[0].crypto;
  EXPECT_EQ(c.level, "CMS") << pdfverify::reportJson(r).dump();
  EXPECT_TRUE(std::any_of(c.notes.begin(), c.notes.end(), [](const pdfverify::Finding& n) {
    return pdfverify::findingText(n, Lang::En).find("signing-certificate-v2") != std::string::npos;
  })) << pdfverify::reportJson(r).dump();
  EXPECT_NE(r.signatures[0].indication, Indication::TotalFailed);
}

}  // namespace
}  // namespace kyso::test
