// `kyso sign` and `kyso extend` end to end: the built binary, the test PKI (key files) or a SoftHSM
// token, the loopback TSA/OCSP/HTTP services, and pdfsig/qpdf/openssl checking the results.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <sstream>

#include "tests/pdf/pdf_test_support.h"
#include "tests/pdfverify/pdf_builder.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::pdf {
namespace {
namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

class SignCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfsig", "qpdf", "certutil"}) {
      if (!test::haveTool(tool)) {
        if (std::getenv("CI")) FAIL() << tool << " missing";
        GTEST_SKIP() << tool << " is not installed";
      }
    }
    const char* bin = std::getenv("KYSO_BIN");
    ASSERT_NE(bin, nullptr);
    m_kyso = (fs::path(bin) / "kyso").string();
    ASSERT_TRUE(fs::exists(m_kyso));
    const char* base = std::getenv("KYSO_TEST_PORT_BASE");
    ASSERT_NE(base, nullptr);
    m_tsa = "http://127.0.0.1:" + std::to_string(std::atoi(base) + 2) + "/";
    m_nss = test::makeNssDb(m_tmp / "nss");
  }
  std::string keyArgs(const std::string& who = "signer-rsa2048") {
    auto p = test::pkiDir();
    return " --key-file " + (p / (who + ".key")).string() + " --cert-file " +
           (p / (who + ".pem")).string() + " --chain-file " + (p / "chain.pem").string() +
           " --trust-anchor " + (p / "root.pem").string();
  }
  int kyso(const std::string& args, std::string* out = nullptr) {
    std::string o;
    int rc = test::run("no_proxy='*' " + m_kyso + " " + args, &o);
    if (out) *out = o;
    return rc;
  }
  void expectSigned(const fs::path& in, const fs::path& out, int sigs) {
    EXPECT_TRUE(test::isBytePrefix(in, out)) << out;
    std::string qc;
    EXPECT_TRUE(test::qpdfCheck(out, &qc)) << qc;
    auto rep = test::pdfsig(m_nss, out);
    EXPECT_EQ(rep.valid, sigs) << rep.text;
    EXPECT_EQ(rep.trusted, sigs) << rep.text;
    EXPECT_TRUE(rep.lastCoversAll) << rep.text;
  }
  fs::path sample(const std::string& name) { return test::samplesDir() / name; }
  test::TempDir m_tmp;
  std::string m_kyso, m_tsa, m_nss;
};

TEST_F(SignCliTest, SignsOneFileAndRefusesToOverwriteWithoutForce) {
  fs::path out = m_tmp / "out.pdf";
  std::string o;
  ASSERT_EQ(kyso("sign " + sample("letter.pdf").string() + " -o " + out.string() + keyArgs() +
                     " --reason 'Phê duyệt' --location 'Thừa Thiên Huế' --contact vp@syt.example",
                 &o),
            0)
      << o;
  expectSigned(sample("letter.pdf"), out, 1);
  auto rep = test::pdfsig(m_nss, out);
  EXPECT_NE(rep.text.find("ETSI.CAdES.detached"), std::string::npos);
  const std::string before = slurp(out);
  EXPECT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " + out.string() + keyArgs(), &o),
            4)
      << o;
  EXPECT_NE(o.find("--force"), std::string::npos) << o;
  EXPECT_EQ(slurp(out), before) << "the existing file is untouched";
  EXPECT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " + out.string() + " --force" +
                     keyArgs() + " --subfilter adbe.pkcs7.detached",
                 &o),
            0)
      << o;
  expectSigned(sample("classic.pdf"), out, 1);
  EXPECT_NE(test::pdfsig(m_nss, out).text.find("adbe.pkcs7.detached"), std::string::npos);
}

