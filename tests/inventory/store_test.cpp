// The inventory on both backends: records, lookups by name or id, warnings and expiry with a fixed
// clock, the audit chain (and finding edited or deleted entries), two processes editing the same
// token, schema versions, and the report.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include "src/inventory/report.h"
#include "src/inventory/schema.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

using test::Backend;
using namespace std::chrono;

class StoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  test::TempDir dir;
  FixedClock clock{test::fixedNow()};
  std::string loc;
  std::optional<Inventory> inv;
  Unit dept, phuVang;
  Person an, binh;

  // Opens a fresh inventory with two units and two people. Returns false to skip.
  bool seed() {
    auto l = test::freshDatabase(GetParam(), dir);
    if (!l) return false;
    loc = *l;
    auto opened = Inventory::open(loc, clock);
    EXPECT_TRUE(opened.ok()) << opened.error().technical();
    if (!opened.ok()) return false;
    inv.emplace(std::move(*opened));
    Unit u;
    u.name = "Sở Y tế Thừa Thiên Huế";
    u.kind = "department";
    dept = *inv->addUnit(u);
    u.name = "Trung tâm Y tế huyện Phú Vang";
    u.kind = "district";
    u.parentId = dept.id;
    phuVang = *inv->addUnit(u);
    Person p;
    p.fullName = "Nguyễn Văn An";
    p.position = "Giám đốc";
    p.unitId = phuVang.id;
    an = *inv->addPerson(p);
    p.fullName = "Trần Thị Bình";
    p.position = "Văn thư";
    binh = *inv->addPerson(p);
    return true;
  }
};

#define SEED_OR_SKIP()                                                             \
  do {                                                                             \
    if (!seed()) {                                                                 \
      if (HasFailure()) return;                                                    \
      if (test::inCi()) FAIL() << "PostgreSQL test server not running";            \
      GTEST_SKIP() << "PostgreSQL test server not running (fixture inventory_pg)"; \
    }                                                                              \
  } while (0)

TEST_P(StoreTest, UnitsAndPeopleByNameOrId) {
  SEED_OR_SKIP();
  EXPECT_EQ(inv->unit("Trung tâm Y tế huyện Phú Vang")->id, phuVang.id);
  EXPECT_EQ(inv->unit(std::to_string(phuVang.id))->name, "Trung tâm Y tế huyện Phú Vang");
  EXPECT_EQ(inv->unit("Trung tâm Y tế huyện Phú Vang")->parentName, "Sở Y tế Thừa Thiên Huế");
  EXPECT_EQ(inv->unit("Nowhere").error().kind, Errc::DbNotFound);
  EXPECT_EQ(inv->person("Nguyễn Văn An")->id, an.id);
  EXPECT_EQ(inv->person(std::to_string(binh.id))->fullName, "Trần Thị Bình");
  // Same name in another unit: the bare name is ambiguous, the unit narrows it.
  Person twin;
  twin.fullName = "Nguyễn Văn An";
  twin.unitId = dept.id;
  ASSERT_TRUE(inv->addPerson(twin).ok());
  EXPECT_EQ(inv->person("Nguyễn Văn An").error().kind, Errc::UsageError);
  EXPECT_EQ(inv->person("Nguyễn Văn An", phuVang.id)->id, an.id);
  // Duplicate unit names are refused by the schema.
  Unit dup;
  dup.name = "Trung tâm Y tế huyện Phú Vang";
  EXPECT_EQ(inv->addUnit(dup).error().kind, Errc::DbConstraint);
  // Focal person and seal image.
  Unit e = *inv->unit(std::to_string(phuVang.id));
  e.focalPersonId = an.id;
  auto edited = inv->editUnit(e);
  ASSERT_TRUE(edited.ok()) << edited.error().technical();
  EXPECT_EQ(edited->focalPersonName, "Nguyễn Văn An");
  const std::string png = std::string("\x89PNG\r\n\x1a\n", 8) + std::string("\0\x01\x02\xff", 4);
  ASSERT_TRUE(inv->setSeal(phuVang.name, png).ok());
  EXPECT_EQ(*inv->seal(phuVang.name), png);
  EXPECT_EQ(inv->setSeal(phuVang.name, "GIF89a....").error().kind, Errc::ImageInvalid);
  EXPECT_EQ(*inv->seal(phuVang.name), png);  // the refused image changed nothing
  // A scanned seal kept as JPEG is stored as it is (its paper is keyed out when it is drawn).
  const std::string jpeg = std::string("\xff\xd8\xff\xe0", 4) + std::string("\0\x10JFIF", 6);
  ASSERT_TRUE(inv->setSeal(phuVang.name, jpeg).ok());
  EXPECT_EQ(*inv->seal(phuVang.name), jpeg);
  ASSERT_TRUE(inv->setSeal(phuVang.name, png).ok());
  ASSERT_TRUE(inv->setHandwriting("Trần Thị Bình", png).ok());
  EXPECT_EQ(*inv->handwriting("Trần Thị Bình"), png);
  EXPECT_TRUE(inv->person("Trần Thị Bình")->hasHandwriting);
}

