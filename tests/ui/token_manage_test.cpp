// The Tokens tab's management actions end to end on SoftHSM, through the main window as a person
// uses it: select the token, press the action's button, read the confirmation that names the
// token, fill it in, answer the PIN dialogs, read the result. Generate key (then pkcs11-tool sees
// the key), self-test (the new key signs and verifies), and initialise the spare uninitialised
// token (then it carries the new label and accepts the new user PIN).
#include <gtest/gtest.h>

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>

#include "tests/support/softhsm_fixture.h"
#include "tests/ui/pin_script.h"
#include "tests/ui/qt_print.h"
#include "tests/ui/sign_support.h"
#include "ui/common/language.h"
#include "ui/inventory/inventory_tab.h"
#include "ui/inventory/record_table_model.h"
#include "ui/main_window.h"
#include "ui/tokens/token_action_dialog.h"
#include "ui/tokens/token_list_model.h"
#include "ui/tokens/tokens_tab.h"

namespace kyso::ui {
namespace {

template <class T>
T* waitForTopLevel(const QString& objectName = {}, int ms = 20000) {
  T* found = nullptr;
  (void)QTest::qWaitFor(
      [&] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
          auto* t = qobject_cast<T*>(w);
          if (t && t->isVisible() && (objectName.isEmpty() || t->objectName() == objectName) &&
              !t->property("seen").toBool()) {
            found = t;
            return true;
          }
        }
        return false;
      },
      ms);
  if (found) found->setProperty("seen", true);
  return found;
}

class TokenManageTest : public test::SoftHsmTest {
 protected:
  void SetUp() override {
    test::SoftHsmTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ASSERT_TRUE(dir.isValid());
    store = std::make_unique<QSettings>(dir.filePath(QStringLiteral("kyso-gui.ini")),
                                        QSettings::IniFormat);
    AppSettings s;
    s.pkcs11Modules = {QString::fromStdString(token().modulePath().string())};
    s.inventoryDatabase = dir.filePath(QStringLiteral("inventory.sqlite"));
    s.language = QStringLiteral("en");
    s.save(*store);
    ASSERT_TRUE(language.apply(QStringLiteral("en")));
    window = std::make_unique<MainWindow>(store.get(), &language);
    window->show();
    tab = window->findChild<TokensTab*>();
    ASSERT_NE(tab, nullptr);
    table = tab->findChild<QTableView*>(QStringLiteral("tokenTable"));
    ASSERT_TRUE(QTest::qWaitFor([&] { return rowWhere(true) >= 0 && rowWhere(false) >= 0; }, 20000))
        << "the token and SoftHSM's spare slot";
  }
  int rowWhere(bool initialized) const {
    TokenListModel* m = window->tokenModel();
    for (int r = 0; r < m->rowCount(); ++r)
      if (m->snapshot(r).present && m->snapshot(r).initialized == initialized) return r;
    return -1;
  }
  // Presses the action's button on `row` and returns the confirmation dialog.
  TokenActionDialog* start(int row, const char* button) {
    table->selectRow(row);
    auto* b = tab->findChild<QPushButton*>(QString::fromLatin1(button));
    EXPECT_TRUE(b && b->isEnabled()) << button;
    if (!b) return nullptr;
    QTest::mouseClick(b, Qt::LeftButton);
    return waitForTopLevel<TokenActionDialog>();
  }
  static void ok(TokenActionDialog* d) {
    auto* box = d->findChild<QDialogButtonBox*>();
    QTest::mouseClick(box->button(QDialogButtonBox::Ok), Qt::LeftButton);
  }
  // The result box the main window shows when the action ends.
  QString result() {
    auto* box = waitForTopLevel<QMessageBox>(QStringLiteral("tokenActionResult"), 60000);
    if (!box) return QStringLiteral("(no result)");
    const QString text = box->text();
    box->close();
    return text;
  }
  QTemporaryDir dir;
  std::unique_ptr<QSettings> store;
  Language language;
  std::unique_ptr<MainWindow> window;
  TokensTab* tab = nullptr;
  QTableView* table = nullptr;
};

