// Module loading and the small parsers: missing files, wrong-architecture ELF files, libraries
// without C_GetFunctionList, the known-name table, RFC 7512 URIs, flag decoding, selection rules.
#include <gtest/gtest.h>

#include <fstream>

#include "pkcs11/open_token.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::p11 {
namespace {

TEST(ModuleTest, MissingFileIsModuleNotFound) {
  auto m = Module::load("/nonexistent/libnothing.so");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, Errc::ModuleNotFound);
  auto byName = Module::load("fpt");  // FPT-CA's driver is not installed here
  ASSERT_FALSE(byName.ok());
  EXPECT_EQ(byName.error().kind, Errc::ModuleNotFound);
  EXPECT_NE(byName.error().context.find("fptca"), std::string::npos);
}

TEST(ModuleTest, ThirtyTwoBitLibraryIsWrongArchitecture) {
  test::TempDir d;
  auto p = d.path() / "fptca_v4.so";
  {
    // A minimal 32-bit little-endian i386 ELF header, like FPT-CA's driver.
    unsigned char h[52] = {0x7f, 'E', 'L', 'F', 1, 1, 1, 0};
    h[16] = 3;  // ET_DYN
    h[18] = 3;  // EM_386
    std::ofstream(p, std::ios::binary).write(reinterpret_cast<char*>(h), sizeof h);
  }
  auto m = Module::load(p.string());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, Errc::ModuleWrongArchitecture);
  EXPECT_NE(m.error().context.find("32-bit"), std::string::npos);
  auto text = d.path() / "notelf.so";
  std::ofstream(text) << "not a library";
  auto t = Module::load(text.string());
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().kind, Errc::ModuleLoadFailed);
}

TEST(ModuleTest, LibraryWithoutGetFunctionListIsMissingSymbols) {
  std::filesystem::path z;
  for (const char* p : {"/lib/x86_64-linux-gnu/libz.so.1", "/usr/lib/x86_64-linux-gnu/libz.so.1"})
    if (std::filesystem::exists(p)) z = p;
  if (z.empty()) GTEST_SKIP() << "*** SKIPPED: no libz.so.1 to load ***";
  auto m = Module::load(z.string());
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().kind, Errc::ModuleMissingSymbols);
}

TEST(ModuleTest, KnownNamesResolveInLibraryDirectories) {
  if (test::softHsmModule().empty()) {
    if (test::inCi()) FAIL() << "SoftHSM missing with CI=true";
    GTEST_SKIP() << "*** SKIPPED: SoftHSM not installed ***";
  }
  auto p = resolveModule("softhsm");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->filename(), "libsofthsm2.so");
  EXPECT_TRUE(checkElf(*p).ok());
  bool haveViettel = false;
  for (const auto& k : knownModules()) haveViettel |= std::string(k.files[0]) == "viettel-ca_v6.so";
  EXPECT_TRUE(haveViettel);
}

TEST(UriTest, ParsesRfc7512) {
  auto u = parsePkcs11Uri(
      "pkcs11:token=S%E1%BB%9F%20Y%20t%E1%BA%BF;id=%01%a2;object=K%C3%BD;"
      "type=private?module-path=/usr/lib/softhsm/libsofthsm2.so");
  ASSERT_TRUE(u.ok());
  EXPECT_EQ(*u->token, "Sở Y tế");
  EXPECT_EQ(*u->id, (std::vector<std::uint8_t>{0x01, 0xa2}));
  EXPECT_EQ(*u->object, "Ký");
  EXPECT_EQ(*u->type, "private");
  EXPECT_EQ(*u->modulePath, "/usr/lib/softhsm/libsofthsm2.so");
  EXPECT_FALSE(parsePkcs11Uri("pkcs11:id=%0").ok());
  EXPECT_FALSE(parsePkcs11Uri("pkcs11:id=%zz").ok());
  EXPECT_FALSE(parsePkcs11Uri("file:x").ok());
  auto pin = parsePkcs11Uri("pkcs11:token=a?pin-value=1234");
  ASSERT_FALSE(pin.ok());
  EXPECT_EQ(pin.error().kind, Errc::PinSourceInvalid);
}

TEST(FlagsTest, DecodesTokenFlags) {
  auto names = tokenFlagNames(CKF_LOGIN_REQUIRED | CKF_USER_PIN_FINAL_TRY | CKF_SO_PIN_LOCKED |
                              CKF_PROTECTED_AUTHENTICATION_PATH);
  std::vector<std::string> want = {"login-required", "protected-authentication-path",
                                   "user-pin-final-try", "so-pin-locked"};
  EXPECT_EQ(names, want);
  EXPECT_EQ(mechanismName(CKM_SHA256_RSA_PKCS), "CKM_SHA256_RSA_PKCS");
  EXPECT_EQ(mechanismName(0x80001234UL), "0x80001234");
}

