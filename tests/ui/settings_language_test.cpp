// Settings persist through QSettings; the language switches at run time (every tab title and the
// status bar are retranslated through changeEvent) and the Vietnamese file translates them.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdlib>
#include <sstream>
#include <thread>

#include "core/log.h"
#include "tests/ui/qt_print.h"
#include "ui/common/app_settings.h"
#include "ui/common/language.h"
#include "ui/common/log_panel.h"
#include "ui/common/settings_dialog.h"
#include "ui/main_window.h"
#include "ui/sign/sign_tab.h"
#include "ui/tokens/pin_dialog.h"
#include "ui/tokens/token_list_model.h"
#include "ui/verify/verify_model.h"
#include "ui/verify/verify_tab.h"

namespace kyso::ui {
namespace {

TEST(AppSettings, RoundTripThroughQSettings) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const QString file = dir.filePath(QStringLiteral("kyso-gui.ini"));
  AppSettings a;
  a.pkcs11Modules = {QStringLiteral("/usr/lib/libbit4xpki.so"),
                     QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")};
  a.tsaUrl = QStringLiteral("http://tsa.example.vn/tsa");
  a.trustGovernment = true;
  a.trustPublic = false;
  a.extraAnchors = {QStringLiteral("/etc/kyso/extra.pem")};
  a.crlFiles = {QStringLiteral("/etc/kyso/crl/gov-ca.crl"),
                QStringLiteral("/etc/kyso/crl/root.crl")};
  a.inventoryDatabase = QStringLiteral("/srv/kyso/inventory.db");
  a.language = QStringLiteral("vi");
  a.serviceOrigins = {QStringLiteral("https://vanban.soyte.example.gov.vn")};
  a.handwritingImage = QStringLiteral("/home/lanh/chu-ky.png");
  a.sealImage = QStringLiteral("/home/vanthu/con-dau.png");
  {
    QSettings s(file, QSettings::IniFormat);
    a.save(s);
  }
  QSettings s(file, QSettings::IniFormat);
  const AppSettings b = AppSettings::load(s);
  EXPECT_EQ(b.pkcs11Modules, a.pkcs11Modules);
  EXPECT_EQ(b.tsaUrl, a.tsaUrl);
  EXPECT_TRUE(b.trustGovernment);
  EXPECT_FALSE(b.trustPublic);
  EXPECT_EQ(b.extraAnchors, a.extraAnchors);
  EXPECT_EQ(b.crlFiles, a.crlFiles);
  EXPECT_EQ(b.inventoryDatabase, a.inventoryDatabase);
  EXPECT_EQ(b.effectiveLanguage(), QStringLiteral("vi"));
  EXPECT_EQ(b.serviceOrigins, a.serviceOrigins);
  EXPECT_EQ(b.handwritingImage, a.handwritingImage);
  EXPECT_EQ(b.sealImage, a.sealImage);
  // The settings window edits the service's sites and images and gives them back.
  SettingsDialog dialog(a);
  const AppSettings edited = dialog.settings();
  EXPECT_EQ(edited.serviceOrigins, a.serviceOrigins);
  EXPECT_EQ(edited.handwritingImage, a.handwritingImage);
  EXPECT_EQ(edited.sealImage, a.sealImage);
  EXPECT_EQ(edited.crlFiles, a.crlFiles);  // and the CRL files kept on this computer
  // Defaults on an empty store: both trust groups on.
  QSettings empty(dir.filePath(QStringLiteral("empty.ini")), QSettings::IniFormat);
  const AppSettings d = AppSettings::load(empty);
  EXPECT_TRUE(d.trustGovernment && d.trustPublic);
}

// Issue 21: the machine's /etc/kyso/config.ini gives the app its defaults; the person's own value
// wins, and a value equal to the machine's is not stored, so that the officer's later change of
// the machine's file still reaches everyone who never changed it.
TEST(AppSettings, MachineFileGivesTheDefaults) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  std::istringstream text(
      "[token]\nmodule = /opt/vnpt/libvnpt-ca.so\n[sign]\ntsa = http://tsa.soyte.example/\n"
      "[verify]\ntrust_group = gov\ntrust = /etc/kyso/anchors/\ncrl = /etc/kyso/a.crl "
      "/etc/kyso/b.crl\n"
      "[inventory]\n"
      "database = postgresql://kyso@db.example/kyso\n[service]\n"
      "allow = https://vanban.soyte.example.gov.vn https://dvc.example.gov.vn\n");
  const AppSettings machine = AppSettings::machineDefaults(SettingsFile::parse(text, "m.ini"));
  EXPECT_EQ(machine.pkcs11Modules, QStringList{QStringLiteral("/opt/vnpt/libvnpt-ca.so")});
  EXPECT_EQ(machine.tsaUrl, QStringLiteral("http://tsa.soyte.example/"));
  EXPECT_TRUE(machine.trustGovernment);
  EXPECT_FALSE(machine.trustPublic);
  EXPECT_EQ(machine.extraAnchors, QStringList{QStringLiteral("/etc/kyso/anchors/")});
  EXPECT_EQ(machine.crlFiles.size(), 2);
  EXPECT_EQ(machine.inventoryDatabase, QStringLiteral("postgresql://kyso@db.example/kyso"));
  EXPECT_EQ(machine.serviceOrigins.size(), 2);