TEST_F(TokenManageTest, GenerateKeyThenSelfTest) {
  const QString name = TokenListModel::tokenName(window->tokenModel()->snapshot(rowWhere(true)));
  TokenActionDialog* d = start(rowWhere(true), "generateKey");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->findChild<QLabel*>(QStringLiteral("question"))->text().contains(name));
  EXPECT_FALSE(d->complete()) << "no key ID yet";
  d->findChild<QLineEdit*>(QStringLiteral("id"))->setText(QStringLiteral("0a"));
  d->findChild<QLineEdit*>(QStringLiteral("label"))->setText(QStringLiteral("Khóa ký mới"));
  PinScript person;
  person.answers = {QString::fromStdString(token().userPin())};
  ok(d);
  const QString generated = result();
  EXPECT_TRUE(generated.contains(QStringLiteral("Generated RSA"))) << generated.toStdString();
  EXPECT_EQ(person.titles.size(), 1);
  const auto listed = token().pkcs11Tool(
      {"--login", "--pin", token().userPin(), "--list-objects", "--type", "privkey"});
  EXPECT_NE(listed.out.find("ID:         0a"), std::string::npos) << listed.out;

  // The same ID again is refused, and nothing is generated.
  d = start(rowWhere(true), "generateKey");
  ASSERT_NE(d, nullptr);
  d->findChild<QLineEdit*>(QStringLiteral("id"))->setText(QStringLiteral("0a"));
  person.answers = {QString::fromStdString(token().userPin())};
  ok(d);
  const QString again = result();
  EXPECT_TRUE(again.contains(QStringLiteral("failed"))) << again.toStdString();

  d = start(rowWhere(true), "selfTest");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->findChild<QLabel*>(QStringLiteral("question"))->text().contains(name));
  person.answers = {QString::fromStdString(token().userPin())};
  ok(d);
  const QString tested = result();
  EXPECT_TRUE(tested.contains(QStringLiteral("ID 0a (RSA"))) << tested.toStdString();
  EXPECT_TRUE(tested.contains(QStringLiteral("signed and verified"))) << tested.toStdString();
}

TEST_F(TokenManageTest, SelfTestWithAWrongPinFailsAndIsNotRetried) {
  TokenActionDialog* d = start(rowWhere(true), "selfTest");
  ASSERT_NE(d, nullptr);
  PinScript person;
  person.answers = {QStringLiteral("000000"), QString::fromStdString(token().userPin())};
  ok(d);
  const QString text = result();
  EXPECT_TRUE(text.contains(QStringLiteral("failed"))) << text.toStdString();
  EXPECT_EQ(person.titles.size(), 1) << "a rejected PIN is never retried";
}

TEST_F(TokenManageTest, InitialisesTheSpareToken) {
  const int row = rowWhere(false);
  const QString reader = window->tokenModel()->snapshot(row).reader;
  TokenActionDialog* d = start(row, "initToken");
  ASSERT_NE(d, nullptr);
  d->findChild<QLineEdit*>(QStringLiteral("label"))->setText(QStringLiteral("Văn thư"));
  EXPECT_FALSE(d->complete()) << "erasing needs the tick";
  d->findChild<QCheckBox*>(QStringLiteral("understand"))->setChecked(true);
  EXPECT_TRUE(d->complete());
  PinScript person;
  person.answers = {QStringLiteral("87654321"), QStringLiteral("246810")};  // new SO, new user
  ok(d);
  const QString text = result();
  EXPECT_TRUE(text.contains(QStringLiteral("initialised"))) << text.toStdString();
  EXPECT_EQ(person.titles.size(), 2);
  // The list shows the token with its new label once the rescan is in.
  ASSERT_TRUE(QTest::qWaitFor(
      [&] {
        const int r = window->tokenModel()->rowOf(reader);
        return r >= 0 && window->tokenModel()->snapshot(r).initialized &&
               window->tokenModel()->snapshot(r).label == QStringLiteral("Văn thư");
      },
      20000));
  const auto login = token().pkcs11Tool(
      {"--token-label", "Văn thư", "--login", "--pin", "246810", "--list-objects"});
  EXPECT_EQ(login.status, 0) << login.out;
}

}  // namespace
}  // namespace kyso::ui

