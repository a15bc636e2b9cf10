// Round trips to the token (issue 22): on a USB token every call costs milliseconds, so a batch
// must cost one C_SignInit and one C_Sign per file and nothing else after its start. Each kind of
// batch (PAdES, detached CMS, XML-DSig) is run twice through the fault-injecting module, with 2
// and with 4 files, and the module's count of every call is compared: the difference must be
// exactly two C_SignInit and two C_Sign. The app's batch (ui::SignBatch, through
// kyso_sign_batch_driver) is counted the same way. A regression in the number of round trips fails
// CI.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

namespace fs = std::filesystem;

std::string envOr(const char* n) {
  const char* v = std::getenv(n);
  return v ? v : "";
}

std::map<std::string, long> readCounts(const fs::path& p) {
  std::map<std::string, long> out;
  std::ifstream in(p);
  std::string name;
  long n = 0;
  while (in >> name >> n) out[name] = n;
  return out;
}

class TokenCalls : public SoftHsmTest {
 protected:
  void SetUp() override {
    fault = envOr("KYSO_FAULT_MODULE");
    const fs::path pki = envOr("KYSO_TEST_PKI");
    if (fault.empty() || !fs::exists(fault) || !fs::exists(pki / "root.pem")) {
      if (inCi()) FAIL() << "the fault module or the test PKI is missing";
      GTEST_SKIP() << "*** SKIPPED: needs the fault module and the test PKI";
    }
    SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "01", "Signer").ok());
    ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "01", "Signer").ok());
    ::setenv("KYSO_TEST_PIN", token().userPin().c_str(), 1);
    ::setenv("KYSO_FAULT_TARGET", token().modulePath().c_str(), 1);
    ::setenv("KYSO_FAULT", "", 1);
    ::setenv("KYSO_HOME", (work.path() / "home").c_str(), 1);
  }
  void TearDown() override {
    ::unsetenv("KYSO_FAULT_COUNTS");
    SoftHsmTest::TearDown();
  }
  // Signs `files` in one call with `extra` options; returns the module's call counts. With
  // `viaApp`, the app's batch signs them (kyso_sign_batch_driver: ui::SignBatch as the Sign tab
  // runs it, at the level in `extra`, B-B when empty), else `kyso sign`.
  std::map<std::string, long> sign(const std::vector<fs::path>& files,
                                   std::vector<std::string> extra, const std::string& tag,
                                   bool viaApp = false) {
    const fs::path counts = work.path() / ("counts-" + tag + ".txt");
    const fs::path out = work.path() / ("out-" + tag);
    fs::create_directories(out);
    ::setenv("KYSO_FAULT_COUNTS", counts.c_str(), 1);
    std::vector<std::string> argv = {(fs::path(envOr("KYSO_BIN")) / "kyso").string(),
                                     "sign",
                                     "--module",
                                     fault,
                                     "--pin-env",
                                     "KYSO_TEST_PIN",
                                     "--out-dir",
                                     out.string()};
    if (viaApp) {
      const fs::path pin = work.path() / "pin";
      std::ofstream(pin) << token().userPin() << "\n";
      fs::permissions(pin, fs::perms::owner_read | fs::perms::owner_write);
      argv = {appDriver().string(),
              fault,
              pin.string(),
              out.string(),
              extra.empty() ? "B-B" : extra[0],
              "-",
              "-"};
      extra.clear();
    }
    argv.insert(argv.end(), extra.begin(), extra.end());
    for (const auto& f : files) argv.push_back(f.string());
    ToolRun r = runTool(argv);
    EXPECT_EQ(r.status, 0) << r.out;
    return readCounts(counts);
  }
  static fs::path appDriver() {
    return fs::path(envOr("KYSO_BINARY_DIR")) / "tests" / "kyso_sign_batch_driver";
  }
  // The calls a batch of 4 makes beyond a batch of 2: exactly two signatures.
  void expectTwoMoreSignaturesOnly(const std::vector<fs::path>& four,
                                   const std::vector<std::string>& extra, bool viaApp = false) {
    auto two = sign({four[0], four[1]}, extra, "two", viaApp);
    auto all = sign(four, extra, "four", viaApp);
    ASSERT_FALSE(two.empty()) << "the module wrote no counts";
    std::map<std::string, long> more;
    for (const auto& [name, n] : all)
      if (n != two[name]) more[name] = n - two[name];
    for (const auto& [name, n] : two)
      if (!all.count(name)) more[name] = -n;
    const std::map<std::string, long> expected = {{"C_Sign", 2}, {"C_SignInit", 2}};
    std::ostringstream got;
    for (const auto& [name, n] : more) got << name << " " << n << "; ";
    EXPECT_EQ(more, expected) << "calls per extra file: " << got.str();
    EXPECT_EQ(all["C_Login"], 1) << "one login for the batch";
  }
  std::vector<fs::path> copies(const fs::path& from, const std::string& ext) {
    std::vector<fs::path> out;
    for (int i = 0; i < 4; ++i) {
      out.push_back(work.path() / ("doc" + std::to_string(i) + ext));
      fs::copy_file(from, out.back());
    }
    return out;
  }
  std::string fault;
  TempDir work;
};

