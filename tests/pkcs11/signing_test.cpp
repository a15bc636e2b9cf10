// Signing through the token layer on SoftHSM: the EVP_PKEY bridge used by OpenSSL's own CMS_sign,
// EVP_DigestSign (PKCS#1 v1.5, PSS, ECDSA P-256/P-384), TokenKey::signData with combined and
// local-hash mechanisms, a token restricted to CKM_RSA_PKCS + CKM_ECDSA, RSA-3072, and a key
// with CKA_ALWAYS_AUTHENTICATE. Signatures are verified with OpenSSL against the certificate.
#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/pem.h>

#include <fstream>

#include "pkcs11/open_token.h"
#include "tests/pkcs11/sign_helpers.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::p11 {
namespace {

using test::runTool;
using test::SoftHsmToken;

class SigningTest : public test::SoftHsmTest {
 protected:
  std::unique_ptr<OpenToken> open(const std::string& key = {}) {
    TokenSelector sel;
    sel.module = token().modulePath().string();
    sel.key = key;
    auto t = OpenToken::open(sel, m_prompt);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().technical());
    return t.ok() ? std::move(t).value() : nullptr;
  }
  FixedPinPrompt m_prompt{"123456"};
  const std::string m_data = "Sở Y tế: công văn số 286/SYT-VP về quản lý thiết bị lưu khóa";
};

TEST_F(SigningTest, CmsSignThroughBridgeVerifiesWithOpensslCli) {
  auto keyFile = token().makeRsaKey(2048);
  auto cert =
      token().importKeyAndCert(keyFile, "01", "Lãnh đạo", "/CN=Nguyễn Văn A/O=Sở Y tế (test)");
  ASSERT_TRUE(cert.ok()) << cert.error().context;
  auto tok = open();
  ASSERT_TRUE(tok);
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  EXPECT_NE(id->description.find("Lãnh đạo"), std::string::npos);
  EXPECT_TRUE(isTokenEvpKey(id->key.get()));

  ossl::Ptr<BIO> in(BIO_new_mem_buf(m_data.data(), static_cast<int>(m_data.size())));
  ossl::Ptr<CMS_ContentInfo> cms(
      CMS_sign(id->cert.get(), id->key.get(), nullptr, in.get(), CMS_DETACHED | CMS_BINARY));
  ASSERT_TRUE(cms) << Error::openssl("CMS_sign").context;
  auto sigFile = token().dir() / "sig.p7s";
  {
    ossl::Ptr<BIO> out(BIO_new_file(sigFile.c_str(), "wb"));
    ASSERT_EQ(i2d_CMS_bio(out.get(), cms.get()), 1);
  }
  auto dataFile = token().dir() / "data.txt";
  std::ofstream(dataFile) << m_data;
  auto r = runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                    sigFile.string(), "-content", dataFile.string(), "-CAfile", cert->string(),
                    "-purpose", "any", "-out", "/dev/null"});
  EXPECT_EQ(r.status, 0) << r.out;
  std::ofstream(dataFile) << m_data << "!";
  r = runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", sigFile.string(),
               "-content", dataFile.string(), "-CAfile", cert->string(), "-purpose", "any", "-out",
               "/dev/null"});
  EXPECT_NE(r.status, 0) << "tampered content must not verify";
  EXPECT_EQ(m_prompt.asked(), 1) << "one login for the whole session";
}

