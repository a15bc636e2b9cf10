// The PC/SC monitor against a real pcscd with Debian's vpcd virtual reader. The test starts its
// own pcscd (root only) in a private mount namespace whose /run/pcscd is a temporary directory,
// so its socket is private (PCSCLITE_CSOCK_NAME points the client at it) and vpcd listens on a
// port derived from the build tree. A minimal virtual card speaks the vpcd protocol over TCP
// (Debian's vicc package ships without its Python modules). Tests see a reader appear, a card
// inserted and removed, and pcscd stopped and started again; without pcscd, "no service".
#include <arpa/inet.h>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <condition_variable>
#include <fstream>
#include <thread>

#include "core/json.h"
#include "pkcs11/pcsc_monitor.h"
#include "tests/support/softhsm_fixture.h"

extern char** environ;

namespace kyso::p11 {
namespace {

using namespace std::chrono_literals;

// pcsc-lite reads PCSCLITE_CSOCK_NAME once per process, so every test in this process uses one
// socket path: a private directory that the test's pcscd gets as its /run/pcscd.
const std::filesystem::path& runDir() {
  static test::TempDir dir;
  static bool once = [] {
    setenv("PCSCLITE_CSOCK_NAME", (dir.path() / "pcscd.comm").c_str(), 1);
    return true;
  }();
  (void)once;
  return dir.path();
}

// Collects monitor events and waits for one that matches.
class Events {
 public:
  void add(const ReaderEvent& e) {
    std::lock_guard lk(m_mu);
    m_events.push_back(e);
    m_cv.notify_all();
  }
  bool waitFor(ReaderEvent::Kind k, std::chrono::milliseconds t, ReaderEvent* out = nullptr) {
    std::unique_lock lk(m_mu);
    return m_cv.wait_for(lk, t, [&] {
      for (std::size_t i = m_seen; i < m_events.size(); ++i)
        if (m_events[i].kind == k) {
          if (out) *out = m_events[i];
          m_seen = i + 1;
          return true;
        }
      return false;
    });
  }
  std::string dump() {
    std::lock_guard lk(m_mu);
    std::string s;
    for (auto& e : m_events) s += e.toJson().dump() + "\n";
    return s;
  }

