// The letter's own number and date lines for kind issued (template key "letter"): finds "Số:" and
// the place-and-date line "..., ngày ... tháng ... năm ..." with text extraction, and writes the
// document number and issue date there in the letter's font size as page marks of the appearance,
// so that the signature's update covers them.
#pragma once

#include <array>
#include <map>
#include <string>

#include "core/result.h"
#include "src/appearance/compose.h"

namespace kyso::appearance {

/// "06/09/2026" or "2026-09-06" -> {day, month, year}; UsageError (--issued-date) otherwise.
Result<std::array<int, 3>> parseIssuedDate(const std::string& s);

/// Writes the template's letter fill-ins (fields "doc_number", "issued_date") as marks in `out`:
/// LetterPlaceNotFound when the letter has no "Số:" or date line, LetterAlreadyFilled when a
/// different number is already printed.
Status fillLetter(const Template& t, const Request& r, const std::map<std::string, std::string>& f,
                  Appearance& out);

}  // namespace kyso::appearance
