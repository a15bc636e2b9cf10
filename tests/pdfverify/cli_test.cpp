// `kyso verify` end to end: exit codes 0-4, JSON lines with issue 7's fields, folders with a
// summary table, the HTML report, and .p7s files handed to the CMS verifier.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/json.h"
#include "tests/pdfverify/verify_fixture.h"

namespace kyso::test {
namespace {

namespace fs = std::filesystem;

fs::path corpus() {
  const char* s = std::getenv("KYSO_SHARED_DIR");
  return fs::path(s ? s : "../shared") / "corpus";
}

class CliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* bin = std::getenv("KYSO_BIN");
    m_kyso = fs::path(bin ? bin : "bin") / "kyso";
    if (!fs::exists(m_kyso)) {
      if (inCi()) FAIL() << "kyso binary missing: " << m_kyso;
      GTEST_SKIP() << "*** SKIPPED: kyso binary not built: " << m_kyso << " ***";
    }
  }
  ToolRun kyso(std::vector<std::string> args) {
    args.insert(args.begin(), {m_kyso.string(), "verify"});
    return runTool(args, {}, 60);
  }
  std::string pdf(const std::string& name) { return (corpus() / "pdf" / name).string(); }
  fs::path m_kyso;
  TempDir m_dir;
};

TEST_F(CliTest, ExitCodes) {
  const std::string nsp = pdf("nsp__signed-once.pdf");
  auto ok = kyso({"--offline", "--trust", (corpus() / "trust/nsp-signpdf-selfsigned.pem").string(),
                  "--at", "2019-11-05T12:00:00Z", "--trust-group", "none", nsp});
  EXPECT_EQ(ok.status, 0) << ok.out;
  EXPECT_NE(ok.out.find("Valid: signed by signpdf"), std::string::npos) << ok.out;
  auto bad = kyso({"--offline", pdf("dss__pdf-signed-added-page.pdf")});
  EXPECT_EQ(bad.status, 1) << bad.out;
  EXPECT_NE(bad.out.find("NOT valid: page 2 added"), std::string::npos) << bad.out;
  auto indet = kyso({"--offline", "--trust-group", "none", nsp});
  EXPECT_EQ(indet.status, 2) << indet.out;
  EXPECT_EQ(kyso({pdf("pyhanko__minimal.pdf")}).status, 3);
  // A file that cannot be read: the sentence and the file, in the person's language; the
  // operation and the parser's words only in the log (issue 17).
  auto damaged = kyso({"--lang", "vi", pdf("dss__malformed-pades.pdf")});
  EXPECT_EQ(damaged.status, 4);
  EXPECT_NE(damaged.out.find("Không đọc được tệp PDF: "), std::string::npos) << damaged.out;
  EXPECT_EQ(damaged.out.find("QPDF"), std::string::npos) << damaged.out;
  EXPECT_EQ(damaged.out.find("verifyPdf"), std::string::npos) << damaged.out;
  EXPECT_EQ(damaged.out.find("revisionChain"), std::string::npos) << damaged.out;
  EXPECT_EQ(kyso({(m_dir.path() / "missing.pdf").string()}).status, 4);
  EXPECT_EQ(kyso({"--trust-group", "bogus", nsp}).status, 64);
}

// Issue 21: the IT officer's /etc/kyso/config.ini gives every user the trust settings; the
// person's own config.ini wins key by key, and the command line wins over both. A line the files
// cannot use is reported and left out.
TEST_F(CliTest, MachineSettingsGiveTheDefaultsThePersonOverrides) {
  const fs::path machine = m_dir.path() / "etc" / "config.ini";
  const fs::path personal = m_dir.path() / "home-config";
  fs::create_directories(machine.parent_path());
  fs::create_directories(personal / "kyso");
  std::ofstream(machine) << "# set once by the IT officer\n[verify]\ntrust_group = none\ntrust = "
                         << (corpus() / "trust/nsp-signpdf-selfsigned.pem").string()
                         << "\nthis line is a mistake\n";
  const std::string nsp = pdf("nsp__signed-once.pdf");
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"env", "KYSO_SYSTEM_CONFIG=" + machine.string(),
                               "XDG_CONFIG_HOME=" + personal.string(), m_kyso.string(), "verify"});
    return runTool(args, {}, 60);
  };
  auto valid = run({"--offline", "--at", "2019-11-05T12:00:00Z", nsp});
  EXPECT_EQ(valid.status, 0) << valid.out;
  EXPECT_NE(valid.out.find("config.ini:5: not a [section] nor key = value"), std::string::npos)
      << valid.out;
  // Without the machine's anchor the signer is unknown: the file above made the difference.
  EXPECT_EQ(
      kyso({"--offline", "--at", "2019-11-05T12:00:00Z", "--trust-group", "none", nsp}).status, 2);
  std::ofstream(personal / "kyso" / "config.ini") << "[verify]\ntrust_group = bogus\n";
  auto mine = run({"--offline", nsp});
  EXPECT_EQ(mine.status, 64) << mine.out;
  EXPECT_NE(mine.out.find("trust_group under [verify] in the settings"), std::string::npos)
      << mine.out;
  auto given = run({"--offline", "--at", "2019-11-05T12:00:00Z", "--trust-group", "none", nsp});
  EXPECT_EQ(given.status, 0) << given.out;
}

