// Which PKCS#11 mechanism a signature takes, proven on SoftHSM tokens restricted with
// slots.mechanisms so that only one path can succeed:
//  - raw-only (CKM_RSA_PKCS + CKM_ECDSA): TokenKey::signData hashes locally; PSS is refused;
//  - combined-only (CKM_SHAxxx_RSA_PKCS[_PSS] + CKM_ECDSA): signData must use the combined ones;
//  - PSS without CKM_RSA_X_509: the EVP_PKEY bridge signs RSA-PSS with CKM_RSA_PKCS_PSS, both
//    through EVP_DigestSign and OpenSSL's own CMS_sign (checked with `openssl cms -verify`);
//  - unrestricted: the combined mechanisms are chosen.
#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/rand.h>

#include <fstream>

#include "pkcs11/open_token.h"
#include "tests/pkcs11/sign_helpers.h"
#include "tests/support/softhsm_fixture.h"

namespace kyso::p11 {
namespace {

using test::runTool;
using test::SoftHsmToken;

constexpr HashAlg kHashes[] = {HashAlg::Sha256, HashAlg::Sha384, HashAlg::Sha512};

class MechanismTest : public test::SoftHsmTest {
 protected:
  std::unique_ptr<OpenToken> open(const std::string& key) {
    TokenSelector sel;
    sel.module = token().modulePath().string();
    sel.key = key;
    auto t = OpenToken::open(sel, m_prompt);
    EXPECT_TRUE(t.ok()) << (t.ok() ? "" : t.error().technical());
    return t.ok() ? std::move(t).value() : nullptr;
  }
  std::span<const std::uint8_t> data() const {
    return {reinterpret_cast<const std::uint8_t*>(m_data.data()), m_data.size()};
  }
  FixedPinPrompt m_prompt{"123456"};
  const std::string m_data = "Quyết định số 1234/QĐ-SYT về việc ký số văn bản";
};

template <int N>
class Restricted : public MechanismTest {
 protected:
  SoftHsmToken::Options options() const override {
    SoftHsmToken::Options o;
    if (N == 0) o.mechanisms = {"CKM_RSA_PKCS", "CKM_ECDSA"};
    if (N == 1)
      o.mechanisms = {"CKM_SHA256_RSA_PKCS",
                      "CKM_SHA384_RSA_PKCS",
                      "CKM_SHA512_RSA_PKCS",
                      "CKM_SHA256_RSA_PKCS_PSS",
                      "CKM_SHA384_RSA_PKCS_PSS",
                      "CKM_SHA512_RSA_PKCS_PSS",
                      "CKM_ECDSA"};
    if (N == 2) o.mechanisms = {"CKM_RSA_PKCS", "CKM_RSA_PKCS_PSS", "CKM_ECDSA"};
    return o;
  }
};
using RawOnly = Restricted<0>;
using CombinedOnly = Restricted<1>;
using PssNoRawRsa = Restricted<2>;

TEST_F(RawOnly, EverySchemeAndHashHashesLocally) {
  auto rsa = token().makeRsaKey(2048);
  auto ec = token().makeEcKey("P-256");
  ASSERT_TRUE(token().importKeyAndCert(rsa, "01", "rsa", "/CN=RSA").ok());
  ASSERT_TRUE(token().importKeyAndCert(ec, "02", "ec", "/CN=EC").ok());
  for (auto [id, scheme, file] :
       {std::tuple{"01", SignScheme::RsaPkcs1, rsa}, std::tuple{"02", SignScheme::Ecdsa, ec}}) {
    auto tok = open(id);
    ASSERT_TRUE(tok);
    auto key = tok->selectedKey();
    ASSERT_TRUE(key.ok()) << key.error().technical();
    auto pub = loadPublic(file);
    for (HashAlg h : kHashes) {
      SCOPED_TRACE(std::string(id) + " " + hashName(h));
      EXPECT_EQ(tok->worker()->call([&] { return (*key)->mechanismFor(scheme, h, true); }),
                scheme == SignScheme::Ecdsa ? CKM_ECDSA : CKM_RSA_PKCS);
      auto sig = tok->worker()->call([&] { return (*key)->signData(scheme, h, data()); });
      ASSERT_TRUE(sig.ok()) << sig.error().technical();
      EXPECT_TRUE(verifyDigestSign(pub.get(), m_data, *sig, hashName(h), false));
      EXPECT_FALSE(verifyDigestSign(pub.get(), m_data + " ", *sig, hashName(h), false));
    }
  }
  // RSA-PSS needs CKM_RSA_PKCS_PSS or CKM_RSA_X_509: the bridge says which is missing.
  auto tok = open("01");
  ASSERT_TRUE(tok);
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  auto pss = digestSign(id->key.get(), m_data, "SHA256", true);
  ASSERT_FALSE(pss.ok());
  EXPECT_EQ(pss.error().kind, Errc::MechanismUnsupported) << pss.error().technical();
}

TEST_F(CombinedOnly, SignDataUsesTheCombinedMechanisms) {
  auto rsa = token().makeRsaKey(2048);
  ASSERT_TRUE(token().importKeyAndCert(rsa, "01", "rsa", "/CN=RSA").ok());
  auto tok = open("01");
  ASSERT_TRUE(tok);
  auto key = tok->selectedKey();
  ASSERT_TRUE(key.ok()) << key.error().technical();
  auto pub = loadPublic(rsa);
  for (auto scheme : {SignScheme::RsaPkcs1, SignScheme::RsaPss}) {
    for (HashAlg h : kHashes) {
      SCOPED_TRACE(std::string(hashName(h)) + (scheme == SignScheme::RsaPss ? " PSS" : ""));
      CK_MECHANISM_TYPE m =
          tok->worker()->call([&] { return (*key)->mechanismFor(scheme, h, true); });
      EXPECT_NE(m, static_cast<CK_MECHANISM_TYPE>(CKM_RSA_PKCS));
      EXPECT_NE(m, static_cast<CK_MECHANISM_TYPE>(CKM_RSA_PKCS_PSS));
      // Only the combined mechanism exists on this token: success proves it was used.
      auto sig = tok->worker()->call([&] { return (*key)->signData(scheme, h, data()); });
      ASSERT_TRUE(sig.ok()) << sig.error().technical();
      bool pss = scheme == SignScheme::RsaPss;
      EXPECT_TRUE(verifyDigestSign(pub.get(), m_data, *sig, hashName(h), pss));
      EXPECT_FALSE(verifyDigestSign(pub.get(), m_data + " ", *sig, hashName(h), pss));
    }
  }
  // A precomputed digest cannot go through a combined mechanism: a clear refusal.
  Bytes digest(32, 0x11);
  auto r = tok->worker()->call(
      [&] { return (*key)->signDigest(SignScheme::RsaPkcs1, HashAlg::Sha256, digest); });
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::MechanismUnsupported);
}

TEST_F(MechanismTest, UnrestrictedTokenPrefersCombinedMechanisms) {
  auto rsa = token().makeRsaKey(2048);
  auto ec = token().makeEcKey("P-256");
  ASSERT_TRUE(token().importKeyAndCert(rsa, "01", "rsa", "/CN=RSA").ok());
  ASSERT_TRUE(token().importKeyAndCert(ec, "02", "ec", "/CN=EC").ok());
  auto tok = open("01");
  ASSERT_TRUE(tok);
  auto key = tok->selectedKey();
  ASSERT_TRUE(key.ok()) << key.error().technical();
  auto mech = [&](SignScheme s, HashAlg h) {
    return tok->worker()->call([&] { return (*key)->mechanismFor(s, h, true); });
  };
  EXPECT_EQ(mech(SignScheme::RsaPkcs1, HashAlg::Sha384), CKM_SHA384_RSA_PKCS);
  EXPECT_EQ(mech(SignScheme::RsaPss, HashAlg::Sha512), CKM_SHA512_RSA_PKCS_PSS);
  EXPECT_EQ(mech(SignScheme::RsaPss, HashAlg::Sha256), CKM_SHA256_RSA_PKCS_PSS);
  // SoftHSM 2.6 has no CKM_ECDSA_SHA256: the layer must pick what the token lists.
  bool ecdsaSha256 = tok->tokenSession()->hasMechanism(CKM_ECDSA_SHA256);
  EXPECT_EQ(mech(SignScheme::Ecdsa, HashAlg::Sha256), ecdsaSha256 ? CKM_ECDSA_SHA256 : CKM_ECDSA);
  auto ecTok = open("02");
  ASSERT_TRUE(ecTok);
  auto ecKey = ecTok->selectedKey();
  ASSERT_TRUE(ecKey.ok());
  auto sig = ecTok->worker()->call(
      [&] { return (*ecKey)->signData(SignScheme::Ecdsa, HashAlg::Sha256, data()); });
  ASSERT_TRUE(sig.ok()) << sig.error().technical();
  EXPECT_TRUE(verifyDigestSign(loadPublic(ec).get(), m_data, *sig, "SHA256", false));
  // Bridge PSS on a token with everything (CKM_RSA_PKCS_PSS preferred over CKM_RSA_X_509).
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok());
  for (const char* md : {"SHA256", "SHA384", "SHA512"}) {
    auto s = digestSign(id->key.get(), m_data, md, true);
    ASSERT_TRUE(s.ok()) << s.error().technical();
    EXPECT_TRUE(verifyDigestSign(loadPublic(rsa).get(), m_data, *s, md, true)) << md;
  }
}

