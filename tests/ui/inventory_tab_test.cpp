// The Inventory tab on a real SQLite register in a temporary folder: tables with search and state
// filter, the expiring-soon view, the history of a token, and a transition made through the
// dialog (with the request document's number and date) as well as one the register refuses.
#include "ui/inventory/inventory_tab.h"

#include <gtest/gtest.h>

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFuture>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <chrono>
#include <tuple>

#include "src/inventory/audit_seal.h"
#include "src/inventory/inventory.h"
#include "src/inventory/sync.h"
#include "tests/ui/qt_print.h"
#include "ui/common/language.h"
#include "ui/inventory/person_dialog.h"
#include "ui/inventory/record_table_model.h"
#include "ui/inventory/transition_dialog.h"
#include "ui/inventory/unit_dialog.h"
#include "ui/inventory/warnings_dialog.h"

namespace kyso::ui {
namespace {

class InventoryTabTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(m_dir.isValid());
    m_db = m_dir.filePath(QStringLiteral("inventory.sqlite")).toStdString();
    auto inv = inventory::Inventory::open(m_db, m_clock);
    ASSERT_TRUE(inv.ok()) << inv.error().technical();
    inventory::Unit u;
    u.name = "Văn phòng Sở";
    auto unit = inv->addUnit(u);
    ASSERT_TRUE(unit.ok()) << unit.error().technical();
    inventory::Person p;
    p.fullName = "Nguyễn Văn A";
    p.unitId = unit->id;
    auto person = inv->addPerson(p);
    ASSERT_TRUE(person.ok()) << person.error().technical();
    inventory::Token t;
    t.serial = "ABC123";
    t.manufacturer = "Bit4id";
    t.model = "miniLector";
    ASSERT_TRUE(inv->addToken(t).ok());
    t.serial = "XYZ789";
    t.manufacturer = "SafeNet";
    t.state = "active";
    t.holderId = person->id;
    auto active = inv->addToken(t);
    ASSERT_TRUE(active.ok()) << active.error().technical();
    inventory::Certificate c;
    c.serial = "01";
    c.issuer = "CN=CA phục vụ các cơ quan Nhà nước G2";
    c.subject = "CN=Nguyễn Văn A";
    c.sha256 = std::string(64, 'a');
    c.notBefore = "2024-01-01";
    c.notAfter = inv->today();  // last valid day today: expiring
    c.holderId = person->id;
    auto cert = inv->addCertificate(c);
    ASSERT_TRUE(cert.ok()) << cert.error().technical();
  }

  QTemporaryDir m_dir;
  std::string m_db;
  SystemClock m_clock;
};

