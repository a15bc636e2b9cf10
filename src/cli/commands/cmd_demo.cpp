// `kyso demo`: the main job on embedded defaults. On first run it makes, under the user's data
// directory, a test PKI (tests/pki/make-pki.sh, openssl CLI), a SoftHSM demo token with a signing
// key generated ON the token and its certificate from the test CA, an SQLite inventory that holds
// the token and certificate (via `inventory sync`), the sample official letter as PDF with its
// number and date blank, a handwriting image and a seal. It then signs the letter as the leader
// approves it and as the clerk issues it, and verifies it through the same code paths as `kyso
// token`, `kyso sign`, `kyso inventory` and `kyso verify`, and prints where everything is and the
// verdict. Later runs reuse what exists (each step leaves a marker only once it succeeded).
//
// The demo token's PINs are published demo values kept in files beside it (0600); kyso reads them
// with --pin-file exactly as a script would. They protect nothing but the demo key.
#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "certs/cert_info.h"
#include "core/atomic_file.h"
#include "core/messages.h"
#include "core/paths.h"
#include "core/vietnam_time.h"
#include "src/cli/kyso/args.h"
#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/common_help.h"
#include "src/cli/kyso/exit_codes.h"
#include "src/jobs/demo_files.h"
#include "src/letter/handwriting_png.h"
#include "src/letter/letter_pdf.h"
#include "src/letter/seal_png.h"

extern char** environ;

namespace kyso::cli {
namespace {

namespace fs = std::filesystem;

constexpr const char* kTokenLabel = "kyso demo";
constexpr const char* kSignerName = "Nguyễn Nam Hùng";  // the letter's signer
constexpr const char* kSignerTitle = "GIÁM ĐỐC";
constexpr const char* kUnit = "Sở Y tế (demo)";
constexpr const char* kDocNumber = "286/SYT-VP";
constexpr const char* kPkiPortBase = "28000";

void say(const std::string& s) {
  std::printf("%s\n", s.c_str());
  std::fflush(stdout);
}

bool marker(const fs::path& dir, const char* name) {
  std::error_code ec;
  return fs::exists(dir / ".state" / name, ec);
}

Status setMarker(const fs::path& dir, const char* name) {
  std::error_code ec;
  fs::create_directories(dir / ".state", ec);
  auto f = AtomicFile::create(dir / ".state" / name, AtomicFile::Overwrite::Allow);
  if (!f.ok()) return f.error();
  KYSO_TRY(f->write("ok\n"));
  return f->commit();
}

Status writePrivateFile(const fs::path& p, const std::string& content) {
  auto f = AtomicFile::create(p, AtomicFile::Overwrite::Allow);
  if (!f.ok()) return f.error();
  ::fchmod(f->fd(), 0600);
  KYSO_TRY(f->write(content));
  return f->commit();
}

/// Runs a program (no shell) and waits; stdout/stderr go to `log`.
Status runTool(const std::vector<std::string>& argv, const fs::path& log) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_APPEND,
                                   0644);
  posix_spawn_file_actions_adddup2(&fa, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, args[0], &fa, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return Error::posix(rc, "posix_spawn", argv[0]);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) return Error::posix(errno, "waitpid", argv[0]);
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    return Error::kyso(Errc::FileUnreadable, argv[0],
                       "failed (exit " +
                           std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : -1) +
                           "); see " + log.string());
  return {};
}

int step(const char* what, int rc) {
  if (rc != kExitOk) std::fprintf(stderr, "kyso demo: %s failed (exit code %d).\n", what, rc);
  return rc;
}

/// The certificate extensions a government signer certificate carries (as the test PKI's).
std::string signerExtensions() {
  const std::string http = std::string("http://127.0.0.1:") + kPkiPortBase;
  const std::string ocsp = "http://127.0.0.1:" + std::to_string(std::atoi(kPkiPortBase) + 1);
  return "basicConstraints=critical,CA:FALSE\n"
         "keyUsage=critical,digitalSignature,nonRepudiation\n"
         "extendedKeyUsage=emailProtection,clientAuth\n"
         "subjectKeyIdentifier=hash\n"
         "authorityKeyIdentifier=keyid\n"
         "certificatePolicies=2.16.704.1.1.1.1.1\n"
         "crlDistributionPoints=URI:" +
         http +
         "/gov-ca.crl\n"
         "authorityInfoAccess=caIssuers;URI:" +
         http + "/gov-ca.der,OCSP;URI:" + ocsp + "/\n";
}

