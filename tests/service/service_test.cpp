// The signing service (issue 19) end to end on loopback, through a real secure WebSocket client:
// a test document system (docsystem.py) serves a letter behind a short-lived token and accepts
// the upload; the service fetches, asks the (scripted) person, signs with the signer's key through
// the jobs layer, uploads and answers as the VGCA plug-in does. Then the attacks: each is refused
// before any download, question or signature, which the document system's log and the host's
// counters show.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <fstream>
#include <future>
#include <mutex>
#include <thread>

#include "certs/cert_info.h"
#include "src/jobs/verify_job.h"
#include "src/service/audit_log.h"
#include "src/service/local_tls.h"
#include "src/service/signing_service.h"
#include "src/service/wss_server.h"
#include "tests/certs/test_env.h"
#include "tests/service/blank_letter.h"
#include "tests/service/docsystem_process.h"
#include "tests/service/service_client.h"
#include "tests/service/service_fixture.h"

namespace kyso::service {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

TEST_F(ServiceTest, SignApprovedFetchesAsksSignsAndUploads) {
  const test::ServiceAnswer a = client.call("/SignApproved", fileRequest("letter.pdf"));
  ASSERT_TRUE(a.replied) << a.error << " http " << a.httpStatus;
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  EXPECT_EQ(a.reply["FileName"].asString(), "letter.pdf");
  EXPECT_NE(a.reply["FileServer"].asString().find("/files/signed/letter.pdf"), std::string::npos);
  EXPECT_EQ(a.reply["DocumentNumber"].asString(), "79/SYT-VP");
  // The person saw the site, the document's name, size and hash, the kind and the destination.
  ASSERT_EQ(host.seen.size(), 1u);
  const Approval& seen = host.seen[0];
  EXPECT_EQ(seen.origin, pageOrigin());
  EXPECT_EQ(seen.kind, "approved");
  EXPECT_EQ(seen.documentName, "letter.pdf");
  const std::string original = test::readFile(letter);
  EXPECT_EQ(seen.documentSize, original.size());
  EXPECT_EQ(seen.documentSha256, sha256Hex(original));
  EXPECT_NE(seen.uploadTo.find("/upload?token="), std::string::npos);
  EXPECT_EQ(host.siteQuestions, 0) << "a test origin the officer listed is not asked about";
  // The preview marks the place the signature then took: between the title and the name.
  ASSERT_EQ(host.placements.size(), 1u);
  ASSERT_TRUE(host.placements[0].ok()) << host.placements[0].error().technical();
  const PreviewPlacement& where = *host.placements[0];
  if (test::haveTool("pdfinfo")) {  // the letter's signature block is on its last page
    std::string info;
    test::run("pdfinfo " + letter.string(), &info);
    const auto at = info.find("Pages:");
    ASSERT_NE(at, std::string::npos) << info;
    EXPECT_EQ(where.pageIndex, std::stoi(info.substr(at + 6)) - 1) << info;
  }
  EXPECT_GT(where.rect.width(), 20);
  EXPECT_GT(where.rect.height(), 10);
  // The upload is an incremental update of the original that verifies.
  const fs::path up = dir / "uploaded" / "letter.pdf";
  ASSERT_TRUE(fs::exists(up));
  const std::string signedPdf = test::readFile(up);
  EXPECT_EQ(signedPdf.compare(0, original.size(), original), 0) << "an incremental update";
  EXPECT_EQ(verifyUploaded(up), pdfverify::Indication::TotalPassed);
  if (test::haveTool("pdfsig")) {
    std::string out;
    test::run("pdfsig " + up.string(), &out);
    EXPECT_NE(out.find("Signature is Valid"), std::string::npos) << out;
  }
  // One audit line: the site, the call, the document's hash, the status.
  const std::string audit = test::readFile(dir / "audit.jsonl");
  EXPECT_NE(audit.find("\"call\":\"SignApproved\""), std::string::npos) << audit;
  EXPECT_NE(audit.find(sha256Hex(original)), std::string::npos) << audit;
  EXPECT_NE(audit.find("\"status\":0"), std::string::npos) << audit;
}

// The leader approves from the document system, then the clerk issues the approved letter: the
// seal over the approval, the number and date the system gives filled into the letter.
TEST_F(ServiceTest, SignIssuedFillsTheNumberAndDateUnderTheSeal) {
  KYSO_REQUIRE_TOOL("convert");
  ASSERT_TRUE(giveTheHostASeal());
  ASSERT_EQ(client.call("/SignApproved", fileRequest("letter.pdf")).reply["Status"].asInt(), 0);
  fs::rename(dir / "uploaded" / "letter.pdf", dir / "files" / "approved.pdf");
  const test::ServiceAnswer a = client.call(
      "/SignIssued", fileRequest("approved.pdf", "/upload",
                                 R"(,"DocNumber":"79","IssuedDate":"2019-03-12T12:00:00+07:00")"));
  ASSERT_TRUE(a.replied) << a.error;
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  EXPECT_EQ(a.reply["DocumentDate"].asString(), "2019-03-12T12:00:00+07:00");
  EXPECT_EQ(host.seen.back().docNumber, "79");
  const fs::path up = dir / "uploaded" / "approved.pdf";
  ASSERT_TRUE(fs::exists(up));
  EXPECT_EQ(verifyUploaded(up, 2), pdfverify::Indication::TotalPassed);
  if (test::haveTool("pdftotext")) {
    std::string text;
    test::run("pdftotext -f 1 -l 1 " + up.string() + " -", &text);
    EXPECT_NE(text.find("79"), std::string::npos) << text;
    EXPECT_NE(text.find("2019"), std::string::npos) << text;
  }
}

TEST_F(ServiceTest, SignIssuedWithoutASealSaysSoAndUploadsNothing) {
  const test::ServiceAnswer a = client.call(
      "/SignIssued",
      fileRequest("letter.pdf", "/upload", R"(,"DocNumber":"79","IssuedDate":"2019-03-12")"));
  ASSERT_TRUE(a.replied) << a.error;
  EXPECT_NE(a.reply["Status"].asInt(), 0) << a.raw;
  EXPECT_FALSE(a.reply["Message"].asString().empty());
  EXPECT_FALSE(fs::exists(dir / "uploaded" / "letter.pdf"));
}

TEST_F(ServiceTest, SignFileUploadsADetachedSignatureThatOpensslVerifies) {
  const test::ServiceAnswer a = client.call("/SignFile", fileRequest("report.txt"));
  ASSERT_TRUE(a.replied) << a.error;
  EXPECT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  const fs::path p7s = dir / "uploaded" / "report.txt.p7s";
  ASSERT_TRUE(fs::exists(p7s));
  std::string out;
  EXPECT_EQ(test::run("openssl cms -verify -binary -inform DER -in " + p7s.string() + " -content " +
                          (dir / "files" / "report.txt").string() + " -CAfile " +
                          test::pki("root.pem").string() + " -purpose any -out /dev/null",
                      &out),
            0)
      << out;
}

TEST_F(ServiceTest, SignMsgSignsTheDigestAfterApproval) {
  const std::string digest = [] {
    unsigned char md[32];
    unsigned int n = 0;
    EVP_Digest("hello", 5, md, &n, EVP_sha256(), nullptr);
    return std::string(reinterpret_cast<char*>(md), n);
  }();
  const test::ServiceAnswer a = client.call(
      "/SignMsg", R"({"HashAlg":"SHA256","HashValue":")" + base64(digest) + R"(","Encode":"RSA"})");
  ASSERT_TRUE(a.replied) << a.error;
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  ASSERT_EQ(host.seen.size(), 1u);
  EXPECT_EQ(host.seen[0].digestHex, certs::hex(digest)) << "the person saw what is signed";
  auto sig = unbase64(a.reply["Signature"].asString());
  auto der = unbase64(a.reply["CertBase64"].asString());
  ASSERT_TRUE(sig && der);
  const auto* p = reinterpret_cast<const unsigned char*>(der->data());
  ossl::Ptr<X509> cert(d2i_X509(nullptr, &p, static_cast<long>(der->size())));
  ASSERT_TRUE(cert);
  EXPECT_EQ(certs::sha256Hex(cert.get()),
            certs::sha256Hex(test::loadCert(test::pki("signer-rsa2048.pem")).get()));
  ossl::Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(X509_get0_pubkey(cert.get()), nullptr));
  ASSERT_EQ(EVP_PKEY_verify_init(ctx.get()), 1);
  EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256());
  EXPECT_EQ(
      EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(sig->data()), sig->size(),
                      reinterpret_cast<const unsigned char*>(digest.data()), digest.size()),
      1);
  // A digest of the wrong length is refused before the person is asked.
  const test::ServiceAnswer bad =
      client.call("/SignMsg", R"({"HashAlg":"SHA256","HashValue":"aGVsbG8=","Encode":"RSA"})");
  EXPECT_NE(bad.reply["Status"].asInt(), 0);
  EXPECT_EQ(host.approvals, 1);
}

