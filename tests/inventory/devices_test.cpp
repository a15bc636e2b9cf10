// `kyso inventory sync` against real SoftHSM tokens and `kyso inventory check-revocation` against
// the test PKI's CRL and OCSP responder (fixtures 'pki' and 'services'), through the kyso binary.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/clock.h"
#include "core/json.h"
#include "src/inventory/audit.h"
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
  // The issuer's chain beside the holder's certificate, as CAs load tokens: not registered.
  const char* pki = std::getenv("KYSO_TEST_PKI");
  ASSERT_NE(pki, nullptr);
  ASSERT_TRUE((*token)->importCert(fs::path(pki) / "gov-ca.pem", "02", "Government CA").ok());
  ASSERT_TRUE((*token)->importCert(fs::path(pki) / "root.pem", "03", "Root CA").ok());

  std::string out;
  ASSERT_EQ(kyso("sync --module " + module + " --json", &out), 0) << out;
  auto j = Json::parse(out);
  ASSERT_TRUE(j.ok()) << out;
  EXPECT_EQ((*j)["tokens_seen"].asInt(), 1);
  ASSERT_EQ((*j)["registered"].size(), 2u) << "the token and its holder's certificate: " << out;
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

// Recomputes every entry's hash and the head, as someone who can write the whole SQLite file
// would after changing the log: the chain then verifies, and only a seal can tell.
void rechain(Db& db) {
  auto rows = db.query(
      "SELECT seq, at, who, entity, entity_id, action, before_json, after_json FROM audit "
      "ORDER BY seq");
  ASSERT_TRUE(rows.ok());
  std::string prev;
  long long last = 0;
  for (const Row& r : *rows) {
    std::string buf;
    for (std::size_t i = 0; i < 8; ++i) buf += r.text(i) + '\x1f';
    buf += prev + '\x1f';
    const std::string h = sha256Hex(buf);
    ASSERT_TRUE(
        db.exec("UPDATE audit SET prev_hash = ?, hash = ? WHERE seq = ?", {prev, h, r.integer(0)})
            .ok());
    prev = h;
    last = r.integer(0);
  }
  ASSERT_TRUE(db.exec("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", {last, prev}).ok());
}

