#include "src/appearance/text_norm.h"

#include <hb.h>

#include <algorithm>

#include "core/utf8.h"

namespace kyso::appearance {

Result<std::u32string> decodeUtf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto ch = nextUtf8(s, i);
    if (!ch)
      return Error::kyso(Errc::UsageError, "utf8_decode", std::to_string(i))
          .because(Detail::InvalidUtf8At);
    out.push_back(ch->codePoint);
    i += ch->length;
  }
  return out;
}

std::string encodeUtf8(std::u32string_view text) {
  std::string out;
  for (char32_t c : text) appendUtf8(out, c);
  return out;
}

namespace {

void decomposeInto(hb_unicode_funcs_t* uf, char32_t c, std::u32string& out, int depth = 0) {
  hb_codepoint_t a = 0, b = 0;
  if (depth < 8 && hb_unicode_decompose(uf, c, &a, &b)) {
    decomposeInto(uf, a, out, depth + 1);
    if (b != 0) decomposeInto(uf, b, out, depth + 1);
    return;
  }
  out.push_back(c);
}

unsigned ccc(hb_unicode_funcs_t* uf, char32_t c) {
  return static_cast<unsigned>(hb_unicode_combining_class(uf, c));
}

}  // namespace

std::u32string toNfc(std::u32string_view text) {
  hb_unicode_funcs_t* uf = hb_unicode_funcs_get_default();
  std::u32string d;
  for (char32_t c : text) decomposeInto(uf, c, d);
  // Canonical ordering: stable sort of each run of non-starters by combining class.
  for (std::size_t i = 0; i < d.size();) {
    if (ccc(uf, d[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.size() && ccc(uf, d[j]) != 0) ++j;
    std::stable_sort(d.begin() + static_cast<std::ptrdiff_t>(i),
                     d.begin() + static_cast<std::ptrdiff_t>(j),
                     [&](char32_t x, char32_t y) { return ccc(uf, x) < ccc(uf, y); });
    i = j;
  }
  // Canonical composition (UAX #15): combine with the last starter unless blocked.
  std::u32string out;
  std::size_t starter = std::u32string::npos;
  unsigned lastCcc = 0;
  for (char32_t c : d) {
    const unsigned cc = ccc(uf, c);
    if (starter != std::u32string::npos) {
      const bool adjacent = starter + 1 == out.size();
      const bool blocked = !adjacent && (lastCcc == 0 || lastCcc >= cc);
      hb_codepoint_t composed = 0;
      if (!blocked && hb_unicode_compose(uf, out[starter], c, &composed)) {
        out[starter] = composed;
        continue;
      }
    }
    if (cc == 0) starter = out.size();
    lastCcc = cc;
    out.push_back(c);
  }
  return out;
}

Result<std::string> nfcUtf8(std::string_view text) {
  KYSO_ASSIGN_OR_RETURN(auto cps, decodeUtf8(text));
  return encodeUtf8(toNfc(cps));
}

std::u32string upperVi(std::u32string_view text) {
  std::u32string out(text);
  for (char32_t& c : out) {
    if (c >= U'a' && c <= U'z') {
      c -= 0x20;
    } else if (c >= 0xE0 && c <= 0xFE && c != 0xF7) {
      c -= 0x20;
    } else if (c >= 0x100 && c <= 0x17F && c != 0x131 && c != 0x138 && c != 0x149 && c != 0x17F) {
      // Latin Extended-A: pairs are (even upper, odd lower) except 0x139..0x148 and 0x179..0x17E.
      const bool shifted = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
      if (shifted ? (c % 2 == 0) : (c % 2 == 1)) c -= 1;
    } else if (c == 0x1A1 || c == 0x1B0) {  // ơ, ư
      c -= 1;
    } else if (c >= 0x1EA0 && c <= 0x1EF9 &&
               c % 2 == 1) {  // Latin Extended Additional (Vietnamese)
      c -= 1;
    }
  }
  return out;
}

std::u32string matchKey(std::u32string_view text) {
  const std::u32string up = upperVi(toNfc(text));
  std::u32string out;
  bool space = false;
  for (char32_t c : up) {
    const bool isSpace = c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0xA0;
    if (isSpace) {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(U' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace kyso::appearance
