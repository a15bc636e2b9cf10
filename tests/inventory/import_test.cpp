// Spreadsheet import and export on both backends: good files (BOM, semicolons, DD/MM/YYYY,
// Windows-1258), whole-file problems (wrong columns, UTF-16), row problems (bad dates, unknown
// units, duplicate serials, wrong field counts): a report of every rejected row, nothing written.
#include <gtest/gtest.h>
#include <iconv.h>

#include <algorithm>

#include "core/messages.h"
#include "src/inventory/csv.h"
#include "src/inventory/transfer.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

using test::Backend;

std::string why(const RejectedRow& r) {
  return rowProblemText(r, Lang::En);
}

std::string toCp1258(const std::string& utf8) {
  iconv_t cd = iconv_open("CP1258", "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1));
  std::string in = utf8, out(utf8.size() * 2 + 8, '\0');
  char* ip = in.data();
  char* op = out.data();
  std::size_t il = in.size(), ol = out.size();
  EXPECT_NE(iconv(cd, &ip, &il, &op, &ol), static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - ol);
  return out;
}

class ImportTest : public ::testing::TestWithParam<Backend> {
 protected:
  test::TempDir dir;
  FixedClock clock{test::fixedNow()};
  std::optional<Inventory> inv;

  bool seed() {
    auto l = test::freshDatabase(GetParam(), dir);
    if (!l) return false;
    auto opened = Inventory::open(*l, clock);
    EXPECT_TRUE(opened.ok()) << opened.error().technical();
    if (!opened.ok()) return false;
    inv.emplace(std::move(*opened));
    Unit u;
    u.name = "Trung tâm Y tế huyện Phú Vang";
    const long long uid = inv->addUnit(u)->id;
    u.name = "Bệnh viện Đa khoa tỉnh";
    EXPECT_TRUE(inv->addUnit(u).ok());
    Person p;
    p.fullName = "Hoàng Thị Lệ Thủy";
    p.unitId = uid;
    EXPECT_TRUE(inv->addPerson(p).ok());
    return true;
  }
  long long tokenCount() { return (*inv->db().query("SELECT count(*) FROM tokens"))[0].integer(0); }
  long long auditCount() { return (*inv->db().query("SELECT count(*) FROM audit"))[0].integer(0); }
};

#define SEED_OR_SKIP()                                                             \
  do {                                                                             \
    if (!seed()) {                                                                 \
      if (HasFailure()) return;                                                    \
      if (test::inCi()) FAIL() << "PostgreSQL test server not running";            \
      GTEST_SKIP() << "PostgreSQL test server not running (fixture inventory_pg)"; \
    }                                                                              \
  } while (0)

TEST(Csv, ParsesQuotesDelimitersAndLines) {
  auto r = parseCsv("a;b;c\r\n\"x;1\";\"he said \"\"hi\"\"\";\"two\nlines\"\r\n\r\nlast;;\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->size(), 3u);
  EXPECT_EQ((*r)[1].fields[0], "x;1");
  EXPECT_EQ((*r)[1].fields[1], "he said \"hi\"");
  EXPECT_EQ((*r)[1].fields[2], "two\nlines");
  EXPECT_EQ((*r)[2].line, 5);
  EXPECT_EQ((*r)[2].fields.size(), 3u);
  EXPECT_EQ(parseCsv("a,b\n\"open,x\n").error().kind, Errc::CsvInvalid);
  EXPECT_EQ(csvLine({"a,b", "x\"y", "plain"}), "\"a,b\",\"x\"\"y\",plain\r\n");
}

TEST(Csv, DecodesBomAndWindows1258AndRefusesUtf16) {
  std::string enc;
  EXPECT_EQ(*decodeSpreadsheetText("\xef\xbb\xbfserial\n", &enc), "serial\n");
  EXPECT_EQ(enc, "UTF-8 with BOM");
  const std::string vi = "Trung tâm Y tế huyện Phú Vang, Đặng Thị Ngọc Hân";
  const std::string legacy = toCp1258(vi);
  ASSERT_NE(legacy, vi);
  EXPECT_FALSE(isValidUtf8(legacy));
  auto back = decodeSpreadsheetText(legacy, &enc);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(enc, "Windows-1258");
  EXPECT_EQ(*back, vi);
  EXPECT_EQ(decodeSpreadsheetText(std::string("\xff\xfes\0e\0", 6)).error().kind, Errc::CsvInvalid);
  EXPECT_EQ(decodeSpreadsheetText(std::string("a\0b", 3)).error().kind, Errc::CsvInvalid);
}

TEST_P(ImportTest, ImportsAGoodSpreadsheetWithBomSemicolonsAndVietnameseDates) {
  SEED_OR_SKIP();
  const std::string csv =
      "\xef\xbb\xbfSerial;Manufacturer;Model;Unit;Holder;State;Received_On\r\n"
      "54A1;Bit4id;miniLector EVO;Trung tâm Y tế huyện Phú Vang;Hoàng Thị Lệ "
      "Thủy;active;05/03/2025\r\n"
      "54A2;SafeNet;eToken 5110;Bệnh viện Đa khoa tỉnh;;;2025-04-01\r\n"
      "54A3;SafeNet;eToken 5110;;;;\r\n";
  auto r = importTokensCsv(*inv, csv);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  EXPECT_TRUE(r->rejected.empty());
  EXPECT_EQ(r->imported, 3);
  EXPECT_EQ(r->encoding, "UTF-8 with BOM");
  auto t = inv->token("54A1");
  EXPECT_EQ(t->holderName, "Hoàng Thị Lệ Thủy");
  EXPECT_EQ(t->unitName, "Trung tâm Y tế huyện Phú Vang");
  EXPECT_EQ(t->receivedOn, "2025-03-05");
  EXPECT_EQ(inv->token("54A2")->state, "in_stock");
  EXPECT_EQ(inv->history(Subject::Token, "54A3")->at(0).kind, "imported");
  EXPECT_TRUE(inv->verifyAudit()->ok());
}

TEST_P(ImportTest, ImportsWindows1258) {
  SEED_OR_SKIP();
  const std::string csv = toCp1258(
      "serial,manufacturer,unit,holder\r\nCP-1,Bit4id,Trung tâm Y tế huyện Phú Vang,Hoàng Thị Lệ "
      "Thủy\r\n");
  auto r = importTokensCsv(*inv, csv);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  ASSERT_TRUE(r->rejected.empty()) << why(r->rejected[0]);
  EXPECT_EQ(r->encoding, "Windows-1258");
  EXPECT_EQ(inv->token("CP-1")->holderName, "Hoàng Thị Lệ Thủy");
}

// Issue 17: the sheet a unit keeps, with its Vietnamese headers (as Excel saves it: Windows-1258,
// headers in capitals), its row numbers and notes, and Vietnamese state names.
TEST_P(ImportTest, ImportsAnOfficeSheetWithVietnameseHeadersAndStates) {
  SEED_OR_SKIP();
  const std::string csv = toCp1258(
      "STT,SỐ SERIAL,Hãng sản xuất,Loại token,Đơn vị,Người giữ,Tình trạng,Ngày nhận,Ghi chú\r\n"
      "1,VN-1,Bit4id,miniLector EVO,Trung tâm Y tế huyện Phú Vang,Hoàng Thị Lệ Thủy,ĐANG SỬ "
      "DỤNG,05/03/2025,cấp cho kế toán\r\n"
      "2,VN-2,SafeNet,eToken 5110,Bệnh viện Đa khoa tỉnh,,Trong kho,,\r\n"
      "3,VN-3,SafeNet,eToken 5110,,,  bị   mất ,,\r\n");
  auto r = importTokensCsv(*inv, csv);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  ASSERT_TRUE(r->rejected.empty()) << why(r->rejected[0]);
  EXPECT_EQ(r->imported, 3);
  EXPECT_EQ(inv->token("VN-1")->state, "active");
  EXPECT_EQ(inv->token("VN-1")->holderName, "Hoàng Thị Lệ Thủy");
  EXPECT_EQ(inv->token("VN-1")->model, "miniLector EVO");
  EXPECT_EQ(inv->token("VN-2")->state, "in_stock");
  EXPECT_EQ(inv->token("VN-3")->state, "lost");
  // A state nobody knows is rejected with the list of states; nothing is written.
  const long long before = tokenCount();
  r = importTokensCsv(*inv, "Số serial,Hãng\r\nVN-4,Bit4id\r\n");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->imported, 1);
  r = importTokensCsv(*inv, "Số serial,Hãng,Trạng thái\r\nVN-5,Bit4id,Cho mượn\r\n");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rejected.size(), 1u);
  EXPECT_NE(why(r->rejected[0]).find("unknown state 'Cho mượn' (one of: in_stock"),
            std::string::npos)
      << why(r->rejected[0]);
  EXPECT_EQ(tokenCount(), before + 1);
}