TEST_F(SignCliTest, BatchGoesOnPastBadFilesAndResumes) {
  fs::path dir = m_tmp / "signed";
  fs::create_directories(dir);
  std::string files;
  for (const char* f : {"classic.pdf", "encrypted.pdf", "objstm.pdf", "damaged-xref.pdf",
                        "linearized.pdf", "not-a-pdf.pdf", "incremental.pdf"})
    files += " " + sample(f).string();
  std::string o;
  EXPECT_EQ(kyso("sign" + files + " --out-dir " + dir.string() + keyArgs(), &o), 1) << o;
  for (const char* f : {"classic.pdf", "objstm.pdf", "linearized.pdf", "incremental.pdf"}) {
    SCOPED_TRACE(f);
    expectSigned(sample(f), dir / f, 1);
  }
  for (const char* f : {"encrypted.pdf", "damaged-xref.pdf", "not-a-pdf.pdf"})
    EXPECT_FALSE(fs::exists(dir / f)) << f;
  EXPECT_NE(o.find("encrypted"), std::string::npos) << o;
  EXPECT_NE(o.find("damaged"), std::string::npos) << o;
  // Alone, an encrypted PDF (user password, or only an owner password) is refused with a
  // sentence that says signing encrypted PDFs is not supported yet, and nothing is written.
  for (const char* f : {"encrypted.pdf", "encrypted-owner.pdf"}) {
    SCOPED_TRACE(f);
    EXPECT_NE(kyso("sign " + sample(f).string() + " -o " + (m_tmp / f).string() + keyArgs(), &o),
              0);
    EXPECT_NE(o.find("kyso cannot open encrypted PDFs yet"), std::string::npos) << o;
    EXPECT_FALSE(fs::exists(m_tmp / f));
  }
  // Nothing but our outputs in the folder (no temporary files left behind).
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(n, 4);
  // Resume: the signed ones are skipped, only good inputs this time.
  std::string good;
  for (const char* f : {"classic.pdf", "objstm.pdf", "letter.pdf"})
    good += " " + sample(f).string();
  EXPECT_EQ(kyso("sign" + good + " --out-dir " + dir.string() + " --skip-existing" + keyArgs(), &o),
            0)
      << o;
  EXPECT_NE(o.find("skipped"), std::string::npos) << o;
  expectSigned(sample("letter.pdf"), dir / "letter.pdf", 1);
}

TEST_F(SignCliTest, RefusesUnusableOutputsAndLockedDocuments) {
  std::string o;
  fs::path notDir = m_tmp / "file";
  { std::ofstream(notDir) << "x"; }
  EXPECT_EQ(
      kyso("sign " + sample("classic.pdf").string() + " --out-dir " + notDir.string() + keyArgs(),
           &o),
      4)
      << o;
  EXPECT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " + (notDir / "x.pdf").string() +
                     keyArgs(),
                 &o),
            4)
      << o;
  EXPECT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " +
                     sample("classic.pdf").string() + " --force" + keyArgs(),
                 &o),
            64)
      << o;
  // Issue 17: -o into a folder that does not exist names the output folder, not a missing input;
  // --out-dir makes a new folder, as the README's `--out-dir signed/` expects.
  EXPECT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " +
                     (m_tmp / "missing" / "x.pdf").string() + keyArgs(),
                 &o),
            4)
      << o;
  EXPECT_NE(o.find("The output folder cannot be written to. (" + (m_tmp / "missing").string()),
            std::string::npos)
      << o;
  ASSERT_EQ(kyso("sign " + sample("classic.pdf").string() + " --out-dir " +
                     (m_tmp / "signed").string() + "/" + keyArgs(),
                 &o),
            0)
      << o;
  expectSigned(sample("classic.pdf"), m_tmp / "signed" / "classic.pdf", 1);
  fs::path cert = m_tmp / "certified.pdf";
  ASSERT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " + cert.string() +
                     " --certify 1" + keyArgs(),
                 &o),
            0)
      << o;
  expectSigned(sample("classic.pdf"), cert, 1);
  EXPECT_NE(test::pdfsig(m_nss, cert).text.find("Signature Validation: Signature is Valid"),
            std::string::npos);
  EXPECT_EQ(kyso("sign " + cert.string() + " -o " + (m_tmp / "again.pdf").string() +
                     keyArgs("signer-ec256"),
                 &o),
            4)
      << o;
  EXPECT_NE(o.find("certified"), std::string::npos) << o;
  EXPECT_FALSE(fs::exists(m_tmp / "again.pdf"));
  EXPECT_EQ(kyso("sign " + sample("classic.pdf").string() + " -o " + (m_tmp / "l.pdf").string() +
                     " --level B-T" + keyArgs(),
                 &o),
            64)
      << o;
}