TEST_F(ServiceTest, GetCertInfoGivesTheCertificateOnlyAfterApproval) {
  host.agree = false;
  test::ServiceAnswer no = client.call("/GetCertInfo", "get_cert_info");
  EXPECT_EQ(no.reply["Status"].asInt(), 3) << no.raw;
  EXPECT_FALSE(no.reply.contains("CertInfo"));
  host.agree = true;
  test::ServiceAnswer yes = client.call("/GetCertInfo", "get_cert_info");
  ASSERT_EQ(yes.reply["Status"].asInt(), 0) << yes.raw;
  EXPECT_NE(yes.reply["CertInfo"]["Subject"].asString().find("Lấp Lánh"), std::string::npos);
  EXPECT_FALSE(yes.reply["CertInfo"]["CertBase64"].asString().empty());
}

TEST_F(ServiceTest, EveryCallIsAnsweredWithAStatus) {
  host.agree = false;
  for (Call c : allCalls()) {
    const test::ServiceAnswer a = client.call("/" + std::string(callName(c)), "{}");
    ASSERT_TRUE(a.replied) << callName(c) << ": " << a.error;
    EXPECT_TRUE(a.reply["Status"].isInt()) << callName(c) << ": " << a.raw;
    if (c == Call::Config) {  // it opens the settings window: nothing to decline
      EXPECT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
      continue;
    }
    EXPECT_NE(a.reply["Status"].asInt(), 0) << callName(c);
    EXPECT_FALSE(a.reply["Message"].asString().empty()) << callName(c);
  }
  const test::ServiceAnswer unknown = client.call("/NoSuchCall", "{}");
  EXPECT_EQ(unknown.reply["Status"].asInt(), 4);
  EXPECT_EQ(downloads(), 0);
}

