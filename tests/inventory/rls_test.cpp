// PostgreSQL access control enforced by the server itself: an officer login of one unit tries to
// change another unit's token through plain SQL (and through kyso) and fails; a viewer cannot
// write at all; nobody but the owner can edit or delete the audit log.
#include <gtest/gtest.h>
#include <unistd.h>

#include "src/inventory/db.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

class RlsTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  FixedClock clock{test::fixedNow()};
};

std::string withUser(std::string url, const std::string& user) {
  const auto at = url.find("postgres@");
  return url.replace(at, 9, user);
}

TEST_F(RlsTest, OfficerCannotChangeAnotherUnitsTokenEvenWithPlainSql) {
  KYSO_FRESH_DB_OR_SKIP(loc, test::Backend::Postgres, dir);
  auto admin = Inventory::open(loc, clock);
  ASSERT_TRUE(admin.ok()) << admin.error().technical();
  Unit u;
  u.name = "Trung tâm Y tế huyện A Lưới";
  const long long unitA = admin->addUnit(u)->id;
  u.name = "Trung tâm Y tế thị xã Hương Thủy";
  const long long unitB = admin->addUnit(u)->id;
  for (auto [serial, unitId] : {std::pair{"A-1", unitA}, std::pair{"B-1", unitB}}) {
    Token t;
    t.serial = serial;
    t.manufacturer = "Bit4id";
    t.model = "original";
    t.unitId = unitId;
    ASSERT_TRUE(admin->addToken(t).ok());
  }
  const std::string suffix = std::to_string(getpid()) + "_" + std::to_string(unitA);
  const std::string officer = "officer_" + suffix, viewer = "viewer_" + suffix;
  ASSERT_TRUE(admin->db().script("CREATE ROLE " + officer + " LOGIN IN ROLE kyso_officer").ok());
  ASSERT_TRUE(admin->db().script("CREATE ROLE " + viewer + " LOGIN IN ROLE kyso_viewer").ok());
  ASSERT_TRUE(
      admin->db()
          .exec("INSERT INTO unit_officers (login, unit_id) VALUES (?, ?)", {officer, unitA})
          .ok());

  auto conn = openDb(withUser(loc, officer + "@"));
  ASSERT_TRUE(conn.ok()) << conn.error().technical();
  Db& off = **conn;
  // Another unit's token: the row is invisible to UPDATE, nothing changes.
  auto n = off.exec("UPDATE tokens SET model = 'hacked' WHERE serial = 'B-1'");
  ASSERT_TRUE(n.ok()) << n.error().technical();
  EXPECT_EQ(*n, 0);
  // Moving one's own token into another unit, or creating one there, violates the policy.
  auto moved = off.exec("UPDATE tokens SET unit_id = ? WHERE serial = 'A-1'", {unitB});
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().kind, Errc::PermissionDenied) << moved.error().technical();
  auto ins = off.exec(
      "INSERT INTO tokens (serial, manufacturer, state, unit_id) VALUES ('B-2', 'X', 'in_stock', "
      "?)",
      {unitB});
  ASSERT_FALSE(ins.ok());
  EXPECT_EQ(ins.error().kind, Errc::PermissionDenied);
  // Their own unit's token: allowed.
  n = off.exec("UPDATE tokens SET model = 'mine' WHERE serial = 'A-1'");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, 1);
  // The audit log is append-only for them.
  EXPECT_EQ(off.exec("DELETE FROM audit").error().kind, Errc::PermissionDenied);
  EXPECT_EQ(off.exec("UPDATE audit SET who = 'x'").error().kind, Errc::PermissionDenied);
  // A unit is not theirs to create.
  EXPECT_EQ(off.exec("INSERT INTO units (name) VALUES ('Mới')").error().kind,
            Errc::PermissionDenied);

  auto b1 = admin->token("B-1");
  EXPECT_EQ(b1->model, "original");
  EXPECT_EQ(b1->version, 1);

  // Through kyso with the officer's login: the same refusal, and their own work goes through.
  auto asOfficer = Inventory::open(withUser(loc, officer + "@"), clock);
  ASSERT_TRUE(asOfficer.ok()) << asOfficer.error().technical();
  Token b = *asOfficer->token("B-1");
  b.model = "via kyso";
  auto e = asOfficer->editToken(b);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().kind, Errc::PermissionDenied);
  Token a = *asOfficer->token("A-1");
  a.model = "edited by officer";
  auto ok = asOfficer->editToken(a);
  ASSERT_TRUE(ok.ok()) << ok.error().technical();
  auto hist = asOfficer->history(Subject::Token, "A-1");
  EXPECT_EQ(hist->back().who, officer);
  EXPECT_TRUE(asOfficer->verifyAudit()->ok());

  // A viewer reads everything and writes nothing.
  auto vconn = openDb(withUser(loc, viewer + "@"));
  ASSERT_TRUE(vconn.ok());
  auto rows = (*vconn)->query("SELECT count(*) FROM tokens");
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ((*rows)[0].integer(0), 2);
  EXPECT_EQ((*vconn)->exec("UPDATE tokens SET model = 'v'").error().kind, Errc::PermissionDenied);
}

}  // namespace
}  // namespace kyso::inventory
