// The jobs layer on its own (issue 18). The front ends' tests (tests/cms/cli_test.cpp,
// tests/pdf, tests/ui/sign_batch_test.cpp) run through it too; these pin what the layer itself
// promises: one format registry, one stop policy, token errors as values, results per file in
// input order, per-file consent to replace, cancel after the current file. Outputs are checked
// with openssl and pdfsig, not with kyso.
#include <gtest/gtest.h>
#include <openssl/err.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/messages.h"
#include "src/jobs/active_content_check.h"
#include "src/jobs/batch.h"
#include "src/jobs/checked_pdfs.h"
#include "src/jobs/detached_sign_job.h"
#include "src/jobs/document_format.h"
#include "src/jobs/extend_job.h"
#include "src/jobs/key_file_identity.h"
#include "src/jobs/opened_files.h"
#include "src/jobs/pdf_sign_job.h"
#include "src/jobs/sign_job.h"
#include "src/jobs/verify_job.h"
#include "src/jobs/verify_profile.h"
#include "tests/certs/test_env.h"

namespace kyso::jobs {
namespace {
namespace fs = std::filesystem;
using test::pki;
using State = ItemResult::State;

// Records every call; asks to cancel once `cancelAfter` files have been started.
struct Recorder : BatchObserver {
  std::vector<ItemResult> results;
  std::atomic<int> startedCount{0};
  int cancelAfter = 1 << 30;
  void started(std::size_t, std::size_t) override { ++startedCount; }
  void finished(const ItemResult& r) override { results.push_back(r); }
  bool cancelRequested() override { return startedCount.load() >= cancelAfter; }
};

SigningKey keyFile() {
  auto id = identityFromKeyFiles(pki("signer-ec256.pem"), pki("signer-ec256.key"), std::nullopt);
  EXPECT_TRUE(id.ok()) << id.error().technical();
  return SigningKey{std::move(*id), nullptr};
}

fs::path samples() {
  return fs::path(test::env("KYSO_BINARY_DIR")) / "test-samples";
}

TEST(DocumentFormat, OneRegistryByName) {
  EXPECT_EQ(formatOf("a/b/Letter.PDF"), DocumentFormat::Pdf);
  EXPECT_EQ(formatOf("report.docx.p7s"), DocumentFormat::DetachedSignature);
  EXPECT_EQ(formatOf("mail.P7M"), DocumentFormat::DetachedSignature);
  EXPECT_EQ(formatOf("claim.xml"), DocumentFormat::Xml);
  EXPECT_EQ(formatOf("report.docx"), DocumentFormat::Other);
  EXPECT_EQ(formatOf("pdf"), DocumentFormat::Other);
  EXPECT_EQ(formatOf("a.pdf.bak"), DocumentFormat::Other);
  EXPECT_EQ(signingMethodFor("x.Pdf"), SigningMethod::Pades);
  EXPECT_EQ(signingMethodFor("claim.xml"), SigningMethod::XmlDsig);
  EXPECT_EQ(signingMethodFor("report.docx"), SigningMethod::DetachedCms);
  EXPECT_EQ(detachedSignaturePath("d/r.docx"), fs::path("d/r.docx.p7s"));
}

// Issue 21: what files opened with kyso are for. A signed PDF is verified first and may be signed
// again; a damaged PDF goes to verification, which explains it; a .p7s is only verified.
TEST(OpenedFiles, SignedAndDamagedFilesAreVerifiedOthersSigned) {
  const fs::path pdf = fs::path(test::env("KYSO_SHARED_DIR")) / "corpus" / "pdf";
  const fs::path signedPdf = pdf / "dss__pdf-signed-original.pdf";
  const fs::path unsignedPdf = pdf / "pyhanko__minimal.pdf";
  test::TempDir dir;
  const fs::path damaged = dir.path() / "damaged.pdf";
  std::ofstream(damaged) << "not a PDF at all";
  const OpenedFiles all =
      sortOpenedFiles({signedPdf, unsignedPdf, damaged, "claim.xml", "report.docx.p7s"});
  EXPECT_EQ(all.toVerify, (std::vector<fs::path>{signedPdf, damaged, "report.docx.p7s"}));
  EXPECT_EQ(all.toSign, (std::vector<fs::path>{signedPdf, unsignedPdf, damaged, "claim.xml"}));
  EXPECT_FALSE(all.verifyFirst);
  EXPECT_TRUE(sortOpenedFiles({signedPdf, "report.docx.p7s"}).verifyFirst);
  EXPECT_FALSE(sortOpenedFiles({}).verifyFirst);
}

TEST(BatchPolicy, TokenAndPinProblemsStopABatchBadFilesDoNot) {
  EXPECT_TRUE(stopsBatch(Error::kyso(Errc::TokenRemoved, "C_Sign")));
  EXPECT_TRUE(stopsBatch(Error::kyso(Errc::PinIncorrect, "C_Login")));
  EXPECT_TRUE(stopsBatch(Error::kyso(Errc::PinLocked, "C_Login")));
  EXPECT_TRUE(stopsBatch(Error::kyso(Errc::Cancelled, "PIN dialog")));
  EXPECT_TRUE(stopsBatch(Error::raw(Domain::Pkcs11, 0x30, "C_Sign")));  // CKR_DEVICE_ERROR
  EXPECT_FALSE(stopsBatch(Error::kyso(Errc::NotAPdf, "open")));
  EXPECT_FALSE(stopsBatch(Error::kyso(Errc::FileExists, "open")));
  EXPECT_FALSE(stopsBatch(Error::kyso(Errc::PdfFieldNotFound, "sign")));
}

TEST(ErrorThroughOpenSsl, TheCallbacksErrorComesBackAsItWas) {
  ERR_clear_error();
  const Error token = Error::raw(Domain::Pkcs11, 0x32, "C_Sign", "slot 3", Errc::TokenRemoved)
                          .because(Detail::ModulesSearched);
  raiseThroughOpenSsl(token);
  ERR_raise(ERR_LIB_CMS, ERR_R_PASSED_NULL_PARAMETER);  // what OpenSSL adds after a callback
  const Error got = Error::openssl("CMS_final");
  EXPECT_EQ(got.domain, Domain::Pkcs11);
  EXPECT_EQ(got.code, 0x32);
  EXPECT_EQ(got.kind, Errc::TokenRemoved);
  EXPECT_EQ(got.operation, "C_Sign");
  EXPECT_EQ(got.context, "slot 3");
  EXPECT_EQ(got.detail, Detail::ModulesSearched);
  EXPECT_EQ(ERR_peek_error(), 0u) << "the queue is drained";
  // An OpenSSL error of its own stays one.
  ERR_raise(ERR_LIB_CMS, ERR_R_PASSED_NULL_PARAMETER);
  const Error plain = Error::openssl("CMS_final", "file.p7s");
  EXPECT_EQ(plain.domain, Domain::OpenSsl);
  EXPECT_EQ(plain.operation, "CMS_final");
  // OpenSSL's own text is for logs: people read the file.
  EXPECT_EQ(plain.detail, Detail::TechnicalIn);
  EXPECT_NE(plain.technical().find("file.p7s: error:"), std::string::npos) << plain.technical();
  EXPECT_EQ(describe(plain, Lang::Vi), "Lỗi xử lý mật mã. (file.p7s)");
}

TEST(ResultDeathTest, ValueOfAnErrorStopsTheProgramInEveryBuild) {
  auto readValue = [] {
    Result<int> r = Error::kyso(Errc::NotAPdf, "open", "x.pdf");
    return r.value();
  };
  EXPECT_DEATH((void)readValue(), "internal error: Result::value\\(\\).*NotAPdf");
  auto readError = [] {
    Status st;
    return st.error().code;
  };
  EXPECT_DEATH((void)readError(), "internal error: Result::error\\(\\)");
}

// Issue 22: a folder verified with revocation online has a few files verified ahead, out of order
// (VerifyJob's probes); every file still gets exactly one report, its own, in the folder's order.
TEST(VerifyJob, FilesVerifiedAheadAreReportedOnceInOrder) {
  test::TempDir dir;
  std::vector<fs::path> files;
  const char* kinds[] = {"classic.pdf", "incremental.pdf", "empty.pdf", "damaged-xref.pdf"};
  for (int i = 0; i < 48; ++i) {
    const fs::path f = dir.path() / ("f" + std::to_string(100 + i) + ".pdf");
    fs::copy_file(samples() / kinds[i % 4], f);
    files.push_back(f);
  }
  VerifyProfileSettings s;
  s.offline = false;  // online: the probes run
  s.visualCheck = false;
  s.timeout = std::chrono::seconds(2);
  s.issuerCache = dir.path() / "issuers";
  s.crlCache = dir.path() / "crls";
  s.ocspCache = dir.path() / "ocsp";
  auto profile = VerifyProfile::create(s);
  ASSERT_TRUE(profile.ok()) << profile.error().technical();
  VerifyJob job(*profile);
  std::vector<std::size_t> order;
  std::vector<std::string> names;
  job.verifyDocuments(files, 2, Lang::En, [&](std::size_t i, pdfverify::FileReport&& r) {
    order.push_back(i);
    names.push_back(r.file);
  });
  ASSERT_EQ(order.size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    EXPECT_EQ(order[i], i);
    EXPECT_EQ(fs::path(names[i]).filename(), files[i].filename());
  }
}

TEST(DetachedSignJob, ResultsInOrderBadFilesReportedConsentPerFile) {
  test::TempDir dir;
  const fs::path a = dir.path() / "a.txt", c = dir.path() / "c.txt", d = dir.path() / "d.txt";
  test::writeFile(a, "first");
  test::writeFile(c, "third");
  test::writeFile(d, "fourth");
  test::writeFile(detachedSignaturePath(c), "kept");
  test::writeFile(detachedSignaturePath(d), "replace me");
  std::vector<SignInput> items{{a, detachedSignaturePath(a), false},
                               {dir.path() / "missing.txt", dir.path() / "missing.txt.p7s", false},
                               {c, detachedSignaturePath(c), false},
                               {d, detachedSignaturePath(d), true}};
  Recorder rec;
  DetachedSignSettings settings;
  settings.offline = true;
  settings.lanes = 3;
  auto summary = DetachedSignJob::run(items, keyFile(), settings, rec);
  ASSERT_TRUE(summary.ok()) << summary.error().technical();
  ASSERT_EQ(rec.results.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(rec.results[i].index, i);
  EXPECT_EQ(rec.results[0].state, State::Done);
  EXPECT_EQ(rec.results[0].level, "B-B");
  EXPECT_EQ(rec.results[1].state, State::Failed);
  EXPECT_EQ(rec.results[1].error->kind, Errc::FileNotFound);
  EXPECT_EQ(rec.results[2].state, State::Failed);
  EXPECT_EQ(rec.results[2].error->kind, Errc::FileExists);
  EXPECT_EQ(test::readFile(detachedSignaturePath(c)), "kept");
  EXPECT_EQ(rec.results[3].state, State::Done);
  EXPECT_EQ(summary->done, 2u);
  EXPECT_EQ(summary->failed, 2u);
  EXPECT_FALSE(summary->stoppedBy);
  for (const fs::path& in : {a, d}) {
    std::string out;
    EXPECT_EQ(test::run("openssl cms -verify -noverify -binary -inform DER -in " +
                            detachedSignaturePath(in).string() + " -content " + in.string() +
                            " -out /dev/null",
                        &out),
              0)
        << out;
  }
}

class PdfSignJobTest : public ::testing::Test {
 protected:
  fs::path copy(const std::string& name) {
    const fs::path to = m_dir.path() / name;
    fs::copy_file(samples() / "letter.pdf", to);
    return to;
  }
  static bool pdfsigSaysValid(const fs::path& pdf) {
    std::string out;
    test::run("pdfsig " + pdf.string(), &out);
    return out.find("Signature is Valid") != std::string::npos;
  }
  test::TempDir m_dir;
};

TEST_F(PdfSignJobTest, GoesOnAfterABadFileAndReportsInInputOrder) {
  if (!test::haveTool("pdfsig")) GTEST_SKIP() << "pdfsig missing";
  const fs::path bad = m_dir.path() / "bad.pdf";
  test::writeFile(bad, "not a pdf at all");
  std::vector<SignInput> items{{copy("a.pdf"), m_dir.path() / "a-signed.pdf", false},
                               {bad, m_dir.path() / "bad-signed.pdf", false},
                               {copy("c.pdf"), m_dir.path() / "c-signed.pdf", false}};
  Recorder rec;
  PdfSignSettings settings;
  const SigningKey key = keyFile();
  const BatchSummary s = PdfSignJob::run(items, key, settings, rec);
  ASSERT_EQ(rec.results.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_EQ(rec.results[i].index, i);
  EXPECT_EQ(rec.results[0].state, State::Done);
  EXPECT_EQ(rec.results[0].level, "B-B");
  EXPECT_FALSE(rec.results[0].field.empty());
  EXPECT_EQ(rec.results[1].state, State::Failed);
  EXPECT_EQ(rec.results[1].error->kind, Errc::NotAPdf);
  EXPECT_EQ(rec.results[2].state, State::Done);
  EXPECT_EQ(s.done, 2u);
  EXPECT_EQ(s.failed, 1u);
  EXPECT_EQ(rec.startedCount.load(), 3);
  EXPECT_TRUE(pdfsigSaysValid(items[0].output));
  EXPECT_TRUE(pdfsigSaysValid(items[2].output));
  EXPECT_FALSE(fs::exists(items[1].output));
}

TEST_F(PdfSignJobTest, CancelStopsAfterTheCurrentFileAndLeavesNoPartialOutput) {
  if (!test::haveTool("pdfsig")) GTEST_SKIP() << "pdfsig missing";
  std::vector<SignInput> items;
  for (const char* n : {"a", "b", "c", "d"})
    items.push_back({copy(std::string(n) + ".pdf"), m_dir.path() / (std::string(n) + "-s.pdf")});
  Recorder rec;
  rec.cancelAfter = 1;
  const SigningKey key = keyFile();
  const BatchSummary s = PdfSignJob::run(items, key, PdfSignSettings{}, rec);
  ASSERT_EQ(rec.results.size(), 4u);
  EXPECT_EQ(rec.results[0].state, State::Done);
  for (std::size_t i = 1; i < 4; ++i) {
    EXPECT_EQ(rec.results[i].state, State::NotAttempted) << i;
    EXPECT_FALSE(fs::exists(items[i].output)) << i;
  }
  EXPECT_TRUE(s.cancelled);
  EXPECT_TRUE(pdfsigSaysValid(items[0].output));
  // Nothing but the inputs and the one output is left in the folder (no temporary files).
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(m_dir.path())) files += e.is_regular_file() ? 1 : 0;
  EXPECT_EQ(files, 5u);
}

TEST_F(PdfSignJobTest, SettingsItCannotRunWithFailEveryFileAndSignNothing) {
  const std::vector<SignInput> items{{copy("a.pdf"), m_dir.path() / "a-signed.pdf", false},
                                     {copy("b.pdf"), m_dir.path() / "b-signed.pdf", false}};
  PdfSignSettings s;
  s.level = pdf::PadesLevel::BT;  // and no TSA
  Recorder rec;
  const BatchSummary sum = PdfSignJob::run(items, keyFile(), s, rec);
  ASSERT_EQ(rec.results.size(), 2u);
  for (const auto& r : rec.results) {
    EXPECT_EQ(r.state, State::Failed);
    EXPECT_EQ(r.error->kind, Errc::UsageError);
  }
  EXPECT_EQ(sum.failed, 2u);
  EXPECT_EQ(rec.startedCount.load(), 0);
  EXPECT_FALSE(fs::exists(items[0].output));
  ExtendSettings e;
  e.level = pdf::PadesLevel::BLTA;  // and no TSA
  Recorder rec2;
  ExtendJob::run(items, e, rec2);
  ASSERT_EQ(rec2.results.size(), 2u);
  EXPECT_EQ(rec2.results[0].error->kind, Errc::UsageError);
}

TEST_F(PdfSignJobTest, ExistingOutputsAreSkippedOrRefusedUnlessConsented) {
  const fs::path in = copy("a.pdf");
  const fs::path out = m_dir.path() / "a-signed.pdf";
  test::writeFile(out, "earlier");
  const SigningKey key = keyFile();
  {
    Recorder rec;
    PdfSignJob::run({{in, out, false}}, key, PdfSignSettings{}, rec);
    ASSERT_EQ(rec.results.size(), 1u);
    EXPECT_EQ(rec.results[0].state, State::Failed);
    EXPECT_EQ(rec.results[0].error->kind, Errc::FileExists);
  }
  {
    Recorder rec;
    PdfSignSettings s;
    s.skipExisting = true;
    PdfSignJob::run({{in, out, false}}, key, s, rec);
    EXPECT_EQ(rec.results.at(0).state, State::Skipped);
    EXPECT_EQ(rec.startedCount.load(), 0);
  }
  EXPECT_EQ(test::readFile(out), "earlier");
  {
    Recorder rec;
    PdfSignJob::run({{in, out, true}}, key, PdfSignSettings{}, rec);
    EXPECT_EQ(rec.results.at(0).state, State::Done);
  }
  EXPECT_NE(test::readFile(out), "earlier");
}

// Issue 22: the batch signs a PDF only if it is still the file its check before the PIN read. One
// replaced by another PDF after the check (a document with a script the person was not warned
// about, say), or one the check could not read that is a PDF now, is refused with its reason and
// no output; an untouched file beside them is signed.
TEST_F(PdfSignJobTest, APdfChangedAfterTheCheckBeforeThePinIsNotSigned) {
  if (!test::haveTool("pdfsig")) GTEST_SKIP() << "pdfsig missing";
  const fs::path same = copy("same.pdf");
  const fs::path replaced = copy("replaced.pdf");
  const fs::path unreadable = m_dir.path() / "unreadable.pdf";
  test::writeFile(unreadable, "not a pdf at all");
  auto checked = std::make_shared<CheckedPdfs>();
  EXPECT_TRUE(findActiveContent({same, replaced, unreadable}, Lang::En, checked.get()).empty());
  EXPECT_EQ(checked->size(), 3u);
  fs::copy_file(samples() / "classic.pdf", replaced, fs::copy_options::overwrite_existing);
  fs::copy_file(samples() / "classic.pdf", unreadable, fs::copy_options::overwrite_existing);
  PdfSignSettings s;
  s.checked = checked;
  Recorder rec;
  const std::vector<SignInput> items{{same, m_dir.path() / "same-s.pdf", false},
                                     {replaced, m_dir.path() / "replaced-s.pdf", false},
                                     {unreadable, m_dir.path() / "unreadable-s.pdf", false}};
  const SigningKey key = keyFile();
  PdfSignJob::run(items, key, s, rec);
  ASSERT_EQ(rec.results.size(), 3u);
  EXPECT_EQ(rec.results[0].state, State::Done);
  EXPECT_TRUE(pdfsigSaysValid(items[0].output));
  for (std::size_t i = 1; i < 3; ++i) {
    EXPECT_EQ(rec.results[i].state, State::Failed) << i;
    ASSERT_TRUE(rec.results[i].error) << i;
    EXPECT_EQ(rec.results[i].error->detail, Detail::ChangedSinceChecked) << i;
    EXPECT_NE(describe(*rec.results[i].error, Lang::En).find("changed after it was checked"),
              std::string::npos);
    EXPECT_FALSE(fs::exists(items[i].output)) << i;
  }
  // Without the check's record the files are signed as they are now.
  Recorder again;
  PdfSignJob::run({{replaced, m_dir.path() / "now-s.pdf", false}}, key, PdfSignSettings{}, again);
  EXPECT_EQ(again.results.at(0).state, State::Done);
}

TEST(CheckedPdfs, AFileIsSignedOnlyAsTheCheckReadIt) {
  CheckedPdfs c;
  FileStamp a;
  a.inode = 7;
  a.size = 100;
  FileStamp b = a;
  b.changedNs = 1;
  c.note("a.pdf", a);
  c.note("bad.pdf", std::nullopt);
  EXPECT_TRUE(c.unchanged("a.pdf", a));
  EXPECT_FALSE(c.unchanged("a.pdf", b));
  EXPECT_FALSE(c.unchanged("a.pdf", std::nullopt));
  EXPECT_FALSE(c.unchanged("bad.pdf", a)) << "unreadable when checked, readable now";
  EXPECT_TRUE(c.unchanged("other.pdf", a)) << "not part of the check";
  EXPECT_EQ(c.size(), 2u);
}

TEST_F(PdfSignJobTest, AMixedBatchSignsPdfsInsideAndOtherFilesBeside) {
  if (!test::haveTool("pdfsig")) GTEST_SKIP() << "pdfsig missing";
  const fs::path txt = m_dir.path() / "report.txt";
  test::writeFile(txt, "the report");
  std::vector<SignInput> items{{copy("a.pdf"), m_dir.path() / "a-signed.pdf", false},
                               {txt, detachedSignaturePath(txt), false},
                               {copy("c.pdf"), m_dir.path() / "c-signed.pdf", false}};
  Recorder rec;
  SignSettings settings;
  settings.detached.offline = true;
  std::vector<std::size_t> appearanceAskedFor;
  settings.pdf.appearance = [&](std::size_t i, const SignInput&, auto) {
    appearanceAskedFor.push_back(i);
    return Result<std::optional<appearance::Appearance>>(std::nullopt);
  };
  const BatchSummary s = SignJob::run(items, keyFile(), std::move(settings), rec);
  EXPECT_EQ(s.done, 3u);
  EXPECT_EQ(appearanceAskedFor, (std::vector<std::size_t>{0, 2})) << "the batch's own indexes";
  ASSERT_EQ(rec.results.size(), 3u);
  std::vector<std::size_t> order;
  for (const auto& r : rec.results) order.push_back(r.index);
  EXPECT_EQ(order, (std::vector<std::size_t>{0, 2, 1}));
  EXPECT_TRUE(rec.results[2].field.empty());
  EXPECT_EQ(rec.results[2].level, "B-B");
  EXPECT_TRUE(pdfsigSaysValid(items[0].output));
  EXPECT_TRUE(pdfsigSaysValid(items[2].output));
  std::string out;
  EXPECT_EQ(
      test::run("openssl cms -verify -noverify -binary -inform DER -in " +
                    items[1].output.string() + " -content " + txt.string() + " -out /dev/null",
                &out),
      0)
      << out;
}

}  // namespace
}  // namespace kyso::jobs
