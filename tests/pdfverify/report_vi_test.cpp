// The Vietnamese reports of real verifications say everything in Vietnamese: documents signed by
// the test with the openssl CLI and attacked by hand (page added, bytes appended, /ByteRange
// edited, signed bytes moved, signed bytes changed, wrong /Type, unknown format, untrusted
// signer) are verified, and their Vietnamese text and HTML reports must not hold any English
// sentence of the problem table (problems.h) or an English label, while every problem and note
// the verifier produced has a table row (so no English sentence escapes the table).
#include <gtest/gtest.h>

#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "src/pdfverify/problems.h"
#include "src/pdfverify/report.h"
#include "tests/pdfverify/pdf_builder.h"
#include "tests/pdfverify/verify_fixture.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

using pdfverify::FileReport;
using pdfverify::Problem;

// The literal pieces of an English template between its {N} placeholders.
std::vector<std::string> pieces(const std::string& t) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '{' && i + 2 < t.size() && t[i + 2] == '}') {
      out.push_back(cur);
      cur.clear();
      i += 2;
      continue;
    }
    cur += t[i];
  }
  out.push_back(cur);
  return out;
}

// Every problem and note of a report.
std::vector<pdfverify::Finding> findings(const FileReport& r) {
  std::vector<pdfverify::Finding> out(r.notes.begin(), r.notes.end());
  for (auto& s : r.signatures) {
    out.insert(out.end(), s.problems.begin(), s.problems.end());
    out.insert(out.end(), s.notes.begin(), s.notes.end());
    out.insert(out.end(), s.crypto.notes.begin(), s.crypto.notes.end());
  }
  return out;
}

std::string replaceSame(std::string bytes, const std::string& from, const std::string& to) {
  auto p = bytes.find(from);
  EXPECT_NE(p, std::string::npos) << from;
  EXPECT_EQ(from.size(), to.size());
  if (p != std::string::npos) bytes.replace(p, from.size(), to);
  return bytes;
}

class VietnameseReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_TOOL("openssl");
    std::string err;
    ASSERT_TRUE(makeSigner(m_dir.path(), &err)) << err;
  }

  SignedPdf base(const std::string& subfilter = "adbe.pkcs7.detached") {
    std::string err;
    SignedPdf s = makeSignedPdf(m_dir.path(), {0, subfilter}, &err);
    EXPECT_FALSE(s.bytes.empty()) << err;
    return s;
  }

  // Documents that between them make the verifier say many different things.
  std::vector<std::pair<std::string, FileReport>> documents() {
    std::vector<std::pair<std::string, FileReport>> out;
    TestVerifier trusted({m_dir.path() / "signer.pem"}, "");
    TestVerifier untrusted({}, "");
    SignedPdf s = base();
    out.emplace_back("untouched", trusted.bytes(s.bytes, "untouched.pdf"));
    out.emplace_back("untrusted signer", untrusted.bytes(s.bytes, "untrusted.pdf"));
    out.emplace_back(
        "page added",
        trusted.bytes(appendUpdate(s.bytes,
                                   {{2, "<< /Type /Pages /Kids [3 0 R 30 0 R] /Count 2 >>"},
                                    {30,
                                     "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                                     "/Contents 9 0 R /Resources << /Font << /F1 5 0 R >> >> >>"}},
                                   s.size),
                      "page-added.pdf"));
    out.emplace_back(
        "bytes appended",
        trusted.bytes(s.bytes + "%% appended: 1 0 obj << /Evil true >> endobj\n", "appended.pdf"));
    {
      auto pos = s.bytes.find("/ByteRange [0 ");
      EXPECT_NE(pos, std::string::npos);
      std::string a = s.bytes;
      unsigned long long first = std::stoull(a.substr(pos + 14, 10));
      char buf[16];
      std::snprintf(buf, sizeof buf, "%010llu", first - 10);
      a.replace(pos + 14, 10, buf);
      out.emplace_back("byte range edited", trusted.bytes(a, "byterange.pdf"));
      unsigned long long b = std::stoull(s.bytes.substr(pos + 25, 10));
      std::string wrapped =
          s.bytes.substr(0, b) + "\n30 0 obj\n<< /Injected (evil) >>\nendobj\n" + s.bytes.substr(b);
      out.emplace_back("wrapping", trusted.bytes(wrapped, "wrapped.pdf"));
    }
    out.emplace_back(
        "signed bytes changed",
        trusted.bytes(replaceSame(s.bytes, "/MediaBox [0 0 595 842]", "/MediaBox [0 0 595 843]"),
                      "changed.pdf"));
    out.emplace_back("wrong /Type",
                     trusted.bytes(replaceSame(s.bytes, "/Type /Sig", "/Type /Xyz"), "type.pdf"));
    out.emplace_back("unknown format",
                     trusted.bytes(base("adbe.x509.rsa_sha1").bytes, "format.pdf"));
    return out;
  }

  TempDir m_dir;
};

TEST_F(VietnameseReportTest, NoEnglishSentenceOrLabelInVietnameseReports) {
  auto docs = documents();
  std::set<std::string> hit;
  for (auto& [what, r] : docs) {
    SCOPED_TRACE(what);
    // Every document still has its signature (the wrapped one may be unreadable as a PDF: its
    // error report is checked too).
    EXPECT_NE(r.status, pdfverify::FileStatus::Unsigned) << pdfverify::reportJson(r).dump();
    const std::string text = pdfverify::reportText(r, Lang::Vi);
    const std::string html = pdfverify::reportHtml({r}, Lang::Vi);
    // Every sentence the verifier produced has a row, and its Vietnamese form is shown.
    for (auto& f : findings(r)) {
      const std::string en = pdfverify::findingText(f, Lang::En);
      EXPECT_STRNE(pdfverify::findingCode(f), "detail")
          << "a lower layer's words, untranslated: " << en;
      hit.insert(pdfverify::findingCode(f));
      const std::string vi = pdfverify::findingText(f, Lang::Vi);
      EXPECT_NE(text.find(vi), std::string::npos) << vi << "\n" << text;
      EXPECT_EQ(text.find(en), std::string::npos) << "English in the text report: " << en;
      EXPECT_EQ(html.find(en), std::string::npos) << "English in the HTML report: " << en;
    }
    // No English piece of any row (a sentence with its arguments cut out).
    std::vector<std::string> templates;
    for (std::size_t i = 0; i < pdfverify::kProblemCount; ++i)
      templates.push_back(pdfverify::problemTemplate(static_cast<Problem>(i), Lang::En));
    for (std::size_t i = 0; i < cms::kNoteCount; ++i)
      templates.push_back(cms::noteTemplate(static_cast<cms::NoteId>(i), Lang::En));
    for (const auto& t : templates) {
      for (auto& piece : pieces(t.c_str())) {
        if (piece.size() < 12) continue;  // "." or " (" could be anywhere
        EXPECT_EQ(text.find(piece), std::string::npos)
            << "English in the text report: " << piece << "\n"
            << text;
        EXPECT_EQ(html.find(piece), std::string::npos) << "English in the HTML report: " << piece;
      }
    }
    for (const char* label : {"indication:", "intact:", "coverage:", "level:", "certification:",
                              "later changes", "Signature #", "problem:", "note:", "revision ",
                              "NOT valid", "Valid:", "Cannot confirm", "signed by", "(field "})
      EXPECT_EQ(text.find(label), std::string::npos) << "English label " << label << "\n" << text;
    for (const char* label : {">Signer<", ">Time<", ">Level<", ">Coverage<", ">Indication<",
                              ">Notes<", ">Problems<", "Revision ", "NOT allowed", "lang=\"en\""})
      EXPECT_EQ(html.find(label), std::string::npos) << "English label " << label;
    // The signer's name is shown as written in the certificate (UTF-8, not mangled).
    if (TestVerifier::hasCms() && what == std::string("untouched")) {
      EXPECT_NE(text.find("ký bởi Nguyễn Văn A (Sở Y tế (test))"), std::string::npos) << text;
    }
    // The English reports still say it in English.
    const std::string en = pdfverify::reportText(r, Lang::En);
    for (auto& f : findings(r)) {
      const std::string s = pdfverify::findingText(f, Lang::En);
      EXPECT_NE(en.find(s), std::string::npos) << s;
    }
  }
  // One word for "cannot confirm" in the folder's summary table and in the verdict lines.
  std::vector<FileReport> all;
  bool unconfirmed = false;
  for (auto& [what, r] : docs) {
    all.push_back(r);
    unconfirmed = unconfirmed || (r.status == pdfverify::FileStatus::Signed &&
                                  r.indication == pdfverify::Indication::Indeterminate);
  }
  if (unconfirmed) {
    EXPECT_NE(pdfverify::summaryTable(all, Lang::Vi).find("chưa xác định được"), std::string::npos);
    EXPECT_NE(pdfverify::summaryTable(all, Lang::En).find("cannot confirm"), std::string::npos);
    EXPECT_EQ(pdfverify::summaryTable(all, Lang::En).find("indeterminate"), std::string::npos);
  }
  // The documents exercise many rows of the table, not just one or two.
  std::string seen;
  for (auto& c : hit) seen += c + " ";
  EXPECT_GE(hit.size(), 8u) << seen;
  for (const char* code :
       {"bytes-appended", "trailing-bytes", "wrong-type", "unsupported-subfilter"})
    EXPECT_TRUE(hit.count(code)) << code << " not in " << seen;
  if (TestVerifier::hasCms()) {
    EXPECT_TRUE(hit.count("cms-issuer-missing")) << seen;  // self-signed, not an anchor
    EXPECT_TRUE(hit.count("cms-digest-mismatch")) << seen;
  }
}

}  // namespace
}  // namespace kyso::test
