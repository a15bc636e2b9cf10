// Per-signature revocation material (/DSS /VRI): a B-LT document signed by kyso's own PAdES code
// (src/pdf: the product's CMS signer, the loopback TSA, OCSP and CRLs fetched from the test
// services) is verified offline, first as made (the signature's /VRI entry answers), then with
// its /DSS edited by hand in a later update: DSS-wide arrays removed (only the VRI entry can
// answer), the VRI key changed (only the DSS-wide arrays can), the VRI entry emptied (its entry
// exists but the DSS-wide arrays answer), and everything removed (no answer: not valid).
#include <gtest/gtest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "src/pdf/pades.h"
#include "src/pdf/pades_services.h"
#include "src/pdfverify/cms_checker.h"
#include "src/pdfverify/file_bytes.h"
#include "src/pdfverify/report.h"
#include "src/pdfverify/verifier.h"
#include "tests/certs/test_env.h"
#include "tests/pdfverify/pdf_builder.h"

namespace kyso::test {
namespace {

using pdfverify::FileReport;
using pdfverify::Indication;

// What the document's /DSS is made of, read with qpdf.
struct DssParts {
  int num = 0;  // object number of the /DSS dictionary
  std::string certs, ocsps, crls;
  std::map<std::string, std::string> vri;  // key -> the entry, unparsed
  std::string root;                        // "N G R"
  int size = 0;
};

class VriTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_PKI();
    const fs::path samples = fs::path(env("KYSO_BINARY_DIR")) / "test-samples";
    ASSERT_TRUE(fs::exists(samples / "classic.pdf")) << samples;
    ASSERT_TRUE(fs::exists(pki("root.pem")));
    m_http.proxy = "none";
    m_http.timeout = std::chrono::milliseconds(15000);
    m_trust.addAnchor(loadCert(pki("root.pem")), "test");
    SigningIdentity id = identity("signer-rsa2048");
    ASSERT_TRUE(id.key && id.cert);
    pdf::CmsContentsMaker signer(id, tsaUrl(), m_http);
    pdf::NetworkLtvSource ltv(m_trust, m_http);
    pdf::PadesRequest req{samples / "classic.pdf",
                          m_tmp / "blt.pdf",
                          AtomicFile::Overwrite::Refuse,
                          {},
                          pdf::PadesLevel::BLT};
    auto r = pdf::signPdfFile(req, signer, &ltv, nullptr);
    ASSERT_TRUE(r.ok()) << r.error().technical();
    m_blt = readFile(m_tmp / "blt.pdf");
    ASSERT_FALSE(m_blt.empty());
  }

  DssParts parts() {
    DssParts p;
    QPDF q;
    q.processMemoryFile("blt.pdf", m_blt.data(), m_blt.size());
    auto dss = q.getRoot().getKey("/DSS");
    EXPECT_TRUE(dss.isDictionary() && dss.isIndirect());
    p.num = dss.getObjGen().getObj();
    auto items = [&](const char* key) {
      return dss.getKey(key).isArray() ? dss.getKey(key).unparse() : std::string("[]");
    };
    p.certs = items("/Certs");
    p.ocsps = items("/OCSPs");
    p.crls = items("/CRLs");
    if (dss.getKey("/VRI").isDictionary())
      for (auto& [k, v] : dss.getKey("/VRI").getDictAsMap()) p.vri[k] = v.unparse();
    p.root = q.getTrailer().getKey("/Root").unparse();
    p.size = static_cast<int>(q.getTrailer().getKey("/Size").getIntValue());
    return p;
  }

  std::string withDss(const DssParts& p, const std::string& body) {
    return appendUpdate(m_blt, {{p.num, body}}, p.size, {}, p.root);
  }

  FileReport verify(const std::string& bytes) {
    cms::VerifyOptions co;
    co.trust = &m_trust;
    co.chain.http.offline = true;
    co.revocation.http.offline = true;
    co.checkRevocation = true;
    pdfverify::KysoCmsChecker checker(co);
    pdfverify::VerifyOptions opt;
    opt.cms = &checker;
    return pdfverify::verifyPdf(pdfverify::FileBytes::fromMemory(bytes, "blt.pdf"), opt);
  }

