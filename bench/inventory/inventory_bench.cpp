// Inventory at province scale (issue 8): generates 40 units, 3,000 people, 5,000 tokens, 10,000
// certificates and 200,000 events, then times list-with-filter and expiring (target < 100 ms),
// the report (< 2 s) and import-csv of 5,000 rows (< 5 s), on SQLite and on PostgreSQL.
//
//   inventory_bench [--pg URL | --no-pg] [--dir DIR]
// Without --pg it starts a throwaway PostgreSQL server with tests/inventory/pg-fixture.sh on port
// KYSO_BENCH_PG_PORT (default 36000 + pid % 1000) and stops it at the end.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "src/inventory/inventory.h"
#include "src/inventory/report.h"
#include "src/inventory/transfer.h"

namespace {

using namespace kyso;
using namespace kyso::inventory;
namespace fs = std::filesystem;
using Clock_ = std::chrono::steady_clock;

constexpr int kUnits = 40, kPeople = 3000, kTokens = 5000, kCerts = 10000, kEvents = 200000;

double ms(Clock_::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

Status generate(Inventory& inv) {
  Db& db = inv.db();
  std::mt19937 rng(42);
  const long today = *parseDate(inv.today());
  static const char* tokenStates[] = {"active", "active",  "active",   "active",
                                      "active", "active",  "in_stock", "pin_locked",
                                      "lost",   "damaged", "returned", "suspended"};
  static const char* certStates[] = {"valid",
                                     "valid",
                                     "valid",
                                     "valid",
                                     "valid",
                                     "valid",
                                     "renewal_requested",
                                     "revoked",
                                     "expired",
                                     "revocation_requested"};
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  KYSO_TRY(insertRows(db, "INSERT INTO units (id, name, parent_id, kind)", 4, kUnits,
                      [&](std::size_t i, Params& p) {
                        p.emplace_back(static_cast<long long>(i + 1));
                        p.emplace_back(i == 0 ? std::string("Sở Y tế")
                                              : "Trung tâm Y tế số " + std::to_string(i));
                        p.emplace_back(i == 0 ? Value(nullptr) : Value(1LL));
                        p.emplace_back(std::string(i == 0 ? "department" : "district"));
                      }));
  KYSO_TRY(insertRows(db, "INSERT INTO people (id, full_name, position, unit_id)", 4, kPeople,
                      [&](std::size_t i, Params& p) {
                        p.emplace_back(static_cast<long long>(i + 1));
                        p.emplace_back("Nguyễn Văn Người " + std::to_string(i + 1));
                        p.emplace_back(std::string("Chuyên viên"));
                        p.emplace_back(static_cast<long long>(i % kUnits + 1));
                      }));
  KYSO_TRY(insertRows(
      db, "INSERT INTO tokens (id, serial, manufacturer, model, state, holder_id, unit_id)", 7,
      kTokens, [&](std::size_t i, Params& p) {
        const std::string st = tokenStates[rng() % std::size(tokenStates)];
        const long long person = static_cast<long long>(i % kPeople + 1);
        p.emplace_back(static_cast<long long>(i + 1));
        p.emplace_back("TK" + std::to_string(100000 + i));
        p.emplace_back(std::string(i % 3 ? "Bit4id" : "SafeNet"));
        p.emplace_back(std::string(i % 3 ? "miniLector EVO" : "eToken 5110"));
        p.emplace_back(st);
        p.emplace_back(st == "in_stock" || st == "returned" ? Value(nullptr) : Value(person));
        p.emplace_back(static_cast<long long>((person - 1) % kUnits + 1));
      }));
  KYSO_TRY(insertRows(db,
                      "INSERT INTO certificates (id, serial, issuer, subject, not_before, "
                      "not_after, sha256, token_id, holder_id, unit_id, state)",
                      11, kCerts, [&](std::size_t i, Params& p) {
                        const long long tok = static_cast<long long>(i % kTokens + 1);
                        const long long person = (tok - 1) % kPeople + 1;
                        const long end = today - 365 + static_cast<long>(rng() % (365 * 4));
                        p.emplace_back(static_cast<long long>(i + 1));
                        p.emplace_back(std::to_string(0x5400000 + i));
                        p.emplace_back(std::string(
                            "CN=CA phục vụ các cơ quan Nhà nước,O=Ban Cơ yếu Chính phủ,C=VN"));
                        p.emplace_back("CN=Nguyễn Văn Người " + std::to_string(person) + ",C=VN");
                        p.emplace_back(formatDate(end - 3 * 365));
                        p.emplace_back(formatDate(end));
                        p.emplace_back(sha256Hex("bench" + std::to_string(i)));
                        p.emplace_back(tok);
                        p.emplace_back(person);
                        p.emplace_back((person - 1) % kUnits + 1);
                        p.emplace_back(std::string(certStates[rng() % std::size(certStates)]));
                      }));
  KYSO_TRY(insertRows(
      db,
      "INSERT INTO events (entity, entity_id, kind, from_state, to_state, doc_number, doc_date, "
      "who, at, note, unit_id)",
      11, kEvents, [&](std::size_t i, Params& p) {
        const bool tok = i % 2 == 0;
        const long long id = static_cast<long long>(rng() % (tok ? kTokens : kCerts) + 1);
        p.emplace_back(std::string(tok ? "token" : "certificate"));
        p.emplace_back(id);
        p.emplace_back(std::string(tok ? "hand_over" : "renew"));
        p.emplace_back(std::string(tok ? "active" : "renewal_requested"));
        p.emplace_back(std::string(tok ? "active" : "valid"));
        p.emplace_back(std::to_string(i % 900 + 1) + "/SYT-VP");
        p.emplace_back(formatDate(today - static_cast<long>(i % 1500)));
        p.emplace_back(std::string("bench"));
        p.emplace_back(formatDate(today - static_cast<long>(i % 1500)) + "T08:00:00Z");
        p.emplace_back(std::string(""));
        p.emplace_back(static_cast<long long>(id % kUnits + 1));
      }));
  if (db.dialect() == Db::Dialect::Postgres) {
    for (const char* t : {"units", "people", "tokens", "certificates", "events"})
      KYSO_TRY(db.query(std::string("SELECT setval(pg_get_serial_sequence('") + t +
                        "', 'id'), (SELECT max(id) FROM " + t + "))"));
  }
  KYSO_TRY(tx.commit());
  KYSO_TRY(db.script("ANALYZE"));
  return {};
}

template <class F>
double medianMs(int runs, F&& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto s = Clock_::now();
    f();
    t.push_back(ms(Clock_::now() - s));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

void verdict(const char* what, double v, double limit) {
  std::printf("  %-34s %9.1f ms   (target < %.0f ms) %s\n", what, v, limit,
              v < limit ? "ok" : "OVER");
}

int benchOne(const std::string& name, const std::string& loc) {
  SystemClock clock;
  auto inv = Inventory::open(loc, clock);
  if (!inv.ok()) {
    std::fprintf(stderr, "%s: cannot open: %s\n", name.c_str(), inv.error().technical().c_str());
    return 1;
  }
  auto t0 = Clock_::now();
  auto st = generate(*inv);
  if (!st.ok()) {
    std::fprintf(stderr, "%s: generate: %s\n", name.c_str(), st.error().technical().c_str());
    return 1;
  }
  std::printf(
      "%s: generated %d units, %d people, %d tokens, %d certificates, %d events in %.1f s\n",
      name.c_str(), kUnits, kPeople, kTokens, kCerts, kEvents, ms(Clock_::now() - t0) / 1000);
  std::size_t n = 0;
  TokenFilter f;
  f.state = "active";
  f.unitId = 7;
  verdict("token list --state active --unit U", medianMs(15, [&] { n = inv->tokens(f)->size(); }),
          100);
  std::printf("    (%zu tokens listed)\n", n);
  TokenFilter g;
  g.manufacturer = "SafeNet";
  g.search = "TK1012";
  verdict("token list --manufacturer --search", medianMs(15, [&] { n = inv->tokens(g)->size(); }),
          100);
  verdict("expiring --days 30", medianMs(15, [&] { n = inv->expiring(30)->size(); }), 100);
  std::printf("    (%zu certificates expiring)\n", n);
  verdict("warnings", medianMs(5, [&] { n = inv->warnings()->size(); }), 1000);
  std::printf("    (%zu warnings)\n", n);
  verdict("report (all units + province)", medianMs(5, [&] { (void)buildReport(*inv); }), 2000);
  verdict("history token",
          medianMs(15, [&] { n = inv->history(Subject::Token, "TK100007")->size(); }), 100);

  std::string csv = "serial,manufacturer,model,unit,holder,state,received_on\r\n";
  for (int i = 0; i < 5000; ++i) {
    const int person = i % kPeople + 1, unit = (person - 1) % kUnits;
    csv += "IMP" + std::to_string(i) + ",Bit4id,miniLector EVO," +
           (unit == 0 ? std::string("Sở Y tế") : "Trung tâm Y tế số " + std::to_string(unit)) +
           ",Nguyễn Văn Người " + std::to_string(person) + ",active,05/03/2025\r\n";
  }
  auto s = Clock_::now();
  auto r = importTokensCsv(*inv, csv);
  const double imp = ms(Clock_::now() - s);
  if (!r.ok() || !r->rejected.empty()) {
    std::fprintf(
        stderr, "%s: import failed: %s\n", name.c_str(),
        r.ok() ? rowProblemText(r->rejected[0], Lang::En).c_str() : r.error().technical().c_str());
    return 1;
  }
  verdict("import-csv 5,000 rows", imp, 5000);
  s = Clock_::now();
  auto audit = inv->verifyAudit();
  std::printf("  %-34s %9.1f ms   (%lld entries, %s)\n", "audit-verify", ms(Clock_::now() - s),
              audit.ok() ? audit->entries : -1LL, audit.ok() && audit->ok() ? "intact" : "BROKEN");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string pg, dirArg;
  bool noPg = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--pg" && i + 1 < argc)
      pg = argv[++i];
    else if (a == "--no-pg")
      noPg = true;
    else if (a == "--dir" && i + 1 < argc)
      dirArg = argv[++i];
    else {
      std::fprintf(stderr, "usage: inventory_bench [--pg URL | --no-pg] [--dir DIR]\n");
      return 64;
    }
  }
  const fs::path dir =
      dirArg.empty() ? fs::temp_directory_path() / ("kyso-inv-bench-" + std::to_string(getpid()))
                     : fs::path(dirArg);
  fs::create_directories(dir);
  int rc = benchOne("SQLite", (dir / "bench.sqlite").string());

  std::string fixtureDir, port;
  if (!noPg && pg.empty()) {
    const char* envPort = std::getenv("KYSO_BENCH_PG_PORT");
    port = envPort ? envPort : std::to_string(36000 + getpid() % 1000);
    fixtureDir = "/tmp/kyso-inv-bench-pg-" + port;
    const std::string cmd = std::string("bash ") + KYSO_SOURCE_DIR +
                            "/tests/inventory/pg-fixture.sh start " + fixtureDir + " " + port;
    if (std::system(cmd.c_str()) == 0) pg = "postgresql://postgres@127.0.0.1:" + port + "/postgres";
  }
  if (!pg.empty()) {
    rc |= benchOne("PostgreSQL", pg);
  } else if (!noPg) {
    std::printf("PostgreSQL: not measured (no server; give --pg URL)\n");
  }
  if (!fixtureDir.empty()) {
    const std::string cmd = std::string("bash ") + KYSO_SOURCE_DIR +
                            "/tests/inventory/pg-fixture.sh stop " + fixtureDir + " " + port;
    rc |= std::system(cmd.c_str()) == 0 ? 0 : 1;
  }
  std::error_code ec;
  if (dirArg.empty()) fs::remove_all(dir, ec);
  return rc;
}
