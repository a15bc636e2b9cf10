// Benchmark of the PDF verifier against pdfsig and `openssl dgst -sha256`, measured in the same
// run on the same files (issue 7):
//   1. 200 signed one-page PDFs verified in one process vs pdfsig once per file (target >= 20x).
//   2. a signed 100 MB PDF: wall time vs `openssl dgst -sha256` (target <= 1.5x) and peak RSS vs
//      pdfsig's (target <= 2x).
//   3. a ten-page document signed ten times by `kyso sign` (ten incremental updates), verified
//      with and without the visual check (every signed revision rendered against the last),
//      whole with the change analysis after each signature (issue 15: target < 1 s), vs pdfsig.
// Usage: bench_pdfverify [WORKDIR]   (default: a temporary folder, removed at the end)
// What is timed is the `kyso verify` command beside this program (bin/kyso), run like the other
// tools (fork/exec + wait4, wall time and peak RSS), offline with the signer as trust anchor and
// --json; its exit status must be 0 (every signature passed) or the figure is marked FAILED.
// For reference it is also run with --jobs 1, and the library alone is timed in a child process
// (this program with --verify FILE...: one thread, no command-line start-up). Signatures are made
// with the openssl CLI.
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "certs/trust_store.h"
#include "src/pdfverify/cms_checker.h"
#include "src/pdfverify/verifier.h"
#include "tests/pdfverify/pdf_builder.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Run {
  double seconds = 0;
  double cpu = 0;  // user + system seconds of the child
  long maxRssKb = 0;
  int status = -1;
};

// Runs argv to completion with stdout/stderr to /dev/null; wall time and the child's peak RSS.
Run run(const std::vector<std::string>& argv) {
  std::vector<char*> cargv;
  for (auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  std::fflush(stdout);  // the child must not inherit (and print again) buffered output
  auto t0 = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout) || !freopen("/dev/null", "w", stderr)) _exit(126);
    execvp(cargv[0], cargv.data());
    _exit(127);
  }
  Run r;
  int st = 0;
  struct rusage ru {};
  wait4(pid, &st, 0, &ru);
  r.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  r.maxRssKb = ru.ru_maxrss;
  r.cpu = static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
          static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

Run best(int times, const std::vector<std::string>& argv) {
  Run b;
  b.seconds = 1e9;
  for (int i = 0; i < times; ++i) {
    Run r = run(argv);
    if (r.seconds < b.seconds) b = r;
  }
  return b;
}

// Child mode: verify every file in one process; exit 0 when each has a signature whose bytes
// are intact (so the benchmark never times a verifier that silently failed).
int verifyMode(int argc, char** argv) {
  using namespace kyso;
  auto store = certs::TrustStore::empty();
  if (!store.addAnchors(argv[2], "bench").ok()) return 3;
  cms::VerifyOptions co;
  co.trust = &store;
  co.chain.http.offline = true;
  co.revocation.http.offline = true;
  pdfverify::KysoCmsChecker checker(co);
  pdfverify::VerifyOptions opt;
  opt.cms = &checker;
  int bad = 0;
  for (int i = 3; i < argc; ++i) {
    auto r = pdfverify::verifyPdfFile(argv[i], opt);
    if (r.signatures.empty() || r.signatures.front().crypto.intact != true) ++bad;
  }
  return bad == 0 ? 0 : 1;
}