// An empty FileName: the person picks the file in kyso's window; it is shown, signed and uploaded
// like a fetched one, and nothing is downloaded.
TEST_F(ServiceTest, AnEmptyFileNameSignsTheFileThePersonPicks) {
  const std::string t = currentToken();
  const std::string request = R"({"FileUploadHandler":")" + docs.url("/upload?token=" + t) +
                              R"(","SessionId":"","FileName":""})";
  host.localFile = letter;
  const test::ServiceAnswer a = client.call("/SignApproved", request);
  ASSERT_EQ(a.reply["Status"].asInt(), 0) << a.raw;
  EXPECT_EQ(host.picks, 1);
  ASSERT_EQ(host.seen.size(), 1u);
  EXPECT_TRUE(host.seen[0].localFile);
  EXPECT_EQ(host.seen[0].documentName, "letter.pdf");
  EXPECT_EQ(host.seen[0].documentSha256, sha256Hex(test::readFile(letter)));
  EXPECT_EQ(downloads(), 0);
  EXPECT_EQ(verifyUploaded(dir / "uploaded" / "letter.pdf"), pdfverify::Indication::TotalPassed);
  EXPECT_NE(test::readFile(dir / "audit.jsonl").find("\"document\":\"local:letter.pdf\""),
            std::string::npos);
  // A picked file that is not a PDF, or that cannot be read: a sentence, nobody asked to sign.
  test::writeFile(dir / "notes.pdf", "plain text, not a PDF");
  host.localFile = dir / "notes.pdf";
  const test::ServiceAnswer notPdf = client.call("/SignApproved", request);
  EXPECT_EQ(notPdf.reply["Status"].asInt(), 1) << notPdf.raw;
  host.localFile = dir / "gone.pdf";
  const test::ServiceAnswer gone = client.call("/SignApproved", request);
  EXPECT_EQ(gone.reply["Status"].asInt(), 1) << gone.raw;
  EXPECT_FALSE(gone.reply["Message"].asString().empty());
  EXPECT_EQ(host.approvals, 1);
  // The person picks nothing: declined, and nobody is asked to sign.
  host.localFile.reset();
  const test::ServiceAnswer none = client.call("/SignApproved", request);
  EXPECT_EQ(none.reply["Status"].asInt(), 3) << none.raw;
  EXPECT_EQ(host.approvals, 1);
}

