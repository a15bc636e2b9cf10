// Engine choice, row accessors and the scoped transaction shared by both engines.
#include <cstdlib>

#include "src/inventory/db.h"
#include "src/inventory/db_internal.h"

namespace kyso::inventory {

const std::string& Row::text(std::size_t i) const {
  static const std::string empty;
  return i < cols.size() && cols[i] ? *cols[i] : empty;
}

long long Row::integer(std::size_t i) const {
  if (isNull(i)) return 0;
  return std::strtoll(cols[i]->c_str(), nullptr, 10);
}

Result<std::unique_ptr<Db>> openDb(const std::string& location) {
  if (location.starts_with("postgresql://") || location.starts_with("postgres://"))
    return openPostgres(location);
  if (location.empty()) return Error::kyso(Errc::UsageError, "openDb", "no database given");
  return openSqlite(location);
}

Result<Transaction> Transaction::begin(Db& db) {
  KYSO_TRY(db.begin());
  return Transaction(&db);
}

Status Transaction::commit() {
  if (!m_db) return Error::kyso(Errc::UsageError, "COMMIT", "no transaction");
  Db* db = m_db;
  auto st = db->commit();
  if (!st.ok()) return st;  // the destructor rolls back what is left
  m_db = nullptr;
  return {};
}

}  // namespace kyso::inventory
