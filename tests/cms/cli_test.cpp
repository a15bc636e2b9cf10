// `kyso sign --detached` and `kyso verify` on .p7s/.p7m as a user runs them: the real binary, keys
// on a SoftHSM token (one login for a batch) or PEM files (developer path), checked by
// `openssl cms -verify`; exit codes and --json.
#include <gtest/gtest.h>

#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include "core/json.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

namespace fs = std::filesystem;

std::string envOr(const char* n) {
  const char* v = std::getenv(n);
  return v ? v : "";
}
fs::path pkiFile(const std::string& n) {
  return fs::path(envOr("KYSO_TEST_PKI")) / n;
}
std::string kyso() {
  return (fs::path(envOr("KYSO_BIN")) / "kyso").string();
}
void write(const fs::path& p, const std::string& s) {
  std::ofstream(p, std::ios::binary) << s;
}

class CliCms : public SoftHsmTest {
 protected:
  void SetUp() override {
    if (!fs::exists(pkiFile("root.pem")) || !fs::exists(kyso())) {
      if (inCi()) FAIL() << "test PKI or kyso binary missing";
      GTEST_SKIP() << "*** SKIPPED: needs the test PKI (ctest fixture) and the kyso binary";
    }
    SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ::setenv("KYSO_HOME", (work.path() / "home").c_str(), 1);
    for (int i = 0; i < 3; ++i)
      write(work.path() / ("doc" + std::to_string(i) + ".docx"), "nội dung " + std::to_string(i));
  }
  ToolRun opensslVerify(const fs::path& p7s, const fs::path& content) {
    return runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s.string(),
                    "-content", content.string(), "-CAfile", pkiFile("root.pem").string(),
                    "-certfile", pkiFile("gov-ca.pem").string(), "-purpose", "any", "-out",
                    "/dev/null"});
  }
  // The test signer's key and certificate on the token, its PIN in KYSO_TEST_PIN.
  void importSigner() {
    ASSERT_TRUE(token().importKey(pkiFile("signer-rsa2048.key"), "01", "Signer").ok());
    ASSERT_TRUE(token().importCert(pkiFile("signer-rsa2048.pem"), "01", "Signer").ok());
    ::setenv("KYSO_TEST_PIN", token().userPin().c_str(), 1);
  }
  // The fault-injecting module in front of this test's token, with `directive` in KYSO_FAULT
  // (unset by the caller after the run); empty when it is not built (a failure in CI).
  std::string faultModule(const std::string& directive) {
    const char* fault = std::getenv("KYSO_FAULT_MODULE");
    if (!fault || !fs::exists(fault)) {
      if (inCi()) ADD_FAILURE() << "KYSO_FAULT_MODULE missing";
      return {};
    }
    ::setenv("KYSO_FAULT", directive.c_str(), 1);
    ::setenv("KYSO_FAULT_TARGET", token().modulePath().c_str(), 1);
    return fault;
  }
  TempDir work;
};

