// kyso-gui --demo (issue 17): after `kyso demo`, the app shows the demo token, trusts the demo
// root with the demo's CRLs and shows the demo's signed letter green, from settings kept in the
// demo folder; without a demo it says to run `kyso demo` first.
#include "ui/common/demo_session.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QImage>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <string>

#include "ui/common/app_settings.h"
#include "ui/common/language.h"
#include "ui/main_window.h"
#include "ui/sign/page_preview.h"
#include "ui/sign/sign_tab.h"
#include "ui/tokens/token_list_model.h"
#include "ui/verify/verify_model.h"
#include "ui/verify/verify_tab.h"

namespace kyso::ui {
namespace {

// Puts SOFTHSM2_CONF back as it was (openDemo sets it for the process).
class KeepSoftHsmConf {
 public:
  KeepSoftHsmConf() {
    if (const char* v = std::getenv("SOFTHSM2_CONF")) m_old = v;
  }
  ~KeepSoftHsmConf() {
    if (m_old.empty())
      ::unsetenv("SOFTHSM2_CONF");
    else
      ::setenv("SOFTHSM2_CONF", m_old.c_str(), 1);
  }
  KeepSoftHsmConf(const KeepSoftHsmConf&) = delete;
  KeepSoftHsmConf& operator=(const KeepSoftHsmConf&) = delete;

 private:
  std::string m_old;
};

TEST(DemoSession, TheAppOpensWhatKysoDemoMadeWithItsTokenAndTheLetterGreen) {
  const char* bin = std::getenv("KYSO_BIN");
  ASSERT_NE(bin, nullptr);
  QTemporaryDir tmp;
  ASSERT_TRUE(tmp.isValid());
  const QString dir = tmp.filePath(QStringLiteral("demo"));
  const KeepSoftHsmConf keep;

  QString error;
  EXPECT_FALSE(openDemo(dir, &error));
  EXPECT_TRUE(error.contains(QStringLiteral("kyso demo"))) << error.toStdString();

  const std::string run = std::string(bin) + "/kyso demo --dir '" + dir.toStdString() + "' > '" +
                          tmp.filePath(QStringLiteral("demo.out")).toStdString() + "' 2>&1";
  ASSERT_EQ(std::system(run.c_str()), 0) << "kyso demo failed";
  auto demo = openDemo(dir, &error);
  ASSERT_TRUE(demo) << error.toStdString();
  EXPECT_EQ(QString::fromLocal8Bit(std::getenv("SOFTHSM2_CONF")),
            dir + QStringLiteral("/softhsm2.conf"));
  EXPECT_TRUE(demo->settingsFile.startsWith(dir));

  QSettings store(demo->settingsFile, QSettings::IniFormat);
  const AppSettings s = AppSettings::load(store);
  EXPECT_EQ(s.extraAnchors, QStringList{dir + QStringLiteral("/pki/root.pem")});
  EXPECT_EQ(s.crlFiles.size(), 2);
  EXPECT_EQ(s.inventoryDatabase, dir + QStringLiteral("/inventory.sqlite"));
  ASSERT_EQ(s.pkcs11Modules.size(), 1);
  EXPECT_TRUE(s.pkcs11Modules[0].contains(QStringLiteral("softhsm")))
      << s.pkcs11Modules[0].toStdString();
  // What the person changes in the demo's settings stays on the next --demo.
  store.setValue(QStringLiteral("ui/language"), QStringLiteral("en"));
  store.setValue(QStringLiteral("trust/crlFiles"), s.crlFiles);
  store.sync();
  ASSERT_TRUE(openDemo(dir, &error));
  store.sync();
  EXPECT_EQ(AppSettings::load(store).language, QStringLiteral("en"));

  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
  MainWindow w(&store, &language);
  w.show();
  QSignalSpy verified(w.verifyTab(), &VerifyTab::finished);
  w.openFiles({demo->letter});
  w.verifyTab()->addPaths({demo->signedLetter});
  ASSERT_TRUE(verified.count() > 0 || verified.wait(60000));
  VerifyModel* m = w.verifyTab()->model();
  ASSERT_EQ(m->rowCount(), 1);
  EXPECT_EQ(m->verdict(0), VerifyModel::Verdict::Valid)
      << VerifyModel::verdictText(m->verdict(0)).toStdString();
  // The Tokens tab lists the demo token.
  auto hasDemoToken = [&] {
    TokenListModel* t = w.tokenModel();
    for (int r = 0; r < t->rowCount(); ++r)
      for (int c = 0; c < t->columnCount(); ++c)
        if (t->data(t->index(r, c), Qt::DisplayRole)
                .toString()
                .contains(QStringLiteral("kyso demo")))
          return true;
    return false;
  };
  EXPECT_TRUE(QTest::qWaitFor(hasDemoToken, 20000)) << w.tokenModel()->lastFailure().toStdString();
  // The Sign tab's box shows the leader's handwriting the demo keeps in the inventory.
  w.tabs()->setCurrentWidget(w.signTab());
  ASSERT_TRUE(QTest::qWaitFor([&] { return w.signTab()->certificateBox()->count() == 1; }, 20000));
  auto* preview = w.signTab()->findChild<PagePreview*>();
  ASSERT_NE(preview, nullptr);
  auto inkInBox = [&] {
    const QRectF box = preview->placementInWidget();
    if (box.isEmpty()) return false;
    const QImage shot = preview->grab().toImage();
    int blue = 0;
    for (int y = int(box.top()) + 3; y < int(box.bottom()) - 3; ++y)
      for (int x = int(box.left()) + 3; x < int(box.right()) - 3; ++x) {
        const QColor c = shot.pixelColor(x, y);
        blue += c.blue() > 120 && c.red() < 90 && c.green() < 120;  // ink blue, not the tint
      }
    return blue > 30;
  };
  EXPECT_TRUE(QTest::qWaitFor(inkInBox, 20000)) << "the inventory's handwriting is not in the box";
}

}  // namespace
}  // namespace kyso::ui
