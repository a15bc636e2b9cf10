// The app end to end (issue 9): start the main window (offscreen) on a SoftHSM token holding a
// test-PKI signer, load the sample letter into the Sign tab, choose the certificate and the kind,
// draw where the signature goes, press Sign and answer the PIN dialog (a scripted person), then
// find the Verify tab showing the signed copy valid with the test root as trust anchor. Also: the
// automatic placement starts the rectangle between the leader's title and name when the
// certificate names the letter's signer. The reason and location typed in the form reach the
// signature dictionary (read with qpdf) and are remembered in the app's settings file.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMouseEvent>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <cstdlib>

#include "src/appearance/placement.h"
#include "tests/support/softhsm_fixture.h"
#include "tests/ui/pin_script.h"
#include "tests/ui/qt_print.h"
#include "tests/ui/sign_support.h"
#include "ui/common/language.h"
#include "ui/main_window.h"
#include "ui/sign/page_preview.h"
#include "ui/sign/sign_tab.h"
#include "ui/tokens/token_list_model.h"
#include "ui/verify/verify_model.h"
#include "ui/verify/verify_tab.h"

namespace kyso::ui {
namespace {
namespace fs = std::filesystem;
using namespace kyso::ui::testing;

void mouse(QWidget* w, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
  QMouseEvent e(type, pos, w->mapToGlobal(pos), Qt::LeftButton, buttons, Qt::NoModifier);
  QCoreApplication::sendEvent(w, &e);
}

// Receives what the tab hands to the desktop (QDesktopServices::setUrlHandler).
class UrlCatcher : public QObject {
  Q_OBJECT
 public:
  QList<QUrl> urls;
 public slots:
  void open(const QUrl& url) { urls << url; }
};

class SignEndToEnd : public test::SoftHsmTest {
 protected:
  void SetUp() override {
    test::SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(fs::exists(pkiDir() / "root.pem")) << "fixture 'pki' missing";
    ASSERT_TRUE(fs::exists(samplesDir() / "letter.pdf")) << "fixture 'samples' missing";
    ASSERT_TRUE(dir.isValid());
    letter = dir.filePath(QStringLiteral("cong-van-286.pdf"));
    ASSERT_TRUE(
        QFile::copy(QString::fromStdString((samplesDir() / "letter.pdf").string()), letter));
  }
  // Settings as an administrator would set them: the token's module, the test root as an added
  // anchor, a register of our own, English.
  std::unique_ptr<MainWindow> startApp() {
    store = std::make_unique<QSettings>(dir.filePath(QStringLiteral("kyso-gui.ini")),
                                        QSettings::IniFormat);
    AppSettings s;
    s.pkcs11Modules = {QString::fromStdString(token().modulePath().string())};
    s.extraAnchors = {QString::fromStdString((pkiDir() / "root.pem").string())};
    s.inventoryDatabase = dir.filePath(QStringLiteral("inventory.sqlite"));
    s.language = QStringLiteral("en");
    // The RFC 3161 TSA of the 'services' fixture: the Sign tab's default level is B-T.
    const char* base = std::getenv("KYSO_TEST_PORT_BASE");
    if (base) s.tsaUrl = QStringLiteral("http://127.0.0.1:%1/").arg(std::atoi(base) + 2);
    s.save(*store);
    EXPECT_TRUE(language.apply(QStringLiteral("en")));
    auto w = std::make_unique<MainWindow>(store.get(), &language);
    w->show();
    w->tabs()->setCurrentWidget(w->signTab());
    return w;
  }
  QTemporaryDir dir;
  QString letter;
  std::unique_ptr<QSettings> store;
  Language language;
};

TEST_F(SignEndToEnd, SignsTheSampleLetterAndVerifyShowsItValid) {
  ASSERT_TRUE(importTestSigner(token()).ok());
  auto w = startApp();
  SignTab* tab = w->signTab();
  // The chooser lists the token's signing certificate (not its CA certificate).
  ASSERT_TRUE(QTest::qWaitFor([&] { return tab->certificateBox()->count() == 1; }, 20000))
      << "tokens: " << w->tokenModel()->rowCount() << " "
      << w->tokenModel()->lastFailure().toStdString() << " "
      << tab->certificateBox()->toolTip().toStdString();
  EXPECT_TRUE(
      tab->certificateBox()->currentText().startsWith(QStringLiteral("Nguyễn Thị Lấp Lánh")))
      << tab->certificateBox()->currentText().toStdString();

  tab->addFiles({letter});
  auto* kind = tab->findChild<QComboBox*>(QStringLiteral("kind"));
  ASSERT_NE(kind, nullptr);
  kind->setCurrentIndex(kind->findData(QStringLiteral("approved")));
  tab->setImageFile(makeSignaturePng(fs::path(dir.path().toStdString())));
  auto* reason = tab->findChild<QLineEdit*>(QStringLiteral("reason"));
  auto* location = tab->findChild<QLineEdit*>(QStringLiteral("location"));
  ASSERT_TRUE(reason && location);
  reason->setText(QStringLiteral("Phát hành"));
  location->setText(QStringLiteral("Huế"));
  PagePreview* preview = tab->preview();
  auto* placementText = tab->findChild<QLabel*>(QStringLiteral("placementText"));
  // This signer's name is not in the letter: no automatic place, the person draws one.
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        return placementText->text().startsWith(
            QStringLiteral("No automatic place: The signer's title and name"));
      },
      20000))
      << placementText->text().toStdString();
  EXPECT_FALSE(preview->placement().has_value());
  const QRectF page = preview->pageRect();
  ASSERT_FALSE(page.isEmpty());
  const QPointF from = page.topLeft() + QPointF(page.width() * 0.55, page.height() * 0.62);
  const QPointF to = from + QPointF(page.width() * 0.3, page.height() * 0.1);
  mouse(preview, QEvent::MouseButtonPress, from, Qt::LeftButton);
  mouse(preview, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
  mouse(preview, QEvent::MouseMove, to, Qt::LeftButton);
  mouse(preview, QEvent::MouseButtonRelease, to, Qt::NoButton);
  ASSERT_TRUE(preview->placement().has_value());
  const PdfRectF placed = *preview->placement();

  // Sign: one PIN dialog, answered by the scripted person.
  PinScript person;
  person.answers = {QString::fromStdString(token().userPin())};
  QSignalSpy done(tab, &SignTab::batchFinished);
  auto* sign = tab->findChild<QPushButton*>(QStringLiteral("signButton"));
  ASSERT_TRUE(sign->isEnabled());
  QTest::mouseClick(sign, Qt::LeftButton);
  ASSERT_TRUE(done.wait(60000))
      << "dialogs answered: " << person.titles.size() << ", signing: " << tab->signing() << ", "
      << tab->findChild<QLabel*>(QStringLiteral("batchStatus"))->text().toStdString();
  EXPECT_EQ(person.titles.size(), 1) << "one PIN for the batch";
  EXPECT_EQ(tab->findChild<QComboBox*>(QStringLiteral("level"))->currentData().toString(),
            QStringLiteral("B-T"));
  QTableWidget* batch = tab->batchTable();
  ASSERT_EQ(batch->rowCount(), 1);
  EXPECT_TRUE(batch->item(0, 2)->text().startsWith(QStringLiteral("Signed")))
      << batch->item(0, 2)->text().toStdString();
  const QString output = dir.filePath(QStringLiteral("cong-van-286-signed.pdf"));
  ASSERT_TRUE(QFile::exists(output));

  // "Open" and "Show in folder" hand the signed file and its folder to the desktop.
  UrlCatcher desktop;
  QDesktopServices::setUrlHandler(QStringLiteral("file"), &desktop, "open");
  auto* open = tab->findChild<QPushButton*>(QStringLiteral("openResult"));
  auto* folder = tab->findChild<QPushButton*>(QStringLiteral("showInFolder"));
  ASSERT_TRUE(open->isEnabled() && folder->isEnabled());
  QTest::mouseClick(open, Qt::LeftButton);
  QTest::mouseClick(folder, Qt::LeftButton);
  QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
  ASSERT_EQ(desktop.urls.size(), 2);
  EXPECT_EQ(desktop.urls[0].toLocalFile(), output);
  EXPECT_EQ(QDir(desktop.urls[1].toLocalFile()).canonicalPath(), QDir(dir.path()).canonicalPath());

  // The reason and location are in the signature, and remembered in the settings file.
  KYSO_REQUIRE_TOOL("qpdf");
  const auto sigs = signatureDictionaries(output);
  ASSERT_EQ(sigs.size(), 1u);
  EXPECT_EQ(sigs[0]["/Reason"].asString(), "u:Phát hành");
  EXPECT_EQ(sigs[0]["/Location"].asString(), "u:Huế");
  const QSettings saved(store->fileName(), QSettings::IniFormat);
  EXPECT_EQ(saved.value(QStringLiteral("sign/reason")).toString(), QStringLiteral("Phát hành"));
  EXPECT_EQ(saved.value(QStringLiteral("sign/location")).toString(), QStringLiteral("Huế"));

  // The signature is where it was drawn.
  auto widgets = appearance::signatureWidgets(output.toStdString());
  ASSERT_TRUE(widgets.ok());
  ASSERT_EQ(widgets->size(), 1u);
  EXPECT_NEAR((*widgets)[0].rect.llx, placed.llx, 0.01);
  EXPECT_NEAR((*widgets)[0].rect.lly, placed.lly, 0.01);
  EXPECT_NEAR((*widgets)[0].rect.urx, placed.urx, 0.01);
  EXPECT_NEAR((*widgets)[0].rect.ury, placed.ury, 0.01);

  // The Verify tab shows it valid.
  w->tabs()->setCurrentWidget(w->verifyTab());
  QSignalSpy verified(w->verifyTab(), &VerifyTab::finished);
  w->verifyTab()->addPaths({output});
  ASSERT_TRUE(verified.count() > 0 || verified.wait(60000));
  VerifyModel* m = w->verifyTab()->model();
  ASSERT_EQ(m->rowCount(), 1);
  EXPECT_EQ(m->verdict(0), VerifyModel::Verdict::Valid)
      << VerifyModel::verdictText(m->verdict(0)).toStdString();
}