 private:
  std::mutex m_mu;
  std::condition_variable m_cv;
  std::vector<ReaderEvent> m_events;
  std::size_t m_seen = 0;
};

// A card in the vpcd reader: connected means inserted. Answers ATR requests; APDUs get 6D00.
class VirtualCard {
 public:
  bool insert(int port) {
    m_fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    for (int i = 0; i < 50; ++i) {
      if (connect(m_fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0) {
        m_thread = std::thread([this] { serve(); });
        return true;
      }
      std::this_thread::sleep_for(100ms);
    }
    return false;
  }
  void remove() {
    if (m_fd >= 0) shutdown(m_fd, SHUT_RDWR);
    if (m_thread.joinable()) m_thread.join();
    if (m_fd >= 0) close(m_fd);
    m_fd = -1;
  }
  ~VirtualCard() { remove(); }

 private:
  bool readAll(unsigned char* p, std::size_t n) {
    while (n) {
      ssize_t r = read(m_fd, p, n);
      if (r <= 0) return false;
      p += r;
      n -= static_cast<std::size_t>(r);
    }
    return true;
  }
  void reply(const std::vector<unsigned char>& d) {
    unsigned char h[2] = {static_cast<unsigned char>(d.size() >> 8),
                          static_cast<unsigned char>(d.size())};
    if (write(m_fd, h, 2) != 2) return;
    if (write(m_fd, d.data(), d.size()) < 0) return;
  }
  void serve() {
    for (;;) {
      unsigned char h[2];
      if (!readAll(h, 2)) return;
      std::size_t n = (h[0] << 8) | h[1];
      std::vector<unsigned char> buf(n);
      if (n && !readAll(buf.data(), n)) return;
      if (n == 1 && buf[0] == 4)
        reply({0x3B, 0x80, 0x80, 0x01, 0x01});  // ATR
      else if (n > 1)
        reply({0x6D, 0x00});  // any APDU
    }
  }
  int m_fd = -1;
  std::thread m_thread;
};

class PcscdTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* why = nullptr;
    if (geteuid() != 0)
      why = "not root (pcscd needs root to start)";
    else if (!std::filesystem::exists("/usr/sbin/pcscd"))
      why = "pcscd not installed";
    else if (!std::filesystem::exists(kVpcd))
      why = "vsmartcard-vpcd not installed";
    else if (!test::haveTool("unshare"))
      why = "unshare missing";
    if (why) {
      if (test::inCi()) FAIL() << why << " with CI=true";
      GTEST_SKIP() << "*** SKIPPED: " << why << " ***";
    }
    const char* base = std::getenv("KYSO_TEST_PORT_BASE");
    m_port = (base ? std::atoi(base) : 24000) + 91;
    std::filesystem::create_directories(m_tmp.path() / "conf");
    std::filesystem::create_directories("/run/pcscd");
    char hex[16];
    std::snprintf(hex, sizeof hex, "0x%04X", m_port);
    std::ofstream(m_tmp.path() / "conf" / "vpcd")
        << "FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME /dev/null:" << hex << "\nLIBPATH " << kVpcd
        << "\nCHANNELID " << hex << "\n";
    (void)runDir();
  }
  void TearDown() override { stopPcscd(); }
  bool startPcscd() {
    std::filesystem::remove(runDir() / "pcscd.comm");
    std::string script = "mount --bind '" + runDir().string() +
                         "' /run/pcscd && exec pcscd -f -c '" + (m_tmp.path() / "conf").string() +
                         "'";
    std::vector<std::string> argv = {"unshare", "-m", "sh", "-c", script};
    std::vector<char*> args;
    for (auto& a : argv) args.push_back(a.data());
    args.push_back(nullptr);
    std::string log = (m_tmp.path() / "pcscd.log").string();
    // fork+exec rather than posix_spawn, to set PR_SET_PDEATHSIG: if this test process dies,
    // the kernel stops its pcscd too (unshare execs sh which execs pcscd: one process).
    m_pid = fork();
    if (m_pid < 0) return false;
    if (m_pid == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (fd >= 0) {
        dup2(fd, 1);
        dup2(fd, 2);
      }
      execvp("unshare", args.data());
      _exit(127);
    }
    for (int i = 0; i < 100; ++i) {
      if (std::filesystem::exists(runDir() / "pcscd.comm")) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }
  void stopPcscd() {
    if (m_pid <= 0) return;
    kill(m_pid, SIGTERM);
    int st = 0;
    for (int i = 0; i < 50 && waitpid(m_pid, &st, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(100ms);
    if (waitpid(m_pid, &st, WNOHANG) == 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, &st, 0);
    }
    m_pid = -1;
  }
  static constexpr const char* kVpcd = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";
  test::TempDir m_tmp;
  pid_t m_pid = -1;
  int m_port = 0;
};

TEST(PcscNoServiceTest, ReportsNoServiceAndStopsPromptly) {
  (void)runDir();  // no pcscd is listening there
  Events ev;
  PcscMonitor mon([&](const ReaderEvent& e) { ev.add(e); }, 200ms);
  mon.start();
  ReaderEvent e;
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::ServiceDown, 3s, &e)) << ev.dump();
  EXPECT_EQ(e.code, static_cast<long>(SCARD_E_NO_SERVICE));
  EXPECT_NE(e.toJson().dump().find("pcscd"), std::string::npos);
  std::this_thread::sleep_for(500ms);  // retries do not repeat the event
  EXPECT_FALSE(ev.waitFor(ReaderEvent::Kind::ServiceDown, 100ms)) << ev.dump();
  auto t0 = std::chrono::steady_clock::now();
  mon.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
}

TEST_F(PcscdTest, ReaderCardInsertRemoveAndServiceRestart) {
  ASSERT_TRUE(startPcscd()) << "pcscd did not start";
  Events ev;
  PcscMonitor mon([&](const ReaderEvent& e) { ev.add(e); }, 200ms);
  mon.start();
  ReaderEvent e;
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::ReaderAdded, 5s, &e)) << ev.dump();
  EXPECT_NE(e.reader.find("Virtual PCD"), std::string::npos);
  VirtualCard card;
  ASSERT_TRUE(card.insert(m_port));
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::CardInserted, 10s, &e)) << ev.dump();
  EXPECT_EQ(e.atr, "3B80800101");
  card.remove();
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::CardRemoved, 10s)) << ev.dump();

  stopPcscd();
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::ServiceDown, 5s)) << ev.dump();
  ASSERT_TRUE(startPcscd());
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::ServiceUp, 10s)) << ev.dump();
  ASSERT_TRUE(ev.waitFor(ReaderEvent::Kind::ReaderAdded, 5s)) << ev.dump();
  auto t0 = std::chrono::steady_clock::now();
  mon.stop();  // SCardCancel wakes the blocked SCardGetStatusChange
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

