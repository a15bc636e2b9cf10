// Report queries and renderings.
#include "src/inventory/report.h"

#include "core/html_text.h"
#include "src/inventory/csv.h"
#include "src/inventory/state_names.h"
#include "src/inventory/warning_text.h"

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

namespace {

// One unit's report: its own counts as the only row and as the total, its records, and the
// warnings about them.
Status narrowToUnit(Inventory& inv, const std::string& key, InventoryReport& rep) {
  UnitDetail d;
  KYSO_ASSIGN_OR_RETURN(d.unit, inv.unit(key));
  TokenFilter tf;
  tf.unitId = d.unit.id;
  KYSO_ASSIGN_OR_RETURN(d.tokens, inv.tokens(tf));
  CertFilter cf;
  cf.unitId = d.unit.id;
  KYSO_ASSIGN_OR_RETURN(d.certificates, inv.certificates(cf));
  std::vector<UnitCounts> mine;
  for (UnitCounts& u : rep.units)
    if (u.unit == d.unit.name) mine.push_back(u);
  if (mine.empty()) mine.push_back(UnitCounts{d.unit.name, {}, {}, 0});
  rep.units = mine;
  rep.province = mine.front();
  std::vector<Warning> about;
  for (const Warning& w : rep.warnings) {
    bool ours = false;
    for (const Token& t : d.tokens) ours = ours || w.subject == "token " + t.serial;
    for (const Certificate& c : d.certificates)
      ours = ours || w.subject == "certificate " + c.sha256.substr(0, 16);
    if (ours) about.push_back(w);
  }
  rep.warnings = std::move(about);
  rep.detail = std::move(d);
  return okStatus();
}

}  // namespace

Result<InventoryReport> buildReport(Inventory& inv, const std::optional<std::string>& unitKey) {
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
  if (unitKey) KYSO_TRY(narrowToUnit(inv, *unitKey, rep));
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
  if (r.detail) {
    Json tokens = Json::array(), certs = Json::array();
    for (const Token& t : r.detail->tokens) tokens.push(toJson(t));
    for (const Certificate& c : r.detail->certificates) certs.push(toJson(c));
    j.set("unit_detail", Json::object()
                             .set("unit", toJson(r.detail->unit))
                             .set("tokens", std::move(tokens))
                             .set("certificates", std::move(certs)));
  }
  return j;
}

std::string reportCsv(const InventoryReport& r) {
  std::string out = "\xef\xbb\xbf" + csvLine(header(r));
  for (const auto& u : r.units) out += csvLine(cells(u));
  out += csvLine(cells(r.province));
  return out;
}