TEST_F(TokenCalls, PdfBatchCostsOneSignInitAndOneSignPerFile) {
  const fs::path letter = fs::path(envOr("KYSO_BINARY_DIR")) / "test-samples" / "letter.pdf";
  if (!fs::exists(letter)) GTEST_SKIP() << "needs the samples fixture";
  expectTwoMoreSignaturesOnly(copies(letter, ".pdf"), {});
}

TEST_F(TokenCalls, DetachedBatchCostsOneSignInitAndOneSignPerFile) {
  const fs::path text = work.path() / "note.txt";
  std::ofstream(text) << "Biên bản họp giao ban";
  // One lane: a USB token signs on one session; several lanes open sessions per batch.
  expectTwoMoreSignaturesOnly(copies(text, ".txt"), {"--detached", "--jobs", "1", "--offline"});
}

// The app's batch (SignBatch, issue 22 item 6): PDFs and a detached file, as the Sign tab signs
// them after its certificate list and its check before the PIN.
TEST_F(TokenCalls, AppBatchCostsOneSignInitAndOneSignPerFile) {
  const fs::path letter = fs::path(envOr("KYSO_BINARY_DIR")) / "test-samples" / "letter.pdf";
  if (!fs::exists(letter)) GTEST_SKIP() << "needs the samples fixture";
  if (!fs::exists(appDriver())) {
    if (inCi()) FAIL() << "kyso_sign_batch_driver is missing: the app is built in CI";
    GTEST_SKIP() << "*** SKIPPED: the app is not built";
  }
  expectTwoMoreSignaturesOnly(copies(letter, ".pdf"), {}, true);
}

TEST_F(TokenCalls, AppDetachedBatchCostsOneSignInitAndOneSignPerFile) {
  if (!fs::exists(appDriver())) {
    if (inCi()) FAIL() << "kyso_sign_batch_driver is missing: the app is built in CI";
    GTEST_SKIP() << "*** SKIPPED: the app is not built";
  }
  const fs::path text = work.path() / "note.txt";
  std::ofstream(text) << "Biên bản họp giao ban";
  expectTwoMoreSignaturesOnly(copies(text, ".txt"), {}, true);
}

TEST_F(TokenCalls, XmlBatchCostsOneSignInitAndOneSignPerFile) {
  const fs::path claim = work.path() / "claim.xml";
  std::ofstream(claim) << "<GIAMDINHHS><MACSKCB>79001</MACSKCB><CHUKYDONVI/></GIAMDINHHS>\n";
  expectTwoMoreSignaturesOnly(copies(claim, ".xml"), {});
}

