// Signing and verifying detached CAdES with the test PKI, cross-checked with `openssl cms`, and
// the trust/revocation/timestamp outcomes (revoked, expired, wrong key usage, weak keys, B-T).
#include <gtest/gtest.h>
#include <openssl/pkcs7.h>

#include <algorithm>
#include <sstream>

#include "src/cms/signed_data_template.h"
#include "tests/cms/cms_test_util.h"

namespace kyso::cms {
namespace {

using test::CmsFixture;
using test::TempDir;
namespace fs = std::filesystem;

const std::string kContent = "Công văn số 286/SYT-VP: V/v triển khai chữ ký số.\n";

class SignVerify : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { KYSO_REQUIRE_PKI(); }
};

TEST_P(SignVerify, RoundTripAndOpensslAccepts) {
  KYSO_REQUIRE_TOOL("openssl");
  auto id = test::identity(GetParam());
  ASSERT_TRUE(id.key && id.cert);
  std::istringstream in(kContent);
  auto signedR = signStreamSlowly(id, in, {});
  ASSERT_TRUE(signedR.ok()) << signedR.error().technical();
  auto der = *signedR;
  CmsFixture f;
  CmsReport r = f.verify(der, kContent);
  ASSERT_EQ(r.signers.size(), 1u);
  const SignerReport& s = r.signers[0];
  EXPECT_EQ(s.indication, Indication::TotalPassed)
      << summaryLine(s) << " " << cmsReportToJson(r).dump(2);
  EXPECT_TRUE(s.intact);
  EXPECT_TRUE(s.chainTrusted);
  EXPECT_EQ(s.revocationStatus, "good");
  ASSERT_TRUE(s.signingTime.has_value());
  ASSERT_TRUE(s.signer.has_value());
  EXPECT_EQ(s.signer->organization, "Sở Y tế (test)");
  EXPECT_EQ(summaryLine(s).rfind("Valid: signed by ", 0), 0u);
  // Another content: HASH_FAILURE, never passed.
  CmsReport bad = f.verify(der, kContent + " ");
  EXPECT_EQ(bad.signers[0].indication, Indication::TotalFailed);
  EXPECT_EQ(bad.signers[0].subIndication, SubIndication::HashFailure);
  EXPECT_FALSE(bad.signers[0].intact);
  // OpenSSL's own verifier accepts the same bytes. OpenSSL 3.0's CMS code has no EdDSA support
  // ("no default digest" / "invalid digest"), so EdDSA signatures are checked by kyso only.
  if (GetParam() == "signer-ed448" || GetParam() == "signer-ed25519") return;
  TempDir t;
  test::writeFile(t / "c.txt", kContent);
  test::writeFile(t / "s.p7s", test::str(der));
  std::string out;
  EXPECT_EQ(test::run("openssl cms -verify -binary -inform DER -in " + (t / "s.p7s").string() +
                          " -content " + (t / "c.txt").string() + " -CAfile " +
                          test::pki("root.pem").string() + " -certfile " +
                          test::pki("gov-ca.pem").string() + " -purpose any -out /dev/null",
                      &out),
            0)
      << out;
  // CAdES: the signingCertificateV2 attribute is there.
  EXPECT_EQ(test::run("openssl cms -cmsout -print -inform DER -in " + (t / "s.p7s").string() +
                      " | grep -q id-smime-aa-signingCertificateV2"),
            0);
}

// The SignedData is written by hand around parts OpenSSL encoded (signed_data_template.h): what
// comes out must be the DER OpenSSL itself writes for the same structure, byte for byte (SET OF
// order of attributes and certificates, lengths, tags), for every key type and option.
TEST_P(SignVerify, OutputIsTheDerOpenSslWrites) {
  auto id = test::identity(GetParam());
  ASSERT_TRUE(id.key && id.cert);
  std::vector<SignOptions> variants(3);
  variants[1].signingTime = false;  // PAdES
  variants[1].signingCertificateV2 = false;
  variants[2].includeChain = false;
  if (GetParam().rfind("signer-rsa", 0) == 0) {
    variants.emplace_back().rsaPss = true;
    variants.back().digest = DigestAlg::Sha384;
  }
  for (auto o : variants) {
    if (GetParam() == "signer-ed25519") o.digest = DigestAlg::Sha512;
    if (GetParam() == "signer-ed448") o.digest = DigestAlg::Shake256;
    auto der = test::signBytes(id, kContent, o);
    ASSERT_FALSE(der.empty());
    const unsigned char* p = der.data();
    ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
    ASSERT_TRUE(cms);
    EXPECT_EQ(p, der.data() + der.size());
    unsigned char* re = nullptr;
    int n = i2d_CMS_ContentInfo(cms.get(), &re);
    ossl::Mem<unsigned char> g(re);
    ASSERT_GT(n, 0);
    EXPECT_EQ(std::string(re, re + n), test::str(der))
        << "pss " << o.rsaPss << " time " << o.signingTime << " chain " << o.includeChain;
    CmsReport r = CmsFixture().verify(der, kContent);
    ASSERT_EQ(r.signers.size(), 1u);
    EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
    EXPECT_EQ(r.signers[0].signingTime.has_value(), o.signingTime);
    ossl::X509Stack certs(CMS_get1_certs(cms.get()));
    // The signer's certificate, and the chain's intermediate unless left out.
    EXPECT_EQ(sk_X509_num(certs.get()), o.includeChain && id.chain && sk_X509_num(id.chain.get())
                                            ? 1 + sk_X509_num(id.chain.get())
                                            : 1);
  }
}

INSTANTIATE_TEST_SUITE_P(Keys, SignVerify,
                         ::testing::Values("signer-rsa2048", "signer-rsa3072", "signer-ec256",
                                           "signer-ed25519", "signer-ed448", "org"));

class Cms : public ::testing::Test {
 protected:
  void SetUp() override { KYSO_REQUIRE_PKI(); }
  CmsFixture f;
};

TEST_F(Cms, PadesModeOmitsSigningTimeAndSha384Works) {
  SignOptions o;
  o.signingTime = false;
  o.digest = DigestAlg::Sha384;
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent, o);
  CmsReport r = f.verify(der, kContent);
  ASSERT_EQ(r.signers.size(), 1u);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed);
  EXPECT_FALSE(r.signers[0].signingTime.has_value());
  EXPECT_EQ(r.signers[0].digestAlgorithm, "SHA384");
}

