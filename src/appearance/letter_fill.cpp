#include "src/appearance/letter_fill.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <string_view>
#include <vector>

#include "src/appearance/font.h"
#include "src/appearance/layout.h"
#include "src/appearance/pdf_syntax.h"
#include "src/appearance/placement.h"
#include "src/appearance/poppler_text.h"
#include "src/appearance/text_norm.h"

namespace kyso::appearance {
namespace {

// A word of the letter in display space, with its match key.
struct LetterWord {
  std::string text;
  std::u32string key;
  PdfRect box;
  bool italic = false;
};

// The letter's typeface: one Font measures the page's words, the other shapes the marks (so only
// their glyphs are embedded).
struct Face {
  std::unique_ptr<Font> measure, font;
};

Result<Face> loadFace(const std::string& style) {
  KYSO_ASSIGN_OR_RETURN(auto path, findFont(style));
  Face f;
  KYSO_ASSIGN_OR_RETURN(f.font, Font::load(path));
  KYSO_ASSIGN_OR_RETURN(f.measure, Font::load(path));
  return f;
}

// The italic of a style name ("serif" -> "serif-italic"); a font file has none.
std::string italicStyle(const std::string& style) {
  return style == "serif" ? "serif-italic" : style;
}

bool sameLine(const LetterWord& a, const LetterWord& b) {
  const double h = std::max(a.box.height(), b.box.height());
  return std::fabs((a.box.lly + a.box.ury) / 2 - (b.box.lly + b.box.ury) / 2) < 0.5 * h;
}

// The nearest word to the right of `w` on its line, or null.
const LetterWord* nextOnLine(const std::vector<LetterWord>& words, const LetterWord& w) {
  const LetterWord* best = nullptr;
  for (const auto& o : words)
    if (&o != &w && sameLine(o, w) && o.box.llx > w.box.urx - 0.5 &&
        (!best || o.box.llx < best->box.llx))
      best = &o;
  return best;
}

bool startsWithDigit(std::u32string_view k) {
  return !k.empty() && k[0] >= U'0' && k[0] <= U'9';
}

// A word that is (part of) a blank: dots, underscores, ellipses.
bool isBlankFiller(std::u32string_view k) {
  for (char32_t c : k)
    if (c != U'.' && c != U'_' && c != U'…') return false;
  return !k.empty();
}

// The blank a mark goes into, for a refusal that says which one is too narrow.
// The word printed before a blank, as the letter prints it (the same in every language).
const char* blankName(std::string_view role) {
  if (role == "number") return "Số:";
  if (role == "day") return "ngày";
  if (role == "month") return "tháng";
  if (role == "year") return "năm";
  return "";
}

// What is being written on the letter, before the font objects exist.
struct PendingMark {
  std::string role;  // number, day, month, year (the annotation's /NM: kyso-<role>)
  std::u32string text;
  bool italic = false;  // set in the italic face, as the line it fills
  std::vector<ShapedGlyph> glyphs;
  double size = 0, x = 0, baseline = 0;  // display space; x is the left end
};

// Where a mark goes in its blank.
enum class Align { Left, Centre, Right };

class LetterFiller {
 public:
  LetterFiller(const Template& t, const PageGeometry& g, std::vector<LetterWord> words,
               Face& upright, Face& italic)
      : m_t(t), m_g(g), m_words(std::move(words)), m_upright(upright), m_italic(italic) {}

  Face& faceOf(bool italic) { return italic ? m_italic : m_upright; }

  // The letter's font size at a word: its width against the Times-metric font's, checked against
  // its height (poppler's boxes span about 1.1 em).
  double sizeAt(const LetterWord& w) {
    Font& measure = *faceOf(w.italic).measure;
    const double perPt = measure.width(measure.shape(toNfc(decodeOr(w.text))), 1);
    double size = perPt > 0 ? w.box.width() / perPt : 0;
    if (!(size > 0.6 * w.box.height() && size < 1.3 * w.box.height())) size = w.box.height() / 1.1;
    return size;
  }
  double baselineOf(const LetterWord& w, double size) {
    return w.box.lly - faceOf(w.italic).font->descent(size);
  }