// `kyso token watch --module M` as a child process whose stdout (JSON lines) is read with poll().
class WatchProcess {
 public:
  bool start(const std::vector<std::string>& argv) {
    int fds[2];
    if (pipe(fds) != 0) return false;
    m_pid = fork();
    if (m_pid < 0) return false;
    if (m_pid == 0) {
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      dup2(fds[1], 1);
      close(fds[0]);
      close(fds[1]);
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    close(fds[1]);
    m_fd = fds[0];
    return true;
  }
  // The next JSON line whose "event" is `event`, within `t`; lines before it are kept in log().
  std::optional<Json> next(const std::string& event, std::chrono::milliseconds t) {
    auto end = std::chrono::steady_clock::now() + t;
    for (;;) {
      for (auto nl = m_buf.find('\n'); nl != std::string::npos; nl = m_buf.find('\n')) {
        std::string line = m_buf.substr(0, nl);
        m_buf.erase(0, nl + 1);
        m_log += line + "\n";
        auto j = Json::parse(line);
        if (j.ok() && (*j)["event"].asString() == event) return std::move(*j);
      }
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (left.count() <= 0) return std::nullopt;
      pollfd pfd{m_fd, POLLIN, 0};
      if (poll(&pfd, 1, static_cast<int>(left.count())) <= 0) continue;
      char b[4096];
      ssize_t n = read(m_fd, b, sizeof b);
      if (n <= 0) return std::nullopt;
      m_buf.append(b, static_cast<std::size_t>(n));
    }
  }
  const std::string& log() const { return m_log; }
  int stop() {
    int st = -1;
    if (m_pid > 0) {
      kill(m_pid, SIGTERM);
      waitpid(m_pid, &st, 0);
      m_pid = -1;
    }
    if (m_fd >= 0) close(m_fd);
    m_fd = -1;
    return st;
  }
  ~WatchProcess() { stop(); }

 private:
  pid_t m_pid = -1;
  int m_fd = -1;
  std::string m_buf, m_log;
};

std::vector<std::string> labelsOf(const Json& tokens) {
  std::vector<std::string> out;
  const Json& slots = tokens["slots"];
  for (std::size_t i = 0; i < slots.size(); ++i)
    // SoftHSM always adds one uninitialised token (empty label): not counted.
    if (slots[i]["token_present"].asBool() && !slots[i]["token"]["label"].asString().empty())
      out.push_back(slots[i]["token"]["label"].asString());
  return out;
}

// `kyso token watch --module SOFTHSM`: each card event is followed by a "tokens" line read afresh
// from PKCS#11. A token initialised between two card events must appear after the second one:
// the view is re-read, not cached.
TEST_F(PcscdTest, TokenWatchRefreshesFromPkcs11AfterCardEvents) {
  const char* bin = std::getenv("KYSO_BIN");
  std::string kyso = bin ? std::string(bin) + "/kyso" : "";
  if (kyso.empty() || !std::filesystem::exists(kyso)) {
    if (test::inCi()) FAIL() << "kyso binary missing (KYSO_BIN)";
    GTEST_SKIP() << "*** SKIPPED: kyso binary missing (KYSO_BIN) ***";
  }
  KYSO_REQUIRE_TOOL("softhsm2-util");
  auto tok = test::SoftHsmToken::create();
  ASSERT_TRUE(tok.ok()) << tok.error().technical();
  ASSERT_TRUE(startPcscd()) << "pcscd did not start";
  WatchProcess w;
  ASSERT_TRUE(w.start({kyso, "token", "watch", "--module", (*tok)->modulePath().string(), "--retry",
                       "0.2", "--timeout", "60"}));
  ASSERT_TRUE(w.next("reader-added", 10s)) << w.log();
  VirtualCard card;
  ASSERT_TRUE(card.insert(m_port));
  auto ins = w.next("card-inserted", 10s);
  ASSERT_TRUE(ins) << w.log();
  EXPECT_EQ((*ins)["atr"].asString(), "3B80800101");
  auto first = w.next("tokens", 10s);
  ASSERT_TRUE(first) << w.log();
  EXPECT_EQ(labelsOf(*first), std::vector<std::string>{"kyso test"}) << w.log();

  auto init = test::runTool({"softhsm2-util", "--init-token", "--free", "--label", "Thẻ thứ hai",
                             "--pin", "123456", "--so-pin", "12345678"});
  ASSERT_EQ(init.status, 0) << init.out;
  card.remove();
  ASSERT_TRUE(w.next("card-removed", 10s)) << w.log();
  auto second = w.next("tokens", 10s);
  ASSERT_TRUE(second) << w.log();
  auto labels = labelsOf(*second);
  EXPECT_EQ(labels.size(), 2u) << w.log();
  EXPECT_NE(std::find(labels.begin(), labels.end(), "Thẻ thứ hai"), labels.end()) << w.log();
  int st = w.stop();
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0) << "SIGTERM ends the watch cleanly: " << st;
}

