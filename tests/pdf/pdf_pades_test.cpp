// PAdES levels with the product's CMS signer (kyso::cms), TSA client and revocation fetching
// (kyso::certs) against the loopback test services: B-T's signature timestamp verifies with
// `openssl ts -verify`; B-LT's /DSS holds OCSP responses and CRLs for the chain and the TSA with a
// VRI entry; B-LTA ends with an ETSI.RFC3161 document timestamp whose imprint covers its byte
// range; `extend` raises a file signed by podofosign. Every output passes pdfsig and qpdf --check.
#include <gtest/gtest.h>
#include <openssl/pem.h>

#include <fstream>
#include <sstream>

#include "certs/cert_info.h"
#include "src/pdf/pades.h"
#include "src/pdf/pades_services.h"
#include "src/pdf/pdf_syntax.h"
#include "tests/pdf/pdf_test_support.h"

namespace kyso::pdf {
namespace {
namespace fs = std::filesystem;

std::string readFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}
void writeFile(const fs::path& p, std::string_view s) {
  std::ofstream f(p, std::ios::binary);
  f.write(s.data(), static_cast<std::streamsize>(s.size()));
}
std::string sha256Hex(std::string_view s) {
  unsigned char md[32];
  unsigned int n = 0;
  EVP_Digest(s.data(), s.size(), md, &n, EVP_sha256(), nullptr);
  return hexUpper(std::span<const unsigned char>(md, n));
}

SigningIdentity loadIdentity(const std::string& who) {
  SigningIdentity id;
  auto dir = test::pkiDir();
  auto certs = certs::loadCertificates(dir / (who + ".pem"));
  if (certs.ok() && !certs->empty()) id.cert = std::move(certs->front());
  ossl::Ptr<BIO> kb(BIO_new_file((dir / (who + ".key")).c_str(), "r"));
  if (kb) id.key.reset(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
  id.chain.reset(sk_X509_new_null());
  auto chain = certs::loadCertificates(dir / "chain.pem");
  if (chain.ok())
    for (auto& c : *chain) sk_X509_push(id.chain.get(), c.release());
  return id;
}

class PadesLevelsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfsig", "qpdf", "certutil", "openssl"}) {
      if (!test::haveTool(tool)) {
        if (std::getenv("CI")) FAIL() << tool << " missing";
        GTEST_SKIP() << tool << " is not installed";
      }
    }
    ASSERT_TRUE(fs::exists(test::samplesDir() / "classic.pdf"));
    ASSERT_TRUE(fs::exists(test::pkiDir() / "root.pem"));
    const char* base = std::getenv("KYSO_TEST_PORT_BASE");
    ASSERT_NE(base, nullptr);
    m_tsa = "http://127.0.0.1:" + std::to_string(std::atoi(base) + 2) + "/";
    m_nss = test::makeNssDb(m_tmp / "nss");
    m_http.proxy = "none";
    m_http.timeout = std::chrono::milliseconds(15000);
    m_trust.addAnchor(std::move(certs::loadCertificates(test::pkiDir() / "root.pem")->front()),
                      "test");
    m_id = loadIdentity("signer-rsa2048");
    ASSERT_TRUE(m_id.key && m_id.cert);
  }
  Result<PadesResult> sign(const fs::path& in, const fs::path& out, PadesLevel level) {
    CmsContentsMaker signer(m_id, level == PadesLevel::BB ? std::nullopt : std::optional(m_tsa),
                            m_http);
    TsaContentsMaker ts(m_tsa, m_http);
    NetworkLtvSource ltv(m_trust, m_http);
    PadesRequest req{in, out, AtomicFile::Overwrite::Refuse, {}, level};
    return signPdfFile(req, signer, &ltv, &ts);
  }
  void checkOutput(const fs::path& in, const fs::path& out, int signatures) {
    EXPECT_TRUE(test::isBytePrefix(in, out));
    std::string qc;
    EXPECT_TRUE(test::qpdfCheck(out, &qc)) << qc;
    auto rep = test::pdfsig(m_nss, out);
    EXPECT_EQ(rep.signatures, signatures) << rep.text;
    EXPECT_EQ(rep.valid, signatures) << rep.text;
    EXPECT_EQ(rep.trusted, signatures) << rep.text;
  }
  test::TempDir m_tmp;
  std::string m_nss, m_tsa;
  certs::HttpOptions m_http;
  certs::TrustStore m_trust;
  SigningIdentity m_id;
};