TEST_F(InventoryTabTest, ShowsSearchesFiltersAndRecordsTransitions) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  tab.resize(900, 600);
  tab.show();
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  ASSERT_TRUE(loaded.last().at(0).toBool());
  ASSERT_EQ(tab.tokens()->rowCount(), 2);
  EXPECT_EQ(tab.certificates()->rowCount(), 1);
  ASSERT_EQ(tab.expiring()->rowCount(), 1);
  EXPECT_EQ(tab.expiring()->index(0, 2).data().toString(), QStringLiteral("Nguyễn Văn A"));

  // Search and state filter act on the tokens table.
  auto* pages = tab.findChild<QTabWidget*>(QStringLiteral("inventoryPages"));
  ASSERT_NE(pages, nullptr);
  auto* view = qobject_cast<QTableView*>(pages->widget(0));
  ASSERT_NE(view, nullptr);
  auto* search = tab.findChild<QLineEdit*>(QStringLiteral("inventorySearch"));
  search->setText(QStringLiteral("safenet"));
  EXPECT_EQ(view->model()->rowCount(), 1);
  search->clear();
  auto* filter = tab.findChild<QComboBox*>(QStringLiteral("stateFilter"));
  filter->setCurrentIndex(filter->findData(QStringLiteral("in_stock")));
  ASSERT_EQ(view->model()->rowCount(), 1);
  EXPECT_EQ(view->model()->index(0, 0).data().toString(), QStringLiteral("ABC123"));
  EXPECT_EQ(view->model()->index(0, 5).data(Qt::BackgroundRole).value<QColor>(),
            RecordTableModel::stateColor(QStringLiteral("in_stock")));
  // Issue 17: the state by name for people (the UI's language, English here), the code beneath.
  EXPECT_EQ(view->model()->index(0, 5).data().toString(), QStringLiteral("in stock"));
  EXPECT_EQ(view->model()->index(0, 5).data(RecordTableModel::StateCodeRole).toString(),
            QStringLiteral("in_stock"));
  EXPECT_EQ(filter->currentText(), QStringLiteral("in stock"));
  filter->setCurrentIndex(0);
  ASSERT_EQ(view->model()->rowCount(), 2);

  // Report XYZ789 lost, with the request document, through the dialog.
  int row = view->model()->index(0, 0).data().toString() == QLatin1String("XYZ789") ? 0 : 1;
  view->setCurrentIndex(view->model()->index(row, 0));
  QSignalSpy history(&tab, &InventoryTab::historyShown);
  QSignalSpy done(&tab, &InventoryTab::transitionDone);
  auto* change = tab.findChildren<QPushButton*>().at(1);
  ASSERT_TRUE(change->isEnabled());
  change->click();
  auto* dialog = tab.findChild<TransitionDialog*>();
  ASSERT_NE(dialog, nullptr);
  dialog->findChild<QComboBox*>(QStringLiteral("state"))->setCurrentText(QStringLiteral("lost"));
  dialog->findChild<QLineEdit*>(QStringLiteral("docNumber"))->setText(QStringLiteral("286/SYT-VP"));
  dialog->findChild<QDateEdit*>(QStringLiteral("docDate"))->setDate(QDate(2026, 9, 6));
  EXPECT_EQ(dialog->docDate(), QStringLiteral("2026-09-06"));
  dialog->accept();
  ASSERT_TRUE(done.wait(20000));
  EXPECT_TRUE(done.last().at(0).toBool());
  ASSERT_TRUE(loaded.wait(20000));

  auto inv = inventory::Inventory::open(m_db, m_clock);
  ASSERT_TRUE(inv.ok());
  auto t = inv->token("XYZ789");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->state, "lost");

  // The history pane shows the event with its document.
  for (int i = 0; i < view->model()->rowCount(); ++i) {
    if (view->model()->index(i, 0).data().toString() == QLatin1String("XYZ789")) row = i;
  }
  history.clear();
  view->setCurrentIndex(QModelIndex());
  view->setCurrentIndex(view->model()->index(row, 0));
  ASSERT_TRUE(history.count() > 0 || history.wait(20000));
  auto* pane = tab.findChild<QTextBrowser*>(QStringLiteral("history"));
  EXPECT_TRUE(pane->toPlainText().contains(QLatin1String("286/SYT-VP")))
      << pane->toPlainText().toStdString();

  // From in stock the dialog offers only what the rules allow (issue 17): not "lost".
  auto openDialog = [&] {
    row = view->model()->index(0, 0).data().toString() == QLatin1String("ABC123") ? 0 : 1;
    view->setCurrentIndex(view->model()->index(row, 0));
    change->click();
    TransitionDialog* open = nullptr;
    for (auto* d : tab.findChildren<TransitionDialog*>())
      if (d->isVisible()) open = d;
    return open;
  };
  dialog = openDialog();
  ASSERT_NE(dialog, nullptr);
  auto* state = dialog->findChild<QComboBox*>(QStringLiteral("state"));
  EXPECT_EQ(state->findText(QStringLiteral("lost")), -1);
  EXPECT_EQ(state->count(), 3);  // active (issue), damaged, destroyed
  // A change that lacks what it needs is refused, says what is missing, and nothing changes.
  state->setCurrentText(QStringLiteral("damaged"));
  EXPECT_TRUE(dialog->findChild<QLabel*>(QStringLiteral("needs"))
                  ->text()
                  .contains(QLatin1String("a note on what happened")));
  dialog->accept();
  ASSERT_TRUE(done.wait(20000));
  EXPECT_FALSE(done.last().at(0).toBool());
  auto* status = tab.findChild<QLabel*>(QStringLiteral("inventoryStatus"));
  EXPECT_TRUE(status->text().contains(QLatin1String("this change needs a note on what happened")))
      << status->text().toStdString();
  auto stock = inv->token("ABC123");
  ASSERT_TRUE(stock.ok());
  EXPECT_EQ(stock->state, "in_stock");
  // Issuing it names the person who receives it, in the dialog's holder field.
  dialog = openDialog();
  ASSERT_NE(dialog, nullptr);
  dialog->findChild<QComboBox*>(QStringLiteral("state"))->setCurrentText(QStringLiteral("active"));
  dialog->findChild<QLineEdit*>(QStringLiteral("docNumber"))->setText(QStringLiteral("290/SYT-VP"));
  dialog->findChild<QDateEdit*>(QStringLiteral("docDate"))->setDate(QDate(2026, 9, 6));
  auto* holder = dialog->findChild<QComboBox*>(QStringLiteral("holder"));
  ASSERT_TRUE(holder->isVisibleTo(dialog));
  ASSERT_EQ(holder->count(), 2);
  holder->setCurrentIndex(1);
  dialog->accept();
  ASSERT_TRUE(done.wait(20000));
  EXPECT_TRUE(done.last().at(0).toBool()) << status->text().toStdString();
  auto issued = inv->token("ABC123");
  ASSERT_TRUE(issued.ok());
  EXPECT_EQ(issued->state, "active");
  EXPECT_EQ(issued->holderName, "Nguyễn Văn A");
}