// Issue 16: a card OpenSC does not recognise (this virtual card answers every APDU with 6D00) is
// not "(no token)": kyso says a card is in that reader and the driver does not recognise it.
TEST_F(PcscdTest, UnrecognisedCardIsNamedNotMissing) {
  const char* bin = std::getenv("KYSO_BIN");
  const std::string kyso = bin ? std::string(bin) + "/kyso" : "";
  const std::string opensc = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
  if (kyso.empty() || !std::filesystem::exists(kyso) || !std::filesystem::exists(opensc)) {
    if (test::inCi()) FAIL() << "kyso binary or OpenSC missing";
    GTEST_SKIP() << "*** SKIPPED: kyso binary or OpenSC's module missing ***";
  }
  ASSERT_TRUE(startPcscd()) << "pcscd did not start";
  // OpenSC asks every card driver it has about an unknown card, which takes half a minute against
  // this card; two drivers are enough to show the case.
  test::TempDir conf;
  std::ofstream(conf.path() / "opensc.conf")
      << "app default {\n  card_drivers = openpgp, piv;\n}\n";
  setenv("OPENSC_CONF", (conf.path() / "opensc.conf").c_str(), 1);
  auto list = [&](const char* lang) {
    setenv("LANG", lang, 1);
    unsetenv("LC_ALL");
    unsetenv("LC_MESSAGES");
    unsetenv("LANGUAGE");
    return test::runTool({kyso, "token", "list", "--module", opensc});
  };
  // pcscd needs a moment (longer on a busy machine) to power the card up and to see it go.
  auto listUntil = [&](bool cardShown) {
    test::ToolRun r;
    for (int i = 0; i < 50; ++i) {
      r = list("C.UTF-8");
      if ((r.out.find("A card is in reader") != std::string::npos) == cardShown) break;
      std::this_thread::sleep_for(200ms);
    }
    return r;
  };
  VirtualCard card;
  ASSERT_TRUE(card.insert(m_port));
  auto r = listUntil(true);
  EXPECT_NE(r.out.find("A card is in reader"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("does not recognise it (ATR 3B80800101)"), std::string::npos) << r.out;
  r = list("vi_VN.UTF-8");
  EXPECT_NE(r.out.find("không nhận ra thẻ"), std::string::npos) << r.out;
  card.remove();
  r = listUntil(false);
  EXPECT_EQ(r.out.find("A card is in reader"), std::string::npos) << r.out;
  unsetenv("OPENSC_CONF");
}

}  // namespace
}  // namespace kyso::p11
