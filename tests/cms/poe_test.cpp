// Proof of existence (ETSI EN 319 102-1): a revoked or expired signer certificate is
// REVOKED_NO_POE / OUT_OF_BOUNDS_NO_POE unless a valid signature timestamp proves the signature
// existed before the revocation / within the validity period; then the signature passes,
// validated at the timestamp's time, with a note.
//
// Timestamps at a chosen past time are made in-process with OpenSSL's TS responder API (the same
// one the loopback TSA uses) signed by the test PKI's TSA key, with TS_RESP_CTX_set_time_cb
// setting genTime. Timestamps "now" come from the real loopback TSA. Revocation comes from the
// loopback OCSP responder and CRLs of the test PKI (revoked.pem is revoked when the PKI is made,
// always after 2025; expired.pem is valid 2020-01-01..2021-01-01).
#include <gtest/gtest.h>
#include <openssl/cms.h>
#include <openssl/pem.h>
#include <openssl/ts.h>

#include <ctime>

#include "tests/cms/cms_test_util.h"

namespace kyso::cms {
namespace {

using test::CmsFixture;

const std::string kContent = "Biên bản kiểm kê thiết bị y tế năm 2025.\n";

int fixedTime(TS_RESP_CTX*, void* data, long* sec, long* usec) {
  *sec = static_cast<long>(*static_cast<std::time_t*>(data));
  *usec = 0;
  return 1;
}

ASN1_INTEGER* serial(TS_RESP_CTX*, void*) {
  ASN1_INTEGER* s = ASN1_INTEGER_new();
  if (s) ASN1_INTEGER_set(s, 77);
  return s;
}

std::time_t utc(const char* iso) {
  auto t = certs::parseIsoTime(iso);
  return t.ok() ? std::chrono::system_clock::to_time_t(*t) : 0;
}

// Adds a signature timestamp with genTime `when` (made by the PKI's TSA) to the first signer.
std::vector<std::uint8_t> timestampAt(const std::vector<std::uint8_t>& der, std::time_t when) {
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (!cms) return {};
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  const ASN1_OCTET_STRING* sv = CMS_SignerInfo_get0_signature(si);
  unsigned char h[32];
  unsigned int hl = 0;
  EVP_Digest(ASN1_STRING_get0_data(sv), static_cast<size_t>(ASN1_STRING_length(sv)), h, &hl,
             EVP_sha256(), nullptr);

  ossl::Ptr<TS_REQ> req(TS_REQ_new());
  ossl::Ptr<TS_MSG_IMPRINT> mi(TS_MSG_IMPRINT_new());
  ossl::Ptr<X509_ALGOR> alg(X509_ALGOR_new());
  if (!req || !mi || !alg) return {};
  X509_ALGOR_set_md(alg.get(), EVP_sha256());
  if (!TS_REQ_set_version(req.get(), 1) || !TS_MSG_IMPRINT_set_algo(mi.get(), alg.get()) ||
      !TS_MSG_IMPRINT_set_msg(mi.get(), h, static_cast<int>(hl)) ||
      !TS_REQ_set_msg_imprint(req.get(), mi.get()) || !TS_REQ_set_cert_req(req.get(), 1))
    return {};
  unsigned char* rq = nullptr;
  int rql = i2d_TS_REQ(req.get(), &rq);
  ossl::Mem<unsigned char> rqGuard(rq);
  ossl::Ptr<BIO> in(BIO_new_mem_buf(rq, rql));

  ossl::Ptr<X509> tsaCert = test::loadCert(test::pki("tsa.pem"));
  ossl::Ptr<BIO> kb(BIO_new_file(test::pki("tsa.key").c_str(), "r"));
  ossl::Ptr<EVP_PKEY> key(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
  ossl::X509Stack chain(sk_X509_new_null());
  sk_X509_push(chain.get(), test::loadCert(test::pki("gov-ca.pem")).release());
  ossl::Ptr<ASN1_OBJECT> policy(OBJ_txt2obj("1.3.6.1.4.1.99999.1.1", 1));
  ossl::Ptr<TS_RESP_CTX> ctx(TS_RESP_CTX_new());
  if (!ctx || !tsaCert || !key || !TS_RESP_CTX_set_signer_cert(ctx.get(), tsaCert.get()) ||
      !TS_RESP_CTX_set_signer_key(ctx.get(), key.get()) ||
      !TS_RESP_CTX_set_certs(ctx.get(), chain.get()) ||
      !TS_RESP_CTX_set_def_policy(ctx.get(), policy.get()) ||
      !TS_RESP_CTX_add_md(ctx.get(), EVP_sha256()))
    return {};
  TS_RESP_CTX_set_ess_cert_id_digest(ctx.get(), EVP_sha256());
  TS_RESP_CTX_set_serial_cb(ctx.get(), serial, nullptr);
  TS_RESP_CTX_set_time_cb(ctx.get(), fixedTime, &when);
  ossl::Ptr<TS_RESP> resp(TS_RESP_create_response(ctx.get(), in.get()));
  PKCS7* token = resp ? TS_RESP_get_token(resp.get()) : nullptr;  // owned by resp
  if (!token) return {};
  unsigned char* tb = nullptr;
  int tl = i2d_PKCS7(token, &tb);
  ossl::Mem<unsigned char> tbGuard(tb);
  if (tl <= 0 ||
      !CMS_unsigned_add1_attr_by_NID(si, NID_id_smime_aa_timeStampToken, V_ASN1_SEQUENCE, tb, tl))
    return {};
  unsigned char* out = nullptr;
  int ol = i2d_CMS_ContentInfo(cms.get(), &out);
  ossl::Mem<unsigned char> outGuard(out);
  return ol > 0 ? std::vector<std::uint8_t>(out, out + ol) : std::vector<std::uint8_t>{};
}

bool hasNote(const SignerReport& s, const std::string& what) {
  for (const auto& n : s.notes)
    if (noteText(n, Lang::En).find(what) != std::string::npos) return true;
  return false;
}

class Poe : public ::testing::Test {
 protected:
  void SetUp() override { KYSO_REQUIRE_PKI(); }
  // Signed with the loopback TSA: genTime is now.
  std::vector<std::uint8_t> signWithLiveTsa(const std::string& who) {
    SignOptions o;
    o.tsaUrl = test::tsaUrl();
    o.http.timeout = std::chrono::milliseconds(5000);
    return test::signBytes(test::identity(who), kContent, o);
  }
  CmsFixture f;
};

TEST_F(Poe, RevokedWithoutTimestampIsRevokedNoPoe) {
  CmsReport r = f.verify(test::signBytes(test::identity("revoked"), kContent), kContent);
  const SignerReport& s = r.signers[0];
  EXPECT_EQ(s.indication, Indication::Indeterminate);
  EXPECT_EQ(s.subIndication, SubIndication::RevokedNoPoe) << cmsReportToJson(r).dump(2);
  EXPECT_TRUE(hasNote(s, "No valid signature timestamp")) << cmsReportToJson(r).dump(2);
}

TEST_F(Poe, RevokedWithTimestampBeforeRevocationPassesWithANote) {
  auto der = timestampAt(test::signBytes(test::identity("revoked"), kContent),
                         utc("2025-06-01T00:00:00Z"));
  ASSERT_FALSE(der.empty());
  CmsReport r = f.verify(der, kContent);
  const SignerReport& s = r.signers[0];
  ASSERT_TRUE(s.timestamp.has_value());
  EXPECT_TRUE(s.timestamp->valid && s.timestamp->trusted) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(s.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(s.validationTimeSource, "timestamp");
  EXPECT_EQ(s.validationTime.rfind("2025-06-01", 0), 0u) << s.validationTime;
  EXPECT_EQ(s.revocationStatus, "revoked-after-timestamp");
  EXPECT_TRUE(hasNote(s, "was revoked on")) << cmsReportToJson(r).dump(2);
  EXPECT_TRUE(hasNote(s, "proves the signature existed before the revocation"));
  Json j = signerReportToJson(s);
  EXPECT_EQ(j["revocation"]["status"].asString(), "revoked-after-timestamp");
}

TEST_F(Poe, RevokedWithTimestampBeforeRevocationAndAtAfterItPasses) {
  // --at after the revocation: judged there first (REVOKED), then at the timestamp's time.
  auto der = timestampAt(test::signBytes(test::identity("revoked"), kContent),
                         utc("2025-06-01T00:00:00Z"));
  f.opt.at = std::chrono::system_clock::now();
  CmsReport r = f.verify(der, kContent);
  const SignerReport& s = r.signers[0];
  EXPECT_EQ(s.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(s.validationTimeSource, "timestamp");
  EXPECT_TRUE(hasNote(s, "was revoked on")) << cmsReportToJson(r).dump(2);
  // --at before the timestamp: the timestamp proves nothing for that time; judged at --at.
  f.opt.at = *certs::parseIsoTime("2024-06-01T00:00:00Z");
  CmsReport early = f.verify(der, kContent);
  EXPECT_EQ(early.signers[0].validationTimeSource, "at");
}

TEST_F(Poe, RevokedWithTimestampAfterRevocationIsRevokedNoPoe) {
  auto der = signWithLiveTsa("revoked");
  ASSERT_FALSE(der.empty()) << "the loopback TSA must answer";
  CmsReport r = f.verify(der, kContent);
  const SignerReport& s = r.signers[0];
  ASSERT_TRUE(s.timestamp.has_value());
  EXPECT_TRUE(s.timestamp->valid);
  EXPECT_EQ(s.indication, Indication::Indeterminate);
  EXPECT_EQ(s.subIndication, SubIndication::RevokedNoPoe) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(s.revocationStatus, "revoked");
  EXPECT_TRUE(hasNote(s, "does not prove")) << cmsReportToJson(r).dump(2);
}

TEST_F(Poe, ExpiredWithoutTimestampIsOutOfBounds) {
  CmsReport r = f.verify(test::signBytes(test::identity("expired"), kContent), kContent);
  EXPECT_EQ(r.signers[0].subIndication, SubIndication::OutOfBoundsNoPoe);
  EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
}

TEST_F(Poe, ExpiredWithTimestampWithinValidityIsValidatedThen) {
  auto der = timestampAt(test::signBytes(test::identity("expired"), kContent),
                         utc("2020-06-01T12:00:00Z"));
  ASSERT_FALSE(der.empty());
  CmsReport r = f.verify(der, kContent);
  const SignerReport& s = r.signers[0];
  EXPECT_EQ(s.indication, Indication::TotalPassed) << cmsReportToJson(r).dump(2);
  EXPECT_EQ(s.validationTimeSource, "timestamp");
  EXPECT_EQ(s.validationTime.rfind("2020-06-01", 0), 0u) << s.validationTime;
  EXPECT_EQ(s.revocationStatus, "good");
  EXPECT_TRUE(hasNote(s, "expired on 2021-01-01")) << cmsReportToJson(r).dump(2);
}

TEST_F(Poe, ExpiredWithTimestampAfterExpiryIsOutOfBounds) {
  // A timestamp after the expiry (the live TSA now, and one made for 2022) proves nothing.
  auto late = timestampAt(test::signBytes(test::identity("expired"), kContent),
                          utc("2022-03-01T00:00:00Z"));
  for (const auto& der : {late, signWithLiveTsa("expired")}) {
    ASSERT_FALSE(der.empty());
    CmsReport r = f.verify(der, kContent);
    const SignerReport& s = r.signers[0];
    ASSERT_TRUE(s.timestamp.has_value());
    EXPECT_TRUE(s.timestamp->valid);
    EXPECT_EQ(s.indication, Indication::Indeterminate);
    EXPECT_EQ(s.subIndication, SubIndication::OutOfBoundsNoPoe) << cmsReportToJson(r).dump(2);
    EXPECT_TRUE(hasNote(s, "does not prove")) << cmsReportToJson(r).dump(2);
  }
}

TEST_F(Poe, TamperedTimestampIsNoProof) {
  // A timestamp over another signature value: invalid, so no proof of existence.
  auto other = timestampAt(test::signBytes(test::identity("revoked"), kContent + "x"),
                           utc("2025-06-01T00:00:00Z"));
  auto mine = test::signBytes(test::identity("revoked"), kContent);
  const unsigned char* p = other.data();
  ossl::Ptr<CMS_ContentInfo> o(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(other.size())));
  p = mine.data();
  ossl::Ptr<CMS_ContentInfo> m(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(mine.size())));
  ASSERT_TRUE(o && m);
  CMS_SignerInfo* osi = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(o.get()), 0);
  CMS_SignerInfo* msi = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(m.get()), 0);
  X509_ATTRIBUTE* a = CMS_unsigned_get_attr(
      osi, CMS_unsigned_get_attr_by_NID(osi, NID_id_smime_aa_timeStampToken, -1));
  ASSERT_TRUE(a);
  ASSERT_EQ(CMS_unsigned_add1_attr(msi, a), 1);
  unsigned char* out = nullptr;
  int ol = i2d_CMS_ContentInfo(m.get(), &out);
  ossl::Mem<unsigned char> g(out);
  CmsReport r = f.verify(std::vector<std::uint8_t>(out, out + ol), kContent);
  const SignerReport& s = r.signers[0];
  ASSERT_TRUE(s.timestamp.has_value());
  EXPECT_FALSE(s.timestamp->valid);
  EXPECT_NE(s.indication, Indication::TotalPassed);
  EXPECT_EQ(s.validationTimeSource, "now");
  EXPECT_EQ(s.revocationStatus, "revoked");
}

}  // namespace
}  // namespace kyso::cms
