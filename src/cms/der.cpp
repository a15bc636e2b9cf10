#include "src/cms/der.h"

#include <algorithm>
#include <cstddef>

namespace kyso::cms::der {

namespace {

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

}  // namespace

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

std::optional<std::vector<Tlv>> children(std::span<const unsigned char> d, const Tlv& parent) {
  std::vector<Tlv> out;
  for (std::size_t pos = parent.body; pos < parent.end;) {
    auto e = readTlv(d, pos, parent.end);
    if (!e) return std::nullopt;
    out.push_back(*e);
    pos = e->end;
  }
  return out;
}

std::optional<SignedDataTlv> readSignedData(std::span<const unsigned char> d) {
  static constexpr unsigned char kSignedDataOid[] = {0x06, 0x09, 0x2a, 0x86, 0x48, 0x86,
                                                     0xf7, 0x0d, 0x01, 0x07, 0x02};
  auto ci = readTlv(d, 0, d.size());
  if (!ci || ci->tag != 0x30) return std::nullopt;
  auto oid = readTlv(d, ci->body, ci->end);
  if (!oid || oid->end - oid->start != sizeof kSignedDataOid ||
      !std::equal(d.begin() + static_cast<std::ptrdiff_t>(oid->start),
                  d.begin() + static_cast<std::ptrdiff_t>(oid->end), kSignedDataOid))
    return std::nullopt;
  auto explicit0 = readTlv(d, oid->end, ci->end);
  if (!explicit0 || explicit0->tag != 0xa0 || explicit0->end != ci->end) return std::nullopt;
  auto sd = readTlv(d, explicit0->body, explicit0->end);
  if (!sd || sd->tag != 0x30 || sd->end != explicit0->end) return std::nullopt;
  return SignedDataTlv{*ci, *oid, *sd};
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
