// The signing service's person in the app (issue 19): QtServiceHost on a real SoftHSM token. The
// service asks from its own thread; the approval window (ApprovalDialog) opens on the UI thread
// with the site, the digest and the token's certificate; the test presses its buttons as a person
// would. Sign: the token signs the digest after the PIN (the same prompt seam the Sign tab's tests
// use) and the signature verifies with the token's certificate. Decline: nothing is signed. A new
// site: the question box, answered No, refuses.
#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <future>
#include <thread>

#include "pkcs11/device_worker.h"
#include "pkcs11/pin_prompt.h"
#include "src/service/audit_log.h"
#include "src/service/signing_service.h"
#include "tests/support/softhsm_fixture.h"
#include "tests/ui/sign_support.h"
#include "ui/inventory/service_log_dialog.h"
#include "ui/service/approval_dialog.h"
#include "ui/service/qt_service_host.h"
#include "ui/service/service_runner.h"
#include "ui/service/tray_text.h"
#include "ui/sign/page_preview.h"

namespace kyso::ui {
namespace {

namespace fs = std::filesystem;
using namespace kyso::ui::testing;

// Presses `button` of the first visible top-level widget named `dialog` once it is shown; records
// the text of its label `label`.
void pressWhenShown(const QString& dialog, const QString& button, QString* labelText = nullptr,
                    const QString& label = {}) {
  auto* timer = new QTimer;
  QObject::connect(timer, &QTimer::timeout, [=] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      if (!w->isVisible() || w->objectName() != dialog) continue;
      if (labelText && !label.isEmpty())
        if (auto* l = w->findChild<QLabel*>(label)) *labelText = l->text();
      if (auto* b = w->findChild<QPushButton*>(button)) {
        b->click();
        timer->stop();
        timer->deleteLater();
        return;
      }
      // QMessageBox buttons have no object names: Yes/No by role.
      if (auto* box = qobject_cast<QMessageBox*>(w)) {
        box->button(button == QLatin1String("yes") ? QMessageBox::Yes : QMessageBox::No)->click();
        timer->stop();
        timer->deleteLater();
        return;
      }
    }
  });
  timer->start(50);
}

// Runs `f` on a thread of its own (as the service's connection threads do) while the UI thread
// serves the dialogs; returns its result.
template <class F>
auto offTheUiThread(F f) {
  auto fut = std::async(std::launch::async, f);
  while (fut.wait_for(std::chrono::milliseconds(10)) != std::future_status::ready)
    QApplication::processEvents(QEventLoop::AllEvents, 10);
  return fut.get();
}

class ServiceHostTest : public test::SoftHsmTest {
 protected:
  void SetUp() override {
    test::SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(fs::exists(pkiDir() / "signer-rsa2048.pem")) << "fixture 'pki' missing";
    ASSERT_TRUE(importTestSigner(token()).ok());
    host = std::make_unique<QtServiceHost>(
        &window,
        [this] {
          TokenSnapshot s;
          s.present = true;
          s.module = QString::fromStdString(token().modulePath().string());
          s.serial = QString::fromStdString(token().serial());
          s.label = QString::fromStdString(token().label());
          return QList<TokenSnapshot>{s};
        },
        worker, std::make_shared<p11::FixedPinPrompt>(token().userPin()));
    service::ServiceSettings s;
    s.sites.allowedOrigins = {"https://vanban.soyte.example.gov.vn"};
    svc = std::make_unique<service::SigningService>(s, *host);
    origin = *service::parseOrigin("https://vanban.soyte.example.gov.vn");
  }
  std::string digestRequest(std::string& digest) {
    unsigned char md[32];
    unsigned int n = 0;
    EVP_Digest("Quyết định 12/QĐ-SYT", 24, md, &n, EVP_sha256(), nullptr);
    digest.assign(reinterpret_cast<char*>(md), n);
    return R"({"HashAlg":"SHA256","HashValue":")" + service::base64(digest) +
           R"(","Encode":"RSA"})";
  }

  QWidget window;
  std::shared_ptr<p11::DeviceWorker> worker = std::make_shared<p11::DeviceWorker>();
  std::unique_ptr<QtServiceHost> host;
  std::unique_ptr<service::SigningService> svc;
  service::Origin origin;
};