// Issue 16: the tab reminds the officer to seal the audit log when it was never sealed, or when
// entries were written after a seal more than a week old; a fresh seal silences it.
TEST_F(InventoryTabTest, RemindsToSealTheAuditLogAfterAWeek) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  auto* status = tab.findChild<QLabel*>(QStringLiteral("inventoryStatus"));
  ASSERT_NE(status, nullptr);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));  // the load the tab starts itself
  auto reloadAndRead = [&] {
    loaded.clear();
    tab.reload();
    EXPECT_TRUE(loaded.count() > 0 || loaded.wait(20000));
    return status->text().toStdString();
  };
  std::string first = reloadAndRead();
  EXPECT_NE(first.find("never been sealed"), std::string::npos) << first;
  {
    auto inv = inventory::Inventory::open(m_db, m_clock);
    ASSERT_TRUE(inv.ok());
    auto facts = inventory::headToSeal(inv->db(), inv->now());
    ASSERT_TRUE(facts.ok());
    ASSERT_TRUE(inventory::storeSeal(inv->db(), *facts, "officer", {0x30, 0x00}).ok());
  }
  std::string text = reloadAndRead();
  EXPECT_EQ(text.find("sealed"), std::string::npos) << text;
  {
    auto inv = inventory::Inventory::open(m_db, m_clock);
    ASSERT_TRUE(inv.ok());
    auto facts = inventory::headToSeal(inv->db(), "2026-01-01T00:00:00Z");
    ASSERT_TRUE(facts.ok());
    ASSERT_TRUE(inventory::storeSeal(inv->db(), *facts, "officer", {0x30, 0x00}).ok());
    inventory::Token t;
    t.serial = "NEW-1";
    t.manufacturer = "Bit4id";
    ASSERT_TRUE(inv->addToken(t).ok());
  }
  text = reloadAndRead();
  EXPECT_NE(text.find("last sealed on 2026-01-01, more than a week ago"), std::string::npos)
      << text;
}

