#include "tests/support/softhsm_fixture.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>

extern char** environ;

namespace kyso::test {
bool inCi() {
  const char* ci = std::getenv("CI");
  return ci && (std::string(ci) == "true" || std::string(ci) == "1");
}

namespace {

std::optional<std::string> getEnv(const char* n) {
  const char* v = std::getenv(n);
  return v ? std::optional<std::string>(v) : std::nullopt;
}

void restoreEnv(const char* n, const std::optional<std::string>& v) {
  if (v)
    setenv(n, v->c_str(), 1);
  else
    unsetenv(n);
}

}  // namespace

ToolRun runTool(const std::vector<std::string>& argv, const std::string& stdinData,
                int timeoutSeconds) {
  ToolRun r;
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) || pipe2(out, O_CLOEXEC)) return r;
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_adddup2(&fa, out[1], 2);
  std::vector<char*> args;
  for (auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  // A new session: the tool has no controlling terminal, so nothing can prompt on /dev/tty.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &fa, &attr, args.data(), environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  if (rc != 0) {
    close(in[1]);
    close(out[0]);
    r.out = "cannot run " + argv[0] + ": " + std::strerror(rc);
    return r;
  }
  signal(SIGPIPE, SIG_IGN);
  if (!stdinData.empty()) {
    ssize_t ignored = write(in[1], stdinData.data(), stdinData.size());
    (void)ignored;
  }
  close(in[1]);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
  char buf[4096];
  for (;;) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now())
                    .count();
    if (left <= 0) {
      kill(pid, SIGKILL);
      r.out += "\n[killed: timeout]";
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    ssize_t n = read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    r.out.append(buf, static_cast<std::size_t>(n));
  }
  close(out[0]);
  int st = 0;
  waitpid(pid, &st, 0);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

bool haveTool(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string p = path ? path : "/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= p.size()) {
    auto end = p.find(':', start);
    std::string d = p.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!d.empty() && access((d + "/" + name).c_str(), X_OK) == 0) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

std::filesystem::path softHsmModule() {
  for (const char* p :
       {"/usr/lib/softhsm/libsofthsm2.so", "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
        "/usr/local/lib/softhsm/libsofthsm2.so"})
    if (std::filesystem::exists(p)) return p;
  return {};
}

TempDir::TempDir() {
  const char* base = std::getenv("TMPDIR");
  std::string tmpl = std::string(base && *base ? base : "/tmp") + "/kyso-test-XXXXXX";
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  if (mkdtemp(buf.data())) m_path = buf.data();
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!m_path.empty() && !std::getenv("KYSO_KEEP_TEST_DIRS"))
    std::filesystem::remove_all(m_path, ec);
}

Result<std::unique_ptr<SoftHsmToken>> SoftHsmToken::create(const Options& opt) {
  std::unique_ptr<SoftHsmToken> t(new SoftHsmToken());
  t->m_opt = opt;
  t->m_module = softHsmModule();
  if (t->m_module.empty())
    return Error::kyso(Errc::ModuleNotFound, "SoftHsmToken::create", "libsofthsm2.so");
  t->m_tmp = std::make_unique<TempDir>();
  t->m_dir = t->m_tmp->path();
  if (t->m_dir.empty()) return Error::posix(errno, "mkdtemp");
  std::filesystem::create_directories(t->m_dir / "tokens");
  t->m_conf = t->m_dir / "softhsm2.conf";
  {
    std::ofstream c(t->m_conf);
    c << "directories.tokendir = " << (t->m_dir / "tokens").string() << "\n"
      << "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n"
      << "library.reset_on_fork = false\n";
    if (!opt.mechanisms.empty()) {
      c << "slots.mechanisms = ";
      for (std::size_t i = 0; i < opt.mechanisms.size(); ++i)
        c << (i ? "," : "") << opt.mechanisms[i];
      c << "\n";
    }
    std::ofstream empty(t->m_dir / "openssl.cnf");
  }
  t->m_oldConf = getEnv("SOFTHSM2_CONF");
  t->m_oldOpensslConf = getEnv("OPENSSL_CONF");
  setenv("SOFTHSM2_CONF", t->m_conf.c_str(), 1);
  setenv("OPENSSL_CONF", (t->m_dir / "openssl.cnf").c_str(), 1);

  ToolRun r = runTool({"softhsm2-util", "--init-token", "--free", "--label", opt.label, "--so-pin",
                       opt.soPin, "--pin", opt.userPin});
  if (r.status != 0)
    return Error::kyso(Errc::ModuleLoadFailed, "softhsm2-util --init-token", r.out);
  ToolRun show = runTool({"softhsm2-util", "--show-slots"});
  // The initialised token is the one whose label matches; its serial follows "Serial number:".
  auto pos = show.out.find("Label:            " + opt.label);
  if (pos != std::string::npos) {
    auto s = show.out.rfind("Serial number:", pos);
    if (s != std::string::npos) {
      auto e = show.out.find('\n', s);
      std::string line = show.out.substr(s + 14, e - s - 14);
      line.erase(0, line.find_first_not_of(' '));
      t->m_serial = line;
    }
  }
  return t;
}

SoftHsmToken::~SoftHsmToken() {
  restoreEnv("SOFTHSM2_CONF", m_oldConf);
  restoreEnv("OPENSSL_CONF", m_oldOpensslConf);
}

std::filesystem::path SoftHsmToken::makeRsaKey(int bits) {
  auto p = m_dir / ("rsa" + std::to_string(bits) + "-" + std::to_string(++m_counter) + ".pem");
  ToolRun r = runTool({"openssl", "genpkey", "-algorithm", "RSA", "-pkeyopt",
                       "rsa_keygen_bits:" + std::to_string(bits), "-out", p.string()});
  if (r.status != 0) ADD_FAILURE() << "openssl genpkey failed: " << r.out;
  return p;
}

