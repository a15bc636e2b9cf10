// PIN safety and token faults, through the fault-injecting module (fault_module.cpp) in front of
// a real SoftHSM token: no login on final try / locked / to-be-changed without --force, never a
// second C_Login after a rejected PIN, tries-left messages from the flags re-read after a failure,
// CKR_GENERAL_ERROR as a wrong PIN only for tokens in the quirk table, PIN-pad logins, a token
// pulled out mid-batch, context-specific logins that fail, and one-at-a-time signing on a slow
// token from two threads.
#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <fstream>
#include <thread>

#include "pkcs11/open_token.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::p11 {
namespace {

class ScriptedPrompt final : public PinPrompt {
 public:
  explicit ScriptedPrompt(std::vector<std::string> pins) : m_pins(std::move(pins)) {}
  Result<SecretBuffer> getPin(const PinRequest& req) override {
    m_requests.push_back(req);
    if (m_next >= m_pins.size()) return Error::kyso(Errc::Cancelled, "getPin");
    return SecretBuffer(m_pins[m_next++]);
  }
  void notice(Errc what, const PinRequest&) override { m_notices.push_back(what); }
  std::size_t asked() const { return m_requests.size(); }
  std::vector<PinRequest> m_requests;
  std::vector<Errc> m_notices;

 private:
  std::vector<std::string> m_pins;
  std::size_t m_next = 0;
};

class PinTest : public test::SoftHsmTest {
 protected:
  void SetUp() override {
    test::SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    const char* m = std::getenv("KYSO_FAULT_MODULE");
    ASSERT_TRUE(m && std::filesystem::exists(m)) << "KYSO_FAULT_MODULE not built";
    m_module = m;
    m_log = token().dir() / "fault.log";
    setenv("KYSO_FAULT_LOG", m_log.c_str(), 1);
    setenv("KYSO_FAULT_TARGET", token().modulePath().c_str(), 1);
    m_keyFile = token().makeRsaKey(2048);
    ASSERT_TRUE(token().importKeyAndCert(m_keyFile, "01", "signer", "/CN=Nguyễn Văn A").ok());
  }
  void TearDown() override {
    unsetenv("KYSO_FAULT");
    unsetenv("KYSO_FAULT_LOG");
    unsetenv("KYSO_FAULT_PINPAD_PIN");
    test::SoftHsmTest::TearDown();
  }
  void fault(const std::string& f) { setenv("KYSO_FAULT", f.c_str(), 1); }
  Result<std::unique_ptr<OpenToken>> open(PinPrompt& prompt, bool force = false) {
    TokenSelector sel;
    sel.module = m_module;
    sel.force = force;
    return OpenToken::open(sel, prompt);
  }
  int logins() {
    std::ifstream in(m_log);
    int n = 0;
    for (std::string line; std::getline(in, line);)
      if (line.rfind("C_Login", 0) == 0) ++n;
    return n;
  }
  std::string m_module;
  std::filesystem::path m_log, m_keyFile;
};

TEST_F(PinTest, FinalTryRefusedWithoutForceAndAllowedWithIt) {
  fault("flags=final_try");
  ScriptedPrompt prompt({"123456"});
  auto t = open(prompt);
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, Errc::PinFinalTry);
  EXPECT_EQ(prompt.asked(), 0u) << "no PIN asked at final try";
  EXPECT_EQ(logins(), 0) << "no C_Login at final try";
  ScriptedPrompt prompt2({"123456"});
  auto forced = open(prompt2, true);
  ASSERT_TRUE(forced.ok()) << forced.error().technical();
  EXPECT_EQ(logins(), 1);
  EXPECT_TRUE(prompt2.m_requests.at(0).finalTry);
}

TEST_F(PinTest, LockedAndToBeChangedRefused) {
  fault("flags=locked");
  ScriptedPrompt prompt({"123456", "123456"});
  auto locked = open(prompt, true);
  ASSERT_FALSE(locked.ok());
  EXPECT_EQ(locked.error().kind, Errc::PinLocked) << "locked is refused even with force";
  fault("flags=to_be_changed");
  auto change = open(prompt);
  ASSERT_FALSE(change.ok());
  EXPECT_EQ(change.error().kind, Errc::PinToBeChanged);
  EXPECT_EQ(logins(), 0);
  EXPECT_EQ(prompt.asked(), 0u);
}

