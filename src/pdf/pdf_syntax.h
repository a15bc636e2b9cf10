// Small pieces of PDF syntax that kyso writes itself: text strings (PDFDocEncoding-safe ASCII as a
// literal string, anything else as UTF-16BE hex with a BOM), names, dates, hex strings. Pure
// functions, no I/O.
#pragma once

#include <chrono>
#include <span>
#include <string>
#include <string_view>

namespace kyso::pdf {

/// A PDF text string for a UTF-8 value: `(escaped)` when printable ASCII, else `<FEFF....>`.
std::string textString(std::string_view utf8);
/// A PDF name for an ASCII identifier: "/" + the name with delimiters and non-regular bytes #xx.
std::string nameObject(std::string_view name);
/// A PDF date string in UTC: "(D:20261125080102+00'00')".
std::string dateString(std::chrono::system_clock::time_point t);
/// Upper-case hex of bytes (no delimiters).
std::string hexUpper(std::span<const unsigned char> bytes);

}  // namespace kyso::pdf
