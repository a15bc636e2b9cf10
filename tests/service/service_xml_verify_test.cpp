// SignXML, VerifyXML, VerifyPDF and Config through the service (issues 19 and 20), as web
// document systems call them: the XML travels base64 in the message, "true"/"false" as strings;
// the signed document, or the Signature element alone that the system places itself, is checked by
// xmlsec1 (an independent verifier); VerifyXML answers the array integrators read
// (SigInfo.SignerCert.SerialNumber, ValidationDetails.SignerCertStatus); VerifyPDF fetches the
// file from the calling site, verifies it as the Verify tab does and shows the report. Trust: the
// test root, the intermediate by AIA and revocation by OCSP from the loopback services.
#include <gtest/gtest.h>

#include "certs/cert_info.h"
#include "src/service/service_host.h"
#include "tests/certs/test_env.h"
#include "tests/service/service_fixture.h"

namespace kyso::service {
namespace {

namespace fs = std::filesystem;

fs::path xmlSample(const std::string& name) {
  return fs::path(test::env("KYSO_TEST_XML")) / name;
}

std::string jsonString(const std::string& s) {
  return Json(s).dump();
}

class ServiceXmlTest : public ServiceTest {
 protected:
  void SetUp() override {
    if (!fs::exists(xmlSample("claim.xml"))) {
      if (test::inCi()) FAIL() << "the XML samples are missing";
      GTEST_SKIP() << "*** SKIPPED: needs the ctest fixture xml_samples";
    }
    ServiceTest::SetUp();
  }
  void configure(ServiceSettings& s) override {
    jobs::VerifyProfileSettings vs;
    vs.trustGovernment = vs.trustPublic = false;
    vs.extraAnchors = {test::pki("root.pem")};
    vs.issuerCache = dir / "issuers";
    vs.crlCache = dir / "crls";
    vs.ocspCache = dir / "ocsp";
    auto profile = jobs::VerifyProfile::create(vs);
    ASSERT_TRUE(profile.ok()) << profile.error().technical();
    s.verify = *profile;
  }
  std::string signXmlRequest(const std::string& xml, const std::string& signatureOnly = "false",
                             const std::string& hashAlg = "Sha256") {
    return R"({"Base64Content":")" + base64(xml) + R"(","ReturnSignatureOnly":")" + signatureOnly +
           R"(","HashAlg":")" + hashAlg + R"(","XmlDsigForm":"false"})";
  }
  // xmlsec1 --verify with the test root and intermediate: the independent verdict.
  int xmlsec1Verify(const fs::path& f, std::string* out) {
    return test::run("xmlsec1 --verify --trusted-pem " + test::pki("root.pem").string() +
                         " --untrusted-pem " + test::pki("gov-ca.pem").string() + " --id-attr:Id " +
                         "DU_LIEU_HOC_BA " + f.string(),
                     out);
  }
  std::string signerSerial() {
    auto cert = test::loadCert(test::pki("signer-rsa2048.pem"));
    return certs::serialHex(cert.get());
  }
};

TEST_F(ServiceXmlTest, SignXmlSignsAClaimFileThatXmlsec1AndVerifyXmlAccept) {
  KYSO_REQUIRE_TOOL("xmlsec1");
  const std::string claim = test::readFile(xmlSample("claim.xml"));
  const test::ServiceAnswer a = client.call("/SignXML", signXmlRequest(claim));
  ASSERT_TRUE(a.replied) << a.error;
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  // The person saw what the document is before signing: its root, layout and fingerprint.
  ASSERT_EQ(host.seen.size(), 1u);
  EXPECT_EQ(host.seen[0].call, Call::SignXML);
  EXPECT_EQ(host.seen[0].xmlRoot, "GIAMDINHHS");
  EXPECT_EQ(host.seen[0].xmlProfile, "bhyt");
  EXPECT_EQ(host.seen[0].documentSha256, sha256Hex(claim));
  EXPECT_FALSE(host.seen[0].signatureOnly);
  auto signedXml = unbase64(a.reply["Signature"].asString(), 64u << 20);
  ASSERT_TRUE(signedXml);
  // The unit's signature in CHUKYDONVI, the rest as it was.
  EXPECT_NE(signedXml->find("<CHUKYDONVI><Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\""),
            std::string::npos)
      << *signedXml;
  const fs::path out = dir / "signed-claim.xml";
  test::writeFile(out, *signedXml);
  std::string said;
  EXPECT_EQ(xmlsec1Verify(out, &said), 0) << said;

  // The system checks what it got back, as integrators do: VerifyXML with the signed text.
  const test::ServiceAnswer v =
      client.call("/VerifyXML", R"({"Data":)" + jsonString(*signedXml) + R"(,"Format":"XML"})");
  ASSERT_TRUE(v.replied) << v.error;
  ASSERT_TRUE(v.reply.isArray()) << v.raw;
  ASSERT_EQ(v.reply.size(), 1u) << v.raw;
  const Json& sig = v.reply[0];
  EXPECT_EQ(sig["Status"].asInt(), 0) << v.raw;
  EXPECT_EQ(sig["SigInfo"]["SignerCert"]["SerialNumber"].asString(), signerSerial());
  EXPECT_EQ(sig["SigInfo"]["Path"].asString(), "/GIAMDINHHS/CHUKYDONVI/Signature");
  ASSERT_TRUE(sig["ValidationDetails"]["SignerCertStatus"].isObject()) << v.raw;
  EXPECT_EQ(sig["ValidationDetails"]["SignerCertStatus"]["Status"].asInt(), 0) << v.raw;
  EXPECT_EQ(sig["ValidationDetails"]["IntegrityStatus"]["Status"].asInt(), 0) << v.raw;
  EXPECT_EQ(host.approvals, 1) << "verifying asks nobody";
  const std::string audit = test::readFile(dir / "audit.jsonl");
  EXPECT_NE(audit.find("\"call\":\"SignXML\""), std::string::npos) << audit;
  EXPECT_NE(audit.find(sha256Hex(claim)), std::string::npos) << audit;
}

