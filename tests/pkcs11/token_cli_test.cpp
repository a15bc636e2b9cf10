// `kyso token` end to end on SoftHSM: the management round trip (keygen -> CSR checked with
// `openssl req -verify` -> signed by a CA made here with openssl -> import-cert -> listed paired
// with its key -> self-test signs and verifies), PIN commands (change-pin, unblock,
// change-so-pin), init and delete with confirmation, list/info --json, wrong PINs and bad modules.
#include <gtest/gtest.h>

#include <fstream>

#include "core/json.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::test {
namespace {

std::size_t count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto p = hay.find(needle); p != std::string::npos; p = hay.find(needle, p + 1)) ++n;
  return n;
}

class TokenCliTest : public SoftHsmTest {
 protected:
  void SetUp() override {
    SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const char* bin = std::getenv("KYSO_BIN");
    ASSERT_NE(bin, nullptr);
    m_kyso = std::string(bin) + "/kyso";
    setenv("KYSO_CONFIG", (token().dir() / "no-config.ini").c_str(), 1);
    setenv("KYSO_LANG", "en", 1);
  }
  ToolRun kyso(std::vector<std::string> args, const std::string& in = {}) {
    args.insert(args.begin(), m_kyso);
    return runTool(args, in);
  }
  std::vector<std::string> withModule(std::vector<std::string> a) {
    a.push_back("--module");
    a.push_back(token().modulePath().string());
    return a;
  }
  Json json(const ToolRun& r) {
    auto j = Json::parse(r.out.substr(r.out.find_first_of("[{")));
    EXPECT_TRUE(j.ok()) << r.out;
    return j.ok() ? *j : Json();
  }
  std::string m_kyso;
};

TEST_F(TokenCliTest, ManagementRoundTrip) {
  const std::string pin = token().userPin() + "\n";
  auto r = kyso(withModule({"token", "keygen", "--pin-stdin", "--type", "rsa:2048", "--id", "0a",
                            "--label", "Chữ ký lãnh đạo"}),
                pin);
  ASSERT_EQ(r.status, 0) << r.out;
  r = kyso(withModule({"token", "keygen", "--pin-stdin", "--type", "rsa:2048", "--id", "0a"}), pin);
  EXPECT_EQ(r.status, 5) << "a second key with the same ID is refused: " << r.out;

  auto csr = token().dir() / "req.pem";
  r = kyso(withModule({"token", "csr", "--pin-stdin", "--key", "0a", "--subject",
                       "/C=VN/O=Sở Y tế (test)/CN=Nguyễn Thị Lấp Lánh", "-o", csr.string()}),
           pin);
  ASSERT_EQ(r.status, 0) << r.out;
  r = runTool({"openssl", "req", "-in", csr.string(), "-verify", "-noout"});
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("verify OK"), std::string::npos) << r.out;
  r = runTool({"openssl", "asn1parse", "-in", csr.string()});
  EXPECT_NE(r.out.find("UTF8STRING        :Nguyễn Thị Lấp Lánh"), std::string::npos) << r.out;

  // A CA made here signs the request.
  auto caKey = token().dir() / "ca.key", caCrt = token().dir() / "ca.crt";
  ASSERT_EQ(runTool({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                     caKey.string(), "-out", caCrt.string(), "-subj", "/CN=Test CA", "-days", "5",
                     "-addext", "basicConstraints=critical,CA:true"})
                .status,
            0);
  auto ext = token().dir() / "ext.cnf";
  std::ofstream(ext) << "keyUsage=critical,digitalSignature,nonRepudiation\n";
  auto crt = token().dir() / "signer.crt";
  r = runTool({"openssl", "x509", "-req", "-in", csr.string(), "-CA", caCrt.string(), "-CAkey",
               caKey.string(), "-CAcreateserial", "-days", "3", "-extfile", ext.string(), "-out",
               crt.string()});
  ASSERT_EQ(r.status, 0) << r.out;
  auto chain = token().dir() / "chain.pem";
  {
    std::ifstream a(crt), b(caCrt);
    std::ofstream c(chain);
    c << a.rdbuf() << b.rdbuf();
  }
  r = kyso(withModule({"token", "import-cert", "--pin-stdin", "--json", chain.string()}), pin);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(json(r)["id"].asString(), "0a");
  r = kyso(withModule({"token", "import-cert", "--pin-stdin", caCrt.string()}), pin);
  EXPECT_EQ(r.status, 5) << "a certificate that matches no key is refused: " << r.out;

  r = kyso(withModule({"token", "info", "--pin-stdin", "--json"}), pin);
  ASSERT_EQ(r.status, 0) << r.out;
  Json info = json(r);
  bool paired = false;
  for (const auto& o : info["objects"].items())
    if (o["id"].asString() == "0a") {
      paired = !o["key"].isNull() && !o["certificate"].isNull();
      EXPECT_EQ(o["key"]["label"].asString(), "Chữ ký lãnh đạo");
      EXPECT_NE(o["certificate"]["subject"].asString().find("Nguyễn Thị Lấp Lánh"),
                std::string::npos);
      EXPECT_EQ(o["certificate"]["issuer"].asString(), "CN=Test CA");
    }
  EXPECT_TRUE(paired) << r.out;

  r = kyso(withModule({"token", "self-test", "--pin-stdin", "--json"}), pin);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_TRUE(json(r)["ok"].asBool());

  // Delete needs confirmation: no terminal and no --yes is refused.
  r = kyso(withModule({"token", "delete", "--pin-stdin", "--id", "0a"}), pin);
  EXPECT_EQ(r.status, 5) << r.out;
  r = kyso(withModule({"token", "delete", "--pin-stdin", "--id", "0a", "--yes", "--json"}), pin);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(json(r)["deleted"].asInt(), 3);  // private key, public key, certificate
}