// Issue 17: the status line's warnings open a list that says what to do, a lost token whose
// certificate is not revoked first and in red, in the app's language.
TEST_F(InventoryTabTest, WarningsOpenAListThatSaysWhatToDo) {
  {
    auto inv = inventory::Inventory::open(m_db, m_clock);
    ASSERT_TRUE(inv.ok());
    inventory::Token t;
    t.serial = "LOST-1";
    t.manufacturer = "Bit4id";
    t.state = "lost";
    auto lost = inv->addToken(t);
    ASSERT_TRUE(lost.ok()) << lost.error().technical();
    inventory::Certificate c;
    c.serial = "02";
    c.issuer = "CN=CA phục vụ các cơ quan Nhà nước G2";
    c.subject = "CN=Trần Thị B";
    c.sha256 = std::string(64, 'b');
    c.notBefore = "2025-01-01";
    c.notAfter = "2099-01-01";
    c.tokenId = lost->id;
    ASSERT_TRUE(inv->addCertificate(c).ok());
  }
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  for (const char* lang : {"en", "vi"}) {
    Language language;
    ASSERT_TRUE(language.apply(QString::fromLatin1(lang)));
    InventoryTab tab(settings);
    QSignalSpy loaded(&tab, &InventoryTab::loaded);
    ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
    auto* button = tab.findChild<QPushButton*>(QStringLiteral("showWarnings"));
    ASSERT_NE(button, nullptr);
    EXPECT_FALSE(button->isHidden());
    EXPECT_TRUE(button->text().contains(QStringLiteral("(2)"))) << button->text().toStdString();
    button->click();
    auto* dialog = tab.findChild<WarningsDialog*>();
    ASSERT_NE(dialog, nullptr);
    QTableWidget* table = dialog->table();
    ASSERT_EQ(table->rowCount(), 2);
    const bool vi = std::string(lang) == "vi";
    EXPECT_EQ(table->item(0, 0)->text(),
              vi ? QStringLiteral("token BỊ MẤT, chứng thư chưa thu hồi")
                 : QStringLiteral("LOST token, certificate not revoked"));
    EXPECT_EQ(table->item(0, 1)->text(), QStringLiteral("token LOST-1"));
    EXPECT_TRUE(table->item(0, 2)->text().contains(vi ? QStringLiteral("đề nghị CA thu hồi ngay")
                                                      : QStringLiteral("ask the CA to revoke it")))
        << table->item(0, 2)->text().toStdString();
    EXPECT_EQ(table->item(0, 0)->foreground().color(), QColor(0xb0, 0, 0));
    EXPECT_TRUE(table->item(1, 0)->text().contains(vi ? QStringLiteral("hết hạn trong 7 ngày")
                                                      : QStringLiteral("expires within 7 days")))
        << table->item(1, 0)->text().toStdString();
    dialog->close();
    ASSERT_TRUE(language.apply(QStringLiteral("en")));
  }
}

// Issue 17: the IT officer adds and edits people and units in the app: the dialog saves through
// the register (with its audit entry), the tab reloads, a bad image changes nothing, and a
// duplicate is refused with the register's sentence.
// The dialog opened last (the ones closed before are deleted only later).
template <class D>
D* newest(QWidget& parent) {
  const auto all = parent.findChildren<D*>();
  return all.isEmpty() ? nullptr : all.last();
}