TEST_P(ImportTest, WrongColumnsRefuseTheWholeFile) {
  SEED_OR_SKIP();
  const long long before = tokenCount();
  auto r = importTokensCsv(*inv, "serial,maker\r\nX1,Bit4id\r\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::CsvInvalid);
  EXPECT_NE(r.error().context.find("maker"), std::string::npos);
  EXPECT_NE(describe(r.error(), Lang::En).find("the columns are serial, manufacturer"),
            std::string::npos)
      << describe(r.error(), Lang::En);
  EXPECT_NE(describe(r.error(), Lang::Vi).find("không có cột 'maker'; các cột là Số serial"),
            std::string::npos)
      << describe(r.error(), Lang::Vi);
  r = importTokensCsv(*inv, "model,unit\r\nX,Y\r\n");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().context.find("serial"), std::string::npos);
  r = importTokensCsv(*inv, "");
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(tokenCount(), before);
}

TEST_P(ImportTest, BadRowsAreAllReportedAndNothingIsWritten) {
  SEED_OR_SKIP();
  Token existing;
  existing.serial = "OLD-1";
  existing.manufacturer = "SafeNet";
  ASSERT_TRUE(inv->addToken(existing).ok());
  const long long tokens = tokenCount(), audit = auditCount();
  const std::string csv =
      "serial,manufacturer,unit,holder,state,received_on\r\n"
      "G-1,Bit4id,,,,2025-01-01\r\n"             // line 2: fine
      "G-2,Bit4id,,,,31/02/2025\r\n"             // 3: bad date
      "G-3,Bit4id,Trạm Y tế xã Không Có,,,\r\n"  // 4: unknown unit
      "G-1,Bit4id,,,,\r\n"                       // 5: duplicate in the file
      "OLD-1,SafeNet,,,,\r\n"                    // 6: already in the inventory
      "G-6,Bit4id,,,broken,\r\n"                 // 7: unknown state
      "G-7,Bit4id\r\n"                           // 8: wrong field count
      "G-8,,,,,\r\n"                             // 9: no manufacturer
      "G-9,Bit4id,,Người Lạ,,\r\n";              // 10: unknown person
  auto r = importTokensCsv(*inv, csv);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  EXPECT_EQ(r->imported, 0);
  EXPECT_EQ(r->rows, 9);
  ASSERT_EQ(r->rejected.size(), 8u);
  std::vector<long> lines;
  for (const auto& x : r->rejected) lines.push_back(x.line);
  EXPECT_EQ(lines, (std::vector<long>{3, 4, 5, 6, 7, 8, 9, 10}));
  EXPECT_NE(why(r->rejected[0]).find("31/02/2025"), std::string::npos);
  EXPECT_NE(why(r->rejected[1]).find("unknown unit"), std::string::npos);
  EXPECT_NE(why(r->rejected[2]).find("line 2"), std::string::npos);
  EXPECT_NE(why(r->rejected[3]).find("already"), std::string::npos);
  EXPECT_EQ(tokenCount(), tokens);
  EXPECT_EQ(auditCount(), audit);
}

