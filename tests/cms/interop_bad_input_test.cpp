// What `openssl cms -sign` makes, kyso verifies (PKCS#1 v1.5, PSS, ECDSA, enveloping, BER
// indefinite length); and bad input of every kind gets a clear result, never TOTAL-PASSED.
#include <gtest/gtest.h>
#include <openssl/err.h>

#include "src/cms/signed_attrs.h"
#include "tests/cms/cms_test_util.h"

namespace kyso::cms {
namespace {

using test::CmsFixture;
using test::TempDir;
namespace fs = std::filesystem;

const std::string kContent = "Quyết định số 15/QĐ-SYT\n";

class Interop : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_PKI();
    KYSO_REQUIRE_TOOL("openssl");
    test::writeFile(t / "c.txt", kContent);
  }
  // `openssl cms -sign` with the PKI's NAME key; returns the DER.
  std::vector<std::uint8_t> opensslSign(const std::string& name, const std::string& extra) {
    std::string out;
    std::string cmd = "openssl cms -sign -binary -in " + (t / "c.txt").string() + " -signer " +
                      test::pki(name + ".pem").string() + " -inkey " +
                      test::pki(name + ".key").string() + " -certfile " +
                      test::pki("gov-ca.pem").string() + " -outform DER -out " +
                      (t / "s.p7s").string() + " " + extra;
    EXPECT_EQ(test::run(cmd, &out), 0) << cmd << "\n" << out;
    std::string d = test::readFile(t / "s.p7s");
    return std::vector<std::uint8_t>(d.begin(), d.end());
  }
  CmsReport verifyBytes(const std::vector<std::uint8_t>& der, bool withContent = true) {
    if (!withContent) return verifyCmsSlowly(der, nullptr, f.opt);
    return f.verify(der, kContent);
  }
  static void neverPassed(const CmsReport& r) {
    EXPECT_NE(r.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
    for (const auto& s : r.signers) EXPECT_NE(s.indication, Indication::TotalPassed);
  }
  TempDir t;
  CmsFixture f;
};

TEST_F(Interop, OpensslRsaPkcs1) {
  auto r = verifyBytes(opensslSign("signer-rsa2048", "-md sha256"));
  ASSERT_EQ(r.signers.size(), 1u);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
}

TEST_F(Interop, OpensslCadesWithSigningCertificateV2) {
  auto r = verifyBytes(opensslSign("signer-rsa3072", "-md sha384 -cades"));
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
}

TEST_F(Interop, OpensslRsaPss) {
  auto r = verifyBytes(opensslSign(
      "signer-rsa2048", "-md sha256 -keyopt rsa_padding_mode:pss -keyopt rsa_pss_saltlen:32"));
  ASSERT_EQ(r.signers.size(), 1u);
  EXPECT_EQ(r.signers[0].signatureAlgorithm, "RSASSA-PSS");
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(verifyBytes(opensslSign("signer-rsa2048", "-md sha512 -keyopt rsa_padding_mode:pss"))
                .signers[0]
                .indication,
            Indication::TotalPassed);
}

TEST_F(Interop, OpensslEcdsa) {
  auto r = verifyBytes(opensslSign("signer-ec256", "-md sha256"));
  EXPECT_EQ(r.signers[0].signatureAlgorithm, "ECDSA");
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
}

TEST_F(Interop, EnvelopingP7m) {
  auto der = opensslSign("signer-rsa2048", "-nodetach -md sha256");
  CmsReport r = verifyBytes(der, false);
  EXPECT_FALSE(r.detached);
  EXPECT_EQ(std::string(r.eContent.begin(), r.eContent.end()), kContent);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  // A detached-only context (PDF) refuses eContent.
  f.opt.requireDetached = true;
  CmsReport pdf = verifyBytes(der, true);
  EXPECT_EQ(pdf.indication, Indication::TotalFailed);
  EXPECT_EQ(pdf.signers[0].errc, Errc::CmsUnexpectedContent);
}

TEST_F(Interop, BerIndefiniteLengthIsReadAndChecked) {
  auto der = opensslSign("signer-rsa2048", "-stream -md sha256");
  ASSERT_GT(der.size(), 4u);
  EXPECT_EQ(der[1], 0x80) << "openssl -stream should give indefinite length";
  CmsReport r = verifyBytes(der);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  CmsReport wrong = f.verify(der, "other");
  EXPECT_EQ(wrong.signers[0].subIndication, SubIndication::HashFailure);
}

TEST_F(Interop, Sha1IsWeakUnlessAccepted) {
  auto der = opensslSign("signer-rsa2048", "-md sha1");
  CmsReport r = verifyBytes(der);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::CryptoConstraintsFailure);
  neverPassed(r);
  f.opt.acceptWeak = true;
  EXPECT_EQ(verifyBytes(der).signers[0].indication, Indication::TotalPassed);
}

