// The CMS rows of ../shared/corpus/MANIFEST.tsv (third-party CAdES/CMS with the verdicts their own
// projects assert): every row whose category starts with "cms-" is checked against its category.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "tests/cms/cms_test_util.h"

namespace kyso::cms {
namespace {

namespace fs = std::filesystem;

struct Row {
  std::string id, file, content, category, anchor, time, what;
};

std::vector<Row> cmsRows(const fs::path& manifest) {
  std::vector<Row> rows;
  std::ifstream in(manifest);
  std::string line;
  std::vector<std::string> header;
  while (std::getline(in, line)) {
    std::vector<std::string> cols;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) cols.push_back(c);
    if (header.empty()) {
      header = cols;
      continue;
    }
    auto col = [&](const std::string& name) {
      for (size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i < cols.size() ? cols[i] : std::string();
      return std::string();
    };
    if (col("category").rfind("cms-", 0) != 0) continue;
    rows.push_back({col("id"), col("file"), col("content_file"), col("category"),
                    col("trust_anchor"), col("validation_time"), col("what_it_is")});
  }
  return rows;
}

TEST(Corpus, EveryCmsRowMatchesItsCategory) {
  fs::path shared = test::env("KYSO_SHARED_DIR");
  fs::path manifest = shared / "corpus" / "MANIFEST.tsv";
  if (shared.empty() || !fs::exists(manifest)) {
    if (test::inCi()) FAIL() << "corpus missing: " << manifest;
    GTEST_SKIP() << "*** SKIPPED: no corpus at " << manifest;
  }
  auto rows = cmsRows(manifest);
  ASSERT_GE(rows.size(), 4u) << "the manifest lists CMS rows C001..C010";
  for (const Row& row : rows) {
    SCOPED_TRACE(row.id + " " + row.file + " (" + row.category + "): " + row.what);
    certs::TrustStore store = certs::TrustStore::empty();
    if (!row.anchor.empty()) {
      ASSERT_TRUE(store.addAnchors(shared / "corpus" / row.anchor).ok());
    }
    VerifyOptions opt;
    opt.trust = &store;
    opt.chain.http.offline = true;  // third-party URLs: never fetched by tests
    opt.revocation.http.offline = true;
    if (!row.time.empty()) opt.at = *certs::parseIsoTime(row.time);
    std::string der = test::readFile(shared / "corpus" / row.file);
    ASSERT_FALSE(der.empty());
    std::span<const unsigned char> bytes(reinterpret_cast<const unsigned char*>(der.data()),
                                         der.size());
    CmsReport r;
    if (!row.content.empty()) {
      DetachedContent c = DetachedContent::fromFile((shared / "corpus" / row.content).string());
      r = verifyCmsSlowly(bytes, &c, opt);
    } else {
      r = verifyCmsSlowly(bytes, nullptr, opt);
    }
    std::string json = cmsReportToJson(r).dump(2);
    if (row.category == "cms-valid") {
      ASSERT_FALSE(r.signers.empty()) << json;
      for (const auto& s : r.signers) {
        EXPECT_TRUE(s.intact) << json;
        EXPECT_NE(s.indication, Indication::TotalFailed) << json;
      }
    } else {
      EXPECT_NE(r.indication, Indication::TotalPassed) << json;
      for (const auto& s : r.signers) EXPECT_NE(s.indication, Indication::TotalPassed) << json;
      if (row.what.find("WRONG content") != std::string::npos) {
        ASSERT_FALSE(r.signers.empty());
        EXPECT_FALSE(r.signers[0].intact);
        EXPECT_EQ(r.signers[0].subIndication, SubIndication::HashFailure) << json;
      }
      if (row.what.find("without the signer certificate") != std::string::npos) {
        ASSERT_FALSE(r.signers.empty());
        EXPECT_EQ(r.signers[0].indication, Indication::Indeterminate);
        EXPECT_EQ(r.signers[0].subIndication, SubIndication::NoSigningCertificateFound) << json;
        EXPECT_TRUE(r.signers[0].digestMatches) << json;
        EXPECT_FALSE(r.signers[0].intact);
      }
    }
  }
}

}  // namespace
}  // namespace kyso::cms