TEST_F(ServiceTest, TheDeclinedDocumentIsNotUploaded) {
  host.agree = false;
  const test::ServiceAnswer a = client.call("/SignApproved", fileRequest("letter.pdf"));
  EXPECT_EQ(a.reply["Status"].asInt(), 3) << a.raw;
  EXPECT_FALSE(fs::exists(dir / "uploaded"));
}

TEST_F(ServiceTest, AHandlerThatRefusesTheUploadIsReported) {
  const test::ServiceAnswer a =
      client.call("/SignApproved", fileRequest("letter.pdf", "/upload-refuses"));
  EXPECT_EQ(a.reply["Status"].asInt(), 1) << a.raw;
  EXPECT_NE(a.reply["Message"].asString().find("did not accept"), std::string::npos) << a.raw;
}

TEST_F(ServiceTest, BadRequestsAndDocumentsAreRefusedWithoutAQuestion) {
  // Not JSON, JSON of the wrong shape, and a "PDF" that is a text file.
  for (const std::string& m :
       {std::string("not json"), std::string("[1,2]"), std::string(R"({"FileUploadHandler":5})")}) {
    const test::ServiceAnswer a = client.call("/SignApproved", m);
    ASSERT_TRUE(a.replied) << m;
    EXPECT_EQ(a.reply["Status"].asInt(), 1) << m << ": " << a.raw;
    EXPECT_FALSE(a.reply["Message"].asString().empty());
  }
  const test::ServiceAnswer txt = client.call("/SignPDF", fileRequest("report.txt"));
  EXPECT_EQ(txt.reply["Status"].asInt(), 1) << txt.raw;
  EXPECT_EQ(host.approvals, 0) << "nobody is asked about a file that is not a PDF";
  EXPECT_FALSE(fs::exists(dir / "uploaded"));
}

// --- Attacks: refused before any download, question or signature ---

TEST_F(ServiceTest, AnUnknownSiteIsAskedOnceAndRefusedWhenThePersonSaysNo) {
  test::ServiceClient evil = client;
  evil.origin = "https://evil.example";
  const test::ServiceAnswer a = evil.call("/SignMsg", "{}");
  EXPECT_FALSE(a.replied);
  EXPECT_EQ(a.httpStatus, 403) << a.error;
  EXPECT_EQ(host.siteQuestions, 1);
  EXPECT_EQ(host.lastSite, "https://evil.example");
  evil.call("/SignMsg", "{}");
  EXPECT_EQ(host.siteQuestions, 1) << "the answer is remembered";
  // An http origin the officer did not list, and a page with no Origin, are not even asked about.
  test::ServiceClient plain = client;
  plain.origin = "http://evil.example";
  EXPECT_EQ(plain.call("/SignMsg", "{}").httpStatus, 403);
  plain.origin = "";
  EXPECT_EQ(plain.call("/SignMsg", "{}").httpStatus, 403);
  plain.origin = "null";
  EXPECT_EQ(plain.call("/SignMsg", "{}").httpStatus, 403);
  EXPECT_EQ(host.siteQuestions, 1);
  EXPECT_EQ(host.approvals, 0);
}