TEST_F(CliCms, TokenBatchSignsEveryFileOnce) {
  ASSERT_NO_FATAL_FAILURE(importSigner());
  std::vector<std::string> argv = {
      kyso(),      "sign",          "--detached", "--module", token().modulePath().string(),
      "--pin-env", "KYSO_TEST_PIN", "--json"};
  for (int i = 0; i < 3; ++i)
    argv.push_back((work.path() / ("doc" + std::to_string(i) + ".docx")).string());
  ToolRun r = runTool(argv);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(r.out.find(token().userPin()), std::string::npos) << "the PIN must never be printed";
  for (int i = 0; i < 3; ++i) {
    fs::path doc = work.path() / ("doc" + std::to_string(i) + ".docx");
    ToolRun v = opensslVerify(doc.string() + ".p7s", doc);
    EXPECT_EQ(v.status, 0) << v.out;
  }
  // Refuses to overwrite without --force, leaves the file intact.
  std::string before;
  {
    std::ifstream in(work.path() / "doc0.docx.p7s", std::ios::binary);
    before.assign(std::istreambuf_iterator<char>(in), {});
  }
  ToolRun again = runTool({kyso(), "sign", "--detached", "--module", token().modulePath().string(),
                           "--pin-env", "KYSO_TEST_PIN", (work.path() / "doc0.docx").string()});
  EXPECT_NE(again.status, 0);
  std::ifstream in(work.path() / "doc0.docx.p7s", std::ios::binary);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), before);
  // ... and before the token signs anything: through a module whose token is "pulled out" after
  // one signature, a batch of one new file and three existing outputs signs the new one and
  // reports the others as existing (exit 4), not as a removed token (exit 5).
  const std::string fault = faultModule("remove_after_signs=1");
  if (fault.empty()) return;
  argv[4] = fault;
  const fs::path fresh = work.path() / "new.docx";
  write(fresh, "Quyết định mới");
  argv.insert(argv.begin() + 8, {"--jobs", "1", fresh.string()});
  ToolRun existing = runTool(argv);
  ::unsetenv("KYSO_FAULT");
  EXPECT_EQ(existing.status, 4) << existing.out;
  EXPECT_EQ(existing.out.find("TokenRemoved"), std::string::npos) << existing.out;
  EXPECT_EQ(existing.out.find("not attempted"), std::string::npos) << existing.out;
  EXPECT_EQ(opensslVerify(fresh.string() + ".p7s", fresh).status, 0);
  std::size_t refused = 0;
  for (auto at = existing.out.find("\"error\":\"FileExists\""); at != std::string::npos;
       at = existing.out.find("\"error\":\"FileExists\"", at + 1))
    ++refused;
  EXPECT_EQ(refused, 3u) << existing.out;
}

// A token with CKM_RSA_PKCS_PSS but without raw RSA (CKM_RSA_X_509): `--pss` can only succeed if
// the token signs with CKM_RSA_PKCS_PSS. Both openssl and kyso's verifier must accept the result.
class CliCmsPssToken : public CliCms {
 protected:
  SoftHsmToken::Options options() const override {
    SoftHsmToken::Options o;
    o.mechanisms = {"CKM_RSA_PKCS", "CKM_RSA_PKCS_PSS", "CKM_ECDSA"};
    return o;
  }
};

TEST_F(CliCmsPssToken, PssWithEveryDigestVerifiesWithOpensslAndKyso) {
  ASSERT_NO_FATAL_FAILURE(importSigner());
  for (std::string digest : {"sha256", "sha384", "sha512"}) {
    SCOPED_TRACE(digest);
    fs::path doc = work.path() / "doc0.docx";
    fs::path out = work.path() / ("doc0-" + digest + ".p7s");
    ToolRun r = runTool({kyso(), "sign", "--detached", "--pss", "--digest", digest, "--module",
                         token().modulePath().string(), "--pin-env", "KYSO_TEST_PIN", "-o",
                         out.string(), doc.string()});
    ASSERT_EQ(r.status, 0) << r.out;
    ToolRun o = opensslVerify(out, doc);
    EXPECT_EQ(o.status, 0) << o.out;
    ToolRun printed = runTool(
        {"openssl", "cms", "-cmsout", "-print", "-noout", "-inform", "DER", "-in", out.string()});
    EXPECT_NE(printed.out.find("rsassaPss"), std::string::npos) << printed.out;
    EXPECT_NE(printed.out.find("mgf1"), std::string::npos) << printed.out;
    ToolRun v = runTool({kyso(), "verify", out.string(), "--content", doc.string(), "--trust",
                         pkiFile("root.pem").string(), "--json"});
    EXPECT_EQ(v.status, 0) << v.out;
    auto j = Json::parse(v.out);
    ASSERT_TRUE(j.ok()) << v.out;
    EXPECT_EQ((*j)["indication"].asString(), "TOTAL-PASSED") << v.out;
    EXPECT_NE(v.out.find("PSS"), std::string::npos) << v.out;
    // Tampered content: not valid.
    fs::path other = work.path() / "doc1.docx";
    EXPECT_EQ(runTool({kyso(), "verify", out.string(), "--content", other.string(), "--trust",
                       pkiFile("root.pem").string()})
                  .status,
              1);
  }
  // --pss with an EC key is refused, not silently signed otherwise.
  ToolRun ec = runTool({kyso(), "sign", (work.path() / "doc2.docx").string(), "--detached", "--pss",
                        "--key-file", pkiFile("signer-ec256.key").string(), "--cert-file",
                        pkiFile("signer-ec256.pem").string()});
  EXPECT_NE(ec.status, 0) << ec.out;
  EXPECT_FALSE(fs::exists(work.path() / "doc2.docx.p7s"));
}

