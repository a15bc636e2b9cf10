#include "src/pdfverify/revision_chain.h"

#include <algorithm>
#include <cstring>
#include <set>

namespace kyso::pdfverify {

namespace {

constexpr std::size_t kWindow = 64 * 1024;
constexpr std::uint64_t kMaxSearch = 64u << 20;  // how far a section's %%EOF may lie after it

bool isWhite(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

Error damaged(const FileBytes& b, std::string why) {
  return Error::kyso(Errc::PdfDamaged, "revisionChain", detailArgs({b.name(), why}))
      .because(Detail::TechnicalIn);
}

// The first occurrence of `needle` at or after `from` (reading forward in windows), or npos.
Result<std::uint64_t> findForward(const FileBytes& b, std::uint64_t from, std::string_view needle,
                                  std::uint64_t limit) {
  std::string buf;
  const std::uint64_t end = std::min<std::uint64_t>(b.size(), from + limit);
  std::size_t window = 4096;  // most sections are small: start small, grow
  for (std::uint64_t pos = from; pos < end;) {
    KYSO_TRY(b.readAt(pos, window, buf));
    if (buf.empty()) break;
    auto hit = std::string_view(buf).find(needle);
    if (hit != std::string_view::npos) return pos + hit;
    if (buf.size() < window) break;
    pos += buf.size() - needle.size();
    window = std::min(window * 2, kWindow);
  }
  return static_cast<std::uint64_t>(std::string_view::npos);
}

// Parses the decimal number at the start of `s` (after whitespace); false when there is none.
bool number(std::string_view s, std::uint64_t& out) {
  std::size_t i = 0;
  while (i < s.size() && isWhite(s[i])) ++i;
  std::size_t j = i;
  while (j < s.size() && s[j] >= '0' && s[j] <= '9' && j - i < 19) ++j;
  if (j == i) return false;
  out = std::stoull(std::string(s.substr(i, j - i)));
  return true;
}

// The value of `/Prev` inside the dictionary text `dict` (0 when absent).
bool prevOf(std::string_view dict, std::uint64_t& prev) {
  prev = 0;
  for (std::size_t p = dict.find("/Prev"); p != std::string_view::npos;
       p = dict.find("/Prev", p + 5)) {
    char after = p + 5 < dict.size() ? dict[p + 5] : ' ';
    if (!isWhite(after)) continue;  // "/Previous" and the like
    return number(dict.substr(p + 5), prev);
  }
  return true;
}

constexpr std::size_t kMaxDuplicatesKept = 8;
constexpr std::uint64_t kMaxTableBytes = 16u << 20;  // a classic table checked for duplicates

void noteDuplicate(std::set<std::uint64_t>& seen, std::uint64_t obj, RevisionEnd& rev) {
  if (!seen.insert(obj).second && rev.duplicate_objects.size() < kMaxDuplicatesKept &&
      obj < 0x7fffffff)
    rev.duplicate_objects.push_back(static_cast<int>(obj));
}

// Objects listed twice in a classic table (`xref` ... `trailer`): subsection headers `first
// count`, then `count` entries of three tokens each.
Status classicDuplicates(const FileBytes& b, std::uint64_t xref, std::uint64_t trailer,
                         RevisionEnd& rev) {
  if (trailer <= xref + 4 || trailer - xref > kMaxTableBytes) return okStatus();
  std::string t;
  KYSO_TRY(b.readAt(xref + 4, static_cast<std::size_t>(trailer - xref - 4), t));
  std::size_t i = 0;
  auto token = [&](std::string_view& out) {
    while (i < t.size() && isWhite(t[i])) ++i;
    std::size_t j = i;
    while (j < t.size() && !isWhite(t[j])) ++j;
    out = std::string_view(t).substr(i, j - i);
    i = j;
    return !out.empty();
  };
  std::set<std::uint64_t> seen;
  std::string_view a, c;
  while (token(a) && token(c)) {
    std::uint64_t first = 0, count = 0;
    if (!number(a, first) || !number(c, count)) break;
    for (std::uint64_t k = 0; k < count; ++k) {
      std::string_view off, gen, type;
      if (!token(off) || !token(gen) || !token(type)) return okStatus();
      noteDuplicate(seen, first + k, rev);
    }
  }
  return okStatus();
}

// Objects an xref stream's /Index names twice (overlapping subsections).
void streamDuplicates(std::string_view dict, RevisionEnd& rev) {
  auto p = dict.find("/Index");
  if (p == std::string_view::npos) return;
  auto open = dict.find('[', p), close = dict.find(']', p);
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) return;
  std::vector<std::uint64_t> nums;
  std::string_view body = dict.substr(open + 1, close - open - 1);
  for (std::size_t i = 0; i < body.size() && nums.size() < 2000;) {
    while (i < body.size() && isWhite(body[i])) ++i;
    std::uint64_t v = 0;
    if (i >= body.size() || !number(body.substr(i), v)) break;
    nums.push_back(v);
    while (i < body.size() && !isWhite(body[i])) ++i;
  }
  std::vector<std::pair<std::uint64_t, std::uint64_t>> ranges;
  for (std::size_t k = 0; k + 1 < nums.size(); k += 2) ranges.emplace_back(nums[k], nums[k + 1]);
  std::sort(ranges.begin(), ranges.end());
  for (std::size_t k = 1; k < ranges.size(); ++k) {
    const auto& [s0, n0] = ranges[k - 1];
    if (ranges[k].first < s0 + n0 && rev.duplicate_objects.size() < kMaxDuplicatesKept)
      rev.duplicate_objects.push_back(static_cast<int>(ranges[k].first & 0x7fffffff));
  }
}

// The revision that starts its cross-reference data at `xref`: where it ends and its /Prev.
Status section(const FileBytes& b, std::uint64_t xref, RevisionEnd& rev, std::uint64_t& prev) {
  std::string head;
  KYSO_TRY(b.readAt(xref, 64, head));
  // qpdf tolerates (with a warning) whitespace before `xref`; so do we.
  std::size_t lead = 0;
  while (lead < head.size() && lead < 32 && isWhite(head[lead])) ++lead;
  head.erase(0, lead);
  xref += lead;
  std::uint64_t dictFrom = 0;
  if (head.rfind("xref", 0) == 0) {
    KYSO_ASSIGN_OR_RETURN(std::uint64_t t, findForward(b, xref, "trailer", kMaxSearch));
    if (t == std::string_view::npos) return damaged(b, "no trailer after the xref table");
    dictFrom = t + 7;
    KYSO_TRY(classicDuplicates(b, xref, t, rev));
  } else {
    // An xref stream: `N G obj << ... >> stream`.
    std::uint64_t n = 0;
    if (!number(head, n) || head.find("obj") == std::string::npos)
      return damaged(b, "startxref does not point at cross-reference data");
    dictFrom = xref;
  }
  std::string dict;
  KYSO_TRY(b.readAt(dictFrom, 4096, dict));
  auto close = dict.find("stream");
  auto sx = dict.find("startxref");
  std::size_t cut = std::min(close, sx);
  if (cut != std::string::npos) dict.resize(cut);
  if (!prevOf(dict, prev)) return damaged(b, "unreadable /Prev");
  if (head.rfind("xref", 0) != 0) streamDuplicates(dict, rev);
  KYSO_ASSIGN_OR_RETURN(std::uint64_t s, findForward(b, dictFrom, "startxref", kMaxSearch));
  if (s == std::string_view::npos) return damaged(b, "no startxref after the cross-reference data");
  std::string tail;
  KYSO_TRY(b.readAt(s, 64, tail));
  auto eof = tail.find("%%EOF");
  std::uint64_t sxNum = 0;
  if (eof == std::string::npos || !number(std::string_view(tail).substr(9), sxNum))
    return damaged(b, "no %%EOF after startxref");
  for (std::size_t i = 9; i < eof; ++i)
    if (!isWhite(tail[i]) && !(tail[i] >= '0' && tail[i] <= '9'))
      return damaged(b, "junk between startxref and %%EOF");
  rev.startxref = sxNum;
  rev.eof_marker = s + eof;
  rev.end = rev.eof_marker + 5;
  rev.end_with_eol = rev.end;
  std::size_t after = eof + 5;
  if (after < tail.size() && tail[after] == '\r') ++rev.end_with_eol, ++after;
  if (after < tail.size() && tail[after] == '\n') ++rev.end_with_eol;
  return okStatus();
}

}  // namespace

Result<std::vector<RevisionEnd>> revisionChain(const FileBytes& b, std::size_t maxRevisions,
                                               std::uint64_t searchEnd) {
  // qpdf's rule: the last `startxref` within the final 1 KiB.
  const std::uint64_t size =
      searchEnd == 0 ? b.size() : std::min<std::uint64_t>(searchEnd, b.size());
  std::string tail;
  const std::uint64_t from = size > 1024 ? size - 1024 : 0;
  KYSO_TRY(b.readAt(from, static_cast<std::size_t>(size - from), tail));
  auto sx = tail.rfind("startxref");
  std::uint64_t xref = 0;
  if (sx == std::string::npos || !number(std::string_view(tail).substr(sx + 9), xref))
    return damaged(b, "no startxref at the end of the file");
  std::vector<RevisionEnd> revs;
  std::set<std::uint64_t> seen;
  while (true) {
    if (xref >= size) return damaged(b, "a cross-reference offset points beyond the file");
    if (!seen.insert(xref).second) return damaged(b, "the cross-reference chain loops");
    if (revs.size() >= maxRevisions)
      return Error::kyso(Errc::PdfTooComplex, "revisionChain",
                         detailArgs({b.name(), "too many revisions"}))
          .because(Detail::TechnicalIn);
    RevisionEnd r;
    std::uint64_t prev = 0;
    KYSO_TRY(section(b, xref, r, prev));
    if (r.end > size) return damaged(b, "a revision ends after the searched end");
    revs.push_back(r);
    if (prev == 0) break;
    xref = prev;
  }
  std::sort(revs.begin(), revs.end(),
            [](const RevisionEnd& x, const RevisionEnd& y) { return x.end < y.end; });
  // Two sections ending at the same %%EOF (linearized first-page sections) are one revision.
  revs.erase(std::unique(revs.begin(), revs.end(),
                         [](const RevisionEnd& x, const RevisionEnd& y) { return x.end == y.end; }),
             revs.end());
  return revs;
}

}  // namespace kyso::pdfverify