// Where the demo keeps everything (jobs::DemoFiles, which the GUI's --demo opens too), and the
// token options that reach its token.
struct Demo : jobs::DemoFiles {
  explicit Demo(fs::path d) : DemoFiles(std::move(d)) {}
  fs::path res = resourceDir();
  std::string module = "softhsm";
  std::vector<std::string> withToken(std::vector<std::string> a) const {
    for (const std::string& s :
         {std::string("--module"), module, std::string("--token"), std::string(kTokenLabel),
          std::string("--pin-file"), userPin.string()})
      a.push_back(s);
    return a;
  }
};

// 1. The test PKI: root, government CA, CRLs (openssl CLI).
int makePki(const Demo& d) {
  std::error_code ec;
  const fs::path pkiScript = d.res / "tests" / "pki" / "make-pki.sh";
  if (!fs::exists(pkiScript, ec)) {
    std::fprintf(stderr,
                 "kyso demo: %s is missing; set KYSO_RESOURCE_DIR to the kyso source tree.\n",
                 pkiScript.c_str());
    return kExitInputError;
  }
  if (auto st = runTool({"bash", pkiScript.string(), d.pki.string(), kPkiPortBase}, d.log);
      !st.ok()) {
    printError("Making the demo PKI", st.error());
    return kExitInputError;
  }
  say("  PKI:        " + d.pki.string() + " (RootCA (test) -> Government CA (test))");
  return kExitOk;
}

// 2. The SoftHSM demo token, initialised through `kyso token init`.
int makeToken(const Demo& d) {
  std::error_code ec;
  fs::create_directories(d.tokens, ec);
  if (auto st = writePrivateFile(d.conf, "directories.tokendir = " + d.tokens.string() +
                                             "\nobjectstore.backend = file\nlog.level = ERROR\n");
      !st.ok()) {
    printError("Writing " + d.conf.string(), st.error());
    return kExitInputError;
  }
  ::setenv("SOFTHSM2_CONF", d.conf.c_str(), 1);
  if (marker(d.dir, "token")) return kExitOk;
  fs::remove_all(d.tokens, ec);
  fs::create_directories(d.tokens, ec);
  if (!writePrivateFile(d.initPins, "87654321\n123456\n").ok() ||
      !writePrivateFile(d.userPin, "123456\n").ok()) {
    std::fprintf(stderr, "kyso demo: cannot write the demo PIN files in %s\n", d.dir.c_str());
    return kExitInputError;
  }
  if (int rc =
          step("token init", runToken({"init", "--module", d.module, "--slot", "0", "--label",
                                       kTokenLabel, "--yes", "--pin-file", d.initPins.string()}));
      rc != kExitOk)
    return rc;
  return setMarker(d.dir, "token").ok() ? kExitOk : kExitInputError;
}

// The certificate chain the test CA issues for the CSR, as one PEM bundle (leaf first).
int issueCertificate(const Demo& d) {
  std::error_code ec;
  const fs::path ext = d.dir / "signer.ext";
  const fs::path leaf = d.dir / "signer.pem";
  if (!writePrivateFile(ext, signerExtensions()).ok()) return kExitInputError;
  fs::remove(leaf, ec);
  if (auto st = runTool({"openssl", "x509", "-req", "-in", d.csr.string(), "-CA",
                         (d.pki / "gov-ca.pem").string(), "-CAkey", (d.pki / "gov-ca.key").string(),
                         "-set_serial", "0x" + std::to_string(::time(nullptr)), "-days", "730",
                         "-sha256", "-extfile", ext.string(), "-out", leaf.string()},
                        d.log);
      !st.ok()) {
    printError("Issuing the demo certificate", st.error());
    return kExitInputError;
  }
  std::string bundle;
  for (const char* f : {"signer.pem", "pki/gov-ca.pem", "pki/root.pem"}) {
    auto part = readSmallFile(d.dir / f);
    if (!part.ok()) {
      printError("Reading " + (d.dir / f).string(), part.error());
      return kExitInputError;
    }
    bundle += *part;
  }
  return writePrivateFile(d.cert, bundle).ok() ? kExitOk : kExitInputError;
}