TEST_F(ServiceHostTest, TheWindowShowsTheDigestAndTheTokenSignsItAfterYes) {
  std::string digest;
  const std::string request = digestRequest(digest);
  QString shown;
  pressWhenShown(QStringLiteral("approvalDialog"), QStringLiteral("signButton"), &shown,
                 QStringLiteral("digest"));
  const Json reply = offTheUiThread([&] { return svc->handle(origin, "/SignMsg", request, "en"); });
  ASSERT_EQ(reply["Status"].asInt(), 0) << reply.dump();
  EXPECT_NE(shown.toStdString().find("SHA256"), std::string::npos) << shown.toStdString();
  auto sig = service::unbase64(reply["Signature"].asString());
  auto der = service::unbase64(reply["CertBase64"].asString());
  ASSERT_TRUE(sig && der);
  const auto* p = reinterpret_cast<const unsigned char*>(der->data());
  ossl::Ptr<X509> cert(d2i_X509(nullptr, &p, static_cast<long>(der->size())));
  ASSERT_TRUE(cert);
  ossl::Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(X509_get0_pubkey(cert.get()), nullptr));
  ASSERT_EQ(EVP_PKEY_verify_init(ctx.get()), 1);
  EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256());
  EXPECT_EQ(
      EVP_PKEY_verify(ctx.get(), reinterpret_cast<const unsigned char*>(sig->data()), sig->size(),
                      reinterpret_cast<const unsigned char*>(digest.data()), digest.size()),
      1)
      << "signed by the token's key";
}

// A batch is shown as a list in the approval window; once approved, a progress window with a Stop
// button stays open until the batch ends, and Stop is what the service asks between documents.
TEST_F(ServiceHostTest, ABatchIsListedThenFollowedInAWindowThatCanStopIt) {
  service::Approval a;
  a.origin = "https://vanban.soyte.example.gov.vn";
  a.call = service::Call::SignFiles;
  for (int i = 0; i < 3; ++i) {
    service::BatchDocument d;
    d.name = "cong-van-" + std::to_string(i) + ".pdf";
    d.size = 1000;
    d.sha256 = std::string(64, 'a');
    d.pdf = i != 2;
    a.batch.push_back(d);
  }
  int listed = -1;
  auto* timer = new QTimer;
  QObject::connect(timer, &QTimer::timeout, [&, timer] {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (w->isVisible() && w->objectName() == QLatin1String("approvalDialog"))
        if (auto* l = w->findChild<QListWidget*>(QStringLiteral("batchList"))) {
          listed = l->count();
          w->findChild<QPushButton*>(QStringLiteral("signButton"))->click();
          timer->stop();
          timer->deleteLater();
          return;
        }
  });
  timer->start(50);
  auto approved = offTheUiThread([&] { return host->approve(a); });
  ASSERT_TRUE(approved.ok()) << approved.error().technical();
  EXPECT_EQ(listed, 3);
  EXPECT_FALSE(host->batchStopRequested());
  host->batchProgress(1, 3);
  QProgressDialog* progress = nullptr;
  for (int i = 0; i < 100 && !(progress && progress->isVisible() && progress->value() == 1); ++i) {
    QApplication::processEvents(QEventLoop::AllEvents, 10);
    for (QWidget* w : QApplication::topLevelWidgets())
      if (w->objectName() == QLatin1String("batchProgress"))
        progress = qobject_cast<QProgressDialog*>(w);
  }
  ASSERT_NE(progress, nullptr);
  EXPECT_TRUE(progress->isVisible());
  EXPECT_EQ(progress->value(), 1);
  auto* stop = progress->findChild<QPushButton*>();
  ASSERT_NE(stop, nullptr);
  stop->click();  // the person presses Stop
  EXPECT_TRUE(host->batchStopRequested());
  host->batchEnded(1, 3);
  for (int i = 0; i < 50 && !progress->labelText().contains(QLatin1String("1 of 3")); ++i)
    QApplication::processEvents(QEventLoop::AllEvents, 10);
  EXPECT_TRUE(progress->labelText().contains(QLatin1String("1 of 3")))
      << progress->labelText().toStdString();
}