  const QString file = dir.filePath(QStringLiteral("kyso-gui.ini"));
  {
    QSettings s(file, QSettings::IniFormat);
    AppSettings mine = AppSettings::load(s, machine);
    EXPECT_EQ(mine.tsaUrl, machine.tsaUrl);
    mine.inventoryDatabase = QStringLiteral("/home/it/inventory.sqlite");
    mine.save(s, machine);
    EXPECT_FALSE(s.contains(QStringLiteral("tsa/url")));  // the machine's: not stored
    EXPECT_TRUE(s.contains(QStringLiteral("inventory/database")));
  }
  // The officer changes the machine's TSA later: the person gets it, and keeps their own register.
  AppSettings later = machine;
  later.tsaUrl = QStringLiteral("http://tsa2.soyte.example/");
  QSettings s(file, QSettings::IniFormat);
  const AppSettings mine = AppSettings::load(s, later);
  EXPECT_EQ(mine.tsaUrl, later.tsaUrl);
  EXPECT_EQ(mine.inventoryDatabase, QStringLiteral("/home/it/inventory.sqlite"));
  EXPECT_FALSE(mine.trustPublic);
}

// Issue 21: "Open with kyso" from the file manager: a signed PDF and a .p7m are verified and the
// Verify tab is shown; the signed PDF may also be signed again, so it is on the Sign tab too; with
// an unsigned PDF among the files, the Sign tab is shown.
TEST(MainWindow, OpenedFilesGoWhereTheyAreFor) {
  const char* shared = std::getenv("KYSO_SHARED_DIR");
  const QString corpus = QString::fromUtf8(shared ? shared : "/work/shared") + "/corpus/";
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QSettings store(dir.filePath(QStringLiteral("kyso-gui.ini")), QSettings::IniFormat);
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
  MainWindow w(&store, &language);
  w.openFiles(
      {corpus + "pdf/dss__pdf-signed-original.pdf", corpus + "cms/dss__cms-no-sign-cert.p7m"});
  EXPECT_EQ(w.tabs()->currentWidget(), static_cast<QWidget*>(w.verifyTab()));
  w.openFiles({corpus + "pdf/pyhanko__minimal.pdf", corpus + "pdf/dss__pdf-signed-added-page.pdf"});
  EXPECT_EQ(w.tabs()->currentWidget(), static_cast<QWidget*>(w.signTab()));
  auto* files = w.signTab()->findChild<QListWidget*>(QStringLiteral("signFiles"));
  ASSERT_NE(files, nullptr);
  EXPECT_EQ(files->count(), 3);
  EXPECT_EQ(w.verifyTab()->model()->rowCount(), 3);
}

TEST(Language, SwitchesEveryTabAtRunTime) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QSettings store(dir.filePath(QStringLiteral("kyso-gui.ini")), QSettings::IniFormat);
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
  MainWindow w(&store, &language);
  EXPECT_EQ(w.tabs()->tabText(2), QStringLiteral("Verify"));
  // Issue 17: the log is closed until View > Log opens it.
  auto* logDock = w.findChild<QDockWidget*>(QStringLiteral("logDock"));
  ASSERT_NE(logDock, nullptr);
  w.show();
  EXPECT_FALSE(logDock->isVisible());
  logDock->toggleViewAction()->trigger();
  EXPECT_TRUE(logDock->isVisible());
  w.hide();
  auto* status = w.findChild<QLabel*>(QStringLiteral("tokenStatus"));
  ASSERT_NE(status, nullptr);
  // The status bar follows the live token layer; check its wording only while it is idle.
  auto idle = [&] {
    return !w.tokenModel()->currentToken() && w.tokenModel()->lastFailure().isEmpty();
  };
  if (idle()) {
    EXPECT_EQ(status->text(), QStringLiteral("No token plugged in"));
  }