  static std::string material(const FileReport& r) {
    const Json& m = r.signatures.at(0).crypto.revocation["material"];
    return m.isString() ? m.asString() : "(none)";
  }
  static bool vriEntry(const FileReport& r) {
    return r.signatures.at(0).crypto.revocation["vri_entry"].asBool();
  }

  TempDir m_tmp;
  certs::HttpOptions m_http;
  certs::TrustStore m_trust;
  std::string m_blt;
};

TEST_F(VriTest, KysoBltUsesTheSignaturesVriEntry) {
  FileReport r = verify(m_blt);
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed) << pdfverify::reportJson(r).dump();
  ASSERT_EQ(r.signatures.size(), 1u);
  const auto& s = r.signatures[0];
  EXPECT_EQ(s.indication, Indication::TotalPassed) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(s.crypto.level, "B-LT");
  EXPECT_EQ(s.modifications, pdfverify::Modifications::Allowed) << pdfverify::reportJson(r).dump();
  EXPECT_TRUE(vriEntry(r)) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(material(r), "vri") << pdfverify::reportJson(r).dump();
  EXPECT_EQ(s.crypto.revocation["status"].asString(), "good");
}

TEST_F(VriTest, OnlyTheVriEntryLeftStillAnswers) {
  DssParts p = parts();
  ASSERT_EQ(p.vri.size(), 1u);
  std::string vri;
  for (auto& [k, v] : p.vri) vri += k + " " + v;
  FileReport r =
      verify(withDss(p, "<< /Type /DSS /Certs " + p.certs + " /VRI << " + vri + " >> >>"));
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  EXPECT_EQ(r.signatures[0].indication, Indication::TotalPassed) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(material(r), "vri") << pdfverify::reportJson(r).dump();
}

TEST_F(VriTest, VriKeyOfAnotherSignatureFallsBackToDssArrays) {
  DssParts p = parts();
  ASSERT_EQ(p.vri.size(), 1u);
  const std::string other = "/" + std::string(40, 'A');
  std::string vri;
  for (auto& [k, v] : p.vri) vri += other + " " + v;
  FileReport r = verify(withDss(p, "<< /Type /DSS /Certs " + p.certs + " /OCSPs " + p.ocsps +
                                       " /CRLs " + p.crls + " /VRI << " + vri + " >> >>"));
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  EXPECT_EQ(r.signatures[0].indication, Indication::TotalPassed) << pdfverify::reportJson(r).dump();
  EXPECT_FALSE(vriEntry(r));
  EXPECT_EQ(material(r), "dss") << pdfverify::reportJson(r).dump();
}

TEST_F(VriTest, EmptiedVriEntryFallsBackToDssArrays) {
  DssParts p = parts();
  ASSERT_EQ(p.vri.size(), 1u);
  std::string key = p.vri.begin()->first;
  // The signature's entry is still there but holds no OCSP response and no CRL.
  FileReport r =
      verify(withDss(p, "<< /Type /DSS /Certs " + p.certs + " /OCSPs " + p.ocsps + " /CRLs " +
                            p.crls + " /VRI << " + key + " << /OCSP [] /CRL [] >> >> >>"));
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  EXPECT_EQ(r.signatures[0].indication, Indication::TotalPassed) << pdfverify::reportJson(r).dump();
  EXPECT_TRUE(vriEntry(r));
  EXPECT_EQ(material(r), "dss") << pdfverify::reportJson(r).dump();
}

TEST_F(VriTest, NoRevocationMaterialOfflineIsNotValid) {
  DssParts p = parts();
  FileReport r = verify(withDss(p, "<< /Type /DSS /Certs " + p.certs + " >>"));
  ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
  EXPECT_NE(r.signatures[0].indication, Indication::TotalPassed) << pdfverify::reportJson(r).dump();
  EXPECT_EQ(material(r), "none") << pdfverify::reportJson(r).dump();
}

}  // namespace
}  // namespace kyso::test
