// Test support implementation.
#include "tests/inventory/inv_test_support.h"

#include <libpq-fe.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "src/inventory/audit.h"
#include "src/inventory/db.h"

namespace kyso::inventory::test {

namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  path = fs::temp_directory_path() /
         ("kyso-inv-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
  fs::create_directories(path);
  fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                            fs::perms::others_read | fs::perms::others_exec);
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path, ec);
}

bool inCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

std::string pgAdminUrl(const std::string& database) {
  const char* base = std::getenv("KYSO_TEST_PORT_BASE");
  const int port = (base ? std::atoi(base) : 20000) + 50;
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port) + "/" + database +
         "?connect_timeout=5";
}

bool pgAvailable() {
  static const bool ok = [] {
    auto db = openDb(pgAdminUrl());
    return db.ok();
  }();
  return ok;
}

std::optional<std::string> freshDatabase(Backend b, const TempDir& dir) {
  static std::atomic<int> counter{0};
  if (b == Backend::Sqlite)
    return (dir.path / ("inv" + std::to_string(++counter) + ".sqlite")).string();
  if (!pgAvailable()) return std::nullopt;
  auto admin = openDb(pgAdminUrl());
  if (!admin.ok()) return std::nullopt;
  std::random_device rd;
  const std::string name = "kyso_t_" + std::to_string(getpid()) + "_" + std::to_string(++counter) +
                           "_" + std::to_string(rd() % 100000);
  auto st = (*admin)->script("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
  if (!st.ok()) {
    ADD_FAILURE() << "CREATE DATABASE: " << st.error().technical();
    return std::nullopt;
  }
  return pgAdminUrl(name);
}

std::chrono::system_clock::time_point fixedNow() {
  using namespace std::chrono;
  return sys_days{year{2026} / November / 25} + hours{8};
}

Certificate fakeCert(const std::string& tag, const std::string& from, const std::string& to) {
  Certificate c;
  c.serial = sha256Hex("serial" + tag).substr(0, 16);
  c.issuer = "CN=Test CA,O=Ban Cơ yếu Chính phủ,C=VN";
  c.subject = "CN=" + tag + ",C=VN";
  c.notBefore = from;
  c.notAfter = to;
  c.sha256 = sha256Hex("cert" + tag);
  c.state = "valid";
  return c;
}

int runCommand(const std::string& cmd, std::string* out) {
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string buf;
  char chunk[4096];
  std::size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, p)) > 0) buf.append(chunk, n);
  const int st = pclose(p);
  if (out) *out = buf;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

std::string kysoBin() {
  const char* b = std::getenv("KYSO_BIN");
  return std::string(b ? b : ".") + "/kyso";
}

}  // namespace kyso::inventory::test
