// CSV for the inventory: decoding what spreadsheets write (UTF-8 with or without a BOM, or the
// legacy Vietnamese code page Windows-1258, converted with iconv), RFC 4180 parsing with the
// delimiter detected from the header (',' ';' or tab), and writing fields back out.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kyso::inventory {

/// The input as UTF-8. `encoding` tells what it was ("UTF-8", "UTF-8 with BOM", "Windows-1258").
/// Refuses UTF-16/UTF-32 and bytes that are neither valid UTF-8 nor Windows-1258 (CsvInvalid).
Result<std::string> decodeSpreadsheetText(std::string_view bytes, std::string* encoding = nullptr);

bool isValidUtf8(std::string_view s);

/// One parsed record with the 1-based line it started on.
struct CsvRecord {
  long line = 0;
  std::vector<std::string> fields;
};

/// Parses UTF-8 CSV text; empty lines are skipped. An unterminated quote is CsvInvalid.
Result<std::vector<CsvRecord>> parseCsv(std::string_view text);

/// Quotes a field when it needs it (delimiter, quote, newline, leading/trailing space).
std::string csvField(std::string_view s);
/// Joins fields with ',' and ends the line with CRLF (what spreadsheets expect).
std::string csvLine(const std::vector<std::string>& fields);

}  // namespace kyso::inventory
