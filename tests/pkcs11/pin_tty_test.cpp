// The terminal PIN prompt of the real `kyso` binary, driven through a pseudo-terminal (forkpty):
// the PIN typed at the prompt is never echoed (the test waits until the terminal's ECHO flag is
// off, then checks that nothing of the PIN comes back), a right PIN logs in, and a wrong PIN is
// reported once and never asked for again (one prompt, one C_Login, a non-zero exit).
#include <gtest/gtest.h>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

using namespace std::chrono_literals;

constexpr const char* kPin = "97531864";

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

// One `kyso` run on a pty: everything it writes to the terminal and its exit status.
class PtyRun {
 public:
  bool start(const std::vector<std::string>& argv) {
    m_pid = forkpty(&m_master, nullptr, nullptr, nullptr);
    if (m_pid < 0) return false;
    if (m_pid == 0) {
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execv(args[0], args.data());
      _exit(127);
    }
    return true;
  }
  // Reads until `text` has appeared in the output or `t` passed.
  bool waitFor(const std::string& text, std::chrono::milliseconds t) {
    auto end = std::chrono::steady_clock::now() + t;
    while (m_out.find(text) == std::string::npos) {
      if (std::chrono::steady_clock::now() > end || !readSome(50)) return false;
    }
    return true;
  }
  // True once the slave side has ECHO off (the prompt's tcsetattr), within `t`.
  bool waitEchoOff(std::chrono::milliseconds t) {
    auto end = std::chrono::steady_clock::now() + t;
    while (std::chrono::steady_clock::now() < end) {
      termios tio{};
      if (tcgetattr(m_master, &tio) == 0 && !(tio.c_lflag & ECHO)) return true;
      std::this_thread::sleep_for(10ms);
    }
    return false;
  }
  void type(const std::string& s) {
    ASSERT_EQ(write(m_master, s.data(), s.size()), ssize_t(s.size()));
  }
  // Reads to EOF (the child exited) and returns its exit status (-1: killed after `t`).
  int finish(std::chrono::milliseconds t) {
    auto end = std::chrono::steady_clock::now() + t;
    while (std::chrono::steady_clock::now() < end && readSome(100)) {
    }
    int st = 0;
    // EOF comes as the child closes the terminal, a moment before it can be reaped.
    while (waitpid(m_pid, &st, WNOHANG) == 0 && std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(10ms);
    if (std::chrono::steady_clock::now() >= end && waitpid(m_pid, &st, WNOHANG) == 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, &st, 0);
      m_pid = -1;
      return -1;
    }
    m_pid = -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  const std::string& out() const { return m_out; }
  ~PtyRun() {
    if (m_pid > 0) {
      kill(m_pid, SIGKILL);
      waitpid(m_pid, nullptr, 0);
    }
    if (m_master >= 0) close(m_master);
  }

 private:
  // False at EOF/error (EIO once the child has closed the pty).
  bool readSome(int ms) {
    pollfd p{m_master, POLLIN, 0};
    int r = poll(&p, 1, ms);
    if (r == 0) return true;
    char b[1024];
    ssize_t n = read(m_master, b, sizeof b);
    if (n <= 0) return false;
    m_out.append(b, static_cast<std::size_t>(n));
    return true;
  }
  pid_t m_pid = -1;
  int m_master = -1;
  std::string m_out;
};

class PinTtyTest : public SoftHsmTest {
 protected:
  SoftHsmToken::Options options() const override {
    SoftHsmToken::Options o;
    o.userPin = kPin;
    return o;
  }
  void SetUp() override {
    SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const char* bin = std::getenv("KYSO_BIN");
    if (!bin || !std::filesystem::exists(std::string(bin) + "/kyso")) {
      if (inCi()) FAIL() << "kyso binary missing (KYSO_BIN)";
      GTEST_SKIP() << "*** SKIPPED: kyso binary missing (KYSO_BIN) ***";
    }
    m_kyso = std::string(bin) + "/kyso";
    setenv("KYSO_CONFIG", (token().dir() / "no-config.ini").c_str(), 1);
    setenv("KYSO_LANG", "en", 1);
    auto key = token().makeEcKey("P-256");
    ASSERT_TRUE(token().importKeyAndCert(key, "01", "Ký số", "/CN=Nguyễn Văn A").ok());
  }
  std::vector<std::string> selfTest() {
    return {m_kyso, "token", "self-test", "--module", token().modulePath().string()};
  }
  std::string m_kyso;
};

TEST_F(PinTtyTest, RightPinIsNotEchoedAndLogsIn) {
  PtyRun run;
  ASSERT_TRUE(run.start(selfTest()));
  ASSERT_TRUE(run.waitFor("Token PIN", 10s)) << run.out();
  ASSERT_TRUE(run.waitEchoOff(5s)) << "the prompt must turn echo off";
  std::size_t before = run.out().size();
  run.type(std::string(kPin) + "\n");
  int st = run.finish(30s);
  EXPECT_EQ(st, 0) << run.out();
  std::string after = run.out().substr(before);
  EXPECT_EQ(run.out().find(kPin), std::string::npos) << "PIN echoed:\n" << run.out();
  EXPECT_EQ(after.find("975"), std::string::npos) << after;
  EXPECT_EQ(count(run.out(), "Token PIN"), 1u) << run.out();
}

TEST_F(PinTtyTest, WrongPinIsReportedOnceAndNotRetried) {
  PtyRun run;
  ASSERT_TRUE(run.start(selfTest()));
  ASSERT_TRUE(run.waitFor("Token PIN", 10s)) << run.out();
  ASSERT_TRUE(run.waitEchoOff(5s));
  run.type("11112222\n");
  // If kyso asked again, this second line would answer it; it must not be read as a PIN.
  std::this_thread::sleep_for(300ms);
  run.type(std::string(kPin) + "\n");
  int st = run.finish(30s);
  EXPECT_NE(st, 0) << run.out();
  EXPECT_NE(st, -1) << "kyso must exit by itself, not wait for another PIN:\n" << run.out();
  EXPECT_EQ(count(run.out(), "Token PIN"), 1u) << "asked again after a wrong PIN:\n" << run.out();
  EXPECT_NE(run.out().find("PIN is wrong"), std::string::npos) << run.out();
  EXPECT_EQ(run.out().find("11112222"), std::string::npos) << run.out();
  // The token still accepts the right PIN (one failure, nothing locked) and says so.
  auto ok = token().pkcs11Tool({"--login", "--pin", kPin, "--list-objects"});
  EXPECT_EQ(ok.status, 0) << ok.out;
}

}  // namespace
}  // namespace kyso::test
