// CMS speed against baselines measured in the same run (issue 4, "Speed"):
//  1. detached signing of 200 small files: `kyso sign ... --detached` in one process with one
//     login on a SoftHSM RSA-2048 token, against `openssl cms -sign` one process per file through
//     the libp11 engine on the same token (and, for reference, with the key in a PEM file, and
//     kyso with --jobs 1: one session, as a USB token signs). kyso signs on as many sessions as
//     the machine has cores (a software token); its figure is the median of 5 runs. Target: >= 10x.
//  2. verifying those 200 .p7s: `kyso verify *.p7s` in one process (no revocation, as openssl
//     does none) against `openssl cms -verify` one process per file. Target: >= 8x.
//  3. hashing a 1 GB file for a detached signature: `kyso sign BIG --detached` against
//     `openssl dgst -sha256 BIG` (a sparse temporary file, deleted afterwards). Target: <= 1.2x.
// Usage: kyso_bench_cms [files (default 200)]. Needs the openssl CLI, SoftHSM and pkcs11-tool.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "tests/support/softhsm_fixture.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;
using kyso::test::runTool;

namespace {

double secs(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

double timeIt(const std::vector<std::string>& argv, int* status = nullptr) {
  auto t0 = Clock::now();
  auto r = runTool(argv, {}, 600);
  double s = secs(Clock::now() - t0);
  if (status) *status = r.status;
  if (r.status != 0)
    std::fprintf(stderr, "  (exit %d) %s\n", r.status, r.out.substr(0, 300).c_str());
  return s;
}

// The median of `runs` timings (kyso's one run of 200 files is short enough that scheduling noise
// moves it by 10%; the baseline's 200 processes already average out). argvFor(i) is run i's
// command line.
template <class ArgvFor>
double medianTime(ArgvFor argvFor, int runs, int* status) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    int st = 0;
    t.push_back(timeIt(argvFor(i), &st));
    if (st != 0) {
      *status = st;
      return t.back();
    }
  }
  std::sort(t.begin(), t.end());
  *status = 0;
  std::printf("  (%d runs: %.1f-%.1f ms, median %.1f ms)\n", runs, t.front() * 1e3, t.back() * 1e3,
              t[t.size() / 2] * 1e3);
  return t[t.size() / 2];
}

void line(const char* what, double kyso, double base, const char* unit, double ratio,
          const char* target) {
  std::printf("%-58s kyso %9.3f %s | baseline %9.3f %s | ratio %6.2fx (target %s)\n", what, kyso,
              unit, base, unit, ratio, target);
}

}  // namespace