TEST_F(ServiceXmlTest, TheSignatureAloneIsPlacedByTheSystemAndStillVerifies) {
  KYSO_REQUIRE_TOOL("xmlsec1");
  // What an integrator sends (a school-record system: ReturnSignatureOnly "true").
  const std::string doc = "<DU_LIEU_HOC_BA Id=\"data\">THÔNG TIN HỌC BẠ</DU_LIEU_HOC_BA>";
  const test::ServiceAnswer a = client.call("/SignXML", signXmlRequest(doc, "true"));
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  ASSERT_EQ(host.seen.size(), 1u);
  EXPECT_TRUE(host.seen[0].signatureOnly);
  EXPECT_EQ(host.seen[0].xmlProfile, "generic");
  auto signature = unbase64(a.reply["Signature"].asString(), 1u << 20);
  ASSERT_TRUE(signature);
  EXPECT_EQ(signature->rfind("<Signature xmlns=\"http://www.w3.org/2000/09/xmldsig#\"", 0), 0u)
      << *signature;
  EXPECT_EQ(signature->find("THÔNG TIN"), std::string::npos) << "the signature alone";
  // The system puts it where it keeps signatures (the end of the root) and stores the document.
  const std::string placed =
      "<DU_LIEU_HOC_BA Id=\"data\">THÔNG TIN HỌC BẠ" + *signature + "</DU_LIEU_HOC_BA>";
  const fs::path out = dir / "placed.xml";
  test::writeFile(out, placed);
  std::string said;
  EXPECT_EQ(xmlsec1Verify(out, &said), 0) << said;
  const test::ServiceAnswer v =
      client.call("/VerifyXML", R"({"Data":")" + base64(placed) + R"(","Format":"XML"})");
  ASSERT_TRUE(v.reply.isArray()) << v.raw;
  EXPECT_EQ(v.reply[0]["Status"].asInt(), 0) << v.raw;
}

TEST_F(ServiceXmlTest, WhatIsNotXmlOrAskedWithSha1IsRefusedWithoutAQuestion) {
  const std::string claim = test::readFile(xmlSample("claim.xml"));
  const std::vector<std::pair<std::string, std::string>> bad = {
      {"not base64", R"({"Base64Content":"%%%","ReturnSignatureOnly":"false"})"},
      {"malformed", signXmlRequest(test::readFile(xmlSample("malformed.xml")))},
      {"entities", signXmlRequest(test::readFile(xmlSample("billion-laughs.xml")))},
      {"external entity", signXmlRequest(test::readFile(xmlSample("xxe.xml")))},
      {"SHA-1", signXmlRequest(claim, "false", "Sha1")},
      {"a flag that is not one",
       R"({"Base64Content":")" + base64(claim) + R"(","ReturnSignatureOnly":"maybe"})"},
  };
  for (const auto& [what, message] : bad) {
    const test::ServiceAnswer a = client.call("/SignXML", message);
    ASSERT_TRUE(a.replied) << what << ": " << a.error;
    EXPECT_EQ(a.reply["Status"].asInt(), 1) << what << ": " << a.raw;
    EXPECT_FALSE(a.reply["Message"].asString().empty()) << what;
  }
  EXPECT_EQ(host.approvals, 0);
}

TEST_F(ServiceXmlTest, ADeclinedXmlSignatureGivesNothing) {
  host.agree = false;
  const test::ServiceAnswer a =
      client.call("/SignXML", signXmlRequest(test::readFile(xmlSample("claim.xml"))));
  EXPECT_EQ(a.reply["Status"].asInt(), 3) << a.raw;
  EXPECT_FALSE(a.reply["Signature"].isString());
  EXPECT_EQ(host.approvals, 1);
}

