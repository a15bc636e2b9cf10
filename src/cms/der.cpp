#include "src/cms/der.h"

#include <algorithm>

namespace kyso::cms::der {

std::optional<Tlv> readTlv(std::span<const unsigned char> d, std::size_t pos, std::size_t limit) {
  if (limit > d.size() || pos > limit || limit - pos < 2) return std::nullopt;
  Tlv t;
  t.start = pos;
  t.tag = d[pos];
  if ((t.tag & 0x1f) == 0x1f) return std::nullopt;
  unsigned char l0 = d[pos + 1];
  std::size_t len = 0, hdr = 2;
  if (l0 < 0x80) {
    len = l0;
  } else {
    std::size_t n = l0 & 0x7f;
    if (n == 0 || n > 4 || pos + 2 + n > limit || d[pos + 2] == 0) return std::nullopt;
    for (std::size_t i = 0; i < n; ++i) len = (len << 8) | d[pos + 2 + i];
    if (len < 0x80) return std::nullopt;
    hdr += n;
  }
  t.body = pos + hdr;
  if (len > limit - t.body) return std::nullopt;
  t.end = t.body + len;
  return t;
}

void appendHeader(std::string& out, unsigned char tag, std::size_t len) {
  out.push_back(static_cast<char>(tag));
  if (len < 0x80) {
    out.push_back(static_cast<char>(len));
    return;
  }
  unsigned char bytes[sizeof(std::size_t)];
  int n = 0;
  for (std::size_t v = len; v; v >>= 8) bytes[n++] = static_cast<unsigned char>(v & 0xff);
  out.push_back(static_cast<char>(0x80 | n));
  while (n) out.push_back(static_cast<char>(bytes[--n]));
}

std::string wrap(unsigned char tag, std::string_view content) {
  std::string out;
  out.reserve(content.size() + 6);
  appendHeader(out, tag, content.size());
  out += content;
  return out;
}

bool setOfLess(std::string_view a, std::string_view b) {
  const std::size_t n = std::max(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    if (x != y) return x < y;
  }
  return false;
}

}  // namespace kyso::cms::der
