// Schema step 3 (issue 16): the audit log is written by the database itself on PostgreSQL, access
// control cannot be shadowed, and the audit seals. Every function that a policy or trigger runs
// names its tables with the schema and fixes its search_path (pg_temp last), so a temporary table
// or function made by an officer is never what it reads. Officers and admins lose INSERT on
// `audit` and UPDATE on `audit_head`: one SECURITY DEFINER trigger function appends the entry for
// every row written to an audited table, in the writer's transaction, with `session_user` as who;
// writes made with psql are audited like kyso's own. Events are checked against the unit of the
// entity they name, not only the unit they claim, and their `who` is set by the server.
#include "src/inventory/schema_steps.h"

namespace kyso::inventory {
namespace {

// {S} is the schema, quoted; schema.cpp fills it in.
constexpr const char* kPostgres = R"SQL(
CREATE OR REPLACE FUNCTION {S}.kyso_is_admin() RETURNS boolean LANGUAGE sql STABLE
  SET search_path = pg_catalog, {S}, pg_temp
  AS $f$ SELECT pg_catalog.pg_has_role(current_user, 'kyso_admin', 'MEMBER') $f$;
CREATE OR REPLACE FUNCTION {S}.kyso_may_write(u BIGINT) RETURNS boolean LANGUAGE sql STABLE
  SET search_path = pg_catalog, {S}, pg_temp
  AS $f$ SELECT {S}.kyso_is_admin() OR EXISTS (SELECT 1 FROM {S}.unit_officers o
           WHERE o.login = current_user AND o.unit_id = u) $f$;
CREATE FUNCTION {S}.kyso_entity_unit(entity TEXT, eid BIGINT) RETURNS BIGINT LANGUAGE sql STABLE
  SET search_path = pg_catalog, {S}, pg_temp
  AS $f$ SELECT CASE entity
           WHEN 'unit' THEN (SELECT u.id FROM {S}.units u WHERE u.id = eid)
           WHEN 'person' THEN (SELECT p.unit_id FROM {S}.people p WHERE p.id = eid)
           WHEN 'token' THEN (SELECT t.unit_id FROM {S}.tokens t WHERE t.id = eid)
           WHEN 'certificate' THEN (SELECT c.unit_id FROM {S}.certificates c WHERE c.id = eid)
         END $f$;
DROP POLICY events_ins ON {S}.events;
CREATE POLICY events_ins ON {S}.events FOR INSERT WITH CHECK ({S}.kyso_is_admin() OR
  ({S}.kyso_may_write(unit_id) AND {S}.kyso_may_write({S}.kyso_entity_unit(entity, entity_id))));

CREATE FUNCTION {S}.kyso_event_who() RETURNS trigger LANGUAGE plpgsql
  SET search_path = pg_catalog, {S}, pg_temp
  AS $f$ BEGIN NEW.who := session_user; RETURN NEW; END $f$;
CREATE TRIGGER kyso_event_who BEFORE INSERT OR UPDATE ON {S}.events
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_event_who();

CREATE TABLE {S}.audit_seals (
  id BIGSERIAL PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  cms BYTEA NOT NULL
);
CREATE TABLE {S}.kyso_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  uid TEXT NOT NULL
);
INSERT INTO {S}.kyso_identity (id, uid) VALUES (1, pg_catalog.md5(pg_catalog.random()::text ||
  pg_catalog.clock_timestamp()::text || pg_catalog.pg_backend_pid()::text));

-- TG_ARGV: the entity name the log uses, and the column holding an image or DER (logged as its
-- SHA-256, not its bytes). The hash is audit.cpp's entryHash over the same fields.
CREATE FUNCTION {S}.kyso_audit_row() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, {S}, pg_temp
  AS $f$
DECLARE
  before_j jsonb; after_j jsonb; before_t text := ''; after_t text := ''; eid text;
  head_seq bigint; head_hash text; entry_at text; entry_hash text; act text := lower(TG_OP);
  blob_col text := TG_ARGV[1];
BEGIN
  IF TG_OP <> 'INSERT' THEN before_j := to_jsonb(OLD); END IF;
  IF TG_OP <> 'DELETE' THEN after_j := to_jsonb(NEW); END IF;
  IF blob_col IS NOT NULL THEN
    IF before_j ->> blob_col IS NOT NULL THEN
      before_j := jsonb_set(before_j, ARRAY[blob_col], to_jsonb('sha256:' ||
        encode(sha256(decode(substr(before_j ->> blob_col, 3), 'hex')), 'hex')));
    END IF;
    IF after_j ->> blob_col IS NOT NULL THEN
      after_j := jsonb_set(after_j, ARRAY[blob_col], to_jsonb('sha256:' ||
        encode(sha256(decode(substr(after_j ->> blob_col, 3), 'hex')), 'hex')));
    END IF;
  END IF;
  IF before_j IS NOT NULL THEN before_t := before_j::text; END IF;
  IF after_j IS NOT NULL THEN after_t := after_j::text; END IF;
  eid := coalesce(after_j ->> 'id', before_j ->> 'id', '');
  SELECT h.seq, h.hash INTO head_seq, head_hash FROM {S}.audit_head h WHERE h.id = 1 FOR UPDATE;
  IF NOT FOUND THEN RAISE EXCEPTION 'kyso: the audit head record is missing'; END IF;
  head_seq := head_seq + 1;
  entry_at := to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"');
  entry_hash := encode(sha256(convert_to(head_seq::text || chr(31) || entry_at || chr(31) ||
    session_user::text || chr(31) || TG_ARGV[0] || chr(31) || eid || chr(31) || act || chr(31) ||
    before_t || chr(31) || after_t || chr(31) || head_hash || chr(31), 'UTF8')), 'hex');
  INSERT INTO {S}.audit (seq, at, who, entity, entity_id, action, before_json, after_json,
                         prev_hash, hash)
    VALUES (head_seq, entry_at, session_user, TG_ARGV[0], nullif(eid, '')::bigint, act,
            before_t, after_t, head_hash, entry_hash);
  UPDATE {S}.audit_head SET seq = head_seq, hash = entry_hash WHERE id = 1;
  RETURN NULL;
END $f$;
REVOKE ALL ON FUNCTION {S}.kyso_audit_row() FROM PUBLIC;
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.units
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('unit', 'seal');
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.people
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('person', 'handwriting');
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.tokens
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('token');
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.certificates
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('certificate', 'der');
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.events
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('event');
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.unit_officers
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('unit_officer');
CREATE TRIGGER kyso_audit AFTER INSERT OR UPDATE OR DELETE ON {S}.audit_seals
  FOR EACH ROW EXECUTE FUNCTION {S}.kyso_audit_row('audit_seal', 'cms');

REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {S}.audit, {S}.audit_head, {S}.kyso_identity
  FROM PUBLIC, kyso_viewer, kyso_officer, kyso_admin;
GRANT SELECT ON {S}.audit_seals, {S}.kyso_identity TO kyso_viewer, kyso_officer, kyso_admin;
GRANT INSERT ON {S}.audit_seals TO kyso_officer, kyso_admin;
GRANT USAGE ON SEQUENCE {S}.audit_seals_id_seq TO kyso_officer, kyso_admin;
REVOKE CREATE ON SCHEMA {S} FROM PUBLIC;
DO $$ BEGIN
  EXECUTE format('REVOKE TEMPORARY ON DATABASE %I FROM PUBLIC, kyso_viewer, kyso_officer, kyso_admin',
                 current_database());
END $$;
)SQL";

constexpr const char* kSqlite = R"SQL(
CREATE TABLE audit_seals (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  at TEXT NOT NULL,
  who TEXT NOT NULL,
  cms BLOB NOT NULL
);
CREATE TABLE kyso_identity (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  uid TEXT NOT NULL
);
INSERT INTO kyso_identity (id, uid) VALUES (1, lower(hex(randomblob(16))));
)SQL";

}  // namespace

std::string hardeningStep(Db::Dialect d) {
  return d == Db::Dialect::Sqlite ? kSqlite : kPostgres;
}

}  // namespace kyso::inventory