// A software token signs on several sessions at once (--jobs): every .p7s must carry the digest of
// its own file, whichever lane made it, and the batch must still report in input order.
TEST_F(CliCms, ParallelLanesSignEachFileWithItsOwnContent) {
  ASSERT_NO_FATAL_FAILURE(importSigner());
  constexpr int kFiles = 40;
  std::vector<std::string> argv = {
      kyso(),      "sign",          "--detached", "--module", token().modulePath().string(),
      "--pin-env", "KYSO_TEST_PIN", "--jobs",     "3",        "--json"};
  for (int i = 0; i < kFiles; ++i) {
    fs::path f = work.path() / ("lane" + std::to_string(i) + ".txt");
    write(f, "Công văn số " + std::to_string(i) + "/SYT-VP");
    argv.push_back(f.string());
  }
  ToolRun r = runTool(argv);
  ASSERT_EQ(r.status, 0) << r.out;
  std::size_t pos = 0;
  for (int i = 0; i < kFiles; ++i) {
    fs::path f = work.path() / ("lane" + std::to_string(i) + ".txt");
    std::size_t at = r.out.find("\"" + f.string() + "\"", pos);
    ASSERT_NE(at, std::string::npos) << "file " << i << " not reported in order:\n" << r.out;
    pos = at;
    EXPECT_EQ(opensslVerify(f.string() + ".p7s", f).status, 0) << f;
  }
  // The signature of one file does not verify another's content.
  EXPECT_NE(
      opensslVerify((work.path() / "lane0.txt.p7s").string(), work.path() / "lane1.txt").status, 0);
  // Verifying them on several threads prints exactly what one thread prints, in order; one
  // content changed after signing fails wherever it falls.
  write(work.path() / "lane5.txt", "Công văn số 5/SYT-VP (sửa)");
  // One validation time for both runs: "judged at ... now" would differ when they straddle a
  // second.
  char at[32];
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
  std::vector<std::string> v1 = {kyso(),
                                 "verify",
                                 "--offline",
                                 "--at",
                                 at,
                                 "--trust",
                                 pkiFile("root.pem").string(),
                                 "--trust",
                                 pkiFile("gov-ca.pem").string()};
  for (int i = 0; i < kFiles; ++i)
    v1.push_back((work.path() / ("lane" + std::to_string(i) + ".txt.p7s")).string());
  std::vector<std::string> v4 = v1;
  v1.insert(v1.begin() + 2, {"--jobs", "1"});
  v4.insert(v4.begin() + 2, {"--jobs", "4"});
  ToolRun one = runTool(v1), four = runTool(v4);
  EXPECT_EQ(one.status, 1) << one.out;
  EXPECT_EQ(four.status, one.status);
  EXPECT_EQ(four.out, one.out);
  EXPECT_NE(one.out.find("NOT valid"), std::string::npos) << one.out;
  for (const char* bad : {"0", "65", "two", "3x"})
    EXPECT_EQ(runTool({kyso(), "sign", "--detached", (work.path() / "lane0.txt").string(),
                       "--force", "--jobs", bad, "--module", token().modulePath().string(),
                       "--pin-env", "KYSO_TEST_PIN"})
                  .status,
              64)
        << bad;
}

