// `kyso service run` as a person uses it (issue 19): the real kyso binary on a SoftHSM token, in a
// terminal (a pseudo-terminal the test types into), a test document system, and a WebSocket client
// in the place of the web page. The question is asked on the terminal in the person's language,
// the answer decides, the PIN comes from the token options, and the uploaded letter verifies.
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <future>
#include <regex>

#include "tests/service/docsystem_process.h"
#include "tests/service/service_client.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

std::string env(const char* n) {
  const char* v = std::getenv(n);
  return v ? v : "";
}

// `kyso service run` in a pseudo-terminal: what it prints is read, what the person types written.
class ServiceProcess {
 public:
  bool start(const std::vector<std::string>& args, const std::vector<std::string>& envs) {
    m_pid = forkpty(&m_master, nullptr, nullptr, nullptr);
    if (m_pid < 0) return false;
    if (m_pid == 0) {
      for (const auto& e : envs) putenv(const_cast<char*>(e.c_str()));
      std::vector<char*> argv;
      for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
      argv.push_back(nullptr);
      execv(argv[0], argv.data());
      _exit(127);
    }
    return true;
  }
  ~ServiceProcess() {
    if (m_pid > 0) {
      ::kill(m_pid, SIGTERM);
      int st = 0;
      ::waitpid(m_pid, &st, 0);
    }
    if (m_master >= 0) ::close(m_master);
  }
  // Reads what is there within `wait`; appends to the transcript.
  void pump(std::chrono::milliseconds wait) {
    pollfd p{m_master, POLLIN, 0};
    while (::poll(&p, 1, static_cast<int>(wait.count())) > 0) {
      char buf[4096];
      const ssize_t n = ::read(m_master, buf, sizeof buf);
      if (n <= 0) break;
      transcript.append(buf, static_cast<size_t>(n));
      wait = 50ms;
    }
  }
  bool waitFor(const std::string& text, std::chrono::seconds limit = 30s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (transcript.find(text, m_seen) == std::string::npos) {
      if (std::chrono::steady_clock::now() > until) return false;
      pump(200ms);
    }
    m_seen = transcript.find(text, m_seen) + text.size();
    return true;
  }
  void type(const std::string& s) { (void)!::write(m_master, s.data(), s.size()); }
  int stop() {
    ::kill(m_pid, SIGINT);
    int st = 0;
    ::waitpid(m_pid, &st, 0);
    m_pid = -1;
    pump(100ms);
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  std::string transcript;

 private:
  pid_t m_pid = -1;
  int m_master = -1;
  std::size_t m_seen = 0;
};

class ServiceCli : public SoftHsmTest {
 protected:
  void SetUp() override {
    SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const fs::path pki = env("KYSO_TEST_PKI");
    if (!fs::exists(pki / "signer-rsa2048.pem")) GTEST_SKIP() << "needs the pki fixture";
    ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "01", "Signer").ok());
    ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "01", "Signer").ok());
    fs::create_directories(work.path() / "files");
    // The Department's letter for this signer to approve, drawn by kyso's own letter maker.
    std::ifstream in(fs::path(env("KYSO_SHARED_DIR")) / "samples/cong-van-286-SYT-VP.txt");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    const std::string leader = "Nguyễn Nam Hùng";
    ASSERT_NE(text.find(leader), std::string::npos);
    text.replace(text.find(leader), leader.size(), "Nguyễn Thị Lấp Lánh");
    std::ofstream(work.path() / "letter.txt") << text;
    ToolRun made = runTool({env("KYSO_BINARY_DIR") + "/tests/make_letter",
                            (work.path() / "letter.txt").string(),
                            (work.path() / "files" / "letter.pdf").string()});
    ASSERT_EQ(made.status, 0) << made.out;
    ASSERT_TRUE(
        docs.start(work.path() / "files", work.path() / "uploaded", work.path() / "docsystem.log"));
    pinFile = work.path() / "pin";
    { std::ofstream(pinFile) << token().userPin() << "\n"; }
    fs::permissions(pinFile, fs::perms::owner_read | fs::perms::owner_write);
  }
  bool startService(const std::string& lang) {
    const std::string kyso = env("KYSO_BIN") + "/kyso";
    const std::string origin = "http://127.0.0.1:" + std::to_string(docs.port);
    const std::vector<std::string> args = {kyso,
                                           "service",
                                           "run",
                                           "--port",
                                           "0",
                                           "--test-origin",
                                           origin,
                                           "--module",
                                           token().modulePath().string(),
                                           "--pin-file",
                                           pinFile.string()};
    envs = {"LANG=" + lang, "KYSO_LANG=", "XDG_DATA_HOME=" + (work.path() / "data").string(),
            "SOFTHSM2_CONF=" + token().config().string()};
    if (!svc.start(args, envs)) return false;
    if (!svc.waitFor("https://127.0.0.1:")) return false;
    svc.pump(200ms);
    std::smatch m;
    if (!std::regex_search(svc.transcript, m, std::regex("https://127\\.0\\.0\\.1:([0-9]+)")))
      return false;
    client.port = std::stoi(m[1]);
    client.caCert = work.path() / "data" / "kyso" / "service" / "local-ca.pem";
    client.origin = origin;
    return true;
  }
  std::string request() {
    ToolRun t = runTool({"curl", "-s", docs.url("/token")});
    const std::string tok = t.out;
    return R"({"FileUploadHandler":")" + docs.url("/upload?token=" + tok) +
           R"(","SessionId":"","JWTToken":"","FileName":")" +
           docs.url("/files/letter.pdf?token=" + tok) + R"(","MetaData":[]})";
  }

  TempDir work;
  DocSystem docs;
  ServiceProcess svc;
  ServiceClient client;
  fs::path pinFile;
  std::vector<std::string> envs;
};

