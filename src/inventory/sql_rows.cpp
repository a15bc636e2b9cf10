// Row -> record mappings; column order follows the SELECT lists in sql_rows.h.
#include "src/inventory/sql_rows.h"

namespace kyso::inventory::sql {

Error noRowUpdated(Db& db, const char* table, long long id, long long version, const char* op,
                   const std::string& what) {
  auto r = db.query(std::string("SELECT version FROM ") + table + " WHERE id = ?", {id});
  if (r.ok() && !r->empty() && (*r)[0].integer(0) != version)
    return Error::kyso(Errc::DbConflict, op, what);
  return Error::kyso(Errc::PermissionDenied, op, what);
}

Unit unitFrom(const Row& r) {
  Unit u;
  u.id = r.integer(0);
  u.name = r.text(1);
  u.parentId = optId(r, 2);
  u.parentName = r.text(3);
  u.kind = r.text(4);
  u.focalPersonId = optId(r, 5);
  u.focalPersonName = r.text(6);
  u.hasSeal = r.integer(7) != 0;
  u.version = r.integer(8);
  return u;
}

Person personFrom(const Row& r) {
  Person p;
  p.id = r.integer(0);
  p.fullName = r.text(1);
  p.position = r.text(2);
  p.unitId = r.integer(3);
  p.unitName = r.text(4);
  p.email = r.text(5);
  p.phone = r.text(6);
  p.leftOn = r.text(7);
  p.hasHandwriting = r.integer(8) != 0;
  p.version = r.integer(9);
  return p;
}

Token tokenFrom(const Row& r) {
  Token t;
  t.id = r.integer(0);
  t.serial = r.text(1);
  t.manufacturer = r.text(2);
  t.model = r.text(3);
  t.provider = r.text(4);
  t.module = r.text(5);
  t.state = r.text(6);
  t.holderId = optId(r, 7);
  t.holderName = r.text(8);
  t.unitId = optId(r, 9);
  t.unitName = r.text(10);
  t.receivedOn = r.text(11);
  t.issuedOn = r.text(12);
  t.lastSeen = r.text(13);
  t.version = r.integer(14);
  return t;
}

Certificate certFrom(const Row& r) {
  Certificate c;
  c.id = r.integer(0);
  c.serial = r.text(1);
  c.issuer = r.text(2);
  c.subject = r.text(3);
  c.notBefore = r.text(4);
  c.notAfter = r.text(5);
  c.sha256 = r.text(6);
  c.keyId = r.text(7);
  c.tokenId = optId(r, 8);
  c.tokenSerial = r.text(9);
  c.holderId = optId(r, 10);
  c.holderName = r.text(11);
  c.unitId = optId(r, 12);
  c.unitName = r.text(13);
  c.kind = r.text(14);
  c.state = r.text(15);
  c.version = r.integer(16);
  return c;
}

Event eventFrom(const Row& r) {
  Event e;
  e.id = r.integer(0);
  e.entity = r.text(1);
  e.entityId = r.integer(2);
  e.kind = r.text(3);
  e.fromState = r.text(4);
  e.toState = r.text(5);
  e.docNumber = r.text(6);
  e.docDate = r.text(7);
  e.who = r.text(8);
  e.at = r.text(9);
  e.note = r.text(10);
  return e;
}

}  // namespace kyso::inventory::sql