TEST_P(StoreTest, TokensListWithFiltersAndStaleEditsConflict) {
  SEED_OR_SKIP();
  for (int i = 0; i < 6; ++i) {
    Token t;
    t.serial = "SN" + std::to_string(i);
    t.manufacturer = i % 2 ? "Bit4id" : "SafeNet";
    t.model = i % 2 ? "miniLector" : "eToken 5110";
    t.unitId = phuVang.id;
    if (i < 2) {
      t.holderId = an.id;
      t.state = "active";
    }
    ASSERT_TRUE(inv->addToken(t).ok());
  }
  Token dup;
  dup.serial = "SN3";
  dup.manufacturer = "X";
  EXPECT_EQ(inv->addToken(dup).error().kind, Errc::DbConstraint);
  TokenFilter f;
  f.manufacturer = "Bit4id";
  EXPECT_EQ(inv->tokens(f)->size(), 3u);
  f = {};
  f.holderId = an.id;
  EXPECT_EQ(inv->tokens(f)->size(), 2u);
  f = {};
  f.state = "in_stock";
  f.unitId = phuVang.id;
  EXPECT_EQ(inv->tokens(f)->size(), 4u);
  f = {};
  f.search = "5110";
  EXPECT_EQ(inv->tokens(f)->size(), 3u);

  Token a = *inv->token("SN4"), b = a;
  a.model = "edited by A";
  ASSERT_TRUE(inv->editToken(a).ok());
  b.model = "edited by B";
  auto r = inv->editToken(b);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().kind, Errc::DbConflict);
  EXPECT_EQ(inv->token("SN4")->model, "edited by A");
  EXPECT_EQ(inv->token("SN4")->version, 2);
}

TEST_P(StoreTest, TwoProcessesEditTheSameTokenOneConflictNoLostUpdate) {
  SEED_OR_SKIP();
  Token t;
  t.serial = "RACE-1";
  t.manufacturer = "SafeNet";
  ASSERT_TRUE(inv->addToken(t).ok());
  int ready[2], go[2];
  ASSERT_EQ(pipe(ready), 0);
  ASSERT_EQ(pipe(go), 0);
  pid_t kids[2];
  for (int k = 0; k < 2; ++k) {
    kids[k] = fork();
    ASSERT_GE(kids[k], 0);
    if (kids[k] == 0) {
      int code = 30;
      {
        FixedClock cl{test::fixedNow()};
        auto mine = Inventory::open(loc, cl);
        if (mine.ok()) {
          auto tok = mine->token("RACE-1");  // both read version 1
          char c = 'r';
          if (write(ready[1], &c, 1) != 1) _exit(31);
          if (read(go[0], &c, 1) != 1) _exit(32);
          if (tok.ok()) {
            Token e = *tok;
            e.model = "process " + std::to_string(k);
            auto r = mine->editToken(e);
            code = r.ok() ? 0 : r.error().kind == Errc::DbConflict ? 10 : 20;
          }
        }
      }
      _exit(code);
    }
  }
  char c;
  for (int k = 0; k < 2; ++k) ASSERT_EQ(read(ready[0], &c, 1), 1);
  ASSERT_EQ(write(go[1], "gg", 2), 2);
  int codes[2];
  for (int k = 0; k < 2; ++k) {
    int st = 0;
    waitpid(kids[k], &st, 0);
    codes[k] = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  }
  close(ready[0]);
  close(ready[1]);
  close(go[0]);
  close(go[1]);
  const int winner = codes[0] == 0 ? 0 : 1;
  EXPECT_EQ(codes[winner], 0);
  EXPECT_EQ(codes[1 - winner], 10) << "the other process must get DbConflict";
  auto after = inv->token("RACE-1");
  EXPECT_EQ(after->model, "process " + std::to_string(winner));
  EXPECT_EQ(after->version, 2);
  EXPECT_TRUE(inv->verifyAudit()->ok());
}