// A token that refuses a second session (CKR_SESSION_COUNT although it claims room): the batch
// signs on the one session it has, every file, and says nothing alarming.
TEST_F(CliCms, TokenRefusingMoreSessionsSignsOnOne) {
  ASSERT_NO_FATAL_FAILURE(importSigner());
  const std::string fault = faultModule("refuse_sessions_after=1");
  if (fault.empty()) GTEST_SKIP() << "*** SKIPPED: the fault-injecting module is not built ***";
  std::vector<std::string> argv = {kyso(),      "sign",          "--detached", "--module", fault,
                                   "--pin-env", "KYSO_TEST_PIN", "--jobs",     "3"};
  for (int i = 0; i < 3; ++i)
    argv.push_back((work.path() / ("doc" + std::to_string(i) + ".docx")).string());
  ToolRun r = runTool(argv);
  ::unsetenv("KYSO_FAULT");
  ASSERT_EQ(r.status, 0) << r.out;
  for (int i = 0; i < 3; ++i) {
    fs::path doc = work.path() / ("doc" + std::to_string(i) + ".docx");
    EXPECT_EQ(opensslVerify(doc.string() + ".p7s", doc).status, 0) << doc;
  }
}

// The token is pulled out after 7 signatures (the fault module) while two lanes sign: the batch
// stops with the token error, every .p7s made is whole and valid, the rest are reported as not
// attempted, and no temporary file is left.
TEST_F(CliCms, TokenPulledOutMidParallelBatchKeepsWhatIsDone) {
  ASSERT_NO_FATAL_FAILURE(importSigner());
  const std::string fault = faultModule("remove_after_signs=7");
  if (fault.empty()) GTEST_SKIP() << "*** SKIPPED: the fault-injecting module is not built ***";
  fs::path dir = work.path() / "batch";
  fs::create_directories(dir);
  constexpr int kFiles = 30;
  std::vector<std::string> argv = {kyso(), "sign",      "--detached",    "--module",
                                   fault,  "--pin-env", "KYSO_TEST_PIN", "--jobs",
                                   "2",    "--json"};
  for (int i = 0; i < kFiles; ++i) {
    fs::path f = dir / ("f" + std::to_string(i) + ".txt");
    write(f, "tờ trình " + std::to_string(i));
    argv.push_back(f.string());
  }
  ToolRun r = runTool(argv);
  ::unsetenv("KYSO_FAULT");
  EXPECT_EQ(r.status, 5) << r.out;
  int signedLines = 0, failedLines = 0, notAttempted = 0;
  std::istringstream lines(r.out);
  for (std::string line; std::getline(lines, line);) {
    auto j = Json::parse(line);
    if (!j.ok()) continue;
    std::string st = (*j)["status"].asString();
    signedLines += st == "signed";
    failedLines += st == "failed";
    notAttempted += st == "not attempted";
    if (st == "failed") {
      EXPECT_EQ((*j)["error"].asString(), "TokenRemoved") << line;
    }
  }
  EXPECT_GE(signedLines, 7) << r.out;
  EXPECT_LE(signedLines, 8) << r.out;
  EXPECT_GE(failedLines, 1) << r.out;
  EXPECT_EQ(signedLines + failedLines + notAttempted, kFiles) << r.out;
  int outputs = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    EXPECT_NE(name[0], '.') << "temporary file left: " << name;
    if (e.path().extension() != ".p7s") continue;
    ++outputs;
    fs::path content = e.path();
    content.replace_extension();
    EXPECT_EQ(opensslVerify(e.path(), content).status, 0) << e.path();
  }
  EXPECT_EQ(outputs, signedLines);
}