TEST_F(PssNoRawRsa, BridgeSignsPssWithCkmRsaPkcsPss) {
  auto rsa = token().makeRsaKey(2048);
  auto cert = token().importKeyAndCert(rsa, "01", "rsa", "/CN=Trần Văn Bình/O=Sở Y tế (test)");
  ASSERT_TRUE(cert.ok()) << cert.error().context;
  auto tok = open("01");
  ASSERT_TRUE(tok);
  EXPECT_FALSE(tok->tokenSession()->hasMechanism(CKM_RSA_X_509));
  auto id = tok->signingIdentity();
  ASSERT_TRUE(id.ok()) << id.error().technical();
  auto pub = loadPublic(rsa);
  for (const char* md : {"SHA256", "SHA384", "SHA512"}) {
    SCOPED_TRACE(md);
    auto s = digestSign(id->key.get(), m_data, md, true);
    ASSERT_TRUE(s.ok()) << s.error().technical();
    EXPECT_EQ(s->size(), 256u);
    EXPECT_TRUE(verifyDigestSign(pub.get(), m_data, *s, md, true));
    EXPECT_FALSE(verifyDigestSign(pub.get(), m_data + " ", *s, md, true));
  }
  // PKCS#1 v1.5 still goes through CKM_RSA_PKCS.
  auto v15 = digestSign(id->key.get(), m_data, "SHA256", false);
  ASSERT_TRUE(v15.ok()) << v15.error().technical();
  EXPECT_TRUE(verifyDigestSign(pub.get(), m_data, *v15, "SHA256", false));

  // A salt CKM_RSA_PKCS_PSS cannot be asked for here (20 bytes with SHA-256) needs raw RSA,
  // which this token lacks: a clear MechanismUnsupported, no signature.
  {
    ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    ASSERT_EQ(
        EVP_DigestSignInit_ex(ctx.get(), &pctx, "SHA256", nullptr, nullptr, id->key.get(), nullptr),
        1);
    EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
    EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, 20);
    Bytes sig(256);
    std::size_t len = sig.size();
    auto* p = reinterpret_cast<const unsigned char*>(m_data.data());
    EXPECT_NE(EVP_DigestSign(ctx.get(), sig.data(), &len, p, m_data.size()), 1);
    const Error err = Error::openssl("EVP_DigestSign");
    EXPECT_EQ(err.kind, Errc::MechanismUnsupported) << err.technical();
  }

  // OpenSSL's own CMS_sign with RSASSA-PSS through the bridge, checked by `openssl cms -verify`.
  for (const char* md : {"SHA256", "SHA384", "SHA512"}) {
    SCOPED_TRACE(md);
    ossl::Ptr<BIO> in(BIO_new_mem_buf(m_data.data(), static_cast<int>(m_data.size())));
    ossl::Ptr<CMS_ContentInfo> cms(
        CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
    ASSERT_TRUE(cms);
    CMS_SignerInfo* si =
        CMS_add1_signer(cms.get(), id->cert.get(), id->key.get(), EVP_get_digestbyname(md),
                        CMS_KEY_PARAM | CMS_BINARY | CMS_PARTIAL);
    ASSERT_TRUE(si);
    EVP_PKEY_CTX* pctx = CMS_SignerInfo_get0_pkey_ctx(si);
    ASSERT_TRUE(pctx);
    ASSERT_GT(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING), 0);
    ASSERT_GT(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST), 0);
    ASSERT_EQ(CMS_final(cms.get(), in.get(), nullptr, CMS_DETACHED | CMS_BINARY), 1)
        << Error::openssl("CMS_final").technical();
    auto sigFile = token().dir() / (std::string("pss-") + md + ".p7s");
    {
      ossl::Ptr<BIO> out(BIO_new_file(sigFile.c_str(), "wb"));
      ASSERT_EQ(i2d_CMS_bio(out.get(), cms.get()), 1);
    }
    auto dataFile = token().dir() / "data.txt";
    std::ofstream(dataFile, std::ios::binary) << m_data;
    auto r = runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                      sigFile.string(), "-content", dataFile.string(), "-CAfile", cert->string(),
                      "-purpose", "any", "-out", "/dev/null"});
    EXPECT_EQ(r.status, 0) << r.out;
    auto printed = runTool({"openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in",
                            sigFile.string(), "-noout"});
    EXPECT_NE(printed.out.find("rsassaPss"), std::string::npos) << printed.out;
  }
}