std::string reportHtml(const InventoryReport& r, Lang lang) {
  const bool vi = lang == Lang::Vi;
  auto T = [vi](const std::string& en, const std::string& viText) { return vi ? viText : en; };
  const std::string year = std::to_string(r.nextYear);
  // The columns for people: the states by name, in the report's language (CSV and JSON keep the
  // codes, for machines).
  std::vector<std::string> head = {T("Unit", "Đơn vị")};
  for (auto s : states(Subject::Token))
    head.push_back(T("Tokens: ", "Token: ") + stateLabel(Subject::Token, s, lang));
  for (auto s : states(Subject::Certificate))
    head.push_back(T("Certificates: ", "Chứng thư: ") + stateLabel(Subject::Certificate, s, lang));
  head.push_back(T("Renewals in ", "Cần cấp/gia hạn năm ") + year);
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + T("en", "vi") +
      "\"><head><meta charset=\"utf-8\"><title>" +
      T("kyso inventory report ", "Báo cáo token và chứng thư số ") + htmlEscape(r.date) +
      "</title>\n<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}"
      "td{text-align:right}td:first-child{text-align:left}tr.total{font-weight:bold}"
      "table.warnings td{text-align:left}tr.urgent{color:#b00;font-weight:bold}"
      "@page{size:A4 landscape;margin:12mm}@media print{th,td{font-size:8pt}}</style></head>\n"
      "<body><h1>" +
      (r.detail ? T("Tokens and certificates of ", "Token và chứng thư số của ") +
                      htmlEscape(r.detail->unit.name) + T(" as of ", " đến ngày ")
                : T("Tokens and certificates as of ", "Token và chứng thư số đến ngày ")) +
      htmlEscape(r.date) + "</h1>\n";
  if (r.detail)
    out += "<p>" + T("Focal person for cyber security: ", "Đầu mối an toàn thông tin: ") +
           htmlEscape(r.detail->unit.focalPersonName.empty() ? T("(not named)", "(chưa cử)")
                                                             : r.detail->unit.focalPersonName) +
           "</p>\n";
  out += "<table>\n<tr>";
  for (const auto& h : head) out += "<th>" + htmlEscape(h) + "</th>";
  out += "</tr>\n";
  auto row = [&](const UnitCounts& u, bool total) {
    out += total ? "<tr class=\"total\">" : "<tr>";
    std::vector<std::string> c = cells(u);
    if (total) c[0] = r.detail ? T("Total", "Tổng cộng") : T("Whole province", "Toàn tỉnh");
    if (c[0] == kNoUnit) c[0] = T("(no unit)", "(chưa có đơn vị)");
    for (const auto& cell : c) out += "<td>" + htmlEscape(cell) + "</td>";
    out += "</tr>\n";
  };
  for (const auto& u : r.units) row(u, false);
  row(r.province, true);
  out += "</table>\n";
  if (r.detail) {
    auto table = [&](const std::vector<std::string>& cols,
                     const std::vector<std::vector<std::string>>& rows, const std::string& title) {
      out += "<h2>" + title + "</h2>\n";
      if (rows.empty()) {
        out += "<p>" + T("(none)", "(không có)") + "</p>\n";
        return;
      }
      out += "<table class=\"warnings\">\n<tr>";
      for (const auto& c : cols) out += "<th>" + htmlEscape(c) + "</th>";
      out += "</tr>\n";
      for (const auto& cellsOfRow : rows) {
        out += "<tr>";
        for (const auto& c : cellsOfRow) out += "<td>" + htmlEscape(c) + "</td>";
        out += "</tr>\n";
      }
      out += "</table>\n";
    };
    std::vector<std::vector<std::string>> tokens, certs;
    for (const Token& t : r.detail->tokens)
      tokens.push_back({t.serial, t.manufacturer + (t.model.empty() ? "" : " " + t.model),
                        stateLabel(Subject::Token, t.state, lang), t.holderName, t.receivedOn});
    for (const Certificate& c : r.detail->certificates)
      certs.push_back({c.subject, c.holderName, c.notAfter,
                       stateLabel(Subject::Certificate, c.state, lang), c.tokenSerial});
    table({T("Serial", "Số serial"), T("Token", "Thiết bị"), T("State", "Trạng thái"),
           T("Holder", "Người giữ"), T("Received on", "Ngày nhận")},
          tokens, T("Tokens", "Token"));
    table({T("Subject", "Chủ thể"), T("Holder", "Người giữ"), T("Valid until", "Hiệu lực đến"),
           T("State", "Trạng thái"), T("Token", "Thiết bị")},
          certs, T("Certificates", "Chứng thư số"));
  }
  out += "<p>" +
         T("Renewals in " + year + ": certificates in use whose validity ends in " + year + ".",
           "Cần cấp/gia hạn năm " + year + ": chứng thư đang dùng hết hiệu lực trong năm " + year +
               ".") +
         "</p>\n<h2>" + T("Needs attention", "Cần xử lý") + "</h2>\n";
  if (r.warnings.empty())
    out += "<p>" + T("(none)", "(không có)") + "</p>\n";
  else
    out += "<table class=\"warnings\">\n<tr><th>" + T("warning", "cảnh báo") + "</th><th>" +
           T("what", "đối tượng") + "</th><th>" + T("detail", "chi tiết") + "</th></tr>\n";
  for (const Warning& w : r.warnings)
    out += std::string(w.kind == "lost_token_cert_valid" ? "<tr class=\"urgent\">" : "<tr>") +
           "<td>" + htmlEscape(warningLabel(w.kind, lang)) + "</td><td>" +
           htmlEscape(warningSubject(w, lang)) + "</td><td>" + htmlEscape(warningText(w, lang)) +
           "</td></tr>\n";
  if (!r.warnings.empty()) out += "</table>\n";
  out += "</body></html>\n";
  return out;
}

}  // namespace kyso::inventory
