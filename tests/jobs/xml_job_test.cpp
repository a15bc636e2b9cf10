// XmlSignJob inside a mixed batch (issue 20): SignJob routes each file by the format registry, PDFs
// first, then XML, then the rest, with the batch's own indexes; an XML file is signed in a copy
// and checked by xmlsec1, a bad one is reported and the batch goes on, an existing output is not
// replaced. Its own test program: it loads kyso-xml.so (libxml2, ICU) into the test process.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "src/jobs/document_format.h"
#include "src/jobs/key_file_identity.h"
#include "src/jobs/sign_job.h"
#include "tests/certs/test_env.h"

namespace kyso::jobs {
namespace {
namespace fs = std::filesystem;
using test::pki;
using State = ItemResult::State;

struct Recorder : BatchObserver {
  std::vector<ItemResult> results;
  void finished(const ItemResult& r) override { results.push_back(r); }
};

TEST(XmlSignJob, AMixedBatchRoutesXmlBetweenPdfsAndOtherFiles) {
  test::TempDir dir;
  const fs::path letter = fs::path(test::env("KYSO_BINARY_DIR")) / "test-samples" / "letter.pdf";
  ASSERT_TRUE(fs::exists(letter)) << "needs the samples fixture";
  const fs::path pdf = dir.path() / "a.pdf", txt = dir.path() / "report.txt";
  fs::copy_file(letter, pdf);
  test::writeFile(txt, "the report");
  const fs::path claim = dir.path() / "HOSO.xml", broken = dir.path() / "broken.xml";
  test::writeFile(claim, "<GIAMDINHHS><MACSKCB>79001</MACSKCB><CHUKYDONVI/></GIAMDINHHS>\n");
  test::writeFile(broken, "<GIAMDINHHS><CHUKYDONVI></GIAMDINHHS>\n");
  const fs::path kept = dir.path() / "kept-signed.xml";
  test::writeFile(kept, "keep me");
  std::vector<SignInput> items{{claim, dir.path() / "HOSO-signed.xml", false},
                               {txt, detachedSignaturePath(txt), false},
                               {broken, dir.path() / "broken-signed.xml", false},
                               {pdf, dir.path() / "a-signed.pdf", false},
                               {claim, kept, false}};
  auto id =
      identityFromKeyFiles(pki("signer-rsa2048.pem"), pki("signer-rsa2048.key"), std::nullopt);
  ASSERT_TRUE(id.ok()) << id.error().technical();
  SignSettings settings;
  settings.detached.offline = true;
  Recorder rec;
  const BatchSummary s =
      SignJob::run(items, SigningKey{std::move(*id), nullptr}, std::move(settings), rec);
  ASSERT_EQ(rec.results.size(), 5u);
  std::vector<std::size_t> order;
  for (const auto& r : rec.results) order.push_back(r.index);
  EXPECT_EQ(order, (std::vector<std::size_t>{3, 0, 2, 4, 1})) << "PDFs, then XML, then the rest";
  EXPECT_EQ(s.done, 3u);
  EXPECT_EQ(s.failed, 2u);
  EXPECT_FALSE(s.stoppedBy) << "a bad file does not stop the batch";
  EXPECT_EQ(rec.results[1].state, State::Done);
  EXPECT_EQ(rec.results[1].level, "XML-DSig");
  EXPECT_EQ(rec.results[1].field, "/GIAMDINHHS/CHUKYDONVI");
  EXPECT_EQ(rec.results[2].error->kind, Errc::XmlMalformed);
  EXPECT_FALSE(fs::exists(dir.path() / "broken-signed.xml"));
  EXPECT_EQ(rec.results[3].error->kind, Errc::FileExists);
  EXPECT_EQ(test::readFile(kept), "keep me");
  if (test::haveTool("xmlsec1")) {
    std::string x;
    EXPECT_EQ(test::run("xmlsec1 --verify --insecure " + items[0].output.string(), &x), 0) << x;
  }
}

}  // namespace
}  // namespace kyso::jobs