TEST_F(SignCliTest, SignsAnEmptyFieldAndOtherProducersFilesTwice) {
  std::string o;
  fs::path a = m_tmp / "field.pdf", b = m_tmp / "field2.pdf";
  ASSERT_EQ(kyso("sign " + sample("empty-field.pdf").string() + " -o " + a.string() +
                     " --field Approval --lock-fields" + keyArgs(),
                 &o),
            0)
      << o;
  expectSigned(sample("empty-field.pdf"), a, 1);
  ASSERT_EQ(kyso("sign " + a.string() + " -o " + b.string() + keyArgs("signer-rsa3072"), &o), 0)
      << o;
  expectSigned(a, b, 2);
  for (const char* f : {"pdfsig-signed.pdf", "podofo-signed.pdf"}) {
    fs::path x = m_tmp / (std::string("x-") + f), y = m_tmp / (std::string("y-") + f);
    ASSERT_EQ(kyso("sign " + sample(f).string() + " -o " + x.string() + keyArgs(), &o), 0) << o;
    ASSERT_EQ(kyso("sign " + x.string() + " -o " + y.string() + keyArgs("signer-ec256"), &o), 0)
        << o;
    auto rep = test::pdfsig(m_nss, y);
    EXPECT_EQ(rep.signatures, 3) << rep.text;
    EXPECT_EQ(rep.valid, 3) << rep.text;  // the other producer's signature stays valid
    EXPECT_EQ(rep.trusted, 2) << rep.text;
    EXPECT_TRUE(test::isBytePrefix(sample(f), y));
  }
}

TEST_F(SignCliTest, LevelsAndExtendThroughTheCli) {
  std::string o;
  fs::path bt = m_tmp / "bt.pdf", lta = m_tmp / "lta.pdf", ext = m_tmp / "ext.pdf";
  ASSERT_EQ(kyso("sign " + sample("objstm.pdf").string() + " -o " + bt.string() + " --tsa " +
                     m_tsa + keyArgs(),
                 &o),
            0)
      << o;
  expectSigned(sample("objstm.pdf"), bt, 1);
  ASSERT_EQ(kyso("sign " + sample("linearized.pdf").string() + " -o " + lta.string() +
                     " --level B-LTA --tsa " + m_tsa + keyArgs(),
                 &o),
            0)
      << o;
  EXPECT_TRUE(test::isBytePrefix(sample("linearized.pdf"), lta));
  auto rep = test::pdfsig(m_nss, lta);
  EXPECT_EQ(rep.signatures, 2) << rep.text;
  EXPECT_EQ(rep.valid, 1) << rep.text;  // pdfsig 22.12 cannot check the ETSI.RFC3161 one
  EXPECT_TRUE(rep.lastCoversAll);
  std::string qc;
  EXPECT_TRUE(test::qpdfCheck(lta, &qc)) << qc;
  ASSERT_EQ(kyso("extend " + bt.string() + " -o " + ext.string() + " --level B-LT --trust-anchor " +
                     (test::pkiDir() / "root.pem").string(),
                 &o),
            0)
      << o;
  EXPECT_TRUE(test::isBytePrefix(bt, ext));
  EXPECT_NE(slurp(ext).find("/Type /DSS"), std::string::npos);
  EXPECT_EQ(test::pdfsig(m_nss, ext).valid, 1);
  // --out-dir is made when missing, as for kyso sign.
  const fs::path newDir = m_tmp / "extended" / "b-lt";
  ASSERT_EQ(kyso("extend " + bt.string() + " --out-dir " + newDir.string() +
                     " --level B-LT --trust-anchor " + (test::pkiDir() / "root.pem").string(),
                 &o),
            0)
      << o;
  EXPECT_TRUE(fs::exists(newDir / bt.filename()));
  EXPECT_EQ(kyso("extend " + sample("classic.pdf").string() + " -o " + (m_tmp / "n.pdf").string() +
                     " --level B-LT",
                 &o),
            3)
      << o;
  EXPECT_EQ(
      kyso("extend " + bt.string() + " -o " + (m_tmp / "n.pdf").string() + " --level B-LTA", &o),
      64)
      << o;
}

// A full disk, imitated with a file-size limit (the write fails with EFBIG as it would with
// ENOSPC): a clear error, no output and no temporary file left.
TEST_F(SignCliTest, FullDiskLeavesNothingBehind) {
  fs::path dir = m_tmp / "full";
  fs::create_directories(dir);
  std::string o;
  int rc = test::run("trap '' XFSZ; ulimit -f 16; " + m_kyso + " sign " +
                         sample("letter-long.pdf").string() + " -o " + (dir / "out.pdf").string() +
                         keyArgs(),
                     &o);
  EXPECT_NE(rc, 0) << o;
  EXPECT_NE(o.find("kyso:"), std::string::npos) << o;
  EXPECT_TRUE(fs::is_empty(dir)) << "no partial output, no temporary file";
}