TEST_P(StoreTest, WarningsWithAFixedClock) {
  SEED_OR_SKIP();
  // Today is 2026-11-25.
  Token active;
  active.serial = "W-ACTIVE";
  active.manufacturer = "Bit4id";
  active.holderId = an.id;
  active.state = "active";
  const long long activeId = inv->addToken(active)->id;
  Token stock;
  stock.serial = "W-STOCK";
  stock.manufacturer = "Bit4id";
  const long long stockId = inv->addToken(stock)->id;

  auto cert = [&](const std::string& tag, const std::string& to, std::optional<long long> token,
                  const std::string& state, std::optional<long long> holder) {
    Certificate c = test::fakeCert(tag, "2024-01-01", to);
    c.tokenId = token;
    c.state = state;
    c.holderId = holder;
    auto r = inv->addCertificate(c);
    EXPECT_TRUE(r.ok()) << r.error().technical();
  };
  cert("in7", "2026-12-02", std::nullopt, "valid", std::nullopt);            // 7 days
  cert("in8", "2026-12-03", std::nullopt, "valid", std::nullopt);            // 8 days -> 30
  cert("in30", "2026-12-25", std::nullopt, "valid", std::nullopt);           // 30 days
  cert("in60", "2027-01-24", std::nullopt, "valid", std::nullopt);           // 60 days
  cert("in61", "2027-01-25", std::nullopt, "valid", std::nullopt);           // none
  cert("revokedSoon", "2026-12-01", std::nullopt, "revoked", std::nullopt);  // not in use: none
  cert("onStock", "2028-01-01", stockId, "valid", std::nullopt);
  cert("revokedOnActive", "2028-01-01", activeId, "revoked", std::nullopt);
  // Issue 17: a lost token whose certificate is still valid comes first; once its revocation is
  // requested, no more.
  Token lost;
  lost.serial = "W-LOST";
  lost.manufacturer = "Bit4id";
  lost.holderId = an.id;
  lost.state = "lost";
  const long long lostId = inv->addToken(lost)->id;
  cert("onLost", "2028-01-01", lostId, "valid", std::nullopt);
  cert("onLostRequested", "2028-01-01", lostId, "revocation_requested", std::nullopt);

  auto w = inv->warnings();
  ASSERT_TRUE(w.ok()) << w.error().technical();
  auto countKind = [&](const std::string& k) {
    return std::count_if(w->begin(), w->end(), [&](const Warning& x) { return x.kind == k; });
  };
  EXPECT_EQ(countKind("expiring_7"), 1);
  EXPECT_EQ(countKind("expiring_30"), 2);
  EXPECT_EQ(countKind("expiring_60"), 1);
  EXPECT_EQ(countKind("stock_token_with_cert"), 1);
  EXPECT_EQ(countKind("revoked_cert_on_active_token"), 1);
  EXPECT_EQ(countKind("holder_left"), 0);
  ASSERT_EQ(countKind("lost_token_cert_valid"), 1);
  EXPECT_EQ(w->front().kind, "lost_token_cert_valid");
  EXPECT_EQ(w->front().subject, "token W-LOST");
  EXPECT_NE(w->front().detail.find("revoke"), std::string::npos) << w->front().detail;
  for (const auto& x : *w) {
    if (x.kind == "expiring_7") {
      EXPECT_EQ(x.days, 7);
    }
  }

  EXPECT_EQ(inv->expiring(7)->size(), 1u);
  EXPECT_EQ(inv->expiring(30)->size(), 3u);
  EXPECT_EQ(inv->expiring(60)->size(), 4u);

  // An gets a leaving date in the future: no warning until the clock reaches it.
  Person leaving = *inv->person("Nguyễn Văn An");
  leaving.leftOn = "2026-12-31";
  ASSERT_TRUE(inv->editPerson(leaving).ok());
  w = inv->warnings();
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(countKind("holder_left"), 0);
  clock.set(sys_days{year{2027} / January / 2});
  w = inv->warnings();
  EXPECT_EQ(countKind("holder_left"), 1);
  EXPECT_EQ(countKind("expiring_30"), 2);  // in60 and in61 now have 22 and 23 days left
  EXPECT_EQ(countKind("expiring_7"), 0);
}

