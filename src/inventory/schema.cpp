// Migration steps. SQL is shared between the engines with two substitutions: {ID} (the
// auto-numbered key) and {BLOB}. Dates are ISO 8601 text (YYYY-MM-DD, or UTC timestamps), which
// both engines compare correctly as strings. Step 2 is PostgreSQL's access control: roles, grants
// and row-level security, so that the rules hold even for someone using psql with their own login.
#include "src/inventory/schema.h"

#include <string>

#include "src/inventory/schema_steps.h"

namespace kyso::inventory {
namespace {

constexpr const char* kStep1 = R"SQL(
CREATE TABLE units (
  id {ID},
  name TEXT NOT NULL UNIQUE,
  parent_id BIGINT REFERENCES units(id),
  kind TEXT NOT NULL DEFAULT 'unit',
  focal_person_id BIGINT,
  seal {BLOB},
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE people (
  id {ID},
  full_name TEXT NOT NULL,
  position TEXT NOT NULL DEFAULT '',
  unit_id BIGINT NOT NULL REFERENCES units(id),
  email TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  left_on TEXT,
  handwriting {BLOB},
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (full_name, unit_id)
);
CREATE TABLE tokens (
  id {ID},
  serial TEXT NOT NULL UNIQUE,
  manufacturer TEXT NOT NULL,
  model TEXT NOT NULL DEFAULT '',
  provider TEXT NOT NULL DEFAULT '',
  module TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL,
  holder_id BIGINT REFERENCES people(id),
  unit_id BIGINT REFERENCES units(id),
  received_on TEXT,
  issued_on TEXT,
  last_seen TEXT,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE TABLE certificates (
  id {ID},
  serial TEXT NOT NULL,
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  not_before TEXT NOT NULL,
  not_after TEXT NOT NULL,
  sha256 TEXT NOT NULL UNIQUE,
  key_id TEXT NOT NULL DEFAULT '',
  token_id BIGINT REFERENCES tokens(id),
  holder_id BIGINT REFERENCES people(id),
  unit_id BIGINT REFERENCES units(id),
  kind TEXT NOT NULL DEFAULT 'personal',
  state TEXT NOT NULL,
  der {BLOB},
  version BIGINT NOT NULL DEFAULT 1,
  UNIQUE (issuer, serial)
);
CREATE TABLE events (
  id {ID},
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL,
  kind TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  doc_number TEXT,
  doc_date TEXT,
  who TEXT NOT NULL,
  at TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  unit_id BIGINT
);
CREATE INDEX events_entity ON events (entity, entity_id);
CREATE INDEX tokens_unit_state ON tokens (unit_id, state);
CREATE INDEX tokens_state ON tokens (state);
CREATE INDEX tokens_holder ON tokens (holder_id);
CREATE INDEX certs_not_after ON certificates (not_after);
CREATE INDEX certs_token ON certificates (token_id);
CREATE INDEX certs_unit ON certificates (unit_id);
CREATE INDEX people_unit ON people (unit_id);
CREATE TABLE audit (
  seq BIGINT PRIMARY KEY,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  action TEXT NOT NULL,
  before_json TEXT,
  after_json TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
)SQL";

// PostgreSQL: the focal person's key (SQLite resolves forward references itself), then access
// control.
constexpr const char* kStep2Postgres = R"SQL(
ALTER TABLE units ADD CONSTRAINT units_focal_fk FOREIGN KEY (focal_person_id) REFERENCES people(id);
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kyso_viewer') THEN CREATE ROLE kyso_viewer NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kyso_officer') THEN CREATE ROLE kyso_officer NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kyso_admin') THEN CREATE ROLE kyso_admin NOLOGIN; END IF;
END $$;
CREATE TABLE unit_officers (
  login TEXT NOT NULL,
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (login, unit_id)
);
CREATE FUNCTION kyso_is_admin() RETURNS boolean LANGUAGE sql STABLE
  AS $f$ SELECT pg_has_role(current_user, 'kyso_admin', 'MEMBER') $f$;
CREATE FUNCTION kyso_may_write(u BIGINT) RETURNS boolean LANGUAGE sql STABLE
  AS $f$ SELECT kyso_is_admin() OR EXISTS (SELECT 1 FROM unit_officers o
           WHERE o.login = current_user AND o.unit_id = u) $f$;
GRANT USAGE ON SCHEMA public TO kyso_viewer, kyso_officer, kyso_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO kyso_viewer, kyso_officer, kyso_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO kyso_officer, kyso_admin;
GRANT INSERT, UPDATE ON people, tokens, certificates TO kyso_officer;
GRANT INSERT ON events, audit TO kyso_officer, kyso_admin;
GRANT UPDATE ON audit_head TO kyso_officer, kyso_admin;
GRANT INSERT, UPDATE, DELETE ON units, people, tokens, certificates, unit_officers TO kyso_admin;
ALTER TABLE units ENABLE ROW LEVEL SECURITY;
CREATE POLICY units_read ON units FOR SELECT USING (true);
CREATE POLICY units_admin ON units FOR ALL USING (kyso_is_admin()) WITH CHECK (kyso_is_admin());
CREATE POLICY units_officer ON units FOR UPDATE USING (kyso_may_write(id)) WITH CHECK (kyso_may_write(id));
GRANT UPDATE (focal_person_id, seal, version) ON units TO kyso_officer;
ALTER TABLE people ENABLE ROW LEVEL SECURITY;
CREATE POLICY people_read ON people FOR SELECT USING (true);
CREATE POLICY people_ins ON people FOR INSERT WITH CHECK (kyso_may_write(unit_id));
CREATE POLICY people_upd ON people FOR UPDATE USING (kyso_may_write(unit_id)) WITH CHECK (kyso_may_write(unit_id));
CREATE POLICY people_del ON people FOR DELETE USING (kyso_is_admin());
ALTER TABLE tokens ENABLE ROW LEVEL SECURITY;
CREATE POLICY tokens_read ON tokens FOR SELECT USING (true);
CREATE POLICY tokens_ins ON tokens FOR INSERT WITH CHECK (kyso_may_write(unit_id));
CREATE POLICY tokens_upd ON tokens FOR UPDATE USING (kyso_may_write(unit_id)) WITH CHECK (kyso_may_write(unit_id));
CREATE POLICY tokens_del ON tokens FOR DELETE USING (kyso_is_admin());
ALTER TABLE certificates ENABLE ROW LEVEL SECURITY;
CREATE POLICY certs_read ON certificates FOR SELECT USING (true);
CREATE POLICY certs_ins ON certificates FOR INSERT WITH CHECK (kyso_may_write(unit_id));
CREATE POLICY certs_upd ON certificates FOR UPDATE USING (kyso_may_write(unit_id)) WITH CHECK (kyso_may_write(unit_id));
CREATE POLICY certs_del ON certificates FOR DELETE USING (kyso_is_admin());
ALTER TABLE events ENABLE ROW LEVEL SECURITY;
CREATE POLICY events_read ON events FOR SELECT USING (true);
CREATE POLICY events_ins ON events FOR INSERT WITH CHECK (kyso_is_admin() OR kyso_may_write(unit_id));
)SQL";

void replaceAll(std::string& sql, std::string_view from, std::string_view to) {
  for (auto pos = sql.find(from); pos != std::string::npos; pos = sql.find(from, pos + to.size()))
    sql.replace(pos, from.size(), to);
}

std::string forDialect(std::string sql, Db::Dialect d) {
  const bool pg = d == Db::Dialect::Postgres;
  replaceAll(sql, "{ID}", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY");
  replaceAll(sql, "{BLOB}", pg ? "BYTEA" : "BLOB");
  return sql;
}

Result<std::string> step(Db& db, int n) {
  const Db::Dialect d = db.dialect();
  if (n == 1) return forDialect(kStep1, d);
  if (n == 2) return d == Db::Dialect::Postgres ? std::string(kStep2Postgres) : std::string();
  if (n == 3) {
    std::string schema;
    if (d == Db::Dialect::Postgres) {
      KYSO_ASSIGN_OR_RETURN(Rows r, db.query("SELECT quote_ident(current_schema())"));
      schema = r.empty() ? "" : r[0].text(0);
      if (schema.empty())
        return Error::kyso(Errc::DbOpenFailed, "migrate",
                           detailArgs({db.location(), "no current schema"}))
            .because(Detail::TechnicalIn);
    }
    std::string sql = hardeningStep(d);
    replaceAll(sql, "{S}", schema);
    return sql;
  }
  return std::string();
}

Result<bool> hasSchemaTable(Db& db) {
  const char* sql =
      db.dialect() == Db::Dialect::Postgres
          ? "SELECT to_regclass('kyso_schema') IS NOT NULL"
          : "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='kyso_schema'";
  KYSO_ASSIGN_OR_RETURN(Rows r, db.query(sql));
  const std::string v = r.empty() ? "" : r[0].text(0);
  return v == "1" || v == "t" || v == "true";
}

}  // namespace

Result<int> schemaVersion(Db& db) {
  KYSO_ASSIGN_OR_RETURN(bool has, hasSchemaTable(db));
  if (!has) return 0;
  KYSO_ASSIGN_OR_RETURN(Rows r, db.query("SELECT max(version) FROM kyso_schema"));
  return r.empty() ? 0 : static_cast<int>(r[0].integer(0));
}

Status migrate(Db& db) {
  // Fast path without a write transaction, so that read-only logins can open a current inventory.
  KYSO_ASSIGN_OR_RETURN(int current, schemaVersion(db));
  if (current > kSchemaVersion)
    return Error::kyso(Errc::DbSchemaTooNew, "migrate",
                       db.location() + ": schema " + std::to_string(current) + " > " +
                           std::to_string(kSchemaVersion));
  if (current == kSchemaVersion) return {};

  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  if (db.dialect() == Db::Dialect::Postgres)
    KYSO_TRY(db.query("SELECT pg_advisory_xact_lock(80651)"));
  KYSO_TRY(db.script("CREATE TABLE IF NOT EXISTS kyso_schema (version INTEGER NOT NULL)"));
  KYSO_ASSIGN_OR_RETURN(current, schemaVersion(db));  // another process may have migrated meanwhile
  if (current > kSchemaVersion) return Error::kyso(Errc::DbSchemaTooNew, "migrate", db.location());
  for (int n = current + 1; n <= kSchemaVersion; ++n) {
    KYSO_ASSIGN_OR_RETURN(const std::string sql, step(db, n));
    if (!sql.empty()) KYSO_TRY(db.script(sql));
    KYSO_TRY(db.exec("INSERT INTO kyso_schema (version) VALUES (?)", {static_cast<long long>(n)}));
  }
  return tx.commit();
}

}  // namespace kyso::inventory