// Issue 16: what can change a document's appearance after signing is said before the PIN is
// asked, and --refuse-active-content signs nothing. The documents are written by hand as an
// attacker writes them (pdf_builder, real openssl CMS on the base signature).
TEST_F(SignCliTest, ActiveContentIsWarnedOrRefusedBeforeSigning) {
  std::string err;
  fs::create_directories(m_tmp / "b");
  ASSERT_TRUE(kyso::test::makeSigner(m_tmp / "b", &err)) << err;
  const std::string catalog = "<< /Type /Catalog /Pages 2 0 R /AcroForm 6 0 R";
  struct Case {
    const char* name = "";
    kyso::test::BaseOptions opt;
    const char* says = nullptr;
  };
  std::vector<Case> cases(5);
  cases[0].name = "clean";
  cases[1].name = "script";
  cases[1].says = "scripts (JavaScript)";
  cases[1].opt.replace[1] = catalog + " /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>";
  cases[2].name = "xfa";
  cases[2].says = "XFA form definitions";
  cases[2].opt.replace[6] = "<< /Fields [7 0 R 11 0 R] /SigFlags 3 /XFA 13 0 R >>";
  cases[2].opt.extra.push_back({13, kyso::test::streamObject("", "<xdp:xdp/>")});
  cases[3].name = "dangling";
  cases[3].says = "refers to 1 objects it does not contain";
  cases[3].opt.replace[6] = "<< /Fields [7 0 R 11 0 R 40 0 R] /SigFlags 3 >>";
  cases[4].name = "length";
  cases[4].says = "a stream states a wrong /Length";
  cases[4].opt.extra.push_back({13, "<< /Length 3 >>\nstream\nBT /F1 12 Tf ET\nendstream"});
  for (auto& c : cases) {
    SCOPED_TRACE(c.name);
    fs::create_directories(m_tmp / c.name);
    kyso::test::SignedPdf base = kyso::test::makeSignedPdf(m_tmp / "b", c.opt, &err);
    ASSERT_FALSE(base.bytes.empty()) << err;
    const fs::path in = m_tmp / c.name / "in.pdf", out = m_tmp / c.name / "out.pdf";
    kyso::test::writeBytes(in, base.bytes);
    std::string o;
    const int refused = kyso(
        "sign " + in.string() + " -o " + out.string() + keyArgs() + " --refuse-active-content", &o);
    if (!c.says) {
      EXPECT_EQ(refused, 0) << o;
      EXPECT_EQ(o.find("warning"), std::string::npos) << o;
      continue;
    }
    EXPECT_EQ(refused, 4) << o;
    EXPECT_NE(o.find(c.says), std::string::npos) << o;
    EXPECT_NE(o.find("nothing was signed"), std::string::npos) << o;
    EXPECT_FALSE(fs::exists(out));
    ASSERT_EQ(kyso("sign " + in.string() + " -o " + out.string() + keyArgs(), &o), 0) << o;
    EXPECT_NE(o.find("warning: " + in.string() + ": "), std::string::npos) << o;
    EXPECT_NE(o.find(c.says), std::string::npos) << o;
    EXPECT_TRUE(test::isBytePrefix(in, out));
  }
  // A batch: the files are read at once (issue 22), and the warnings still come in the order the
  // files were given, each under its own file.
  std::string batch;
  fs::create_directories(m_tmp / "inputs");
  for (auto it = cases.rbegin(); it != cases.rend(); ++it) {
    const fs::path copy = m_tmp / "inputs" / (std::string(it->name) + ".pdf");
    fs::copy_file(m_tmp / it->name / "in.pdf", copy);
    batch += " " + copy.string();
  }
  std::string o;
  ASSERT_EQ(kyso("sign" + batch + " --out-dir " + (m_tmp / "batch").string() + keyArgs() +
                     " --refuse-active-content",
                 &o),
            4)
      << o;
  std::size_t last = 0;
  for (const char* name : {"length", "dangling", "xfa", "script"}) {
    const std::size_t at =
        o.find("refused: " + (m_tmp / "inputs" / (std::string(name) + ".pdf")).string() + ": ");
    ASSERT_NE(at, std::string::npos) << name << "\n" << o;
    EXPECT_GT(at, last) << name << " out of order\n" << o;
    last = at;
  }
  EXPECT_EQ(o.find((m_tmp / "inputs" / "clean.pdf").string() + ": "), std::string::npos) << o;
  EXPECT_TRUE(!fs::exists(m_tmp / "batch") || fs::is_empty(m_tmp / "batch")) << "nothing signed";
}