int main(int argc, char** argv) {
  int n = argc > 1 ? std::atoi(argv[1]) : 200;
  const std::string kyso = KYSO_BENCH_KYSO;
  const std::string src = KYSO_BENCH_SOURCE;
  ::setenv("OPENSSL_CONF", "/dev/null", 1);
  kyso::test::TempDir tmp;
  fs::path dir = tmp.path();
  ::setenv("KYSO_HOME", (dir / "home").c_str(), 1);
  fs::path pki = dir / "pki";
  if (runTool({"bash", src + "/tests/pki/make-pki.sh", pki.string(), "29700"}).status != 0) {
    std::fprintf(stderr, "make-pki.sh failed\n");
    return 1;
  }
  fs::create_directories(dir / "k");
  fs::create_directories(dir / "o");
  fs::create_directories(dir / "p");
  std::vector<std::string> files;
  for (int i = 0; i < n; ++i) {
    std::string name = "doc" + std::to_string(i) + ".txt";
    for (const char* sub : {"k", "o", "p"})
      std::ofstream(dir / sub / name) << "Công văn số " << i << "/SYT-VP\n";
    files.push_back(name);
  }
  std::printf("kyso CMS bench: %d files, %s\n", n, kyso.c_str());

  // --- 1. signing -----------------------------------------------------------------------------
  auto tok = kyso::test::SoftHsmToken::create();
  if (!tok.ok()) {
    std::fprintf(stderr, "SoftHSM not available: %s\n", tok.error().technical().c_str());
    return 1;
  }
  auto& t = **tok;
  if (!t.importKey(pki / "signer-rsa2048.key", "01", "Signer").ok() ||
      !t.importCert(pki / "signer-rsa2048.pem", "01", "Signer").ok()) {
    std::fprintf(stderr, "import into SoftHSM failed\n");
    return 1;
  }
  ::setenv("KYSO_BENCH_PIN", t.userPin().c_str(), 1);
  // Every run signs into a fresh folder, as openssl's does (no output is replaced); the first
  // writes beside the inputs, where part 2 verifies them.
  auto kysoSign = [&](const std::string& tag, const std::vector<std::string>& extra) {
    return [&, tag, extra](int run) {
      std::vector<std::string> a = {kyso,        "sign",          "--detached",
                                    "--offline", "--module",      t.modulePath().string(),
                                    "--pin-env", "KYSO_BENCH_PIN"};
      a.insert(a.end(), extra.begin(), extra.end());
      if (run > 0 || tag != "k") {
        fs::path out = dir / (tag + std::to_string(run));
        fs::create_directories(out);
        a.insert(a.end(), {"--out-dir", out.string()});
      }
      for (auto& f : files) a.push_back((dir / "k" / f).string());
      return a;
    };
  };
  int st = 0;
  double kSign = medianTime(kysoSign("k", {}), 5, &st);
  // The same batch on one session (what a USB token gets: one signature at a time), for reference.
  int st1 = 0;
  double kSign1 = medianTime(kysoSign("k1-", {"--jobs", "1"}), 5, &st1);

  // openssl through the libp11 engine on the same token: one process per file.
  fs::path conf = dir / "engine.cnf";
  std::ofstream(conf)
      << "openssl_conf = conf\n[conf]\nengines = engines\n[engines]\npkcs11 = p11\n[p11]\n"
         "engine_id = pkcs11\nMODULE_PATH = "
      << t.modulePath().string() << "\ninit = 0\n";
  std::string keyUri = "pkcs11:object=Signer;type=private;pin-value=" + t.userPin();
  auto e0 = Clock::now();
  int engineFailures = 0;
  ::setenv("OPENSSL_CONF", conf.c_str(), 1);
  for (auto& f : files) {
    auto r = runTool({"openssl", "cms", "-sign", "-binary", "-engine", "pkcs11", "-keyform",
                      "engine", "-inkey", keyUri, "-signer", (pki / "signer-rsa2048.pem").string(),
                      "-in", (dir / "o" / f).string(), "-outform", "DER", "-out",
                      (dir / "o" / (f + ".p7s")).string()});
    if (r.status != 0 && ++engineFailures == 1)
      std::fprintf(stderr, "  engine: %s\n", r.out.substr(0, 300).c_str());
  }
  double oSignEngine = secs(Clock::now() - e0);
  ::setenv("OPENSSL_CONF", "/dev/null", 1);
  auto p0 = Clock::now();
  for (auto& f : files)
    runTool({"openssl", "cms", "-sign", "-binary", "-inkey", (pki / "signer-rsa2048.key").string(),
             "-signer", (pki / "signer-rsa2048.pem").string(), "-in", (dir / "p" / f).string(),
             "-outform", "DER", "-out", (dir / "p" / (f + ".p7s")).string()});
  double oSignPem = secs(Clock::now() - p0);
  std::printf("\n1. detached signing, %d files (SoftHSM RSA-2048, one login for kyso)%s\n", n,
              st == 0 ? "" : "  ** kyso FAILED **");
  if (st != 0)
    std::printf("  kyso failed: no figures\n");
  else if (engineFailures == 0)
    line("kyso one process vs openssl cms -sign + libp11 engine/file", n / kSign, n / oSignEngine,
         "files/s", oSignEngine / kSign, ">= 10x");
  else
    std::printf("  openssl + libp11 engine failed on %d files; not compared\n", engineFailures);
  if (st == 0)
    line("kyso (token) vs openssl cms -sign with a PEM key/file", n / kSign, n / oSignPem,
         "files/s", oSignPem / kSign, "reference");
  if (st1 == 0 && engineFailures == 0)
    line("kyso --jobs 1 (one session) vs openssl + engine/file", n / kSign1, n / oSignEngine,
         "files/s", oSignEngine / kSign1, "reference");

  // --- 2. verifying ---------------------------------------------------------------------------
  std::vector<std::string> vargv = {kyso,        "verify",
                                    "--offline", "--no-revocation",
                                    "--trust",   (pki / "root.pem").string(),
                                    "--trust",   (pki / "gov-ca.pem").string()};
  for (auto& f : files) vargv.push_back((dir / "k" / (f + ".p7s")).string());
  double kVer = medianTime([&](int) { return vargv; }, 5, &st);
  auto v0 = Clock::now();
  int vfail = 0;
  for (auto& f : files)
    vfail +=
        runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                 (dir / "k" / (f + ".p7s")).string(), "-content", (dir / "k" / f).string(),
                 "-CAfile", (pki / "chain.pem").string(), "-purpose", "any", "-out", "/dev/null"})
            .status != 0;
  double oVer = secs(Clock::now() - v0);
  std::printf("\n2. verifying %d .p7s (kyso exit %d; openssl failures %d)\n", n, st, vfail);
  if (st == 0 && vfail == 0)
    line("kyso verify, one process vs openssl cms -verify per file", n / kVer, n / oVer, "files/s",
         oVer / kVer, ">= 8x");

  // --- 3. hashing 1 GB ------------------------------------------------------------------------
  fs::path big = dir / "big.bin";
  {
    std::ofstream(big).close();
    fs::resize_file(big, 1ull << 30);  // sparse: reads are zeros from the page cache, no disk
  }
  timeIt({"openssl", "dgst", "-sha256", big.string()});  // warm-up
  double oHash = timeIt({"openssl", "dgst", "-sha256", big.string()});
  double kHash = timeIt({kyso, "sign", big.string(), "--detached", "--key-file",
                         (pki / "signer-rsa2048.key").string(), "--cert-file",
                         (pki / "signer-rsa2048.pem").string(), "--no-chain"},
                        &st);
  std::printf("\n3. 1 GiB sparse file\n");
  if (st == 0)
    line("kyso sign --detached vs openssl dgst -sha256", kHash, oHash, "s", kHash / oHash,
         "<= 1.2x");
  fs::remove(big);
  return 0;
}