TEST_F(Interop, MissingSignerCertificate) {
  auto der = opensslSign("signer-rsa2048", "-nocerts -md sha256");
  CmsReport r = verifyBytes(der);
  ASSERT_EQ(r.signers.size(), 1u);
  EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::NoSigningCertificateFound);
  EXPECT_TRUE(r.signers[0].digestMatches);
  // Supplying the certificate (as a PDF's /DSS would) completes it.
  f.opt.extraCerts.push_back(test::readFile(test::pki("signer-rsa2048.pem")));
  EXPECT_EQ(verifyBytes(der).signers[0].indication, Indication::TotalPassed);
}

TEST_F(Interop, NoSignerAtAll) {
  std::string out;
  ASSERT_EQ(
      test::run("openssl crl2pkcs7 -nocrl -certfile " + test::pki("signer-rsa2048.pem").string() +
                    " -outform DER -out " + (t / "certs.p7b").string(),
                &out),
      0)
      << out;
  std::string d = test::readFile(t / "certs.p7b");
  CmsReport r = verifyBytes(std::vector<std::uint8_t>(d.begin(), d.end()));
  EXPECT_TRUE(r.signers.empty());
  ASSERT_TRUE(r.error.has_value());
  EXPECT_EQ(r.error->kind, Errc::CmsNoSigner);
  neverPassed(r);
}

// Replaces the first occurrence of `from` by `to` (same length) in the DER.
bool patch(std::vector<std::uint8_t>& der, const std::vector<std::uint8_t>& from,
           const std::vector<std::uint8_t>& to) {
  auto it = std::search(der.begin(), der.end(), from.begin(), from.end());
  if (it == der.end()) return false;
  std::copy(to.begin(), to.end(), it);
  return true;
}

TEST_F(Interop, SignatureOidNamingAnotherHashIsRejected) {
  auto der = opensslSign("signer-ec256", "-md sha256");
  // ecdsa-with-SHA256 (1.2.840.10045.4.3.2) -> ecdsa-with-SHA384 (...4.3.3).
  ASSERT_TRUE(patch(der, {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02},
                    {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x03}));
  CmsReport r = verifyBytes(der);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalFailed);
  EXPECT_EQ(r.signers[0].errc, Errc::CmsAlgorithmMismatch) << cmsReportToJson(r).dump(2);
}

TEST_F(Interop, UnknownSignatureAlgorithm) {
  auto der = opensslSign("signer-ec256", "-md sha256");
  // ecdsa-with-SHA256 -> an unassigned arc of the same length.
  ASSERT_TRUE(patch(der, {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02},
                    {0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x7f, 0x02}));
  CmsReport r = verifyBytes(der);
  neverPassed(r);
  EXPECT_EQ(r.signers[0].errc, Errc::CmsUnknownAlgorithm) << cmsReportToJson(r).dump(2);
}

TEST_F(Interop, FlippedSignatureByte) {
  auto der = opensslSign("signer-rsa2048", "-md sha256");
  der[der.size() - 10] ^= 0x01;  // inside the signature value (last field)
  CmsReport r = verifyBytes(der);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalFailed);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::SigCryptoFailure);
}