// The README's main job: `kyso demo` makes its PKI, SoftHSM token, inventory and letter, signs and
// verifies; then every command it prints under "Go on with what the demo made" works as printed
// (issue 17).
TEST_F(SignCliTest, DemoRunsAndTheCommandsItPrintsWork) {
  KYSO_REQUIRE_TOOL("softhsm2-util");
  const fs::path dir = m_tmp / "demo";
  std::string o;
  ASSERT_EQ(test::run(m_kyso + " demo --dir " + dir.string(), &o), 0) << o;
  EXPECT_NE(o.find("kyso demo: done; the signed letter verifies."), std::string::npos) << o;
  const auto start = o.find("Go on with what the demo made");
  ASSERT_NE(start, std::string::npos) << o;
  std::istringstream lines(o.substr(start));
  std::string line, script = "set -e\n";
  std::getline(lines, line);
  int commands = 0;
  while (std::getline(lines, line)) {
    if (line.rfind("  ", 0) != 0) break;
    line = line.substr(2);
    if (line.rfind("kyso ", 0) == 0) {
      line = m_kyso + line.substr(4);
      ++commands;
    }
    script += line + " >/dev/null\n";
  }
  EXPECT_EQ(commands, 5) << o;
  EXPECT_NE(o.find("kyso-gui --demo-dir '" + dir.string() + "'"), std::string::npos) << o;
  // The letter as the clerk prints it for approval: number and day blank; the issued letter has
  // them, and both signatures verify.
  EXPECT_NE(o.find("Signature #2"), std::string::npos) << o;
  std::string printed, issued;
  ASSERT_EQ(test::run("pdftotext -enc UTF-8 " + (dir / "cong-van-286-SYT-VP.pdf").string() + " -",
                      &printed),
            0);
  ASSERT_EQ(
      test::run("pdftotext -enc UTF-8 " + (dir / "cong-van-286-SYT-VP.signed.pdf").string() + " -",
                &issued),
      0);
  EXPECT_EQ(printed.find("286/SYT-VP"), std::string::npos) << printed;
  EXPECT_NE(printed.find("/SYT-VP"), std::string::npos) << printed;
  EXPECT_NE(issued.find("286/SYT-VP"), std::string::npos) << issued;
  // Another producer's verifier agrees: poppler's pdfsig finds both signatures valid.
  std::string sigs;
  test::run("pdfsig " + (dir / "cong-van-286-SYT-VP.signed.pdf").string() + " 2>&1", &sigs);
  std::size_t valid = 0;
  for (std::size_t p = 0; (p = sigs.find("Signature is Valid.", p)) != std::string::npos; ++p)
    ++valid;
  EXPECT_EQ(valid, 2u) << sigs;
  const fs::path sh = m_tmp / "next.sh";
  { std::ofstream(sh) << script; }
  EXPECT_EQ(test::run("bash " + sh.string(), &o), 0) << script << "\n" << o;
  EXPECT_TRUE(fs::exists(dir / "ban-ky-cua-toi.pdf"));
  EXPECT_TRUE(fs::exists(dir / "ban-phat-hanh-cua-toi.pdf"));
  // The CRL files can come from the settings too ([verify] crl): offline, the demo letter is
  // valid with them and cannot be confirmed without them.
  const fs::path home = m_tmp / "config-home";
  fs::create_directories(home / "kyso");
  const std::string base =
      "[verify]\ntrust_group = none\ntrust = " + (dir / "pki" / "root.pem").string() + "\n";
  const std::string verify = "XDG_CONFIG_HOME=" + home.string() + " " + m_kyso +
                             " verify --offline " +
                             (dir / "cong-van-286-SYT-VP.signed.pdf").string();
  { std::ofstream(home / "kyso" / "config.ini") << base; }
  EXPECT_EQ(test::run(verify, &o), 2) << o;
  {
    std::ofstream(home / "kyso" / "config.ini")
        << base << "crl = " << (dir / "pki" / "gov-ca.crl.pem").string() << " "
        << (dir / "pki" / "root.crl.pem").string() << "\n";
  }
  EXPECT_EQ(test::run(verify, &o), 0) << o;
}