// The signature timestamp inside our CMS verifies with openssl ts against the test TSA.
TEST_F(PadesLevelsTest, BTTimestampVerifiesWithOpenssl) {
  fs::path in = test::samplesDir() / "objstm.pdf", out = m_tmp / "bt.pdf";
  auto r = sign(in, out, PadesLevel::BT);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  checkOutput(in, out, 1);
  const auto& der = r->signature.contents;
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  ASSERT_TRUE(cms);
  CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
  EXPECT_LT(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1), 0)
      << "PAdES: no signingTime";
  int idx = CMS_unsigned_get_attr_by_NID(si, NID_id_smime_aa_timeStampToken, -1);
  ASSERT_GE(idx, 0) << "B-T needs a signature timestamp";
  ASN1_TYPE* t = X509_ATTRIBUTE_get0_type(CMS_unsigned_get_attr(si, idx), 0);
  ASSERT_TRUE(t && t->type == V_ASN1_SEQUENCE);
  writeFile(
      m_tmp / "tst.der",
      std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(t->value.sequence)),
                       static_cast<std::size_t>(ASN1_STRING_length(t->value.sequence))));
  ASN1_OCTET_STRING* sigValue = CMS_SignerInfo_get0_signature(si);
  std::string digest =
      sha256Hex(std::string_view(reinterpret_cast<const char*>(ASN1_STRING_get0_data(sigValue)),
                                 static_cast<std::size_t>(ASN1_STRING_length(sigValue))));
  auto pki = test::pkiDir();
  std::string outText;
  int rc = test::run("openssl ts -verify -token_in -in " + (m_tmp / "tst.der").string() +
                         " -digest " + digest + " -CAfile " + (pki / "root.pem").string() +
                         " -untrusted " + (pki / "chain.pem").string(),
                     &outText);
  EXPECT_EQ(rc, 0) << outText;
  EXPECT_NE(outText.find("Verification: OK"), std::string::npos) << outText;
}

// B-LT: a DSS with OCSP responses and CRLs for the chain and the TSA, keyed by the signature.
// B-LTA: then a document timestamp over everything before it.
TEST_F(PadesLevelsTest, BLTAndBLTA) {
  fs::path in = test::samplesDir() / "classic.pdf";
  fs::path lt = m_tmp / "lt.pdf", lta = m_tmp / "lta.pdf";
  auto r = sign(in, lt, PadesLevel::BLT);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  EXPECT_TRUE(r->dssAdded);
  checkOutput(in, lt, 1);
  auto doc = PdfDocument::open(lt);
  ASSERT_TRUE(doc.ok());
  auto dss = (*doc)->qpdf().getRoot().getKey("/DSS");
  ASSERT_TRUE(dss.isDictionary());
  EXPECT_GE(dss.getKey("/OCSPs").getArrayNItems(), 2) << "signer and TSA (both issued by gov-ca)";
  EXPECT_GE(dss.getKey("/CRLs").getArrayNItems(), 1) << "gov-ca's CRL from root";
  EXPECT_GE(dss.getKey("/Certs").getArrayNItems(), 4) << "signer, gov-ca, root, TSA";
  std::string key;
  {
    unsigned char md[20];
    unsigned int n = 0;
    EVP_Digest(r->signature.contents.data(), r->signature.contents.size(), md, &n, EVP_sha1(),
               nullptr);
    key = "/" + hexUpper(std::span<const unsigned char>(md, n));
  }
  auto vri = dss.getKey("/VRI").getKey(key);
  ASSERT_TRUE(vri.isDictionary()) << "VRI entry " << key;
  EXPECT_TRUE(vri.getKey("/OCSP").isArray());
  // Each OCSP response parses and says good.
  auto first = dss.getKey("/OCSPs").getArrayItem(0).getStreamData();
  writeFile(m_tmp / "ocsp.der",
            std::string_view(reinterpret_cast<const char*>(first->getBuffer()), first->getSize()));
  std::string text;
  EXPECT_EQ(
      test::run("openssl ocsp -respin " + (m_tmp / "ocsp.der").string() + " -resp_text -noverify",
                &text),
      0);
  EXPECT_NE(text.find("Cert Status: good"), std::string::npos) << text;
  doc->reset();

  auto e = [&] {
    TsaContentsMaker ts(m_tsa, m_http);
    NetworkLtvSource ltv(m_trust, m_http);
    return extendPdfFile(lt, lta, AtomicFile::Overwrite::Refuse, PadesLevel::BLTA, ltv, &ts);
  }();
  ASSERT_TRUE(e.ok()) << e.error().technical();
  EXPECT_TRUE(e->docTimestampAdded);
  EXPECT_TRUE(test::isBytePrefix(lt, lta));
  auto rep = test::pdfsig(m_nss, lta);
  EXPECT_EQ(rep.signatures, 2) << rep.text;
  // poppler 22.12 cannot validate ETSI.RFC3161 ("Signature Type: unknown"): the signature stays
  // valid and the timestamp covers the whole file; its token is checked with openssl below.
  EXPECT_GE(rep.valid, 1) << rep.text;
  EXPECT_TRUE(rep.lastCoversAll) << rep.text;
  std::string qc;
  EXPECT_TRUE(test::qpdfCheck(lta, &qc)) << qc;

  // The document timestamp's imprint is the SHA-256 of its byte range.
  auto d2 = PdfDocument::open(lta);
  ASSERT_TRUE(d2.ok());
  auto contents = signatureContents(**d2);
  ASSERT_TRUE(contents.ok());
  ASSERT_EQ(contents->size(), 2u);
  auto fields = (*d2)->signatureFields();
  ASSERT_TRUE(fields.ok());
  auto tsDict = (*d2)->qpdf().getObjectByObjGen(fields->back().objgen).getKey("/V");
  EXPECT_TRUE(tsDict.getKey("/Type").isNameAndEquals("/DocTimeStamp"));
  EXPECT_TRUE(tsDict.getKey("/SubFilter").isNameAndEquals("/ETSI.RFC3161"));
  std::string all = readFile(lta);
  auto brAt = all.rfind("/ByteRange [");
  std::istringstream br(all.substr(brAt + 12, 60));
  unsigned long long a, b, c, d;
  br >> a >> b >> c >> d;
  std::string covered = all.substr(a, b) + all.substr(c, d);
  EXPECT_EQ(c + d, all.size());
  const auto& tst = contents->back();
  writeFile(m_tmp / "doc-tst.der",
            std::string_view(reinterpret_cast<const char*>(tst.data()), tst.size()));
  std::string outText;
  int rc = test::run("openssl ts -verify -token_in -in " + (m_tmp / "doc-tst.der").string() +
                         " -digest " + sha256Hex(covered) + " -CAfile " +
                         (test::pkiDir() / "root.pem").string() + " -untrusted " +
                         (test::pkiDir() / "chain.pem").string(),
                     &outText);
  EXPECT_EQ(rc, 0) << outText;
}