  w.setLanguage(QStringLiteral("vi"));
  QCoreApplication::sendPostedEvents();  // LanguageChange is posted, as in the running app
  EXPECT_EQ(language.current(), QStringLiteral("vi"));
  EXPECT_EQ(w.tabs()->tabText(0), QStringLiteral("Thiết bị ký số"));
  EXPECT_EQ(w.tabs()->tabText(1), QStringLiteral("Ký số"));
  EXPECT_EQ(w.tabs()->tabText(2), QStringLiteral("Kiểm tra chữ ký"));
  EXPECT_EQ(w.tabs()->tabText(3), QStringLiteral("Quản lý"));
  if (idle()) {
    EXPECT_EQ(status->text(), QStringLiteral("Chưa cắm thiết bị ký số"));
  }
  EXPECT_EQ(AppSettings::load(store).language, QStringLiteral("vi"));  // remembered

  // A dialog created now comes up in Vietnamese too.
  PinRequest req;
  req.token = QStringLiteral("T");
  req.triesLeft = 1;
  PinDialog pin(req);
  EXPECT_EQ(pin.windowTitle(), QStringLiteral("Mã PIN của thiết bị"));

  w.setLanguage(QStringLiteral("en"));
  QCoreApplication::sendPostedEvents();
  EXPECT_EQ(w.tabs()->tabText(2), QStringLiteral("Verify"));
  EXPECT_EQ(pin.windowTitle(), QStringLiteral("Token PIN"));
}

// Help > About names the version and commit the app was built from (issue 21), in the UI's
// language.
TEST(Language, AboutBoxShowsTheVersion) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  QSettings store(dir.filePath(QStringLiteral("kyso-gui.ini")), QSettings::IniFormat);
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("vi")));
  QApplication::setApplicationVersion(QStringLiteral("9.8.7 (commit abc123)"));
  MainWindow w(&store, &language);
  auto* about = w.findChild<QAction*>(QStringLiteral("aboutAction"));
  ASSERT_NE(about, nullptr);
  EXPECT_EQ(about->text(), QStringLiteral("&Giới thiệu kyso…"));
  QString text, title;
  QTimer::singleShot(0, [&] {
    auto* box = w.findChild<QMessageBox*>(QStringLiteral("aboutBox"));
    if (!box) return;
    text = box->text();
    title = box->windowTitle();
    box->accept();
  });
  about->trigger();
  EXPECT_EQ(title, QStringLiteral("Giới thiệu kyso"));
  EXPECT_TRUE(text.contains(QStringLiteral("9.8.7 (commit abc123)"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("Chữ ký số"))) << text.toStdString();
}

TEST(Language, EveryStringHasAVietnameseTranslation) {
  const char* src = std::getenv("KYSO_SOURCE_DIR");
  ASSERT_NE(src, nullptr);
  QFile ts(QString::fromUtf8(src) + QStringLiteral("/ui/translations/kyso_vi.ts"));
  ASSERT_TRUE(ts.open(QIODevice::ReadOnly));
  const QString text = QString::fromUtf8(ts.readAll());
  EXPECT_GT(text.count(QLatin1String("<source>")), 150);
  EXPECT_FALSE(text.contains(QLatin1String("unfinished")));
  EXPECT_FALSE(text.contains(QLatin1String("<translation/>")));
}

