// Opening an inventory, the shared recording step (event + audit entry), units and people with
// their images, and backup/restore of SQLite inventories.
#include "src/inventory/inventory.h"

#include <cstdio>
#include <filesystem>

#include "core/paths.h"
#include "src/inventory/db_internal.h"
#include "src/inventory/schema.h"
#include "src/inventory/sql_rows.h"

namespace kyso::inventory {

// Decree 30 asks for PNG with a transparent background; a scanned JPEG is kept too, and its white
// paper is made transparent each time it is drawn (appearance/raster_image.h). Anything else is
// refused.
Status checkImage(const std::string& bytes, const char* what) {
  static constexpr char kPng[] = "\x89PNG\r\n\x1a\n";
  static constexpr char kJpeg[] = "\xff\xd8\xff";
  const bool png = bytes.size() >= 8 && bytes.compare(0, 8, kPng, 8) == 0;
  const bool jpeg = bytes.size() >= 3 && bytes.compare(0, 3, kJpeg, 3) == 0;
  if (!png && !jpeg) return Error::kyso(Errc::ImageInvalid, what).because(Detail::NotAnImage);
  if (bytes.size() > (8u << 20)) return Error::kyso(Errc::ImageTooLarge, what);
  return {};
}

namespace {

Error notFound(const char* what, std::string_view key) {
  return Error::kyso(Errc::DbNotFound, what, std::string(key));
}

}  // namespace

bool certInUse(std::string_view s) {
  return s == "valid" || s == "renewal_requested" || s == "change_requested";
}

std::string Inventory::defaultLocation() {
  return (dataDir() / "inventory.sqlite").string();
}

Result<Inventory> Inventory::open(const std::string& location, const Clock& clock) {
  KYSO_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, openDb(location));
  KYSO_TRY(migrate(*db));
  Inventory inv(std::move(db), clock);
  inv.m_who = inv.m_db->who();
  return inv;
}

std::string Inventory::today() const {
  return dateOf(m_clock->now());
}

std::string Inventory::now() const {
  const auto t = m_clock->now();
  const auto secs = std::chrono::floor<std::chrono::seconds>(t);
  const auto day = std::chrono::floor<std::chrono::days>(secs);
  const long s = static_cast<long>((secs - day).count());
  char buf[48];
  std::snprintf(buf, sizeof buf, "T%02ld:%02ld:%02ldZ", s / 3600, s / 60 % 60, s % 60);
  return dateOf(t) + buf;
}

Status Inventory::record(const AuditChange& change, const Event* e,
                         std::optional<long long> unitId) {
  const std::string at = now();
  if (e) {
    KYSO_TRY(m_db->exec(
        "INSERT INTO events (entity, entity_id, kind, from_state, to_state, doc_number, doc_date, "
        "who, at, note, unit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        {e->entity, e->entityId, e->kind, sql::text(e->fromState), sql::text(e->toState),
         sql::text(e->docNumber), sql::text(e->docDate), m_who, at, e->note, sql::id(unitId)}));
  }
  return appendAudit(*m_db, at, m_who, change);
}

// ---- units ----

Result<Unit> Inventory::unit(std::string_view key) {
  Rows rows;
  if (sql::isNumber(key)) {
    KYSO_ASSIGN_OR_RETURN(rows, m_db->query(std::string(sql::kUnitSelect) + "WHERE u.id = ?",
                                            {std::stoll(std::string(key))}));
  }
  if (rows.empty()) {
    KYSO_ASSIGN_OR_RETURN(
        rows, m_db->query(std::string(sql::kUnitSelect) + "WHERE u.name = ?", {std::string(key)}));
  }
  if (rows.empty()) return notFound("unit", key);
  return sql::unitFrom(rows[0]);
}

Result<std::vector<Unit>> Inventory::units() {
  KYSO_ASSIGN_OR_RETURN(Rows rows, m_db->query(std::string(sql::kUnitSelect) + "ORDER BY u.id"));
  std::vector<Unit> out;
  for (const Row& r : rows) out.push_back(sql::unitFrom(r));
  return out;
}

Result<Unit> Inventory::addUnit(Unit u) {
  if (u.name.empty())
    return Error::kyso(Errc::UsageError, "unit add", "--name").because(Detail::OptionRequired);
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(
      Rows r, m_db->query("INSERT INTO units (name, parent_id, kind) VALUES (?, ?, ?) RETURNING id",
                          {u.name, sql::id(u.parentId), u.kind}));
  KYSO_ASSIGN_OR_RETURN(Unit added, unit(std::to_string(r[0].integer(0))));
  Event e{0, "unit", added.id, "created", "", "", "", "", "", "", ""};
  KYSO_TRY(record({"unit", added.id, "create", "", toJson(added).dump()}, &e, added.id));
  KYSO_TRY(tx.commit());
  return added;
}

