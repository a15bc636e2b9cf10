// The trust store: shipped anchors with their checksums, groups, administrator anchors.
#include "certs/trust_store.h"

#include <gtest/gtest.h>

#include "certs/shipped_anchors.h"
#include "tests/certs/test_env.h"

namespace kyso::certs {
namespace {

using test::TempDir;
namespace fs = std::filesystem;

fs::path shippedDir() {
  return fs::path(test::env("KYSO_SOURCE_DIR", ".")) / "certs" / "anchors";
}

TEST(TrustStore, LoadsShippedAnchorsWithTheirChecksums) {
  auto s = TrustStore::loadShipped(shippedDir());
  ASSERT_TRUE(s.ok()) << s.error().technical();
  EXPECT_EQ(s->anchors().size(), 3u);        // RootCA G2, RootCA G1, national root
  EXPECT_EQ(s->intermediates().size(), 4u);  // G2 CP, G2 Đảng, G1 CP, VNPT
  for (X509* a : s->anchors()) EXPECT_FALSE(s->describeAnchor(a).empty());
}

TEST(TrustStore, GroupsSwitchIndependently) {
  auto s = TrustStore::loadShipped(shippedDir());
  ASSERT_TRUE(s.ok());
  s->setGroupEnabled(TrustGroup::Gov, false);
  ASSERT_EQ(s->anchors().size(), 1u);
  EXPECT_NE(nameToString(X509_get_subject_name(s->anchors()[0])).find("Vietnam National Root CA"),
            std::string::npos);
  s->setGroupEnabled(TrustGroup::Gov, true);
  s->setGroupEnabled(TrustGroup::Public, false);
  ASSERT_EQ(s->anchors().size(), 2u);
  for (X509* a : s->anchors()) EXPECT_EQ(s->find(a)->source, "gov");
  EXPECT_STREQ(trustGroupLabel(TrustGroup::Gov), "Chuyên dùng Chính phủ");
  EXPECT_STREQ(trustGroupLabel(TrustGroup::Public), "Công cộng");
  // Intermediates stay available for chain building whatever the switches say.
  EXPECT_EQ(s->intermediates().size(), 4u);
}

TEST(TrustStore, AlteredAnchorIsRefused) {
  TempDir t;
  for (const auto& a : shippedAnchors()) fs::copy_file(shippedDir() / a.file, t / a.file);
  // Replace the G2 root with another valid certificate: parsing succeeds, the checksum does not.
  fs::remove(t / "vgca-rootca-g2.pem");
  fs::copy_file(shippedDir() / "vgca-rootca-g1.pem", t / "vgca-rootca-g2.pem");
  auto s = TrustStore::loadShipped(t.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, Errc::AnchorChecksumMismatch);
  EXPECT_NE(s.error().context.find("vgca-rootca-g2.pem"), std::string::npos);
}

TEST(TrustStore, OneChangedByteIsRefused) {
  TempDir t;
  for (const auto& a : shippedAnchors()) fs::copy_file(shippedDir() / a.file, t / a.file);
  std::string pem = test::readFile(t / "vn-national-root-ca.pem");
  size_t pos = pem.find('\n', 40) + 10;  // inside the base64 body
  pem[pos] = pem[pos] == 'A' ? 'B' : 'A';
  fs::permissions(t / "vn-national-root-ca.pem", fs::perms::owner_write, fs::perm_options::add);
  test::writeFile(t / "vn-national-root-ca.pem", pem);
  auto s = TrustStore::loadShipped(t.path());
  ASSERT_FALSE(s.ok());
  EXPECT_TRUE(s.error().kind == Errc::AnchorChecksumMismatch ||
              s.error().kind == Errc::CertificateMalformed)
      << s.error().technical();
}

TEST(TrustStore, MissingShippedFileIsReported) {
  TempDir t;
  auto s = TrustStore::loadShipped(t.path());
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().kind, Errc::FileNotFound);
}

TEST(TrustStore, AdministratorAnchorsFromFilesAndFolders) {
  KYSO_REQUIRE_PKI();
  TrustStore s = TrustStore::empty();
  EXPECT_TRUE(s.anchors().empty());
  ASSERT_TRUE(s.addAnchors(test::pki("root.pem")).ok());
  EXPECT_EQ(s.anchors().size(), 1u);
  EXPECT_EQ(s.find(s.anchors()[0])->source, "admin");
  TempDir t;
  fs::copy_file(test::pki("gov-ca.der"), t / "a.der");
  fs::copy_file(test::pki("www/gov-ca.p7c"), t / "b.p7c");
  test::writeFile(t / "README.txt", "not a certificate");
  ASSERT_TRUE(s.addAnchors(t.path(), "test").ok());
  EXPECT_EQ(s.anchors().size(), 3u);
  EXPECT_FALSE(s.addAnchors(t / "README.txt").ok());
}

TEST(CertInfo, NamesAreUtf8AndTimesParse) {
  KYSO_REQUIRE_PKI();
  auto c = test::loadCert(test::pki("signer-rsa2048.pem"));
  ASSERT_TRUE(c);
  EXPECT_EQ(commonName(X509_get_subject_name(c.get())), "Nguyễn Thị Lấp Lánh");
  EXPECT_EQ(nameEntry(X509_get_subject_name(c.get()), NID_organizationName), "Sở Y tế (test)");
  EXPECT_NE(nameToString(X509_get_subject_name(c.get())).find("CN=Nguyễn Thị Lấp Lánh"),
            std::string::npos);
  auto t = parseIsoTime("2024-05-01T10:20:30Z");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(isoTime(*t), "2024-05-01T10:20:30Z");
  EXPECT_TRUE(parseIsoTime("2024-05-01").ok());
  EXPECT_FALSE(parseIsoTime("yesterday").ok());
  EXPECT_FALSE(parseCertificates("garbage").ok());
}

}  // namespace
}  // namespace kyso::certs