// `extend` on a file another tool signed with a key of the test PKI (podofosign embeds only the
// signer certificate: the chain comes by AIA from the HTTP service).
TEST_F(PadesLevelsTest, ExtendsAFileSignedByPodofosign) {
  if (!test::haveTool("podofosign")) {
    if (std::getenv("CI")) FAIL() << "podofosign missing";
    GTEST_SKIP() << "podofosign is not installed";
  }
  auto pki = test::pkiDir();
  fs::path in = m_tmp / "podofo.pdf", out = m_tmp / "podofo-lt.pdf";
  std::string o;
  ASSERT_EQ(test::run("podofosign -in " + (test::samplesDir() / "classic.pdf").string() + " -out " +
                          in.string() + " -cert " + (pki / "signer-rsa3072.pem").string() +
                          " -pkey " + (pki / "signer-rsa3072.key").string(),
                      &o),
            0)
      << o;
  NetworkLtvSource ltv(m_trust, m_http);
  auto e = extendPdfFile(in, out, AtomicFile::Overwrite::Refuse, PadesLevel::BLT, ltv, nullptr);
  ASSERT_TRUE(e.ok()) << e.error().technical();
  EXPECT_TRUE(test::isBytePrefix(in, out));
  auto rep = test::pdfsig(m_nss, out);
  EXPECT_EQ(rep.valid, 1) << rep.text;
  auto doc = PdfDocument::open(out);
  ASSERT_TRUE(doc.ok());
  EXPECT_GE((*doc)->qpdf().getRoot().getKey("/DSS").getKey("/OCSPs").getArrayNItems(), 1);
  // Unsigned input: nothing to extend.
  auto none = extendPdfFile(test::samplesDir() / "classic.pdf", m_tmp / "x.pdf",
                            AtomicFile::Overwrite::Refuse, PadesLevel::BLT, ltv, nullptr);
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().kind, Errc::PdfNoSignature);
  EXPECT_FALSE(fs::exists(m_tmp / "x.pdf"));
}

// A revoked signer gets no B-LT document: the revocation is reported.
TEST_F(PadesLevelsTest, RevokedSignerIsNotExtended) {
  m_id = loadIdentity("revoked");
  auto r = sign(test::samplesDir() / "classic.pdf", m_tmp / "rev.pdf", PadesLevel::BLT);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::CertificateRevoked) << r.error().technical();
  EXPECT_FALSE(fs::exists(m_tmp / "rev.pdf"));
}

}  // namespace
}  // namespace kyso::pdf