TEST_F(Cms, PrecomputedDigestSignsAndVerifies) {
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(kContent.data(), kContent.size(), md, &n, EVP_sha256(), nullptr);
  auto der =
      signDigestSlowly(test::identity("signer-ec256"), std::span<const std::uint8_t>(md, n), {});
  ASSERT_TRUE(der.ok());
  DetachedContent digestOnly;
  digestOnly.digests[NID_sha256] = std::vector<unsigned char>(md, md + n);
  CmsReport r = verifyCmsSlowly(*der, &digestOnly, f.opt);
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  EXPECT_FALSE(
      signDigestSlowly(test::identity("signer-ec256"), std::span<const std::uint8_t>(md, 20), {})
          .ok());
}

// A batch signs every file through one template: each signature carries its own digest and
// time, UTCTime until 2049 and GeneralizedTime from 2050 (RFC 5652 11.3), and the chain once.
TEST_F(Cms, OneTemplateSignsManyDocuments) {
  auto id = test::identity("signer-rsa2048");
  auto t = SignedDataTemplate::make(id, {});
  ASSERT_TRUE(t.ok()) << t.error().technical();
  struct Doc {
    std::string content;
    std::int64_t time;
    std::string iso;
  };
  const std::vector<Doc> docs = {{kContent, 1764028800, "2025-11-25T00:00:00Z"},
                                 {kContent + "2", 2524608000, "2050-01-01T00:00:00Z"},
                                 {"", 2524607999, "2049-12-31T23:59:59Z"}};
  for (const auto& doc : docs) {
    SignOptions o;
    o.signingTimeOverride = doc.time;
    auto tt = SignedDataTemplate::make(id, o);
    ASSERT_TRUE(tt.ok());
    unsigned char md[32];
    unsigned int n = 0;
    EVP_Digest(doc.content.data(), doc.content.size(), md, &n, EVP_sha256(), nullptr);
    auto der = signDigestSlowly(*tt, id, std::span<const std::uint8_t>(md, n));
    ASSERT_TRUE(der.ok()) << der.error().technical();
    CmsReport r = f.verify(*der, doc.content);
    ASSERT_EQ(r.signers.size(), 1u);
    EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
    ASSERT_TRUE(r.signers[0].signingTime.has_value());
    EXPECT_EQ(*r.signers[0].signingTime, doc.iso);
    // Another document's content does not match this signature.
    EXPECT_EQ(f.verify(*der, doc.content + "x").signers[0].subIndication,
              SubIndication::HashFailure);
  }
  // A digest of the wrong length is refused, not signed.
  unsigned char md[20] = {};
  auto wrong = signDigestSlowly(*t, id, std::span<const std::uint8_t>(md, sizeof md));
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().kind, Errc::UsageError);
  // Options the key cannot sign with are refused when the template is made.
  SignOptions pss;
  pss.rsaPss = true;
  auto ec = SignedDataTemplate::make(test::identity("signer-ec256"), pss);
  ASSERT_FALSE(ec.ok());
  EXPECT_EQ(ec.error().kind, Errc::CmsAlgorithmMismatch);
}