TEST_F(ServiceHostTest, DeclineSignsNothing) {
  std::string digest;
  const std::string request = digestRequest(digest);
  pressWhenShown(QStringLiteral("approvalDialog"), QStringLiteral("declineButton"));
  const Json reply = offTheUiThread([&] { return svc->handle(origin, "/SignMsg", request, "vi"); });
  EXPECT_EQ(reply["Status"].asInt(), 3) << reply.dump();
  EXPECT_FALSE(reply.contains("Signature"));
  EXPECT_NE(reply["Message"].asString().find("từ chối"), std::string::npos) << reply.dump();
}

TEST_F(ServiceHostTest, ANewSiteIsAskedInAWindowAndNoRefuses) {
  const service::Origin other = *service::parseOrigin("https://vanban.huyen.example.gov.vn");
  pressWhenShown(QStringLiteral("allowSiteBox"), QStringLiteral("no"));
  EXPECT_FALSE(offTheUiThread([&] { return svc->admit(other); }));
  EXPECT_EQ(svc->siteMemory().answer(other.text), std::optional<bool>(false));
  EXPECT_TRUE(svc->admit(origin)) << "the officer's list is not asked about";
}

// A visible signature: the window marks its place on the page for the certificate chosen, and
// says why when no place was found for another; the place is shown, not chosen, there.
TEST_F(ServiceHostTest, TheSignaturesPlaceIsMarkedForTheChosenCertificate) {
  service::Approval a;
  a.origin = "https://vanban.soyte.example.gov.vn";
  a.call = service::Call::SignApproved;
  a.kind = "approved";
  a.documentName = "cong-van.pdf";
  a.documentFile = envDir("KYSO_SHARED_DIR") / "corpus/pdf/pyhanko__minimal.pdf";
  ASSERT_TRUE(fs::exists(a.documentFile));
  SigningCert leader, other;
  leader.name = QStringLiteral("Nguyễn Thị Lấp Lánh");
  leader.keyIdHex = QStringLiteral("01");
  other.name = QStringLiteral("Trần Văn Bình");
  other.keyIdHex = QStringLiteral("02");
  CertPlacement found, missing;
  found.where = service::PreviewPlacement{0, {300, 120, 500, 200}};
  missing.why = QStringLiteral("the name Trần Văn Bình is not on the letter");
  ApprovalDialog d(a, {leader, other}, {found, missing});
  d.show();
  QApplication::processEvents();
  auto* preview = d.findChild<PagePreview*>(QStringLiteral("preview"));
  auto* note = d.findChild<QLabel*>(QStringLiteral("placementNote"));
  ASSERT_TRUE(preview && note);
  ASSERT_TRUE(preview->placement().has_value());
  EXPECT_DOUBLE_EQ(preview->placement()->llx, 300);
  EXPECT_DOUBLE_EQ(preview->placement()->ury, 200);
  EXPECT_FALSE(preview->placementInWidget().isEmpty());
  EXPECT_TRUE(note->text().contains(QLatin1String("page 1"))) << note->text().toStdString();
  d.findChild<QComboBox*>(QStringLiteral("certificate"))->setCurrentIndex(1);
  EXPECT_FALSE(preview->placement().has_value()) << "no place for this certificate: none marked";
  EXPECT_TRUE(note->text().contains(QStringLiteral("Trần Văn Bình is not on the letter")))
      << note->text().toStdString();
}

