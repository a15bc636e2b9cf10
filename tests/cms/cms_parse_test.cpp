// parseCms (src/cms/cms_parse.h) against OpenSSL's own d2i_CMS_ContentInfo on the same bytes: the
// same structure (compared by re-encoding both), the same end position, the same failures, for
// CMS made by openssl (DER with a chain, BER with indefinite lengths, no certificates), a
// PKCS#7 with a duplicated certificate, the corpus's CMS files, every truncation of a signature,
// trailing bytes, and many threads at once. The certificate cache must actually be used on DER.
#include "src/cms/cms_parse.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>

#include <atomic>
#include <thread>

#include "tests/certs/test_env.h"

namespace kyso::test {
namespace {

using Bytes = std::vector<unsigned char>;

Bytes toBytes(const std::string& s) {
  return Bytes(s.begin(), s.end());
}

std::optional<Bytes> encode(CMS_ContentInfo* c) {
  if (!c) return std::nullopt;
  unsigned char* out = nullptr;
  int n = i2d_CMS_ContentInfo(c, &out);
  if (n <= 0) return std::nullopt;
  Bytes b(out, out + n);
  OPENSSL_free(out);
  return b;
}

// parseCms and d2i_CMS_ContentInfo agree on `der`. Returns whether it parsed.
bool expectSameAsOpenssl(const Bytes& der, const std::string& what) {
  SCOPED_TRACE(what);
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> ref(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  const unsigned char* q = der.data();
  ossl::Ptr<CMS_ContentInfo> ours = cms::parseCms(der, &q);
  ERR_clear_error();
  EXPECT_EQ(!ref, !ours);
  if (!ref || !ours) return false;
  EXPECT_EQ(p - der.data(), q - der.data()) << "end position";
  EXPECT_EQ(encode(ref.get()), encode(ours.get())) << "structure";
  return true;
}

class CmsParseTest : public ::testing::Test {
 protected:
  void SetUp() override {
    KYSO_REQUIRE_PKI();
    KYSO_REQUIRE_TOOL("openssl");
    writeFile(tmp / "content.txt", "Quyết định số 12/QĐ-SYT");
  }
  Bytes opensslSign(const std::string& extra) {
    fs::path out = tmp / "sig.der";
    std::string cmd = "openssl cms -sign -binary -in " + (tmp / "content.txt").string() +
                      " -signer " + pki("signer-rsa2048.pem").string() + " -inkey " +
                      pki("signer-rsa2048.key").string() + " -outform DER -out " + out.string() +
                      " " + extra + " 2>&1";
    std::string log;
    EXPECT_EQ(run(cmd, &log), 0) << log;
    return toBytes(readFile(out));
  }
  TempDir tmp;
};

TEST_F(CmsParseTest, DerWithAChainUsesTheCacheAndMatchesOpenssl) {
  Bytes der = opensslSign("-certfile " + pki("gov-ca.pem").string());
  std::size_t before = cms::cachedCertificateCount();
  ASSERT_TRUE(expectSameAsOpenssl(der, "DER, signer + CA"));
  std::size_t after = cms::cachedCertificateCount();
  EXPECT_GE(after, before) << "cache never shrinks";
  EXPECT_TRUE(after > before || before > 0) << "the fast path was not taken";
  ASSERT_TRUE(expectSameAsOpenssl(der, "again, from the cache"));
  EXPECT_EQ(cms::cachedCertificateCount(), after) << "same certificates, no new entries";
  ossl::Ptr<CMS_ContentInfo> c = cms::parseCms(der);
  ASSERT_TRUE(c);
  ossl::X509Stack certs(CMS_get1_certs(c.get()));
  ASSERT_EQ(sk_X509_num(certs.get()), 2);
  EXPECT_EQ(X509_cmp(sk_X509_value(certs.get(), 0), loadCert(pki("signer-rsa2048.pem")).get()), 0)
      << "certificates keep their order";
}

TEST_F(CmsParseTest, OtherEncodingsTakeThePlainPath) {
  expectSameAsOpenssl(opensslSign("-nocerts"), "no certificates");
  expectSameAsOpenssl(opensslSign("-stream -certfile " + pki("gov-ca.pem").string()),
                      "BER, indefinite lengths");
  Bytes der = opensslSign("");
  Bytes trailing = der;
  for (char c : std::string("\0\0trailing bytes", 16))
    trailing.push_back(static_cast<unsigned char>(c));
  expectSameAsOpenssl(trailing, "trailing bytes");
}

TEST_F(CmsParseTest, DuplicateCertificatesAreKeptAsOpensslKeepsThem) {
  auto cert = loadCert(pki("signer-rsa2048.pem"));
  ossl::Ptr<BIO> kb(BIO_new_file(pki("signer-rsa2048.key").c_str(), "r"));
  ossl::Ptr<EVP_PKEY> key(PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr));
  ASSERT_TRUE(cert && key);
  std::string content = "tờ trình";
  ossl::Ptr<BIO> in(BIO_new_mem_buf(content.data(), static_cast<int>(content.size())));
  ossl::Ptr<PKCS7> p7(
      PKCS7_sign(cert.get(), key.get(), nullptr, in.get(), PKCS7_DETACHED | PKCS7_BINARY));
  ASSERT_TRUE(p7);
  ASSERT_EQ(PKCS7_add_certificate(p7.get(), cert.get()), 1);  // now twice
  unsigned char* out = nullptr;
  int n = i2d_PKCS7(p7.get(), &out);
  ASSERT_GT(n, 0);
  Bytes der(out, out + n);
  OPENSSL_free(out);
  ASSERT_TRUE(expectSameAsOpenssl(der, "the signer's certificate twice"));
  ossl::Ptr<CMS_ContentInfo> c = cms::parseCms(der);
  ossl::X509Stack certs(CMS_get1_certs(c.get()));
  EXPECT_EQ(sk_X509_num(certs.get()), 2);
}

TEST_F(CmsParseTest, EveryTruncationFailsOrMatches) {
  Bytes der = opensslSign("-certfile " + pki("gov-ca.pem").string());
  for (std::size_t len = 0; len < der.size(); ++len) {
    Bytes cut(der.begin(), der.begin() + static_cast<std::ptrdiff_t>(len));
    const unsigned char* q = cut.data();
    ossl::Ptr<CMS_ContentInfo> ours = cms::parseCms(cut, &q);
    ERR_clear_error();
    ASSERT_FALSE(ours) << "a signature cut to " << len << " bytes parsed";
  }
  // Flipped length bytes in the headers: whatever OpenSSL says, parseCms says.
  for (std::size_t i = 0; i < 64 && i < der.size(); ++i) {
    Bytes bad = der;
    bad[i] ^= 0x01;
    expectSameAsOpenssl(bad, "byte " + std::to_string(i) + " flipped");
  }
}

TEST_F(CmsParseTest, CorpusCmsFilesMatchOpenssl) {
  fs::path dir = fs::path(env("KYSO_SHARED_DIR")) / "corpus" / "cms";
  if (!fs::exists(dir)) {
    if (inCi()) FAIL() << "corpus missing: " << dir;
    GTEST_SKIP() << "*** SKIPPED: no corpus at " << dir;
  }
  int n = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    expectSameAsOpenssl(toBytes(readFile(e.path())), e.path().filename().string());
    ++n;
  }
  EXPECT_GE(n, 3);
}

TEST_F(CmsParseTest, ManyThreadsShareTheCache) {
  Bytes der = opensslSign("-certfile " + pki("gov-ca.pem").string());
  auto expected = encode(ossl::Ptr<CMS_ContentInfo>(cms::parseCms(der)).get());
  ASSERT_TRUE(expected);
  std::atomic<int> bad{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        ossl::Ptr<CMS_ContentInfo> c = cms::parseCms(der);
        if (encode(c.get()) != expected) ++bad;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(bad.load(), 0);
}

}  // namespace
}  // namespace kyso::test