TEST_F(InventoryTabTest, PeopleAndUnitsAreAddedAndEdited) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  auto* pages = tab.findChild<QTabWidget*>(QStringLiteral("inventoryPages"));
  auto* add = tab.findChild<QPushButton*>(QStringLiteral("addRecord"));
  auto* edit = tab.findChild<QPushButton*>(QStringLiteral("editRecord"));
  ASSERT_TRUE(pages && add && edit);
  pages->setCurrentIndex(0);
  EXPECT_TRUE(add->isHidden()) << "tokens change by state, not by a form";
  QSignalSpy saved(&tab, &InventoryTab::recordSaved);
  auto readBack = [&] {
    auto inv = inventory::Inventory::open(m_db, m_clock);
    EXPECT_TRUE(inv.ok());
    return inv;
  };

  // A unit with its seal.
  pages->setCurrentIndex(4);
  EXPECT_FALSE(add->isHidden());
  const QString seal = m_dir.filePath(QStringLiteral("seal.png"));
  QImage img(200, 200, QImage::Format_ARGB32);
  img.fill(QColor(200, 0, 0, 200));
  ASSERT_TRUE(img.save(seal, "PNG"));
  add->click();
  auto* ud = newest<UnitDialog>(tab);
  ASSERT_NE(ud, nullptr);
  ud->nameEdit()->setText(QStringLiteral("Trung tâm Y tế huyện Phú Vang"));
  ud->setSealFile(seal);
  loaded.clear();
  ud->accept();
  ASSERT_TRUE(saved.wait(20000));
  EXPECT_TRUE(saved.last().at(0).toBool());
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  {
    auto inv = readBack();
    auto u = inv->unit("Trung tâm Y tế huyện Phú Vang");
    ASSERT_TRUE(u.ok()) << u.error().technical();
    EXPECT_TRUE(u->hasSeal);
  }

  // A person in it.
  pages->setCurrentIndex(3);
  add->click();
  auto* pd = newest<PersonDialog>(tab);
  ASSERT_NE(pd, nullptr);
  pd->nameEdit()->setText(QStringLiteral("Đặng Quốc Toàn"));
  auto* unitBox = pd->findChild<QComboBox*>(QStringLiteral("personUnit"));
  ASSERT_NE(unitBox, nullptr);
  unitBox->setCurrentIndex(unitBox->findText(QStringLiteral("Văn phòng Sở")));
  pd->accept();
  ASSERT_TRUE(saved.wait(20000));
  EXPECT_TRUE(saved.last().at(0).toBool());
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));

  // The same name again in the same unit: refused with the register's words, nothing added.
  add->click();
  pd = newest<PersonDialog>(tab);
  ASSERT_NE(pd, nullptr);
  pd->nameEdit()->setText(QStringLiteral("Đặng Quốc Toàn"));
  unitBox = pd->findChild<QComboBox*>(QStringLiteral("personUnit"));
  unitBox->setCurrentIndex(unitBox->findText(QStringLiteral("Văn phòng Sở")));
  pd->accept();
  ASSERT_TRUE(saved.wait(20000));
  EXPECT_FALSE(saved.last().at(0).toBool());
  auto* status = tab.findChild<QLabel*>(QStringLiteral("inventoryStatus"));
  EXPECT_TRUE(status->text().contains(QStringLiteral("Đặng Quốc Toàn")))
      << status->text().toStdString();

  // Edit: select the new person, a position and a bad image: nothing changes.
  QTableView* view = nullptr;
  for (auto* v : tab.findChildren<QTableView*>())
    if (pages->widget(3)->isAncestorOf(v) || pages->widget(3) == v) view = v;
  ASSERT_NE(view, nullptr);
  int row = -1;
  for (int r = 0; r < view->model()->rowCount(); ++r)
    if (view->model()->index(r, 0).data().toString() == QStringLiteral("Đặng Quốc Toàn")) row = r;
  ASSERT_GE(row, 0);
  view->setCurrentIndex(view->model()->index(row, 0));
  ASSERT_TRUE(edit->isEnabled());
  const QString bad = m_dir.filePath(QStringLiteral("not-an-image.png"));
  {
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("GIF89a not a png");
  }
  edit->click();
  pd = newest<PersonDialog>(tab);
  ASSERT_NE(pd, nullptr);
  EXPECT_EQ(pd->nameEdit()->text(), QStringLiteral("Đặng Quốc Toàn"));
  pd->findChild<QLineEdit*>(QStringLiteral("personPosition"))
      ->setText(QStringLiteral("Chánh Văn phòng"));
  pd->setHandwritingFile(bad);
  pd->accept();
  ASSERT_TRUE(saved.wait(20000));
  EXPECT_FALSE(saved.last().at(0).toBool());
  {
    auto inv = readBack();
    auto p = inv->person("Đặng Quốc Toàn");
    ASSERT_TRUE(p.ok());
    EXPECT_EQ(p->position, "");
  }
  // Then without the bad image: saved.
  view->setCurrentIndex(view->model()->index(row, 0));
  edit->click();
  pd = newest<PersonDialog>(tab);
  ASSERT_NE(pd, nullptr);
  pd->findChild<QLineEdit*>(QStringLiteral("personPosition"))
      ->setText(QStringLiteral("Chánh Văn phòng"));
  pd->accept();
  ASSERT_TRUE(saved.wait(20000));
  EXPECT_TRUE(saved.last().at(0).toBool()) << status->text().toStdString();
  auto inv = readBack();
  auto p = inv->person("Đặng Quốc Toàn");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->position, "Chánh Văn phòng");
  EXPECT_EQ(p->unitName, "Văn phòng Sở");
}

