// A PIN never reaches a core file (issue 16): a child process reads a PIN the way `kyso sign
// --pin-file` does (CliPinPrompt, which also keeps the copy for context-specific re-logins), then
// looks at itself: it must be non-dumpable with RLIMIT_CORE 0, and the PIN may appear only in
// mappings the kernel leaves out of a dump ("dd" in /proc/self/smaps). Then it crashes on purpose
// and the parent checks that no core was written.
//
// The PIN never appears in clear in this test's own memory: it is kept XOR-ed and compared XOR-ed,
// so whatever the scan finds is a copy made by kyso.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "src/cli/kyso/token_options.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso {
namespace {

namespace fs = std::filesystem;
constexpr unsigned char kMask = 0x5a;
// "739154026813" XOR 0x5a: twelve digits that occur nowhere else in the process.
constexpr unsigned char kMaskedPin[] = {0x6d, 0x69, 0x63, 0x6b, 0x6f, 0x6e,
                                        0x6a, 0x68, 0x6c, 0x62, 0x6b, 0x69};

struct Region {
  std::uintptr_t from = 0, to = 0;
  bool dontDump = false;
  bool readable = false;
  bool resident = false;  // Rss or Swap above zero: something was ever written there
};

#if defined(__SANITIZE_ADDRESS__)
// ASan reserves terabytes for its shadow and allocator; reading them through /proc/self/mem
// takes the machine's memory. Under ASan the scan covers mappings up to 1 GiB (the Release
// build's run of this test scans everything).
constexpr std::uintptr_t kMaxScan = std::uintptr_t{1} << 30;
#else
constexpr std::uintptr_t kMaxScan = ~std::uintptr_t{0};
#endif

std::vector<Region> regions() {
  std::vector<Region> out;
  std::ifstream in("/proc/self/smaps");
  std::string line;
  while (std::getline(in, line)) {
    unsigned long a = 0, b = 0;
    char perms[8] = {};
    if (std::sscanf(line.c_str(), "%lx-%lx %7s", &a, &b, perms) == 3 && line.find('-') < 17) {
      out.push_back({a, b, false, perms[0] == 'r'});
    } else if (line.rfind("VmFlags:", 0) == 0 && !out.empty()) {
      out.back().dontDump = line.find(" dd") != std::string::npos;
    } else if ((line.rfind("Rss:", 0) == 0 || line.rfind("Swap:", 0) == 0) && !out.empty()) {
      unsigned long kb = 0;
      if (std::sscanf(line.c_str() + line.find(':') + 1, "%lu", &kb) == 1 && kb > 0)
        out.back().resident = true;
    }
  }
  return out;
}

// Counts masked-PIN occurrences in [from, to), read through /proc/self/mem into `buf` (a mapping
// of the test's own), wiping `buf` after each chunk.
long countIn(int mem, const Region& r, unsigned char* buf, std::size_t bufLen) {
  long hits = 0;
  constexpr std::size_t n = sizeof kMaskedPin;
  for (std::uintptr_t at = r.from; at < r.to;) {
    const std::size_t want = std::min<std::uintptr_t>(bufLen, r.to - at);
    const ssize_t got = ::pread(mem, buf, want, static_cast<off_t>(at));
    if (got <= 0) break;
    for (std::size_t i = 0; i + n <= static_cast<std::size_t>(got); ++i) {
      std::size_t k = 0;
      while (k < n && (buf[i + k] ^ kMask) == kMaskedPin[k]) ++k;
      if (k == n) ++hits;
    }
    std::memset(buf, 0, static_cast<std::size_t>(got));
    // Overlap by n-1 bytes so a copy straddling two chunks is seen.
    at += static_cast<std::size_t>(got) > n ? static_cast<std::size_t>(got) - (n - 1) : want;
  }
  return hits;
}

// In the child: exit codes say what went wrong (the parent turns them into failures).
[[noreturn]] void childHoldsPinAndCrashes(const fs::path& pinFile, const fs::path& cwd) {
  if (::chdir(cwd.c_str()) != 0) _exit(10);
  cli::CliPinPrompt prompt(cli::CliPinPrompt::Source::File, pinFile.string());
  p11::PinRequest req;
  req.kind = p11::PinRequest::Kind::User;
  auto pin = prompt.getPin(req);  // the prompt keeps its own copy too
  if (!pin.ok() || pin->size() != sizeof kMaskedPin) _exit(11);
  if (::prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0) _exit(12);
  rlimit core{};
  if (::getrlimit(RLIMIT_CORE, &core) != 0 || core.rlim_cur != 0 || core.rlim_max != 0) _exit(13);

  constexpr std::size_t kBuf = 1 << 16;
  void* m = ::mmap(nullptr, kBuf, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED) _exit(14);
  ::madvise(m, kBuf, MADV_DONTDUMP);  // the scan buffer holds what it reads; keep it out too
  auto* buf = static_cast<unsigned char*>(m);
  const int mem = ::open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
  if (mem < 0) _exit(15);
  // Every mapping a core dump would hold is searched; the PIN must be in none of them.
  const auto pinAt = reinterpret_cast<std::uintptr_t>(pin->data());
  long dumpable = 0;
  bool pinPageLeftOut = false;
  for (const Region& r : regions()) {
    if (pinAt >= r.from && pinAt < r.to) pinPageLeftOut = r.dontDump;
    if (!r.readable || !r.resident || r.dontDump || r.to - r.from > kMaxScan) continue;
    dumpable += countIn(mem, r, buf, kBuf);
  }
  if (dumpable != 0) _exit(17);  // a copy a core file would hold
  // The scan works: it finds the PIN where the returned buffer keeps it, a page left out of dumps.
  const std::uintptr_t page = pinAt & ~std::uintptr_t{4095};
  if (countIn(mem, Region{page, page + 4096, true, true, true}, buf, kBuf) < 1) _exit(16);
  if (!pinPageLeftOut) _exit(19);
  ::signal(SIGSEGV, SIG_DFL);  // the kernel's crash path, not a sanitizer's handler
  ::raise(SIGSEGV);
  _exit(18);
}

TEST(PinDump, PinIsOnlyInPagesLeftOutOfDumpsAndACrashWritesNoCore) {
  test::TempDir dir;
  const fs::path pinFile = dir.path() / "pin", cwd = dir.path() / "cwd";
  fs::create_directory(cwd);
  {
    std::ofstream f(pinFile);
    for (unsigned char c : kMaskedPin) f.put(static_cast<char>(c ^ kMask));
    f.put('\n');
  }
  fs::permissions(pinFile, fs::perms::owner_read | fs::perms::owner_write);

  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) childHoldsPinAndCrashes(pinFile, cwd);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  if (WIFEXITED(status)) {
    const char* why[] = {"chdir",
                         "reading the PIN",
                         "still dumpable",
                         "RLIMIT_CORE",
                         "mmap",
                         "/proc/self/mem",
                         "scan found no protected copy (the scan is broken)",
                         "a PIN copy is in memory a core dump would contain",
                         "did not crash",
                         "the PIN's own page is not left out of dumps"};
    const int code = WEXITSTATUS(status);
    FAIL() << "child exit " << code << ": "
           << (code >= 10 && code <= 19 ? why[code - 10] : "unexpected");
  }
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(WTERMSIG(status), SIGSEGV);
  EXPECT_FALSE(WCOREDUMP(status)) << "the kernel wrote a core dump";
  for (const auto& e : fs::directory_iterator(cwd))
    ADD_FAILURE() << "left in the crashing process's folder: " << e.path();
}

}  // namespace
}  // namespace kyso
