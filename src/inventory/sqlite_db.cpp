// The SQLite implementation of Db: one file, WAL journal, foreign keys on, a busy timeout so that a
// second writer waits instead of failing. Result codes are kept raw (extended codes) and
// classified.
#include <pwd.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "src/inventory/db.h"
#include "src/inventory/db_internal.h"

namespace kyso::inventory {
namespace {

Errc classify(int rc) {
  switch (rc & 0xff) {
    case SQLITE_NOTADB:
      return Errc::DbNotADatabase;
    case SQLITE_READONLY:
      return Errc::DbReadOnly;
    case SQLITE_FULL:
      return Errc::DiskFull;
    case SQLITE_CONSTRAINT:
      return Errc::DbConstraint;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Errc::DbConflict;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_IOERR:
      return Errc::DbOpenFailed;
    default:
      return Errc::Ok;
  }
}

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const noexcept { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

struct DbDeleter {
  void operator()(sqlite3* d) const noexcept { sqlite3_close_v2(d); }
};

class SqliteDb final : public Db {
 public:
  SqliteDb(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}

  Dialect dialect() const override { return Dialect::Sqlite; }
  std::string location() const override { return m_path; }

  Error err(int rc, const char* op) const {
    std::string ctx = m_path;
    if (m_db) ctx += std::string(": ") + sqlite3_errmsg(m_db.get());
    Errc k = classify(rc);
    if (k == Errc::Ok && (rc & 0xff) == SQLITE_CORRUPT) k = Errc::DbNotADatabase;
    return Error::raw(Domain::Sqlite, rc, op, ctx, k);
  }

  Result<Stmt> prepare(std::string_view sql, const Params& params) {
    sqlite3_stmt* raw = nullptr;
    int rc =
        sqlite3_prepare_v2(m_db.get(), sql.data(), static_cast<int>(sql.size()), &raw, nullptr);
    if (rc != SQLITE_OK) return err(sqlite3_extended_errcode(m_db.get()), "sqlite3_prepare_v2");
    Stmt st(raw);
    for (std::size_t i = 0; i < params.size(); ++i) {
      const int idx = static_cast<int>(i + 1);
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        rc = sqlite3_bind_null(raw, idx);
      } else if (auto* n = std::get_if<long long>(&v)) {
        rc = sqlite3_bind_int64(raw, idx, *n);
      } else if (auto* s = std::get_if<std::string>(&v)) {
        rc = sqlite3_bind_text(raw, idx, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
      } else {
        const auto& b = std::get<Blob>(v).bytes;
        rc = sqlite3_bind_blob(raw, idx, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT);
      }
      if (rc != SQLITE_OK) return err(rc, "sqlite3_bind");
    }
    return st;
  }

  Result<Rows> query(std::string_view sql, const Params& params = {}) override {
    KYSO_ASSIGN_OR_RETURN(Stmt st, prepare(sql, params));
    Rows rows;
    for (;;) {
      int rc = sqlite3_step(st.get());
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return err(sqlite3_extended_errcode(m_db.get()), "sqlite3_step");
      Row row;
      const int n = sqlite3_column_count(st.get());
      row.cols.reserve(static_cast<std::size_t>(n));
      for (int c = 0; c < n; ++c) {
        const int type = sqlite3_column_type(st.get(), c);
        if (type == SQLITE_NULL) {
          row.cols.emplace_back(std::nullopt);
        } else if (type == SQLITE_BLOB) {
          const void* p = sqlite3_column_blob(st.get(), c);
          const int len = sqlite3_column_bytes(st.get(), c);
          row.cols.emplace_back(
              std::string(static_cast<const char*>(p), static_cast<std::size_t>(len)));
        } else {
          const unsigned char* p = sqlite3_column_text(st.get(), c);
          const int len = sqlite3_column_bytes(st.get(), c);
          row.cols.emplace_back(
              std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(len)));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Result<long long> exec(std::string_view sql, const Params& params = {}) override {
    KYSO_ASSIGN_OR_RETURN(Stmt st, prepare(sql, params));
    int rc;
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) return err(sqlite3_extended_errcode(m_db.get()), "sqlite3_step");
    return static_cast<long long>(sqlite3_changes64(m_db.get()));
  }

  Status script(std::string_view sql) override {
    std::string s(sql);
    int rc = sqlite3_exec(m_db.get(), s.c_str(), nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) return err(sqlite3_extended_errcode(m_db.get()), "sqlite3_exec");
    return {};
  }

  Status begin() override { return script("BEGIN IMMEDIATE"); }
  Status commit() override { return script("COMMIT"); }
  void rollback() noexcept override {
    if (!sqlite3_get_autocommit(m_db.get()))
      sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  std::string who() override {
    if (const char* u = std::getenv("KYSO_USER"); u && *u) return u;
    if (const passwd* pw = getpwuid(geteuid())) return pw->pw_name;
    return "uid " + std::to_string(geteuid());
  }

  sqlite3* handle() { return m_db.get(); }

 private:
  std::unique_ptr<sqlite3, DbDeleter> m_db;
  std::string m_path;
};

// SQLite opens anything and fails at the first read; look at the header first so that a
// spreadsheet given as --db is refused with a clear reason and is never written to.
Status checkHeader(const std::filesystem::path& p) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(p, ec);
  if (ec || size == 0) return {};
  std::ifstream in(p, std::ios::binary);
  if (!in) return Error::posix(errno, "open", p.string());
  char head[16] = {};
  in.read(head, sizeof head);
  if (in.gcount() < 16 || std::string_view(head, 16) != std::string_view("SQLite format 3\0", 16))
    return Error::kyso(Errc::DbNotADatabase, "open", p.string());
  return {};
}

}  // namespace

Result<std::unique_ptr<Db>> openSqlite(const std::string& path, bool readOnly) {
  KYSO_TRY(checkHeader(path));
  if (readOnly) {
    sqlite3* ro = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &ro, SQLITE_OPEN_READONLY, nullptr);
    auto db = std::make_unique<SqliteDb>(ro, path);
    if (rc != SQLITE_OK) return db->err(rc, "sqlite3_open_v2");
    KYSO_TRY(db->query("SELECT count(*) FROM sqlite_master"));
    return std::unique_ptr<Db>(std::move(db));
  }
  std::error_code ec;
  const auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<Db> guard;
  if (rc != SQLITE_OK) {
    std::string msg = raw ? sqlite3_errmsg(raw) : "";
    sqlite3_close_v2(raw);
    Errc k = classify(rc);
    return Error::raw(Domain::Sqlite, rc, "sqlite3_open_v2", detailArgs({path, msg}),
                      k == Errc::Ok ? Errc::DbOpenFailed : k)
        .because(Detail::TechnicalIn);
  }
  auto db = std::make_unique<SqliteDb>(raw, path);
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, 10000);
  KYSO_TRY(db->script("PRAGMA foreign_keys=ON"));
  if (sqlite3_db_readonly(raw, "main") == 1) {
    return Error::kyso(Errc::DbReadOnly, "sqlite3_open_v2", path);
  }
  // Reading the schema here turns "file is not a database" into an error before anything else.
  KYSO_TRY(db->query("SELECT count(*) FROM sqlite_master"));
  auto mode = db->query("PRAGMA journal_mode=WAL");
  if (!mode.ok()) return mode.error();
  KYSO_TRY(db->script("PRAGMA synchronous=NORMAL"));
  return std::unique_ptr<Db>(std::move(db));
}

// Copies a whole SQLite database with the online backup API (consistent even while others write).
Status sqliteCopy(Db& from, const std::string& toPath) {
  auto* src = dynamic_cast<SqliteDb*>(&from);
  if (!src) return Error::kyso(Errc::UsageError, "backup").because(Detail::NotSqlite);
  sqlite3* dst = nullptr;
  int rc =
      sqlite3_open_v2(toPath.c_str(), &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  std::unique_ptr<sqlite3, DbDeleter> guard(dst);
  if (rc != SQLITE_OK)
    return Error::raw(Domain::Sqlite, rc, "sqlite3_open_v2", toPath, Errc::OutputNotWritable);
  sqlite3_backup* b = sqlite3_backup_init(dst, "main", src->handle(), "main");
  if (!b)
    return Error::raw(Domain::Sqlite, sqlite3_errcode(dst), "sqlite3_backup_init", toPath,
                      Errc::OutputNotWritable);
  rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    Errc k = classify(rc);
    return Error::raw(Domain::Sqlite, rc, "sqlite3_backup_step", toPath,
                      k == Errc::Ok ? Errc::OutputNotWritable : k);
  }
  // The copy is a standalone file: leave it in rollback-journal mode so it is one file.
  sqlite3_exec(dst, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr);
  return {};
}

// Replaces the contents of `into` with the database file at `fromPath` (used by restore, after
// the file has been checked to be an inventory this program understands).
Status sqliteRestore(Db& into, const std::string& fromPath) {
  auto* dst = dynamic_cast<SqliteDb*>(&into);
  if (!dst) return Error::kyso(Errc::UsageError, "restore").because(Detail::NotSqlite);
  sqlite3* src = nullptr;
  int rc = sqlite3_open_v2(fromPath.c_str(), &src, SQLITE_OPEN_READONLY, nullptr);
  std::unique_ptr<sqlite3, DbDeleter> guard(src);
  if (rc != SQLITE_OK)
    return Error::raw(Domain::Sqlite, rc, "sqlite3_open_v2", fromPath, Errc::FileUnreadable);
  sqlite3_backup* b = sqlite3_backup_init(dst->handle(), "main", src, "main");
  if (!b)
    return Error::raw(Domain::Sqlite, sqlite3_errcode(dst->handle()), "sqlite3_backup_init",
                      fromPath);
  rc = sqlite3_backup_step(b, -1);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) {
    Errc k = classify(rc);
    return Error::raw(Domain::Sqlite, rc, "sqlite3_backup_step", fromPath,
                      k == Errc::Ok ? Errc::DbOpenFailed : k);
  }
  return {};
}

}  // namespace kyso::inventory