// Issue 17: the People and Units columns say "Ngày thôi việc" and "Loại đơn vị" in Vietnamese,
// not "Ngày nghỉ" (a day off) and "Loại ký" (the signature's kind).
TEST_F(InventoryTabTest, VietnameseColumnNamesSayWhatTheyHold) {
  Language language;
  ASSERT_TRUE(language.apply(QStringLiteral("vi")));
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  QStringList headers;
  for (auto* view : tab.findChildren<QTableView*>())
    for (int c = 0; c < view->model()->columnCount(); ++c)
      headers << view->model()->headerData(c, Qt::Horizontal).toString();
  EXPECT_TRUE(headers.contains(QStringLiteral("Ngày thôi việc")))
      << headers.join(u'|').toStdString();
  EXPECT_TRUE(headers.contains(QStringLiteral("Loại đơn vị"))) << headers.join(u'|').toStdString();
  EXPECT_FALSE(headers.contains(QStringLiteral("Loại ký"))) << headers.join(u'|').toStdString();
  ASSERT_TRUE(language.apply(QStringLiteral("en")));
}

TEST_F(InventoryTabTest, FileThatIsNotADatabaseIsReportedNotACrash) {
  AppSettings settings;
  settings.inventoryDatabase = m_dir.filePath(QStringLiteral("junk.sqlite"));
  QFile junk(settings.inventoryDatabase);
  ASSERT_TRUE(junk.open(QIODevice::WriteOnly));
  junk.write(QByteArray(4096, 'x'));
  junk.close();
  InventoryTab tab(settings);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  EXPECT_FALSE(loaded.last().at(0).toBool());
  EXPECT_EQ(tab.tokens()->rowCount(), 0);
}

// Waits for the tab's next actionDone and returns (ok, summary).
std::pair<bool, QString> waitAction(QSignalSpy& spy) {
  const qsizetype before = spy.count();
  EXPECT_TRUE(spy.count() > before || spy.wait(20000));
  if (spy.isEmpty()) return {false, QString()};
  return {spy.last().at(0).toBool(), spy.last().at(1).toString()};
}

std::string readFile(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return f.readAll().toStdString();
}