// 3. A signing key generated on the token, a CSR signed by it, the certificate from the test CA,
//    imported with its chain under the key's CKA_ID.
int makeKeyAndCertificate(const Demo& d) {
  if (!marker(d.dir, "key")) {
    std::error_code ec;
    fs::remove(d.csr, ec);
    if (int rc = step("token keygen", runToken(d.withToken({"keygen", "--type", "rsa:2048", "--id",
                                                            "01", "--label", kSignerName})));
        rc != kExitOk)
      return rc;
    if (int rc = step("token csr", runToken(d.withToken({"csr", "--key", "01", "--subject",
                                                         std::string("/C=VN/ST=Thừa Thiên Huế/O=") +
                                                             kUnit + "/CN=" + kSignerName,
                                                         "-o", d.csr.string()})));
        rc != kExitOk)
      return rc;
    if (int rc = issueCertificate(d); rc != kExitOk) return rc;
    if (int rc = step("token import-cert", runToken(d.withToken({"import-cert", d.cert.string()})));
        rc != kExitOk)
      return rc;
    if (!setMarker(d.dir, "key").ok()) return kExitInputError;
  }
  say(std::string("  Token:      SoftHSM \"") + kTokenLabel +
      "\" with the key and certificate of " + kSignerName + " (demo PIN in " + d.userPin.string() +
      ")");
  return kExitOk;
}

// 5. The inventory: the unit with its seal, the holder with her handwriting, and the token with its
//    certificate read from it.
int makeInventory(const Demo& d) {
  if (!marker(d.dir, "inventory")) {
    std::error_code ec;
    fs::remove(d.db, ec);
    auto inv = [&](std::vector<std::string> a) {
      a.insert(a.begin(), {"--db", d.db.string()});
      return runInventory(a);
    };
    // The unit's seal and the leader's handwriting are kept in the inventory, as an IT officer
    // keeps them, so that the app signs with them without choosing a file.
    if (int rc = step("inventory unit add",
                      inv({"unit", "add", "--name", kUnit, "--seal", d.seal.string()}));
        rc != kExitOk)
      return rc;
    if (int rc = step("inventory person add",
                      inv({"person", "add", "--name", kSignerName, "--unit", kUnit, "--position",
                           "Giám đốc", "--handwriting", d.handwriting.string()}));
        rc != kExitOk)
      return rc;
    if (int rc = step("inventory sync", inv({"sync", "--module", d.module})); rc != kExitOk)
      return rc;
    // The certificate sync found is recorded as the leader's, in her unit: the register then
    // finds her handwriting and the unit's seal for it, as the app's Sign tab uses them.
    auto chain = certs::loadCertificates(d.cert);
    if (!chain.ok() || chain->empty()) {
      printError("Reading " + d.cert.string(),
                 chain.ok() ? Error::kyso(Errc::CertificateMalformed, "demo") : chain.error());
      return kExitInputError;
    }
    const std::string sha = certs::sha256Hex(chain->front().get()).substr(0, 16);
    if (int rc = step("inventory cert edit",
                      inv({"cert", "edit", sha, "--holder", kSignerName, "--unit", kUnit}));
        rc != kExitOk)
      return rc;
    if (!setMarker(d.dir, "inventory").ok()) return kExitInputError;
  }
  say("  Inventory:  " + d.db.string());
  return kExitOk;
}

// The year in Vietnam (UTC+7), printed on the letter beside its blank day and month.
int yearInVietnam() {
  return vietnamTime(std::time(nullptr)).tm_year + 1900;
}