  // Adds text into the blank [left, right] (display space), in the face of the word it follows,
  // shrinking to 75% of `size` to fit.
  Status add(const char* role, const std::string& utf8, const LetterWord& after, double size,
             double left, double right, double baseline, Align align) {
    KYSO_ASSIGN_OR_RETURN(auto cps, decodeUtf8(utf8));
    PendingMark m;
    m.role = role;
    m.text = toNfc(cps);
    m.italic = after.italic;
    Font& font = *faceOf(m.italic).font;
    m.glyphs = font.shape(m.text);
    m.baseline = baseline;
    for (m.size = size;; m.size -= 0.25) {
      const double w = font.width(m.glyphs, m.size);
      m.x = align == Align::Left    ? left
            : align == Align::Right ? right - w
                                    : (left + right - w) / 2;
      if (w <= right - left + 0.01) break;
      if (m.size - 0.25 < 0.75 * size) {
        return Error::kyso(Errc::TextDoesNotFit, "letter_fill",
                           detailArgs({blankName(role), mmText(right - left), utf8}))
            .because(Detail::BlankTooNarrow);
      }
    }
    pending.push_back(std::move(m));
    return okStatus();
  }

  // The document number after the anchor word ("Số:"): into the blank before a printed symbol
  // ("Số:      /SYT-VP" gets "286", centred in the blank), or after the word.
  Status fillNumber(const std::string& number, std::string& info) {
    KYSO_ASSIGN_OR_RETURN(auto anchorCps, decodeUtf8(m_t.numberAfter));
    const std::u32string anchor = matchKey(anchorCps);
    KYSO_ASSIGN_OR_RETURN(auto numberCps, decodeUtf8(number));
    const std::u32string numberKey = matchKey(numberCps);
    const LetterWord* at = nullptr;
    for (const auto& w : m_words)  // the top-most occurrence
      if (w.key.compare(0, anchor.size(), anchor) == 0 && (!at || w.box.ury > at->box.ury)) at = &w;
    const std::string pageNo = std::to_string(m_g.pageIndex + 1);
    const std::string page = " on page " + pageNo;
    if (!at)
      return Error::kyso(Errc::LetterPlaceNotFound, "letter_number",
                         detailArgs({m_t.numberAfter, pageNo}))
          .because(Detail::NoNumberLine);
    const std::u32string rest = at->key.substr(anchor.size());
    const LetterWord* next = nextOnLine(m_words, *at);
    std::u32string present;
    if (!rest.empty()) {
      if (!startsWithDigit(rest))
        return Error::kyso(Errc::LetterPlaceNotFound, "letter_number",
                           detailArgs({m_t.numberAfter, at->text, pageNo}))
            .because(Detail::NoBlankAfter);
      present = rest;
    } else if (next && startsWithDigit(next->key)) {
      present = next->key;
    }
    if (!present.empty()) {
      if (present != numberKey)
        return Error::kyso(Errc::LetterAlreadyFilled, "letter_number",
                           detailArgs({at->text + (rest.empty() ? " " + next->text : ""), number}))
            .because(Detail::NumberAlreadyThere);
      info += "; number already on the letter";
      return okStatus();
    }
    const double size = sizeAt(*at);
    const double space = 0.25 * size;
    std::string text = number;
    if (next && !next->key.empty() && next->key[0] == U'/') {
      // The symbol is printed: write the part of the number before it.
      if (numberKey.size() > next->key.size() &&
          numberKey.compare(numberKey.size() - next->key.size(), next->key.size(), next->key) ==
              0) {
        text = encodeUtf8(numberCps.substr(0, numberCps.size() - next->key.size()));
      } else if (number.find('/') != std::string::npos) {
        return Error::kyso(Errc::LetterPlaceNotFound, "letter_number",
                           detailArgs({next->text, number}))
            .because(Detail::NumberHasSymbol);
      }
      // Against the symbol, as "286/SYT-VP" is one word.
      KYSO_TRY(add("number", text, *at, size, at->box.urx + space, next->box.llx,
                   baselineOf(*at, size), Align::Right));
    } else {
      const double limit = next ? next->box.llx - space : displayBox(m_g).urx;
      KYSO_TRY(add("number", text, *at, size, at->box.urx + space, limit, baselineOf(*at, size),
                   Align::Left));
    }
    info += "; number after \"" + at->text + "\"" + page;
    return okStatus();
  }

