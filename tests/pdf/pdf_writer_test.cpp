// The incremental-update writer and signature revisions, checked with real tools: every signed
// output passes pdfsig (valid, trusted, total document signed) and qpdf --check, and the input is
// a byte prefix of the output. Inputs come from several producers (fixture 'samples') and the
// shared corpus. The CMS here is the test-only KeyFileCmsMaker: these tests are about the PDF side.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <sstream>

#include "src/pdf/pades.h"
#include "src/pdf/pdf_document.h"
#include "tests/pdf/pdf_test_support.h"

namespace kyso::pdf {
namespace {
namespace fs = std::filesystem;
using test::TempDir;

class PdfWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfsig", "qpdf", "certutil"}) {
      if (!test::haveTool(tool)) {
        if (std::getenv("CI")) FAIL() << tool << " missing";
        GTEST_SKIP() << tool << " is not installed";
      }
    }
    ASSERT_TRUE(fs::exists(test::samplesDir() / "classic.pdf")) << "fixture 'samples' missing";
    ASSERT_TRUE(fs::exists(test::pkiDir() / "root.pem")) << "fixture 'pki' missing";
    m_nss = test::makeNssDb(m_tmp / "nss");
  }
  test::KeyFileCmsMaker maker(const std::string& who) {
    auto p = test::pkiDir();
    return test::KeyFileCmsMaker(p / (who + ".pem"), p / (who + ".key"), p / "chain.pem");
  }
  // Signs in -> out and checks everything the issue asks of an output.
  void signAndCheck(const fs::path& in, const fs::path& out, const std::string& who,
                    int expectSignatures, SignatureOptions opts = {}) {
    auto m = maker(who);
    PadesRequest req;
    req.input = in;
    req.output = out;
    req.sig = opts;
    auto r = signPdfFile(req, m, nullptr, nullptr);
    ASSERT_TRUE(r.ok()) << r.error().technical();
    EXPECT_TRUE(test::isBytePrefix(in, out)) << in;
    std::string qc;
    EXPECT_TRUE(test::qpdfCheck(out, &qc)) << out << "\n" << qc;
    auto rep = test::pdfsig(m_nss, out);
    EXPECT_EQ(rep.signatures, expectSignatures) << rep.text;
    EXPECT_EQ(rep.valid, expectSignatures) << rep.text;
    EXPECT_TRUE(rep.lastCoversAll) << rep.text;
  }
  TempDir m_tmp;
  std::string m_nss;
};

TEST_F(PdfWriterTest, SignsEveryProducerTwiceWithTwoKeys) {
  struct Case {
    const char* file;
    int existing;  // signatures already in it (by other producers, not trusted here)
  };
  for (Case c :
       {Case{"letter.pdf", 0}, Case{"classic.pdf", 0}, Case{"objstm.pdf", 0},
        Case{"linearized.pdf", 0}, Case{"linearized-objstm.pdf", 0}, Case{"incremental.pdf", 0},
        Case{"pdfsig-signed.pdf", 1}, Case{"podofo-signed.pdf", 1}}) {
    SCOPED_TRACE(c.file);
    fs::path in = test::samplesDir() / c.file;
    fs::path once = m_tmp / (std::string("once-") + c.file);
    fs::path twice = m_tmp / (std::string("twice-") + c.file);
    signAndCheck(in, once, "signer-rsa2048", c.existing + 1);
    signAndCheck(once, twice, "signer-ec256", c.existing + 2);
    auto rep = test::pdfsig(m_nss, twice);
    // Our two signatures chain to the test root; the other producers' self-signed ones do not.
    EXPECT_EQ(rep.trusted, 2) << rep.text;
  }
}

TEST_F(PdfWriterTest, XrefKindFollowsTheDocument) {
  auto tailOf = [](const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    std::string s = ss.str();
    return s.substr(s.size() > 1500 ? s.size() - 1500 : 0);
  };
  fs::path a = m_tmp / "classic-signed.pdf", b = m_tmp / "objstm-signed.pdf";
  signAndCheck(test::samplesDir() / "classic.pdf", a, "signer-rsa2048", 1);
  signAndCheck(test::samplesDir() / "objstm.pdf", b, "signer-rsa2048", 1);
  EXPECT_NE(tailOf(a).find("\nxref\n"), std::string::npos);
  EXPECT_EQ(tailOf(a).find("/Type /XRef"), std::string::npos);
  EXPECT_NE(tailOf(b).find("/Type /XRef"), std::string::npos);
  for (const fs::path& p : {a, b}) {
    auto doc = PdfDocument::open(p);
    ASSERT_TRUE(doc.ok()) << doc.error().technical();
    auto in =
        PdfDocument::open(test::samplesDir() / p.filename().string().replace(
                                                   p.filename().string().find("-signed"), 7, ""));
    ASSERT_TRUE(in.ok());
    EXPECT_EQ((*doc)->idArray(), (*in)->idArray()) << "the /ID is kept";
    auto fields = (*doc)->signatureFields();
    ASSERT_TRUE(fields.ok());
    ASSERT_EQ(fields->size(), 1u);
    EXPECT_EQ(fields->front().name, "Signature1");
    auto flags = (*doc)->qpdf().getRoot().getKey("/AcroForm").getKey("/SigFlags");
    EXPECT_EQ(flags.getIntValue(), 3);
  }
}