TEST_P(StoreTest, AuditChainFindsEditedAndDeletedEntries) {
  SEED_OR_SKIP();
  Token t;
  t.serial = "AUD-1";
  t.manufacturer = "SafeNet";
  ASSERT_TRUE(inv->addToken(t).ok());
  auto rep = inv->verifyAudit();
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->ok());
  // 2 units, 2 people, 1 token; PostgreSQL's triggers also log each record's "created" event.
  EXPECT_EQ(rep->entries, GetParam() == Backend::Sqlite ? 5 : 10);

  // Someone edits an entry directly in the database.
  ASSERT_TRUE(inv->db().exec("UPDATE audit SET who = 'mallory' WHERE seq = 3").ok());
  rep = inv->verifyAudit();
  ASSERT_FALSE(rep->ok());
  EXPECT_NE(rep->problems[0].find("entry 3"), std::string::npos);
  ASSERT_TRUE(inv->db().exec("UPDATE audit SET who = ? WHERE seq = 3", {inv->who()}).ok());
  EXPECT_TRUE(inv->verifyAudit()->ok());

  // Deleting an entry in the middle.
  ASSERT_TRUE(inv->db().exec("DELETE FROM audit WHERE seq = 2").ok());
  rep = inv->verifyAudit();
  ASSERT_FALSE(rep->ok());
  EXPECT_NE(rep->problems[0].find("missing"), std::string::npos);
}

TEST_P(StoreTest, AuditChainFindsEntriesRemovedFromTheEnd) {
  SEED_OR_SKIP();
  ASSERT_TRUE(inv->db().exec("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)").ok());
  auto rep = inv->verifyAudit();
  ASSERT_FALSE(rep->ok());
  EXPECT_NE(rep->problems.back().find("removed from the end"), std::string::npos);
}

TEST_P(StoreTest, NewerSchemaIsRefusedAndLeftAlone) {
  SEED_OR_SKIP();
  ASSERT_TRUE(inv->db()
                  .exec("INSERT INTO kyso_schema (version) VALUES (?)",
                        {static_cast<long long>(kSchemaVersion + 1)})
                  .ok());
  inv.reset();
  auto again = Inventory::open(loc, clock);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().kind, Errc::DbSchemaTooNew);
}