// Round trips to the network (issue 22): a B-LT batch asks the TSA once per file, and the OCSP
// responder, the CRL and AIA servers once per certificate for the whole batch. A private PKI and
// its own counting servers (the build tree's port base + 60), so that no other test's requests are
// counted.
class NetworkRoundTrips : public TokenCalls {
 protected:
  void SetUp() override {
    const std::string base = envOr("KYSO_TEST_PORT_BASE");
    if (base.empty()) GTEST_SKIP() << "needs KYSO_TEST_PORT_BASE";
    portBase = std::stoi(base) + 60;
    TokenCalls::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const fs::path src = envOr("KYSO_SOURCE_DIR");
    pki = work.path() / "pki";
    counts = work.path() / "net.txt";
    ToolRun made = runTool(
        {"bash", (src / "tests/pki/make-pki.sh").string(), pki.string(), std::to_string(portBase)},
        {}, 120);
    ASSERT_EQ(made.status, 0) << made.out;
    ::setenv("KYSO_SERVICES_ARGS", ("--counts " + counts.string()).c_str(), 1);
    ToolRun up =
        runTool({"bash", (src / "tests/pki/services.sh").string(), "start", pki.string(),
                 std::to_string(portBase),
                 (fs::path(envOr("KYSO_BINARY_DIR")) / "tests/kyso_test_server").string()});
    ::unsetenv("KYSO_SERVICES_ARGS");
    ASSERT_EQ(up.status, 0) << up.out;
    started = true;
    // This PKI's signer on the token, under another id.
    ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "09", "Private PKI").ok());
    ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "09", "Private PKI").ok());
  }
  void TearDown() override {
    if (started)
      runTool({"bash", (fs::path(envOr("KYSO_SOURCE_DIR")) / "tests/pki/services.sh").string(),
               "stop", pki.string(), std::to_string(portBase)});
    TokenCalls::TearDown();
  }
  std::map<std::string, long> requests() {
    std::map<std::string, long> out;
    for (const auto& [k, n] : requestsByPath()) out[k.substr(0, k.find(' '))] += n;
    return out;
  }
  // "ocsp /", "http /gov-ca.der", ...: what each server was asked so far.
  std::map<std::string, long> requestsByPath() {
    std::map<std::string, long> out;
    std::ifstream in(counts);
    std::string service, path;
    long n = 0;
    while (in >> service >> path >> n) out[service + " " + path] += n;
    return out;
  }
  // The runs that follow keep their caches in their own data folder.
  void home(const std::string& tag) {
    ::setenv("KYSO_HOME", (work.path() / ("home-" + tag)).c_str(), 1);
  }
  fs::path pki, counts;
  int portBase = 0;
  bool started = false;
};