// Mistakes in the command line are said before anything is signed or verified, in one sentence
// that says what to do (issue 17); nothing is written.
TEST_F(SignCliTest, MistakesAreSaidBeforeAnyWork) {
  const fs::path letter = test::samplesDir() / "letter.pdf";
  const fs::path out = m_tmp / "out.pdf";
  std::string o;
  EXPECT_EQ(kyso("sign " + letter.string() + " -o " + out.string() + " --kind issued" + keyArgs() +
                     " 2>&1",
                 &o),
            64);
  EXPECT_NE(o.find("carries the unit's seal: give its image with --seal FILE.png"),
            std::string::npos)
      << o;
  EXPECT_EQ(kyso("sign " + letter.string() + " -o " + out.string() + " --kind issued --seal " +
                     (m_tmp / "no-seal.png").string() + keyArgs() + " 2>&1",
                 &o),
            4);
  EXPECT_NE(o.find("no-seal.png"), std::string::npos) << o;
  EXPECT_FALSE(fs::exists(out));

  const fs::path note = m_tmp / "bien-ban.txt";
  std::ofstream(note) << "Biên bản\n";
  const auto pki = test::pkiDir();
  EXPECT_EQ(kyso("sign " + note.string() + " -o " + (m_tmp / "bien-ban.signed.pdf").string() +
                     " --key-file " + (pki / "signer-rsa2048.key").string() + " --cert-file " +
                     (pki / "signer-rsa2048.pem").string() + " 2>&1",
                 &o),
            64);
  EXPECT_NE(o.find("a detached signature is a .p7s file, not a PDF: name it -o bien-ban.txt.p7s"),
            std::string::npos)
      << o;
  EXPECT_FALSE(fs::exists(m_tmp / "bien-ban.signed.pdf"));

  EXPECT_EQ(kyso("verify " + letter.string() + " --html " +
                     (m_tmp / "missing" / "r.html").string() + " 2>&1",
                 &o),
            4);
  EXPECT_NE(o.find("missing, --html)"), std::string::npos) << o;
  EXPECT_EQ(o.find("no signature"), std::string::npos) << "nothing was verified first: " << o;
}

// The token path: one login for a batch on a SoftHSM token holding the test PKI's signer key.
class SignTokenTest : public kyso::test::SoftHsmTest {};

TEST_F(SignTokenTest, BatchWithOneLoginAndWrongPinStopsCleanly) {
  KYSO_REQUIRE_TOOL("pdfsig");
  auto pki = test::pkiDir();
  ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "01", "signer").ok());
  ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "01", "signer").ok());
  ASSERT_TRUE(token().importCert(pki / "gov-ca.pem", "02", "gov-ca").ok());
  test::TempDir tmp;
  std::string nss = test::makeNssDb(tmp / "nss");
  fs::path pin = tmp / "pin", bad = tmp / "bad";
  { std::ofstream(pin) << token().userPin() << "\n"; }
  fs::permissions(pin, fs::perms::owner_read | fs::perms::owner_write);
  { std::ofstream(bad) << "000000\n"; }
  fs::permissions(bad, fs::perms::owner_read | fs::perms::owner_write);
  fs::path dir = tmp / "out";
  fs::create_directories(dir);
  std::string files;
  for (const char* f : {"classic.pdf", "objstm.pdf", "linearized.pdf"})
    files += " " + (test::samplesDir() / f).string();
  const std::string kyso = (fs::path(std::getenv("KYSO_BIN")) / "kyso").string();
  const std::string mod = " --module " + token().modulePath().string();
  std::string o;
  EXPECT_EQ(test::run(kyso + " sign" + files + " --out-dir " + dir.string() + mod + " --pin-file " +
                          bad.string(),
                      &o),
            5)
      << o;
  EXPECT_TRUE(fs::is_empty(dir)) << "a rejected PIN signs nothing";
  ASSERT_EQ(test::run(kyso + " sign" + files + " --out-dir " + dir.string() + mod + " --pin-file " +
                          pin.string(),
                      &o),
            0)
      << o;
  for (const char* f : {"classic.pdf", "objstm.pdf", "linearized.pdf"}) {
    auto rep = test::pdfsig(nss, dir / f);
    EXPECT_EQ(rep.valid, 1) << rep.text;
    EXPECT_EQ(rep.trusted, 1) << rep.text;
    EXPECT_TRUE(test::isBytePrefix(test::samplesDir() / f, dir / f));
  }
}

