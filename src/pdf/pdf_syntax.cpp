#include "src/pdf/pdf_syntax.h"

#include <cstdint>
#include <cstdio>
#include <ctime>

namespace kyso::pdf {
namespace {

// Decodes UTF-8 to code points; invalid bytes become U+FFFD so that a text string is always made.
std::u32string decodeUtf8(std::string_view s) {
  std::u32string out;
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    bool bad = false;
    for (int k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
      if ((cc & 0xC0) != 0x80) bad = true;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if (bad || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(len);
  }
  return out;
}

}  // namespace

std::string hexUpper(std::span<const unsigned char> bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string textString(std::string_view utf8) {
  bool ascii = true;
  for (char ch : utf8) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c > 0x7E) ascii = false;
  }
  if (ascii) {
    std::string out = "(";
    for (char ch : utf8) {
      if (ch == '(' || ch == ')' || ch == '\\') out.push_back('\\');
      out.push_back(ch);
    }
    return out + ")";
  }
  std::string out = "<FEFF";
  static constexpr char kHex[] = "0123456789ABCDEF";
  auto unit = [&](std::uint16_t u) {
    for (int shift = 12; shift >= 0; shift -= 4) out.push_back(kHex[(u >> shift) & 15]);
  };
  for (char32_t cp : decodeUtf8(utf8)) {
    if (cp >= 0x10000) {
      char32_t v = cp - 0x10000;
      unit(static_cast<std::uint16_t>(0xD800 + (v >> 10)));
      unit(static_cast<std::uint16_t>(0xDC00 + (v & 0x3FF)));
    } else {
      unit(static_cast<std::uint16_t>(cp));
    }
  }
  return out + ">";
}

std::string nameObject(std::string_view name) {
  std::string out = "/";
  for (char ch : name) {
    auto c = static_cast<unsigned char>(ch);
    bool regular =
        c > 0x20 && c < 0x7F && std::string_view("()<>[]{}/%#").find(ch) == std::string_view::npos;
    if (regular) {
      out.push_back(ch);
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "#%02X", c);
      out += buf;
    }
  }
  return out;
}

std::string dateString(std::chrono::system_clock::time_point t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "(D:%04d%02d%02d%02d%02d%02d+00'00')", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace kyso::pdf