// ecdsaRawToDer writes the DER by hand: it must equal OpenSSL's i2d_ECDSA_SIG for every shape of
// r and s (leading zeros, top bit set, zero, P-256/P-384/P-521 sizes).
TEST(EcdsaDer, MatchesOpenssl) {
  std::vector<Bytes> raws;
  for (std::size_t half : {32u, 48u, 66u}) {
    for (int shape = 0; shape < 6; ++shape) {
      Bytes r(half), s(half);
      RAND_bytes(r.data(), static_cast<int>(half));
      RAND_bytes(s.data(), static_cast<int>(half));
      if (shape == 1) r[0] |= 0x80;                          // needs a 0x00 pad
      if (shape == 2) r[0] = 0, r[1] = 0, r[2] &= 0x7f;      // leading zeros dropped
      if (shape == 3) std::fill(s.begin(), s.end() - 1, 0);  // tiny s
      if (shape == 4) std::fill(r.begin(), r.end(), 0);      // zero (not valid, still DER)
      if (shape == 5) r[0] = 0, r[1] |= 0x80;                // zero dropped, then padded
      Bytes raw = r;
      raw.insert(raw.end(), s.begin(), s.end());
      raws.push_back(raw);
    }
  }
  for (const auto& raw : raws) {
    auto mine = ecdsaRawToDer(raw);
    ASSERT_TRUE(mine.ok());
    std::size_t half = raw.size() / 2;
    ossl::Ptr<ECDSA_SIG> sig(ECDSA_SIG_new());
    ECDSA_SIG_set0(sig.get(), BN_bin2bn(raw.data(), static_cast<int>(half), nullptr),
                   BN_bin2bn(raw.data() + half, static_cast<int>(half), nullptr));
    unsigned char* der = nullptr;
    int n = i2d_ECDSA_SIG(sig.get(), &der);
    ossl::Mem<unsigned char> g(der);
    ASSERT_GT(n, 0);
    EXPECT_EQ(*mine, Bytes(der, der + n));
  }
  EXPECT_FALSE(ecdsaRawToDer(Bytes(33, 1)).ok());
  EXPECT_FALSE(ecdsaRawToDer(Bytes()).ok());
  EXPECT_FALSE(ecdsaRawToDer(Bytes(200, 1)).ok());
}

}  // namespace
}  // namespace kyso::p11