Result<Unit> Inventory::editUnit(const Unit& u) {
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(Unit before, unit(std::to_string(u.id)));
  if (before.version != u.version) return Error::kyso(Errc::DbConflict, "unit edit", before.name);
  if (u.parentId && *u.parentId == u.id)
    return Error::kyso(Errc::UsageError, "unit edit").because(Detail::OwnParentUnit);
  KYSO_ASSIGN_OR_RETURN(long long n, m_db->exec("UPDATE units SET name = ?, parent_id = ?, kind = "
                                                "?, focal_person_id = ?, version = version + 1 "
                                                "WHERE id = ? AND version = ?",
                                                {u.name, sql::id(u.parentId), u.kind,
                                                 sql::id(u.focalPersonId), u.id, u.version}));
  if (n == 0) return sql::noRowUpdated(*m_db, "units", u.id, u.version, "unit edit", before.name);
  KYSO_ASSIGN_OR_RETURN(Unit after, unit(std::to_string(u.id)));
  KYSO_TRY(
      record({"unit", u.id, "edit", toJson(before).dump(), toJson(after).dump()}, nullptr, u.id));
  KYSO_TRY(tx.commit());
  return after;
}

Status Inventory::setSeal(std::string_view key, const std::string& png) {
  KYSO_TRY(checkImage(png, "seal"));
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(Unit u, unit(key));
  KYSO_ASSIGN_OR_RETURN(long long n,
                        m_db->exec("UPDATE units SET seal = ?, version = version + 1 WHERE id = ?",
                                   {Blob{png}, u.id}));
  if (n == 0) return Error::kyso(Errc::PermissionDenied, "seal", u.name);
  KYSO_TRY(record({"unit", u.id, "seal", "", "sha256:" + sha256Hex(png)}, nullptr, u.id));
  return tx.commit();
}

Result<std::string> Inventory::seal(std::string_view key) {
  KYSO_ASSIGN_OR_RETURN(Unit u, unit(key));
  KYSO_ASSIGN_OR_RETURN(Rows r, m_db->query("SELECT seal FROM units WHERE id = ?", {u.id}));
  if (r.empty() || r[0].isNull(0)) return notFound("seal", key);
  return r[0].text(0);
}

// ---- people ----

Result<Person> Inventory::person(std::string_view key, std::optional<long long> unitId) {
  Rows rows;
  if (sql::isNumber(key)) {
    KYSO_ASSIGN_OR_RETURN(rows, m_db->query(std::string(sql::kPersonSelect) + "WHERE p.id = ?",
                                            {std::stoll(std::string(key))}));
  }
  if (rows.empty()) {
    if (unitId) {
      KYSO_ASSIGN_OR_RETURN(rows, m_db->query(std::string(sql::kPersonSelect) +
                                                  "WHERE p.full_name = ? AND p.unit_id = ?",
                                              {std::string(key), *unitId}));
    } else {
      KYSO_ASSIGN_OR_RETURN(rows,
                            m_db->query(std::string(sql::kPersonSelect) + "WHERE p.full_name = ?",
                                        {std::string(key)}));
    }
  }
  if (rows.empty()) return notFound("person", key);
  if (rows.size() > 1)
    return Error::kyso(Errc::UsageError, "person", std::string(key))
        .because(Detail::SeveralPeopleNamed);
  return sql::personFrom(rows[0]);
}

Result<std::vector<Person>> Inventory::people(std::optional<long long> unitId) {
  Rows rows;
  if (unitId) {
    KYSO_ASSIGN_OR_RETURN(
        rows, m_db->query(std::string(sql::kPersonSelect) + "WHERE p.unit_id = ? ORDER BY p.id",
                          {*unitId}));
  } else {
    KYSO_ASSIGN_OR_RETURN(rows, m_db->query(std::string(sql::kPersonSelect) + "ORDER BY p.id"));
  }
  std::vector<Person> out;
  for (const Row& r : rows) out.push_back(sql::personFrom(r));
  return out;
}

Result<Person> Inventory::addPerson(Person p) {
  if (p.fullName.empty())
    return Error::kyso(Errc::UsageError, "person add", "--name").because(Detail::OptionRequired);
  if (!p.leftOn.empty() && !parseDate(p.leftOn))
    return Error::kyso(Errc::UsageError, "person add", "--left-on YYYY-MM-DD");
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  // The same name twice in one unit: said with the names, not as the database's UNIQUE failure.
  KYSO_ASSIGN_OR_RETURN(Rows same, m_db->query("SELECT u.name FROM people p JOIN units u ON u.id = "
                                               "p.unit_id WHERE p.full_name = ? AND p.unit_id = ?",
                                               {p.fullName, p.unitId}));
  if (!same.empty())
    return Error::kyso(Errc::DbConstraint, "person add", detailArgs({p.fullName, same[0].text(0)}))
        .because(Detail::PersonExists);
  KYSO_ASSIGN_OR_RETURN(
      Rows r,
      m_db->query("INSERT INTO people (full_name, position, unit_id, email, phone, left_on) VALUES "
                  "(?, ?, ?, ?, ?, ?) RETURNING id",
                  {p.fullName, p.position, p.unitId, p.email, p.phone, sql::text(p.leftOn)}));
  KYSO_ASSIGN_OR_RETURN(Person added, person(std::to_string(r[0].integer(0))));
  Event e{0, "person", added.id, "created", "", "", "", "", "", "", ""};
  KYSO_TRY(record({"person", added.id, "create", "", toJson(added).dump()}, &e, added.unitId));
  KYSO_TRY(tx.commit());
  return added;
}

