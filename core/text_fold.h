// Case folding for matching words people type (column headers of an office sheet, state names):
// ASCII and the Vietnamese letters (Latin-1, Latin Extended-A/B's Ă Đ Ĩ Ũ Ơ Ư, and the Latin
// Extended Additional block U+1EA0-U+1EF9) to lower case, surrounding spaces trimmed and inner
// runs of spaces made one. Text is UTF-8 in and out; other characters pass unchanged.
#pragma once

#include <string>
#include <string_view>

namespace kyso {

/// "  SỐ   SERIAL " -> "số serial"; "Đơn vị" -> "đơn vị".
std::string foldForMatching(std::string_view text);

}  // namespace kyso
