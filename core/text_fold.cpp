#include "core/text_fold.h"

#include "core/utf8.h"

namespace kyso {
namespace {

char32_t lowerVietnamese(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + 32;
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;  // À..Þ, not ×
  switch (c) {
    case 0x102:  // Ă
    case 0x110:  // Đ
    case 0x128:  // Ĩ
    case 0x168:  // Ũ
    case 0x1A0:  // Ơ
      return c + 1;
    case 0x1AF:  // Ư
      return 0x1B0;
    default:
      break;
  }
  if (c >= 0x1EA0 && c <= 0x1EF9 && c % 2 == 0) return c + 1;  // Ạ..Ỹ: upper case is even
  return c;
}

}  // namespace

std::string foldForMatching(std::string_view text) {
  std::string out;
  bool space = false;
  for (std::size_t i = 0; i < text.size();) {
    const auto ch = nextUtf8(text, i);
    if (!ch) {  // not UTF-8: the byte as it is
      out += text[i];
      space = false;
      ++i;
      continue;
    }
    i += ch->length;
    const char32_t c = ch->codePoint;
    if (c == U' ' || c == U'\t' || c == 0xA0) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    appendUtf8(out, lowerVietnamese(c));
  }
  return out;
}

}  // namespace kyso