// A hybrid-reference file (classic table + /XRefStm, written byte-exactly by make-hybrid-pdf.py
// beside this test: no tool at hand writes one) signed twice: each update appends a classic table
// whose /Prev leads back to the hybrid section, so readers still find the compressed objects.
TEST_F(PdfWriterTest, SignsAHybridReferenceFileTwice) {
  if (!test::haveTool("python3")) {
    if (std::getenv("CI")) FAIL() << "python3 missing";
    GTEST_SKIP() << "python3 is not installed";
  }
  const char* src = std::getenv("KYSO_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  const fs::path hybrid = m_tmp / "hybrid.pdf";
  std::string out;
  ASSERT_EQ(test::run("python3 '" + (fs::path(src) / "tests/pdf/make-hybrid-pdf.py").string() +
                          "' '" + hybrid.string() + "' 2>&1",
                      &out),
            0)
      << out;
  std::string qc;
  ASSERT_TRUE(test::qpdfCheck(hybrid, &qc)) << qc;
  {
    auto doc = PdfDocument::open(hybrid);
    ASSERT_TRUE(doc.ok()) << doc.error().technical();
    EXPECT_EQ((*doc)->xrefKind(), XrefKind::Hybrid);
  }
  const fs::path once = m_tmp / "hybrid-once.pdf", twice = m_tmp / "hybrid-twice.pdf";
  signAndCheck(hybrid, once, "signer-rsa2048", 1);
  signAndCheck(once, twice, "signer-ec256", 2);
  EXPECT_EQ(test::pdfsig(m_nss, twice).trusted, 2);
  // The updates are classic tables chained by /Prev; the compressed Pages and Font objects are
  // still found (qpdf lists them as compressed; poppler extracts the page's text).
  std::ifstream f(twice, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string bytes = ss.str();
  std::size_t tables = 0;
  for (std::size_t p = 0; (p = bytes.find("\nxref\n", p)) != std::string::npos; ++p) ++tables;
  EXPECT_EQ(tables, 3u);
  EXPECT_EQ(bytes.find("/Type /XRef", bytes.find("%%EOF")), std::string::npos);
  ASSERT_EQ(test::run("qpdf --show-xref '" + twice.string() + "'", &out), 0);
  EXPECT_NE(out.find("2/0: compressed; stream = 6, index = 0"), std::string::npos) << out;
  EXPECT_NE(out.find("5/0: compressed; stream = 6, index = 1"), std::string::npos) << out;
  ASSERT_EQ(test::run("pdftotext '" + twice.string() + "' - 2>&1", &out), 0);
  EXPECT_NE(out.find("Hybrid reference PDF"), std::string::npos) << out;
  EXPECT_EQ(out.find("rror"), std::string::npos) << out;
}

TEST_F(PdfWriterTest, FillsAnExistingEmptyField) {
  SignatureOptions o;
  o.fieldName = "Approval";
  o.reason = "Phê duyệt";
  o.location = "Huế";
  o.contact = "tricky text: /ByteRange [0 1 2 3] /Contents <00> (";  // must not confuse the writer
  signAndCheck(test::samplesDir() / "empty-field.pdf", m_tmp / "f.pdf", "signer-rsa2048", 1, o);
  auto rep = test::pdfsig(m_nss, m_tmp / "f.pdf");
  EXPECT_NE(rep.text.find("Signature Field Name: Approval"), std::string::npos) << rep.text;
  o.fieldName = "NoSuchField";
  auto m = maker("signer-rsa2048");
  PadesRequest req{test::samplesDir() / "empty-field.pdf", m_tmp / "g.pdf", {}, o, PadesLevel::BB};
  auto r = signPdfFile(req, m, nullptr, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::PdfFieldNotFound);
  EXPECT_FALSE(fs::exists(m_tmp / "g.pdf"));
}

// A visible appearance from the appearance layer's contract: new objects with {{ref:K}}
// placeholders, the form XObject as /AP /N, the widget's /Rect on the chosen page.
TEST_F(PdfWriterTest, VisibleAppearanceBecomesTheWidgetsNormalAppearance) {
  appearance::Appearance ap;
  const std::string content = "q 0 0 1 rg 0 0 120 40 re f Q q /Im0 Do Q";
  ap.objects.push_back(
      {"<< /Type /XObject /Subtype /Form /BBox [0 0 120 40] /Resources << "
       "/XObject << /Im0 {{ref:1}} >> >> /Length " +
       std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"});
  ap.objects.push_back(
      {"<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace "
       "/DeviceGray /BitsPerComponent 8 /Length 1 >>\nstream\n\x80\nendstream"});
  ap.formIndex = 0;
  ap.pageIndex = 1;
  ap.rect = {350, 100, 470, 140};
  SignatureOptions o;
  o.appearance = &ap;
  fs::path out = m_tmp / "visible.pdf";
  signAndCheck(test::samplesDir() / "letter-long.pdf", out, "signer-rsa2048", 1, o);
  auto doc = PdfDocument::open(out);
  ASSERT_TRUE(doc.ok());
  auto fields = (*doc)->signatureFields();
  ASSERT_TRUE(fields.ok() && fields->size() == 1);
  auto w = (*doc)->qpdf().getObjectByObjGen(fields->front().objgen);
  auto n = w.getKey("/AP").getKey("/N");
  ASSERT_TRUE(n.isStream());
  EXPECT_TRUE(n.getDict().getKey("/Subtype").isNameAndEquals("/Form"));
  EXPECT_TRUE(n.getDict().getKey("/Resources").getKey("/XObject").getKey("/Im0").isStream());
  auto r = w.getKey("/Rect");
  EXPECT_EQ(r.getArrayItem(2).getNumericValue(), 470);
  EXPECT_EQ(w.getKey("/P").getObjGen(),
            QPDFPageDocumentHelper((*doc)->qpdf()).getAllPages()[1].getObjectHandle().getObjGen());
}

TEST_F(PdfWriterTest, PlaceholderTooSmallIsRetriedLargerNeverTruncated) {
  auto m = maker("signer-rsa3072");
  m.m_estimate = 16;  // far too small: the first attempt must be redone
  PadesRequest req{test::samplesDir() / "classic.pdf", m_tmp / "r.pdf", {}, {}, PadesLevel::BB};
  auto r = signPdfFile(req, m, nullptr, nullptr);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  EXPECT_EQ(r->signature.attempts, 2);
  EXPECT_EQ(m.calls, 2);
  auto rep = test::pdfsig(m_nss, m_tmp / "r.pdf");
  EXPECT_EQ(rep.valid, 1) << rep.text;
  EXPECT_TRUE(rep.lastCoversAll);
}

TEST_F(PdfWriterTest, CertificationP1LocksTheDocument) {
  SignatureOptions o;
  o.certifyP = 1;
  signAndCheck(test::samplesDir() / "classic.pdf", m_tmp / "c.pdf", "signer-rsa2048", 1, o);
  auto m = maker("signer-ec256");
  PadesRequest req{m_tmp / "c.pdf", m_tmp / "c2.pdf", {}, {}, PadesLevel::BB};
  auto r = signPdfFile(req, m, nullptr, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::PdfCertifiedLocked);
  EXPECT_FALSE(fs::exists(m_tmp / "c2.pdf"));
  // Certifying an already signed document is refused; P=2 allows a later approval signature.
  SignatureOptions o2;
  o2.certifyP = 2;
  o2.lockFields = true;
  signAndCheck(test::samplesDir() / "classic.pdf", m_tmp / "p2.pdf", "signer-rsa2048", 1, o2);
  signAndCheck(m_tmp / "p2.pdf", m_tmp / "p2b.pdf", "signer-ec256", 2);
  PadesRequest again{m_tmp / "p2b.pdf", m_tmp / "p2c.pdf", {}, o2, PadesLevel::BB};
  auto r2 = signPdfFile(again, m, nullptr, nullptr);
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().kind, Errc::UsageError);
}

TEST_F(PdfWriterTest, RefusesBadInputWithTheRightReason) {
  struct Case {
    const char* file;
    Errc want;
  };
  for (Case c :
       {Case{"encrypted.pdf", Errc::PdfEncrypted}, Case{"encrypted-owner.pdf", Errc::PdfEncrypted},
        Case{"damaged-xref.pdf", Errc::PdfDamaged}, Case{"empty.pdf", Errc::NotAPdf},
        Case{"not-a-pdf.pdf", Errc::NotAPdf}, Case{"truncated.pdf", Errc::PdfDamaged},
        Case{"no-such-file.pdf", Errc::FileNotFound}}) {
    SCOPED_TRACE(c.file);
    auto m = maker("signer-rsa2048");
    PadesRequest req{test::samplesDir() / c.file, m_tmp / "out.pdf", {}, {}, PadesLevel::BB};
    auto r = signPdfFile(req, m, nullptr, nullptr);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().kind, c.want) << r.error().technical();
    EXPECT_FALSE(fs::exists(m_tmp / "out.pdf"));
    EXPECT_EQ(m.calls, 0) << "nothing is signed for a refused input";
  }
}

// Files up to 16 MiB are parsed from memory, larger ones where they lie (issue 22): a file over
// the limit signs twice like any other, and damage in one is refused the same way.
TEST_F(PdfWriterTest, ALargeFileIsSignedAndCheckedWhereItLies) {
  const char* src = std::getenv("KYSO_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  const fs::path big = m_tmp / "big.pdf";
  const std::string make =
      std::string("python3 ") + src + "/bench/pdf/make_big_pdf.py " + big.string() + " 17";
  ASSERT_EQ(std::system(make.c_str()), 0);
  ASSERT_GT(fs::file_size(big), 16u << 20);
  signAndCheck(big, m_tmp / "big-once.pdf", "signer-rsa2048", 1);
  signAndCheck(m_tmp / "big-once.pdf", m_tmp / "big-twice.pdf", "signer-ec256", 2);
  // One byte before the last object: its cross-reference entry no longer points at it.
  std::string bytes;
  {
    std::ifstream in(big, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto last = bytes.rfind("\n5 0 obj");
  ASSERT_NE(last, std::string::npos);
  bytes.insert(last + 1, "X");
  const fs::path damaged = m_tmp / "big-damaged.pdf";
  std::ofstream(damaged, std::ios::binary) << bytes;
  auto m = maker("signer-rsa2048");
  PadesRequest req{damaged, m_tmp / "out.pdf", {}, {}, PadesLevel::BB};
  auto r = signPdfFile(req, m, nullptr, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::PdfDamaged) << r.error().technical();
  EXPECT_EQ(m.calls, 0);
}

TEST_F(PdfWriterTest, OutputOntoExistingFileNeedsOverwrite) {
  fs::path out = m_tmp / "exists.pdf";
  { std::ofstream(out) << "keep me"; }
  auto m = maker("signer-rsa2048");
  PadesRequest req{
      test::samplesDir() / "classic.pdf", out, AtomicFile::Overwrite::Refuse, {}, PadesLevel::BB};
  auto r = signPdfFile(req, m, nullptr, nullptr);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::FileExists);
  std::ifstream f(out);
  std::string s;
  std::getline(f, s);
  EXPECT_EQ(s, "keep me");
  req.overwrite = AtomicFile::Overwrite::Allow;
  ASSERT_TRUE(signPdfFile(req, m, nullptr, nullptr).ok());
  EXPECT_EQ(test::pdfsig(m_nss, out).valid, 1);
}

TEST_F(PdfWriterTest, SignsTheValidCorpusPdfs) {
  fs::path manifest = test::sharedDir() / "corpus" / "MANIFEST.tsv";
  if (!fs::exists(manifest)) {
    if (std::getenv("CI")) FAIL() << manifest << " missing";
    GTEST_SKIP() << "no shared corpus at " << manifest;
  }
  std::ifstream f(manifest);
  std::string line;
  int signedCount = 0;
  while (std::getline(f, line)) {
    std::vector<std::string> col;
    std::stringstream ls(line);
    for (std::string c; std::getline(ls, c, '\t');) col.push_back(c);
    if (col.size() < 4 || col[1].rfind("pdf/", 0) != 0) continue;
    const std::string& cat = col[3];
    if (cat != "valid" && cat != "valid-multi" && cat != "valid-ltv" && cat != "unsigned") continue;
    SCOPED_TRACE(col[1]);
    fs::path in = test::sharedDir() / "corpus" / col[1];
    fs::path out = m_tmp / ("corpus-" + fs::path(col[1]).filename().string());
    auto m = maker("signer-rsa2048");
    PadesRequest req{in, out, {}, {}, PadesLevel::BB};
    auto r = signPdfFile(req, m, nullptr, nullptr);
    if (!r.ok()) {
      // A corpus file kyso refuses must be refused for a reason a person can act on.
      ADD_FAILURE() << "refused: " << r.error().technical();
      continue;
    }
    ++signedCount;
    EXPECT_TRUE(test::isBytePrefix(in, out));
    // qpdf --check: no worse than the input (some corpus files already carry cosmetic warnings).
    std::string qi, qc;
    int inStatus = test::run("qpdf --check '" + in.string() + "'", &qi);
    int outStatus = test::run("qpdf --check '" + out.string() + "'", &qc);
    EXPECT_TRUE(outStatus == 0 || outStatus == inStatus) << qc;
    auto rep = test::pdfsig(m_nss, out);
    EXPECT_TRUE(rep.lastCoversAll) << rep.text;
    EXPECT_GE(rep.trusted, 1) << rep.text;
    EXPECT_NE(rep.text.rfind("Signature is Valid"), std::string::npos) << rep.text;
  }
  EXPECT_GT(signedCount, 5);
}

}  // namespace
}  // namespace kyso::pdf