// Issue 16: a claimed signingTime that cannot be true (2047, or before the certificate existed)
// is shown with a note and never used as the time the signature is judged at.
TEST_F(Cms, ImplausibleClaimedSigningTimeIsNotedNotBelieved) {
  auto id = test::identity("signer-rsa2048");
  struct Case {
    std::int64_t time;
    const char* iso;
    const char* says;
  };
  for (const Case& c : {Case{2442960000, "2047-06-01T00:00:00Z", "is later than the time"},
                        Case{946684800, "2000-01-01T00:00:00Z", "is before the signer's"}}) {
    SCOPED_TRACE(c.iso);
    SignOptions o;
    o.signingTimeOverride = c.time;
    auto der = test::signBytes(id, kContent, o);
    ASSERT_FALSE(der.empty());
    CmsReport r = f.verify(der, kContent);
    ASSERT_EQ(r.signers.size(), 1u);
    const SignerReport& s = r.signers[0];
    EXPECT_EQ(s.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
    EXPECT_EQ(s.signingTime.value_or(""), c.iso);
    EXPECT_EQ(s.validationTimeSource, "now");
    EXPECT_NE(s.validationTime.substr(0, 4), std::string(c.iso).substr(0, 4));
    EXPECT_TRUE(std::any_of(s.notes.begin(), s.notes.end(), [&](const Note& note) {
      const std::string n = noteText(note, Lang::En);
      return n.find(c.says) != std::string::npos && n.find(c.iso) != std::string::npos;
    })) << cmsReportToJson(r).dump(2);
  }
  // An ordinary time says nothing.
  CmsReport r = f.verify(test::signBytes(id, kContent, {}), kContent);
  for (const auto& n : r.signers.at(0).notes)
    EXPECT_EQ(noteText(n, Lang::En).find("claims"), std::string::npos) << noteText(n, Lang::En);
}

TEST_F(Cms, SignatureTimestampBT) {
  SignOptions o;
  o.tsaUrl = test::tsaUrl();
  o.http.timeout = std::chrono::milliseconds(3000);
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent, o);
  ASSERT_FALSE(der.empty());
  CmsReport r = f.verify(der, kContent);
  const SignerReport& s = r.signers[0];
  ASSERT_TRUE(s.timestamp.has_value());
  EXPECT_TRUE(s.timestamp->valid) << s.timestamp->detail;
  EXPECT_TRUE(s.timestamp->trusted) << s.timestamp->detail;
  EXPECT_EQ(s.validationTimeSource, "timestamp");
  EXPECT_EQ(s.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  // The TSA that answers another imprint makes signing fail, not a bad file.
  o.tsaUrl = test::tsaUrl("/wrong-imprint");
  std::istringstream in(kContent);
  auto badTsa = signStreamSlowly(test::identity("signer-rsa2048"), in, o);
  ASSERT_FALSE(badTsa.ok());
  EXPECT_EQ(badTsa.error().kind, Errc::TimestampImprintMismatch);
}

TEST_F(Cms, RevokedSignerIsNotPassed) {
  auto der = test::signBytes(test::identity("revoked"), kContent);
  CmsReport r = f.verify(der, kContent);
  const SignerReport& s = r.signers[0];
  EXPECT_TRUE(s.intact);
  EXPECT_EQ(s.indication, Indication::Indeterminate);
  EXPECT_EQ(s.subIndication, SubIndication::RevokedNoPoe) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(s.revocationStatus, "revoked");
}

TEST_F(Cms, ExpiredSignerIsOutOfBoundsNowButValidAtItsTime) {
  auto der = test::signBytes(test::identity("expired"), kContent);
  CmsReport now = f.verify(der, kContent);
  EXPECT_EQ(now.signers[0].indication, Indication::Indeterminate);
  EXPECT_EQ(now.signers[0].subIndication, SubIndication::OutOfBoundsNoPoe);
  f.opt.at = *certs::parseIsoTime("2020-06-01");
  f.opt.checkRevocation = false;
  CmsReport then = f.verify(der, kContent);
  EXPECT_EQ(then.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(then).dump(2);
  EXPECT_EQ(then.signers[0].validationTimeSource, "at");
}

TEST_F(Cms, WrongKeyUsageIsNotPassed) {
  auto der = test::signBytes(test::identity("wrong-ku"), kContent);
  CmsReport r = f.verify(der, kContent);
  EXPECT_TRUE(r.signers[0].intact);
  EXPECT_NE(r.signers[0].indication, Indication::TotalPassed);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::ChainConstraintsFailure);
}

TEST_F(Cms, WeakKeyPolicy) {
  auto der = test::signBytes(test::identity("signer-rsa1024"), kContent);
  CmsReport r = f.verify(der, kContent);
  EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::CryptoConstraintsFailure);
  EXPECT_EQ(r.signers[0].errc, Errc::WeakAlgorithm);
  f.opt.acceptWeak = true;
  CmsReport ok = f.verify(der, kContent);
  EXPECT_EQ(ok.signers[0].indication, Indication::TotalPassed) << cmsReportToJson(ok).dump(2);
}

