// Report queries and renderings.
#include "src/inventory/report.h"

#include "core/html_text.h"
#include "src/inventory/csv.h"

namespace kyso::inventory {
namespace {

constexpr const char* kNoUnit = "(no unit)";

std::vector<std::string> header(const InventoryReport& r) {
  std::vector<std::string> h = {"unit"};
  for (auto s : states(Subject::Token)) h.push_back("token_" + std::string(s));
  for (auto s : states(Subject::Certificate)) h.push_back("cert_" + std::string(s));
  h.push_back("demand_" + std::to_string(r.nextYear));
  return h;
}

std::vector<std::string> cells(const UnitCounts& u) {
  std::vector<std::string> c = {u.unit};
  for (auto s : states(Subject::Token)) {
    auto it = u.tokens.find(std::string(s));
    c.push_back(std::to_string(it == u.tokens.end() ? 0 : it->second));
  }
  for (auto s : states(Subject::Certificate)) {
    auto it = u.certs.find(std::string(s));
    c.push_back(std::to_string(it == u.certs.end() ? 0 : it->second));
  }
  c.push_back(std::to_string(u.demandNextYear));
  return c;
}

}  // namespace

Result<InventoryReport> buildReport(Inventory& inv) {
  InventoryReport rep;
  rep.date = inv.today();
  rep.nextYear = std::stoi(rep.date.substr(0, 4)) + 1;
  rep.province.unit = "province";
  std::map<long long, std::size_t> index;  // unit id -> position; -1 for no unit
  KYSO_ASSIGN_OR_RETURN(Rows units, inv.db().query("SELECT id, name FROM units ORDER BY id"));
  for (const Row& r : units) {
    index[r.integer(0)] = rep.units.size();
    rep.units.push_back(UnitCounts{r.text(1), {}, {}, 0});
  }
  auto slot = [&](const Row& r) -> UnitCounts& {
    const long long id = r.isNull(0) ? -1 : r.integer(0);
    auto it = index.find(id);
    if (it == index.end()) {
      it = index.emplace(id, rep.units.size()).first;
      rep.units.push_back(UnitCounts{kNoUnit, {}, {}, 0});
    }
    return rep.units[it->second];
  };
  KYSO_ASSIGN_OR_RETURN(
      Rows tk,
      inv.db().query(
          "SELECT unit_id, state, count(*) FROM tokens GROUP BY unit_id, state ORDER BY unit_id"));
  for (const Row& r : tk) {
    slot(r).tokens[r.text(1)] += r.integer(2);
    rep.province.tokens[r.text(1)] += r.integer(2);
  }
  KYSO_ASSIGN_OR_RETURN(Rows cs, inv.db().query("SELECT unit_id, state, count(*) FROM certificates "
                                                "GROUP BY unit_id, state ORDER BY unit_id"));
  for (const Row& r : cs) {
    slot(r).certs[r.text(1)] += r.integer(2);
    rep.province.certs[r.text(1)] += r.integer(2);
  }
  const std::string y = std::to_string(rep.nextYear);
  KYSO_ASSIGN_OR_RETURN(Rows dm, inv.db().query("SELECT unit_id, count(*) FROM certificates WHERE "
                                                "state IN ('valid', 'renewal_requested', "
                                                "'change_requested') AND not_after >= ? AND "
                                                "not_after <= ? GROUP BY unit_id ORDER BY unit_id",
                                                {y + "-01-01", y + "-12-31"}));
  for (const Row& r : dm) {
    slot(r).demandNextYear += r.integer(1);
    rep.province.demandNextYear += r.integer(1);
  }
  KYSO_ASSIGN_OR_RETURN(rep.warnings, inv.warnings());
  return rep;
}

Json reportJson(const InventoryReport& r) {
  auto one = [](const UnitCounts& u, int year) {
    Json j = Json::object();
    j.set("unit", u.unit);
    Json t = Json::object(), c = Json::object();
    for (const auto& [k, v] : u.tokens) t.set(k, v);
    for (const auto& [k, v] : u.certs) c.set(k, v);
    j.set("tokens", std::move(t)).set("certificates", std::move(c));
    j.set("demand_year", year).set("demand", u.demandNextYear);
    return j;
  };
  Json j = Json::object();
  j.set("date", r.date).set("next_year", r.nextYear);
  Json arr = Json::array();
  for (const auto& u : r.units) arr.push(one(u, r.nextYear));
  j.set("units", std::move(arr)).set("province", one(r.province, r.nextYear));
  Json warnings = Json::array();
  for (const Warning& w : r.warnings) warnings.push(toJson(w));
  j.set("warnings", std::move(warnings));
  return j;
}

std::string reportCsv(const InventoryReport& r) {
  std::string out = "\xef\xbb\xbf" + csvLine(header(r));
  for (const auto& u : r.units) out += csvLine(cells(u));
  out += csvLine(cells(r.province));
  return out;
}

std::string reportHtml(const InventoryReport& r) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>kyso inventory "
      "report " +
      htmlEscape(r.date) +
      "</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
      "td{text-align:right}td:first-child{text-align:left}tr.total{font-weight:bold}"
      "table.warnings td{text-align:left}tr.urgent{color:#b00;font-weight:bold}</style></"
      "head>\n"
      "<body><h1>Tokens and certificates as of " +
      htmlEscape(r.date) + "</h1>\n<table>\n<tr>";
  for (const auto& h : header(r)) out += "<th>" + htmlEscape(h) + "</th>";
  out += "</tr>\n";
  auto row = [&](const UnitCounts& u, bool total) {
    out += total ? "<tr class=\"total\">" : "<tr>";
    for (const auto& c : cells(u)) out += "<td>" + htmlEscape(c) + "</td>";
    out += "</tr>\n";
  };
  for (const auto& u : r.units) row(u, false);
  row(r.province, true);
  out += "</table>\n<p>demand_" + std::to_string(r.nextYear) +
         ": certificates in use whose validity ends in " + std::to_string(r.nextYear) + ".</p>\n";
  out += "<h2>Needs attention</h2>\n";
  if (r.warnings.empty())
    out += "<p>(none)</p>\n";
  else
    out += "<table class=\"warnings\">\n<tr><th>warning</th><th>what</th><th>detail</th></tr>\n";
  for (const Warning& w : r.warnings)
    out += std::string(w.kind == "lost_token_cert_valid" ? "<tr class=\"urgent\">" : "<tr>") +
           "<td>" + htmlEscape(w.kind) + "</td><td>" + htmlEscape(w.subject) + "</td><td>" +
           htmlEscape(w.detail) + "</td></tr>\n";
  if (!r.warnings.empty()) out += "</table>\n";
  out += "</body></html>\n";
  return out;
}

}  // namespace kyso::inventory