TEST_F(CliCms, KeyFileSignVerifyAndExitCodes) {
  fs::path doc = work.path() / "doc1.docx";
  ToolRun s = runTool({kyso(), "sign", doc.string(), "--detached", "--key-file",
                       pkiFile("signer-ec256.key").string(), "--cert-file",
                       pkiFile("signer-ec256.pem").string(), "--chain-file",
                       pkiFile("gov-ca.pem").string()});
  ASSERT_EQ(s.status, 0) << s.out;
  EXPECT_EQ(opensslVerify(doc.string() + ".p7s", doc).status, 0);
  // Without --detached a file that is not a PDF is signed the same way (through kyso-commands.so
  // instead of kyso-detached.so).
  fs::path plain = work.path() / "tờ trình.txt";
  write(plain, "Tờ trình\n");
  ToolRun s2 = runTool({kyso(), "sign", "--key-file", pkiFile("signer-ec256.key").string(),
                        "--cert-file", pkiFile("signer-ec256.pem").string(), "--out-dir",
                        work.path().string(), plain.string()});
  ASSERT_EQ(s2.status, 0) << s2.out;
  EXPECT_EQ(opensslVerify(plain.string() + ".p7s", plain).status, 0);
  // Trusted with the test root, revocation via the loopback OCSP responder.
  ToolRun v = runTool(
      {kyso(), "verify", doc.string() + ".p7s", "--trust", pkiFile("root.pem").string(), "--json"});
  EXPECT_EQ(v.status, 0) << v.out;
  auto j = Json::parse(v.out);
  ASSERT_TRUE(j.ok()) << v.out;
  EXPECT_EQ((*j)["indication"].asString(), "TOTAL-PASSED");
  EXPECT_EQ((*j)["signatures"][0]["signer"]["common_name"].asString(), "Lê Thị Hồng Nhung");
  // Text output leads with the actionable line.
  ToolRun text =
      runTool({kyso(), "verify", doc.string() + ".p7s", "--trust", pkiFile("root.pem").string()});
  EXPECT_EQ(text.out.rfind("Valid: signed by Lê Thị Hồng Nhung", 0), 0u) << text.out;
  // In Vietnamese: the verdict, the labels and the CMS layer's sentences.
  ToolRun vi = runTool({kyso(), "verify", doc.string() + ".p7s", "--trust",
                        pkiFile("root.pem").string(), "--lang", "vi"});
  EXPECT_EQ(vi.status, 0) << vi.out;
  EXPECT_EQ(vi.out.rfind("Hợp lệ: ký bởi Lê Thị Hồng Nhung", 0), 0u) << vi.out;
  EXPECT_NE(vi.out.find("chuỗi chứng thư:"), std::string::npos) << vi.out;
  EXPECT_EQ(runTool({kyso(), "verify", doc.string() + ".p7s", "--lang", "fr"}).status, 64);
  // The HTML record covers PDF and XML: asked of a .p7s it is refused, said, and nothing written.
  const fs::path html = work.path() / "record.html";
  ToolRun asHtml = runTool({kyso(), "verify", doc.string() + ".p7s", "--trust",
                            pkiFile("root.pem").string(), "--html", html.string()});
  EXPECT_EQ(asHtml.status, 64) << asHtml.out;
  EXPECT_NE(asHtml.out.find("the HTML report covers PDF and XML files"), std::string::npos)
      << asHtml.out;
  EXPECT_FALSE(fs::exists(html));
  // Another content: exit 1 (failed).
  fs::path other = work.path() / "doc2.docx";
  ToolRun bad = runTool({kyso(), "verify", doc.string() + ".p7s", "--content", other.string(),
                         "--trust", pkiFile("root.pem").string()});
  EXPECT_EQ(bad.status, 1) << bad.out;
  EXPECT_EQ(bad.out.rfind("NOT valid", 0), 0u) << bad.out;
  ToolRun badVi = runTool({kyso(), "verify", doc.string() + ".p7s", "--content", other.string(),
                           "--trust", pkiFile("root.pem").string(), "--lang", "vi"});
  EXPECT_EQ(badVi.status, 1);
  EXPECT_EQ(badVi.out.rfind("KHÔNG hợp lệ: Nội dung không khớp", 0), 0u) << badVi.out;
  // Untrusted root (only the shipped anchors): exit 2 (indeterminate).
  ToolRun untrusted = runTool({kyso(), "verify", doc.string() + ".p7s", "--offline"});
  EXPECT_EQ(untrusted.status, 2) << untrusted.out;
  // Garbage: exit 4.
  write(work.path() / "junk.p7s", "not a signature");
  ToolRun junk =
      runTool({kyso(), "verify", (work.path() / "junk.p7s").string(), "--content", doc.string()});
  EXPECT_EQ(junk.status, 4) << junk.out;
  // Usage.
  EXPECT_EQ(runTool({kyso(), "sign", doc.string(), "--detached", "--level", "B-T"}).status, 64);
}

