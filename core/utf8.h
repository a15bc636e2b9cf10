// UTF-8 one code point at a time, for the places that walk text by characters (JSON escapes, the
// appearance's text, matching what people type). One strict decoder: overlong forms, surrogates
// and code points past U+10FFFF are not UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kyso {

struct Utf8Char {
  char32_t codePoint;
  std::size_t length;  // bytes, 1 to 4
};

/// The character that starts at byte `i` of `text`; nullopt when the bytes there are no UTF-8.
std::optional<Utf8Char> nextUtf8(std::string_view text, std::size_t i);

/// The columns `text` takes on a terminal: one per character (continuation bytes take none).
std::size_t utf8Columns(std::string_view text);

/// Appends `codePoint` (at most U+10FFFF) as UTF-8.
void appendUtf8(std::string& out, char32_t codePoint);

}  // namespace kyso