TEST_F(InventoryTabTest, ExportsAndImportsTokensAsCsv) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  QSignalSpy done(&tab, &InventoryTab::actionDone);
  const QString csv = m_dir.filePath(QStringLiteral("tokens.csv"));
  tab.exportCsv(csv);
  auto [ok, summary] = waitAction(done);
  EXPECT_TRUE(ok) << summary.toStdString();
  const std::string text = readFile(csv);
  EXPECT_EQ(text.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 with BOM for spreadsheet programs";
  EXPECT_NE(text.find("ABC123"), std::string::npos);
  EXPECT_NE(text.find("XYZ789"), std::string::npos);

  // Into a new register: both tokens arrive.
  AppSettings other;
  other.inventoryDatabase = m_dir.filePath(QStringLiteral("other.sqlite"));
  InventoryTab fresh(other);
  QSignalSpy freshLoaded(&fresh, &InventoryTab::loaded);
  ASSERT_TRUE(freshLoaded.count() > 0 || freshLoaded.wait(20000));
  ASSERT_EQ(fresh.tokens()->rowCount(), 0);
  // The exported holder and unit are not in the new register: import only what it can take.
  const QString simple = m_dir.filePath(QStringLiteral("simple.csv"));
  {
    QFile f(simple);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("serial,manufacturer,model\nNEW001,Bit4id,miniLector\nNEW002,SafeNet,eToken 5110\n");
  }
  QSignalSpy freshDone(&fresh, &InventoryTab::actionDone);
  freshLoaded.clear();
  fresh.importCsv(simple);
  std::tie(ok, summary) = waitAction(freshDone);
  EXPECT_TRUE(ok) << summary.toStdString();
  EXPECT_TRUE(summary.contains(QStringLiteral("Tokens imported: 2."))) << summary.toStdString();
  ASSERT_TRUE(freshLoaded.count() > 0 || freshLoaded.wait(20000));
  EXPECT_EQ(fresh.tokens()->rowCount(), 2);

  // A file with a bad row imports nothing and says which line.
  const QString bad = m_dir.filePath(QStringLiteral("bad.csv"));
  {
    QFile f(bad);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("serial,manufacturer\nNEW003,Bit4id\n,SafeNet\n");
  }
  fresh.importCsv(bad);
  std::tie(ok, summary) = waitAction(freshDone);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(summary.startsWith(QStringLiteral("Nothing was imported"))) << summary.toStdString();
  EXPECT_TRUE(fresh.findChild<QTextBrowser*>(QStringLiteral("history"))
                  ->toPlainText()
                  .contains(QStringLiteral("line 3")));
  auto inv = inventory::Inventory::open(other.inventoryDatabase.toStdString(), m_clock);
  ASSERT_TRUE(inv.ok());
  EXPECT_FALSE(inv->token("NEW003").ok()) << "all rows or none";

  // Issue 17: a sheet naming a unit and a person the register lacks asks whether to add them.
  // Declined: nothing written. Accepted: the unit, the person and the token arrive together.
  const QString district = m_dir.filePath(QStringLiteral("district.csv"));
  {
    QFile f(district);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("serial,manufacturer,unit,holder\nNEW004,Bit4id,Trạm Y tế xã Phú Mỹ,Lê Văn Tám\n");
  }
  for (const bool accept : {false, true}) {
    SCOPED_TRACE(accept);
    fresh.importCsv(district);
    QMessageBox* box = nullptr;
    for (int i = 0; i < 400 && !(box && box->isVisible()); ++i) {
      QTest::qWait(50);
      box = fresh.findChild<QMessageBox*>(QStringLiteral("createMissingBox"));
    }
    ASSERT_TRUE(box && box->isVisible());
    EXPECT_TRUE(fresh.findChild<QTextBrowser*>(QStringLiteral("history"))
                    ->toPlainText()
                    .contains(QStringLiteral("unknown unit")));
    const qsizetype before = freshDone.count();
    box->button(accept ? QMessageBox::Yes : QMessageBox::No)->click();  // declined: done at once
    ASSERT_TRUE(freshDone.count() > before || freshDone.wait(20000));
    ok = freshDone.last().at(0).toBool();
    summary = freshDone.last().at(1).toString();
    EXPECT_EQ(ok, accept) << summary.toStdString();
    auto again = inventory::Inventory::open(other.inventoryDatabase.toStdString(), m_clock);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->token("NEW004").ok(), accept);
    EXPECT_EQ(again->unit("Trạm Y tế xã Phú Mỹ").ok(), accept);
    if (accept) {
      EXPECT_TRUE(summary.contains(QStringLiteral("Units added: 1. People added: 1.")))
          << summary.toStdString();
      EXPECT_EQ(again->token("NEW004")->holderName, "Lê Văn Tám");
    }
  }
}

