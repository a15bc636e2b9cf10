// The SoftHSM test fixture (kyso::test::SoftHsmToken): each test gets its own SoftHSM token in a
// fresh temporary directory with its own SOFTHSM2_CONF and an empty OPENSSL_CONF, so tests run in
// parallel without touching the user's tokens or configuration. Keys and certificates are made
// with the openssl CLI and imported with pkcs11-tool under a chosen CKA_ID.
//
//   class MyTest : public kyso::test::SoftHsmTest {};        // SetUp makes token() or skips
//   TEST_F(MyTest, Signs) {
//     auto key = token().makeRsaKey(2048);                      // PEM file in token().dir()
//     ASSERT_TRUE(token().importKeyAndCert(key, "01", "Signer", "/CN=Nguyễn Văn A").ok());
//     // ... token().modulePath(), token().userPin() ...
//   }
//
// Missing SoftHSM or pkcs11-tool: a loud GTEST_SKIP outside CI; a failure when CI=true.
// The environment variables are process-wide: one SoftHsmToken at a time per test process.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace kyso::test {

/// Output and exit status of a command run by runTool().
struct ToolRun {
  int status = -1;  // exit status, or -1 when it could not run / was killed
  std::string out;  // stdout and stderr together
};

/// Runs argv[0] (searched on PATH) with the given arguments and optional stdin; no shell.
ToolRun runTool(const std::vector<std::string>& argv, const std::string& stdinData = {},
                int timeoutSeconds = 60);
/// True when `name` is an executable on PATH.
bool haveTool(const std::string& name);
/// The SoftHSM module path, or empty when SoftHSM is not installed.
std::filesystem::path softHsmModule();
/// True when the environment says CI (CI=true): missing tools are failures, not skips.
bool inCi();

/// In a test body: skips loudly (outside CI) or fails (CI=true) when `tool` is not on PATH.
#define KYSO_REQUIRE_TOOL(tool)                                                             \
  do {                                                                                      \
    if (!::kyso::test::haveTool(tool)) {                                                    \
      if (::kyso::test::inCi()) FAIL() << "required tool missing with CI=true: " << (tool); \
      GTEST_SKIP() << "*** SKIPPED: required tool missing: " << (tool) << " ***";           \
    }                                                                                       \
  } while (0)
/// A fresh temporary directory, removed by the returned object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }

 private:
  std::filesystem::path m_path;
};

class SoftHsmToken {
 public:
  struct Options {
    std::string label = "kyso test";
    std::string userPin = "123456";
    std::string soPin = "12345678";
    /// slots.mechanisms; empty means ALL. E.g. {"CKM_RSA_PKCS", "CKM_ECDSA"} to imitate a token
    /// without combined mechanisms.
    std::vector<std::string> mechanisms;
  };

  /// Makes the directory, config and an initialised token with a user PIN.
  static Result<std::unique_ptr<SoftHsmToken>> create(const Options& opt);
  static Result<std::unique_ptr<SoftHsmToken>> create() { return create(Options{}); }
  ~SoftHsmToken();

  const std::filesystem::path& dir() const { return m_dir; }
  const std::filesystem::path& config() const { return m_conf; }
  const std::filesystem::path& modulePath() const { return m_module; }
  const std::string& label() const { return m_opt.label; }
  const std::string& userPin() const { return m_opt.userPin; }
  const std::string& soPin() const { return m_opt.soPin; }
  /// The token's serial number as SoftHSM reports it.
  const std::string& serial() const { return m_serial; }

  /// Generates a key file with openssl (RSA of `bits`, or EC on `curve`: "P-256", "P-384").
  std::filesystem::path makeRsaKey(int bits);
  std::filesystem::path makeEcKey(const std::string& curve);
  /// A self-signed certificate for `key` with a UTF-8 subject (e.g. "/CN=Nguyễn Thị Lấp Lánh").
  std::filesystem::path makeSelfSignedCert(const std::filesystem::path& key,
                                           const std::string& subject);

  /// pkcs11-tool --write-object for a private key (PEM or DER), under `idHex` and `label`.
  Status importKey(const std::filesystem::path& key, const std::string& idHex,
                   const std::string& label, bool alwaysAuthenticate = false);
  /// pkcs11-tool --write-object for the public key and the certificate under `idHex`.
  Status importPublicKey(const std::filesystem::path& key, const std::string& idHex,
                         const std::string& label);
  Status importCert(const std::filesystem::path& cert, const std::string& idHex,
                    const std::string& label);
  /// Key + public key + self-signed certificate under one id; returns the certificate path.
  Result<std::filesystem::path> importKeyAndCert(const std::filesystem::path& key,
                                                 const std::string& idHex, const std::string& label,
                                                 const std::string& subject,
                                                 bool alwaysAuthenticate = false);
  /// Runs pkcs11-tool on this token's module with the extra arguments.
  ToolRun pkcs11Tool(const std::vector<std::string>& args, const std::string& stdinData = {});

 private:
  SoftHsmToken() = default;
  Options m_opt;
  std::unique_ptr<TempDir> m_tmp;
  std::filesystem::path m_dir, m_conf, m_module;
  std::string m_serial;
  std::optional<std::string> m_oldConf, m_oldOpensslConf;
  int m_counter = 0;
};

/// GoogleTest fixture: SetUp() makes a fresh token (with options()) or skips/fails loudly.
class SoftHsmTest : public ::testing::Test {
 protected:
  virtual SoftHsmToken::Options options() const { return {}; }
  void SetUp() override;
  void TearDown() override { m_token.reset(); }
  SoftHsmToken& token() { return *m_token; }

 private:
  std::unique_ptr<SoftHsmToken> m_token;
};

}  // namespace kyso::test
