// The report to the Department: per unit and for the whole province, tokens and certificates
// counted by state, and next year's demand (certificates in use whose validity ends next calendar
// year, i.e. renewals or new issues to budget for), and what needs attention. Rendered as JSON,
// CSV or HTML.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/json.h"
#include "src/inventory/inventory.h"

namespace kyso::inventory {

/// Counts for one unit (or the province, or tokens with no unit).
struct UnitCounts {
  std::string unit;
  std::map<std::string, long> tokens;  // state -> count
  std::map<std::string, long> certs;   // state -> count
  long demandNextYear = 0;
};

struct InventoryReport {
  std::string date;  // as of (today by the clock)
  int nextYear = 0;
  std::vector<UnitCounts> units;  // in unit id order; "(no unit)" last when present
  UnitCounts province;
  /// What needs attention (Inventory::warnings): a lost token with a valid certificate first.
  std::vector<Warning> warnings;
};

/// Builds the report with a few GROUP BY queries. Blocks on the database.
Result<InventoryReport> buildReport(Inventory& inv);
Json reportJson(const InventoryReport& r);
/// One row per unit plus the province: unit, token_<state>..., cert_<state>..., demand_<year>.
std::string reportCsv(const InventoryReport& r);
/// A standalone HTML page (UTF-8, escaped) with the same table, then the warnings (JSON has them
/// too; CSV is the table alone).
std::string reportHtml(const InventoryReport& r);

}  // namespace kyso::inventory
