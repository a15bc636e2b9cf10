// SignBatch (the Sign tab's signing) on a real SoftHSM token holding a test-PKI signer: one login
// for a batch of a PDF with a visible approval signature, a bad PDF (reported, the batch goes on)
// and a text file (detached .p7s, checked with `openssl cms -verify`); the signed PDF verifies as
// valid with the test root as anchor; inputs are untouched; an existing output is not replaced;
// cancel stops after the current file and that file stays valid. The certificate chooser lists
// only the signing certificate, not the CA on the same token. The reason and location reach the
// signature dictionary (read with qpdf), the chosen issue date the letter's date line (read with
// pdftotext), and the Sign tab's form remembers reason and location in its settings store.
#include "ui/sign/sign_batch.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>

#include "core/clock.h"
#include "pkcs11/device_worker.h"
#include "pkcs11/pin_prompt.h"
#include "src/appearance/placement.h"
#include "src/inventory/certfile.h"
#include "src/inventory/inventory.h"
#include "tests/support/softhsm_fixture.h"
#include "tests/ui/qt_print.h"
#include "tests/ui/sign_support.h"
#include "ui/common/language.h"
#include "ui/sign/sign_tab.h"
#include "ui/verify/verify_service.h"

namespace kyso::ui {
namespace {
namespace fs = std::filesystem;
using namespace kyso::ui::testing;

class SignBatchTest : public test::SoftHsmTest {
 protected:
  void SetUp() override {
    test::SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(fs::exists(pkiDir() / "signer-rsa2048.pem")) << "fixture 'pki' missing";
    ASSERT_TRUE(fs::exists(samplesDir() / "letter.pdf")) << "fixture 'samples' missing";
  }
  void importSigner(bool alwaysAuthenticate = false) {
    const Status st = importTestSigner(token(), alwaysAuthenticate);
    ASSERT_TRUE(st.ok()) << st.error().technical();
  }
  TokenSnapshot snapshot() {
    TokenSnapshot s;
    s.present = true;
    s.module = QString::fromStdString(token().modulePath().string());
    s.serial = QString::fromStdString(token().serial());
    s.label = QString::fromStdString(token().label());
    return s;
  }
  SigningCert onlyCert() {
    auto f = listSigningCertificates({snapshot()}, worker);
    f.waitForFinished();
    auto r = f.result();
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().technical());
    if (!r.ok() || r->size() != 1) {
      ADD_FAILURE() << "expected exactly one signing certificate";
      return {};
    }
    return r->front();
  }
  QString copyIn(const fs::path& from, const std::string& name) {
    const fs::path to = token().dir() / name;
    fs::copy_file(from, to, fs::copy_options::overwrite_existing);
    return QString::fromStdString(to.string());
  }
  std::vector<SignOutcome> run(SignBatch& batch, std::vector<SignItem> items, SignSettings st) {
    std::vector<SignOutcome> out;
    QObject::connect(&batch, &SignBatch::itemFinished,
                     [&](const SignOutcome& o) { out.push_back(o); });
    QSignalSpy done(&batch, &SignBatch::finished);
    EXPECT_TRUE(batch.start(std::move(items), std::move(st)));
    EXPECT_TRUE(batch.running());
    EXPECT_TRUE(done.wait(60000));
    lastFinished = done.isEmpty() ? QList<QVariant>{} : done.front();
    return out;
  }
  std::shared_ptr<p11::DeviceWorker> worker = std::make_shared<p11::DeviceWorker>();
  QList<QVariant> lastFinished;
};

pdfverify::Indication verifyWithTestRoot(const QString& file, std::size_t signatures = 1) {
  AppSettings s;
  s.extraAnchors = {QString::fromStdString((pkiDir() / "root.pem").string())};
  auto svc = VerifyService::create(s);
  EXPECT_TRUE(svc.ok());
  if (!svc.ok()) return pdfverify::Indication::TotalFailed;
  auto report = (*svc)->verifyNow(file);
  EXPECT_EQ(report->status, pdfverify::FileStatus::Signed);
  EXPECT_EQ(report->signatures.size(), signatures);
  if (report->indication != pdfverify::Indication::TotalPassed) {
    auto text = [](const pdfverify::Finding& f) { return pdfverify::findingText(f, Lang::En); };
    for (const auto& n : report->notes) ADD_FAILURE() << "file note: " << text(n);
    for (const auto& sig : report->signatures) {
      ADD_FAILURE() << "signature: " << pdfverify::subIndicationName(sig.subindication) << " / "
                    << pdfverify::subIndicationName(sig.crypto.subindication) << " / "
                    << describe(Error::kyso(sig.crypto.reason, "verify"));
      for (const auto& n : sig.crypto.notes) ADD_FAILURE() << "crypto note: " << text(n);
      for (const auto& n : sig.problems) ADD_FAILURE() << "problem: " << text(n);
    }
  }
  return report->indication;
}

TEST_F(SignBatchTest, ChooserListsOnlyTheSigningCertificate) {
  importSigner();
  const SigningCert c = onlyCert();
  EXPECT_EQ(c.name, QStringLiteral("Nguyễn Thị Lấp Lánh"));
  EXPECT_EQ(c.keyIdHex, QStringLiteral("01"));
  EXPECT_EQ(c.tokenSerial, QString::fromStdString(token().serial()));
  EXPECT_EQ(c.sha256.size(), 64);
  EXPECT_TRUE(c.notAfter.isValid());
}

TEST_F(SignBatchTest, SignsABatchWithOneLoginAndGoesOnAfterABadFile) {
  importSigner();
  const QString letter = copyIn(samplesDir() / "letter.pdf", "letter.pdf");
  const QString bad = copyIn(samplesDir() / "not-a-pdf.pdf", "bad.pdf");
  const fs::path notes = token().dir() / "notes.txt";
  std::ofstream(notes) << "Biên bản họp giao ban\n";
  const std::string letterBefore = readAll(letter.toStdString());

  auto prompt = std::make_shared<p11::FixedPinPrompt>(token().userPin());
  SignBatch batch(worker, prompt);
  SignSettings st;
  st.cert = onlyCert();
  st.kind = QStringLiteral("approved");
  st.level = QStringLiteral("B-B");
  st.image = makeSignaturePng(token().dir());
  st.inventory = QString::fromStdString((token().dir() / "no-inventory.sqlite").string());
  std::vector<SignItem> items;
  // The person's rectangle on page 1 (the letter has one page), in PDF user space.
  items.push_back(
      {letter, signedOutputPath(letter, {}), false, PlacedRect{0, {300, 200, 460, 280}}});
  items.push_back({bad, signedOutputPath(bad, {}), false, std::nullopt});
  const QString notesIn = QString::fromStdString(notes.string());
  items.push_back({notesIn, signedOutputPath(notesIn, {}), false, std::nullopt});
  // A health-insurance claim file: an XML signature inside a signed copy (issue 20).
  const fs::path claim = token().dir() / "HOSO.xml";
  std::ofstream(claim) << "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<GIAMDINHHS><THONGTINDONVI>"
                          "<MACSKCB>79001</MACSKCB></THONGTINDONVI><CHUKYDONVI/></GIAMDINHHS>\n";
  const QString claimIn = QString::fromStdString(claim.string());
  items.push_back({claimIn, signedOutputPath(claimIn, {}), false, std::nullopt});
  const auto out = run(batch, items, st);

  EXPECT_EQ(prompt->asked(), 1) << "one login for the whole batch";
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[3].state, SignOutcome::State::Signed) << out[3].detail.toStdString();
  EXPECT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  EXPECT_TRUE(out[0].detail.startsWith(QStringLiteral("B-B"))) << out[0].detail.toStdString();
  EXPECT_EQ(out[1].state, SignOutcome::State::Failed);
  EXPECT_EQ(out[1].error, Errc::NotAPdf) << out[1].detail.toStdString();
  EXPECT_FALSE(out[1].detail.isEmpty());
  EXPECT_FALSE(fs::exists(signedOutputPath(bad, {}).toStdString()));
  EXPECT_EQ(out[2].state, SignOutcome::State::Signed) << out[2].detail.toStdString();
  ASSERT_EQ(lastFinished.size(), 2);
  EXPECT_FALSE(lastFinished[0].toBool());
  EXPECT_TRUE(lastFinished[1].toString().isEmpty());

