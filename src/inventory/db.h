// Db: the one storage interface the inventory talks to, with two implementations (SQLite in
// sqlite_db.cpp, PostgreSQL through libpq in pg_db.cpp). SQL is written once with `?` placeholders;
// the PostgreSQL side rewrites them to `$n`. Values travel as text (or raw bytes for blobs), which
// both engines accept for every column type the schema uses. A Db is owned by one thread; every
// call blocks on the database (and, for PostgreSQL, on the network).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace kyso::inventory {

/// Raw bytes for a BLOB/BYTEA parameter (images). Distinct from text so each engine binds it right.
struct Blob {
  std::string bytes;
};

/// One bound parameter: NULL, an integer, text, or bytes.
using Value = std::variant<std::nullptr_t, long long, std::string, Blob>;
using Params = std::vector<Value>;

/// One result row: each column as text (blobs as their raw bytes), or nullopt for NULL.
struct Row {
  std::vector<std::optional<std::string>> cols;
  const std::string& text(std::size_t i) const;  // "" for NULL
  long long integer(std::size_t i) const;        // 0 for NULL or non-numeric
  bool isNull(std::size_t i) const { return i >= cols.size() || !cols[i]; }
};
using Rows = std::vector<Row>;

/// An open database connection. Not thread-safe; one per thread or process.
class Db {
 public:
  enum class Dialect { Sqlite, Postgres };
  virtual ~Db() = default;

  virtual Dialect dialect() const = 0;
  /// Runs a statement that returns rows.
  virtual Result<Rows> query(std::string_view sql, const Params& params = {}) = 0;
  /// Runs a statement; returns the number of rows it changed.
  virtual Result<long long> exec(std::string_view sql, const Params& params = {}) = 0;
  /// Runs several `;`-separated statements without parameters (migrations).
  virtual Status script(std::string_view sql) = 0;
  /// Starts a write transaction (SQLite: BEGIN IMMEDIATE, so writers queue instead of failing
  /// late).
  virtual Status begin() = 0;
  virtual Status commit() = 0;
  virtual void rollback() noexcept = 0;
  /// Who is making changes: the database login (PostgreSQL) or the operating-system user (SQLite).
  virtual std::string who() = 0;
  /// Where this connection points (file path, or URL without a password), for messages.
  virtual std::string location() const = 0;
};

/// Opens `location`: a `postgresql://` or `postgres://` URL, or a file path for SQLite (created
/// when missing; WAL journal, foreign keys on, 5 s busy timeout). The schema is not touched here.
Result<std::unique_ptr<Db>> openDb(const std::string& location);

/// Inserts `rows` rows with multi-row INSERTs (a few hundred rows per statement): `head` is
/// "INSERT INTO t (a, b, c)", `cols` the number of columns, and `row(i, params)` appends row i's
/// values. Used by the importer and the generators, where one statement per row is too slow.
Status insertRows(Db& db, const std::string& head, std::size_t cols, std::size_t rows,
                  const std::function<void(std::size_t, Params&)>& row);

/// Rolls back on scope exit unless commit() succeeded: every change is one transaction.
class Transaction {
 public:
  static Result<Transaction> begin(Db& db);
  Transaction(Transaction&& o) noexcept : m_db(o.m_db) { o.m_db = nullptr; }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction() {
    if (m_db) m_db->rollback();
  }
  Status commit();

 private:
  explicit Transaction(Db* db) : m_db(db) {}
  Db* m_db;
};

}  // namespace kyso::inventory