TEST_F(ServiceTest, ASiteThePersonAllowsIsRememberedAcrossRestarts) {
  host.allowSites = true;
  test::ServiceClient c = client;
  c.origin = "https://vanban.huyen.example.gov.vn";
  host.agree = false;
  EXPECT_TRUE(c.call("/GetCertInfo", "get_cert_info").replied);
  EXPECT_EQ(host.siteQuestions, 1);
  SiteMemory again(dir / "sites.txt");
  EXPECT_EQ(again.answer("https://vanban.huyen.example.gov.vn"), std::optional<bool>(true));
}

TEST_F(ServiceTest, AForgedHostIsRefused) {
  test::ServiceClient c = client;
  c.host = "rebound.example:" + std::to_string(client.port);
  const test::ServiceAnswer a = c.call("/SignMsg", "{}");
  EXPECT_FALSE(a.replied);
  EXPECT_EQ(a.httpStatus, 421);
  c.host = "localhost:" + std::to_string(client.port);
  EXPECT_TRUE(c.call("/NoSuchCall", "{}").replied) << "localhost is the service too";
}

TEST_F(ServiceTest, AddressesOffTheCallingSiteAreRefusedBeforeAnyDownload) {
  const std::string t = currentToken();
  const std::string up = docs.url("/upload?token=" + t);
  const std::string other = "http://127.0.0.2:" + std::to_string(docs.port) + "/files/letter.pdf";
  for (const std::string& file :
       {other, std::string("file:///etc/passwd"), std::string("ftp://127.0.0.1/letter.pdf"),
        std::string("http://user:pw@127.0.0.1:") + std::to_string(docs.port) + "/files/x",
        std::string("/files/letter.pdf"), std::string("http://10.1.2.3/letter.pdf"),
        std::string("https://example.org/letter.pdf")}) {
    const test::ServiceAnswer a = client.call(
        "/SignApproved", R"({"FileUploadHandler":")" + up + R"(","FileName":")" + file + R"("})");
    EXPECT_EQ(a.reply["Status"].asInt(), 1) << file << ": " << a.raw;
  }
  // An upload handler on another site.
  const test::ServiceAnswer h = client.call(
      "/SignApproved", R"({"FileUploadHandler":"https://collector.example/up","FileName":")" +
                           docs.url("/files/letter.pdf?token=" + t) + R"("})");
  EXPECT_EQ(h.reply["Status"].asInt(), 1) << h.raw;
  EXPECT_EQ(downloads(), 0);
  EXPECT_EQ(host.approvals, 0);
  // A redirect to another host is not followed, and nobody is asked.
  const test::ServiceAnswer r =
      client.call("/SignApproved", R"({"FileUploadHandler":")" + up + R"(","FileName":")" +
                                       docs.url("/redirect") + R"("})");
  EXPECT_EQ(r.reply["Status"].asInt(), 1) << r.raw;
  EXPECT_EQ(downloads(), 0);
  EXPECT_EQ(host.approvals, 0);
}

TEST_F(ServiceTest, AnOversizedMessageIsRefused) {
  const test::ServiceAnswer a = client.call("/SignMsg", std::string(2u << 20, 'x'));
  EXPECT_FALSE(a.replied && a.reply["Status"].asInt() == 0) << a.raw;
  EXPECT_EQ(host.approvals, 0);
}

TEST_F(ServiceTest, ASecondRequestWhileOneIsPendingIsBusy) {
  host.holdApproval = true;
  auto first = std::async(std::launch::async,
                          [&] { return client.call("/SignApproved", fileRequest("letter.pdf")); });
  host.waitUntilWaiting();
  const test::ServiceAnswer second = client.call("/SignMsg", R"({"HashAlg":"SHA256"})");
  EXPECT_EQ(second.reply["Status"].asInt(), 2) << second.raw;
  host.release();
  EXPECT_EQ(first.get().reply["Status"].asInt(), 0);
  EXPECT_EQ(host.approvals, 1);
}

TEST_F(ServiceTest, TheStatusPageAnswersOnlyAsTheServiceItself) {
  auto [code, body] = client.statusPage();
  EXPECT_EQ(code, 200);
  EXPECT_NE(body.find("kyso"), std::string::npos);
  test::ServiceClient c = client;
  c.host = "attacker.example";
  EXPECT_EQ(c.statusPage().first, 421);
}