  const QString signedPdf = signedOutputPath(letter, {});
  EXPECT_TRUE(signedPdf.endsWith(QStringLiteral("letter-signed.pdf")));
  EXPECT_EQ(readAll(letter.toStdString()), letterBefore) << "the input must not change";
  const std::string signedBytes = readAll(signedPdf.toStdString());
  EXPECT_EQ(signedBytes.compare(0, letterBefore.size(), letterBefore), 0)
      << "an incremental update keeps the original bytes";
  EXPECT_NE(signedBytes.find("/KysoKind /approved"), std::string::npos);
  EXPECT_EQ(verifyWithTestRoot(signedPdf), pdfverify::Indication::TotalPassed);

  // The detached signature, checked by OpenSSL against the test root.
  KYSO_REQUIRE_TOOL("openssl");
  const auto r =
      test::runTool({"openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                     notes.string() + ".p7s", "-content", notes.string(), "-CAfile",
                     (pkiDir() / "root.pem").string(), "-purpose", "any", "-out", "/dev/null"});
  EXPECT_EQ(r.status, 0) << r.out;

  // The claim file's signature, checked by xmlsec1 against the test root.
  KYSO_REQUIRE_TOOL("xmlsec1");
  const auto x = test::runTool(
      {"xmlsec1", "--verify", "--trusted-pem", (pkiDir() / "root.pem").string(), "--untrusted-pem",
       (pkiDir() / "gov-ca.pem").string(), signedOutputPath(claimIn, {}).toStdString()});
  EXPECT_EQ(x.status, 0) << x.out;
}

