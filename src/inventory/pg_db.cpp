// The PostgreSQL implementation of Db over libpq. Parameters are sent as text (bytes as binary for
// BYTEA), results are read as text (BYTEA decoded from its hex form). The SQLSTATE is kept as the
// raw code (packed base-36, see packSqlState) and classified; access refused by GRANTs or
// row-level security becomes PermissionDenied.
#include <libpq-fe.h>

#include <cstring>

#include "src/inventory/db.h"
#include "src/inventory/db_internal.h"

namespace kyso::inventory {
namespace {

constexpr unsigned kByteaOid = 17;

long packSqlState(const char* s) {
  long v = 0;
  for (int i = 0; s && i < 5 && s[i]; ++i) {
    const char c = s[i];
    v = v * 36 + (c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'Z' ? c - 'A' + 10 : 0);
  }
  return v;
}

Errc classify(std::string_view state) {
  if (state.starts_with("23")) return Errc::DbConstraint;
  if (state == "42501") return Errc::PermissionDenied;
  if (state == "40001" || state == "40P01") return Errc::DbConflict;
  if (state == "53100") return Errc::DiskFull;
  if (state == "25006") return Errc::DbReadOnly;
  if (state.starts_with("08") || state.starts_with("28") || state == "3D000")
    return Errc::DbOpenFailed;
  return Errc::Ok;
}

struct ResultDeleter {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, ResultDeleter>;
struct ConnDeleter {
  void operator()(PGconn* c) const noexcept { PQfinish(c); }
};

int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 0;
}

std::string rewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  bool inString = false;
  for (char c : sql) {
    if (c == '\'') inString = !inString;
    if (c == '?' && !inString) {
      out += '$';
      out += std::to_string(++n);
    } else {
      out += c;
    }
  }
  return out;
}

std::string redact(const std::string& url) {
  // postgresql://user:secret@host/db -> postgresql://user@host/db
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

class PgDb final : public Db {
 public:
  PgDb(PGconn* c, std::string url) : m_conn(c), m_url(redact(url)) {}

  Dialect dialect() const override { return Dialect::Postgres; }
  std::string location() const override { return m_url; }

  Error err(const PGresult* r, const char* op) const {
    const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
    std::string msg = r ? PQresultErrorMessage(r) : PQerrorMessage(m_conn.get());
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    return Error::raw(Domain::Postgres, packSqlState(state), op,
                      std::string(state ? state : "") + " " + msg, classify(state ? state : ""));
  }

  Result<PgResult> run(std::string_view sql, const Params& params) {
    const std::string text = rewritePlaceholders(sql);
    std::vector<std::string> storage(params.size());
    std::vector<const char*> values(params.size());
    std::vector<int> lengths(params.size()), formats(params.size());
    for (std::size_t i = 0; i < params.size(); ++i) {
      const Value& v = params[i];
      if (std::holds_alternative<std::nullptr_t>(v)) {
        values[i] = nullptr;
        continue;
      }
      if (auto* n = std::get_if<long long>(&v))
        storage[i] = std::to_string(*n);
      else if (auto* s = std::get_if<std::string>(&v))
        storage[i] = *s;
      else {
        storage[i] = std::get<Blob>(v).bytes;
        formats[i] = 1;
      }
      values[i] = storage[i].data();
      lengths[i] = static_cast<int>(storage[i].size());
    }
    PgResult r(PQexecParams(m_conn.get(), text.c_str(), static_cast<int>(params.size()), nullptr,
                            values.data(), lengths.data(), formats.data(), 0));
    const auto st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) return err(r.get(), "PQexecParams");
    return r;
  }

  Result<Rows> query(std::string_view sql, const Params& params = {}) override {
    KYSO_ASSIGN_OR_RETURN(PgResult r, run(sql, params));
    Rows rows;
    const int nr = PQntuples(r.get()), nc = PQnfields(r.get());
    rows.reserve(static_cast<std::size_t>(nr));
    for (int i = 0; i < nr; ++i) {
      Row row;
      row.cols.reserve(static_cast<std::size_t>(nc));
      for (int c = 0; c < nc; ++c) {
        if (PQgetisnull(r.get(), i, c)) {
          row.cols.emplace_back(std::nullopt);
          continue;
        }
        const char* v = PQgetvalue(r.get(), i, c);
        const int len = PQgetlength(r.get(), i, c);
        if (PQftype(r.get(), c) == kByteaOid && len >= 2 && v[0] == '\\' && v[1] == 'x') {
          std::string bytes;
          bytes.reserve(static_cast<std::size_t>(len / 2));
          for (int k = 2; k + 1 < len; k += 2)
            bytes += static_cast<char>(hexval(v[k]) * 16 + hexval(v[k + 1]));
          row.cols.emplace_back(std::move(bytes));
        } else {
          row.cols.emplace_back(std::string(v, static_cast<std::size_t>(len)));
        }
      }
      rows.push_back(std::move(row));
    }
    return rows;
  }

  Result<long long> exec(std::string_view sql, const Params& params = {}) override {
    KYSO_ASSIGN_OR_RETURN(PgResult r, run(sql, params));
    const char* n = PQcmdTuples(r.get());
    return n && *n ? std::atoll(n) : 0LL;
  }

  Status script(std::string_view sql) override {
    std::string s(sql);
    PgResult r(PQexec(m_conn.get(), s.c_str()));
    const auto st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
    if (st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) return err(r.get(), "PQexec");
    return {};
  }

  Status begin() override { return script("BEGIN"); }
  Status commit() override { return script("COMMIT"); }
  void rollback() noexcept override {
    if (PQtransactionStatus(m_conn.get()) != PQTRANS_IDLE)
      PgResult r(PQexec(m_conn.get(), "ROLLBACK"));
  }

  std::string who() override {
    auto r = query("SELECT session_user");  // what the audit triggers record
    // Row::text lives in db.cpp, outside this module (pg_module.h).
    return r.ok() && !r->empty() && !(*r)[0].isNull(0) ? *(*r)[0].cols[0] : std::string("?");
  }

 private:
  std::unique_ptr<PGconn, ConnDeleter> m_conn;
  std::string m_url;
};

}  // namespace

Result<std::unique_ptr<Db>> openPostgres(const std::string& url) {
  PGconn* c = PQconnectdb(url.c_str());
  std::unique_ptr<PGconn, ConnDeleter> guard(c);
  if (!c || PQstatus(c) != CONNECTION_OK) {
    std::string msg = c ? PQerrorMessage(c) : "out of memory";
    while (!msg.empty() && msg.back() == '\n') msg.pop_back();
    return Error::raw(Domain::Postgres, 0, "PQconnectdb", redact(url) + ": " + msg,
                      Errc::DbOpenFailed);
  }
  PQsetClientEncoding(c, "UTF8");
  auto db = std::make_unique<PgDb>(guard.release(), url);
  KYSO_TRY(db->script("SET client_min_messages=warning"));
  return std::unique_ptr<Db>(std::move(db));
}

}  // namespace kyso::inventory
