// Import: decode, parse, check the header, validate every row against the database and the other
// rows, and only then write. Units and people are looked up once into maps, so 5,000 rows cost
// a few queries plus the inserts.
#include "src/inventory/transfer.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "core/text_fold.h"
#include "src/inventory/csv.h"
#include "src/inventory/sql_rows.h"
#include "src/inventory/state_names.h"

namespace kyso::inventory {
namespace {

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

}  // namespace

const std::vector<std::string>& tokenCsvColumns() {
  static const std::vector<std::string> k = {"serial",      "manufacturer", "model", "provider",
                                             "module",      "state",        "unit",  "holder",
                                             "received_on", "issued_on"};
  return k;
}

namespace {

// The headers an office sheet gives the columns, in Vietnamese (compared after
// foldForMatching, so "SỐ SERIAL" and "Số serial" are the same), beside the English names.
// "STT" (the row number) and "Ghi chú" (notes) are read and left out.
struct HeaderAlias {
  const char* header;
  const char* column;  // nullptr: a column that is left out
};
constexpr HeaderAlias kVietnameseHeaders[] = {
    {"stt", nullptr},
    {"ghi chú", nullptr},
    {"số serial", "serial"},
    {"số sê-ri", "serial"},
    {"số seri", "serial"},
    {"serial token", "serial"},
    {"hãng sản xuất", "manufacturer"},
    {"hãng", "manufacturer"},
    {"nhà sản xuất", "manufacturer"},
    {"loại token", "model"},
    {"mẫu", "model"},
    {"nhà cung cấp", "provider"},
    {"nhà cung cấp dịch vụ", "provider"},
    {"trạng thái", "state"},
    {"tình trạng", "state"},
    {"đơn vị", "unit"},
    {"người giữ", "holder"},
    {"người sử dụng", "holder"},
    {"người quản lý", "holder"},
    {"họ và tên", "holder"},
    {"họ tên", "holder"},
    {"ngày nhận", "received_on"},
    {"ngày nhập kho", "received_on"},
    {"ngày cấp", "issued_on"},
    {"ngày bàn giao", "issued_on"},
};

// The column a header names: "" when it is a column that is left out, nullopt when unknown.
std::optional<std::string> columnOf(const std::string& header) {
  const std::string folded = foldForMatching(header);
  const auto& known = tokenCsvColumns();
  if (std::find(known.begin(), known.end(), folded) != known.end()) return folded;
  for (const HeaderAlias& a : kVietnameseHeaders)
    if (folded == a.header) return std::string(a.column ? a.column : "");
  return std::nullopt;
}

// The columns' names, then the office sheets' Vietnamese headers: a Detail's last two values.
std::string expectedColumns() {
  std::string out;
  for (const auto& c : tokenCsvColumns()) out += (out.empty() ? "" : ", ") + c;
  return detailArgs({out,
                     "Số serial, Hãng sản xuất, Loại token, Nhà cung cấp, Trạng thái, Đơn vị, "
                     "Người giữ, Ngày nhận, Ngày cấp"});
}

// The header: known names only, each once, the required ones present. Column name -> index.
Result<std::map<std::string, std::size_t>> readHeader(const CsvRecord& header) {
  std::map<std::string, std::size_t> col;
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const auto name = columnOf(header.fields[i]);
    if (!name)
      return Error::kyso(Errc::CsvInvalid, "import-csv",
                         detailArgs({header.fields[i], expectedColumns()}))
          .because(Detail::CsvUnknownColumn);
    if (name->empty()) continue;
    if (!col.emplace(*name, i).second)
      return Error::kyso(Errc::CsvInvalid, "import-csv", *name).because(Detail::CsvColumnTwice);
  }
  for (const char* req : {"serial", "manufacturer"})
    if (!col.count(req))
      return Error::kyso(Errc::CsvInvalid, "import-csv", detailArgs({req, expectedColumns()}))
          .because(Detail::CsvMissingColumn);
  return col;
}

// What a row may name, read once: units and people by name, the serials already recorded.
struct Known {
  std::map<std::string, long long> unitByName;
  std::multimap<std::string, std::pair<long long, long long>> personByName;  // -> (id, unit)
  std::set<std::string> serials;
};

Result<Known> readKnown(Db& db) {
  Known k;
  KYSO_ASSIGN_OR_RETURN(Rows ur, db.query("SELECT id, name FROM units"));
  for (const Row& r : ur) k.unitByName[r.text(1)] = r.integer(0);
  KYSO_ASSIGN_OR_RETURN(Rows pr, db.query("SELECT id, full_name, unit_id FROM people"));
  for (const Row& r : pr)
    k.personByName.emplace(r.text(1), std::make_pair(r.integer(0), r.integer(2)));
  KYSO_ASSIGN_OR_RETURN(Rows sr, db.query("SELECT serial FROM tokens"));
  for (const Row& r : sr) k.serials.insert(r.text(0));
  return k;
}

// The units and people createMissing adds, in the order the sheet names them, each once.
struct Pending {
  std::vector<std::string> units;
  std::vector<CreatedPerson> people;
  void unit(const std::string& name) {
    if (std::find(units.begin(), units.end(), name) == units.end()) units.push_back(name);
  }
  void person(const std::string& name, const std::string& unitName) {
    for (const auto& p : people)
      if (p.name == name && p.unit == unitName) return;
    people.push_back({name, unitName});
  }
};

std::optional<RejectedRow> problem(RowProblem what, std::string value = {},
                                   std::string other = {}) {
  return RejectedRow{0, what, std::move(value), std::move(other)};
}

// The holder named by a row (within its unit when it names one), or why not. With createMissing a
// holder unknown in the row's unit is to be added there.
std::optional<RejectedRow> resolveHolder(const Known& k, const std::string& holderName,
                                         bool createMissing, Pending& pending, Token& t) {
  if (!t.unitId && !t.unitName.empty()) {  // the unit is new, so is everyone in it
    pending.person(holderName, t.unitName);
    t.holderName = holderName;
    return std::nullopt;
  }
  auto [b, e] = k.personByName.equal_range(holderName);
  std::vector<std::pair<long long, long long>> match;
  for (auto it = b; it != e; ++it)
    if (!t.unitId || it->second.second == *t.unitId) match.push_back(it->second);
  if (match.size() > 1) return problem(RowProblem::SeveralPeople, holderName);
  if (match.size() == 1) {
    t.holderId = match[0].first;
    t.unitId = match[0].second;
    return std::nullopt;
  }
  if (!createMissing)
    return problem(t.unitId ? RowProblem::UnknownPersonInUnit : RowProblem::UnknownPerson,
                   holderName);
  if (!t.unitId) return problem(RowProblem::NewPersonNeedsUnit, holderName);
  pending.person(holderName, t.unitName);
  t.holderName = holderName;
  return std::nullopt;
}

// One data row as a token, or why it is rejected.
std::optional<RejectedRow> readTokenRow(const std::function<std::string(const char*)>& get,
                                        const Known& k, const std::map<std::string, long>& seen,
                                        bool createMissing, Pending& pending, Token& t) {
  t.serial = get("serial");
  t.manufacturer = get("manufacturer");
  t.model = get("model");
  t.provider = get("provider");
  t.module = get("module");
  if (t.serial.empty()) return problem(RowProblem::SerialEmpty);
  if (k.serials.count(t.serial)) return problem(RowProblem::SerialKnown, t.serial);
  if (auto s = seen.find(t.serial); s != seen.end())
    return problem(RowProblem::SerialRepeated, t.serial, std::to_string(s->second));
  if (t.manufacturer.empty()) return problem(RowProblem::ManufacturerEmpty);
  if (const std::string unitName = get("unit"); !unitName.empty()) {
    t.unitName = unitName;
    if (auto u = k.unitByName.find(unitName); u != k.unitByName.end())
      t.unitId = u->second;
    else if (createMissing)
      pending.unit(unitName);
    else
      return problem(RowProblem::UnknownUnit, unitName);
  }
  if (const std::string holderName = get("holder"); !holderName.empty())
    if (auto why = resolveHolder(k, holderName, createMissing, pending, t)) return why;
  const bool hasHolder = t.holderId || !t.holderName.empty();
  // A state by its code or its name, English or Vietnamese ("Đang sử dụng").
  const std::string state = get("state");
  const auto named = stateFromText(Subject::Token, state);
  if (!state.empty() && !named)
    return problem(RowProblem::UnknownState, state, statesList(Subject::Token));
  t.state = state.empty() ? (hasHolder ? "active" : "in_stock") : *named;
  if (hasHolder && t.state == "in_stock") return problem(RowProblem::HolderInStock);
  for (auto [name, dest] :
       {std::pair{"received_on", &t.receivedOn}, std::pair{"issued_on", &t.issuedOn}}) {
    const std::string v = get(name);
    if (v.empty()) continue;
    auto d = normalizeDate(v);
    if (!d) return problem(RowProblem::NotADate, name, v);
    *dest = *d;
  }
  return std::nullopt;
}

// An event row of the import: what was created or imported, in which state and unit.
struct ImportEvent {
  std::string entity;
  long long id = 0;
  std::string kind, toState;
  std::optional<long long> unitId;
};

// The units, then the people the sheet names that are new (createMissing), with their audit
// entries and events; the tokens' unit and holder ids are filled in from them.
Status insertPending(Inventory& inv, const Pending& pending, std::vector<Token>& rows,
                     std::vector<AuditChange>& changes, std::vector<ImportEvent>& events) {
  Db& db = inv.db();
  std::map<std::string, long long> unitId;
  for (const std::string& name : pending.units) {
    KYSO_ASSIGN_OR_RETURN(
        Rows r, db.query("INSERT INTO units (name, kind) VALUES (?, 'unit') RETURNING id", {name}));
    KYSO_ASSIGN_OR_RETURN(Unit u, inv.unit(std::to_string(r.at(0).integer(0))));
    unitId[name] = u.id;
    changes.push_back({"unit", u.id, "create", "", toJson(u).dump()});
    events.push_back({"unit", u.id, "created", "", u.id});
  }
  for (Token& t : rows)
    if (!t.unitId && !t.unitName.empty()) t.unitId = unitId.at(t.unitName);
  std::map<std::pair<std::string, long long>, long long> personId;
  for (const CreatedPerson& cp : pending.people) {
    long long uid = 0;
    if (auto it = unitId.find(cp.unit); it != unitId.end()) {
      uid = it->second;
    } else {
      KYSO_ASSIGN_OR_RETURN(Unit u, inv.unit(cp.unit));
      uid = u.id;
    }
    KYSO_ASSIGN_OR_RETURN(Rows r, db.query("INSERT INTO people (full_name, position, unit_id, "
                                           "email, phone) VALUES (?, '', ?, '', '') RETURNING id",
                                           {cp.name, uid}));
    KYSO_ASSIGN_OR_RETURN(Person p, inv.person(std::to_string(r.at(0).integer(0))));
    personId[{cp.name, uid}] = p.id;
    changes.push_back({"person", p.id, "create", "", toJson(p).dump()});
    events.push_back({"person", p.id, "created", "", uid});
  }
  for (Token& t : rows)
    if (!t.holderId && !t.holderName.empty()) t.holderId = personId.at({t.holderName, *t.unitId});
  return {};
}

// Bulk statements in one transaction: the new units and people, the tokens, then their ids by
// serial, then the events and audit entries.
Status insertImported(Inventory& inv, const Pending& pending, std::vector<Token>& rows) {
  Db& db = inv.db();
  KYSO_ASSIGN_OR_RETURN(Transaction tx, Transaction::begin(db));
  std::vector<AuditChange> changes;
  std::vector<ImportEvent> events;
  KYSO_TRY(insertPending(inv, pending, rows, changes, events));
  KYSO_TRY(insertRows(db,
                      "INSERT INTO tokens (serial, manufacturer, model, provider, module, state, "
                      "holder_id, unit_id, received_on, issued_on)",
                      10, rows.size(), [&](std::size_t i, Params& p) {
                        const Token& t = rows[i];
                        p.emplace_back(t.serial);
                        p.emplace_back(t.manufacturer);
                        p.emplace_back(t.model);
                        p.emplace_back(t.provider);
                        p.emplace_back(t.module);
                        p.emplace_back(t.state);
                        p.push_back(sql::id(t.holderId));
                        p.push_back(sql::id(t.unitId));
                        p.push_back(sql::text(t.receivedOn));
                        p.push_back(sql::text(t.issuedOn));
                      }));
  std::map<std::string, long long> idBySerial;
  KYSO_ASSIGN_OR_RETURN(Rows ids, db.query("SELECT serial, id FROM tokens"));
  for (const Row& r : ids) idBySerial[r.text(0)] = r.integer(1);
  changes.reserve(changes.size() + rows.size());
  for (Token& t : rows) {
    t.id = idBySerial[t.serial];
    t.version = 1;
    changes.push_back({"token", t.id, "import", "", toJson(t).dump()});
    events.push_back({"token", t.id, "imported", t.state, t.unitId});
  }
  const std::string at = inv.now();
  KYSO_TRY(insertRows(db,
                      "INSERT INTO events (entity, entity_id, kind, from_state, to_state, who, at, "
                      "note, unit_id)",
                      9, events.size(), [&](std::size_t i, Params& p) {
                        const ImportEvent& e = events[i];
                        p.emplace_back(e.entity);
                        p.emplace_back(e.id);
                        p.emplace_back(e.kind);
                        p.emplace_back(nullptr);
                        p.push_back(sql::text(e.toState));
                        p.emplace_back(inv.who());
                        p.emplace_back(at);
                        p.emplace_back(std::string());
                        p.push_back(sql::id(e.unitId));
                      }));
  KYSO_TRY(appendAuditBatch(db, at, inv.who(), changes));
  return tx.commit();
}

}  // namespace

