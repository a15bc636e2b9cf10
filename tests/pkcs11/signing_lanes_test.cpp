// Parallel signing lanes (OpenToken::signingLanes / openSigningLane) on real SoftHSM tokens: extra
// sessions share the one login and sign at the same time from their own device threads, every
// signature verifying against the key; one lane only for a removable or hardware slot (through
// the fault module), a key with CKA_ALWAYS_AUTHENTICATE, or before a key is selected; the token's
// session limit respected; a token pulled out mid-batch stops every lane with TokenRemoved; one
// Module per driver in the process.
#include <gtest/gtest.h>
#include <openssl/err.h>

#include <atomic>
#include <future>

#include "pkcs11/open_token.h"
#include "tests/pkcs11/sign_helpers.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::p11 {
namespace {

class SigningLanesTest : public test::SoftHsmTest {
 protected:
  void SetUp() override {
    test::SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    m_keyFile = token().makeRsaKey(2048);
    ASSERT_TRUE(token().importKeyAndCert(m_keyFile, "01", "signer", "/CN=Nguyễn Văn A").ok());
  }
  void TearDown() override {
    unsetenv("KYSO_FAULT");
    test::SoftHsmTest::TearDown();
  }
  // Through the fault module (KYSO_FAULT directives) or straight to SoftHSM.
  std::unique_ptr<OpenToken> open(bool viaFaultModule) {
    TokenSelector sel;
    sel.module = token().modulePath().string();
    if (viaFaultModule) {
      const char* m = std::getenv("KYSO_FAULT_MODULE");
      EXPECT_TRUE(m && std::filesystem::exists(m)) << "KYSO_FAULT_MODULE not built";
      if (!m) return nullptr;
      setenv("KYSO_FAULT_TARGET", token().modulePath().c_str(), 1);
      sel.module = m;
    }
    auto t = OpenToken::open(sel, m_prompt);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().technical());
    return t.ok() ? std::move(t).value() : nullptr;
  }
  FixedPinPrompt m_prompt{"123456"};
  std::filesystem::path m_keyFile;
};

TEST_F(SigningLanesTest, LanesShareTheLoginAndSignAtTheSameTime) {
  auto tok = open(false);
  ASSERT_TRUE(tok);
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  ASSERT_EQ(tok->signingLanes(3), 3u) << "a software token in a non-removable slot";
  std::vector<SigningLane> lanes;
  lanes.push_back(SigningLane{std::move(*id), tok->worker()});
  for (int i = 0; i < 2; ++i) {
    auto lane = tok->openSigningLane();
    ASSERT_TRUE(lane.ok()) << lane.error().technical();
    EXPECT_NE(lane->worker, tok->worker()) << "each lane has its own device thread";
    EXPECT_EQ(X509_cmp(lane->identity.cert.get(), lanes[0].identity.cert.get()), 0);
    lanes.push_back(std::move(*lane));
  }
  EXPECT_EQ(m_prompt.asked(), 1) << "one login for every lane";
  auto pub = loadPublic(m_keyFile);
  std::atomic<int> good{0}, bad{0};
  std::atomic<int> running{0}, overlapped{0};
  std::vector<std::future<void>> jobs;
  for (std::size_t l = 0; l < lanes.size(); ++l)
    jobs.push_back(lanes[l].worker->post([&, l] {
      for (int i = 0; i < 25; ++i) {
        if (++running > 1) ++overlapped;
        std::string msg = "lane " + std::to_string(l) + " công văn " + std::to_string(i);
        auto sig = digestSign(lanes[l].identity.key.get(), msg, "SHA256", false);
        --running;
        bool ok = sig.ok() && verifyDigestSign(pub.get(), msg, *sig, "SHA256", false);
        ++(ok ? good : bad);
      }
    }));
  for (auto& j : jobs) j.get();
  EXPECT_EQ(good.load(), 75);
  EXPECT_EQ(bad.load(), 0);
  EXPECT_GT(overlapped.load(), 0) << "the lanes never signed at the same time";
  EXPECT_EQ(m_prompt.asked(), 1);
}

TEST_F(SigningLanesTest, OneLaneBeforeAKeyIsSelectedAndForAlwaysAuthenticateKeys) {
  auto tok = open(false);
  ASSERT_TRUE(tok);
  EXPECT_EQ(tok->signingLanes(4), 1u);
  auto early = tok->openSigningLane();
  ASSERT_FALSE(early.ok());
  EXPECT_EQ(early.error().kind, Errc::KeyNotFound);

  auto rsa = token().makeRsaKey(2048);
  ASSERT_TRUE(token().importKeyAndCert(rsa, "07", "always", "/CN=Always", true).ok());
  TokenSelector sel;
  sel.module = token().modulePath().string();
  sel.key = "07";
  auto t2 = OpenToken::open(sel, m_prompt);
  ASSERT_TRUE(t2.ok()) << t2.error().technical();
  auto id = (*t2)->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  EXPECT_EQ((*t2)->signingLanes(4), 1u) << "a PIN per signature: one at a time";
}