TEST_F(ServiceXmlTest, VerifyXmlJudgesFilesOthersSignedAndTheirForgeries) {
  // Signed by xmlsec1 with the key in a file: valid.
  const test::ServiceAnswer good = client.call(
      "/VerifyXML",
      R"({"Data":)" + jsonString(test::readFile(xmlSample("x-claim.xml"))) + R"(,"Format":"XML"})");
  ASSERT_TRUE(good.reply.isArray()) << good.raw;
  EXPECT_EQ(good.reply[0]["Status"].asInt(), 0) << good.raw;
  // The same file with the unit's code changed: the content no longer matches its signature.
  const test::ServiceAnswer changed = client.call(
      "/VerifyXML", R"({"Data":)" + jsonString(test::readFile(xmlSample("a-changed.xml"))) +
                        R"(,"Format":"XML"})");
  ASSERT_TRUE(changed.reply.isArray()) << changed.raw;
  EXPECT_EQ(changed.reply[0]["Status"].asInt(), 1) << changed.raw;
  EXPECT_EQ(changed.reply[0]["ValidationDetails"]["IntegrityStatus"]["Status"].asInt(), 1);
  // A signature wrapped around a forged invoice: refused with its sentence.
  const test::ServiceAnswer wrapped = client.call(
      "/VerifyXML", R"({"Data":)" + jsonString(test::readFile(xmlSample("a-wrap-object.xml"))) +
                        R"(,"Format":"XML"})");
  ASSERT_TRUE(wrapped.reply.isArray()) << wrapped.raw;
  EXPECT_EQ(wrapped.reply[0]["Status"].asInt(), 1) << wrapped.raw;
  // No signature, or not XML: a failure with a sentence, not an array.
  const test::ServiceAnswer none =
      client.call("/VerifyXML", R"({"Data":)" + jsonString(test::readFile(xmlSample("claim.xml"))) +
                                    R"(,"Format":"XML"})");
  EXPECT_EQ(none.reply["Status"].asInt(), 1) << none.raw;
  EXPECT_FALSE(none.reply["Message"].asString().empty());
  const test::ServiceAnswer junk = client.call("/VerifyXML", R"({"Data":"not xml at all"})");
  EXPECT_EQ(junk.reply["Status"].asInt(), 1) << junk.raw;
  EXPECT_EQ(host.approvals, 0);
}

TEST_F(ServiceXmlTest, VerifyPdfFetchesFromTheSiteVerifiesAndShowsTheReport) {
  // A letter the leader approved through the service, now on the system.
  const test::ServiceAnswer s = client.call("/SignApproved", fileRequest("letter.pdf"));
  ASSERT_EQ(s.reply["Status"].asInt(), 0) << s.raw;
  fs::copy_file(dir / "uploaded" / "letter.pdf", dir / "files" / "approved.pdf");
  const std::string t = currentToken();
  const test::ServiceAnswer v =
      client.call("/VerifyPDF", R"({"SessionId":"","FileName":")" +
                                    docs.url("/files/approved.pdf?token=" + t) + R"("})");
  ASSERT_TRUE(v.replied) << v.error;
  ASSERT_EQ(v.reply["Status"].asInt(), 0) << v.raw;
  EXPECT_EQ(v.reply["Indication"].asString(), "TOTAL-PASSED") << v.raw;
  ASSERT_EQ(v.reply["Signatures"].size(), 1u) << v.raw;
  EXPECT_EQ(v.reply["Signatures"][0]["Status"].asInt(), 0) << v.raw;
  EXPECT_TRUE(v.reply["Report"].isObject());
  // The person sees the report in kyso's own window.
  ASSERT_EQ(host.shown.size(), 1u);
  EXPECT_EQ(host.shown[0].documentName, "approved.pdf");
  EXPECT_EQ(host.shown[0].origin, pageOrigin());
  ASSERT_TRUE(host.shown[0].report);
  EXPECT_EQ(host.shown[0].report->signatures.size(), 1u);
  EXPECT_EQ(host.approvals, 1) << "only the signature asked";
  // An address off the calling site is refused before anything is fetched.
  const int before = downloads();
  const test::ServiceAnswer off = client.call(
      "/VerifyPDF", R"({"SessionId":"","FileName":"http://127.0.0.2:9/files/approved.pdf"})");
  EXPECT_EQ(off.reply["Status"].asInt(), 1) << off.raw;
  EXPECT_EQ(downloads(), before);
  EXPECT_EQ(host.shown.size(), 1u);
}

TEST_F(ServiceXmlTest, ConfigOpensTheSettingsWindow) {
  const test::ServiceAnswer a = client.call("/Config", "{}");
  EXPECT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  EXPECT_EQ(host.settingsOpened, 1);
}

}  // namespace
}  // namespace kyso::service
