#include "src/cli/service/nss_trust.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>

#include "core/json.h"

extern char** environ;

namespace kyso::cli {

namespace fs = std::filesystem;

namespace {

struct Run {
  int status = -1;
  std::string out;
};

// Runs certutil (no shell) and collects its output.
Run certutil(const std::vector<std::string>& args) {
  Run r;
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&fa, fds[1], STDERR_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> argv = {"certutil"};
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<char*> raw;
  for (auto& a : argv) raw.push_back(a.data());
  raw.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, "certutil", &fa, nullptr, raw.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    r.out = "certutil not found (Debian package libnss3-tools)";
    return r;
  }
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fds[0], buf, sizeof buf)) > 0) r.out.append(buf, static_cast<size_t>(n));
  ::close(fds[0]);
  int st = 0;
  while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string sql(const NssDatabase& db) {
  return "sql:" + db.dir.string();
}

std::string lowerHex(std::string s) {
  std::string out;
  for (char c : s)
    if (std::isxdigit(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return out;
}

}  // namespace

std::vector<NssDatabase> nssDatabases(const fs::path& home) {
  std::vector<NssDatabase> out;
  for (const fs::path& d : {home / ".pki" / "nssdb", home / ".local" / "share" / "pki" / "nssdb"}) {
    std::error_code ec;
    const bool exists = fs::exists(d / "cert9.db", ec);
    // The second Chromium location only when it is there: newer Chromium reads either.
    if (exists || d == home / ".pki" / "nssdb") out.push_back({d, "Chromium", exists});
  }
  for (const fs::path& root : {home / ".mozilla" / "firefox",
                               home / "snap" / "firefox" / "common" / ".mozilla" / "firefox"}) {
    std::error_code ec;
    if (!fs::is_directory(root, ec)) continue;
    for (const auto& e : fs::directory_iterator(root, ec))
      if (fs::exists(e.path() / "cert9.db", ec)) out.push_back({e.path(), "Firefox", true});
  }
  return out;
}

Status trustCa(const NssDatabase& db, const fs::path& caPem) {
  if (!db.exists) {
    std::error_code ec;
    fs::create_directories(db.dir, ec);
    ::chmod(db.dir.c_str(), 0700);
    const Run made = certutil({"-N", "-d", sql(db), "--empty-password"});
    if (made.status != 0)
      return Error::kyso(Errc::ServiceTlsSetupFailed, "certutil -N",
                         db.dir.string() + ": " + made.out);
  }
  KYSO_TRY(untrustCa(db));
  const Run added =
      certutil({"-A", "-d", sql(db), "-n", kNssNickname, "-t", "C,,", "-i", caPem.string()});
  if (added.status != 0)
    return Error::kyso(Errc::ServiceTlsSetupFailed, "certutil -A",
                       db.dir.string() + ": " + added.out);
  return okStatus();
}

Status untrustCa(const NssDatabase& db) {
  // certutil -D removes one certificate per call; an old CA and a new one may share the nickname.
  for (int i = 0; i < 16; ++i)
    if (certutil({"-D", "-d", sql(db), "-n", kNssNickname}).status != 0) break;
  return okStatus();
}

bool caTrusted(const NssDatabase& db, const std::string& caSha256) {
  if (!db.exists) return false;
  const Run r = certutil({"-L", "-d", sql(db), "-n", kNssNickname});
  if (r.status != 0) return false;
  // certutil prints "Fingerprint (SHA-256):" then the colon-separated hex on the next line(s).
  const auto at = r.out.find("Fingerprint (SHA-256):");
  if (at == std::string::npos) return false;
  const std::string hex = lowerHex(r.out.substr(at + 22, 120));
  return hex.compare(0, 64, lowerHex(caSha256)) == 0;
}

std::string chromiumPolicy(const std::vector<std::string>& origins) {
  Json list = Json::array();
  for (const auto& o : origins) list.push(o);
  Json j = Json::object();
  j.set("LocalNetworkAccessAllowedForUrls", std::move(list));
  return j.dump(2) + "\n";
}

}  // namespace kyso::cli