TEST_F(PinTest, WrongPinIsNeverRetriedAndTriesLeftAreReported) {
  struct Case {
    std::string fault;
    Errc expected;
  } cases[] = {{"", Errc::PinIncorrectCountLow},  // SoftHSM itself sets COUNT_LOW
               {"hide_counters", Errc::PinIncorrectTriesUnknown},
               {"hide_counters,wrong_pin_flags=count_low", Errc::PinIncorrectCountLow},
               {"hide_counters,wrong_pin_flags=final_try", Errc::PinIncorrectFinalTry},
               {"hide_counters,wrong_pin_flags=locked", Errc::PinIncorrectNowLocked}};
  int before = 0;
  for (const auto& c : cases) {
    SCOPED_TRACE(c.fault);
    fault(c.fault);
    ScriptedPrompt prompt({"000000", "123456", "123456"});
    auto t = open(prompt);
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.error().kind, c.expected);
    EXPECT_EQ(t.error().code, static_cast<long>(CKR_PIN_INCORRECT));
    EXPECT_EQ(t.error().operation, "C_Login");
    EXPECT_EQ(prompt.asked(), 1u) << "the prompt is not asked again";
    EXPECT_EQ(logins() - before, 1) << "exactly one C_Login";
    before = logins();
  }
}

TEST_F(PinTest, GeneralErrorIsAWrongPinOnlyForDeclaredTokens) {
  fault("general_error");
  ScriptedPrompt prompt({"000000"});
  auto plain = open(prompt);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(plain.error().code, static_cast<long>(CKR_GENERAL_ERROR));
  EXPECT_EQ(plain.error().kind, Errc::Ok) << "SoftHSM is not in the quirk table";

  fault("hide_counters,general_error,manufacturer=EnterSafe,model=PKCS#15 emulated");
  ScriptedPrompt prompt2({"000000"});
  auto quirk = open(prompt2);
  ASSERT_FALSE(quirk.ok());
  EXPECT_EQ(quirk.error().kind, Errc::PinIncorrectTriesUnknown);
  EXPECT_EQ(logins(), 2) << "one C_Login per attempt, no retry";
  TokenView t;
  t.manufacturer = "EnterSafe";
  t.model = "PKCS#15 emulated";
  ASSERT_NE(findQuirk(t), nullptr);
  t.manufacturer = "SoftHSM project";
  EXPECT_EQ(findQuirk(t), nullptr);
}

TEST_F(PinTest, PinPadLogsInWithoutAskingAndSaysSo) {
  fault("flags=pinpad");
  setenv("KYSO_FAULT_PINPAD_PIN", "123456", 1);
  ScriptedPrompt prompt({});
  auto t = open(prompt);
  ASSERT_TRUE(t.ok()) << t.error().technical();
  EXPECT_EQ(prompt.asked(), 0u);
  ASSERT_EQ(prompt.m_notices.size(), 1u);
  EXPECT_EQ(prompt.m_notices[0], Errc::PinPadEnter);
}

TEST_F(PinTest, TokenRemovedMidBatchGivesClearErrorAndKeepsDoneSignatures) {
  fault("remove_after_signs=2");
  ScriptedPrompt prompt({"123456"});
  auto t = open(prompt);
  ASSERT_TRUE(t.ok()) << t.error().technical();
  auto id = (*t)->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  std::vector<Bytes> done;
  std::optional<Error> failure;
  for (int i = 0; i < 4; ++i) {
    std::string msg = "document " + std::to_string(i);
    ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    ASSERT_EQ(EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, id->key.get(),
                                    nullptr),
              1);
    Bytes sig(512);
    std::size_t len = sig.size();
    if (EVP_DigestSign(ctx.get(), sig.data(), &len,
                       reinterpret_cast<const unsigned char*>(msg.data()), msg.size()) != 1) {
      failure = Error::openssl("EVP_DigestSign");
      break;
    }
    sig.resize(len);
    done.push_back(sig);
  }
  ASSERT_EQ(done.size(), 2u);
  ASSERT_TRUE(failure.has_value());
  EXPECT_EQ(failure->kind, Errc::TokenRemoved);
  EXPECT_EQ(failure->code, static_cast<long>(CKR_DEVICE_REMOVED));
  // The signatures made before the removal are intact.
  ossl::Ptr<BIO> b(BIO_new_file(m_keyFile.c_str(), "r"));
  ossl::Ptr<EVP_PKEY> pub(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
  for (int i = 0; i < 2; ++i) {
    std::string msg = "document " + std::to_string(i);
    ossl::Ptr<EVP_MD_CTX> v(EVP_MD_CTX_new());
    ASSERT_EQ(
        EVP_DigestVerifyInit_ex(v.get(), nullptr, "SHA256", nullptr, nullptr, pub.get(), nullptr),
        1);
    EXPECT_EQ(EVP_DigestVerify(v.get(), done[i].data(), done[i].size(),
                               reinterpret_cast<const unsigned char*>(msg.data()), msg.size()),
              1);
  }
  // Opening again while it is out: TokenRemoved-class error, not a hang or a crash.
  ScriptedPrompt prompt2({"123456"});
  auto again = open(prompt2);
  ASSERT_FALSE(again.ok());
}

