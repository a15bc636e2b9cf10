// PostgreSQL access control enforced by the server itself (issue 16's red team): an officer login
// of unit A attacks unit B's records and the audit log with plain SQL, the way someone with psql
// and the officer's password would. Every attempt must be refused, or (where it is a legitimate
// write) recorded by the database's own audit triggers in the officer's name.
#include <gtest/gtest.h>
#include <unistd.h>

#include "src/inventory/audit_seal.h"
#include "src/inventory/db.h"
#include "tests/inventory/inv_test_support.h"

namespace kyso::inventory {
namespace {

std::string withUser(std::string url, const std::string& user) {
  const auto at = url.find("postgres@");
  return url.replace(at, 9, user);
}

class RlsTest : public ::testing::Test {
 protected:
  test::TempDir dir;
  FixedClock clock{test::fixedNow()};
  std::string loc, officer, viewer;
  std::optional<Inventory> admin;
  long long unitA = 0, unitB = 0;

  // Two units with one token each, an officer of unit A and a viewer. False to skip.
  bool seed() {
    auto l = test::freshDatabase(test::Backend::Postgres, dir);
    if (!l) return false;
    loc = *l;
    auto opened = Inventory::open(loc, clock);
    EXPECT_TRUE(opened.ok()) << opened.error().technical();
    if (!opened.ok()) return false;
    admin.emplace(std::move(*opened));
    Unit u;
    u.name = "Trung tâm Y tế huyện A Lưới";
    unitA = admin->addUnit(u)->id;
    u.name = "Trung tâm Y tế thị xã Hương Thủy";
    unitB = admin->addUnit(u)->id;
    for (auto [serial, unitId] : {std::pair{"A-1", unitA}, std::pair{"B-1", unitB}}) {
      Token t;
      t.serial = serial;
      t.manufacturer = "Bit4id";
      t.model = "original";
      t.unitId = unitId;
      EXPECT_TRUE(admin->addToken(t).ok());
    }
    static int logins = 0;  // roles are cluster-wide: one pair per test
    const std::string suffix = std::to_string(getpid()) + "_" + std::to_string(++logins);
    officer = "officer_" + suffix;
    viewer = "viewer_" + suffix;
    EXPECT_TRUE(admin->db().script("CREATE ROLE " + officer + " LOGIN IN ROLE kyso_officer").ok());
    EXPECT_TRUE(admin->db().script("CREATE ROLE " + viewer + " LOGIN IN ROLE kyso_viewer").ok());
    EXPECT_TRUE(
        admin->db()
            .exec("INSERT INTO unit_officers (login, unit_id) VALUES (?, ?)", {officer, unitA})
            .ok());
    return !::testing::Test::HasFailure();
  }

  std::unique_ptr<Db> connectAs(const std::string& user) {
    auto c = openDb(withUser(loc, user + "@"));
    EXPECT_TRUE(c.ok()) << c.error().technical();
    return c.ok() ? std::move(*c) : nullptr;
  }