// 4. The sample letter as the clerk prints it for approval (number and date blank), the
//    handwriting image the approval prints and the seal the issuing prints.
int makeDocuments(const Demo& d) {
  std::error_code ec;
  if (!fs::exists(d.letterPdf, ec)) {
    auto text = readSmallFile(d.res / "resources" / "samples" / "cong-van-286-SYT-VP.txt");
    if (!text.ok()) {
      printError("Reading the sample letter", text.error());
      return kExitInputError;
    }
    letter::LetterOptions opt;
    opt.blankNumberAndDate = true;
    opt.year = yearInVietnam();
    if (auto st = letter::renderLetterPdf(*text, d.letterPdf, opt); !st.ok()) {
      printError("Rendering the sample letter", st.error());
      return kExitInputError;
    }
  }
  say("  Letter:     " + d.letterPdf.string());
  if (!fs::exists(d.handwriting, ec)) {
    if (auto st = letter::renderHandwritingPng(kSignerName, d.handwriting); !st.ok()) {
      printError("Making the demo handwriting image", st.error());
      return kExitInputError;
    }
  }
  if (!fs::exists(d.seal, ec)) {
    if (auto st = letter::renderSealPng("SỞ Y TẾ * TỈNH THỪA THIÊN HUẾ", "SỞ Y TẾ", d.seal);
        !st.ok()) {
      printError("Making the demo seal image", st.error());
      return kExitInputError;
    }
  }
  return kExitOk;
}

// 6. The leader approves (PAdES B-B, an incremental update, Decree 30 "approved" appearance: the
//    handwriting image placed between the title and the name found on the page); then the clerk
//    issues it ("issued": the number and today's date written into the letter's blanks, the seal
//    over the left third of the approval). Both with the demo token.
int signLetter(const Demo& d) {
  say("");
  say("Signing the letter with the token: the leader's approval, then the clerk's issuing...");
  if (int rc = step(
          "sign --kind approved",
          runSign(d.withToken({d.letterPdf.string(), "-o", d.approvedPdf.string(), "--force",
                               "--kind", "approved", "--image", d.handwriting.string(),
                               "--signer-name", kSignerName, "--signer-title", kSignerTitle,
                               "--reason", "Phê duyệt văn bản", "--location", "Thừa Thiên Huế"})));
      rc != kExitOk)
    return rc;
  say("  Approved:   " + d.approvedPdf.string());
  if (int rc =
          step("sign --kind issued",
               runSign(d.withToken({d.approvedPdf.string(), "-o", d.signedPdf.string(), "--force",
                                    "--kind", "issued", "--seal", d.seal.string(), "--seal-size-mm",
                                    "36", "--doc-number", kDocNumber, "--reason",
                                    "Phát hành văn bản", "--location", "Thừa Thiên Huế"})));
      rc != kExitOk)
    return rc;
  say("  Issued:     " + d.signedPdf.string());
  return kExitOk;
}

int verifyLetter(const Demo& d) {
  say("");
  say("Verifying the signed letter (trust: the demo root; revocation: the demo CRLs)...");
  const auto crls = d.crls();
  int rc = runVerify({d.signedPdf.string(), "--trust", d.trustAnchor().string(), "--trust-group",
                      "none", "--offline", "--crl", crls[0].string(), "--crl", crls[1].string(),
                      "--html", d.report.string()});
  say("");
  say("  Report:     " + d.report.string());
  say(rc == kExitOk ? "kyso demo: done; the signed letter verifies."
                    : "kyso demo: the signed letter did NOT verify as expected (exit code " +
                          std::to_string(rc) + ").");
  return rc;
}