// The token is pulled out after two signatures (the fault-injecting module in tests/pkcs11): the
// two finished files stay valid, the batch stops, nothing partial is left, the exit code says so.
TEST_F(SignTokenTest, TokenRemovedMidBatchKeepsFinishedFilesValid) {
  KYSO_REQUIRE_TOOL("pdfsig");
  const char* fault = std::getenv("KYSO_FAULT_MODULE");
  if (!fault || !fs::exists(fault)) {
    if (kyso::test::inCi()) FAIL() << "KYSO_FAULT_MODULE missing";
    GTEST_SKIP() << "*** SKIPPED: the fault-injecting module is not built ***";
  }
  auto pki = test::pkiDir();
  ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "01", "signer").ok());
  ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "01", "signer").ok());
  ASSERT_TRUE(token().importCert(pki / "gov-ca.pem", "02", "gov-ca").ok());
  test::TempDir tmp;
  std::string nss = test::makeNssDb(tmp / "nss");
  fs::path pin = tmp / "pin", dir = tmp / "out";
  { std::ofstream(pin) << token().userPin() << "\n"; }
  fs::permissions(pin, fs::perms::owner_read | fs::perms::owner_write);
  fs::create_directories(dir);
  // Two files are prepared at a time: the fourth is already under way when the third fails, the
  // fifth and sixth are never started.
  const char* names[] = {"classic.pdf",           "objstm.pdf", "linearized.pdf", "incremental.pdf",
                         "linearized-objstm.pdf", "letter.pdf"};
  std::string files;
  for (const char* f : names) files += " " + (test::samplesDir() / f).string();
  const std::string kyso = (fs::path(std::getenv("KYSO_BIN")) / "kyso").string();
  std::string o;
  int rc = test::run(
      "KYSO_FAULT=remove_after_signs=2 KYSO_FAULT_TARGET=" + token().modulePath().string() + " " +
          kyso + " sign" + files + " --out-dir " + dir.string() + " --module " + fault +
          " --pin-file " + pin.string(),
      &o);
  EXPECT_EQ(rc, 1) << o;
  // Which two files the token signed before it went depends on which lane got there first: every
  // output there is is valid, and there are exactly two (and no temporary files).
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    ++n;
    auto rep = test::pdfsig(nss, e.path());
    EXPECT_EQ(rep.valid, 1) << e.path() << rep.text;
    EXPECT_TRUE(rep.lastCoversAll) << rep.text;
  }
  EXPECT_EQ(n, 2) << "two signed, nothing partial, no temporary files";
  for (int i = 4; i < 6; ++i) EXPECT_FALSE(fs::exists(dir / names[i])) << names[i];
  EXPECT_NE(o.find("not attempted"), std::string::npos) << o;
}