Result<Person> Inventory::editPerson(const Person& p) {
  if (!p.leftOn.empty() && !parseDate(p.leftOn))
    return Error::kyso(Errc::UsageError, "person edit", "--left-on YYYY-MM-DD");
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(Person before, person(std::to_string(p.id)));
  if (before.version != p.version)
    return Error::kyso(Errc::DbConflict, "person edit", before.fullName);
  KYSO_ASSIGN_OR_RETURN(long long n,
                        m_db->exec("UPDATE people SET full_name = ?, position = ?, unit_id = ?, "
                                   "email = ?, phone = ?, left_on = ?, "
                                   "version = version + 1 WHERE id = ? AND version = ?",
                                   {p.fullName, p.position, p.unitId, p.email, p.phone,
                                    sql::text(p.leftOn), p.id, p.version}));
  if (n == 0)
    return sql::noRowUpdated(*m_db, "people", p.id, p.version, "person edit", before.fullName);
  KYSO_ASSIGN_OR_RETURN(Person after, person(std::to_string(p.id)));
  Event e{0,  "person", p.id, before.leftOn.empty() && !after.leftOn.empty() ? "left" : "edited",
          "", "",       "",   "",
          "", "",       ""};
  KYSO_TRY(record({"person", p.id, "edit", toJson(before).dump(), toJson(after).dump()}, &e,
                  after.unitId));
  KYSO_TRY(tx.commit());
  return after;
}

Status Inventory::setHandwriting(std::string_view key, const std::string& png) {
  KYSO_TRY(checkImage(png, "handwriting"));
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(*m_db));
  KYSO_ASSIGN_OR_RETURN(Person p, person(key));
  KYSO_ASSIGN_OR_RETURN(
      long long n,
      m_db->exec("UPDATE people SET handwriting = ?, version = version + 1 WHERE id = ?",
                 {Blob{png}, p.id}));
  if (n == 0) return Error::kyso(Errc::PermissionDenied, "handwriting", p.fullName);
  KYSO_TRY(
      record({"person", p.id, "handwriting", "", "sha256:" + sha256Hex(png)}, nullptr, p.unitId));
  return tx.commit();
}

Result<std::string> Inventory::handwriting(std::string_view key) {
  KYSO_ASSIGN_OR_RETURN(Person p, person(key));
  KYSO_ASSIGN_OR_RETURN(Rows r, m_db->query("SELECT handwriting FROM people WHERE id = ?", {p.id}));
  if (r.empty() || r[0].isNull(0)) return notFound("handwriting", key);
  return r[0].text(0);
}

// ---- backup / restore ----

Status Inventory::backup(const std::string& path) {
  if (m_db->dialect() != Db::Dialect::Sqlite)
    return Error::kyso(Errc::NotImplemented, "backup").because(Detail::UsePgDump);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return Error::kyso(Errc::FileExists, "backup", path);
  // Written beside the target under a temporary name and renamed only when complete.
  const std::string tmp = path + ".part";
  std::filesystem::remove(tmp, ec);
  auto st = sqliteCopy(*m_db, tmp);
  if (!st.ok()) {
    std::filesystem::remove(tmp, ec);
    return st;
  }
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Error::posix(ec.value(), "rename", path);
  }
  return {};
}

Status Inventory::restore(const std::string& path) {
  if (m_db->dialect() != Db::Dialect::Sqlite)
    return Error::kyso(Errc::NotImplemented, "restore").because(Detail::UsePgRestore);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec))
    return Error::kyso(Errc::FileNotFound, "restore", path);
  {
    // Check the backup is an inventory this program understands before touching anything.
    KYSO_ASSIGN_OR_RETURN(std::unique_ptr<Db> probe, openSqlite(path, /*readOnly=*/true));
    KYSO_ASSIGN_OR_RETURN(int v, schemaVersion(*probe));
    if (v == 0)
      return Error::kyso(Errc::DbNotADatabase, "restore", path).because(Detail::NotAnInventory);
    if (v > kSchemaVersion) return Error::kyso(Errc::DbSchemaTooNew, "restore", path);
    KYSO_ASSIGN_OR_RETURN(AuditReport rep, inventory::verifyAudit(*probe));
    if (!rep.ok())
      return Error::kyso(Errc::AuditChainBroken, "restore", path + ": " + rep.problems.front());
  }
  KYSO_TRY(sqliteRestore(*m_db, path));
  return migrate(*m_db);
}

}  // namespace kyso::inventory