// Issue 17: the sheet of a district that is not in the inventory yet. Without the option every
// unknown unit and person is a rejected row (in Vietnamese too) and nothing is written; with it the
// units and people are added in the same transaction as the tokens, each once, and listed.
TEST_P(ImportTest, CreateMissingAddsUnitsAndPeopleInTheSameTransaction) {
  SEED_OR_SKIP();
  const long long tokens = tokenCount();
  const std::string csv =
      "Số serial,Hãng sản xuất,Đơn vị,Người giữ\r\n"
      "CM-1,Bit4id,Trạm Y tế xã Phú Mỹ,Lê Văn Tám\r\n"              // new unit, new person
      "CM-2,Bit4id,Trạm Y tế xã Phú Mỹ,Lê Văn Tám\r\n"              // the same again: added once
      "CM-3,SafeNet,Trung tâm Y tế huyện Phú Vang,Ngô Thị Hoa\r\n"  // known unit, new person
      "CM-4,SafeNet,Trung tâm Y tế huyện Phú Vang,Hoàng Thị Lệ Thủy\r\n"  // both known
      "CM-5,SafeNet,Trạm Y tế xã Phú Mỹ,\r\n";                            // the new unit, no holder
  auto r = importTokensCsv(*inv, csv);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  ASSERT_EQ(r->rejected.size(), 4u);  // lines 2, 3, 4 and 6
  EXPECT_EQ(why(r->rejected[0]), "unknown unit 'Trạm Y tế xã Phú Mỹ'");
  EXPECT_EQ(rowProblemText(r->rejected[0], Lang::Vi),
            "không có đơn vị 'Trạm Y tế xã Phú Mỹ' trong sổ theo dõi");
  EXPECT_EQ(why(r->rejected[2]), "unknown person 'Ngô Thị Hoa' in that unit");
  EXPECT_TRUE(std::all_of(r->rejected.begin(), r->rejected.end(), missingRecord));
  EXPECT_EQ(tokenCount(), tokens);

  ImportOptions create;
  create.createMissing = true;
  const long long audit = auditCount();
  r = importTokensCsv(*inv, csv, create);
  ASSERT_TRUE(r.ok()) << r.error().technical();
  ASSERT_TRUE(r->rejected.empty()) << why(r->rejected[0]);
  EXPECT_EQ(r->imported, 5);
  EXPECT_EQ(r->createdUnits, std::vector<std::string>{"Trạm Y tế xã Phú Mỹ"});
  ASSERT_EQ(r->createdPeople.size(), 2u);
  EXPECT_EQ(r->createdPeople[0].name, "Lê Văn Tám");
  EXPECT_EQ(r->createdPeople[0].unit, "Trạm Y tế xã Phú Mỹ");
  EXPECT_EQ(r->createdPeople[1].name, "Ngô Thị Hoa");
  EXPECT_EQ(r->createdPeople[1].unit, "Trung tâm Y tế huyện Phú Vang");
  auto t1 = inv->token("CM-1");
  EXPECT_EQ(t1->unitName, "Trạm Y tế xã Phú Mỹ");
  EXPECT_EQ(t1->holderName, "Lê Văn Tám");
  EXPECT_EQ(t1->state, "active");
  EXPECT_EQ(inv->token("CM-2")->holderId, t1->holderId);
  EXPECT_EQ(inv->token("CM-3")->holderName, "Ngô Thị Hoa");
  EXPECT_EQ(inv->token("CM-5")->state, "in_stock");
  EXPECT_EQ(inv->person("Ngô Thị Hoa")->unitName, "Trung tâm Y tế huyện Phú Vang");
  // 1 unit + 2 people + 5 tokens, each with its audit entry (PostgreSQL's triggers also log
  // the rows they touch); the chain still verifies.
  if (GetParam() == Backend::Sqlite)
    EXPECT_EQ(auditCount(), audit + 8);
  else
    EXPECT_GE(auditCount(), audit + 8);
  EXPECT_TRUE(inv->verifyAudit()->ok());
  EXPECT_EQ(inv->history(Subject::Token, "CM-1")->at(0).kind, "imported");

  // A new person without a unit cannot be placed: rejected, and a bad row elsewhere keeps the
  // new units out too (all or nothing).
  const long long units = (*inv->db().query("SELECT count(*) FROM units"))[0].integer(0);
  r = importTokensCsv(*inv,
                      "serial,manufacturer,unit,holder\r\n"
                      "CM-6,Bit4id,Trạm Y tế xã Phú Đa,\r\n"
                      "CM-7,Bit4id,,Người Không Đơn Vị\r\n",
                      create);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->rejected.size(), 1u);
  EXPECT_EQ(r->rejected[0].line, 3);
  EXPECT_EQ(why(r->rejected[0]),
            "'Người Không Đơn Vị' is not in the inventory: give the unit to add them to");
  EXPECT_FALSE(missingRecord(r->rejected[0]));
  EXPECT_TRUE(r->createdUnits.empty());
  EXPECT_EQ((*inv->db().query("SELECT count(*) FROM units"))[0].integer(0), units);
  EXPECT_FALSE(inv->token("CM-6").ok());
}