// SignXML: the approval window shows the document's root and its text (not a page preview), and the
// token signs it after Sign; the site gets the signed document.
TEST_F(ServiceHostTest, AnXmlDocumentIsShownAsTextAndSignedOnTheToken) {
  const std::string xml =
      "<?xml version=\"1.0\" encoding=\"utf-8\"?><HOSO><HO_TEN>Nguyễn Thị Lấp Lánh</HO_TEN>"
      "<CHUKYDONVI></CHUKYDONVI></HOSO>";
  const std::string request = R"({"Base64Content":")" + service::base64(xml) +
                              R"(","ReturnSignatureOnly":"false","HashAlg":"Sha256"})";
  QString preview, root;
  auto* timer = new QTimer;
  QObject::connect(timer, &QTimer::timeout, [&, timer] {
    for (QWidget* w : QApplication::topLevelWidgets()) {
      if (!w->isVisible() || w->objectName() != QLatin1String("approvalDialog")) continue;
      if (auto* t = w->findChild<QPlainTextEdit*>(QStringLiteral("xmlPreview")))
        preview = t->toPlainText();
      if (auto* l = w->findChild<QLabel*>(QStringLiteral("xmlRoot"))) root = l->text();
      w->findChild<QPushButton*>(QStringLiteral("signButton"))->click();
      timer->stop();
      timer->deleteLater();
      return;
    }
  });
  timer->start(50);
  const Json reply = offTheUiThread([&] { return svc->handle(origin, "/SignXML", request, "en"); });
  ASSERT_EQ(reply["Status"].asInt(), 0) << reply.dump();
  EXPECT_TRUE(preview.contains(QStringLiteral("Nguyễn Thị Lấp Lánh"))) << preview.toStdString();
  EXPECT_EQ(root, QStringLiteral("<HOSO>"));
  auto signedXml = service::unbase64(reply["Signature"].asString());
  ASSERT_TRUE(signedXml);
  EXPECT_NE(signedXml->find("<CHUKYDONVI><Signature"), std::string::npos) << *signedXml;
  EXPECT_NE(signedXml->find("<SignatureValue>"), std::string::npos);
}

// VerifyPDF's report opens in a window of its own without waiting for the person; Config runs the
// app's settings opener on the UI thread.
TEST_F(ServiceHostTest, AVerificationIsShownInItsWindowAndConfigOpensTheSettings) {
  auto report = std::make_shared<pdfverify::FileReport>();
  report->file = "cong-van-286.pdf";
  report->status = pdfverify::FileStatus::Unsigned;
  service::VerificationShown v{"https://vanban.soyte.example.gov.vn", "cong-van-286.pdf",
                               "https://vanban.soyte.example.gov.vn/files/286", report};
  offTheUiThread([&] {
    host->showVerification(v);
    return 0;
  });
  QTextBrowser* shown = nullptr;
  for (int i = 0; i < 200 && !shown; ++i) {
    QApplication::processEvents(QEventLoop::AllEvents, 10);
    for (QWidget* w : QApplication::topLevelWidgets())
      if (w->isVisible() && w->objectName() == QLatin1String("verificationWindow"))
        shown = w->findChild<QTextBrowser*>(QStringLiteral("verificationReport"));
  }
  ASSERT_TRUE(shown) << "the report window did not open";
  EXPECT_TRUE(shown->toPlainText().contains(QStringLiteral("cong-van-286.pdf")))
      << shown->toPlainText().toStdString();
  shown->window()->close();

  bool opened = false;
  host->setSettingsOpener([&] { opened = true; });
  const Json reply = offTheUiThread([&] { return svc->handle(origin, "/Config", "{}", "en"); });
  EXPECT_EQ(reply["Status"].asInt(), 0) << reply.dump();
  for (int i = 0; i < 100 && !opened; ++i) QApplication::processEvents(QEventLoop::AllEvents, 10);
  EXPECT_TRUE(opened);
}