TEST_F(SignEndToEnd, AutomaticPlacementStartsBetweenTheLeadersTitleAndName) {
  // A certificate naming the letter's signer, as the leader's token would.
  const auto key = token().makeRsaKey(2048);
  auto cert = token().importKeyAndCert(key, "07", "Leader", "/CN=Nguyễn Nam Hùng/title=GIÁM ĐỐC");
  ASSERT_TRUE(cert.ok()) << cert.error().technical();
  auto w = startApp();
  SignTab* tab = w->signTab();
  ASSERT_TRUE(QTest::qWaitFor([&] { return tab->certificateBox()->count() == 1; }, 20000));
  tab->setImageFile(makeSignaturePng(fs::path(dir.path().toStdString())));
  tab->addFiles({letter});  // the kind is "approved" by default
  PagePreview* preview = tab->preview();
  ASSERT_TRUE(QTest::qWaitFor([&] { return preview->placement().has_value(); }, 20000));
  auto slot =
      appearance::findSignerSlot(letter.toStdString(), std::nullopt, "Nguyễn Nam Hùng", "GIÁM ĐỐC");
  ASSERT_TRUE(slot.ok()) << slot.error().technical();
  const PdfRectF r = *preview->placement();
  EXPECT_EQ(preview->page(), slot->pageIndex);
  EXPECT_NEAR((r.llx + r.urx) / 2, slot->centerX, 2.0);
  EXPECT_GT(r.ury, slot->bottom);  // overlaps the gap between the two lines
  EXPECT_LT(r.lly, slot->top);
}

