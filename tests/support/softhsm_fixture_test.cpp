// The SoftHSM fixture itself: a token is created in its own directory, keys are imported under a
// chosen CKA_ID, pkcs11-tool signs one buffer with it and the openssl CLI verifies the signature.
#include "tests/support/softhsm_fixture.h"

#include <gtest/gtest.h>

#include <fstream>

namespace kyso::test {
namespace {

class FixtureTest : public SoftHsmTest {};

TEST_F(FixtureTest, TokenHasOwnConfigAndDirectory) {
  EXPECT_TRUE(std::filesystem::exists(token().config()));
  EXPECT_EQ(std::string(std::getenv("SOFTHSM2_CONF")), token().config().string());
  EXPECT_EQ(std::filesystem::file_size(std::getenv("OPENSSL_CONF")), 0u);
  EXPECT_FALSE(token().serial().empty());
}

void signAndVerify(SoftHsmToken& t, const std::filesystem::path& key, const std::string& mech) {
  auto cert = t.importKeyAndCert(key, "a1b2", "Ký số", "/CN=Nguyễn Thị Lấp Lánh/O=Sở Y tế (test)");
  ASSERT_TRUE(cert.ok()) << cert.error().context;
  ToolRun list = t.pkcs11Tool({"--login", "--pin", t.userPin(), "--list-objects"});
  EXPECT_NE(list.out.find("a1b2"), std::string::npos) << list.out;

  auto data = t.dir() / "data.bin";
  std::ofstream(data) << "Công văn số 286/SYT-VP";
  auto sig = t.dir() / "data.sig";
  auto input = data;
  if (mech == "ECDSA") {
    // SoftHSM 2.6 has no CKM_ECDSA_SHA256: hash with openssl, sign the hash with CKM_ECDSA.
    input = t.dir() / "data.sha256";
    ASSERT_EQ(
        runTool({"openssl", "dgst", "-sha256", "-binary", "-out", input.string(), data.string()})
            .status,
        0);
  }
  ToolRun s = t.pkcs11Tool({"--login", "--pin", t.userPin(), "--sign", "--id", "a1b2",
                            "--mechanism", mech, "--input-file", input.string(), "--output-file",
                            sig.string(), "--signature-format", "openssl"});
  ASSERT_EQ(s.status, 0) << s.out;
  auto pub = t.dir() / "pub.pem";
  ASSERT_EQ(
      runTool({"openssl", "pkey", "-in", key.string(), "-pubout", "-out", pub.string()}).status, 0);
  ToolRun v = runTool({"openssl", "dgst", "-sha256", "-verify", pub.string(), "-signature",
                       sig.string(), data.string()});
  EXPECT_EQ(v.status, 0) << v.out;
  EXPECT_NE(v.out.find("Verified OK"), std::string::npos) << v.out;

  // A changed buffer must not verify.
  std::ofstream(data) << "Công văn số 287/SYT-VP";
  ToolRun bad = runTool({"openssl", "dgst", "-sha256", "-verify", pub.string(), "-signature",
                         sig.string(), data.string()});
  EXPECT_NE(bad.status, 0) << bad.out;
}

TEST_F(FixtureTest, PkcsToolSignsRsaAndOpenSslVerifies) {
  signAndVerify(token(), token().makeRsaKey(2048), "SHA256-RSA-PKCS");
}

TEST_F(FixtureTest, PkcsToolSignsEcdsaAndOpenSslVerifies) {
  signAndVerify(token(), token().makeEcKey("P-256"), "ECDSA");
}

}  // namespace
}  // namespace kyso::test