TEST_F(ServiceCli, AskedOnTheTerminalInVietnameseSignedWithTheTokenAndUploaded) {
  ASSERT_TRUE(startService("vi_VN.UTF-8")) << svc.transcript;
  EXPECT_NE(svc.transcript.find("đang chạy"), std::string::npos) << svc.transcript;
  auto call =
      std::async(std::launch::async, [&] { return client.call("/SignApproved", request()); });
  ASSERT_TRUE(svc.waitFor("[c/K]")) << svc.transcript;
  EXPECT_NE(svc.transcript.find("letter.pdf"), std::string::npos) << svc.transcript;
  EXPECT_NE(svc.transcript.find("SHA-256"), std::string::npos);
  EXPECT_NE(svc.transcript.find("Gửi về"), std::string::npos) << svc.transcript;
  svc.type("c\n");
  ASSERT_EQ(call.wait_for(60s), std::future_status::ready) << svc.transcript;
  const ServiceAnswer a = call.get();
  ASSERT_TRUE(a.replied) << a.error << "\n" << svc.transcript;
  EXPECT_EQ(a.reply["Status"].asInt(), 0) << a.raw << "\n" << svc.transcript;
  const fs::path up = work.path() / "uploaded" / "letter.pdf";
  ASSERT_TRUE(fs::exists(up)) << svc.transcript;
  KYSO_REQUIRE_TOOL("pdfsig");
  ToolRun v = runTool({"pdfsig", up.string()});
  EXPECT_NE(v.out.find("Signature is Valid"), std::string::npos) << v.out;
  EXPECT_NE(v.out.find("Lấp Lánh"), std::string::npos) << v.out;

  // The next document is declined: nothing is uploaded, the page hears "declined".
  fs::remove(up);
  auto second =
      std::async(std::launch::async, [&] { return client.call("/SignApproved", request()); });
  ASSERT_TRUE(svc.waitFor("[c/K]")) << svc.transcript;
  svc.type("k\n");
  ASSERT_EQ(second.wait_for(60s), std::future_status::ready);
  EXPECT_EQ(second.get().reply["Status"].asInt(), 3);
  EXPECT_FALSE(fs::exists(up));
  EXPECT_EQ(svc.stop(), 0) << svc.transcript;
  // The audit log has both requests.
  std::ifstream audit(work.path() / "data" / "kyso" / "service" / "audit.jsonl");
  std::string all((std::istreambuf_iterator<char>(audit)), {});
  EXPECT_NE(all.find("\"status\":0"), std::string::npos) << all;
  EXPECT_NE(all.find("\"status\":3"), std::string::npos) << all;
  // The PIN never reached the terminal or the audit log.
  EXPECT_EQ(svc.transcript.find(token().userPin()), std::string::npos);
  EXPECT_EQ(all.find(token().userPin()), std::string::npos);
  // `kyso service log` reads it back for people, in Vietnamese and Vietnam time.
  ToolRun log =
      runTool({"/usr/bin/env", "XDG_DATA_HOME=" + (work.path() / "data").string(),
               "LANG=vi_VN.UTF-8", "KYSO_LANG=", env("KYSO_BIN") + "/kyso", "service", "log"});
  EXPECT_EQ(log.status, 0) << log.out;
  EXPECT_NE(log.out.find("xong"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("từ chối"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("SignApproved"), std::string::npos) << log.out;
  EXPECT_NE(log.out.find("+07:00"), std::string::npos) << log.out;
}

TEST_F(ServiceCli, AnUnknownSiteIsAskedAboutOnTheTerminal) {
  ASSERT_TRUE(startService("en_US.UTF-8")) << svc.transcript;
  ServiceClient other = client;
  other.origin = "https://vanban.huyen.example.gov.vn";
  auto call =
      std::async(std::launch::async, [&] { return other.call("/GetCertInfo", "get_cert_info"); });
  ASSERT_TRUE(svc.waitFor("Allow this site? [y/N]")) << svc.transcript;
  EXPECT_NE(svc.transcript.find("https://vanban.huyen.example.gov.vn"), std::string::npos);
  svc.type("n\n");
  ASSERT_EQ(call.wait_for(30s), std::future_status::ready);
  const ServiceAnswer a = call.get();
  EXPECT_FALSE(a.replied);
  EXPECT_EQ(a.httpStatus, 403);
  EXPECT_EQ(svc.stop(), 0) << svc.transcript;
}

TEST_F(ServiceCli, AWrongPinIsSaidOnceAndNothingIsUploaded) {
  { std::ofstream(pinFile, std::ios::trunc) << "000000\n"; }
  ASSERT_TRUE(startService("en_US.UTF-8")) << svc.transcript;
  auto call =
      std::async(std::launch::async, [&] { return client.call("/SignApproved", request()); });
  ASSERT_TRUE(svc.waitFor("[y/N]")) << svc.transcript;
  svc.type("y\n");
  ASSERT_EQ(call.wait_for(60s), std::future_status::ready) << svc.transcript;
  const ServiceAnswer a = call.get();
  EXPECT_EQ(a.reply["Status"].asInt(), 1) << a.raw;
  EXPECT_NE(a.reply["Message"].asString().find("PIN"), std::string::npos) << a.raw;
  EXPECT_FALSE(fs::exists(work.path() / "uploaded" / "letter.pdf"));
  EXPECT_EQ(svc.stop(), 0) << svc.transcript;
}

}  // namespace
}  // namespace kyso::test