// A one-page PDF whose catalog runs JavaScript when opened (offsets computed, xref exact).
QByteArray pdfWithScript() {
  const char* objs[] = {
      "<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"};
  QByteArray out = "%PDF-1.7\n";
  std::vector<int> offsets;
  for (int n = 0; n < 3; ++n) {
    offsets.push_back(int(out.size()));
    out += QByteArray::number(n + 1) + " 0 obj\n" + objs[n] + "\nendobj\n";
  }
  const int xref = int(out.size());
  out += "xref\n0 4\n0000000000 65535 f \n";
  for (int o : offsets) out += QByteArray::number(o).rightJustified(10, '0') + " 00000 n \n";
  out += "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
  return out;
}

// The document above as "co-ma-lenh.pdf" in `folder`, added to the tab at B-B; its path.
QString addScriptedDocument(SignTab* tab, const QTemporaryDir& folder) {
  const QString risky = folder.filePath(QStringLiteral("co-ma-lenh.pdf"));
  QFile f(risky);
  EXPECT_TRUE(f.open(QIODevice::WriteOnly));
  f.write(pdfWithScript());
  f.close();
  tab->addFiles({risky});
  auto* level = tab->findChild<QComboBox*>(QStringLiteral("level"));
  level->setCurrentIndex(level->findData(QStringLiteral("B-B")));
  return risky;
}