Result<ImportReport> importTokensCsv(Inventory& inv, std::string_view bytes,
                                     const ImportOptions& options) {
  ImportReport rep;
  KYSO_ASSIGN_OR_RETURN(std::string text, decodeSpreadsheetText(bytes, &rep.encoding));
  KYSO_ASSIGN_OR_RETURN(std::vector<CsvRecord> recs, parseCsv(text));
  if (recs.empty()) return Error::kyso(Errc::CsvInvalid, "import-csv").because(Detail::CsvEmpty);
  KYSO_ASSIGN_OR_RETURN(auto col, readHeader(recs[0]));
  KYSO_ASSIGN_OR_RETURN(Known known, readKnown(inv.db()));
  std::vector<Token> rows;
  std::map<std::string, long> seen;  // serial -> line
  Pending pending;
  for (std::size_t i = 1; i < recs.size(); ++i) {
    const CsvRecord& rec = recs[i];
    ++rep.rows;
    if (rec.fields.size() != recs[0].fields.size()) {
      rep.rejected.push_back({rec.line, RowProblem::FieldCount,
                              std::to_string(recs[0].fields.size()),
                              std::to_string(rec.fields.size())});
      continue;
    }
    auto get = [&](const char* name) {
      auto it = col.find(name);
      return it == col.end() ? std::string() : trim(rec.fields[it->second]);
    };
    Token t;
    if (auto why = readTokenRow(get, known, seen, options.createMissing, pending, t)) {
      why->line = rec.line;
      rep.rejected.push_back(std::move(*why));
      continue;
    }
    seen.emplace(t.serial, rec.line);
    rows.push_back(std::move(t));
  }
  if (!rep.rejected.empty()) return rep;
  KYSO_TRY(insertImported(inv, pending, rows));
  rep.imported = static_cast<long>(rows.size());
  rep.createdUnits = pending.units;
  rep.createdPeople = pending.people;
  return rep;
}

Result<std::string> exportTokensCsv(Inventory& inv) {
  KYSO_ASSIGN_OR_RETURN(std::vector<Token> all, inv.tokens());
  std::string out = "\xef\xbb\xbf" + csvLine(tokenCsvColumns());
  for (const Token& t : all) {
    out += csvLine({t.serial, t.manufacturer, t.model, t.provider, t.module, t.state, t.unitName,
                    t.holderName, t.receivedOn, t.issuedOn});
  }
  return out;
}

}  // namespace kyso::inventory