TEST_F(Cms, UntrustedWhenTheRootIsNotAnAnchor) {
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent);
  certs::TrustStore none = certs::TrustStore::empty();
  f.opt.trust = &none;
  CmsReport r = f.verify(der, kContent);
  EXPECT_TRUE(r.signers[0].intact);
  EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::NoCertificateChainFound);
  EXPECT_FALSE(r.signers[0].chainTrusted);
}

TEST_F(Cms, OfflineRevocationUnknownIsNeverPassed) {
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent);
  f.opt.chain.http.offline = true;
  f.opt.revocation.http.offline = true;
  CmsReport r = f.verify(der, kContent);
  EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
  EXPECT_EQ(r.signers[0].revocationStatus, "unknown");
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::TryLater);
}

TEST_F(Cms, HangingOcspResponderEndsInBoundedTime) {
  auto der = test::signBytes(test::identity("ocsp-hang"), kContent);
  f.opt.revocation.http.timeout = std::chrono::milliseconds(1000);
  auto t0 = std::chrono::steady_clock::now();
  CmsReport r = f.verify(der, kContent);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(8));
  EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
  EXPECT_EQ(r.signers[0].revocationStatus, "unknown");
}

// Adds a counter-signature by NAME over the first signer's signature value (RFC 5652 11.4).
std::vector<std::uint8_t> counterSign(const std::vector<std::uint8_t>& der, const std::string& name,
                                      bool corrupt) {
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  CMS_SignerInfo* parent = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  const ASN1_OCTET_STRING* sv = CMS_SignerInfo_get0_signature(parent);
  auto id = test::identity(name);
  std::unique_ptr<PKCS7_SIGNER_INFO, decltype(&PKCS7_SIGNER_INFO_free)> si(PKCS7_SIGNER_INFO_new(),
                                                                           &PKCS7_SIGNER_INFO_free);
  if (!PKCS7_SIGNER_INFO_set(si.get(), id.cert.get(), id.key.get(), EVP_sha256())) return {};
  unsigned char h[32];
  unsigned int n = 0;
  EVP_Digest(ASN1_STRING_get0_data(sv), static_cast<size_t>(ASN1_STRING_length(sv)), h, &n,
             EVP_sha256(), nullptr);
  if (corrupt) h[0] ^= 1;
  ossl::Ptr<ASN1_OCTET_STRING> md(ASN1_OCTET_STRING_new());
  ASN1_OCTET_STRING_set(md.get(), h, static_cast<int>(n));
  PKCS7_add_signed_attribute(si.get(), NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, md.release());
  if (PKCS7_SIGNER_INFO_sign(si.get()) != 1) return {};
  unsigned char* buf = nullptr;
  int len = i2d_PKCS7_SIGNER_INFO(si.get(), &buf);
  ossl::Mem<unsigned char> g1(buf);
  CMS_unsigned_add1_attr_by_NID(parent, NID_pkcs9_countersignature, V_ASN1_SEQUENCE, buf, len);
  CMS_add1_cert(cms.get(), id.cert.get());
  unsigned char* out = nullptr;
  int olen = i2d_CMS_ContentInfo(cms.get(), &out);
  ossl::Mem<unsigned char> g2(out);
  return olen > 0 ? std::vector<std::uint8_t>(out, out + olen) : std::vector<std::uint8_t>{};
}