// A CMS signed by hand with the PKI's NAME key; `sigOid` names the signature algorithm, and
// `plainEcdsa` turns the DER ECDSA signature into BSI TR-03111 r||s.
std::vector<std::uint8_t> handSigned(const std::string& name, const EVP_MD* md, const char* sigOid,
                                     bool plainEcdsa, const std::string& content) {
  auto id = test::identity(name);
  ossl::Ptr<CMS_ContentInfo> cms(
      CMS_sign(nullptr, nullptr, nullptr, nullptr, CMS_PARTIAL | CMS_DETACHED | CMS_BINARY));
  CMS_SignerInfo* si =
      CMS_add1_signer(cms.get(), id.cert.get(), id.key.get(), md, CMS_PARTIAL | CMS_NOSMIMECAP);
  if (!si) return {};
  X509_ALGOR *dig = nullptr, *sig = nullptr;
  CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &dig, &sig);
  X509_ALGOR_set0(sig, OBJ_txt2obj(sigOid, 1), V_ASN1_UNDEF, nullptr);
  unsigned char h[64];
  unsigned int n = 0;
  EVP_Digest(content.data(), content.size(), h, &n, md, nullptr);
  CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT, OBJ_nid2obj(NID_pkcs7_data),
                              -1);
  CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, h,
                              static_cast<int>(n));
  auto tbs = signedAttributesDer(si);
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  bool eddsa = EVP_PKEY_is_a(id.key.get(), "ED448") || EVP_PKEY_is_a(id.key.get(), "ED25519");
  if (!tbs.ok() ||
      EVP_DigestSignInit(ctx.get(), nullptr, eddsa ? nullptr : md, nullptr, id.key.get()) != 1)
    return {};
  std::vector<unsigned char> s(512);
  size_t sl = s.size();
  if (EVP_DigestSign(ctx.get(), s.data(), &sl, reinterpret_cast<const unsigned char*>(tbs->data()),
                     tbs->size()) != 1)
    return {};
  s.resize(sl);
  if (plainEcdsa) {
    const unsigned char* p = s.data();
    ossl::Ptr<ECDSA_SIG> es(d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(s.size())));
    std::vector<unsigned char> rs(64);
    BN_bn2binpad(ECDSA_SIG_get0_r(es.get()), rs.data(), 32);
    BN_bn2binpad(ECDSA_SIG_get0_s(es.get()), rs.data() + 32, 32);
    s = rs;
  }
  ASN1_STRING_set(CMS_SignerInfo_get0_signature(si), s.data(), static_cast<int>(s.size()));
  unsigned char* out = nullptr;
  int len = i2d_CMS_ContentInfo(cms.get(), &out);
  ossl::Mem<unsigned char> guard(out);
  return len > 0 ? std::vector<std::uint8_t>(out, out + len) : std::vector<std::uint8_t>{};
}

TEST_F(Interop, EcdsaPlainRsForm) {
  // ecdsa-plain-SHA256 (BSI TR-03111): the signature value is r||s, not a DER SEQUENCE.
  auto der = handSigned("signer-ec256", EVP_sha256(), "0.4.0.127.0.7.1.1.4.1.3", true, kContent);
  ASSERT_FALSE(der.empty());
  CmsReport r = verifyBytes(der);
  EXPECT_EQ(r.signers[0].signatureAlgorithm, "ECDSA-plain");
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  // The plain OID with a digest of another hash is refused.
  auto mismatch =
      handSigned("signer-ec256", EVP_sha384(), "0.4.0.127.0.7.1.1.4.1.3", true, kContent);
  CmsReport m = verifyBytes(mismatch);
  EXPECT_EQ(m.signers[0].errc, Errc::CmsAlgorithmMismatch) << cmsReportToJson(m).dump(2);
  // A DER signature labelled plain does not verify.
  auto wrongForm =
      handSigned("signer-ec256", EVP_sha256(), "0.4.0.127.0.7.1.1.4.1.3", false, kContent);
  neverPassed(verifyBytes(wrongForm));
}

TEST_F(Interop, Ed448WithSha512IsRejected) {
  // OpenSSL's CMS cannot make EdDSA signatures; this one is made by hand, declaring SHA-512 where
  // RFC 8419 requires SHAKE256.
  auto der = handSigned("signer-ed448", EVP_sha512(), "1.3.101.113", false, kContent);
  ASSERT_FALSE(der.empty());
  CmsReport r = verifyBytes(der);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalFailed);
  EXPECT_EQ(r.signers[0].errc, Errc::CmsAlgorithmMismatch) << cmsReportToJson(r).dump(2);
}

TEST_F(Interop, TruncatedGarbageAndEmpty) {
  auto der = opensslSign("signer-rsa2048", "-md sha256");
  for (size_t cut : {size_t(1), size_t(10), der.size() / 2, der.size() - 1}) {
    std::vector<std::uint8_t> t2(der.begin(), der.begin() + static_cast<long>(cut));
    CmsReport r = verifyBytes(t2);
    neverPassed(r);
    EXPECT_TRUE(r.error.has_value()) << "cut at " << cut;
  }
  std::vector<std::uint8_t> garbage(5000);
  for (size_t i = 0; i < garbage.size(); ++i)
    garbage[i] = static_cast<std::uint8_t>(i * 7919 % 251);
  CmsReport g = verifyBytes(garbage);
  neverPassed(g);
  EXPECT_EQ(g.error->kind, Errc::CmsMalformed);
  CmsReport e = verifyBytes({});
  neverPassed(e);
}

TEST_F(Interop, DeeplyNestedDerIsRefusedQuickly) {
  std::vector<std::uint8_t> nested;
  for (int i = 0; i < 100000; ++i) {
    nested.push_back(0x30);
    nested.push_back(0x80);  // indefinite length, nested 100000 deep
  }
  auto t0 = std::chrono::steady_clock::now();
  CmsReport r = verifyBytes(nested);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
  neverPassed(r);
  EXPECT_TRUE(r.error.has_value());
}

}  // namespace
}  // namespace kyso::cms