TEST(PinFlagsTest, ChecksBeforeLogin) {
  TokenView t;
  t.label = "x";
  EXPECT_TRUE(checkPinFlags(t, CKU_USER, false).ok());
  t.flags = CKF_USER_PIN_COUNT_LOW;
  EXPECT_TRUE(checkPinFlags(t, CKU_USER, false).ok());
  t.flags = CKF_USER_PIN_FINAL_TRY;
  EXPECT_EQ(checkPinFlags(t, CKU_USER, false).error().kind, Errc::PinFinalTry);
  EXPECT_TRUE(checkPinFlags(t, CKU_USER, true).ok());
  t.flags = CKF_USER_PIN_LOCKED;
  EXPECT_EQ(checkPinFlags(t, CKU_USER, true).error().kind, Errc::PinLocked);
  t.flags = CKF_SO_PIN_LOCKED;
  EXPECT_TRUE(checkPinFlags(t, CKU_USER, false).ok());
  EXPECT_EQ(checkPinFlags(t, CKU_SO, true).error().kind, Errc::SoPinLocked);
}

TEST(SelectTest, SlotAndKeyRules) {
  std::vector<SlotView> slots(3);
  slots[0].id = 1;
  slots[1].id = 2;
  slots[1].token = TokenView{};
  slots[1].token->label = "A";
  slots[1].token->serial = "111";
  slots[1].token->flags = CKF_TOKEN_INITIALIZED;
  slots[2].id = 3;
  slots[2].token = TokenView{};  // an uninitialised SoftHSM slot: never picked implicitly
  TokenSelector sel;
  auto only = selectSlot(slots, sel, std::nullopt);
  ASSERT_TRUE(only.ok());
  EXPECT_EQ(*only, 2u);
  sel.token = "111";
  EXPECT_EQ(*selectSlot(slots, sel, std::nullopt), 2u);
  sel.token = "B";
  EXPECT_EQ(selectSlot(slots, sel, std::nullopt).error().kind, Errc::TokenNotFound);
  slots[2].token->flags = CKF_TOKEN_INITIALIZED;
  sel.token.clear();
  EXPECT_EQ(selectSlot(slots, sel, std::nullopt).error().kind, Errc::TokenAmbiguous);
  EXPECT_EQ(selectSlot({}, sel, std::nullopt).error().kind, Errc::NoTokenPresent);

  std::vector<KeyPairView> pairs(2);
  pairs[0].id = {0x01};
  pairs[0].key = KeyView{};
  pairs[0].key->id = {0x01};
  pairs[0].key->label = "ab";
  pairs[0].key->canSign = true;
  pairs[1].id = {0xab};
  pairs[1].key = KeyView{};
  pairs[1].key->id = {0xab};
  pairs[1].key->label = "other";
  pairs[1].key->canSign = true;
  auto pick = [&](const std::string& key) {
    sel.key = key;
    std::vector<KeyPairView> copy;
    for (auto& p : pairs) copy.push_back(KeyPairView{p.id, p.key, std::nullopt});
    return selectKey(std::move(copy), sel, std::nullopt);
  };
  EXPECT_EQ(pick("ab")->id, (Bytes{0xab})) << "hex of an id wins over another key's label";
  EXPECT_EQ(pick("other")->id, (Bytes{0xab}));
  EXPECT_EQ(pick("").error().kind, Errc::KeyAmbiguous);
  pairs[1].key->canSign = false;
  EXPECT_EQ(pick("")->id, (Bytes{0x01}));
}

TEST(DigestInfoTest, Sha256Prefix) {
  Bytes d(32, 0x11);
  Bytes di = digestInfo(HashAlg::Sha256, d);
  ASSERT_EQ(di.size(), 51u);
  EXPECT_EQ(di[0], 0x30);
  EXPECT_EQ(di[18], 0x20);
  auto der = ecdsaRawToDer(Bytes(64, 0x01));
  ASSERT_TRUE(der.ok());
  EXPECT_EQ((*der)[0], 0x30);
  EXPECT_FALSE(ecdsaRawToDer(Bytes(63, 0x01)).ok());
}

}  // namespace
}  // namespace kyso::p11