TEST_F(PinTest, SlowTokenSignsOneAtATimeFromTwoThreads) {
  ScriptedPrompt prompt({"123456"});
  auto t = open(prompt);
  ASSERT_TRUE(t.ok()) << t.error().technical();
  auto id = (*t)->signingIdentity();
  ASSERT_TRUE(id.ok());
  fault("slow_ms=300");
  auto signOnce = [&](bool* ok) {
    ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    Bytes sig(512);
    std::size_t len = sig.size();
    *ok = EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, id->key.get(),
                                nullptr) == 1 &&
          EVP_DigestSign(ctx.get(), sig.data(), &len, reinterpret_cast<const unsigned char*>("x"),
                         1) == 1;
  };
  bool ok1 = false, ok2 = false;
  auto start = std::chrono::steady_clock::now();
  std::thread a(signOnce, &ok1), b(signOnce, &ok2);
  a.join();
  b.join();
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                  start)
                .count();
  EXPECT_TRUE(ok1);
  EXPECT_TRUE(ok2);
  EXPECT_GE(ms, 590) << "the two signatures ran one after the other on the device worker";
}

TEST_F(PinTest, ContextSpecificWrongPinFailsThatSignatureWithoutRetry) {
  auto key = token().makeEcKey("P-256");
  ASSERT_TRUE(token().importKeyAndCert(key, "02", "always", "/CN=Always", true).ok());
  TokenSelector sel;
  sel.module = m_module;
  sel.key = "02";
  ScriptedPrompt prompt({"123456", "999999", "123456"});
  fault("hide_counters");
  auto t = OpenToken::open(sel, prompt);
  ASSERT_TRUE(t.ok()) << t.error().technical();
  auto id = (*t)->signingIdentity();
  ASSERT_TRUE(id.ok());
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  ASSERT_EQ(
      EVP_DigestSignInit_ex(ctx.get(), nullptr, "SHA256", nullptr, nullptr, id->key.get(), nullptr),
      1);
  Bytes sig(256);
  std::size_t len = sig.size();
  EXPECT_NE(
      EVP_DigestSign(ctx.get(), sig.data(), &len, reinterpret_cast<const unsigned char*>("x"), 1),
      1);
  const std::optional<Error> err = Error::openssl("EVP_DigestSign");
  EXPECT_EQ(err->kind, Errc::PinIncorrectTriesUnknown);
  EXPECT_EQ(err->operation, "C_Login(context)");
  EXPECT_EQ(logins(), 2) << "user login + one context-specific attempt";
  EXPECT_EQ(prompt.asked(), 2u);
  ERR_clear_error();
  // The session is still usable: the next signature asks again and succeeds.
  ossl::Ptr<EVP_MD_CTX> ctx2(EVP_MD_CTX_new());
  ASSERT_EQ(EVP_DigestSignInit_ex(ctx2.get(), nullptr, "SHA256", nullptr, nullptr, id->key.get(),
                                  nullptr),
            1);
  len = sig.size();
  EXPECT_EQ(
      EVP_DigestSign(ctx2.get(), sig.data(), &len, reinterpret_cast<const unsigned char*>("x"), 1),
      1);
}

}  // namespace
}  // namespace kyso::p11