std::filesystem::path SoftHsmToken::makeEcKey(const std::string& curve) {
  auto p = m_dir / ("ec-" + curve + "-" + std::to_string(++m_counter) + ".pem");
  ToolRun r = runTool({"openssl", "genpkey", "-algorithm", "EC", "-pkeyopt",
                       "ec_paramgen_curve:" + curve, "-out", p.string()});
  if (r.status != 0) ADD_FAILURE() << "openssl genpkey failed: " << r.out;
  return p;
}

std::filesystem::path SoftHsmToken::makeSelfSignedCert(const std::filesystem::path& key,
                                                       const std::string& subject) {
  auto p = key;
  p.replace_extension(".crt");
  ToolRun r = runTool({"openssl", "req", "-new", "-x509", "-utf8", "-key", key.string(), "-subj",
                       subject, "-days", "30", "-sha256", "-addext",
                       "keyUsage=critical,digitalSignature,nonRepudiation", "-out", p.string()});
  if (r.status != 0) ADD_FAILURE() << "openssl req -x509 failed: " << r.out;
  return p;
}

ToolRun SoftHsmToken::pkcs11Tool(const std::vector<std::string>& args,
                                 const std::string& stdinData) {
  std::vector<std::string> argv = {"pkcs11-tool", "--module", m_module.string(), "--token-label",
                                   m_opt.label};
  argv.insert(argv.end(), args.begin(), args.end());
  return runTool(argv, stdinData);
}

Status SoftHsmToken::importKey(const std::filesystem::path& key, const std::string& idHex,
                               const std::string& label, bool alwaysAuthenticate) {
  // pkcs11-tool reads DER private keys reliably; convert first, into this token's own folder:
  // tests running in parallel import the same PKI keys, and a DER written beside the key was
  // rewritten by one while another read it (a flaky import).
  const auto der = m_dir / (key.filename().string() + ".der");
  ToolRun c =
      runTool({"openssl", "pkey", "-in", key.string(), "-outform", "DER", "-out", der.string()});
  if (c.status != 0) return Error::kyso(Errc::FileUnreadable, "openssl pkey", c.out);
  std::vector<std::string> a = {"--login",    "--pin",   m_opt.userPin, "--write-object",
                                der.string(), "--type",  "privkey",     "--id",
                                idHex,        "--label", label,         "--usage-sign",
                                "--sensitive"};
  if (alwaysAuthenticate) a.push_back("--always-auth");
  ToolRun r = pkcs11Tool(a);
  if (r.status != 0)
    return Error::kyso(Errc::ModuleLoadFailed, "pkcs11-tool --write-object", r.out);
  return okStatus();
}

Status SoftHsmToken::importPublicKey(const std::filesystem::path& key, const std::string& idHex,
                                     const std::string& label) {
  const auto der = m_dir / (key.filename().string() + ".pub.der");
  ToolRun c = runTool(
      {"openssl", "pkey", "-in", key.string(), "-pubout", "-outform", "DER", "-out", der.string()});
  if (c.status != 0) return Error::kyso(Errc::FileUnreadable, "openssl pkey -pubout", c.out);
  ToolRun r = pkcs11Tool({"--login", "--pin", m_opt.userPin, "--write-object", der.string(),
                          "--type", "pubkey", "--id", idHex, "--label", label});
  if (r.status != 0)
    return Error::kyso(Errc::ModuleLoadFailed, "pkcs11-tool --write-object", r.out);
  return okStatus();
}

Status SoftHsmToken::importCert(const std::filesystem::path& cert, const std::string& idHex,
                                const std::string& label) {
  const auto der = m_dir / (cert.filename().string() + ".crt.der");  // not beside a shared file
  ToolRun c =
      runTool({"openssl", "x509", "-in", cert.string(), "-outform", "DER", "-out", der.string()});
  if (c.status != 0) return Error::kyso(Errc::FileUnreadable, "openssl x509", c.out);
  ToolRun r = pkcs11Tool({"--login", "--pin", m_opt.userPin, "--write-object", der.string(),
                          "--type", "cert", "--id", idHex, "--label", label});
  if (r.status != 0)
    return Error::kyso(Errc::ModuleLoadFailed, "pkcs11-tool --write-object", r.out);
  return okStatus();
}

Result<std::filesystem::path> SoftHsmToken::importKeyAndCert(const std::filesystem::path& key,
                                                             const std::string& idHex,
                                                             const std::string& label,
                                                             const std::string& subject,
                                                             bool alwaysAuthenticate) {
  KYSO_TRY(importKey(key, idHex, label, alwaysAuthenticate));
  KYSO_TRY(importPublicKey(key, idHex, label));
  auto cert = makeSelfSignedCert(key, subject);
  KYSO_TRY(importCert(cert, idHex, label));
  return cert;
}

void SoftHsmTest::SetUp() {
  if (softHsmModule().empty()) {
    if (inCi()) FAIL() << "SoftHSM (libsofthsm2.so) is missing and CI=true";
    GTEST_SKIP() << "*** SKIPPED: SoftHSM is not installed (apt-get install softhsm2) ***";
  }
  for (const char* tool : {"softhsm2-util", "pkcs11-tool", "openssl"}) {
    if (!haveTool(tool)) {
      if (inCi()) FAIL() << tool << " is missing and CI=true";
      GTEST_SKIP() << "*** SKIPPED: " << tool << " is not installed ***";
    }
  }
  auto t = SoftHsmToken::create(options());
  ASSERT_TRUE(t.ok()) << t.error().technical() << " " << t.error().context;
  m_token = std::move(t).value();
}

}  // namespace kyso::test