// Clicks Sign once it is enabled; the active-content question once it shows (null, with a
// failure, when it does not).
QMessageBox* signAndWaitForTheQuestion(SignTab* tab) {
  auto* sign = tab->findChild<QPushButton*>(QStringLiteral("signButton"));
  if (!QTest::qWaitFor([&] { return sign->isEnabled(); }, 20000)) {
    ADD_FAILURE() << "the Sign button stayed disabled";
    return nullptr;
  }
  QTest::mouseClick(sign, Qt::LeftButton);
  QMessageBox* box = nullptr;
  if (!QTest::qWaitFor(
          [&] {
            box = tab->findChild<QMessageBox*>(QStringLiteral("activeContentQuestion"));
            return box != nullptr;
          },
          10000))
    ADD_FAILURE() << "no active-content question";
  return box;
}

// Issue 16: a document that can change what it shows after signing is named before the PIN is
// asked; "Cancel" signs nothing and asks no PIN.
TEST_F(SignEndToEnd, ScriptInADocumentIsSaidBeforeThePin) {
  ASSERT_TRUE(importTestSigner(token()).ok());
  auto w = startApp();
  SignTab* tab = w->signTab();
  ASSERT_TRUE(QTest::qWaitFor([&] { return tab->certificateBox()->count() == 1; }, 20000));
  addScriptedDocument(tab, dir);
  PinScript person;
  person.answers = {QString::fromStdString(token().userPin())};
  QMessageBox* box = signAndWaitForTheQuestion(tab);
  ASSERT_NE(box, nullptr);
  EXPECT_TRUE(box->text().contains(QStringLiteral("co-ma-lenh.pdf: the document contains scripts")))
      << box->text().toStdString();
  box->button(QMessageBox::Cancel)->click();
  QTest::qWait(300);
  EXPECT_FALSE(tab->signing());
  EXPECT_EQ(person.titles.size(), 0) << "no PIN was asked";
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("co-ma-lenh-signed.pdf"))));
}

// Issue 22: a document replaced after the warning, while the question is on the screen, is not
// signed when the person answers "Sign anyway": the batch says it changed after it was checked,
// and nothing is written for it.
TEST_F(SignEndToEnd, ADocumentReplacedAfterTheWarningIsNotSigned) {
  ASSERT_TRUE(importTestSigner(token()).ok());
  auto w = startApp();
  SignTab* tab = w->signTab();
  ASSERT_TRUE(QTest::qWaitFor([&] { return tab->certificateBox()->count() == 1; }, 20000));
  const QString risky = addScriptedDocument(tab, dir);
  auto* kind = tab->findChild<QComboBox*>(QStringLiteral("kind"));
  if (kind) kind->setCurrentIndex(kind->findData(QStringLiteral("invisible")));
  PinScript person;
  person.answers = {QString::fromStdString(token().userPin())};
  QSignalSpy done(tab, &SignTab::batchFinished);
  QMessageBox* box = signAndWaitForTheQuestion(tab);
  ASSERT_NE(box, nullptr);
  // Another document under the same name, written while the question waits.
  ASSERT_TRUE(QFile::remove(risky));
  ASSERT_TRUE(QFile::copy(letter, risky));
  box->button(QMessageBox::Yes)->click();
  ASSERT_TRUE(done.wait(60000)) << "signing: " << tab->signing();
  QTableWidget* batch = tab->batchTable();
  ASSERT_EQ(batch->rowCount(), 1);
  EXPECT_TRUE(batch->item(0, 2)->text().contains(QStringLiteral("changed after it was checked")))
      << batch->item(0, 2)->text().toStdString();
  EXPECT_FALSE(QFile::exists(dir.filePath(QStringLiteral("co-ma-lenh-signed.pdf"))));
}

}  // namespace
}  // namespace kyso::ui

#include "sign_e2e_test.moc"