// Issue 16: `audit-seal` signs the log's head with the officer's token; `audit-verify` then finds
// every rewrite of the log before the sealed entry, even one that recomputes the whole chain, and
// a seal file kept outside the database survives the seals being deleted from it.
TEST_F(DevicesTest, SealFindsRewrittenTruncatedReorderedAndEmptiedLogs) {
  if (::kyso::test::softHsmModule().empty()) {
    if (test::inCi()) FAIL() << "SoftHSM missing";
    GTEST_SKIP() << "SoftHSM not installed";
  }
  const char* pkiEnv = std::getenv("KYSO_TEST_PKI");
  ASSERT_NE(pkiEnv, nullptr);
  const fs::path pki = pkiEnv;
  auto token = ::kyso::test::SoftHsmToken::create();
  ASSERT_TRUE(token.ok()) << token.error().technical();
  ASSERT_TRUE((*token)->importKey(pki / "signer-rsa2048.key", "01", "signer").ok());
  ASSERT_TRUE((*token)->importCert(pki / "signer-rsa2048.pem", "01", "signer").ok());
  ASSERT_TRUE((*token)->importCert(pki / "gov-ca.pem", "02", "gov-ca").ok());
  const fs::path pin = dir.path / "pin";
  { std::ofstream(pin) << (*token)->userPin() << "\n"; }
  fs::permissions(pin, fs::perms::owner_read | fs::perms::owner_write);
  const std::string tokenArgs =
      " --module " + (*token)->modulePath().string() + " --pin-file " + pin.string();
  const std::string trust =
      " --trust " + (pki / "root.pem").string() + " --offline --no-revocation";
  {
    FixedClock clock{std::chrono::system_clock::now()};
    auto inv = Inventory::open(db(), clock);
    ASSERT_TRUE(inv.ok());
    for (const char* serial : {"S-1", "S-2", "S-3"}) {
      Token t;
      t.serial = serial;
      t.manufacturer = "Bit4id";
      ASSERT_TRUE(inv->addToken(t).ok());
    }
  }
  std::string out;
  const fs::path sealFile = dir.path / "seal.txt";
  ASSERT_EQ(kyso("audit-seal" + tokenArgs + " --out " + sealFile.string(), &out), 0) << out;
  EXPECT_NE(out.find("Sealed the audit log at entry 3"), std::string::npos) << out;
  {
    FixedClock clock{std::chrono::system_clock::now()};
    auto inv = Inventory::open(db(), clock);
    Token t;
    t.serial = "S-4";
    t.manufacturer = "Bit4id";
    ASSERT_TRUE(inv->addToken(t).ok());
  }
  ASSERT_EQ(kyso("audit-verify" + trust + " --seal " + sealFile.string(), &out), 0) << out;
  EXPECT_NE(out.find("chain intact"), std::string::npos) << out;
  EXPECT_NE(out.find("seal database #1: entry 3"), std::string::npos) << out;
  EXPECT_NE(out.find("seal " + sealFile.string() + ": entry 3"), std::string::npos) << out;
  EXPECT_EQ(out.find("BROKEN"), std::string::npos) << out;
  // Without the root the seal holds, but proves nothing about who made it: indeterminate.
  EXPECT_EQ(kyso("audit-verify --offline --no-revocation", &out), 2) << out;

  const fs::path pristine = dir.path / "pristine.sqlite";
  fs::copy_file(db(), pristine);
  struct Attack {
    const char* name;
    const char* sql;
    const char* finding;
  };
  const Attack attacks[] = {
      {"rewrite", "UPDATE audit SET who = 'mallory' WHERE seq = 2", "another hash"},
      {"truncate", "DELETE FROM audit WHERE seq >= 2", "no longer in the log"},
      {"empty", "DELETE FROM audit", "no longer in the log"},
      {"reorder",
       "UPDATE audit SET seq = CASE seq WHEN 1 THEN 2 WHEN 2 THEN 1 END + 1000 WHERE seq IN (1, "
       "2); "
       "UPDATE audit SET seq = seq - 1000 WHERE seq > 1000",
       "another hash"},
  };
  for (const Attack& a : attacks) {
    SCOPED_TRACE(a.name);
    fs::copy_file(pristine, db(), fs::copy_options::overwrite_existing);
    fs::remove(db() + "-wal");
    fs::remove(db() + "-shm");
    {
      auto d = openDb(db());
      ASSERT_TRUE(d.ok());
      ASSERT_TRUE((*d)->script(a.sql).ok());
      rechain(**d);
      if (std::string(a.name) == "empty") {
        ASSERT_TRUE((*d)->exec("UPDATE audit_head SET seq = 0, hash = '' WHERE id = 1").ok());
      }
    }
    ASSERT_EQ(kyso("audit-verify" + trust, &out), 1) << out;
    EXPECT_NE(out.find("chain intact"), std::string::npos) << "the chain alone is fooled: " << out;
    EXPECT_NE(out.find(a.finding), std::string::npos) << out;
    EXPECT_NE(out.find("BROKEN"), std::string::npos) << out;
  }
  // The attacker also deletes the stored seals: the chain alone passes; the seal file does not.
  fs::copy_file(pristine, db(), fs::copy_options::overwrite_existing);
  {
    auto d = openDb(db());
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE((*d)->script("UPDATE audit SET who = 'mallory' WHERE seq = 1; "
                             "DELETE FROM audit_seals")
                    .ok());
    rechain(**d);
  }
  EXPECT_EQ(kyso("audit-verify" + trust, &out), 0) << out;
  EXPECT_NE(out.find("no seals"), std::string::npos) << out;
  EXPECT_EQ(kyso("audit-verify" + trust + " --seal " + sealFile.string(), &out), 1) << out;
  EXPECT_NE(out.find("another hash"), std::string::npos) << out;

  // A seal file whose text was edited (to match a rewritten log) no longer matches its signature.
  fs::copy_file(pristine, db(), fs::copy_options::overwrite_existing);
  std::ifstream in(sealFile);
  std::string text((std::istreambuf_iterator<char>(in)), {});
  text.replace(text.find("seq: 3"), 6, "seq: 2");
  const fs::path forged = dir.path / "forged.txt";
  { std::ofstream(forged) << text; }
  EXPECT_EQ(kyso("audit-verify" + trust + " --seal " + forged.string(), &out), 1) << out;
  EXPECT_NE(out.find("does not match the sealed text"), std::string::npos) << out;
  // Not a seal at all: a clear error, exit 4.
  { std::ofstream(forged) << "hello\n"; }
  EXPECT_EQ(kyso("audit-verify" + trust + " --seal " + forged.string(), &out), 4) << out;
  EXPECT_NE(out.find("not a readable kyso audit seal"), std::string::npos) << out;
}

}  // namespace
}  // namespace kyso::inventory