TEST_P(ImportTest, ExportThenImportRoundTrips) {
  SEED_OR_SKIP();
  const std::string csv =
      "serial,manufacturer,model,unit,holder,state\r\n"
      "RT-1,Bit4id,\"Model, with comma\",Trung tâm Y tế huyện Phú Vang,Hoàng Thị Lệ Thủy,active\r\n"
      "RT-2,SafeNet,eToken,Bệnh viện Đa khoa tỉnh,,in_stock\r\n";
  ASSERT_TRUE(importTokensCsv(*inv, csv).ok());
  auto out = exportTokensCsv(*inv);
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(out->starts_with("\xef\xbb\xbfserial,manufacturer,"));
  ASSERT_TRUE(inv->db().exec("DELETE FROM tokens").ok());
  auto again = importTokensCsv(*inv, *out);
  ASSERT_TRUE(again.ok()) << again.error().technical();
  ASSERT_TRUE(again->rejected.empty()) << why(again->rejected[0]);
  EXPECT_EQ(again->imported, 2);
  EXPECT_EQ(inv->token("RT-1")->model, "Model, with comma");
  EXPECT_EQ(inv->token("RT-1")->holderName, "Hoàng Thị Lệ Thủy");
  EXPECT_EQ(*exportTokensCsv(*inv), *out);
}

INSTANTIATE_TEST_SUITE_P(Backends, ImportTest,
                         ::testing::Values(Backend::Sqlite, Backend::Postgres), test::backendName);

}  // namespace
}  // namespace kyso::inventory