// Issue 15: a permission-protected PDF (owner password only) signed by poppler's pdfsig. The
// signature dictionary's /Contents is never encrypted; kyso used to compare the gap with qpdf's
// decrypted copy and call every such signature broken.
TEST_F(CliTest, SignedPermissionProtectedPdfIsValid) {
  const char* bin = std::getenv("KYSO_BINARY_DIR");
  ASSERT_NE(bin, nullptr);
  const fs::path samples = fs::path(bin) / "test-samples";
  ASSERT_TRUE(fs::exists(samples / "pdfsig-encrypted-owner.pdf")) << "fixture 'samples' missing";
  auto r = kyso({"--offline", "--trust", (samples / "other" / "cert.pem").string(), "--trust-group",
                 "none", (samples / "pdfsig-encrypted-owner.pdf").string()});
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("Valid: signed by Other Producer"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("intact:        yes"), std::string::npos) << r.out;
}

// Issue 17: `kyso verify report.docx` verifies report.docx.p7s beside it; a folder holding office
// files with their .p7s and no PDF verifies those; a folder with neither is an error, not silence.
TEST_F(CliTest, OfficeFilesAreVerifiedThroughTheirP7s) {
  const char* bin = std::getenv("KYSO_BINARY_DIR");
  ASSERT_NE(bin, nullptr);
  const fs::path other = fs::path(bin) / "test-samples" / "other";
  ASSERT_TRUE(fs::exists(other / "cert.pem")) << "fixture 'samples' missing";
  const fs::path dir = m_dir.path() / "office";
  fs::create_directories(dir / "empty");
  { std::ofstream(dir / "bao-cao.docx") << "Báo cáo tháng 11"; }
  auto sig = runTool({"openssl", "cms", "-sign", "-binary", "-cades", "-in",
                      (dir / "bao-cao.docx").string(), "-signer", (other / "cert.pem").string(),
                      "-inkey", (other / "key.pem").string(), "-outform", "DER", "-out",
                      (dir / "bao-cao.docx.p7s").string()});
  ASSERT_EQ(sig.status, 0) << sig.out;
  const std::vector<std::string> trust = {"--offline", "--trust", (other / "cert.pem").string(),
                                          "--trust-group", "none"};
  auto with = [&](std::string target) {
    std::vector<std::string> a = trust;
    a.push_back(std::move(target));
    return a;
  };
  auto r = kyso(with((dir / "bao-cao.docx").string()));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("bao-cao.docx.p7s"), std::string::npos) << r.out;
  r = kyso(with(dir.string()));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("bao-cao.docx.p7s"), std::string::npos) << r.out;
  // A folder holding PDFs and .p7s files: the PDFs' reports, then the detached signatures, and
  // the worse exit code of the two (the PDF has no signature: 3).
  const fs::path mixed = m_dir.path() / "mixed";
  fs::create_directories(mixed);
  fs::copy_file(dir / "bao-cao.docx", mixed / "bao-cao.docx");
  fs::copy_file(dir / "bao-cao.docx.p7s", mixed / "bao-cao.docx.p7s");
  fs::copy_file(pdf("pyhanko__minimal.pdf"), mixed / "cong-van.pdf");
  r = kyso(with(mixed.string()));
  EXPECT_EQ(r.status, 3) << r.out;
  EXPECT_NE(r.out.find("cong-van.pdf"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bao-cao.docx.p7s"), std::string::npos) << r.out;
  { std::ofstream(mixed / "bao-cao.docx", std::ios::app) << " (sửa)"; }
  EXPECT_EQ(kyso(with(mixed.string())).status, 1) << "an edited office file fails the folder";
  { std::ofstream(dir / "bao-cao.docx", std::ios::app) << " (sửa)"; }
  EXPECT_EQ(kyso(with((dir / "bao-cao.docx").string())).status, 1);
  r = kyso(with((dir / "empty").string()));
  EXPECT_EQ(r.status, 4) << r.out;
  EXPECT_NE(r.out.find("no PDF, XML or .p7s file"), std::string::npos) << r.out;
}

TEST_F(CliTest, JsonLinesCarryTheSchema) {
  auto r = kyso({"--json", "--offline",
                 pdf("pyhanko__form-update-override-appearance-stream-sneaky.pdf"),
                 pdf("pyhanko__minimal.pdf"), pdf("pyhanko__minimal-startxref-hopeless.pdf")});
  EXPECT_EQ(r.status, 1) << r.out;
  std::istringstream in(r.out);
  std::string line;
  std::vector<Json> docs;
  while (std::getline(in, line)) {
    auto j = Json::parse(line);
    ASSERT_TRUE(j.ok()) << line;
    docs.push_back(*j);
  }
  ASSERT_EQ(docs.size(), 3u) << r.out;
  EXPECT_EQ(docs[0]["status"].asString(), "signed");
  EXPECT_EQ(docs[0]["indication"].asString(), "TOTAL-FAILED");
  const Json& sig = docs[0]["signatures"][0];
  for (const char* key : {"index", "field", "subfilter", "indication", "subindication", "intact",
                          "coverage", "modifications", "changes", "level", "signer", "signing_time",
                          "timestamp", "chain", "revocation", "notes"})
    EXPECT_TRUE(sig.contains(key)) << key;
  EXPECT_EQ(sig["modifications"].asString(), "disallowed");
  EXPECT_EQ(sig["coverage"].asString(), "revision");
  EXPECT_TRUE(sig["chain"].contains("trusted"));
  EXPECT_EQ(docs[1]["status"].asString(), "unsigned");
  EXPECT_EQ(docs[2]["status"].asString(), "error");
  EXPECT_FALSE(docs[2]["error"].isNull());
}

TEST_F(CliTest, FolderSummaryAndHtml) {
  fs::create_directories(m_dir.path() / "in" / "sub");
  fs::copy_file(pdf("dss__pdf-signed-original.pdf"), m_dir.path() / "in" / "a.pdf");
  fs::copy_file(pdf("pyhanko__minimal.pdf"), m_dir.path() / "in" / "sub" / "b.pdf");
  fs::copy_file(pdf("dss__pdf-signed-added-page.pdf"), m_dir.path() / "in" / "c.PDF");
  const fs::path html = m_dir.path() / "report.html";
  auto r =
      kyso({"--offline", "--lang", "vi", "--html", html.string(), (m_dir.path() / "in").string()});
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("KẾT QUẢ"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("b.pdf"), std::string::npos);
  EXPECT_NE(r.out.find("c.PDF"), std::string::npos);
  std::ifstream in(html);
  std::string h((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_NE(h.find("<html lang=\"vi\">"), std::string::npos);
  EXPECT_NE(h.find("Biên bản kiểm tra chữ ký số"), std::string::npos);
  EXPECT_NE(h.find("trang 2 được thêm vào"), std::string::npos) << h;
  EXPECT_NE(r.out.find("KHÔNG hợp lệ: trang 2 được thêm vào sau khi ký"), std::string::npos)
      << r.out;
  EXPECT_EQ(h.find("http"), std::string::npos) << "the report must be self-contained";
  // It serves as a record (issue 17): when and by what the check was made, the files' summary,
  // each signer's certificate, the verdict in words with the standard's codes after it.
  for (const char* part :
       {"Thời điểm kiểm tra: ", "(+07:00)", "Tổng hợp", "Định dạng chữ ký", "Chứng thư số",
        "Tổ chức cấp", "Hiệu lực", "Mã kết quả (ETSI EN 319 102-1)", "Lập bởi kyso verify. kyso ",
        "KHÔNG hợp lệ", "@page{size:A4"})
    EXPECT_NE(h.find(part), std::string::npos) << part;
  EXPECT_EQ(h.find(">SubFilter<"), std::string::npos);
  // Inputs are never modified.
  EXPECT_EQ(fs::file_size(m_dir.path() / "in" / "a.pdf"),
            fs::file_size(pdf("dss__pdf-signed-original.pdf")));
}

// Files are verified on several threads: the output (text and JSON lines), the summary and the exit
// code must be exactly those of a one-thread run, in the order given, whatever finishes first.
TEST_F(CliTest, ParallelRunsPrintExactlyWhatOneThreadPrints) {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(corpus() / "pdf"))
    if (e.path().extension() == ".pdf") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  files.push_back((m_dir.path() / "missing.pdf").string());
  ASSERT_GE(files.size(), 10u);
  for (bool json : {false, true}) {
    SCOPED_TRACE(json ? "json" : "text");
    std::vector<std::string> base = {"--offline", "--at", "2024-01-01T00:00:00Z"};
    if (json) base.push_back("--json");
    auto one = base;
    one.insert(one.end(), {"--jobs", "1"});
    one.insert(one.end(), files.begin(), files.end());
    auto many = base;
    many.insert(many.end(), {"--jobs", "5"});
    many.insert(many.end(), files.begin(), files.end());
    ToolRun a = kyso(one), b = kyso(many);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.out, b.out);
    EXPECT_EQ(a.status, 1) << "the corpus holds invalid files";
  }
  EXPECT_EQ(kyso({"--jobs", "0", files.front()}).status, 64);
  EXPECT_EQ(kyso({"--jobs", "x", files.front()}).status, 64);
}

TEST_F(CliTest, CmsFilesGoToTheCmsVerifier) {
  auto r = kyso({"--offline", (corpus() / "cms/dss__cades-bes-signeddata-detached.p7s").string(),
                 "--content", (corpus() / "cms/content/hello_world.txt").string()});
  EXPECT_TRUE(r.status == 0 || r.status == 2) << r.out;
  auto wrong =
      kyso({"--offline", (corpus() / "cms/dss__cades-bes-signeddata-detached.p7s").string(),
            "--content", (corpus() / "cms/content/bye_world.txt").string()});
  EXPECT_EQ(wrong.status, 1) << wrong.out;
}

}  // namespace
}  // namespace kyso::test
