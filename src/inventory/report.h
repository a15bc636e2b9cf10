// The report to the Department: per unit and for the whole province, tokens and certificates
// counted by state, and next year's demand (certificates in use whose validity ends next calendar
// year, i.e. renewals or new issues to budget for), and what needs attention. Rendered as JSON,
// CSV or HTML.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "core/messages.h"
#include "src/inventory/inventory.h"

namespace kyso::inventory {

/// Counts for one unit (or the province, or tokens with no unit).
struct UnitCounts {
  std::string unit;
  std::map<std::string, long> tokens;  // state -> count
  std::map<std::string, long> certs;   // state -> count
  long demandNextYear = 0;
};

/// One unit's own records, for the report a unit sends to the Department (`report --unit`).
struct UnitDetail {
  Unit unit;  // with its focal person for cyber security (focalPersonName; empty: not named)
  std::vector<Token> tokens;
  std::vector<Certificate> certificates;
};

struct InventoryReport {
  std::string date;  // as of (today by the clock)
  int nextYear = 0;
  std::vector<UnitCounts> units;  // in unit id order; "(no unit)" last when present
  UnitCounts province;
  /// What needs attention (Inventory::warnings): a lost token with a valid certificate first.
  std::vector<Warning> warnings;
  /// Set for one unit's report: then `units` and `province` count that unit alone, and the
  /// warnings are those about its tokens and certificates.
  std::optional<UnitDetail> detail;
};

/// Builds the report with a few GROUP BY queries; with `unitKey` (a unit's name or id), that unit's
/// report with its records. Blocks on the database.
Result<InventoryReport> buildReport(Inventory& inv,
                                    const std::optional<std::string>& unitKey = std::nullopt);
Json reportJson(const InventoryReport& r);
/// One row per unit plus the province: unit, token_<state>..., cert_<state>..., demand_<year>.
std::string reportCsv(const InventoryReport& r);
/// A standalone HTML page (UTF-8, escaped, A4 landscape when printed) with the same table for
/// people: the states by name in `lang`, the province's total row, then the warnings (JSON has
/// them too; CSV is the table alone, with the codes).
std::string reportHtml(const InventoryReport& r, Lang lang = Lang::En);

}  // namespace kyso::inventory