  // The issue date into "ngày ... tháng ... năm ...": day and month centred in their blanks, the
  // year after "năm" unless printed. A slot already filled is left as it is (with a note if it
  // differs).
  Status fillDate(int day, int month, int year, std::vector<Error>& notes, std::string& info) {
    const std::u32string kDay = matchKey(U"ngày"), kMonth = matchKey(U"tháng"),
                         kYear = matchKey(U"năm");
    for (const auto& ngay : m_words) {
      if (ngay.key != kDay) continue;
      const LetterWord *thang = nullptr, *nam = nullptr;
      for (const auto& w : m_words) {
        if (!sameLine(w, ngay) || w.box.llx <= ngay.box.urx) continue;
        if (w.key == kMonth && (!thang || w.box.llx < thang->box.llx)) thang = &w;
      }
      if (!thang) continue;
      for (const auto& w : m_words)
        if (sameLine(w, ngay) && w.box.llx > thang->box.urx && w.key == kYear &&
            (!nam || w.box.llx < nam->box.llx))
          nam = &w;
      if (!nam) continue;
      const double size = sizeAt(ngay);
      const double base = baselineOf(ngay, size);
      char dd[8], mm[8], yyyy[8];
      std::snprintf(dd, sizeof dd, "%02d", day);
      std::snprintf(mm, sizeof mm, month < 3 ? "%02d" : "%d", month);  // Decree 30: 01, 02, 3..12
      std::snprintf(yyyy, sizeof yyyy, "%04d", year);
      auto slot = [&](const char* role, const LetterWord& from, const LetterWord* to,
                      const char* value) -> Status {
        std::u32string there;
        for (const auto& w : m_words)
          if (sameLine(w, from) && w.box.llx > from.box.urx - 0.5 &&
              (!to || w.box.urx < to->box.llx + 0.5) && !isBlankFiller(w.key))
            there += w.key;
        if (!there.empty()) {
          if (there != matchKey(decodeOr(value)))
            notes.push_back(
                Error::kyso(Errc::LetterAlreadyFilled, "letter_date",
                            encodeUtf8(from.key) + " " + encodeUtf8(there) + ", not " + value));
          return okStatus();
        }
        const double space = 0.25 * size;
        if (to)
          return add(role, value, from, size, from.box.urx + space, to->box.llx - space, base,
                     Align::Centre);
        return add(role, value, from, size, from.box.urx + space, displayBox(m_g).urx, base,
                   Align::Left);
      };
      KYSO_TRY(slot("day", ngay, thang, dd));
      KYSO_TRY(slot("month", *thang, nam, mm));
      KYSO_TRY(slot("year", *nam, nullptr, yyyy));
      info += "; date in \"ngày ... tháng ... năm\" on page " + std::to_string(m_g.pageIndex + 1);
      return okStatus();
    }
    return Error::kyso(Errc::LetterPlaceNotFound, "letter_date", std::to_string(m_g.pageIndex + 1))
        .because(Detail::NoDateLine);
  }

  std::vector<PendingMark> pending;

