// Small helpers that write PDF syntax for appearance objects: numbers, names, placeholders for
// references between new objects ("{{ref:K}}"), and Flate-compressed stream objects.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kyso::appearance {

/// A number with at most 4 decimals and no exponent ("12.5", "-0.0833", "3").
std::string pdfNum(double v);
/// The placeholder the PDF writer replaces with "N 0 R" for objects[k].
std::string refTo(std::size_t k);
/// zlib (Flate) compression at the best level.
Result<std::string> flate(std::string_view data);
/// A complete stream object body: "<< dictEntries /Filter /FlateDecode /Length N >>\nstream\n...
/// \nendstream". `dictEntries` is the inside of the dictionary without << >>.
Result<std::string> flateStream(std::string_view dictEntries, std::string_view data);
/// Points per millimetre.
inline constexpr double kPtPerMm = 72.0 / 25.4;
/// A length in points said in millimetres with one decimal ("12.5"), for people.
std::string mmText(double pt);

}  // namespace kyso::appearance