// A web page in headless Chromium calls the service as pages using vgcaplugin.js do: the browser
// trusts kyso's local CA through the NSS database in its HOME (as `kyso service trust` makes it),
// checks the certificate, sends the Origin, and hears the replies. The person (the scripted host)
// approves each request.
TEST_F(ServiceTest, HeadlessChromiumSignsThroughThePluginCalls) {
  KYSO_REQUIRE_TOOL("chromium");
  KYSO_REQUIRE_TOOL("certutil");
  KYSO_REQUIRE_TOOL("convert");
  // The clerk issues a letter the leader approved: approved here first, with the unit's seal.
  ASSERT_TRUE(giveTheHostASeal());
  fs::copy_file(letter, dir / "files" / "to-issue.pdf");
  ASSERT_EQ(client.call("/SignApproved", fileRequest("to-issue.pdf")).reply["Status"].asInt(), 0);
  fs::rename(dir / "uploaded" / "to-issue.pdf", dir / "files" / "issue.pdf");
  fs::copy_file(letter, dir / "files" / "copy.pdf");
  fs::copy_file(letter, dir / "files" / "b1.pdf");
  fs::copy_file(letter, dir / "files" / "b2.pdf");
  const fs::path home = dir / "home", nss = home / ".pki" / "nssdb";
  fs::create_directories(nss);
  std::string out;
  ASSERT_EQ(test::run("certutil -N -d sql:" + nss.string() + " --empty-password", &out), 0) << out;
  ASSERT_EQ(test::run("certutil -A -d sql:" + nss.string() + " -n 'kyso local CA' -t C,, -i " +
                          client.caCert.string(),
                      &out),
            0)
      << out;
  const std::string url =
      docs.url("/page.html?port=" + std::to_string(client.port) + "&token=" + currentToken());
  std::vector<std::string> args = {"/usr/bin/chromium",
                                   "--headless=new",
                                   "--no-sandbox",
                                   "--disable-gpu",
                                   "--disable-quic",
                                   "--no-first-run",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--user-data-dir=" + (dir / "chromium").string(),
                                   url};
  std::vector<std::string> envs = {"HOME=" + home.string(), "PATH=/usr/bin:/bin"};
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  const fs::path chromiumLog = dir / "chromium.log";
  posix_spawn_file_actions_addopen(&fa, 1, chromiumLog.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid = -1;
  ASSERT_EQ(posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), envp.data()), 0);
  posix_spawn_file_actions_destroy(&fa);
  const fs::path result = dir / "uploaded" / "result.json";
  for (int i = 0; i < 900 && !fs::exists(result); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(pid, SIGTERM);
  int st = 0;
  ::waitpid(pid, &st, 0);
  ASSERT_TRUE(fs::exists(result)) << test::readFile(chromiumLog) << docLog();
  auto replies = Json::parse(test::readFile(result));
  ASSERT_TRUE(replies.ok());
  const Json& r = *replies;
  EXPECT_EQ(r["probe"].asString(), "opaque") << "the plain GET reached the service";
  for (const char* c : {"SignApproved", "SignIssued", "SignCopy", "SignFile", "SignMsg",
                        "GetCertInfo", "vgca_sign_files"})
    EXPECT_EQ(r[c]["Status"].asInt(), 0) << c << ": " << r[c].dump();
  EXPECT_EQ(r["vgca_sign_files"]["Files"].size(), 2u) << r["vgca_sign_files"].dump();
  for (const char* name : {"b1.pdf", "b2.pdf"})
    EXPECT_EQ(verifyUploaded(dir / "uploaded" / name), pdfverify::Indication::TotalPassed) << name;
  EXPECT_EQ(r["SignApproved"]["FileName"].asString(), "letter.pdf");
  EXPECT_EQ(r["SignApproved"]["DocumentNumber"].asString(), "79/SYT-VP");
  EXPECT_FALSE(r["SignMsg"]["Signature"].asString().empty());
  EXPECT_FALSE(r["GetCertInfo"]["CertInfo"]["CertBase64"].asString().empty());
  EXPECT_EQ(r["SignXML"]["Status"].asInt(), 0) << r["SignXML"].dump();
  EXPECT_TRUE(r["signedXmlKeepsTheName"].isBool() && r["signedXmlKeepsTheName"].asBool());
  ASSERT_TRUE(r["VerifyXML"].isArray()) << r["VerifyXML"].dump();
  ASSERT_EQ(r["VerifyXML"].size(), 1u);
  EXPECT_EQ(r["VerifyXML"][0]["SigInfo"]["SignerCert"]["SerialNumber"].asString(),
            certs::serialHex(test::loadCert(test::pki("signer-rsa2048.pem")).get()));
  EXPECT_EQ(r["VerifyXML"][0]["ValidationDetails"]["IntegrityStatus"]["Status"].asInt(), 0);
  EXPECT_EQ(r["SignIssued"]["DocumentDate"].asString(), "2019-03-12T12:00:00+07:00");
  EXPECT_EQ(verifyUploaded(dir / "uploaded" / "issue.pdf", 2), pdfverify::Indication::TotalPassed);
  if (test::haveTool("pdftotext")) {
    std::string text;
    test::run("pdftotext -f 1 -l 1 " + (dir / "uploaded" / "issue.pdf").string() + " -", &text);
    EXPECT_NE(text.find("79"), std::string::npos) << "the number filled in:\n" << text;
  }
  ASSERT_EQ(host.seen.size(), 9u);  // the approval before the page, then the page's eight
  for (const Approval& a : host.seen) EXPECT_EQ(a.origin, pageOrigin());
  EXPECT_EQ(verifyUploaded(dir / "uploaded" / "letter.pdf"), pdfverify::Indication::TotalPassed);
  EXPECT_EQ(verifyUploaded(dir / "uploaded" / "copy.pdf"), pdfverify::Indication::TotalPassed);
  EXPECT_TRUE(fs::exists(dir / "uploaded" / "report.txt.p7s"));
  if (test::haveTool("pdftotext")) {
    test::run("pdftotext -f 1 -l 1 " + (dir / "uploaded" / "copy.pdf").string() + " -", &out);
    EXPECT_NE(out.find("SAO Y"), std::string::npos) << out;
  }
}

