// Spreadsheet import and export of tokens. The import is validated row by row first; if any row is
// rejected nothing is written and the report lists every rejected row with its line and reason;
// otherwise every row is written in one transaction (all or nothing), with the units and people
// the sheet names when the caller asks for them to be added. Blocks on the database.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/messages.h"
#include "src/inventory/inventory.h"

namespace kyso::inventory {

/// The columns import-csv understands and export-csv writes, in export order.
/// serial and manufacturer are required; the rest are optional.
const std::vector<std::string>& tokenCsvColumns();

/// Why a row was rejected; the values it names are in RejectedRow.
enum class RowProblem {
  FieldCount,  // value: the header's count, other: the row's
  SerialEmpty,
  SerialKnown,     // value: the serial
  SerialRepeated,  // value: the serial, other: the first line with it
  ManufacturerEmpty,
  UnknownUnit,          // value: the unit's name
  UnknownPerson,        // value: the person's name
  UnknownPersonInUnit,  // value: the person's name
  SeveralPeople,        // value: the name several people have
  NewPersonNeedsUnit,   // value: the person's name (createMissing, no unit on the row)
  UnknownState,         // value: the state as written
  HolderInStock,
  NotADate,  // value: the column, other: the cell
};

struct RejectedRow {
  long line = 0;
  RowProblem problem = RowProblem::FieldCount;
  std::string value, other;
};

/// The rejected row's reason for people, in `lang` ("unknown unit 'Trạm Y tế xã X'").
std::string rowProblemText(const RejectedRow& row, Lang lang);
/// Whether `createMissing` would have accepted the row (an unknown unit or person).
bool missingRecord(const RejectedRow& row);

struct ImportOptions {
  /// Add the units and people the sheet names that the inventory does not have, in the same
  /// transaction as the tokens (a person is added to the row's unit, which the row must name).
  bool createMissing = false;
};

struct CreatedPerson {
  std::string name, unit;
};

struct ImportReport {
  std::string encoding;  // what the input was (see decodeSpreadsheetText)
  long rows = 0;         // data rows read
  long imported = 0;     // rows written (0 when any row was rejected)
  std::vector<RejectedRow> rejected;
  std::vector<std::string> createdUnits;     // createMissing: the units added, in sheet order
  std::vector<CreatedPerson> createdPeople;  // and the people
};

/// Imports tokens from spreadsheet bytes. A file-level problem (encoding, wrong columns) is an
/// error (CsvInvalid); row problems come back in the report with nothing written.
Result<ImportReport> importTokensCsv(Inventory& inv, std::string_view bytes,
                                     const ImportOptions& options = {});

/// Every token as CSV (UTF-8 with BOM so spreadsheet programs read the diacritics right).
Result<std::string> exportTokensCsv(Inventory& inv);

}  // namespace kyso::inventory