 private:
  static std::u32string decodeOr(std::string_view s) {
    auto d = decodeUtf8(s);
    return d.ok() ? *d : std::u32string();
  }
  const Template& m_t;
  const PageGeometry& m_g;
  std::vector<LetterWord> m_words;
  Face& m_upright;
  Face& m_italic;
};

}  // namespace

// "06/09/2026" or "2026-09-06" -> day, month, year.
Result<std::array<int, 3>> parseIssuedDate(const std::string& s) {
  int a = 0, b = 0, c = 0;
  char sep1 = 0, sep2 = 0;
  std::array<int, 3> dmy{};
  if (std::sscanf(s.c_str(), "%d%c%d%c%d", &a, &sep1, &b, &sep2, &c) == 5 && sep1 == sep2) {
    if (sep1 == '/' || sep1 == '.')
      dmy = {a, b, c};
    else if (sep1 == '-' && a > 31)
      dmy = {c, b, a};
  }
  if (dmy[0] < 1 || dmy[0] > 31 || dmy[1] < 1 || dmy[1] > 12 || dmy[2] < 1900 || dmy[2] > 9999)
    return Error::kyso(Errc::UsageError, "issued_date", s);
  return dmy;
}

Status fillLetter(const Template& t, const Request& r, const std::map<std::string, std::string>& f,
                  Appearance& out) {
  KYSO_ASSIGN_OR_RETURN(PageGeometry g, pageGeometry(r.pdf, t.letterPage));
  KYSO_ASSIGN_OR_RETURN(PageWords pw, pageWords(r.pdf, g.pageIndex));
  const PdfRect page = displayBox(g);
  std::vector<LetterWord> words;
  for (const auto& w : pw.words) {
    KYSO_ASSIGN_OR_RETURN(auto cps, decodeUtf8(w.text));
    words.push_back({w.text, matchKey(cps),
                     PdfRect{page.llx + w.x0, page.ury - w.y1, page.llx + w.x1, page.ury - w.y0},
                     w.italic});
  }
  KYSO_ASSIGN_OR_RETURN(Face upright, loadFace(t.letterFont));
  // The italic face when the system has it; else the marks stay upright.
  auto italicFace = italicStyle(t.letterFont) == t.letterFont
                        ? Result<Face>(Error::kyso(Errc::FontMissing, "find_font"))
                        : loadFace(italicStyle(t.letterFont));
  Face& italic = italicFace.ok() ? *italicFace : upright;
  LetterFiller filler(t, g, std::move(words), upright, italic);
  std::string info;
  if (!t.numberAfter.empty()) {
    auto it = f.find("doc_number");
    if (it == f.end()) return Error::kyso(Errc::UsageError, "appearance_field", "doc_number");
    KYSO_TRY(filler.fillNumber(it->second, info));
  }
  if (t.fillDate) {
    auto it = f.find("issued_date");
    if (it == f.end()) return Error::kyso(Errc::UsageError, "appearance_field", "issued_date");
    KYSO_ASSIGN_OR_RETURN(auto dmy, parseIssuedDate(it->second));
    KYSO_TRY(filler.fillDate(dmy[0], dmy[1], dmy[2], out.notes, info));
  }
  out.placementInfo += info;
  if (filler.pending.empty()) return okStatus();
  // Each face used is embedded once, with the glyphs of every mark set in it.
  std::map<Font*, std::size_t> fontIndex;
  for (const auto& m : filler.pending) {
    Font* face = filler.faceOf(m.italic).font.get();
    if (!fontIndex.count(face)) {
      KYSO_ASSIGN_OR_RETURN(fontIndex[face], face->appendObjects(out.objects));
    }
  }
  for (const auto& m : filler.pending) {
    Font* font = filler.faceOf(m.italic).font.get();
    const double w = font->width(m.glyphs, m.size);
    const double pad = 1;
    const PdfRect d{m.x - pad, m.baseline + font->descent(m.size) - pad, m.x + w + pad,
                    m.baseline + font->ascent(m.size) + pad};
    const std::string content =
        "q\nBT\n" + pdfNum(t.letterColor.r) + " " + pdfNum(t.letterColor.g) + " " +
        pdfNum(t.letterColor.b) + " rg\n" +
        font->showGlyphs(m.glyphs, "F0", m.size, pad, pad - font->descent(m.size)) + "ET\nQ\n";
    KYSO_ASSIGN_OR_RETURN(
        std::string form,
        flateStream("/Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 " + pdfNum(d.width()) +
                        " " + pdfNum(d.height()) + "] " + rotationMatrix(g.rotate) +
                        "/Resources << /Font << /F0 " + refTo(fontIndex[font]) +
                        " >> /ProcSet [/PDF /Text] >> /KysoKind /letter",
                    content));
    out.objects.push_back({std::move(form)});
    KYSO_TRY(checkOnPage(d, page));
    out.marks.push_back(
        {g.pageIndex, displayToUser(d, g), out.objects.size() - 1, encodeUtf8(m.text), m.role});
  }
  return okStatus();
}

}  // namespace kyso::appearance