// What to type next with what the demo made (issue 17): the demo token is SoftHSM's, found
// through SOFTHSM2_CONF, and its inventory is not the default one.
void printNextCommands(const Demo& d) {
  auto q = [](const fs::path& f) { return "'" + f.string() + "'"; };
  const bool vi = defaultLang() == Lang::Vi;
  say("");
  say(vi ? "Làm tiếp với những gì bản thử đã tạo (chép và dán):"
         : "Go on with what the demo made (copy and paste):");
  say("  export SOFTHSM2_CONF=" + q(d.conf));
  say("  kyso token info --module softhsm --pin-file " + q(d.userPin));
  const fs::path mine = d.dir / "ban-ky-cua-toi.pdf";
  say("  kyso sign " + q(d.letterPdf) + " -o " + q(mine) + " --module softhsm --pin-file " +
      q(d.userPin) + " --kind approved --image " + q(d.handwriting) + " --signer-name '" +
      kSignerName + "' --signer-title '" + kSignerTitle + "'");
  say("  kyso sign " + q(mine) + " -o " + q(d.dir / "ban-phat-hanh-cua-toi.pdf") +
      " --module softhsm --pin-file " + q(d.userPin) + " --kind issued --seal " + q(d.seal) +
      " --seal-size-mm 36 --doc-number " + kDocNumber);
  const auto crls = d.crls();
  say("  kyso verify " + q(d.signedPdf) + " --trust " + q(d.trustAnchor()) +
      " --trust-group none --offline --crl " + q(crls[0]) + " --crl " + q(crls[1]));
  say("  kyso inventory --db " + q(d.db) + " token list");
  say(vi ? "Mở ứng dụng với token, gốc tin cậy và sổ theo dõi của bản thử:"
         : "Open the app with the demo's token, trusted root and inventory:");
  say(d.dir == jobs::DemoFiles::defaultDir() ? "  kyso-gui --demo"
                                             : "  kyso-gui --demo-dir " + q(d.dir));
}

}  // namespace

int runDemo(const Args& args) {
  ArgParser p;
  p.usage(
      {"Usage: kyso demo [--dir DIR] [--reset]\n"
       "The main job on a demo token (SoftHSM): makes a test CA, a token with a signing key,\n"
       "an SQLite inventory and a sample letter; signs the letter as the leader approves it\n"
       "and as the clerk issues it (number, date, seal), verifies it, then prints the\n"
       "commands to do the same by hand. Running it again reuses what it made.\n"
       "Example: kyso demo\n\n",
       "Cách dùng: kyso demo [--dir THƯ_MỤC] [--reset]\n"
       "Việc chính trên token thử (SoftHSM): tạo CA thử, token có khóa ký, sổ theo dõi SQLite\n"
       "và một công văn mẫu; ký công văn như lãnh đạo phê duyệt và như văn thư phát hành\n"
       "(số, ngày, con dấu), kiểm tra chữ ký, sau đó in các lệnh để tự làm lại. Chạy lại lần\n"
       "sau thì dùng lại những gì đã tạo.\n"
       "Ví dụ: kyso demo\n\n"});
  p.value("dir", 0,
          {"where the demo keeps its files (default: the data directory's demo/)",
           "nơi lưu các tệp của bản chạy thử (mặc định: thư mục demo/ trong thư mục dữ liệu)"})
      .flag("reset", 0,
            {"start again: remove the demo's token, inventory and documents first",
             "làm lại từ đầu: xóa token, sổ theo dõi và tài liệu của bản chạy thử trước"})
      .flag("help", 'h', kThisTextHelp);
  if (auto st = p.parse(args); !st.ok()) {
    printError("", st.error());
    return kExitUsage;
  }
  if (p.has("help")) {
    std::printf("%s", p.helpText().c_str());
    return kExitOk;
  }
  const Demo d(p.has("dir") ? fs::path(*p.get("dir")) : dataDir() / "demo");
  std::error_code ec;
  if (p.has("reset")) fs::remove_all(d.dir, ec);
  fs::create_directories(d.dir, ec);
  if (ec) {
    printError("Creating " + d.dir.string(), Error::posix(ec.value(), "mkdir", d.dir.string()));
    return kExitInputError;
  }
  say("kyso demo: files under " + d.dir.string());
  for (int (*part)(const Demo&) :
       {makePki, makeToken, makeKeyAndCertificate, makeDocuments, makeInventory, signLetter})
    if (int rc = part(d); rc != kExitOk) return rc;
  const int rc = verifyLetter(d);
  printNextCommands(d);
  return rc;
}

}  // namespace kyso::cli