TEST_F(InventoryTabTest, ReportPerUnitIsShownAndSaved) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  QSignalSpy done(&tab, &InventoryTab::actionDone);
  const QString html = m_dir.filePath(QStringLiteral("report.html"));
  tab.makeReport(html);
  auto [ok, summary] = waitAction(done);
  EXPECT_TRUE(ok) << summary.toStdString();
  EXPECT_NE(readFile(html).find("Văn phòng Sở"), std::string::npos);
  EXPECT_TRUE(tab.findChild<QTextBrowser*>(QStringLiteral("history"))
                  ->toPlainText()
                  .contains(QStringLiteral("Văn phòng Sở")));
  const QString csv = m_dir.filePath(QStringLiteral("report.csv"));
  tab.makeReport(csv);
  std::tie(ok, summary) = waitAction(done);
  EXPECT_TRUE(ok) << summary.toStdString();
  const std::string text = readFile(csv);
  EXPECT_EQ(text.find("<"), std::string::npos) << "CSV, not HTML";
  EXPECT_NE(text.find("Văn phòng Sở"), std::string::npos);
}

TEST_F(InventoryTabTest, SyncRegistersNewTokensAndMarksKnownOnesSeen) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  auto* sync = tab.findChild<QPushButton*>(QStringLiteral("syncTokens"));
  EXPECT_FALSE(sync->isEnabled()) << "no token reader yet";
  // A reader as the token layer would answer (the SoftHSM case is in ui_token_test).
  tab.setTokenReader([] {
    std::vector<inventory::SeenToken> seen(2);
    seen[0].serial = "ABC123";
    seen[0].manufacturer = "Bit4id";
    seen[0].model = "miniLector";
    seen[1].serial = "NEW777";
    seen[1].manufacturer = "VNPT";
    seen[1].model = "SmartCA";
    return QtFuture::makeReadyFuture(Result<std::vector<inventory::SeenToken>>(seen));
  });
  ASSERT_TRUE(sync->isEnabled());
  QSignalSpy done(&tab, &InventoryTab::actionDone);
  loaded.clear();
  sync->click();
  auto [ok, summary] = waitAction(done);
  EXPECT_TRUE(ok) << summary.toStdString();
  EXPECT_TRUE(summary.startsWith(QStringLiteral("Tokens seen: 2;"))) << summary.toStdString();
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  EXPECT_EQ(tab.tokens()->rowCount(), 3);
  auto inv = inventory::Inventory::open(m_db, m_clock);
  ASSERT_TRUE(inv.ok());
  auto known = inv->token("ABC123");
  ASSERT_TRUE(known.ok());
  EXPECT_FALSE(known->lastSeen.empty());
  EXPECT_TRUE(inv->token("NEW777").ok());
}

TEST_F(InventoryTabTest, SyncFailureIsReported) {
  AppSettings settings;
  settings.inventoryDatabase = QString::fromStdString(m_db);
  InventoryTab tab(settings);
  QSignalSpy loaded(&tab, &InventoryTab::loaded);
  ASSERT_TRUE(loaded.count() > 0 || loaded.wait(20000));
  tab.setTokenReader([] {
    return QtFuture::makeReadyFuture(Result<std::vector<inventory::SeenToken>>(
        Error::kyso(Errc::ModuleNotFound, "inventory sync")));
  });
  QSignalSpy done(&tab, &InventoryTab::actionDone);
  tab.syncTokens();
  auto [ok, summary] = waitAction(done);
  EXPECT_FALSE(ok);
  EXPECT_TRUE(summary.startsWith(QStringLiteral("The tokens cannot be read")))
      << summary.toStdString();
}

}  // namespace
}  // namespace kyso::ui
