// Spreadsheet import and export of tokens. The import is validated row by row first; if any row is
// rejected nothing is written and the report lists every rejected row with its line and reason;
// otherwise every row is written in one transaction (all or nothing). Blocks on the database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "src/inventory/inventory.h"

namespace kyso::inventory {

/// The columns import-csv understands and export-csv writes, in export order.
/// serial and manufacturer are required; the rest are optional.
const std::vector<std::string>& tokenCsvColumns();

struct RejectedRow {
  long line = 0;
  std::string reason;
};

struct ImportReport {
  std::string encoding;  // what the input was (see decodeSpreadsheetText)
  long rows = 0;         // data rows read
  long imported = 0;     // rows written (0 when any row was rejected)
  std::vector<RejectedRow> rejected;
};

/// Imports tokens from spreadsheet bytes. A file-level problem (encoding, wrong columns) is an
/// error (CsvInvalid); row problems come back in the report with nothing written.
Result<ImportReport> importTokensCsv(Inventory& inv, std::string_view bytes);

/// Every token as CSV (UTF-8 with BOM so spreadsheet programs read the diacritics right).
Result<std::string> exportTokensCsv(Inventory& inv);

}  // namespace kyso::inventory