// The Inventory tab's view of the service's audit log: newest first, a damaged line said.
TEST(ServiceLog, TheInventoryTabShowsWhatPagesAskedNewestFirst) {
  test::TempDir d;
  const fs::path log = d.path() / "audit.jsonl";
  service::AuditEntry a{"2026-12-06T01:02:03Z",
                        "https://vanban.soyte.example.gov.vn",
                        "SignApproved",
                        "https://vanban.soyte.example.gov.vn/f/1",
                        "ab12",
                        "",
                        0,
                        ""};
  service::AuditEntry b = a;
  b.time = "2026-12-06T02:00:00Z";
  b.call = "SignIssued";
  b.status = 1;
  b.message = "the seal image is missing";
  ASSERT_TRUE(
      service::appendAuditLines(log, service::auditLine(a) + "garbage\n" + service::auditLine(b))
          .ok());
  ServiceLogDialog dialog(log);
  QTableWidget* t = dialog.table();
  ASSERT_EQ(t->rowCount(), 2);
  EXPECT_EQ(t->item(0, 2)->text(), QStringLiteral("SignIssued"));
  EXPECT_TRUE(t->item(0, 4)->text().contains(QStringLiteral("the seal image is missing")));
  EXPECT_EQ(t->item(1, 2)->text(), QStringLiteral("SignApproved"));
  EXPECT_EQ(t->item(1, 3)->toolTip(), QStringLiteral("SHA-256 ab12"));
  auto* note = dialog.findChild<QLabel*>(QStringLiteral("serviceLogNote"));
  ASSERT_TRUE(note);
  EXPECT_TRUE(note->text().contains(QLatin1String("1"))) << note->text().toStdString();
}

// The app's service takes the level and TSA, the sites and the images from Settings at its start,
// answers on its port, and stops.
TEST(ServiceRunner, StartsWithTheAppsSettingsAndStops) {
  QWidget window;
  ServiceRunner runner(
      &window, [] { return QList<TokenSnapshot>{}; }, std::make_shared<p11::DeviceWorker>(),
      std::make_shared<p11::FixedPinPrompt>("000000"));
  runner.setSigning(pdf::PadesLevel::BT, std::string("http://127.0.0.1:9/tsa"));
  runner.setImages(std::nullopt, fs::path("/srv/kyso/con-dau.png"));
  const Status st = runner.start(0, {QStringLiteral("https://vanban.soyte.example.gov.vn")},
                                 QStringLiteral("vi"));
  ASSERT_TRUE(st.ok()) << st.error().technical();
  EXPECT_GT(runner.port(), 0);
  const service::ServiceSettings* s = runner.serviceSettings();
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->level, pdf::PadesLevel::BT);
  EXPECT_EQ(s->tsaUrl, std::optional<std::string>("http://127.0.0.1:9/tsa"));
  ASSERT_EQ(s->sites.allowedOrigins.size(), 1u);
  EXPECT_EQ(s->sites.allowedOrigins[0], "https://vanban.soyte.example.gov.vn");
  EXPECT_TRUE(runner.statusText().contains(QString::number(runner.port())));
  EXPECT_TRUE(runner.trayText().contains(QStringLiteral("No request yet")) ||
              runner.trayText().contains(QStringLiteral("Chưa có yêu cầu")))
      << runner.trayText().toStdString();
  runner.stop();
  EXPECT_EQ(runner.port(), 0);
  EXPECT_EQ(runner.serviceSettings(), nullptr);
}

// The tray says the service runs, which token is plugged in and the last request's outcome.
TEST(ServiceTray, SaysRunningTheTokenAndTheLastRequest) {
  TokenSnapshot t;
  t.present = true;
  t.label = QStringLiteral("Nguyen Thi Lap Lanh");
  t.serial = QStringLiteral("0123");
  service::RequestEnded last{service::Call::SignApproved, "https://vanban.soyte.example.gov.vn", 3,
                             "", std::chrono::system_clock::now()};
  const QString text = serviceTrayText(QStringLiteral("running"), {t}, last);
  EXPECT_TRUE(text.startsWith(QStringLiteral("running\n"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("Nguyen Thi Lap Lanh"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("SignApproved"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("declined"))) << text.toStdString();
  const QString idle = serviceTrayText(QStringLiteral("running"), {}, std::nullopt);
  EXPECT_TRUE(idle.contains(QStringLiteral("No token"))) << idle.toStdString();
}

}  // namespace
}  // namespace kyso::ui