TEST_F(SigningTest, DigestSignRsaPkcs1AndPssAndEcdsa) {
  auto rsa = token().makeRsaKey(2048);
  auto ec256 = token().makeEcKey("P-256");
  auto ec384 = token().makeEcKey("P-384");
  ASSERT_TRUE(token().importKeyAndCert(rsa, "01", "rsa", "/CN=RSA").ok());
  ASSERT_TRUE(token().importKeyAndCert(ec256, "02", "p256", "/CN=P256").ok());
  ASSERT_TRUE(token().importKeyAndCert(ec384, "03", "p384", "/CN=P384").ok());
  struct Case {
    std::string id;
    std::filesystem::path file;
    const char* md;
    bool pss;
  } cases[] = {{"01", rsa, "SHA256", false},
               {"01", rsa, "SHA512", false},
               {"01", rsa, "SHA256", true},
               {"02", ec256, "SHA256", false},
               {"03", ec384, "SHA384", false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.id + " " + c.md + (c.pss ? " PSS" : ""));
    auto tok = open(c.id);
    ASSERT_TRUE(tok);
    auto id = tok->signingIdentity();
    ASSERT_TRUE(id.ok()) << id.error().technical();
    auto sig = digestSign(id->key.get(), m_data, c.md, c.pss);
    ASSERT_TRUE(sig.ok()) << sig.error().technical();
    auto pub = loadPublic(c.file);
    EXPECT_TRUE(verifyDigestSign(pub.get(), m_data, *sig, c.md, c.pss));
    EXPECT_FALSE(verifyDigestSign(pub.get(), m_data + ".", *sig, c.md, c.pss));
  }
}

TEST_F(SigningTest, SignDataUsesCombinedMechanismWhenOffered) {
  auto rsa = token().makeRsaKey(3072);
  ASSERT_TRUE(token().importKeyAndCert(rsa, "0a0b", "rsa3072", "/CN=RSA 3072").ok());
  auto tok = open("0a0b");
  ASSERT_TRUE(tok);
  auto key = tok->selectedKey();
  ASSERT_TRUE(key.ok()) << key.error().technical();
  EXPECT_EQ((*key)->view().bits, 3072);
  auto mech = tok->worker()->call(
      [&] { return (*key)->mechanismFor(SignScheme::RsaPkcs1, HashAlg::Sha256, true); });
  EXPECT_EQ(mech, static_cast<CK_MECHANISM_TYPE>(CKM_SHA256_RSA_PKCS));
  std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(m_data.data()),
                                     m_data.size());
  auto pub = loadPublic(rsa);
  for (auto scheme : {SignScheme::RsaPkcs1, SignScheme::RsaPss}) {
    auto sig = tok->worker()->call([&] { return (*key)->signData(scheme, HashAlg::Sha256, data); });
    ASSERT_TRUE(sig.ok()) << sig.error().technical();
    EXPECT_EQ(sig->size(), 384u);
    EXPECT_TRUE(verifyDigestSign(pub.get(), m_data, *sig, "SHA256", scheme == SignScheme::RsaPss));
  }
}

class RestrictedTokenTest : public SigningTest {
 protected:
  SoftHsmToken::Options options() const override {
    SoftHsmToken::Options o;
    o.mechanisms = {"CKM_RSA_PKCS", "CKM_ECDSA"};
    return o;
  }
};

TEST_F(RestrictedTokenTest, FallsBackToLocalHashWithRawMechanisms) {
  auto rsa = token().makeRsaKey(2048);
  auto ec = token().makeEcKey("P-256");
  ASSERT_TRUE(token().importKeyAndCert(rsa, "01", "rsa", "/CN=RSA").ok());
  ASSERT_TRUE(token().importKeyAndCert(ec, "02", "ec", "/CN=EC").ok());
  std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(m_data.data()),
                                     m_data.size());
  {
    auto tok = open("01");
    ASSERT_TRUE(tok);
    EXPECT_FALSE(tok->tokenSession()->hasMechanism(CKM_SHA256_RSA_PKCS));
    auto key = tok->selectedKey();
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(tok->worker()->call([&] {
      return (*key)->mechanismFor(SignScheme::RsaPkcs1, HashAlg::Sha256, true);
    }),
              static_cast<CK_MECHANISM_TYPE>(CKM_RSA_PKCS));
    auto sig = tok->worker()->call(
        [&] { return (*key)->signData(SignScheme::RsaPkcs1, HashAlg::Sha384, data); });
    ASSERT_TRUE(sig.ok()) << sig.error().technical();
    EXPECT_TRUE(verifyDigestSign(loadPublic(rsa).get(), m_data, *sig, "SHA384", false));
    // PSS needs CKM_RSA_PKCS_PSS (or a combined one): refused clearly, not faked.
    auto pss = tok->worker()->call(
        [&] { return (*key)->signData(SignScheme::RsaPss, HashAlg::Sha256, data); });
    ASSERT_FALSE(pss.ok());
    EXPECT_EQ(pss.error().kind, Errc::MechanismUnsupported);
    // The bridge still signs PKCS#1 v1.5 (CKM_RSA_PKCS over the DigestInfo).
    auto id = tok->signingIdentity();
    ASSERT_TRUE(id.ok());
    auto s2 = digestSign(id->key.get(), m_data, "SHA256", false);
    ASSERT_TRUE(s2.ok()) << s2.error().technical();
    EXPECT_TRUE(verifyDigestSign(loadPublic(rsa).get(), m_data, *s2, "SHA256", false));
  }
  {
    auto tok = open("02");
    ASSERT_TRUE(tok);
    auto key = tok->selectedKey();
    ASSERT_TRUE(key.ok());
    auto sig = tok->worker()->call(
        [&] { return (*key)->signData(SignScheme::Ecdsa, HashAlg::Sha256, data); });
    ASSERT_TRUE(sig.ok()) << sig.error().technical();
    EXPECT_TRUE(verifyDigestSign(loadPublic(ec).get(), m_data, *sig, "SHA256", false));
  }
}