TEST_P(StoreTest, ReportCountsByStateAndNextYearsDemand) {
  SEED_OR_SKIP();
  for (int i = 0; i < 3; ++i) {
    Token t;
    t.serial = "R" + std::to_string(i);
    t.manufacturer = "Bit4id";
    t.unitId = phuVang.id;
    ASSERT_TRUE(inv->addToken(t).ok());
  }
  Token loose;
  loose.serial = "LOOSE";
  loose.manufacturer = "SafeNet";
  ASSERT_TRUE(inv->addToken(loose).ok());
  Certificate c1 = test::fakeCert("d1", "2025-01-01", "2027-03-01");
  c1.unitId = phuVang.id;
  Certificate c2 = test::fakeCert("d2", "2025-01-01", "2027-12-31");
  c2.unitId = dept.id;
  Certificate c3 = test::fakeCert("d3", "2025-01-01", "2028-01-01");
  c3.unitId = dept.id;
  Certificate c4 = test::fakeCert("d4", "2025-01-01", "2027-05-01");
  c4.unitId = dept.id;
  c4.state = "revoked";
  for (auto* c : {&c1, &c2, &c3, &c4}) ASSERT_TRUE(inv->addCertificate(*c).ok());
  auto rep = buildReport(*inv);
  ASSERT_TRUE(rep.ok()) << rep.error().technical();
  EXPECT_EQ(rep->nextYear, 2027);
  EXPECT_EQ(rep->province.tokens["in_stock"], 4);
  EXPECT_EQ(rep->province.demandNextYear, 2);
  EXPECT_EQ(rep->province.certs["revoked"], 1);
  ASSERT_GE(rep->units.size(), 3u);
  EXPECT_EQ(rep->units[1].unit, "Trung tâm Y tế huyện Phú Vang");
  EXPECT_EQ(rep->units[1].tokens["in_stock"], 3);
  EXPECT_EQ(rep->units[1].demandNextYear, 1);
  EXPECT_EQ(rep->units.back().unit, "(no unit)");
  const std::string csv = reportCsv(*rep);
  EXPECT_NE(csv.find("Trung tâm Y tế huyện Phú Vang,3,0,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("demand_2027"), std::string::npos);
  const std::string html = reportHtml(*rep);
  EXPECT_NE(html.find("<td>Sở Y tế Thừa Thiên Huế</td>"), std::string::npos);
  EXPECT_NE(html.find("Needs attention</h2>\n<p>(none)</p>"), std::string::npos) << html;
  // Issue 17: the report a unit sends to the Department, in Vietnamese: states by name, the
  // province's total, and no state codes in the table.
  const std::string vi = reportHtml(*rep, Lang::Vi);
  EXPECT_NE(vi.find("<th>Token: Trong kho</th>"), std::string::npos) << vi;
  EXPECT_NE(vi.find("<th>Chứng thư: Còn hiệu lực</th>"), std::string::npos) << vi;
  EXPECT_NE(vi.find("<tr class=\"total\"><td>Toàn tỉnh</td>"), std::string::npos) << vi;
  EXPECT_NE(vi.find("Cần xử lý</h2>\n<p>(không có)</p>"), std::string::npos) << vi;
  EXPECT_EQ(vi.find("token_in_stock"), std::string::npos) << vi;
  EXPECT_NE(vi.find("@page{size:A4"), std::string::npos);

  // Issue 17: the report sent to the Department carries the warnings, a lost token first.
  Token lost;
  lost.serial = "LOST-1";
  lost.manufacturer = "Bit4id";
  lost.state = "lost";
  const long long lostId = inv->addToken(lost)->id;
  Certificate onLost = test::fakeCert("lost", "2025-01-01", "2028-06-01");
  onLost.tokenId = lostId;
  ASSERT_TRUE(inv->addCertificate(onLost).ok());
  rep = buildReport(*inv);
  ASSERT_TRUE(rep.ok());
  ASSERT_FALSE(rep->warnings.empty());
  EXPECT_EQ(rep->warnings.front().kind, "lost_token_cert_valid");
  // In words, not codes (issue 17): the label, what it is about, and what to do.
  const std::string en = reportHtml(*rep);
  EXPECT_NE(en.find("<tr class=\"urgent\"><td>LOST token, certificate not revoked</td><td>token "
                    "LOST-1</td>"),
            std::string::npos)
      << en;
  EXPECT_NE(en.find("ask the CA to revoke it now"), std::string::npos);
  EXPECT_EQ(en.find("lost_token_cert_valid"), std::string::npos);
  const std::string viLost = reportHtml(*rep, Lang::Vi);
  EXPECT_NE(viLost.find("<td>token BỊ MẤT, chứng thư chưa thu hồi</td><td>token LOST-1</td>"),
            std::string::npos)
      << viLost;
  EXPECT_NE(viLost.find("đang ở trạng thái &quot;Còn hiệu lực&quot;: đề nghị CA thu hồi ngay"),
            std::string::npos)
      << viLost;
  EXPECT_EQ(reportJson(*rep)["warnings"][0]["kind"].asString(), "lost_token_cert_valid");

  // One unit's report, as a district health centre sends it: its own counts as the total, its
  // tokens and certificates by name, its focal person; not the lost token of no unit.
  Person focal;
  focal.fullName = "Lê Thị Cúc";
  focal.unitId = phuVang.id;
  const long long focalId = inv->addPerson(focal)->id;
  Unit pv = *inv->unit(std::to_string(phuVang.id));
  pv.focalPersonId = focalId;
  ASSERT_TRUE(inv->editUnit(pv).ok());
  auto one = buildReport(*inv, std::string("Trung tâm Y tế huyện Phú Vang"));
  ASSERT_TRUE(one.ok()) << one.error().technical();
  ASSERT_TRUE(one->detail);
  EXPECT_EQ(one->units.size(), 1u);
  EXPECT_EQ(one->province.tokens["in_stock"], 3);
  EXPECT_EQ(one->detail->tokens.size(), 3u);
  EXPECT_EQ(one->detail->certificates.size(), 1u);
  EXPECT_TRUE(one->warnings.empty());
  const std::string page = reportHtml(*one, Lang::Vi);
  EXPECT_NE(page.find("Token và chứng thư số của Trung tâm Y tế huyện Phú Vang"), std::string::npos)
      << page;
  EXPECT_NE(page.find("Đầu mối an toàn thông tin: Lê Thị Cúc"), std::string::npos) << page;
  EXPECT_NE(page.find("<td>R0</td><td>Bit4id</td><td>Trong kho</td>"), std::string::npos) << page;
  EXPECT_NE(page.find("<td>Tổng cộng</td>"), std::string::npos);
  EXPECT_EQ(reportJson(*one)["unit_detail"]["tokens"].size(), 3u);
  EXPECT_FALSE(buildReport(*inv, std::string("Không có đơn vị này")).ok());
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values(Backend::Sqlite, Backend::Postgres),
                         test::backendName);

}  // namespace
}  // namespace kyso::inventory