TEST_F(CliCms, BtWithTheLoopbackTsaAndOpensslTsVerify) {
  fs::path doc = work.path() / "doc0.docx";
  std::string base = envOr("KYSO_TEST_PORT_BASE");
  std::string tsa = "http://127.0.0.1:" + std::to_string(std::atoi(base.c_str()) + 2) + "/";
  ToolRun s = runTool({kyso(), "sign", doc.string(), "--detached", "--level", "B-T", "--tsa", tsa,
                       "--key-file", pkiFile("signer-rsa3072.key").string(), "--cert-file",
                       pkiFile("signer-rsa3072.pem").string()});
  ASSERT_EQ(s.status, 0) << s.out;
  ToolRun v = runTool(
      {kyso(), "verify", doc.string() + ".p7s", "--trust", pkiFile("root.pem").string(), "--json"});
  auto j = Json::parse(v.out);
  ASSERT_TRUE(j.ok()) << v.out;
  const Json& sig = (*j)["signatures"][0];
  EXPECT_EQ(sig["timestamp"]["status"].asString(), "valid") << v.out;
  EXPECT_EQ(sig["validation_time_source"].asString(), "timestamp");
  EXPECT_EQ(v.status, 0) << v.out;
}

// Issue 21: the machine's settings name the timestamp server and the level once for every user
// ([sign] in /etc/kyso/config.ini): a plain `kyso sign --detached` is then timestamped. The
// person's own file says B-B: that wins, and no timestamp is asked.
TEST_F(CliCms, MachineSettingsNameTheTsaAndTheLevel) {
  fs::path doc = work.path() / "doc0.docx";
  std::string base = envOr("KYSO_TEST_PORT_BASE");
  std::string tsa = "http://127.0.0.1:" + std::to_string(std::atoi(base.c_str()) + 2) + "/";
  const fs::path machine = work.path() / "etc-kyso.ini";
  const fs::path personal = work.path() / "person-config";
  fs::create_directories(personal / "kyso");
  write(machine, "[sign]\nlevel = B-T\ntsa = " + tsa + "\n");
  auto sign = [&]() {
    return runTool({"env", "KYSO_SYSTEM_CONFIG=" + machine.string(),
                    "XDG_CONFIG_HOME=" + personal.string(), kyso(), "sign", doc.string(),
                    "--detached", "--force", "--key-file", pkiFile("signer-rsa3072.key").string(),
                    "--cert-file", pkiFile("signer-rsa3072.pem").string()});
  };
  auto timestamp = [&]() {
    ToolRun v = runTool({kyso(), "verify", doc.string() + ".p7s", "--trust",
                         pkiFile("root.pem").string(), "--json"});
    auto j = Json::parse(v.out);
    EXPECT_TRUE(j.ok()) << v.out;
    return j.ok() ? (*j)["signatures"][0]["timestamp"]["status"].asString() : std::string("?");
  };
  ToolRun s = sign();
  ASSERT_EQ(s.status, 0) << s.out;
  EXPECT_EQ(timestamp(), "valid");
  write(personal / "kyso" / "config.ini", "[sign]\nlevel = B-B\n");
  s = sign();
  ASSERT_EQ(s.status, 0) << s.out;
  EXPECT_EQ(timestamp(), "");
}

TEST_F(CliCms, EnvelopingP7mFromOpenssl) {
  fs::path doc = work.path() / "doc0.docx";
  fs::path p7m = work.path() / "doc0.docx.p7m";
  ToolRun s = runTool({"openssl", "cms", "-sign", "-nodetach", "-binary", "-in", doc.string(),
                       "-signer", pkiFile("signer-rsa2048.pem").string(), "-inkey",
                       pkiFile("signer-rsa2048.key").string(), "-certfile",
                       pkiFile("gov-ca.pem").string(), "-outform", "DER", "-out", p7m.string()});
  ASSERT_EQ(s.status, 0) << s.out;
  ToolRun v = runTool({kyso(), "verify", p7m.string(), "--trust", pkiFile("root.pem").string()});
  EXPECT_EQ(v.status, 0) << v.out;
  EXPECT_NE(v.out.find("enveloping"), std::string::npos);
}

}  // namespace
}  // namespace kyso::test
