// The service at B-LT (issue 22): its signatures are built as `kyso sign`'s and the Sign tab's are,
// the chains ending at the shipped roots and the front end's own anchors (service/sign_settings.h).
// One document and a vgca_sign_files batch, against the test PKI's TSA, OCSP responder and CRLs:
// each upload verifies and is B-LT (kyso's verifier), and poppler's pdfsig finds it valid. The
// settings themselves: anchors from B-LT only, and an anchor file that cannot be read refuses the
// request before anyone is asked.
#include "src/service/sign_settings.h"
#include "tests/service/service_fixture.h"

namespace kyso::service {
namespace {

namespace fs = std::filesystem;

class ServiceAtBlt : public ServiceTest {
 protected:
  void configure(ServiceSettings& s) override {
    ServiceTest::configure(s);
    s.level = pdf::PadesLevel::BLT;
    s.tsaUrl = "http://127.0.0.1:" + std::to_string(test::portBase() + 2) + "/";
    s.extraAnchors = {test::pki("root.pem")};
  }
  // The upload's first signature: valid and B-LT (its /DSS holds the chain and the answers).
  void expectBlt(const fs::path& up) {
    ASSERT_TRUE(fs::exists(up)) << up;
    jobs::VerifyProfileSettings vs;
    vs.trustGovernment = vs.trustPublic = false;
    vs.extraAnchors = {test::pki("root.pem")};
    vs.offline = true;  // revocation from the document itself
    auto profile = jobs::VerifyProfile::create(vs);
    ASSERT_TRUE(profile.ok()) << profile.error().technical();
    jobs::VerifyJob job(*profile);
    const pdfverify::FileReport r = job.verifyPdf(up);
    ASSERT_EQ(r.signatures.size(), 1u) << up;
    EXPECT_EQ(r.indication, pdfverify::Indication::TotalPassed) << up;
    EXPECT_EQ(r.signatures[0].crypto.level, "B-LT") << up;
    if (test::haveTool("pdfsig")) {  // poppler's own check of the signature
      std::string out;
      test::run("pdfsig " + up.string(), &out);
      EXPECT_NE(out.find("Signature is Valid"), std::string::npos) << out;
    }
  }
};

TEST_F(ServiceAtBlt, OneDocumentAndABatchAreSignedAtBlt) {
  if (test::portBase() == 0) GTEST_SKIP() << "needs the loopback services (ctest fixture)";
  const test::ServiceAnswer one = client.call("/SignPDF", fileRequest("letter.pdf"));
  ASSERT_TRUE(one.replied) << one.error;
  ASSERT_EQ(one.reply["Status"].asInt(), 0) << one.raw;
  expectBlt(dir / "uploaded" / "letter.pdf");
  fs::copy_file(letter, dir / "files" / "a.pdf");
  fs::copy_file(letter, dir / "files" / "b.pdf");
  const test::ServiceAnswer batch =
      client.call("/vgca_sign_files", batchRequest({"a.pdf", "b.pdf"}));
  ASSERT_TRUE(batch.replied) << batch.error;
  ASSERT_EQ(batch.reply["Status"].asInt(), 0) << batch.raw;
  expectBlt(dir / "uploaded" / "a.pdf");
  expectBlt(dir / "uploaded" / "b.pdf");
}

TEST(ServiceSignSettings, AnchorsFromBltOnlyAndAnUnreadableOneIsRefused) {
  KYSO_REQUIRE_PKI();
  ServiceSettings s;
  s.extraAnchors = {test::pki("root.pem")};
  const auto root = test::loadCert(test::pki("root.pem"));
  s.level = pdf::PadesLevel::BT;
  auto bt = signSettings(s);
  ASSERT_TRUE(bt.ok()) << bt.error().technical();
  EXPECT_TRUE(bt->pdf.trust.anchors().empty()) << "no chain is built below B-LT";
  s.level = pdf::PadesLevel::BLT;
  s.tsaUrl = "http://127.0.0.1:1/";
  auto blt = signSettings(s);
  ASSERT_TRUE(blt.ok()) << blt.error().technical();
  EXPECT_NE(blt->pdf.trust.find(root.get()), nullptr) << "the front end's anchor ends the chains";
  EXPECT_EQ(blt->detached.cms.tsaUrl, s.tsaUrl);
  s.extraAnchors = {test::pki("no-such-root.pem")};
  auto missing = signSettings(s);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().context.find("no-such-root.pem"), std::string::npos)
      << missing.error().technical();
}

// An anchor file that cannot be read: the page is told, and the person is not asked.
TEST_F(ServiceAtBlt, AnUnreadableAnchorRefusesTheRequestBeforeTheQuestion) {
  ServiceSettings s;
  s.sites.testOrigins = {pageOrigin()};
  s.level = pdf::PadesLevel::BLT;
  s.tsaUrl = "http://127.0.0.1:1/";
  s.extraAnchors = {dir / "gone.pem"};
  ScriptedHost other;
  SigningService svc2(s, other);
  const Json reply =
      svc2.handle(*parseOrigin(pageOrigin()), "/SignPDF", fileRequest("letter.pdf"), "en");
  EXPECT_NE(reply["Status"].asInt(), 0) << reply.dump();
  EXPECT_EQ(other.approvals, 0) << "nobody is asked to approve what cannot be signed";
}

}  // namespace
}  // namespace kyso::service
