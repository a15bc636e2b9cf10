// `kyso inventory sync` against real SoftHSM tokens and `kyso inventory check-revocation` against
// the test PKI's CRL and OCSP responder (fixtures 'pki' and 'services'), through the kyso binary.
#include <gtest/gtest.h>

#include <cstdlib>

#include "src/core/clock.h"
#include "src/core/json.h"
#include "src/inventory/inventory.h"
#include "tests/inventory/inv_test_support.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::inventory {
namespace {

namespace fs = std::filesystem;

class DevicesTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  std::string db() const { return (dir.path / "inv.sqlite").string(); }
  int kyso(const std::string& args, std::string* out) {
    return test::runCommand(test::kysoBin() + " inventory --db '" + db() + "' " + args + " 2>&1",
                            out);
  }
  void SetUp() override {
    if (!fs::exists(test::kysoBin())) {
      if (test::inCi()) FAIL() << "kyso binary missing";
      GTEST_SKIP() << "kyso binary not built";
    }
  }
};

TEST_F(DevicesTest, SyncRegistersSoftHsmTokensAndReportsMismatches) {
  if (::kyso::test::softHsmModule().empty()) {
    if (test::inCi()) FAIL() << "SoftHSM missing";
    GTEST_SKIP() << "SoftHSM not installed";
  }
  KYSO_REQUIRE_TOOL("pkcs11-tool");
  auto token = ::kyso::test::SoftHsmToken::create();
  ASSERT_TRUE(token.ok()) << token.error().technical();
  auto key = (*token)->makeEcKey("P-256");
  auto cert = (*token)->importKeyAndCert(key, "01", "Ký số", "/CN=Nguyễn Văn Đồng Bộ/O=Sở Y tế");
  ASSERT_TRUE(cert.ok()) << cert.error().technical();
  const std::string module = (*token)->modulePath().string();
  const std::string serial = (*token)->serial();

  std::string out;
  ASSERT_EQ(kyso("sync --module " + module + " --json", &out), 0) << out;
  auto j = Json::parse(out);
  ASSERT_TRUE(j.ok()) << out;
  EXPECT_EQ((*j)["tokens_seen"].asInt(), 1);
  ASSERT_EQ((*j)["registered"].size(), 2u) << out;
  EXPECT_EQ((*j)["mismatches"].size(), 0u);

  ASSERT_EQ(kyso("token show " + serial + " --json", &out), 0) << out;
  auto t = Json::parse(out);
  ASSERT_TRUE(t.ok()) << out;
  EXPECT_EQ((*t)["state"].asString(), "in_stock");
  EXPECT_FALSE((*t)["last_seen"].isNull());
  ASSERT_EQ((*t)["certificates"].size(), 1u);
  EXPECT_NE((*t)["certificates"][0]["subject"].asString().find("Nguyễn Văn Đồng Bộ"),
            std::string::npos);

  // Again: nothing new.
  ASSERT_EQ(kyso("sync --module " + module + " --json", &out), 0) << out;
  EXPECT_EQ((*Json::parse(out))["registered"].size(), 0u);

  // The records say another certificate is on this token: reported, exit 1, nothing changed.
  {
    FixedClock clock{std::chrono::system_clock::now()};
    auto inv = Inventory::open(db(), clock);
    ASSERT_TRUE(inv.ok());
    Certificate c = test::fakeCert("ghost", "2025-01-01", "2029-01-01");
    c.tokenId = inv->token(serial)->id;
    ASSERT_TRUE(inv->addCertificate(c).ok());
  }
  EXPECT_EQ(kyso("sync --module " + module, &out), 1) << out;
  EXPECT_NE(out.find("is not on it"), std::string::npos) << out;
  EXPECT_EQ(kyso("sync --module /nonexistent/libnothing.so", &out), 5) << out;
}

TEST_F(DevicesTest, CheckRevocationMarksRevokedCertificatesWithTheEvidence) {
  const char* pki = std::getenv("KYSO_TEST_PKI");
  if (!pki || !fs::exists(fs::path(pki) / "revoked.pem")) {
    if (test::inCi()) FAIL() << "test PKI missing";
    GTEST_SKIP() << "test PKI not generated (fixture pki)";
  }
  const fs::path p(pki);
  std::string out;
  ASSERT_EQ(kyso("cert import " + (p / "revoked.pem").string(), &out), 0) << out;
  ASSERT_EQ(kyso("cert import " + (p / "signer-rsa2048.pem").string(), &out), 0) << out;
  const int rc = kyso("check-revocation --issuers " + (p / "chain.pem").string() + " --json", &out);
  auto j = Json::parse(out.substr(out.find('[')));
  ASSERT_TRUE(j.ok()) << out;
  ASSERT_EQ(j->size(), 2u) << out;
  int revoked = 0, good = 0;
  std::string revokedSha;
  for (const auto& row : j->items()) {
    if (row["status"].asString() == "revoked") {
      ++revoked;
      revokedSha = row["sha256"].asString();
      EXPECT_NE(row["detail"].asString().find("marked"), std::string::npos) << out;
    }
    if (row["status"].asString() == "good") ++good;
  }
  EXPECT_EQ(revoked, 1) << out;
  EXPECT_EQ(good, 1) << out;
  EXPECT_EQ(rc, 0) << out;
  ASSERT_EQ(kyso("history cert " + revokedSha + " --json", &out), 0) << out;
  auto h = Json::parse(out);
  ASSERT_TRUE(h.ok()) << out;
  const Json& last = (*h)[h->size() - 1];
  EXPECT_EQ(last["to"].asString(), "revoked");
  EXPECT_TRUE(last["doc_number"].asString() == "OCSP" || last["doc_number"].asString() == "CRL");
  EXPECT_NE(last["note"].asString().find("keyCompromise"), std::string::npos) << out;

  // A second run: the revoked one is no longer in use, the good one stays good.
  EXPECT_EQ(kyso("check-revocation --issuers " + (p / "chain.pem").string(), &out), 0) << out;
  EXPECT_EQ(out.find("revoked"), std::string::npos) << out;
  // Without the issuers, the answer is unknown, never good.
  test::TempDir other;
  const std::string db2 = (other.path / "x.sqlite").string();
  ASSERT_EQ(test::runCommand(test::kysoBin() + " inventory --db " + db2 + " cert import " +
                                 (p / "signer-ec256.pem").string() + " 2>&1",
                             &out),
            0)
      << out;
  EXPECT_EQ(
      test::runCommand(test::kysoBin() + " inventory --db " + db2 + " check-revocation 2>&1", &out),
      2)
      << out;
  EXPECT_NE(out.find("unknown"), std::string::npos) << out;
}

}  // namespace
}  // namespace kyso::inventory
