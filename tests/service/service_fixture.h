// The signing service's end-to-end test fixture: a test document system (docsystem.py) on
// loopback, the service behind a real WSS server with a per-test local CA, a scripted person
// (ScriptedHost) and a secure WebSocket client. Shared by service_test.cpp and
// service_batch_test.cpp.
#pragma once

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <mutex>

#include "certs/cert_info.h"
#include "src/jobs/verify_job.h"
#include "src/service/local_tls.h"
#include "src/service/signing_service.h"
#include "src/service/wss_server.h"
#include "tests/certs/test_env.h"
#include "tests/service/blank_letter.h"
#include "tests/service/docsystem_process.h"
#include "tests/service/service_client.h"

namespace kyso::service {

namespace fs = std::filesystem;
using test::TempDir;

// The person, scripted: answers the site question and the approval, and counts them.
class ScriptedHost : public ServiceHost {
 public:
  bool allowSite(const std::string& origin) override {
    ++siteQuestions;
    lastSite = origin;
    return allowSites;
  }
  Result<ApprovedKey> approve(const Approval& what) override {
    {
      std::unique_lock lock(m);
      seen.push_back(what);
      ++approvals;
      // The preview's placement, asked as the app asks it: for the certificate that will sign.
      if (what.placement) {
        auto cert = test::identity("signer-rsa2048").cert;
        placements.push_back(
            what.placement({certs::commonName(X509_get_subject_name(cert.get())), "", ""}));
      }
      if (holdApproval) {
        waiting = true;
        cv.notify_all();
        cv.wait(lock, [&] { return !holdApproval; });
      }
    }
    if (!agree) return Error::kyso(Errc::ServiceDeclined, "approve");
    ApprovedKey k;
    k.key.identity = test::identity("signer-rsa2048");
    return k;
  }
  std::optional<fs::path> image(const std::string& role) override {
    if (role == "seal" && !seal.empty()) return seal;
    return std::nullopt;
  }
  void batchProgress(std::size_t done, std::size_t total) override {
    progressed = done;
    batchSize = total;
  }
  bool batchStopRequested() override { return stopBatch; }
  void showVerification(const VerificationShown& what) override {
    std::lock_guard lock(m);
    shown.push_back(what);
  }
  std::optional<fs::path> pickLocalFile(const Approval& what) override {
    (void)what;
    ++picks;
    return localFile;
  }
  bool openSettings() override {
    ++settingsOpened;
    return true;
  }
  void batchEnded(std::size_t uploaded, std::size_t total) override {
    ended = true;
    uploadedCount = uploaded;
    batchSize = total;
  }
  void release() {
    std::lock_guard lock(m);
    holdApproval = false;
    cv.notify_all();
  }
  void waitUntilWaiting() {
    std::unique_lock lock(m);
    cv.wait_for(lock, std::chrono::seconds(20), [&] { return waiting; });
  }

  std::atomic<int> siteQuestions{0}, approvals{0};
  std::string lastSite;
  bool allowSites = false;
  bool agree = true;
  bool holdApproval = false;
  bool waiting = false;
  fs::path seal;
  bool stopBatch = false;  // the person pressed Stop
  std::atomic<std::size_t> progressed{0}, batchSize{0}, uploadedCount{0};
  std::atomic<bool> ended{false};
  std::atomic<int> settingsOpened{0}, picks{0};
  std::optional<fs::path> localFile;  // what the person picks for an empty FileName
  std::vector<VerificationShown> shown;
  std::vector<Result<PreviewPlacement>> placements;  // what the preview would mark
  std::vector<Approval> seen;
  std::mutex m;
  std::condition_variable cv;
};

inline std::string sha256Hex(const std::string& data) {
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr);
  return certs::hex(std::string_view(reinterpret_cast<char*>(md), n));
}

class ServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_PKI();
    fs::create_directories(dir / "files");
    // The Department's letter, for this test's signer to approve: the leader's name on it is the
    // name in the signer's certificate; number and date blank until the clerk issues it.
    letter = dir / "files" / "letter.pdf";
    const std::string made = test::blankLetter(
        fs::path(test::env("KYSO_SHARED_DIR")) / "samples/cong-van-286-SYT-VP.txt",
        "Nguyễn Thị Lấp Lánh", letter);
    ASSERT_TRUE(made.empty()) << made;
    test::writeFile(dir / "files" / "report.txt", "the quarterly report\n");
    ASSERT_TRUE(docs.start(dir / "files", dir / "uploaded", dir / "docsystem.log"));
    auto tls = ensureLocalTls(dir / "tls");
    ASSERT_TRUE(tls.ok()) << tls.error().technical();
    ServiceSettings s;
    s.sites.testOrigins = {pageOrigin()};
    s.sites.allowedOrigins = {"https://vanban.soyte.example.gov.vn"};
    s.siteMemory = dir / "sites.txt";
    s.auditLog = dir / "audit.jsonl";
    s.transfer.timeout = std::chrono::milliseconds(10000);
    configure(s);
    svc = std::make_unique<SigningService>(s, host);
    ServerOptions o;
    o.port = 0;
    o.tls = *tls;
    o.lang = "en";
    auto srv = WssServer::start(o, *svc);
    ASSERT_TRUE(srv.ok()) << srv.error().technical();
    server = std::move(*srv);
    client.port = server->port();
    client.caCert = tls->caCert;
    client.origin = pageOrigin();
  }
  void TearDown() override {
    if (server) server->stop();
  }
  /// A fixture's own settings, before the service starts. Here: VerifyPDF and VerifyXML trust
  /// the test root, offline (no revocation, no intermediate by AIA).
  virtual void configure(ServiceSettings& s) {
    jobs::VerifyProfileSettings vs;
    vs.trustGovernment = vs.trustPublic = false;
    vs.extraAnchors = {test::pki("root.pem")};
    vs.offline = true;
    vs.checkRevocation = false;
    auto profile = jobs::VerifyProfile::create(vs);
    ASSERT_TRUE(profile.ok()) << profile.error().technical();
    s.verify = *profile;
  }
  std::string pageOrigin() const { return "http://127.0.0.1:" + std::to_string(docs.port); }
  std::string currentToken() {
    // The page gets the token from the system's own session; the test asks the system.
    std::string out;
    test::run("curl -s " + docs.url("/token"), &out);
    return out;
  }
  std::string fileRequest(const std::string& file, const std::string& upload = "/upload",
                          const std::string& extra = "") {
    const std::string t = currentToken();
    return R"({"FileUploadHandler":")" + docs.url(upload + "?token=" + t) +
           R"(","SessionId":"","JWTToken":"","FileName":")" + docs.url("/files/" + file) +
           "?token=" + t + R"(","MetaData":[{"Key":"a","Value":"b"}])" + extra + "}";
  }
  // vgca_sign_files with `names` (files of the test system) in one request.
  std::string batchRequest(const std::vector<std::string>& names, const std::string& url = "") {
    const std::string t = currentToken();
    std::string files;
    for (std::size_t i = 0; i < names.size(); ++i)
      files += std::string(i ? "," : "") + R"({"FileID":")" + std::to_string(100 + i) +
               R"(","FileName":")" + names[i] + R"(","URL":")" +
               (url.empty() ? docs.url("/files/" + names[i] + "?token=" + t) : url) + R"("})";
    return R"({"FileUploadHandler":")" + docs.url("/upload?token=" + t) +
           R"(","SessionId":"","Files":[)" + files + "]}";
  }
  // A round red seal with transparency at 300 dpi (ImageMagick), as units scan theirs, given to
  // the person for SignIssued. Needs `convert`.
  bool giveTheHostASeal() {
    if (test::run("convert -size 400x400 xc:none -fill none -stroke red -strokewidth 12 -draw "
                  "'circle 200,200 200,20' -units PixelsPerInch -density 300 " +
                  (dir / "seal.png").string()) != 0)
      return false;
    host.seal = dir / "seal.png";
    return true;
  }
  std::string docLog() {
    std::ifstream in(dir / "docsystem.log");
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  int downloads() {
    const std::string log = docLog();
    int n = 0;
    for (std::size_t p = log.find("\"path\": \"/files/"); p != std::string::npos;
         p = log.find("\"path\": \"/files/", p + 1))
      ++n;
    return n;
  }
  pdfverify::Indication verifyUploaded(const fs::path& pdf, std::size_t signatures = 1) {
    jobs::VerifyProfileSettings vs;
    vs.extraAnchors = {test::pki("root.pem")};
    vs.offline = true;
    vs.checkRevocation = false;
    auto profile = jobs::VerifyProfile::create(vs);
    if (!profile.ok()) return pdfverify::Indication::TotalFailed;
    jobs::VerifyJob job(*profile);
    const pdfverify::FileReport r = job.verifyPdf(pdf);
    EXPECT_EQ(r.signatures.size(), signatures);
    return r.indication;
  }

  TempDir dir;
  fs::path letter;
  test::DocSystem docs;
  ScriptedHost host;
  std::unique_ptr<SigningService> svc;
  std::unique_ptr<WssServer> server;
  test::ServiceClient client;
};

}  // namespace kyso::service
