// Private to src/inventory: the SELECT lists for each record and the row -> record mappings, so
// that every query reads records the same way; plus small parameter helpers.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "src/inventory/db.h"
#include "src/inventory/model.h"

namespace kyso::inventory::sql {

inline constexpr const char* kUnitSelect =
    "SELECT u.id, u.name, u.parent_id, pu.name, u.kind, u.focal_person_id, fp.full_name, "
    "CASE WHEN u.seal IS NULL THEN 0 ELSE 1 END, u.version FROM units u "
    "LEFT JOIN units pu ON pu.id = u.parent_id LEFT JOIN people fp ON fp.id = u.focal_person_id ";
inline constexpr const char* kPersonSelect =
    "SELECT p.id, p.full_name, p.position, p.unit_id, u.name, p.email, p.phone, p.left_on, "
    "CASE WHEN p.handwriting IS NULL THEN 0 ELSE 1 END, p.version FROM people p "
    "JOIN units u ON u.id = p.unit_id ";
inline constexpr const char* kTokenSelect =
    "SELECT t.id, t.serial, t.manufacturer, t.model, t.provider, t.module, t.state, t.holder_id, "
    "p.full_name, t.unit_id, u.name, t.received_on, t.issued_on, t.last_seen, t.version "
    "FROM tokens t LEFT JOIN people p ON p.id = t.holder_id LEFT JOIN units u ON u.id = t.unit_id ";
inline constexpr const char* kCertSelect =
    "SELECT c.id, c.serial, c.issuer, c.subject, c.not_before, c.not_after, c.sha256, c.key_id, "
    "c.token_id, t.serial, c.holder_id, p.full_name, c.unit_id, u.name, c.kind, c.state, c.version "
    "FROM certificates c LEFT JOIN tokens t ON t.id = c.token_id "
    "LEFT JOIN people p ON p.id = c.holder_id LEFT JOIN units u ON u.id = c.unit_id ";
inline constexpr const char* kEventSelect =
    "SELECT id, entity, entity_id, kind, from_state, to_state, doc_number, doc_date, who, at, note "
    "FROM events ";

inline std::optional<long long> optId(const Row& r, std::size_t i) {
  if (r.isNull(i)) return std::nullopt;
  return r.integer(i);
}
inline Value id(const std::optional<long long>& v) {
  return v ? Value(*v) : Value(nullptr);
}
inline Value text(const std::string& s) {
  return s.empty() ? Value(nullptr) : Value(s);
}
inline bool isNumber(std::string_view s) {
  if (s.empty() || s.size() > 18) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

/// After an UPDATE ... WHERE id = ? AND version = ? changed no row: DbConflict when the version
/// moved (someone else committed first), else PermissionDenied (row-level security hid the row).
Error noRowUpdated(Db& db, const char* table, long long id, long long version, const char* op,
                   const std::string& what);

Unit unitFrom(const Row& r);
Person personFrom(const Row& r);
Token tokenFrom(const Row& r);
Certificate certFrom(const Row& r);
Event eventFrom(const Row& r);

}  // namespace kyso::inventory::sql
