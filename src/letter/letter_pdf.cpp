#include "src/letter/letter_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string_view>
#include <vector>

#include "src/letter/cairo_output.h"

namespace kyso::letter {
namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;                          // A4 in points
constexpr double kLeft = 85.0, kRight = 56.7, kTop = 56.7, kBottom = 56.7;  // 30 / 20 / 20 / 20 mm
constexpr double kBody = 13.0, kLead = 18.0;

std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (!l.empty() && l.back() == '\r') l.pop_back();
    lines.push_back(l);
  }
  return lines;
}

std::string trim(const std::string& s) {
  auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  auto e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

class Page {
 public:
  Page(cairo_t* cr, const LetterOptions& opt) : m_cr(cr), m_opt(opt) {}

  void font(double size, bool bold = false, bool italic = false) {
    cairo_select_font_face(m_cr, m_opt.fontFamily.c_str(),
                           italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(m_cr, size);
  }
  double width(const std::string& s) {
    cairo_text_extents_t e;
    cairo_text_extents(m_cr, s.c_str(), &e);
    return e.x_advance;
  }
  void at(double x, double y, const std::string& s) {
    cairo_move_to(m_cr, x, y);
    cairo_show_text(m_cr, s.c_str());
  }
  void centred(double cx, double y, const std::string& s) { at(cx - width(s) / 2, y, s); }
  /// Text pieces and blanks (a piece of spaces is a blank of that many spaces' width, drawn as
  /// nothing, as a word processor leaves it) centred on `cx` as one line.
  void centredPieces(double cx, double y, const std::vector<std::string>& pieces) {
    double total = 0;
    for (const auto& p : pieces) total += width(p);
    double x = cx - total / 2;
    for (const auto& p : pieces) {
      if (p.find_first_not_of(' ') != std::string::npos) at(x, y, p);
      x += width(p);
    }
  }
  /// A rule under a header line, `w` wide, centred on `cx`.
  void rule(double cx, double y, double w) {
    cairo_set_line_width(m_cr, 0.6);
    cairo_move_to(m_cr, cx - w / 2, y);
    cairo_line_to(m_cr, cx + w / 2, y);
    cairo_stroke(m_cr);
  }
  void ensureRoom(double needed) {
    if (m_y + needed > kPageH - kBottom) {
      cairo_show_page(m_cr);
      m_y = kTop + kBody;
    }
  }
  /// Word-wraps a paragraph over the text width, first line indented.
  void paragraph(const std::string& text, double indent) {
    std::istringstream words(text);
    std::string line, word;
    double avail = kPageW - kLeft - kRight;
    bool first = true;
    auto flush = [&] {
      ensureRoom(kLead);
      at(kLeft + (first ? indent : 0), m_y, line);
      m_y += kLead;
      first = false;
    };
    while (words >> word) {
      std::string candidate = line.empty() ? word : line + " " + word;
      if (!line.empty() && width(candidate) > avail - (first ? indent : 0)) {
        flush();
        line = word;
      } else {
        line = candidate;
      }
    }
    if (!line.empty()) flush();
  }
  double& y() { return m_y; }

 private:
  cairo_t* m_cr;
  const LetterOptions& m_opt;
  double m_y = kTop + kBody;
};

bool startsWith(const std::string& s, std::string_view prefix) {
  return s.rfind(prefix, 0) == 0;
}

std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

// The header lines of the text (before "Kính gửi"): the number, the place and date, the summary.
struct Header {
  std::string number;                // "Số:286/SYT-VP"
  std::string date;                  // "Thừa Thiên Huế, ngày 12 tháng 02 năm 2020"
  std::vector<std::string> summary;  // "V/v ..." and its continuation lines
  std::vector<std::string> body;     // the rest of the text, in order
};

Header splitHeader(const std::vector<std::string>& body) {
  Header h;
  bool inHeader = true, inSummary = false;
  for (const std::string& raw : body) {
    const std::string l = trim(raw);
    if (inHeader && startsWith(l, "Kính gửi")) inHeader = false;
    if (inHeader && inSummary && !l.empty()) {
      h.summary.push_back(l);
      continue;
    }
    inSummary = false;
    if (inHeader && h.number.empty() && startsWith(l, "Số")) {
      h.number = l;
    } else if (inHeader && h.date.empty() && l.find("ngày") != std::string::npos &&
               l.find("tháng") != std::string::npos && l.find("năm") != std::string::npos) {
      h.date = l;
    } else if (inHeader && h.summary.empty() && startsWith(l, "V/v")) {
      h.summary.push_back(l);
      inSummary = true;
    } else if (!(inHeader && l.empty() && h.body.empty())) {
      h.body.push_back(raw);
    }
  }
  return h;
}

// "Số:286/SYT-VP" as pieces; blank: "Số:", a blank, "/SYT-VP".
std::vector<std::string> numberPieces(const std::string& line, bool blank) {
  if (!blank) return {line};
  const auto colon = line.find(':');
  const auto slash = line.find('/');
  if (colon == std::string::npos || slash == std::string::npos || slash < colon) return {line};
  return {line.substr(0, colon + 1), std::string(10, ' '), line.substr(slash)};
}

// "Huế, ngày 12 tháng 02 năm 2020" as pieces; blank: the day and month become blanks; `year`
// (when set) replaces the year.
std::vector<std::string> datePieces(const std::string& line, bool blank, int year) {
  const std::vector<std::string> w = words(line);
  std::vector<std::string> out(1);  // the last piece is the one being written
  for (std::size_t i = 0; i < w.size(); ++i) {
    const std::string prev = i > 0 ? w[i - 1] : std::string();
    if (blank && (prev == "ngày" || prev == "tháng")) {
      out.back().push_back(' ');
      out.emplace_back(6, ' ');
      out.emplace_back(1, ' ');
      continue;
    }
    if (!out.back().empty() && out.back().back() != ' ') out.back().push_back(' ');
    out.back().append(prev == "năm" && year > 0 ? std::to_string(year) : w[i]);
  }
  return out;
}

}  // namespace

Status renderLetterPdf(const std::string& text, const std::filesystem::path& out,
                       const LetterOptions& opt) {
  std::vector<std::string> lines = splitLines(text);
  // The signer's block: the last two non-empty lines are the title and the name.
  std::vector<std::size_t> nonEmpty;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!trim(lines[i]).empty()) nonEmpty.push_back(i);
  if (nonEmpty.size() < 3)
    return Error::kyso(Errc::UsageError, "renderLetterPdf", "the letter text is too short")
        .because(Detail::Technical);
  const std::string name = trim(lines[nonEmpty.back()]);
  const std::string title = trim(lines[nonEmpty[nonEmpty.size() - 2]]);
  std::vector<std::string> body(lines.begin(),
                                lines.begin() + static_cast<long>(nonEmpty[nonEmpty.size() - 2]));

  KYSO_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::create(out));
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(writeToAtomic, &file, kPageW, kPageH));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Công văn 286/SYT-VP");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "kyso");
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  Page page(cr.get(), opt);

  // Header, Decree 30 Appendix I: the issuing body at the left, the national motto at the right,
  // each with a rule under it; then the number and the summary at the left, the place and date in
  // italics at the right.
  const Header header = splitHeader(body);
  // The left column starts in the margin, as the form's table does, so the two columns fit.
  const double leftCx = kLeft + 60, rightCx = kPageW - kRight - 128;
  page.font(12);
  page.centred(leftCx, page.y(), "UBND TỈNH THỪA THIÊN HUẾ");
  page.font(12, true);
  page.centred(rightCx, page.y(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  page.y() += 16;
  page.font(12.5, true);
  page.centred(leftCx, page.y(), opt.organisation);
  const double orgWidth = page.width(opt.organisation);
  page.font(13.5, true);
  page.centred(rightCx, page.y(), "Độc lập - Tự do - Hạnh phúc");
  const double mottoWidth = page.width("Độc lập - Tự do - Hạnh phúc");
  page.rule(leftCx, page.y() + 6, std::max(orgWidth, 60.0) * 0.6);
  page.rule(rightCx, page.y() + 6, mottoWidth);
  page.y() += 28;
  if (!header.number.empty() || !header.date.empty()) {
    page.font(13);
    if (!header.number.empty())
      page.centredPieces(leftCx, page.y(), numberPieces(header.number, opt.blankNumberAndDate));
    page.font(13, false, true);
    if (!header.date.empty())
      page.centredPieces(rightCx, page.y(),
                         datePieces(header.date, opt.blankNumberAndDate, opt.year));
    page.y() += 16;
  }
  page.font(12);
  for (const std::string& l : header.summary) {
    page.centred(leftCx, page.y(), l);
    page.y() += 14;
  }
  page.y() += 12;

  page.font(kBody);
  int repeat = opt.repeatBody < 1 ? 1 : opt.repeatBody;
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& raw : header.body) {
      std::string l = trim(raw);
      if (l.empty()) {
        page.y() += kLead / 3;
        continue;
      }
      bool item = l.rfind("- ", 0) == 0;
      page.paragraph(l, item || l.size() < 60 ? 0 : 36);
    }
  }

  // The signer's block: title, room for the handwritten signature and seal, name.
  page.ensureRoom(130);
  page.y() += kLead;
  const double blockCx = kPageW - kRight - 120;
  page.font(13, true);
  page.centred(blockCx, page.y(), title);
  page.y() += 95;
  page.centred(blockCx, page.y(), name);

  cr.reset();
  cairo_surface_finish(surface.get());
  cairo_status_t st = cairo_surface_status(surface.get());
  surface.reset();
  if (st != CAIRO_STATUS_SUCCESS)
    return Error::kyso(Errc::OutputNotWritable, "cairo_surface_finish", cairo_status_to_string(st));
  return file.commit();
}

}  // namespace kyso::letter
