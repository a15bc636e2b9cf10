// Engine choice, row accessors and the scoped transaction shared by both engines.
#include "src/inventory/db.h"

#include <algorithm>
#include <cstdlib>

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
  if (location.empty())
    return Error::kyso(Errc::UsageError, "openDb", "no database given").because(Detail::Technical);
  return openSqlite(location);
}

Status insertRows(Db& db, const std::string& head, std::size_t cols, std::size_t rows,
                  const std::function<void(std::size_t, Params&)>& row) {
  const std::size_t batch = std::max<std::size_t>(1, 4000 / std::max<std::size_t>(cols, 1));
  for (std::size_t start = 0; start < rows; start += batch) {
    const std::size_t n = std::min(batch, rows - start);
    std::string sql = head + " VALUES ";
    Params p;
    p.reserve(n * cols);
    for (std::size_t i = 0; i < n; ++i) {
      sql += i ? ",(" : "(";
      for (std::size_t c = 0; c < cols; ++c) sql += c ? ",?" : "?";
      sql += ")";
      row(start + i, p);
    }
    if (p.size() != n * cols) return Error::kyso(Errc::UsageError, "insertRows", head);
    KYSO_TRY(db.exec(sql, p));
  }
  return {};
}

Result<Transaction> Transaction::begin(Db& db) {
  KYSO_TRY(db.begin());
  return Transaction(&db);
}

Status Transaction::commit() {
  if (!m_db)
    return Error::kyso(Errc::UsageError, "COMMIT", "no transaction").because(Detail::Technical);
  Db* db = m_db;
  auto st = db->commit();
  if (!st.ok()) return st;  // the destructor rolls back what is left
  m_db = nullptr;
  return {};
}

}  // namespace kyso::inventory
