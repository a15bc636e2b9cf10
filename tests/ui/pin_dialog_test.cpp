// The PIN dialog: refusal at the final try unless "I understand" is ticked, PIN-pad and locked
// states, and no PIN left in the line edit or in shared QString buffers after use.
#include "ui/tokens/pin_dialog.h"

#include <gtest/gtest.h>

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>

#include "tests/ui/qt_print.h"

namespace kyso::ui {
namespace {

QPushButton* okButton(PinDialog& d) {
  for (auto* b : d.findChildren<QPushButton*>()) {
    if (b->text() == QLatin1String("OK") || b->text() == QLatin1String("Continue")) return b;
  }
  return nullptr;
}

TEST(PinDialog, RefusesAtFinalTryUntilTheUserUnderstands) {
  PinRequest req;
  req.token = QStringLiteral("Token A (serial 42)");
  req.triesLeft = 1;
  req.finalTry = true;
  PinDialog d(req);
  d.show();
  auto* pin = d.findChild<QLineEdit*>(QStringLiteral("pin"));
  auto* understand = d.findChild<QCheckBox*>(QStringLiteral("understand"));
  ASSERT_TRUE(pin && understand);
  EXPECT_EQ(pin->echoMode(), QLineEdit::Password);
  EXPECT_TRUE(understand->isVisible());
  QTest::keyClicks(pin, QStringLiteral("123456"));
  EXPECT_FALSE(d.canAccept());
  ASSERT_NE(okButton(d), nullptr);
  EXPECT_FALSE(okButton(d)->isEnabled());
  // Enter in the line edit (the default button route) and a direct accept() both refuse.
  QTest::keyClick(pin, Qt::Key_Return);
  d.accept();
  EXPECT_TRUE(d.isVisible());
  EXPECT_NE(d.result(), QDialog::Accepted);
  understand->setChecked(true);
  EXPECT_TRUE(d.canAccept());
  EXPECT_TRUE(okButton(d)->isEnabled());
  QTest::mouseClick(okButton(d), Qt::LeftButton);
  EXPECT_EQ(d.result(), QDialog::Accepted);
  SecretBuffer taken = d.takePin();
  EXPECT_EQ(taken.view(), "123456");
  EXPECT_TRUE(pin->text().isEmpty());
  EXPECT_FALSE(pin->isUndoAvailable());
}

TEST(PinDialog, ShowsTriesLeftAndNeedsAPin) {
  PinRequest req;
  req.token = QStringLiteral("Token B");
  req.triesLeft = 2;
  PinDialog d(req);
  auto* tries = d.findChild<QLabel*>(QStringLiteral("tries"));
  ASSERT_NE(tries, nullptr);
  EXPECT_TRUE(tries->text().contains(QLatin1String("2")));
  EXPECT_FALSE(d.canAccept());  // nothing typed
  EXPECT_FALSE(d.findChild<QCheckBox*>(QStringLiteral("understand"))->isVisibleTo(&d));
  QTest::keyClicks(d.findChild<QLineEdit*>(QStringLiteral("pin")), QStringLiteral("1"));
  EXPECT_TRUE(d.canAccept());
}

TEST(PinDialog, PinPadAsksToUseTheReader) {
  PinRequest req;
  req.token = QStringLiteral("Token C");
  req.pinPad = true;
  PinDialog d(req);
  d.show();
  EXPECT_FALSE(d.findChild<QLineEdit*>(QStringLiteral("pin"))->isVisible());
  EXPECT_TRUE(d.canAccept());
  d.accept();
  EXPECT_EQ(d.result(), QDialog::Accepted);
  EXPECT_TRUE(d.takePin().empty());
}

TEST(PinDialog, LockedTokenCannotBeAccepted) {
  PinRequest req;
  req.token = QStringLiteral("Token D");
  req.locked = true;
  PinDialog d(req);
  d.show();
  EXPECT_FALSE(d.canAccept());
  d.accept();
  EXPECT_NE(d.result(), QDialog::Accepted);
  EXPECT_TRUE(
      d.findChild<QLabel*>(QStringLiteral("tries"))->text().contains(QLatin1String("restoration")));
}

TEST(PinDialog, CancelWipesTheEntry) {
  PinRequest req;
  PinDialog d(req);
  d.show();
  auto* pin = d.findChild<QLineEdit*>(QStringLiteral("pin"));
  QTest::keyClicks(pin, QStringLiteral("9999"));
  d.reject();
  EXPECT_TRUE(pin->text().isEmpty());
  EXPECT_EQ(d.result(), QDialog::Rejected);
}

TEST(PinDialog, Utf8ConversionAndWipingSharedBuffers) {
  SecretBuffer s;
  appendUtf8(s, QStringLiteral("Mật1") + QString::fromUcs4(U"\U0001F511"));
  EXPECT_EQ(s.view(), std::string_view("M\xe1\xba\xadt1\xf0\x9f\x94\x91"));
  // wipeQString overwrites the buffer that another QString (the line edit's) still shares.
  QString held = QStringLiteral("2468");
  held.detach();
  QString copy = held;
  wipeQString(copy);
  EXPECT_TRUE(copy.isEmpty());
  ASSERT_EQ(held.size(), 4);
  for (QChar c : held) EXPECT_EQ(c.unicode(), 0);
}

}  // namespace
}  // namespace kyso::ui