TEST_F(Cms, CounterSignaturesAreChecked) {
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent);
  auto withCs = counterSign(der, "signer-ec256", false);
  ASSERT_FALSE(withCs.empty());
  CmsReport r = f.verify(withCs, kContent);
  ASSERT_EQ(r.signers.size(), 1u);
  ASSERT_EQ(r.signers[0].counterSignatures.size(), 1u);
  const SignerReport& cs = r.signers[0].counterSignatures[0];
  EXPECT_TRUE(cs.intact) << cmsReportToJson(r).dump(2);
  // Intact, chain to the test root, unrevoked (loopback OCSP): passed.
  EXPECT_EQ(cs.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  EXPECT_TRUE(cs.chainTrusted);
  EXPECT_EQ(cs.chain.size(), 3u);
  EXPECT_EQ(cs.revocationStatus, "good");
  EXPECT_EQ(cs.signer->commonName, "Lê Thị Hồng Nhung");
  EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed);
  auto broken = counterSign(der, "signer-ec256", true);
  CmsReport b = f.verify(broken, kContent);
  ASSERT_EQ(b.signers[0].counterSignatures.size(), 1u);
  EXPECT_EQ(b.signers[0].counterSignatures[0].indication, Indication::TotalFailed);
  EXPECT_EQ(b.signers[0].counterSignatures[0].subIndication, SubIndication::HashFailure);
}

TEST_F(Cms, CounterSignerChainsAreEvaluated) {
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent);
  struct Case {
    std::string name;
    SubIndication want;
  } cases[] = {{"revoked", SubIndication::RevokedNoPoe},
               {"expired", SubIndication::OutOfBoundsNoPoe},
               {"wrong-ku", SubIndication::ChainConstraintsFailure}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    CmsReport r = f.verify(counterSign(der, c.name, false), kContent);
    ASSERT_EQ(r.signers.size(), 1u);
    ASSERT_EQ(r.signers[0].counterSignatures.size(), 1u);
    const SignerReport& cs = r.signers[0].counterSignatures[0];
    EXPECT_TRUE(cs.intact);
    EXPECT_EQ(cs.indication, Indication::Indeterminate) << cmsReportToJson(r).dump(2);
    EXPECT_EQ(cs.subIndication, c.want) << cmsReportToJson(r).dump(2);
    // The main signature stands on its own, with a note about the counter-signature.
    EXPECT_EQ(r.signers[0].indication, Indication::TotalPassed);
    bool noted = false;
    for (const auto& n : r.signers[0].notes)
      noted |= noteText(n, Lang::En).find("counter-signature") != std::string::npos;
    EXPECT_TRUE(noted);
  }
  // Without the test root as an anchor the counter-signer's chain is not trusted.
  certs::TrustStore none = certs::TrustStore::empty();
  VerifyOptions o = f.opt;
  o.trust = &none;
  auto withCs = counterSign(der, "signer-ec256", false);
  auto content = DetachedContent::fromBytes(std::span<const unsigned char>(
      reinterpret_cast<const unsigned char*>(kContent.data()), kContent.size()));
  CmsReport u = verifyCmsSlowly(withCs, &content, o);
  ASSERT_EQ(u.signers[0].counterSignatures.size(), 1u);
  EXPECT_EQ(u.signers[0].counterSignatures[0].subIndication,
            SubIndication::NoCertificateChainFound);
  EXPECT_FALSE(u.signers[0].counterSignatures[0].chainTrusted);
}

TEST_F(Cms, JsonHasTheSharedFields) {
  auto der = test::signBytes(test::identity("signer-rsa2048"), kContent);
  Json j = cmsReportToJson(f.verify(der, kContent));
  auto parsed = Json::parse(j.dump());
  ASSERT_TRUE(parsed.ok());
  const Json& s = (*parsed)["signatures"][0];
  for (const char* k : {"indication", "subindication", "intact", "signer", "chain", "revocation",
                        "timestamp", "signing_time", "notes"})
    EXPECT_TRUE(s.contains(k)) << k;
  EXPECT_EQ(s["indication"].asString(), "TOTAL-PASSED");
  EXPECT_TRUE(s["chain"]["trusted"].asBool());
  EXPECT_EQ(s["chain"]["status"].asString(), "valid");
  EXPECT_EQ(s["signer"]["common_name"].asString(), "Nguyễn Thị Lấp Lánh");
  EXPECT_EQ(s["revocation"]["status"].asString(), "good");
}

}  // namespace
}  // namespace kyso::cms