TEST(LocalTls, MadeOnceWithPrivateKeysAndLimitedToLoopback) {
  TempDir d;
  auto first = ensureLocalTls(d.path() / "svc");
  ASSERT_TRUE(first.ok()) << first.error().technical();
  EXPECT_TRUE(first->madeCa);
  EXPECT_TRUE(first->madeServer);
  struct stat st {};
  ASSERT_EQ(::stat((d.path() / "svc" / "local-ca.key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat(first->serverKey.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  ASSERT_EQ(::stat((d.path() / "svc").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0700u);
  auto second = ensureLocalTls(d.path() / "svc");
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->madeCa);
  EXPECT_FALSE(second->madeServer);
  EXPECT_EQ(second->caSha256, first->caSha256);
  // openssl: the server certificate chains to the CA for 127.0.0.1, and the CA constrains names.
  std::string out;
  EXPECT_EQ(test::run("openssl verify -CAfile " + first->caCert.string() +
                          " -verify_ip 127.0.0.1 " + first->serverCert.string(),
                      &out),
            0)
      << out;
  test::run("openssl x509 -noout -text -in " + first->caCert.string(), &out);
  EXPECT_NE(out.find("Name Constraints: critical"), std::string::npos) << out;
  // Another installation has another CA.
  auto other = ensureLocalTls(d.path() / "other");
  ASSERT_TRUE(other.ok());
  EXPECT_NE(other->caSha256, first->caSha256);
  // A damaged server key is replaced, the CA kept.
  test::writeFile(first->serverKey, "garbage");
  auto repaired = ensureLocalTls(d.path() / "svc");
  ASSERT_TRUE(repaired.ok());
  EXPECT_FALSE(repaired->madeCa);
  EXPECT_TRUE(repaired->madeServer);
}

// The audit log's one format, written and read back: a damaged line is counted, not fatal; the
// file is the user's alone; only the last entries asked for are kept in memory.
TEST(AuditLog, WrittenAndReadBackWithDamagedLinesCounted) {
  TempDir d;
  const fs::path log = d.path() / "service" / "audit.jsonl";
  AuditEntry a{"2026-12-06T01:02:03Z",
               "https://vanban.soyte.example.gov.vn",
               "SignApproved",
               "https://vanban.soyte.example.gov.vn/f/1",
               "ab12",
               "",
               0,
               ""};
  AuditEntry b = a;
  b.call = "SignMsg";
  b.document.clear();
  b.digest = "SHA256:00ff";
  b.status = 3;
  b.message = "Người dùng đã từ chối.";
  ASSERT_TRUE(appendAuditLines(log, auditLine(a)).ok());
  ASSERT_TRUE(appendAuditLines(log, "{not json\n" + auditLine(b)).ok());
  EXPECT_EQ(fs::status(log).permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write);
  auto read = readAuditLog(log);
  ASSERT_TRUE(read.ok());
  ASSERT_EQ(read->entries.size(), 2u);
  EXPECT_EQ(read->unreadable, 1u);
  EXPECT_EQ(read->entries[0].document, a.document);
  EXPECT_EQ(read->entries[1].digest, "SHA256:00ff");
  EXPECT_EQ(read->entries[1].status, 3);
  EXPECT_EQ(read->entries[1].message, b.message);
  auto lastOne = readAuditLog(log, 1);
  ASSERT_TRUE(lastOne.ok());
  ASSERT_EQ(lastOne->entries.size(), 1u);
  EXPECT_EQ(lastOne->entries[0].call, "SignMsg");
  auto none = readAuditLog(d.path() / "absent.jsonl");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->entries.empty());
}

TEST(SitePolicy, OriginsAndAddresses) {
  EXPECT_EQ(parseOrigin("https://VanBan.Example.gov.vn")->text, "https://vanban.example.gov.vn");
  EXPECT_EQ(parseOrigin("https://a.example:443")->text, "https://a.example");
  EXPECT_EQ(parseOrigin("http://127.0.0.1:8080")->text, "http://127.0.0.1:8080");
  for (const char* bad : {"null", "", "file://", "https://a.example/path", "ftp://a.example",
                          "https://user@a.example", "https://a.example:99999"})
    EXPECT_FALSE(parseOrigin(bad).ok()) << bad;
  for (const char* p : {"127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "169.254.1.1", "::1",
                        "fd00::1", "fe80::1", "::ffff:10.0.0.1", "0.0.0.0", "100.64.0.1"})
    EXPECT_TRUE(isPrivateAddress(p)) << p;
  for (const char* p : {"8.8.8.8", "172.32.0.1", "2001:4860::1", "vanban.example"})
    EXPECT_FALSE(isPrivateAddress(p)) << p;
  EXPECT_TRUE(hostHeaderIsOurs("127.0.0.1:8987", 8987));
  EXPECT_TRUE(hostHeaderIsOurs("LOCALHOST:8987", 8987));
  EXPECT_FALSE(hostHeaderIsOurs("127.0.0.1:8988", 8987));
  EXPECT_FALSE(hostHeaderIsOurs("127.0.0.1", 8987));
  EXPECT_FALSE(hostHeaderIsOurs("evil.example:8987", 8987));
  SitePolicy pol;
  pol.allowedOrigins = {"https://vanban.example.gov.vn"};
  const Origin caller = *parseOrigin("https://vanban.example.gov.vn");
  EXPECT_TRUE(checkDocumentAddress("https://vanban.example.gov.vn/f/1.pdf?t=x", caller, pol).ok());
  EXPECT_FALSE(checkDocumentAddress("http://vanban.example.gov.vn/f/1.pdf", caller, pol).ok())
      << "https only for an https site";
  EXPECT_FALSE(checkDocumentAddress("https://other.example/1.pdf", caller, pol).ok());
  EXPECT_FALSE(checkDocumentAddress("https://127.0.0.1/1.pdf", caller, pol).ok());
}

}  // namespace
}  // namespace kyso::service