TEST_F(SigningTest, AlwaysAuthenticateKeyPromptsBeforeEachSignature) {
  auto rsa = token().makeRsaKey(2048);
  ASSERT_TRUE(token().importKeyAndCert(rsa, "07", "always", "/CN=Always", true).ok());
  auto tok = open();
  ASSERT_TRUE(tok);
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  EXPECT_EQ(m_prompt.asked(), 1);
  for (int i = 0; i < 3; ++i) {
    auto sig = digestSign(id->key.get(), m_data, "SHA256", false);
    ASSERT_TRUE(sig.ok()) << sig.error().technical();
    EXPECT_TRUE(verifyDigestSign(loadPublic(rsa).get(), m_data, *sig, "SHA256", false));
  }
  EXPECT_EQ(m_prompt.asked(), 4) << "one login + one context-specific login per signature";
  EXPECT_EQ(m_prompt.last().kind, PinRequest::Kind::ContextSpecific);
  EXPECT_EQ(m_prompt.last().keyLabel, "always");
}

TEST_F(SigningTest, SelectionErrors) {
  auto a = token().makeEcKey("P-256");
  auto b = token().makeEcKey("P-256");
  ASSERT_TRUE(token().importKeyAndCert(a, "01", "first", "/CN=A").ok());
  ASSERT_TRUE(token().importKeyAndCert(b, "02", "second", "/CN=B").ok());
  auto tok = open();
  ASSERT_TRUE(tok);
  auto amb = tok->signingIdentity();
  ASSERT_FALSE(amb.ok());
  EXPECT_EQ(amb.error().kind, Errc::KeyAmbiguous);
  for (std::string sel : {"second", "02", "pkcs11:object=second", "pkcs11:id=%02;type=private"}) {
    SCOPED_TRACE(sel);
    auto t2 = open(sel);
    ASSERT_TRUE(t2);
    auto id = t2->signingIdentity();
    ASSERT_TRUE(id.ok()) << id.error().technical();
    EXPECT_NE(id->description.find("second"), std::string::npos);
  }
  auto t3 = open("nope");
  ASSERT_TRUE(t3);
  auto none = t3->signingIdentity();
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, Errc::KeyNotFound);
  TokenSelector bad;
  bad.module = token().modulePath().string();
  bad.token = "not this one";
  auto nt = OpenToken::open(bad, m_prompt);
  ASSERT_FALSE(nt.ok());
  EXPECT_EQ(nt.error().kind, Errc::TokenNotFound);
  bad.token.clear();
  bad.key = "pkcs11:object=x?pin-value=1234";
  auto pinUri = OpenToken::open(bad, m_prompt);
  ASSERT_FALSE(pinUri.ok());
  EXPECT_EQ(pinUri.error().kind, Errc::PinSourceInvalid);
}

}  // namespace
}  // namespace kyso::p11