// Issue 17: Qt's own words (standard buttons, the file dialog, a text field's menu) follow the
// UI's language. Qt 6.4 ships no Vietnamese catalogue; kyso's (ui/translations/qt_vi.ts) is used.
TEST(Language, QtsOwnDialogsAreVietnamese) {
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("vi")));
  QMessageBox box(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("x"),
                  QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel | QMessageBox::Save);
  EXPECT_EQ(box.button(QMessageBox::Yes)->text(), QStringLiteral("&Có"));
  EXPECT_EQ(box.button(QMessageBox::No)->text(), QStringLiteral("&Không"));
  EXPECT_EQ(box.button(QMessageBox::Cancel)->text(), QStringLiteral("Hủy"));
  EXPECT_EQ(box.button(QMessageBox::Save)->text(), QStringLiteral("Lưu"));
  QFileDialog dialog(nullptr, QStringLiteral("t"));
  dialog.setOption(QFileDialog::DontUseNativeDialog);
  dialog.setAcceptMode(QFileDialog::AcceptSave);
  QStringList labels;
  for (auto* l : dialog.findChildren<QLabel*>()) labels << l->text();
  EXPECT_TRUE(labels.contains(QStringLiteral("Tìm trong:"))) << labels.join(u'|').toStdString();
  EXPECT_TRUE(labels.contains(QStringLiteral("Loại tệp:"))) << labels.join(u'|').toStdString();
  EXPECT_EQ(QCoreApplication::translate("QLineEdit", "&Paste"), QStringLiteral("&Dán"));
  // Back in English, Qt's own English words.
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
  QMessageBox english(QMessageBox::Question, QStringLiteral("t"), QStringLiteral("x"),
                      QMessageBox::Cancel);
  EXPECT_EQ(english.button(QMessageBox::Cancel)->text(), QStringLiteral("Cancel"));
}

TEST(Language, EnglishPluralsAreRight) {
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
  PinRequest req;
  req.triesLeft = 1;
  PinDialog one(req);
  auto* tries = one.findChild<QLabel*>(QStringLiteral("tries"));
  EXPECT_EQ(tries->text(), QStringLiteral("1 try left"));
}

// Issue 17: the log shows sentences for people; the libraries' technical lines (from any thread)
// only with "technical details" on, and the sentence's technical form with them.
TEST(LogPanel, ShowsSentencesAndTheTechnicalLinesOnRequest) {
  LogPanel panel;
  const auto before = kyso::log::level();
  kyso::log::setLevel(kyso::log::Level::Info);
  std::thread t([] {
    kyso::log::info("AIA fetch failed: HTTP GET: code -6");
    LogPanel::say(int(kyso::log::Level::Warn),
                  QStringLiteral("letter.pdf was not signed: the PIN is wrong"),
                  "sign letter.pdf: C_Login: CKR_PIN_INCORRECT");
  });
  t.join();
  kyso::log::setLevel(before);
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return panel.toPlainText().contains(QLatin1String("letter.pdf was not signed")); },
      5000));
  EXPECT_FALSE(panel.toPlainText().contains(QLatin1String("AIA fetch failed")))
      << panel.toPlainText().toStdString();
  EXPECT_FALSE(panel.toPlainText().contains(QLatin1String("CKR_PIN_INCORRECT")));
  panel.setShowDetails(true);
  EXPECT_TRUE(
      panel.toPlainText().contains(QLatin1String("[info] AIA fetch failed: HTTP GET: code -6")))
      << panel.toPlainText().toStdString();
  EXPECT_TRUE(panel.toPlainText().contains(QLatin1String("CKR_PIN_INCORRECT")));
  EXPECT_TRUE(panel.toPlainText().contains(QLatin1String("letter.pdf was not signed")));
  panel.setShowDetails(false);
  EXPECT_FALSE(panel.toPlainText().contains(QLatin1String("AIA fetch failed")));
}

}  // namespace
}  // namespace kyso::ui