TEST_F(NetworkRoundTrips, BltBatchAsksEachServerOncePerCertificate) {
  const fs::path letter = fs::path(envOr("KYSO_BINARY_DIR")) / "test-samples" / "letter.pdf";
  if (!fs::exists(letter)) GTEST_SKIP() << "needs the samples fixture";
  const auto files = copies(letter, ".pdf");
  const std::vector<std::string> blt = {
      "--level",        "B-LT",
      "--tsa",          "http://127.0.0.1:" + std::to_string(portBase + 2) + "/",
      "--trust-anchor", (pki / "root.pem").string(),
      "--key",          "09"};
  home("two");
  sign({files[0], files[1]}, blt, "two");
  const auto two = requests();
  home("four");
  sign(files, blt, "four");
  const auto all = requests();
  std::map<std::string, long> four;
  for (const auto& [k, n] : all) four[k] = n - (two.count(k) ? two.at(k) : 0);
  // Two files, then four (each run with its own caches): the TSA once per file; OCSP, CRLs and
  // AIA once per batch.
  EXPECT_EQ(two.at("tsa"), 2) << "two-file batch";
  EXPECT_EQ(four["tsa"], 4) << "four-file batch";
  EXPECT_EQ(four["ocsp"], two.at("ocsp")) << "OCSP answers are reused within the batch";
  EXPECT_EQ(four["http"], two.count("http") ? two.at("http") : 0)
      << "CRLs and AIA issuers are fetched once per batch";
  EXPECT_LE(two.at("ocsp"), 2) << "at most one OCSP answer per certificate";
  // The same four again, a later run with the first run's caches: only the TSA is asked; the OCSP
  // answers, the CRL and the issuer are kept on disk until their nextUpdate.
  sign(files, blt, "again");
  const auto again = requests();
  EXPECT_EQ(again.at("tsa") - all.at("tsa"), 4);
  EXPECT_EQ(again.at("ocsp"), all.at("ocsp")) << "OCSP answers are kept across runs";
  EXPECT_EQ(again.count("http") ? again.at("http") : 0, all.count("http") ? all.at("http") : 0)
      << "CRLs and issuers are kept across runs";

  // Verifying four files by one signer online, on two threads, with nothing kept: one OCSP
  // question and one fetch of the missing issuer in all; a later run asks nothing.
  sign(files, {"--key", "09"}, "bb");
  home("verify");
  const auto before = requestsByPath();
  const std::vector<std::string> verify = {(fs::path(envOr("KYSO_BIN")) / "kyso").string(),
                                           "verify",
                                           (work.path() / "out-bb").string(),
                                           "--trust",
                                           (pki / "root.pem").string(),
                                           "--jobs",
                                           "2"};
  ToolRun v = runTool(verify);
  EXPECT_EQ(v.status, 0) << v.out;
  const auto after = requestsByPath();
  std::ostringstream asked;
  std::map<std::string, long> diff;
  for (const auto& [k, n] : after)
    if (long d = n - (before.count(k) ? before.at(k) : 0); d) {
      diff[k] = d;
      asked << k << ": " << d << "; ";
    }
  EXPECT_EQ(diff["ocsp /"], 1) << asked.str();
  EXPECT_EQ(diff["http /gov-ca.der"], 1) << "one AIA fetch for the two threads: " << asked.str();
  ToolRun v2 = runTool(verify);
  EXPECT_EQ(v2.status, 0) << v2.out;
  EXPECT_EQ(requestsByPath(), after) << "the second verification is answered from the caches";
}

// A detached batch on a token that holds only the signer's certificate: its issuer is fetched once
// (AIA) while the first files are signed, and every .p7s carries it (issue 22: the fetch no
// longer comes before the first signature). openssl checks each output against the root alone.
TEST_F(NetworkRoundTrips, DetachedBatchFetchesTheIssuerOnceAndEveryCmsCarriesIt) {
  const fs::path text = work.path() / "report.txt";
  std::ofstream(text) << "the report";
  const auto files = copies(text, ".txt");
  const auto before = requestsByPath();
  home("detached");
  sign(files, {"--detached", "--key", "09"}, "detached");
  const auto after = requestsByPath();
  const auto asked = [&](const std::string& k) {
    return (after.count(k) ? after.at(k) : 0) - (before.count(k) ? before.at(k) : 0);
  };
  EXPECT_EQ(asked("http /gov-ca.der"), 1);
  for (const auto& f : files) {
    const fs::path p7s = work.path() / "out-detached" / (f.filename().string() + ".p7s");
    ASSERT_TRUE(fs::exists(p7s)) << p7s;
    ToolRun certs = runTool(
        {"openssl", "pkcs7", "-inform", "DER", "-in", p7s.string(), "-print_certs", "-noout"});
    EXPECT_NE(certs.out.find("Government"), std::string::npos) << p7s << "\n" << certs.out;
    ToolRun v = runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                         p7s.string(), "-content", f.string(), "-CAfile",
                         (pki / "root.pem").string(), "-purpose", "any", "-out", "/dev/null"});
    EXPECT_EQ(v.status, 0) << p7s << "\n" << v.out;
  }
}

}  // namespace
}  // namespace kyso::test