// import-cert with a PKCS#7 certs-only bundle (.p7b, as CAs deliver chains), DER and PEM, made
// with `openssl crl2pkcs7 -nocrl`: the certificate matching the token key is stored under its
// CKA_ID; the CA certificate in the bundle does not become the key's certificate.
TEST_F(TokenCliTest, ImportCertificateFromP7bChain) {
  const std::string pin = token().userPin() + "\n";
  auto r = kyso(withModule({"token", "keygen", "--pin-stdin", "--type", "ec:P-256", "--id", "0b",
                            "--label", "Văn thư"}),
                pin);
  ASSERT_EQ(r.status, 0) << r.out;
  auto csr = token().dir() / "req.pem";
  r = kyso(withModule({"token", "csr", "--pin-stdin", "--key", "0b", "--subject",
                       "/C=VN/O=Sở Y tế (test)/CN=Đặng Thị Văn Thư", "-o", csr.string()}),
           pin);
  ASSERT_EQ(r.status, 0) << r.out;
  auto caKey = token().dir() / "ca.key", caCrt = token().dir() / "ca.crt";
  ASSERT_EQ(runTool({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                     caKey.string(), "-out", caCrt.string(), "-subj", "/CN=Bundle CA", "-days", "5",
                     "-addext", "basicConstraints=critical,CA:true"})
                .status,
            0);
  auto crt = token().dir() / "signer.crt";
  r = runTool({"openssl", "x509", "-req", "-in", csr.string(), "-CA", caCrt.string(), "-CAkey",
               caKey.string(), "-CAcreateserial", "-days", "3", "-out", crt.string()});
  ASSERT_EQ(r.status, 0) << r.out;
  // The CA first: the importer must pick the certificate by key, not by position.
  auto der = token().dir() / "chain.p7b", pem = token().dir() / "chain-pem.p7b";
  r = runTool({"openssl", "crl2pkcs7", "-nocrl", "-certfile", caCrt.string(), "-certfile",
               crt.string(), "-outform", "DER", "-out", der.string()});
  ASSERT_EQ(r.status, 0) << r.out;
  r = runTool({"openssl", "crl2pkcs7", "-nocrl", "-certfile", caCrt.string(), "-certfile",
               crt.string(), "-out", pem.string()});
  ASSERT_EQ(r.status, 0) << r.out;

  r = kyso(withModule({"token", "import-cert", "--pin-stdin", "--json", der.string()}), pin);
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(json(r)["id"].asString(), "0b");
  auto listed = token().pkcs11Tool({"--list-objects", "--type", "cert"});
  // The signer's certificate under the key's ID, the CA as a CA certificate (management.h).
  EXPECT_EQ(count(listed.out, "Certificate Object"), 2u) << listed.out;
  EXPECT_EQ(count(listed.out, "ID:         0b"), 1u) << listed.out;
  r = kyso(withModule({"token", "info", "--pin-stdin", "--json"}), pin);
  ASSERT_EQ(r.status, 0) << r.out;
  bool paired = false;
  Json info = json(r);
  for (const auto& o : info["objects"].items())
    if (o["id"].asString() == "0b") {
      paired = !o["key"].isNull() && !o["certificate"].isNull();
      EXPECT_EQ(o["certificate"]["issuer"].asString(), "CN=Bundle CA");
      EXPECT_NE(o["certificate"]["subject"].asString().find("Đặng Thị Văn Thư"), std::string::npos);
    }
  EXPECT_TRUE(paired) << r.out;
  r = kyso(withModule({"token", "self-test", "--pin-stdin", "--json"}), pin);
  EXPECT_EQ(r.status, 0) << r.out;

  // A bundle without the key's certificate is refused (exit 5), the PEM form of the bundle too
  // is read (the certificate is already there: refused or accepted, never a crash), and garbage
  // named .p7b is a clear input error.
  r = kyso(withModule({"token", "import-cert", "--pin-stdin", pem.string()}), pin);
  EXPECT_LT(r.status, 64) << r.out;
  EXPECT_EQ(r.out.find("cannot be read"), std::string::npos) << r.out;
  auto caOnly = token().dir() / "ca-only.p7b";
  ASSERT_EQ(runTool({"openssl", "crl2pkcs7", "-nocrl", "-certfile", caCrt.string(), "-outform",
                     "DER", "-out", caOnly.string()})
                .status,
            0);
  r = kyso(withModule({"token", "import-cert", "--pin-stdin", caOnly.string()}), pin);
  EXPECT_EQ(r.status, 5) << r.out;
  auto junk = token().dir() / "junk.p7b";
  std::ofstream(junk) << "not a PKCS#7 bundle";
  r = kyso(withModule({"token", "import-cert", "--pin-stdin", junk.string()}), pin);
  EXPECT_NE(r.status, 0) << r.out;
  EXPECT_LT(r.status, 128) << "no crash: " << r.out;
}