// Ctrl-C in a batch (a token taking 250 ms a signature): kyso stops after the files in hand,
// keeps what it signed, says how to go on, and exits 130; the same command with --skip-existing
// signs the rest. For PDFs (the table) and detached signatures alike.
class InterruptTest : public kyso::test::SoftHsmTest {
 protected:
  void SetUp() override {
    fault = std::getenv("KYSO_FAULT_MODULE") ? std::getenv("KYSO_FAULT_MODULE") : "";
    if (fault.empty() || !fs::exists(fault)) {
      if (kyso::test::inCi()) FAIL() << "KYSO_FAULT_MODULE missing";
      GTEST_SKIP() << "*** SKIPPED: the fault-injecting module is not built ***";
    }
    SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    auto pki = test::pkiDir();
    ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "01", "signer").ok());
    ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "01", "signer").ok());
    { std::ofstream(tmp / "pin") << token().userPin() << "\n"; }
    fs::permissions(tmp / "pin", fs::perms::owner_read | fs::perms::owner_write);
  }
  int signedHere() const {
    int n = 0;
    std::error_code ec;
    for (auto& e : fs::directory_iterator(tmp / "out", ec)) n += e.is_regular_file() ? 1 : 0;
    return n;
  }
  // `kyso sign FILES... extra` on the slow token, interrupted 600 ms after its login (two
  // signatures or so); then again with --skip-existing. Checks both runs; `done` gets the first
  // run's count.
  void interruptThenResume(const std::vector<std::string>& files, std::vector<std::string> extra,
                           const std::string& stopped, int& done) {
    std::vector<std::string> argv = {(fs::path(std::getenv("KYSO_BIN")) / "kyso").string(),
                                     "sign",
                                     "--out-dir",
                                     (tmp / "out").string(),
                                     "--module",
                                     fault,
                                     "--pin-file",
                                     (tmp / "pin").string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    argv.insert(argv.end(), files.begin(), files.end());
    const fs::path log = tmp / "log.txt";
    const fs::path logins = tmp / "logins.txt";
    ::setenv("KYSO_FAULT_LOG", logins.c_str(), 1);
    ::setenv("KYSO_FAULT", "latency_C_Sign=250", 1);
    ::setenv("KYSO_FAULT_TARGET", token().modulePath().c_str(), 1);
    const pid_t pid = ::fork();
    if (pid == 0) {
      const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      std::vector<char*> args;
      for (auto& a : argv) args.push_back(a.data());
      args.push_back(nullptr);
      ::execv(args[0], args.data());
      ::_exit(127);
    }
    ASSERT_GT(pid, 0);
    std::error_code ec;
    for (int i = 0; i < 1000 && !(fs::exists(logins, ec) && fs::file_size(logins, ec) > 0); ++i)
      ::usleep(10000);
    ::usleep(600000);
    ::kill(pid, SIGINT);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ::unsetenv("KYSO_FAULT");
    ::unsetenv("KYSO_FAULT_LOG");
    std::string o;
    {
      std::ifstream in(log);
      o.assign(std::istreambuf_iterator<char>(in), {});
    }
    ASSERT_TRUE(WIFEXITED(status)) << "ended by the signal, not by kyso: " << o;
    EXPECT_EQ(WEXITSTATUS(status), 130) << o;
    done = signedHere();
    EXPECT_GE(done, 1) << o;
    EXPECT_LT(done, static_cast<int>(files.size())) << "stopped before the end: " << o;
    EXPECT_NE(o.find("interrupted (Ctrl-C) after " + std::to_string(done) + " of " +
                     std::to_string(files.size()) + " files"),
              std::string::npos)
        << o;
    EXPECT_NE(o.find("--skip-existing"), std::string::npos) << o;
    EXPECT_NE(o.find(stopped), std::string::npos) << o;

    argv.push_back("--skip-existing");
    std::string cmd;
    for (const auto& a : argv) cmd += "'" + a + "' ";
    ASSERT_EQ(test::run(cmd, &o), 0) << o;
    EXPECT_EQ(signedHere(), static_cast<int>(files.size())) << o;
    std::size_t skipped = 0;
    for (auto at = o.find("kipped"); at != std::string::npos; at = o.find("kipped", at + 1))
      ++skipped;
    EXPECT_EQ(skipped, static_cast<std::size_t>(done)) << o;
  }
  std::string fault;
  test::TempDir tmp;
};

TEST_F(InterruptTest, CtrlCStopsAPdfBatchAfterTheFileInHandAndSkipExistingResumes) {
  std::vector<std::string> files;
  for (int i = 0; i < 10; ++i) {
    files.push_back((tmp / ("cv" + std::to_string(i) + ".pdf")).string());
    fs::copy_file(test::samplesDir() / "letter.pdf", files.back());
  }
  int done = 0;
  interruptThenResume(files, {}, "not attempted", done);
  auto nss = test::makeNssDb(tmp / "nss");
  for (const auto& e : fs::directory_iterator(tmp / "out"))
    EXPECT_EQ(test::pdfsig(nss, e.path()).valid, 1) << e.path();
}

TEST_F(InterruptTest, CtrlCStopsADetachedBatchAndSkipExistingResumes) {
  std::vector<std::string> files;
  for (int i = 0; i < 10; ++i) {
    files.push_back((tmp / ("bien-ban-" + std::to_string(i) + ".txt")).string());
    std::ofstream(files.back()) << "Biên bản số " << i << "\n";
  }
  int done = 0;
  interruptThenResume(files, {"--detached", "--offline", "--jobs", "1"}, "Not signed (interrupted)",
                      done);
}

}  // namespace
}  // namespace kyso::pdf