  long long count(const std::string& sql) {
    auto r = admin->db().query(sql);
    EXPECT_TRUE(r.ok()) << r.error().technical();
    return r.ok() && !r->empty() ? (*r)[0].integer(0) : -1;
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

Errc refusal(const Result<long long>& r) {
  return r.ok() ? Errc::Ok : r.error().kind;
}
Errc refusal(const Status& r) {
  return r.ok() ? Errc::Ok : r.error().kind;
}

TEST_F(RlsTest, OfficerCannotChangeAnotherUnitsTokenEvenWithPlainSql) {
  SEED_OR_SKIP();
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

// The attack that worked before schema step 3: a temporary unit_officers table naming the officer
// for unit B shadowed the real one inside the policy function. TEMP is now revoked; and even for a
// login that was granted TEMP by hand, the policy functions read only the schema's table.
TEST_F(RlsTest, TemporaryTableCannotShadowTheOfficersTable) {
  SEED_OR_SKIP();
  auto off = connectAs(officer);
  ASSERT_TRUE(off);
  EXPECT_EQ(refusal(off->script("CREATE TEMP TABLE unit_officers (login TEXT, unit_id BIGINT)")),
            Errc::PermissionDenied);

  ASSERT_TRUE(
      admin->db()
          .script("GRANT TEMPORARY ON DATABASE " +
                  (*admin->db().query("SELECT quote_ident(current_database())"))[0].text(0) +
                  " TO " + officer)
          .ok());
  auto off2 = connectAs(officer);
  ASSERT_TRUE(off2);
  ASSERT_TRUE(off2->script("CREATE TEMP TABLE unit_officers (login TEXT, unit_id BIGINT)").ok());
  ASSERT_TRUE(
      off2->exec("INSERT INTO pg_temp.unit_officers VALUES (current_user, ?)", {unitB}).ok());
  ASSERT_TRUE(off2->script("SET search_path = pg_temp, public").ok());
  auto n = off2->exec("UPDATE public.tokens SET model = 'hacked' WHERE serial = 'B-1'");
  ASSERT_TRUE(n.ok()) << n.error().technical();
  EXPECT_EQ(*n, 0);
  EXPECT_EQ(
      refusal(off2->exec("UPDATE public.units SET version = version + 1 WHERE id = ?", {unitB})),
      Errc::Ok);
  EXPECT_EQ(admin->token("B-1")->model, "original");
  EXPECT_EQ(count("SELECT version FROM units WHERE id = " + std::to_string(unitB)), 1);
}

// An event is judged by the unit of the record it names, not by the unit_id the row claims.
TEST_F(RlsTest, EventForAnotherUnitsTokenIsRefusedWhateverUnitItClaims) {
  SEED_OR_SKIP();
  auto off = connectAs(officer);
  ASSERT_TRUE(off);
  const long long b1 = admin->token("B-1")->id, a1 = admin->token("A-1")->id;
  const char* ins =
      "INSERT INTO events (entity, entity_id, kind, who, at, unit_id) "
      "VALUES (?, ?, 'lost', 'x', '2026-12-01T00:00:00Z', ?)";
  const long long before = count("SELECT count(*) FROM events");
  EXPECT_EQ(refusal(off->exec(ins, {std::string("token"), b1, unitA})), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->exec(ins, {std::string("token"), b1, unitB})), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->exec(ins, {std::string("unit"), unitB, unitA})), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->exec(ins, {std::string("nonsense"), a1, unitA})), Errc::PermissionDenied);
  EXPECT_EQ(count("SELECT count(*) FROM events"), before);
  // Their own token: allowed, and the server writes who made it, not the row's claim.
  ASSERT_EQ(refusal(off->exec(ins, {std::string("token"), a1, unitA})), Errc::Ok);
  auto who = admin->db().query("SELECT who FROM events ORDER BY id DESC LIMIT 1");
  EXPECT_EQ((*who)[0].text(0), officer);
}

// No login but the owner writes the audit log: no forged entries in the admin's name, no false
// "chain broken" alarms, no rewound head that would stop every later write in the province.
TEST_F(RlsTest, AuditLogCannotBeWrittenOrRewoundByOfficersOrAdmins) {
  SEED_OR_SKIP();
  const std::string adminLogin = "admin_" + officer.substr(8);
  ASSERT_TRUE(admin->db().script("CREATE ROLE " + adminLogin + " LOGIN IN ROLE kyso_admin").ok());
  const long long entries = count("SELECT count(*) FROM audit");
  for (const std::string& login : {officer, adminLogin}) {
    auto c = connectAs(login);
    ASSERT_TRUE(c);
    SCOPED_TRACE(login);
    EXPECT_EQ(refusal(c->exec("INSERT INTO audit (seq, at, who, entity, entity_id, action, "
                              "prev_hash, hash) VALUES (999, 'x', 'postgres', 'token', 1, "
                              "'edit', '', '')")),
              Errc::PermissionDenied);
    EXPECT_EQ(refusal(c->exec("UPDATE audit_head SET seq = 1")), Errc::PermissionDenied);
    EXPECT_EQ(refusal(c->exec("UPDATE audit SET who = 'x'")), Errc::PermissionDenied);
    EXPECT_EQ(refusal(c->exec("DELETE FROM audit")), Errc::PermissionDenied);
    EXPECT_EQ(refusal(c->script("TRUNCATE audit")), Errc::PermissionDenied);
    EXPECT_EQ(refusal(c->exec("UPDATE kyso_identity SET uid = 'x'")), Errc::PermissionDenied);
    EXPECT_EQ(refusal(c->script("SELECT kyso_audit_row()")), Errc::PermissionDenied);
  }
  EXPECT_EQ(count("SELECT count(*) FROM audit"), entries);
  EXPECT_TRUE(admin->verifyAudit()->ok());

  // An officer stores a seal (kyso's audit-seal signs it first); nobody edits or removes one.
  auto off = connectAs(officer);
  ASSERT_TRUE(off);
  auto facts = headToSeal(*off, "2026-12-05T10:00:00Z");
  ASSERT_TRUE(facts.ok()) << facts.error().technical();
  ASSERT_TRUE(storeSeal(*off, *facts, officer, {0x30, 0x00}).ok());
  auto seals = storedSeals(admin->db());
  ASSERT_TRUE(seals.ok());
  ASSERT_EQ(seals->size(), 1u);
  EXPECT_EQ((*seals)[0].who, officer);
  EXPECT_TRUE(sealProblems(admin->db(), (*seals)[0].facts)->empty());
  EXPECT_EQ(refusal(off->exec("UPDATE audit_seals SET seq = 1")), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->exec("DELETE FROM audit_seals")), Errc::PermissionDenied);
  EXPECT_EQ(count("SELECT count(*) FROM audit WHERE entity = 'audit_seal'"), 1);
  EXPECT_TRUE(admin->verifyAudit()->ok());
}

// A write made with psql, bypassing kyso, is in the log all the same, under the login that made it.
TEST_F(RlsTest, PlainSqlWriteIsAuditedUnderTheSessionLogin) {
  SEED_OR_SKIP();
  auto off = connectAs(officer);
  ASSERT_TRUE(off);
  const long long a1 = admin->token("A-1")->id;
  auto n = off->exec("UPDATE tokens SET model = 'psql' WHERE serial = 'A-1'");
  ASSERT_TRUE(n.ok()) << n.error().technical();
  ASSERT_EQ(*n, 1);
  auto last = admin->db().query(
      "SELECT who, entity, entity_id, action, before_json, after_json FROM audit "
      "ORDER BY seq DESC LIMIT 1");
  ASSERT_TRUE(last.ok());
  const Row& r = (*last)[0];
  EXPECT_EQ(r.text(0), officer);
  EXPECT_EQ(r.text(1), "token");
  EXPECT_EQ(r.integer(2), a1);
  EXPECT_EQ(r.text(3), "update");
  EXPECT_NE(r.text(4).find("\"original\""), std::string::npos);
  EXPECT_NE(r.text(5).find("\"psql\""), std::string::npos);
  auto rep = admin->verifyAudit();
  ASSERT_TRUE(rep.ok());
  EXPECT_TRUE(rep->ok()) << rep->problems.front();
  // Images are logged by their hash, not their bytes.
  ASSERT_TRUE(admin->setSeal(std::to_string(unitA), std::string("\x89PNG\r\n\x1a\n....", 12)).ok());
  auto seal = admin->db().query("SELECT after_json FROM audit ORDER BY seq DESC LIMIT 1");
  EXPECT_NE((*seal)[0].text(0).find("\"seal\": \"sha256:"), std::string::npos)
      << (*seal)[0].text(0);
}

// The attempts that already failed before step 3 stay refused.
TEST_F(RlsTest, OfficerCannotLiftTheRulesThemself) {
  SEED_OR_SKIP();
  auto off = connectAs(officer);
  ASSERT_TRUE(off);
  EXPECT_EQ(refusal(off->exec("DELETE FROM tokens WHERE serial = 'B-1'")), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("TRUNCATE tokens")), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("ALTER TABLE tokens DISABLE ROW LEVEL SECURITY")),
            Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("SET row_security = off; "
                                "UPDATE tokens SET model = 'x' WHERE serial = 'B-1'")),
            Errc::PermissionDenied);
  off->rollback();
  EXPECT_EQ(refusal(off->script("SET ROLE kyso_admin")), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("GRANT kyso_admin TO " + officer)), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->exec("INSERT INTO unit_officers (login, unit_id) VALUES (current_user, "
                              "?)",
                              {unitB})),
            Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS "
                                "'SELECT 1'")),
            Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("CREATE OR REPLACE FUNCTION kyso_may_write(u BIGINT) RETURNS "
                                "boolean LANGUAGE sql AS 'SELECT true'")),
            Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("DROP POLICY tokens_upd ON tokens")), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("DROP TRIGGER kyso_audit ON tokens")), Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("ALTER TABLE tokens DISABLE TRIGGER kyso_audit")),
            Errc::PermissionDenied);
  EXPECT_EQ(refusal(off->script("SET session_replication_role = replica")), Errc::PermissionDenied);
  EXPECT_EQ(admin->token("B-1")->model, "original");
}

}  // namespace
}  // namespace kyso::inventory