TEST_F(SignBatchTest, ExistingOutputIsNotReplacedUnlessAgreed) {
  importSigner();
  const QString letter = copyIn(samplesDir() / "letter.pdf", "letter.pdf");
  const QString output = signedOutputPath(letter, {});
  std::ofstream(output.toStdString()) << "keep me";
  auto prompt = std::make_shared<p11::FixedPinPrompt>(token().userPin());
  SignBatch batch(worker, prompt);
  SignSettings st;
  st.cert = onlyCert();
  auto out = run(batch, {{letter, output, false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state, SignOutcome::State::Failed);
  EXPECT_EQ(out[0].error, Errc::FileExists);
  EXPECT_EQ(readAll(output.toStdString()), "keep me");

  SignBatch again(worker, prompt);
  out = run(again, {{letter, output, true, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  EXPECT_EQ(verifyWithTestRoot(output), pdfverify::Indication::TotalPassed);
}

// Cancels the batch when the token asks for the PIN a second time: with a key that needs the PIN
// for every signature, that is during the first file's signature.
class CancellingPrompt final : public p11::PinPrompt {
 public:
  CancellingPrompt(std::string pin, SignBatch*& batch) : m_pin(pin), m_batch(batch) {}
  Result<SecretBuffer> getPin(const p11::PinRequest&) override {
    if (++asked == 2 && m_batch) m_batch->cancel();
    return SecretBuffer(m_pin.view());
  }
  std::atomic<int> asked{0};

 private:
  SecretBuffer m_pin;
  SignBatch*& m_batch;
};

TEST_F(SignBatchTest, CancelStopsAfterTheCurrentFileWhichStaysValid) {
  importSigner(/*alwaysAuthenticate=*/true);
  std::vector<SignItem> items;
  for (const char* name : {"a.pdf", "b.pdf", "c.pdf"}) {
    const QString in = copyIn(samplesDir() / "letter.pdf", name);
    items.push_back({in, signedOutputPath(in, {}), false, std::nullopt});
  }
  SignBatch* target = nullptr;
  auto prompt = std::make_shared<CancellingPrompt>(token().userPin(), target);
  SignBatch batch(worker, prompt);
  target = &batch;
  SignSettings st;
  st.cert = onlyCert();
  const auto out = run(batch, items, st);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  EXPECT_EQ(out[1].state, SignOutcome::State::NotAttempted);
  EXPECT_EQ(out[2].state, SignOutcome::State::NotAttempted);
  ASSERT_EQ(lastFinished.size(), 2);
  EXPECT_TRUE(lastFinished[0].toBool()) << "reported as cancelled";
  EXPECT_EQ(verifyWithTestRoot(items[0].output), pdfverify::Indication::TotalPassed);
  EXPECT_FALSE(fs::exists(items[1].output.toStdString()));
  EXPECT_FALSE(fs::exists(items[2].output.toStdString()));
}

TEST_F(SignBatchTest, CancelledPinEndsTheBatchWithoutSigning) {
  importSigner();
  const QString letter = copyIn(samplesDir() / "letter.pdf", "letter.pdf");
  class Refuse final : public p11::PinPrompt {
   public:
    Result<SecretBuffer> getPin(const p11::PinRequest&) override {
      return Error::kyso(Errc::Cancelled, "test");
    }
  };
  SignBatch batch(worker, std::make_shared<Refuse>());
  SignSettings st;
  st.cert = onlyCert();
  const auto out = run(batch, {{letter, signedOutputPath(letter, {}), false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state, SignOutcome::State::NotAttempted);
  ASSERT_EQ(lastFinished.size(), 2);
  EXPECT_TRUE(lastFinished[0].toBool());
  EXPECT_FALSE(fs::exists(signedOutputPath(letter, {}).toStdString()));
}

// A round red seal PNG with transparency at 300 dpi-like size (the seal's size comes from pHYs or
// the default; the appearance needs an image).
QString makeSealPng(const fs::path& dir) {
  QImage img(400, 400, QImage::Format_ARGB32);
  img.fill(Qt::transparent);
  QPainter p(&img);
  p.setPen(QPen(QColor(200, 20, 20), 12));
  p.drawEllipse(20, 20, 360, 360);
  p.end();
  img.setDotsPerMeterX(11811);  // 300 dpi: 400 px = 34 mm
  img.setDotsPerMeterY(11811);
  const QString out = QString::fromStdString((dir / "seal.png").string());
  img.save(out, "PNG");
  return out;
}

TEST_F(SignBatchTest, TheSealGoesOverTheApprovalWithTheDocumentNumber) {
  importSigner();
  const QString letter = copyIn(samplesDir() / "letter.pdf", "letter.pdf");
  auto prompt = std::make_shared<p11::FixedPinPrompt>(token().userPin());
  SignSettings st;
  st.cert = onlyCert();
  st.kind = QStringLiteral("approved");
  st.image = makeSignaturePng(token().dir());
  SignBatch approve(worker, prompt);
  const QString approved = signedOutputPath(letter, {});
  auto out = run(approve, {{letter, approved, false, PlacedRect{0, {300, 200, 460, 280}}}}, st);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();

  // The clerk issues it: the seal over the approval (found automatically), the number filled in.
  st.kind = QStringLiteral("issued");
  st.image = makeSealPng(token().dir());
  st.document["doc_number"] = "286/SYT-VP";
  SignBatch issue(worker, prompt);
  const QString issued = signedOutputPath(approved, {});
  out = run(issue, {{approved, issued, false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  auto widgets = appearance::signatureWidgets(issued.toStdString());
  ASSERT_TRUE(widgets.ok());
  ASSERT_EQ(widgets->size(), 2u);
  const auto& seal = (*widgets)[1].rect;
  EXPECT_LT(seal.llx, 300 + 160 / 2.0) << "over the left part of the approval";
  EXPECT_GT(seal.urx, 300);
  EXPECT_EQ(verifyWithTestRoot(issued, 2), pdfverify::Indication::TotalPassed);

  // Without the number the template says what is missing before the PIN is asked (issue 17);
  // nothing is written.
  class Counting final : public p11::PinPrompt {
   public:
    Result<SecretBuffer> getPin(const p11::PinRequest&) override {
      ++asked;
      return Error::kyso(Errc::Cancelled, "test");
    }
    int asked = 0;
  };
  auto counting = std::make_shared<Counting>();
  st.document.clear();
  SignBatch again(worker, counting);
  const QString other = QString::fromStdString((token().dir() / "other.pdf").string());
  out = run(again, {{approved, other, false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state, SignOutcome::State::NotAttempted);
  ASSERT_EQ(lastFinished.size(), 2);
  EXPECT_EQ(lastFinished[1].toString().toStdString(), "Fill in the document number.");
  EXPECT_EQ(counting->asked, 0) << "the PIN was asked before the missing number was said";
  EXPECT_FALSE(fs::exists(other.toStdString()));
  // The same without a seal image (and none in the inventory): said before the PIN.
  st.document["doc_number"] = "286/SYT-VP";
  st.image.clear();
  SignBatch noSeal(worker, counting);
  out = run(noSeal, {{approved, other, false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state, SignOutcome::State::NotAttempted);
  EXPECT_TRUE(lastFinished[1].toString().contains(QStringLiteral("needs an image")))
      << lastFinished[1].toString().toStdString();
  EXPECT_EQ(counting->asked, 0);
  // A seal image that is not there: said before the PIN too.
  st.image = QString::fromStdString((token().dir() / "no-such-seal.png").string());
  SignBatch missingSeal(worker, counting);
  out = run(missingSeal, {{approved, other, false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].state, SignOutcome::State::NotAttempted)
      << lastFinished[1].toString().toStdString();
  EXPECT_EQ(counting->asked, 0);
  // A file-specific problem is still each file's: no approval to seal over in the plain letter.
  st.image = makeSealPng(token().dir());
  SignBatch perFile(worker, prompt);
  out = run(perFile,
            {{letter, other, false, std::nullopt},
             {approved, issued + QStringLiteral(".2.pdf"), false, std::nullopt}},
            st);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].state, SignOutcome::State::Failed);
  EXPECT_EQ(out[0].error, Errc::ApprovalNotFound);
  EXPECT_EQ(out[1].state, SignOutcome::State::Signed) << out[1].detail.toStdString();
}

TEST_F(SignBatchTest, TheHandwritingComesFromTheInventory) {
  importSigner();
  // The register knows the signer's certificate, its holder and her handwriting.
  const std::string db = (token().dir() / "inventory.sqlite").string();
  {
    SystemClock clock;
    auto inv = inventory::Inventory::open(db, clock);
    ASSERT_TRUE(inv.ok()) << inv.error().technical();
    inventory::Unit u;
    u.name = "Văn phòng Sở";
    auto unit = inv->addUnit(u);
    ASSERT_TRUE(unit.ok());
    inventory::Person person;
    person.fullName = "Nguyễn Thị Lấp Lánh";
    person.unitId = unit->id;
    auto added = inv->addPerson(person);
    ASSERT_TRUE(added.ok());
    ASSERT_TRUE(inv->setHandwriting(std::to_string(added->id),
                                    readAll(makeSignaturePng(token().dir()).toStdString()))
                    .ok());
    auto parsed = inventory::readCertificateFile(pkiDir() / "signer-rsa2048.pem");
    ASSERT_TRUE(parsed.ok());
    parsed->cert.holderId = added->id;
    ASSERT_TRUE(inv->addCertificate(parsed->cert, parsed->der).ok());
  }
  const QString letter = copyIn(samplesDir() / "letter.pdf", "letter.pdf");
  SignSettings st;
  st.cert = onlyCert();
  st.kind = QStringLiteral("approved");
  st.inventory = QString::fromStdString(db);  // no image chosen: the inventory's
  SignBatch batch(worker, std::make_shared<p11::FixedPinPrompt>(token().userPin()));
  const auto out =
      run(batch,
          {{letter, signedOutputPath(letter, {}), false, PlacedRect{0, {300, 200, 460, 280}}}}, st);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  const std::string bytes = readAll(signedOutputPath(letter, {}).toStdString());
  EXPECT_NE(bytes.find("/Subtype /Image"), std::string::npos);

  // With no image anywhere, the approved kind says it needs one, before the PIN (issue 17).
  SignSettings none = st;
  none.inventory = QString::fromStdString((token().dir() / "empty.sqlite").string());
  SignBatch second(worker, std::make_shared<p11::FixedPinPrompt>(token().userPin()));
  const QString out2 = QString::fromStdString((token().dir() / "second.pdf").string());
  const auto r2 = run(second, {{letter, out2, false, PlacedRect{0, {300, 200, 460, 280}}}}, none);
  ASSERT_EQ(r2.size(), 1u);
  EXPECT_EQ(r2[0].state, SignOutcome::State::NotAttempted);
  ASSERT_EQ(lastFinished.size(), 2);
  EXPECT_TRUE(lastFinished[1].toString().contains(QStringLiteral("needs an image")))
      << lastFinished[1].toString().toStdString();
  EXPECT_FALSE(fs::exists(out2.toStdString()));
}

TEST_F(SignBatchTest, ReasonAndLocationGoIntoTheSignatureDictionary) {
  KYSO_REQUIRE_TOOL("qpdf");
  importSigner();
  const QString letter = copyIn(samplesDir() / "letter.pdf", "letter.pdf");
  SignSettings st;
  st.cert = onlyCert();
  st.reason = QStringLiteral("Phát hành");
  st.location = QStringLiteral(" Huế ");  // trimmed as the form does
  SignBatch batch(worker, std::make_shared<p11::FixedPinPrompt>(token().userPin()));
  const QString signedPdf = signedOutputPath(letter, {});
  const auto out = run(batch, {{letter, signedPdf, false, std::nullopt}}, st);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  const auto sigs = signatureDictionaries(signedPdf);
  ASSERT_EQ(sigs.size(), 1u);
  EXPECT_EQ(sigs[0]["/Reason"].asString(), "u:Phát hành");
  EXPECT_EQ(sigs[0]["/Location"].asString(), "u:Huế");
  EXPECT_EQ(verifyWithTestRoot(signedPdf), pdfverify::Indication::TotalPassed);

  // Empty fields are left out of the dictionary, as `kyso sign` without --reason/--location.
  SignSettings plain = st;
  plain.reason.clear();
  plain.location = QStringLiteral("  ");
  SignBatch second(worker, std::make_shared<p11::FixedPinPrompt>(token().userPin()));
  const QString plainPdf = QString::fromStdString((token().dir() / "plain.pdf").string());
  const auto out2 = run(second, {{letter, plainPdf, false, std::nullopt}}, plain);
  ASSERT_EQ(out2.size(), 1u);
  ASSERT_EQ(out2[0].state, SignOutcome::State::Signed) << out2[0].detail.toStdString();
  const auto plainSigs = signatureDictionaries(plainPdf);
  ASSERT_EQ(plainSigs.size(), 1u);
  EXPECT_FALSE(plainSigs[0].contains("/Reason")) << plainSigs[0]["/Reason"].dump();
  EXPECT_FALSE(plainSigs[0].contains("/Location")) << plainSigs[0]["/Location"].dump();
}

// The sample letter with its date line blank ("ngày ... tháng ... năm" to be filled when it is
// issued; its number is printed already), rendered with the fixtures' make_letter (kyso's letter
// renderer) as the sample letter is.
QString blankLetter(const fs::path& dir) {
  std::string text =
      readAll(envDir("KYSO_SOURCE_DIR") / "resources/samples/cong-van-286-SYT-VP.txt");
  // The renderer joins runs of spaces; no-break spaces keep the gaps a clerk leaves.
  const std::string gap = "\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0";
  const std::string from = "ngày 12 tháng 02 năm 2020",
                    to = "ngày " + gap + " tháng " + gap + " năm";
  const auto at = text.find(from);
  if (at == std::string::npos) {
    ADD_FAILURE() << "the sample letter has no \"" << from << "\"";
    return {};
  }
  text.replace(at, from.size(), to);
  std::ofstream(dir / "blank.txt") << text;
  const fs::path makeLetter = envDir("KYSO_BINARY_DIR") / "tests/make_letter";
  const auto r = test::runTool(
      {makeLetter.string(), (dir / "blank.txt").string(), (dir / "blank.pdf").string()});
  EXPECT_EQ(r.status, 0) << makeLetter << ": " << r.out;
  return r.status == 0 ? QString::fromStdString((dir / "blank.pdf").string()) : QString();
}

std::string pdfText(const QString& pdf) {
  const auto r = test::runTool({"pdftotext", "-enc", "UTF-8", pdf.toStdString(), "-"});
  EXPECT_EQ(r.status, 0) << r.out;
  return r.out;
}

TEST_F(SignBatchTest, TheChosenIssueDateGoesIntoTheLetter) {
  KYSO_REQUIRE_TOOL("pdftotext");
  importSigner();
  const QString letter = blankLetter(token().dir());
  ASSERT_FALSE(letter.isEmpty());
  auto prompt = std::make_shared<p11::FixedPinPrompt>(token().userPin());
  SignSettings st;
  st.cert = onlyCert();
  st.kind = QStringLiteral("issued");
  st.image = makeSealPng(token().dir());
  st.document["doc_number"] = "286/SYT-VP";
  st.issuedDate = QDate(2026, 3, 7);
  const PlacedRect seal{0, {300, 150, 400, 250}};
  SignBatch batch(worker, prompt);
  const QString issued = signedOutputPath(letter, {});
  auto out = run(batch, {{letter, issued, false, seal}}, st);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  const std::string text = pdfText(issued);
  EXPECT_NE(text.find("ngày 07 tháng 3 năm 2026"), std::string::npos) << text;
  EXPECT_EQ(verifyWithTestRoot(issued), pdfverify::Indication::TotalPassed);

  // Without a chosen date the letter gets the signing date (Vietnam time), as before.
  st.issuedDate = QDate();
  SignBatch again(worker, prompt);
  const QString today = QString::fromStdString((token().dir() / "today.pdf").string());
  out = run(again, {{letter, today, false, seal}}, st);
  ASSERT_EQ(out.size(), 1u);
  ASSERT_EQ(out[0].state, SignOutcome::State::Signed) << out[0].detail.toStdString();
  const QDate d = QDateTime::currentDateTimeUtc().addSecs(7 * 3600).date();
  const QString line = QStringLiteral("ngày %1 tháng %2 năm %3")
                           .arg(d.day(), 2, 10, QLatin1Char('0'))
                           .arg(d.month(), d.month() < 3 ? 2 : 1, 10, QLatin1Char('0'))
                           .arg(d.year());
  EXPECT_NE(pdfText(today).find(line.toStdString()), std::string::npos) << line.toStdString();
  EXPECT_EQ(verifyWithTestRoot(today), pdfverify::Indication::TotalPassed);
}

// The Sign tab's form: reason and location are remembered in the settings store; the issue date
// (today unless changed) shows only for kind issued.
TEST(SignTabForm, RemembersReasonAndLocationAndShowsTheDateOnlyForIssued) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QSettings store(dir.filePath(QStringLiteral("kyso.ini")), QSettings::IniFormat);
  {
    SignTab tab;
    tab.setFormStore(&store);
    auto* reason = tab.findChild<QLineEdit*>(QStringLiteral("reason"));
    auto* location = tab.findChild<QLineEdit*>(QStringLiteral("location"));
    ASSERT_TRUE(reason && location);
    EXPECT_TRUE(reason->text().isEmpty());
    reason->setText(QStringLiteral("Phát hành"));
    emit reason->editingFinished();
    location->setText(QStringLiteral("Huế "));
    emit location->editingFinished();
  }
  EXPECT_EQ(store.value(QStringLiteral("sign/reason")).toString(), QStringLiteral("Phát hành"));
  EXPECT_EQ(store.value(QStringLiteral("sign/location")).toString(), QStringLiteral("Huế"));
  // Saving the other settings (the settings dialog) does not clear them.
  AppSettings{}.save(store);

  SignTab tab;
  tab.setFormStore(&store);
  EXPECT_EQ(tab.findChild<QLineEdit*>(QStringLiteral("reason"))->text(),
            QStringLiteral("Phát hành"));
  EXPECT_EQ(tab.findChild<QLineEdit*>(QStringLiteral("location"))->text(), QStringLiteral("Huế"));
  auto* kind = tab.findChild<QComboBox*>(QStringLiteral("kind"));
  auto* date = tab.findChild<QDateEdit*>(QStringLiteral("issuedDate"));
  ASSERT_TRUE(kind && date);
  EXPECT_EQ(date->date(), QDate::currentDate());
  for (int i = 0; i < kind->count(); ++i) {
    kind->setCurrentIndex(i);
    EXPECT_EQ(date->isVisibleTo(&tab), kind->currentData().toString() == QLatin1String("issued"))
        << kind->currentData().toString().toStdString();
  }
}

// Issue 17: the first signature must not fail for want of a time-stamping server: B-B until one
// is set, then B-T; the level the person chooses is remembered, but not above B-B once the server
// is removed.
TEST(SignTabForm, LevelIsBBUntilATimeStampingServerIsSetAndIsRemembered) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QSettings store(dir.filePath(QStringLiteral("kyso.ini")), QSettings::IniFormat);
  AppSettings withTsa;
  withTsa.tsaUrl = QStringLiteral("http://tsa.example.vn/tsa");
  {
    SignTab tab;
    tab.setFormStore(&store);
    tab.setSettings(AppSettings{});
    auto* level = tab.findChild<QComboBox*>(QStringLiteral("level"));
    ASSERT_NE(level, nullptr);
    EXPECT_EQ(level->currentData().toString(), QStringLiteral("B-B"));
    EXPECT_TRUE(level->toolTip().contains(QStringLiteral("B-LTA")))
        << level->toolTip().toStdString();
    tab.setSettings(withTsa);
    EXPECT_EQ(level->currentData().toString(), QStringLiteral("B-T"));
    const int lt = level->findData(QStringLiteral("B-LT"));
    level->setCurrentIndex(lt);
    emit level->activated(lt);  // as a click does
  }
  EXPECT_EQ(store.value(QStringLiteral("sign/level")).toString(), QStringLiteral("B-LT"));
  SignTab tab;
  tab.setFormStore(&store);
  tab.setSettings(withTsa);
  auto* level = tab.findChild<QComboBox*>(QStringLiteral("level"));
  EXPECT_EQ(level->currentData().toString(), QStringLiteral("B-LT"));
  tab.setSettings(AppSettings{});
  EXPECT_EQ(level->currentData().toString(), QStringLiteral("B-B"));
}

TEST(SignErrorText, SpeaksOfThePreviewNotOfOptionsInBothLanguages) {
  const Error e = Error::kyso(Errc::PlacementNotFound, "find signer slot");
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
  EXPECT_TRUE(signErrorText(e).contains(QStringLiteral("draw the rectangle")));
  EXPECT_FALSE(signErrorText(e).contains(QStringLiteral("--rect")));
  ASSERT_TRUE(language.apply(QStringLiteral("vi")));
  EXPECT_TRUE(signErrorText(e).startsWith(QStringLiteral("Không tìm thấy chức vụ")))
      << signErrorText(e).toStdString();
  EXPECT_EQ(signErrorText(Error::kyso(Errc::UsageError, "appearance_field", "doc_number")),
            QStringLiteral("Hãy điền số, ký hiệu văn bản."));
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
}

TEST(SignedOutputPath, NamesBesideTheInputOrInTheFolder) {
  EXPECT_EQ(signedOutputPath(QStringLiteral("/a/b/Công văn.pdf"), {}),
            QStringLiteral("/a/b/Công văn-signed.pdf"));
  EXPECT_EQ(signedOutputPath(QStringLiteral("/a/b/x.PDF"), QStringLiteral("/out")),
            QStringLiteral("/out/x-signed.pdf"));
  EXPECT_EQ(signedOutputPath(QStringLiteral("/a/b/report.docx"), {}),
            QStringLiteral("/a/b/report.docx.p7s"));
  EXPECT_EQ(signedOutputPath(QStringLiteral("/a/b/HOSO_79001.XML"), QStringLiteral("/out")),
            QStringLiteral("/out/HOSO_79001-signed.xml"));
}

}  // namespace
}  // namespace kyso::ui
