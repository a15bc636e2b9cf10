// The Tokens tab's link to the token layer on a real SoftHSM token: the live list shows the
// token read on the device worker; the Qt PIN prompt answers the worker through a dialog on the UI
// thread (and cancels, and refuses to run on the UI thread); changing the PIN end to end through
// the dialogs works and the token accepts the new PIN afterwards.
#include <gtest/gtest.h>

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <deque>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "pkcs11/device_worker.h"
#include "pkcs11/open_token.h"
#include "tests/support/softhsm_fixture.h"
#include "tests/ui/pin_script.h"
#include "tests/ui/qt_print.h"
#include "tests/ui/sign_support.h"
#include "ui/tokens/modules_to_read.h"
#include "ui/tokens/pin_dialog.h"
#include "ui/tokens/pkcs11_token_source.h"
#include "ui/tokens/qt_pin_prompt.h"
#include "ui/tokens/token_actions.h"
#include "ui/tokens/tokens_tab.h"

namespace kyso::ui {
namespace {

class TokenLayerTest : public test::SoftHsmTest {
 protected:
  test::SoftHsmToken::Options options() const override {
    test::SoftHsmToken::Options o;
    o.label = "Nguyễn Văn A";
    return o;
  }
};

using DialogScript = PinScript;

// Issue 17: a module reached by two paths (a symbolic link, or the known table and p11-kit naming
// the same file) is read once, so that its tokens are not listed twice.
TEST(ModulesToRead, EachModuleFileOnce) {
  QTemporaryDir dir;
  ASSERT_TRUE(dir.isValid());
  const std::filesystem::path real = dir.filePath(QStringLiteral("libtoken.so")).toStdString();
  { std::ofstream(real) << "not a real module"; }
  const std::filesystem::path link = dir.filePath(QStringLiteral("libtoken-link.so")).toStdString();
  std::filesystem::create_symlink(real, link);
  AppSettings s;
  s.pkcs11Modules = {QString::fromStdString(real.string()), QString::fromStdString(link.string()),
                     QString::fromStdString(real.string()), QStringLiteral("/nonexistent/x.so")};
  EXPECT_EQ(modulesToRead(s), (QStringList{QString::fromStdString(real.string()),
                                           QStringLiteral("/nonexistent/x.so")}));
  // Without settings: every installed module, no file twice.
  std::set<std::string> files;
  for (const QString& m : modulesToRead(AppSettings{})) {
    std::error_code ec;
    const auto c = std::filesystem::canonical(m.toStdString(), ec);
    EXPECT_TRUE(files.insert(ec ? m.toStdString() : c.string()).second) << m.toStdString();
  }
}

TEST_F(TokenLayerTest, TokenListShowsTheSoftHsmToken) {
  auto worker = std::make_shared<p11::DeviceWorker>();
  TokenListModel model;
  Pkcs11TokenSource source({QString::fromStdString(token().modulePath().string())}, worker, false);
  model.setSource(&source);
  ASSERT_TRUE(QTest::qWaitFor([&] { return model.currentToken().has_value(); }, 20000));
  const TokenSnapshot s = *model.currentToken();
  EXPECT_EQ(s.label, QStringLiteral("Nguyễn Văn A"));
  EXPECT_EQ(s.serial, QString::fromStdString(token().serial()));
  EXPECT_EQ(s.pin, TokenSnapshot::Pin::Ok);
  EXPECT_EQ(model.index(model.rowOf(s.reader), TokenListModel::Token).data().toString(),
            QStringLiteral("Nguyễn Văn A (serial %1)").arg(s.serial));
  EXPECT_EQ(s.certificates, 0);  // read, and there are none
  EXPECT_TRUE(s.certs.isEmpty());
}

// Issue 17: the Tokens tab's details show each certificate on the token (holder, issuer, until
// when, CKA_ID), read without logging in; the chain's CA certificate is marked and not counted.
TEST_F(TokenLayerTest, DetailsShowTheCertificatesOnTheToken) {
  ASSERT_TRUE(testing::importTestSigner(token()).ok());
  auto worker = std::make_shared<p11::DeviceWorker>();
  TokenListModel model;
  Pkcs11TokenSource source({QString::fromStdString(token().modulePath().string())}, worker, false);
  model.setSource(&source);
  ASSERT_TRUE(QTest::qWaitFor([&] { return model.currentToken().has_value(); }, 20000));
  const TokenSnapshot s = *model.currentToken();
  EXPECT_EQ(s.certificates, 1);
  ASSERT_EQ(s.certs.size(), 2);
  int cas = 0;
  for (const TokenCertificate& c : s.certs) {
    cas += c.ca;
    EXPECT_TRUE(c.notAfter.isValid());
    if (!c.ca) {
      EXPECT_EQ(c.id, QStringLiteral("01"));
      EXPECT_FALSE(c.holder.isEmpty());
      EXPECT_EQ(s.firstCertExpiry, c.notAfter);
    }
  }
  EXPECT_EQ(cas, 1);
  TokensTab tab(&model, true);
  auto* details = tab.findChild<QTextBrowser*>(QStringLiteral("tokenDetails"));
  ASSERT_NE(details, nullptr);
  auto* table = tab.findChild<QTableView*>();
  ASSERT_NE(table, nullptr);
  table->setCurrentIndex(model.index(model.rowOf(s.reader), 0));
  ASSERT_TRUE(QTest::qWaitFor(
      [&] { return details->toPlainText().contains(QStringLiteral("Certificates on the token")); },
      5000))
      << details->toPlainText().toStdString();
  const QString text = details->toPlainText();
  for (const TokenCertificate& c : s.certs)
    EXPECT_TRUE(text.contains(c.holder)) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("valid until"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("certificate authority"))) << text.toStdString();
  EXPECT_TRUE(text.contains(QStringLiteral("CKA_ID 01"))) << text.toStdString();
}

TEST_F(TokenLayerTest, PinPromptAnswersTheWorkerThroughADialog) {
  QWidget parent;
  QtPinPrompt prompt(&parent);
  p11::PinRequest req;
  req.tokenLabel = "Nguyễn Văn A";
  req.tokenSerial = "42";
  req.finalTry = true;
  // On the UI thread it refuses instead of freezing the window.
  auto onUi = prompt.getPin(req);
  ASSERT_FALSE(onUi.ok());
  EXPECT_EQ(onUi.error().kind, Errc::PinSourceInvalid);

  DialogScript script;
  script.answers = {QStringLiteral("2468"), QString()};
  std::optional<Result<SecretBuffer>> first, second;
  std::thread worker([&] {
    first.emplace(prompt.getPin(req));
    req.finalTry = false;
    second.emplace(prompt.getPin(req));
  });
  // The final-try dialog refuses until "I understand" is ticked; tick it when it shows.
  QTimer ticker;
  QObject::connect(&ticker, &QTimer::timeout, [] {
    for (QWidget* w : QApplication::topLevelWidgets())
      if (auto* d = qobject_cast<PinDialog*>(w))
        for (auto* c : d->findChildren<QCheckBox*>()) c->setChecked(true);
  });
  ticker.start(5);
  const bool done = QTest::qWaitFor([&] { return second.has_value(); }, 20000);
  worker.join();
  ASSERT_TRUE(done);
  ASSERT_TRUE(first->ok());
  EXPECT_EQ((*first)->view(), "2468");
  ASSERT_FALSE(second->ok());
  EXPECT_EQ(second->error().kind, Errc::Cancelled);
  EXPECT_TRUE(script.titles.value(0).contains(QLatin1String("PIN")));
}

TEST_F(TokenLayerTest, ChangePinThroughTheDialogs) {
  auto worker = std::make_shared<p11::DeviceWorker>();
  QWidget parent;
  auto prompt = std::make_shared<QtPinPrompt>(&parent);
  DialogScript script;
  // The current PIN, then the new one (typed twice in the same dialog).
  script.answers = {QString::fromStdString(token().userPin()), QStringLiteral("654321")};
  auto future = runTokenAction(QStringLiteral("change-pin"),
                               QString::fromStdString(token().modulePath().string()),
                               QString::fromStdString(token().serial()), worker, prompt);
  ASSERT_TRUE(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
  const Status st = future.result();
  ASSERT_TRUE(st.ok()) << st.error().technical();
  EXPECT_EQ(script.titles.size(), 2);
  // The token now takes the new PIN.
  p11::FixedPinPrompt fixed("654321");
  p11::TokenSelector sel;
  sel.module = token().modulePath().string();
  sel.token = token().serial();
  p11::OpenOptions opt;
  auto tok = p11::OpenToken::open(sel, fixed, opt, worker);
  EXPECT_TRUE(tok.ok()) << tok.error().technical();
}

TEST_F(TokenLayerTest, CancelledPinDialogCancelsTheAction) {
  auto worker = std::make_shared<p11::DeviceWorker>();
  QWidget parent;
  auto prompt = std::make_shared<QtPinPrompt>(&parent);
  DialogScript script;
  script.answers = {QString()};
  auto future = runTokenAction(QStringLiteral("change-pin"),
                               QString::fromStdString(token().modulePath().string()),
                               QString::fromStdString(token().serial()), worker, prompt);
  ASSERT_TRUE(QTest::qWaitFor([&] { return future.isFinished(); }, 30000));
  const Status st = future.result();
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().kind, Errc::Cancelled) << st.error().technical();
}

}  // namespace
}  // namespace kyso::ui
