// Every pdf row of the shared corpus (../shared/corpus/MANIFEST.tsv) checked against the
// expectation table of its category (corpus README): the rule for the category, not the file.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "src/pdfverify/report.h"
#include "tests/pdfverify/verify_fixture.h"

namespace kyso::test {
namespace {

namespace fs = std::filesystem;
using pdfverify::FileReport;
using pdfverify::Indication;

struct Row {
  std::string id, file, category, verdict, anchor, at;
};

fs::path corpusDir() {
  const char* shared = std::getenv("KYSO_SHARED_DIR");
  return fs::path(shared ? shared : "../shared") / "corpus";
}

std::vector<Row> readManifest() {
  std::vector<Row> rows;
  std::ifstream in(corpusDir() / "MANIFEST.tsv");
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> col;
    std::stringstream ss(line);
    std::string c;
    while (std::getline(ss, c, '\t')) col.push_back(c);
    col.resize(16);
    if (col[1].rfind("pdf/", 0) != 0) continue;
    rows.push_back({col[0], col[1], col[3], col[10], col[12], col[13]});
  }
  return rows;
}

void PrintTo(const Row& r, std::ostream* os) {
  *os << r.id << " " << r.file;
}

class CorpusTest : public ::testing::TestWithParam<Row> {};

bool passing(const FileReport& r) {
  return r.status == pdfverify::FileStatus::Signed && r.indication == Indication::TotalPassed;
}

TEST_P(CorpusTest, MatchesCategoryExpectation) {
  const Row& row = GetParam();
  std::vector<fs::path> anchors;
  if (!row.anchor.empty()) anchors.push_back(corpusDir() / row.anchor);
  TestVerifier v(anchors, row.at.empty() ? "" : row.at + "T12:00:00Z");
  auto t0 = std::chrono::steady_clock::now();
  FileReport r = v.file(corpusDir() / row.file);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(secs, 10.0) << row.id;
  SCOPED_TRACE(row.id + " (" + row.category + "): " + pdfverify::reportJson(r).dump());
  const std::string& cat = row.category;
  const bool cms = TestVerifier::hasCms();

  if (cat == "valid" || cat == "valid-multi" || cat == "valid-ltv") {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
    ASSERT_FALSE(r.signatures.empty());
    for (std::size_t i = 0; i < r.signatures.size(); ++i) {
      auto& s = r.signatures[i];
      EXPECT_TRUE(s.problems.empty()) << changesText(r, i);
      EXPECT_NE(s.modifications, pdfverify::Modifications::Disallowed) << changesText(r, i);
      EXPECT_TRUE(s.coverage == pdfverify::Coverage::WholeDocument ||
                  s.coverage == pdfverify::Coverage::Revision)
          << pdfverify::coverageCode(s.coverage);
      EXPECT_NE(s.indication, Indication::TotalFailed)
          << pdfverify::subIndicationName(s.subindication);
      if (cms) {
        EXPECT_EQ(s.crypto.intact, std::optional<bool>(true)) << s.index;
      }
    }
    // The last signature covers the whole file unless only /DSS or timestamps came after it.
    if (cat != "valid-ltv") {
      EXPECT_EQ(r.signatures.back().coverage, pdfverify::Coverage::WholeDocument);
    }
    // Where the source asserts trust with this anchor and time, the chain must be trusted.
    if (cms && row.verdict.find("TRUSTED") != std::string::npos) {
      EXPECT_TRUE(r.signatures.front().crypto.chain["trusted"].asBool());
    }
  } else if (cat == "incremental-allowed") {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
    ASSERT_GE(r.signatures.size(), 2u);
    EXPECT_EQ(r.signatures.front().modifications, pdfverify::Modifications::Allowed)
        << changesText(r, 0);
    EXPECT_EQ(r.signatures.front().coverage, pdfverify::Coverage::Revision);
    for (auto& s : r.signatures) {
      EXPECT_NE(s.indication, Indication::TotalFailed);
      if (cms) {
        EXPECT_EQ(s.crypto.intact, std::optional<bool>(true));
      }
    }
  } else if (cat == "incremental-disallowed") {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
    auto& s = r.signatures.front();
    EXPECT_EQ(s.modifications, pdfverify::Modifications::Disallowed) << changesText(r, 0);
    EXPECT_EQ(s.indication, Indication::TotalFailed);
    if (cms) {
      EXPECT_EQ(s.crypto.intact, std::optional<bool>(true));
    }
    EXPECT_FALSE(passing(r));
  } else if (cat == "coverage-anomaly") {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
    EXPECT_NE(r.signatures.front().coverage, pdfverify::Coverage::WholeDocument);
    EXPECT_EQ(r.signatures.front().indication, Indication::TotalFailed);
    EXPECT_FALSE(passing(r));
  } else if (cat == "tampered" || cat == "tampered-derived") {
    EXPECT_FALSE(passing(r));
    if (r.status == pdfverify::FileStatus::Signed) {
      bool broken = false;
      for (auto& s : r.signatures)
        broken =
            broken || (s.indication == Indication::TotalFailed &&
                       (s.coverage == pdfverify::Coverage::Invalid || s.crypto.intact == false));
      // Without the CMS layer a digest mismatch cannot be seen; the byte-range rules still can.
      if (cms || cat == "tampered") {
        EXPECT_TRUE(broken);
      }
    }
  } else if (cat == "invalid") {
    ASSERT_EQ(r.status, pdfverify::FileStatus::Signed);
    EXPECT_FALSE(passing(r));
    EXPECT_NE(r.signatures.front().indication, Indication::TotalPassed);
  } else if (cat == "unsigned") {
    EXPECT_EQ(r.status, pdfverify::FileStatus::Unsigned);
    EXPECT_FALSE(r.error.has_value());
  } else if (cat == "malformed") {
    EXPECT_FALSE(passing(r));
    for (auto& s : r.signatures) EXPECT_NE(s.indication, Indication::TotalPassed);
  } else {
    FAIL() << "unknown category " << cat;
  }
}

std::vector<Row> rowsOrEmpty() {
  auto rows = readManifest();
  return rows;
}

INSTANTIATE_TEST_SUITE_P(Manifest, CorpusTest, ::testing::ValuesIn(rowsOrEmpty()),
                         [](const ::testing::TestParamInfo<Row>& i) { return i.param.id; });

TEST(CorpusManifest, HasPdfRows) {
  // Guards against a silently empty parameter list (a missing KYSO_SHARED_DIR).
  EXPECT_GE(readManifest().size(), 10u) << corpusDir();
}

}  // namespace
}  // namespace kyso::test
