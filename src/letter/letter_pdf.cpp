#include "src/letter/letter_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>

#include <memory>
#include <sstream>
#include <vector>

#include "core/atomic_file.h"

namespace kyso::letter {
namespace {

constexpr double kPageW = 595.28, kPageH = 841.89;                          // A4 in points
constexpr double kLeft = 85.0, kRight = 56.7, kTop = 56.7, kBottom = 56.7;  // 30 / 20 / 20 / 20 mm
constexpr double kBody = 13.0, kLead = 18.0;

struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

cairo_status_t writeToAtomic(void* closure, const unsigned char* data, unsigned int length) {
  auto* f = static_cast<AtomicFile*>(closure);
  auto st = f->write(std::as_bytes(std::span(data, length)));
  return st.ok() ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

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

}  // namespace

Status renderLetterPdf(const std::string& text, const std::filesystem::path& out,
                       const LetterOptions& opt) {
  std::vector<std::string> lines = splitLines(text);
  // The signer's block: the last two non-empty lines are the title and the name.
  std::vector<std::size_t> nonEmpty;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (!trim(lines[i]).empty()) nonEmpty.push_back(i);
  if (nonEmpty.size() < 3)
    return Error::kyso(Errc::UsageError, "renderLetterPdf", "the letter text is too short");
  const std::string name = trim(lines[nonEmpty.back()]);
  const std::string title = trim(lines[nonEmpty[nonEmpty.size() - 2]]);
  std::vector<std::string> body(lines.begin(),
                                lines.begin() + static_cast<long>(nonEmpty[nonEmpty.size() - 2]));

  KYSO_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::create(out));
  std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
      cairo_pdf_surface_create_for_stream(writeToAtomic, &file, kPageW, kPageH));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Công văn 286/SYT-VP");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "kyso");
  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
  cairo_set_source_rgb(cr.get(), 0, 0, 0);
  Page page(cr.get(), opt);

  // Header: issuing body at the left, national motto at the right (Decree 30, Appendix I).
  const double leftCx = kLeft + 100, rightCx = kPageW - kRight - 130;
  page.font(12.5);
  page.centred(leftCx, page.y(), "UBND TỈNH THỪA THIÊN HUẾ");
  page.font(12.5, true);
  page.centred(rightCx, page.y(), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  page.y() += 16;
  page.centred(leftCx, page.y(), opt.organisation);
  page.font(13.5, true);
  page.centred(rightCx, page.y(), "Độc lập - Tự do - Hạnh phúc");
  page.y() += 26;

  page.font(kBody);
  int repeat = opt.repeatBody < 1 ? 1 : opt.repeatBody;
  for (int r = 0; r < repeat; ++r) {
    for (const std::string& raw : body) {
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