TEST_F(SigningLanesTest, RemovableOrHardwareSlotsSignOneAtATime) {
  for (const char* flags : {"slot_flags=removable", "slot_flags=hw", "slot_flags=removable|hw"}) {
    SCOPED_TRACE(flags);
    setenv("KYSO_FAULT", flags, 1);
    auto tok = open(true);
    ASSERT_TRUE(tok);
    ASSERT_TRUE(tok->signingIdentity().ok());
    EXPECT_EQ(tok->signingLanes(4), 1u);
  }
  unsetenv("KYSO_FAULT");
  auto plain = open(true);
  ASSERT_TRUE(plain);
  ASSERT_TRUE(plain->signingIdentity().ok());
  EXPECT_EQ(plain->signingLanes(4), 4u) << "the fault module itself initialises with OS locking";
}

TEST_F(SigningLanesTest, TheTokensSessionLimitIsRespected) {
  setenv("KYSO_FAULT", "max_sessions=2", 1);
  auto tok = open(true);
  ASSERT_TRUE(tok);
  ASSERT_TRUE(tok->signingIdentity().ok());
  EXPECT_EQ(tok->signingLanes(4), 2u) << "one session open, one more allowed";
}

TEST_F(SigningLanesTest, TokenPulledOutStopsEveryLane) {
  setenv("KYSO_FAULT", "remove_after_signs=5", 1);
  auto tok = open(true);
  ASSERT_TRUE(tok);
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  auto lane = tok->openSigningLane();
  ASSERT_TRUE(lane.ok()) << lane.error().technical();
  std::vector<SigningLane> lanes;
  lanes.push_back(SigningLane{std::move(*id), tok->worker()});
  lanes.push_back(std::move(*lane));
  std::atomic<int> signedOk{0};
  std::vector<std::optional<Error>> stopped(lanes.size());
  std::vector<std::future<void>> jobs;
  for (std::size_t l = 0; l < lanes.size(); ++l)
    jobs.push_back(lanes[l].worker->post([&, l] {
      for (int i = 0; i < 50; ++i) {
        auto sig = digestSign(lanes[l].identity.key.get(), "văn bản " + std::to_string(i), "SHA256",
                              false);
        if (!sig.ok()) {
          stopped[l] = sig.error();
          ERR_clear_error();
          return;
        }
        ++signedOk;
      }
    }));
  for (auto& j : jobs) j.get();
  EXPECT_GE(signedOk.load(), 5);
  EXPECT_LE(signedOk.load(), 6) << "at most one signature per other lane already under way";
  for (std::size_t l = 0; l < lanes.size(); ++l) {
    ASSERT_TRUE(stopped[l].has_value()) << "lane " << l << " went on after the removal";
    EXPECT_EQ(stopped[l]->kind, Errc::TokenRemoved) << stopped[l]->technical();
  }
}

// One driver, one Module per process: the token layer and, say, the inventory's token scan load
// the same SoftHSM; whichever lets go first must not finalise it under the other.
TEST_F(SigningLanesTest, OneModulePerDriverWhoeverLetsGoFirst) {
  auto a = Module::load(token().modulePath().string());
  ASSERT_TRUE(a.ok()) << a.error().technical();
  test::TempDir d;
  std::filesystem::create_symlink(token().modulePath(), d.path() / "alias.so");
  auto b = Module::load((d.path() / "alias.so").string());
  ASSERT_TRUE(b.ok()) << b.error().technical();
  EXPECT_EQ(a->get(), b->get()) << "the same file through a symlink is the same driver";
  auto tok = open(false);
  ASSERT_TRUE(tok);
  ASSERT_TRUE(tok->signingIdentity().ok());
  EXPECT_EQ(&tok->module(), a->get());
  a->reset();
  tok.reset();  // the OpenToken lets go; `b` still holds the driver
  auto slots = listSlots(**b, true);
  ASSERT_TRUE(slots.ok()) << slots.error().technical();
  EXPECT_FALSE(slots->empty());
  b->reset();  // the last owner: C_Finalize
  auto again = Module::load(token().modulePath().string());
  ASSERT_TRUE(again.ok()) << again.error().technical();
  auto slots2 = listSlots(**again, true);
  ASSERT_TRUE(slots2.ok()) << "a fresh load after the last owner let go initialises again";
}

}  // namespace
}  // namespace kyso::p11