namespace kyso::ui {
namespace {

TEST_F(TokenManageTest, CertificateRequestThenImportTheIssuedCertificate) {
  KYSO_REQUIRE_TOOL("openssl");
  const int row = rowWhere(true);
  // A key to request a certificate for.
  TokenActionDialog* d = start(row, "generateKey");
  ASSERT_NE(d, nullptr);
  d->findChild<QLineEdit*>(QStringLiteral("id"))->setText(QStringLiteral("0b"));
  PinScript person;
  person.answers = {QString::fromStdString(token().userPin())};
  ok(d);
  ASSERT_TRUE(result().contains(QStringLiteral("Generated")));

  d = start(row, "makeCsr");
  ASSERT_NE(d, nullptr);
  const QString csr = dir.filePath(QStringLiteral("request.pem"));
  d->findChild<QLineEdit*>(QStringLiteral("id"))->setText(QStringLiteral("0b"));
  d->findChild<QLineEdit*>(QStringLiteral("subject"))
      ->setText(QStringLiteral("/C=VN/O=Sở Y tế/CN=Nguyễn Thị Lấp Lánh"));
  d->findChild<QLineEdit*>(QStringLiteral("file"))->setText(csr);
  person.answers = {QString::fromStdString(token().userPin())};
  ok(d);
  const QString made = result();
  EXPECT_TRUE(made.contains(QStringLiteral("saved"))) << made.toStdString();
  const std::string req = csr.toStdString();
  auto check = test::runTool(
      {"openssl", "req", "-in", req, "-verify", "-noout", "-subject", "-nameopt", "utf8"});
  EXPECT_EQ(check.status, 0) << check.out;
  EXPECT_NE(check.out.find("Nguyễn Thị Lấp Lánh"), std::string::npos) << check.out;

  // A CA of our own issues the certificate; the file holds it and the CA certificate.
  const std::string ca = (token().dir() / "ca").string();
  ASSERT_EQ(test::runTool({"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                           ca + ".key", "-out", ca + ".pem", "-days", "30", "-subj", "/CN=Test CA"})
                .status,
            0);
  const std::string issued = (token().dir() / "issued.pem").string();
  ASSERT_EQ(test::runTool({"openssl", "x509", "-req", "-in", req, "-CA", ca + ".pem", "-CAkey",
                           ca + ".key", "-CAcreateserial", "-days", "30", "-out", issued})
                .status,
            0);
  const std::string bundle = (token().dir() / "bundle.pem").string();
  {
    std::ofstream out(bundle);
    out << testing::readAll(issued) << testing::readAll(ca + ".pem");
  }
  d = start(row, "importCert");
  ASSERT_NE(d, nullptr);
  d->findChild<QLineEdit*>(QStringLiteral("file"))->setText(QString::fromStdString(bundle));
  person.answers = {QString::fromStdString(token().userPin())};
  ok(d);
  const QString imported = result();
  EXPECT_TRUE(imported.contains(QStringLiteral("key ID 0b"))) << imported.toStdString();
  const auto listed = token().pkcs11Tool({"--list-objects", "--type", "cert"});
  // pkcs11-tool prints non-ASCII bytes escaped: look for the ASCII parts.
  EXPECT_NE(listed.out.find("CN=Nguy"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("ID:         0b"), std::string::npos) << listed.out;
  EXPECT_NE(listed.out.find("CN=Test CA"), std::string::npos) << listed.out;
}

}  // namespace
}  // namespace kyso::ui

namespace kyso::ui {
namespace {

// The Inventory tab's sync reads the SoftHSM token through the app's token layer.
TEST_F(TokenManageTest, InventorySyncRegistersThePluggedToken) {
  auto* inventoryTab = window->inventoryTab();
  QSignalSpy loaded(inventoryTab, &InventoryTab::loaded);
  inventoryTab->reload();  // the first load may have ended before the spy existed
  ASSERT_TRUE(loaded.wait(20000));
  ASSERT_TRUE(loaded.last().at(0).toBool());
  auto* sync = inventoryTab->findChild<QPushButton*>(QStringLiteral("syncTokens"));
  ASSERT_TRUE(sync && sync->isEnabled());
  QSignalSpy done(inventoryTab, &InventoryTab::actionDone);
  sync->click();
  ASSERT_TRUE(done.wait(30000));
  EXPECT_TRUE(done.last().at(0).toBool()) << done.last().at(1).toString().toStdString();
  EXPECT_TRUE(done.last().at(1).toString().startsWith(QStringLiteral("Tokens seen: 1;")))
      << done.last().at(1).toString().toStdString();  // the spare blank token is not recorded
  // The tab reloads after the sync (an earlier reload may still be answering first).
  const QString serial = QString::fromStdString(token().serial());
  auto listed = [&] {
    for (int r = 0; r < inventoryTab->tokens()->rowCount(); ++r)
      if (inventoryTab->tokens()->index(r, 0).data().toString() == serial) return true;
    return false;
  };
  EXPECT_TRUE(QTest::qWaitFor(listed, 20000)) << serial.toStdString();
}

}  // namespace
}  // namespace kyso::ui
