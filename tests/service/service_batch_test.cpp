// vgca_sign_files through the service (issue 19): a batch approved once and each document
// uploaded, a foreign address refused before any download, and Stop honoured; against the test
// document system, with openssl and kyso's verifier checking what was uploaded.
#include "tests/service/service_fixture.h"

namespace kyso::service {
namespace {

namespace fs = std::filesystem;

// vgca_sign_files: every document fetched, shown in one approval, signed with one login (PDFs in
// place, other files with a detached .p7s), each uploaded, and each file's answer in the reply.
TEST_F(ServiceTest, ABatchIsApprovedOnceAndEachDocumentUploaded) {
  fs::copy_file(letter, dir / "files" / "a.pdf");
  fs::copy_file(letter, dir / "files" / "b.pdf");
  const test::ServiceAnswer a =
      client.call("/vgca_sign_files", batchRequest({"a.pdf", "b.pdf", "report.txt"}));
  ASSERT_TRUE(a.replied) << a.error;
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  const Json& files = a.reply["Files"];
  ASSERT_EQ(files.size(), 3u) << a.raw;
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(files[i]["FileID"].asString(), std::to_string(100 + i)) << a.raw;
    EXPECT_EQ(files[i]["Status"].asInt(), 0) << a.raw;
  }
  EXPECT_EQ(files[2]["FileName"].asString(), "report.txt.p7s") << a.raw;
  EXPECT_EQ(host.approvals, 1);
  ASSERT_EQ(host.seen.size(), 1u);
  ASSERT_EQ(host.seen[0].batch.size(), 3u);
  EXPECT_EQ(host.seen[0].batch[0].name, "a.pdf");
  EXPECT_EQ(host.seen[0].batch[0].sha256, sha256Hex(test::readFile(letter)));
  EXPECT_TRUE(host.seen[0].batch[1].pdf);
  EXPECT_FALSE(host.seen[0].batch[2].pdf);
  EXPECT_TRUE(host.ended);
  EXPECT_EQ(host.uploadedCount, 3u);
  for (const char* name : {"a.pdf", "b.pdf"}) {
    const fs::path up = dir / "uploaded" / name;
    ASSERT_TRUE(fs::exists(up)) << name;
    EXPECT_EQ(verifyUploaded(up), pdfverify::Indication::TotalPassed) << name;
  }
  ASSERT_TRUE(fs::exists(dir / "uploaded" / "report.txt.p7s"));
  if (test::haveTool("openssl")) {
    std::string out;
    EXPECT_EQ(test::run("openssl cms -verify -binary -inform DER -in " +
                            (dir / "uploaded" / "report.txt.p7s").string() + " -content " +
                            (dir / "files" / "report.txt").string() + " -CAfile " +
                            test::pki("root.pem").string() + " -purpose any -out /dev/null",
                        &out),
              0)
        << out;
  }
  // One audit line per document.
  const std::string audit = test::readFile(dir / "audit.jsonl");
  std::size_t lines = 0;
  for (std::size_t p = audit.find("vgca_sign_files"); p != std::string::npos;
       p = audit.find("vgca_sign_files", p + 1))
    ++lines;
  EXPECT_EQ(lines, 3u) << audit;
}

// One address of the batch off the calling site: nothing is fetched and nobody is asked.
TEST_F(ServiceTest, ABatchWithOneForeignAddressFetchesNothing) {
  std::string req = batchRequest({"letter.pdf", "letter.pdf"});
  const auto p = req.rfind("http://127.0.0.1:");
  req.replace(p, std::string("http://127.0.0.1").size(), "http://127.0.0.2");
  const test::ServiceAnswer a = client.call("/vgca_sign_files", req);
  EXPECT_EQ(a.reply["Status"].asInt(), 1) << a.raw;
  EXPECT_EQ(downloads(), 0);
  EXPECT_EQ(host.approvals, 0);
  EXPECT_EQ(client.call("/vgca_sign_files", R"({"FileUploadHandler":"x","Files":[]})")
                .reply["Status"]
                .asInt(),
            1);
}

// One document of the batch cannot be fetched (the system answers 404) while the others are
// fetched four at a time: the request fails with a sentence, nobody is asked, nothing is uploaded.
TEST_F(ServiceTest, ABatchWithADocumentThatCannotBeFetchedSignsNothing) {
  for (const char* n : {"b1.pdf", "b2.pdf", "b3.pdf", "b4.pdf", "b5.pdf"})
    fs::copy_file(letter, dir / "files" / n);
  const test::ServiceAnswer a = client.call(
      "/vgca_sign_files", batchRequest({"b1.pdf", "b2.pdf", "missing.pdf", "b4.pdf", "b5.pdf"}));
  ASSERT_TRUE(a.replied) << a.error;
  EXPECT_EQ(a.reply["Status"].asInt(), 1) << a.raw;
  EXPECT_FALSE(a.reply["Message"].asString().empty());
  EXPECT_EQ(host.approvals, 0);
  EXPECT_FALSE(fs::exists(dir / "uploaded")) << "nothing was uploaded";
}

// The person presses Stop in the batch window before a document is done: nothing is signed or
// sent, and the reply says so for each file. (Which documents a later Stop still lets through
// depends on how far the token got; the jobs layer's cancel is tested in tests/jobs.)
TEST_F(ServiceTest, AStoppedBatchSendsNothingMore) {
  std::vector<std::string> names;
  for (int i = 0; i < 3; ++i) {
    names.push_back("d" + std::to_string(i) + ".pdf");
    fs::copy_file(letter, dir / "files" / names.back());
  }
  host.stopBatch = true;
  const test::ServiceAnswer a = client.call("/vgca_sign_files", batchRequest(names));
  ASSERT_TRUE(a.replied) << a.error;
  EXPECT_EQ(a.reply["Status"].asInt(), 1) << a.raw;
  EXPECT_FALSE(a.reply["Message"].asString().empty());
  const Json& files = a.reply["Files"];
  ASSERT_EQ(files.size(), 3u) << a.raw;
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_NE(files[i]["Status"].asInt(), 0) << a.raw;
    EXPECT_FALSE(files[i]["Message"].asString().empty()) << a.raw;
  }
  EXPECT_FALSE(fs::exists(dir / "uploaded"));
  EXPECT_TRUE(host.ended);
  EXPECT_EQ(host.uploadedCount, 0u);
}

}  // namespace
}  // namespace kyso::service