TEST_F(TokenCliTest, PinCommandsAndWrongPins) {
  auto pinFile = token().dir() / "pin.txt";
  { std::ofstream(pinFile) << "123456\n"; }
  // A PIN file others can read is refused before the token is asked anything (issue 16).
  std::filesystem::permissions(pinFile, std::filesystem::perms::owner_read |
                                            std::filesystem::perms::owner_write |
                                            std::filesystem::perms::group_read);
  auto r = kyso(withModule({"token", "info", "--pin-file", pinFile.string()}));
  EXPECT_NE(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("chmod 600 " + pinFile.string()), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Other users can read or change the PIN file"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("The PIN is wrong"), std::string::npos) << r.out;
  std::filesystem::permissions(
      pinFile, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  r = kyso(withModule({"token", "info", "--pin-file", pinFile.string()}));
  ASSERT_EQ(r.status, 0) << r.out;

  r = kyso(withModule({"token", "change-pin", "--pin-stdin"}), "123456\n654321\n");
  ASSERT_EQ(r.status, 0) << r.out;
  r = kyso(withModule({"token", "info", "--pin-file", pinFile.string()}));
  EXPECT_EQ(r.status, 5);
  EXPECT_NE(r.out.find("The PIN is wrong"), std::string::npos) << r.out;
  setenv("KYSO_TEST_PIN", "654321", 1);
  r = kyso(withModule({"token", "info", "--pin-env", "KYSO_TEST_PIN"}));
  EXPECT_EQ(r.status, 0) << r.out;

  r = kyso(withModule({"token", "unblock", "--pin-stdin"}), token().soPin() + "\n111111\n");
  ASSERT_EQ(r.status, 0) << r.out;
  r = kyso(withModule({"token", "info", "--pin-stdin"}), "111111\n");
  EXPECT_EQ(r.status, 0) << r.out;

  r = kyso(withModule({"token", "change-so-pin", "--pin-stdin"}), token().soPin() + "\n87654321\n");
  ASSERT_EQ(r.status, 0) << r.out;
  r = kyso(withModule({"token", "unblock", "--pin-stdin"}), token().soPin() + "\n222222\n");
  EXPECT_EQ(r.status, 5) << "the old SO PIN no longer works: " << r.out;
  r = kyso(withModule({"token", "unblock", "--pin-stdin"}), "87654321\n222222\n");
  EXPECT_EQ(r.status, 0) << r.out;

  r = kyso(withModule({"token", "info", "--pin-stdin"}), "");
  EXPECT_EQ(r.status, 5) << "no PIN on stdin: " << r.out;
  r = kyso({"token", "info", "--module", token().modulePath().string(), "--pin-stdin", "--pin-env",
            "X"});
  EXPECT_EQ(r.status, 64) << r.out;
  // Defaults from the config file: no --module needed.
  auto cfg = token().dir() / "config.ini";
  std::ofstream(cfg) << "# kyso\n[token]\nmodule = " << token().modulePath().string()
                     << "\ntoken = " << token().serial() << "\n";
  setenv("KYSO_CONFIG", cfg.c_str(), 1);
  r = kyso({"token", "info", "--pin-stdin", "--json"}, "222222\n");
  EXPECT_EQ(r.status, 0) << r.out;
  setenv("KYSO_CONFIG", (token().dir() / "no-config.ini").c_str(), 1);
  r = kyso(withModule({"token", "info", "--pin", "123456"}));
  EXPECT_EQ(r.status, 64) << "PINs are never options: " << r.out;
}

TEST_F(TokenCliTest, InitListAndBadModules) {
  auto r = kyso(withModule({"token", "list", "--all", "--json"}));
  ASSERT_EQ(r.status, 0) << r.out;
  Json list = json(r);
  std::string freeSlot;
  bool sawOurs = false;
  for (const auto& s : list[0]["slots"].items()) {
    const Json& t = s["token"];
    bool initialised = false;
    for (const auto& f : t["flags"].items()) initialised |= f.asString() == "token-initialized";
    if (!initialised) freeSlot = std::to_string(s["slot"].asInt());
    if (t["label"].asString() == token().label()) {
      sawOurs = true;
      EXPECT_EQ(t["serial"].asString(), token().serial());
    }
  }
  EXPECT_TRUE(sawOurs) << r.out;
  ASSERT_FALSE(freeSlot.empty()) << r.out;
  r = kyso(withModule({"token", "init", "--slot", freeSlot, "--label", "Token mới", "--pin-stdin"}),
           "11112222\n3333\n");
  EXPECT_EQ(r.status, 5) << "init without --yes and no terminal is refused: " << r.out;
  r = kyso(withModule({"token", "init", "--slot", freeSlot, "--label", "Token mới", "--pin-stdin",
                       "--yes"}),
           "11112222\n3333\n");
  ASSERT_EQ(r.status, 0) << r.out;
  r = kyso(withModule({"token", "info", "--token", "Token mới", "--pin-stdin", "--json"}),
           "3333\n");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(json(r)["token"]["label"].asString(), "Token mới");
  r = kyso(withModule({"token", "info", "--pin-stdin"}), "3333\n");
  EXPECT_EQ(r.status, 5) << "two tokens now: a choice is needed: " << r.out;
  EXPECT_NE(r.out.find("--token"), std::string::npos) << r.out;

  r = kyso({"token", "list", "--module", "/nonexistent/lib.so"});
  EXPECT_EQ(r.status, 5);
  EXPECT_NE(r.out.find("not found"), std::string::npos) << r.out;
  r = kyso({"token", "mechanisms", "--module", token().modulePath().string(), "--token",
            token().serial(), "--json"});
  ASSERT_EQ(r.status, 0) << r.out;
  bool rsaPkcs = false;
  Json mechs = json(r);
  for (const auto& m : mechs.items()) rsaPkcs |= m["mechanism"].asString() == "CKM_RSA_PKCS";
  EXPECT_TRUE(rsaPkcs);
}

// Issue 17: with OpenSC and SoftHSM both installed and no --module, the token `token list` shows
// is the one used: every installed module is searched, and the one that held it is named.
TEST_F(TokenCliTest, WithoutModuleTheTokenIsFoundInWhicheverModuleHoldsIt) {
  unsetenv("KYSO_FAULT");
  auto r = kyso({"token", "info", "--pin-stdin"}, token().userPin() + "\n");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(
      r.out.find("using the token kyso test (" + token().serial() + ") of the module softhsm"),
      std::string::npos)
      << r.out;
  r = kyso({"token", "list"});
  EXPECT_NE(r.out.find("libsofthsm2.so"), std::string::npos) << r.out;
  // A serial no module holds: the modules searched are named.
  r = kyso({"token", "info", "--no-login", "--token", "NO-SUCH-SERIAL"});
  EXPECT_EQ(r.status, 5) << r.out;
  EXPECT_NE(r.out.find("NO-SUCH-SERIAL; searched in: "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("softhsm"), std::string::npos) << r.out;
  // In Vietnamese, the detail too.
  r = kyso({"token", "info", "--no-login", "--lang", "vi", "--token", "NO-SUCH-SERIAL"});
  EXPECT_EQ(r.status, 5) << r.out;
  EXPECT_NE(r.out.find("NO-SUCH-SERIAL; đã tìm trong: "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("searched"), std::string::npos) << r.out;
}

// Issue 17: every token subcommand answers --help with its usage and an example, and asks
// nothing of any token.
TEST_F(TokenCliTest, EverySubcommandHasHelp) {
  for (const char* sub :
       {"list", "info", "mechanisms", "self-test", "change-pin", "unblock", "change-so-pin", "init",
        "keygen", "csr", "import-cert", "delete", "watch"}) {
    SCOPED_TRACE(sub);
    auto r = kyso({"token", sub, "--help"});
    EXPECT_EQ(r.status, 0) << r.out;
    EXPECT_EQ(r.out.rfind("usage: kyso token ", 0), 0u) << r.out;
    EXPECT_NE(r.out.find("Example: "), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("Options:"), std::string::npos) << r.out;
  }
}

// Issue 16: the sentences around PIN state. A token that reports COUNT_LOW before any PIN is
// tried gets its own sentence, not "The PIN is wrong"; one wrong PIN prints that sentence once;
// the final-try refusal names --force-login, which every command takes.
TEST_F(TokenCliTest, PinStateSentencesAreTrueAndSaidOnce) {
  const char* fault = std::getenv("KYSO_FAULT_MODULE");
  ASSERT_NE(fault, nullptr);
  setenv("KYSO_FAULT_TARGET", token().modulePath().c_str(), 1);
  const std::vector<std::string> mod = {"--module", fault};
  auto with = [&](std::vector<std::string> a) {
    a.insert(a.end(), mod.begin(), mod.end());
    return a;
  };
  setenv("KYSO_FAULT", "flags=count_low", 1);
  auto r = kyso(with({"token", "info", "--pin-stdin"}), token().userPin() + "\n");
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("reports that a wrong PIN was entered recently"), std::string::npos)
      << r.out;
  EXPECT_EQ(r.out.find("The PIN is wrong"), std::string::npos) << r.out;

  r = kyso(with({"token", "info", "--pin-stdin"}), "999999\n");
  EXPECT_EQ(r.status, 5) << r.out;
  const auto first = r.out.find("The PIN is wrong");
  ASSERT_NE(first, std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("The PIN is wrong", first + 1), std::string::npos)
      << "said twice: " << r.out;

  setenv("KYSO_FAULT", "flags=final_try", 1);
  r = kyso(with({"token", "info", "--pin-stdin"}), token().userPin() + "\n");
  EXPECT_EQ(r.status, 5) << r.out;
  EXPECT_NE(r.out.find("--force-login"), std::string::npos) << r.out;
  r = kyso(with({"token", "info", "--pin-stdin", "--force-login"}), token().userPin() + "\n");
  EXPECT_EQ(r.status, 0) << r.out;
  unsetenv("KYSO_FAULT");
  unsetenv("KYSO_FAULT_TARGET");
}

// Issue 17: `token list` and `token info` for people, in Vietnamese with --lang vi on the command:
// the PIN's state as a sentence (the flags stay in --json), dates in Vietnam time.
TEST_F(TokenCliTest, ListAndInfoSayThePinStateInWordsInEitherLanguage) {
  const char* pkiDir = std::getenv("KYSO_TEST_PKI");
  ASSERT_NE(pkiDir, nullptr);
  const std::filesystem::path pki(pkiDir);
  ASSERT_TRUE(std::filesystem::exists(pki / "signer-rsa2048.pem")) << "fixture 'pki' missing";
  ASSERT_TRUE(token().importKey(pki / "signer-rsa2048.key", "01", "Signer").ok());
  ASSERT_TRUE(token().importCert(pki / "signer-rsa2048.pem", "01", "Signer").ok());
  auto r =
      kyso(withModule({"token", "info", "--pin-stdin", "--lang", "vi"}), token().userPin() + "\n");
  ASSERT_EQ(r.status, 0) << r.out;
  for (const char* part : {"PIN: đã đặt, không bị khóa", "Khóa:", "ký được",
                           "Chứng thư:", "Hiệu lực:", "(+07:00)", "Lấp Lánh"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part << "\n" << r.out;
  r = kyso(withModule({"token", "list", "--lang", "vi"}));
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("PIN:          đã đặt, không bị khóa"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Số sê-ri:"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("login-required"), std::string::npos) << "no flag names:\n" << r.out;
  r = kyso(withModule({"token", "list"}));
  EXPECT_NE(r.out.find("PIN:          set, not locked"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("login-required"), std::string::npos) << r.out;
  // The flags stay in the JSON, for scripts.
  r = kyso(withModule({"token", "list", "--json"}));
  EXPECT_NE(r.out.find("\"user-pin-initialized\""), std::string::npos) << r.out;
}

}  // namespace
}  // namespace kyso::test