// A ten-page PDF (each page its own text), offsets and xref exact, unsigned.
std::string tenPagePdf() {
  std::vector<std::string> objs = {"<< /Type /Catalog /Pages 2 0 R >>", ""};
  std::string kids;
  for (int i = 0; i < 10; ++i) {
    const int page = 4 + 2 * i, content = page + 1;
    kids += std::to_string(page) + " 0 R ";
    objs.resize(static_cast<std::size_t>(content));
    objs[static_cast<std::size_t>(page - 1)] =
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " +
        std::to_string(content) + " 0 R /Resources << /Font << /F1 3 0 R >> >> >>";
    const std::string text =
        "BT /F1 14 Tf 72 760 Td (Trang " + std::to_string(i + 1) + ": noi dung cong van) Tj ET";
    objs[static_cast<std::size_t>(content - 1)] =
        "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream";
  }
  objs[1] = "<< /Type /Pages /Kids [" + kids + "] /Count 10 >>";
  objs[2] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";
  std::string out = "%PDF-1.7\n";
  std::vector<std::size_t> offsets;
  for (std::size_t n = 0; n < objs.size(); ++n) {
    offsets.push_back(out.size());
    out += std::to_string(n + 1) + " 0 obj\n" + objs[n] + "\nendobj\n";
  }
  const std::size_t xref = out.size();
  out += "xref\n0 " + std::to_string(objs.size() + 1) + "\n0000000000 65535 f \n";
  char line[32];
  for (auto o : offsets) {
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", o);
    out += line;
  }
  out += "trailer\n<< /Size " + std::to_string(objs.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc > 2 && std::string(argv[1]) == "--verify") return verifyMode(argc, argv);
  std::string tmpl = (fs::temp_directory_path() / "kyso-bench-pdfverify-XXXXXX").string();
  fs::path work = argc > 1 ? fs::path(argv[1]) : fs::path(mkdtemp(tmpl.data()));
  fs::create_directories(work / "small");
  std::string err;
  if (!kyso::test::makeSigner(work, &err)) {
    std::fprintf(stderr, "making the signer failed: %s\n", err.c_str());
    return 1;
  }
  const std::string self = fs::canonical("/proc/self/exe").string();
  const std::string anchor = (work / "signer.pem").string();

  // 1. 200 one-page signed PDFs.
  std::vector<std::string> files;
  for (int i = 0; i < 200; ++i) {
    auto s = kyso::test::makeSignedPdf(work, {}, &err);
    if (s.bytes.empty()) {
      std::fprintf(stderr, "signing failed: %s\n", err.c_str());
      return 1;
    }
    auto p = work / "small" / ("doc" + std::to_string(i) + ".pdf");
    kyso::test::writeBytes(p, s.bytes);
    files.push_back(p.string());
  }
  const std::string kysoBin = (fs::path(self).parent_path() / "kyso").string();
  std::vector<std::string> argvK = {kysoBin, "verify",        "--offline", "--trust",
                                    anchor,  "--trust-group", "none",      "--json"};
  argvK.insert(argvK.end(), files.begin(), files.end());
  Run k = best(3, argvK);
  std::vector<std::string> argvK1 = argvK;
  argvK1.insert(argvK1.begin() + 2, {"--jobs", "1"});
  Run k1 = best(3, argvK1);
  std::vector<std::string> argvL = {self, "--verify", anchor};
  argvL.insert(argvL.end(), files.begin(), files.end());
  Run lib = best(3, argvL);
  auto t0 = Clock::now();
  int pdfsigFail = 0;
  double pdfsigCpu = 0;
  for (auto& f : files) {
    Run r = run({"pdfsig", f});
    pdfsigFail += r.status != 0;
    pdfsigCpu += r.cpu;
  }
  double pdfsigSecs = std::chrono::duration<double>(Clock::now() - t0).count();
  double kRate = files.size() / k.seconds, pRate = files.size() / pdfsigSecs;
  std::printf("200 signed one-page PDFs\n");
  std::printf("  kyso verify:          %7.3f s  %8.1f files/s  (exit %d)\n", k.seconds, kRate,
              k.status);
  std::printf("  kyso verify --jobs 1: %7.3f s  %8.1f files/s  (exit %d)\n", k1.seconds,
              files.size() / k1.seconds, k1.status);
  std::printf("  library, one thread:  %7.3f s  %8.1f files/s  (exit %d)\n", lib.seconds,
              files.size() / lib.seconds, lib.status);
  std::printf("  pdfsig (per file):    %7.3f s  %8.1f files/s  (%d failed)\n", pdfsigSecs, pRate,
              pdfsigFail);
  std::printf("  ratio: %.1fx (target >= 20x): %s\n\n", kRate / pRate,
              k.status != 0         ? "FAILED (kyso did not pass every file)"
              : kRate / pRate >= 20 ? "PASS"
                                    : "FAIL");

  // 2. One signed 100 MB PDF.
  kyso::test::BaseOptions big;
  big.padding = 100u << 20;
  auto s = kyso::test::makeSignedPdf(work, big, &err);
  if (s.bytes.empty()) {
    std::fprintf(stderr, "signing the big file failed: %s\n", err.c_str());
    return 1;
  }
  const std::string bigFile = (work / "big.pdf").string();
  kyso::test::writeBytes(bigFile, s.bytes);
  s.bytes.clear();
  s.bytes.shrink_to_fit();
  Run kb = best(3, {kysoBin, "verify", "--offline", "--trust", anchor, "--trust-group", "none",
                    "--json", bigFile});
  Run ps = best(3, {"pdfsig", bigFile});
  Run dg = best(3, {"openssl", "dgst", "-sha256", bigFile});
  std::printf("signed 100 MB PDF\n");
  std::printf("  kyso:                %7.3f s  peak RSS %7ld KiB (exit %d)\n", kb.seconds,
              kb.maxRssKb, kb.status);
  std::printf("  pdfsig:              %7.3f s  peak RSS %7ld KiB\n", ps.seconds, ps.maxRssKb);
  std::printf("  openssl dgst -sha256:%7.3f s  peak RSS %7ld KiB\n", dg.seconds, dg.maxRssKb);
  std::printf("  CPU time: kyso %.3f s, openssl dgst %.3f s, pdfsig %.3f s\n", kb.cpu, dg.cpu,
              ps.cpu);
  std::printf("  time vs openssl dgst: %.2fx (target <= 1.5x): %s\n", kb.seconds / dg.seconds,
              kb.seconds / dg.seconds <= 1.5 ? "PASS" : "FAIL");
  std::printf("  RSS vs pdfsig:        %.2fx (target <= 2x): %s\n",
              static_cast<double>(kb.maxRssKb) / ps.maxRssKb,
              kb.maxRssKb <= 2 * ps.maxRssKb ? "PASS" : "FAIL");

  // 3. Ten signatures on a ten-page document, each an incremental update made by kyso sign.
  fs::path prev = work / "ten-0.pdf";
  kyso::test::writeBytes(prev, tenPagePdf());
  int signFailures = 0;
  for (int i = 1; i <= 10; ++i) {
    const fs::path next = work / ("ten-" + std::to_string(i) + ".pdf");
    Run r = run({kysoBin, "sign", prev.string(), "-o", next.string(), "--key-file",
                 (work / "signer.key").string(), "--cert-file", anchor});
    signFailures += r.status != 0;
    prev = next;
  }
  Run kt = best(3, {kysoBin, "verify", "--offline", "--trust", anchor, "--trust-group", "none",
                    "--json", prev.string()});
  Run kn = best(3, {kysoBin, "verify", "--offline", "--trust", anchor, "--trust-group", "none",
                    "--json", "--no-visual-check", prev.string()});
  Run pt = best(3, {"pdfsig", prev.string()});
  std::printf("\nten-page document, ten signatures (ten incremental updates)\n");
  std::printf(
      "  kyso verify:         %7.3f s  (exit %d%s; visual check: 9 signatures x 10 pages)\n",
      kt.seconds, kt.status, signFailures ? ", some signing steps FAILED" : "");
  std::printf("  without visual check:%7.3f s  (exit %d; the check costs %.3f s)\n", kn.seconds,
              kn.status, kt.seconds - kn.seconds);
  std::printf("  pdfsig:              %7.3f s  (no change analysis)\n", pt.seconds);
  std::printf("  kyso under 1 s: %s; vs pdfsig: %.2fx\n",
              kt.status == 0 && !signFailures && kt.seconds < 1.0 ? "PASS" : "FAIL",
              kt.seconds / pt.seconds);
  if (argc <= 1) fs::remove_all(work);
  return 0;
}
