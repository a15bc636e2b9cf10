#include "tests/appearance/test_support.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>
#include <random>
#include <sstream>
#include <stdexcept>

namespace kyso::test {
namespace fs = std::filesystem;

TempDir::TempDir() {
  std::random_device rd;
  const fs::path base = fs::temp_directory_path();
  for (int i = 0; i < 100; ++i) {
    fs::path p =
        base / ("kyso-appearance-" + std::to_string(getpid()) + "-" + std::to_string(rd()));
    if (fs::create_directory(p)) {
      m_path = p;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory");
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!std::getenv("KYSO_KEEP_TEST_FILES")) fs::remove_all(m_path, ec);
}

std::string shq(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out += c;
  }
  return out + "'";
}

std::string run(const std::string& command, int* status) {
  std::string out;
  FILE* f = popen(command.c_str(), "r");
  if (!f) throw std::runtime_error("popen failed: " + command);
  std::array<char, 4096> buf{};
  std::size_t n = 0;
  while ((n = fread(buf.data(), 1, buf.size(), f)) > 0) out.append(buf.data(), n);
  const int st = pclose(f);
  if (status) *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return out;
}

bool haveTool(const std::string& tool) {
  int st = 0;
  run("command -v " + shq(tool) + " >/dev/null 2>&1", &st);
  return st == 0;
}

std::vector<LetterLine> sampleLetterLines() {
  return {
      {"SỞ Y TẾ TỈNH LÂM ĐỒNG", 60, 70, 0, 12, true},
      {"Số: 286/SYT-VP", 60, 95, 0, 12, false},
      {"Lâm Đồng, ngày 06 tháng 9 năm 2026", 0, 120, 430, 13, false},
      {"V/v tăng cường phòng, chống dịch bệnh mùa mưa", 60, 160, 0, 12, false},
      {"Kính gửi: các đơn vị trực thuộc.", 60, 200, 0, 12, false},
      {"Sở Y tế đề nghị các đơn vị triển khai thực hiện nghiêm túc.", 60, 230, 0, 12, false},
      {"Nơi nhận:", 60, 520, 0, 11, true},
      {"- Như trên;", 60, 536, 0, 10, false},
      {"GIÁM ĐỐC", 0, 520, 430, 13, true},
      {"Nguyễn Nam Hùng", 0, 640, 430, 13, true},
  };
}

// cairo's toy font API loads fontconfig's configuration and keeps it for the process; release it at
// exit so LeakSanitizer sees only our own allocations.
void releaseFontCachesAtExit() {
  static const bool registered = [] {
    std::atexit([] {
      cairo_debug_reset_static_data();
      FcFini();
    });
    return true;
  }();
  (void)registered;
}

void makeLetterPdf(const fs::path& out, const std::vector<LetterLine>& lines, int pages,
                   int rotate) {
  releaseFontCachesAtExit();
  const double dw = 595.276, dh = 841.89;  // the page as displayed
  const bool quarter = rotate == 90 || rotate == 270;
  const double uw = quarter ? dh : dw, uh = quarter ? dw : dh;  // the page in user space
  const fs::path drawn = rotate ? fs::path(out.string() + ".unrotated.pdf") : out;
  cairo_surface_t* s = cairo_pdf_surface_create(drawn.c_str(), uw, uh);
  cairo_t* cr = cairo_create(s);
  // Maps displayed coordinates (top-left origin, y down) to cairo's user space, so that a viewer
  // turning the page clockwise by `rotate` shows the letter upright.
  cairo_matrix_t m;
  switch (rotate) {
    case 90:
      cairo_matrix_init(&m, 0, -1, 1, 0, 0, uh);
      break;
    case 180:
      cairo_matrix_init(&m, -1, 0, 0, -1, uw, uh);
      break;
    case 270:
      cairo_matrix_init(&m, 0, 1, -1, 0, uw, 0);
      break;
    default:
      cairo_matrix_init_identity(&m);
      break;
  }
  for (int p = 1; p <= pages; ++p) {
    cairo_set_matrix(cr, &m);
    cairo_set_source_rgb(cr, 0, 0, 0);
    if (p < pages) {
      cairo_select_font_face(cr, "Liberation Serif", CAIRO_FONT_SLANT_NORMAL,
                             CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size(cr, 12);
      cairo_move_to(cr, 60, 100);
      cairo_show_text(cr, ("Trang " + std::to_string(p)).c_str());
      cairo_show_page(cr);
      continue;
    }
    for (const auto& l : lines) {
      cairo_select_font_face(cr, "Liberation Serif",
                             l.italic ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                             l.bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size(cr, l.size);
      double x = l.x;
      if (l.cx > 0) {
        cairo_text_extents_t e;
        cairo_text_extents(cr, l.text.c_str(), &e);
        x = l.cx - e.x_advance / 2;
      }
      cairo_move_to(cr, x, l.y);
      cairo_show_text(cr, l.text.c_str());
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(s);
  const cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo failed");
  if (rotate) {
    QPDF q;
    q.processFile(drawn.c_str());
    for (auto& page : QPDFPageDocumentHelper(q).getAllPages())
      page.getObjectHandle().replaceKey("/Rotate", QPDFObjectHandle::newInteger(rotate));
    QPDFWriter w(q, out.c_str());
    w.write();
  }
}

void makeSampleLetterPdf(const fs::path& text, const fs::path& out) {
  std::ifstream in(text);
  if (!in) throw std::runtime_error("cannot read " + text.string());
  std::vector<std::string> paras;
  for (std::string l; std::getline(in, l);) {
    while (!l.empty() && (l.back() == '\r' || l.back() == ' ')) l.pop_back();
    paras.push_back(l);
  }
  const double pageW = 595.276, pageH = 841.89, left = 85, right = pageW - 57, top = 60,
               bottom = pageH - 60;
  releaseFontCachesAtExit();
  cairo_surface_t* s = cairo_pdf_surface_create(out.c_str(), pageW, pageH);
  cairo_t* cr = cairo_create(s);
  auto font = [&](double size, bool bold) {
    cairo_select_font_face(cr, "Liberation Serif", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
  };
  auto width = [&](const std::string& t) {
    cairo_text_extents_t e;
    cairo_text_extents(cr, t.c_str(), &e);
    return e.x_advance;
  };
  double y = top;
  auto newline = [&](double lead) {
    y += lead;
    if (y > bottom) {
      cairo_show_page(cr);
      y = top;
    }
  };
  std::size_t i = 0;
  font(13, false);
  for (; i < paras.size() && paras[i] != "Nơi nhận:"; ++i) {
    if (paras[i].empty()) {
      newline(6);
      continue;
    }
    if (paras[i].find("  ") != std::string::npos) {  // blanks to fill in: drawn as they are
      cairo_move_to(cr, left, y);
      cairo_show_text(cr, paras[i].c_str());
      newline(17);
      continue;
    }
    std::istringstream words(paras[i]);
    std::string line;
    for (std::string w; words >> w;) {
      const std::string cand = line.empty() ? w : line + " " + w;
      if (!line.empty() && width(cand) > right - left) {
        cairo_move_to(cr, left, y);
        cairo_show_text(cr, line.c_str());
        newline(17);
        line = w;
      } else {
        line = cand;
      }
    }
    cairo_move_to(cr, left, y);
    cairo_show_text(cr, line.c_str());
    newline(17);
  }
  // The signature block stays on one page.
  if (y + 150 > bottom) {
    cairo_show_page(cr);
    y = top;
  }
  y += 12;
  const double blockTop = y, cx = 425;
  std::string title, name;
  double ly = blockTop;
  for (; i < paras.size(); ++i) {
    const std::string& p = paras[i];
    if (p.empty()) continue;
    if (p == "Nơi nhận:") {
      font(12, true);
      cairo_move_to(cr, left, ly);
      cairo_show_text(cr, p.c_str());
      ly += 15;
    } else if (p.rfind("- ", 0) == 0) {
      font(11, false);
      cairo_move_to(cr, left, ly);
      cairo_show_text(cr, p.c_str());
      ly += 13;
    } else if (title.empty()) {
      title = p;
    } else {
      name = p;
    }
  }
  if (title.empty() || name.empty())
    throw std::runtime_error("sample letter has no title and name");
  font(13, true);
  cairo_move_to(cr, cx - width(title) / 2, blockTop);
  cairo_show_text(cr, title.c_str());
  const double nameY = blockTop + 30 * 72 / 25.4 + 13;
  cairo_move_to(cr, cx - width(name) / 2, nameY);
  cairo_show_text(cr, name.c_str());
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  const cairo_status_t st = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (st != CAIRO_STATUS_SUCCESS) throw std::runtime_error("cairo failed");
}

void stampAppearance(const fs::path& in, const fs::path& out, const appearance::Appearance& a,
                     const std::string& field) {
  QPDF q;
  q.processFile(in.c_str());
  std::vector<QPDFObjectHandle> handles;
  for (const auto& o : a.objects) {
    const bool isStream = o.body.find("\nstream\n") != std::string::npos;
    handles.push_back(isStream ? QPDFObjectHandle::newStream(&q)
                               : QPDFObjectHandle::newReserved(&q));
  }
  auto substitute = [&](std::string s) {
    for (std::size_t k = 0; k < handles.size(); ++k) {
      const std::string ph = "{{ref:" + std::to_string(k) + "}}";
      const std::string ref = std::to_string(handles[k].getObjectID()) + " " +
                              std::to_string(handles[k].getGeneration()) + " R";
      for (std::size_t pos; (pos = s.find(ph)) != std::string::npos;)
        s.replace(pos, ph.size(), ref);
    }
    if (s.find("{{ref:") != std::string::npos) throw std::runtime_error("dangling placeholder");
    return s;
  };
  for (std::size_t k = 0; k < a.objects.size(); ++k) {
    const std::string& body = a.objects[k].body;
    const std::size_t sp = body.find("\nstream\n");
    if (sp == std::string::npos) {
      q.replaceReserved(handles[k], QPDFObjectHandle::parse(&q, substitute(body)));
      continue;
    }
    const std::size_t ep = body.rfind("\nendstream");
    if (ep == std::string::npos || ep < sp + 8) throw std::runtime_error("bad stream object");
    QPDFObjectHandle dict = QPDFObjectHandle::parse(&q, substitute(body.substr(0, sp)));
    const std::string data = body.substr(sp + 8, ep - sp - 8);
    if (dict.getKey("/Length").getIntValue() != static_cast<long long>(data.size()))
      throw std::runtime_error("stream /Length does not match its data");
    handles[k].replaceStreamData(data, dict.getKey("/Filter"), dict.getKey("/DecodeParms"));
    for (const auto& key : dict.getKeys()) {
      if (key == "/Length" || key == "/Filter" || key == "/DecodeParms") continue;
      handles[k].getDict().replaceKey(key, dict.getKey(key));
    }
  }
  auto pages = QPDFPageDocumentHelper(q).getAllPages();
  QPDFObjectHandle page = pages.at(static_cast<std::size_t>(a.pageIndex)).getObjectHandle();
  char rect[200];
  std::snprintf(rect, sizeof rect, "[%.4f %.4f %.4f %.4f]", a.rect.llx, a.rect.lly, a.rect.urx,
                a.rect.ury);
  QPDFObjectHandle annot = q.makeIndirectObject(QPDFObjectHandle::parse(
      &q,
      "<< /Type /Annot /Subtype /Widget /FT /Sig /F 4 /T (" + field + ") /Rect " + rect +
          " /AP << /N " + std::to_string(handles[a.formIndex].getObjectID()) +
          " 0 R >> /V << /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached >> >>"));
  annot.replaceKey("/P", page);
  if (!page.getKey("/Annots").isArray()) page.replaceKey("/Annots", QPDFObjectHandle::newArray());
  page.getKey("/Annots").appendItem(annot);
  QPDFObjectHandle root = q.getRoot();
  if (!root.getKey("/AcroForm").isDictionary())
    root.replaceKey("/AcroForm", QPDFObjectHandle::parse("<< /Fields [] /SigFlags 3 >>"));
  root.getKey("/AcroForm").getKey("/Fields").appendItem(annot);
  // Text on the letter's own lines: stamp annotations, as the signer writes them.
  for (const auto& m : a.marks) {
    QPDFObjectHandle mp = pages.at(static_cast<std::size_t>(m.pageIndex)).getObjectHandle();
    std::snprintf(rect, sizeof rect, "[%.4f %.4f %.4f %.4f]", m.rect.llx, m.rect.lly, m.rect.urx,
                  m.rect.ury);
    QPDFObjectHandle mark = q.makeIndirectObject(QPDFObjectHandle::parse(
        &q, std::string("<< /Type /Annot /Subtype /Stamp /F 708 /Rect ") + rect + " /AP << /N " +
                std::to_string(handles.at(m.formIndex).getObjectID()) + " 0 R >> >>"));
    mark.replaceKey("/Contents", QPDFObjectHandle::newUnicodeString(m.text));
    mark.replaceKey("/P", mp);
    if (!mp.getKey("/Annots").isArray()) mp.replaceKey("/Annots", QPDFObjectHandle::newArray());
    mp.getKey("/Annots").appendItem(mark);
  }
  QPDFWriter w(q, out.c_str());
  w.write();
}

void setCropBox(const fs::path& in, const fs::path& out, const appearance::PdfRect& box) {
  QPDF q;
  q.processFile(in.c_str());
  char rect[200];
  std::snprintf(rect, sizeof rect, "[%.4f %.4f %.4f %.4f]", box.llx, box.lly, box.urx, box.ury);
  for (auto& page : QPDFPageDocumentHelper(q).getAllPages())
    page.getObjectHandle().replaceKey("/CropBox", QPDFObjectHandle::parse(rect));
  QPDFWriter w(q, out.c_str());
  w.write();
}

Raster renderPage(const fs::path& pdf, int pageIndex, double dpi) {
  const fs::path prefix = pdf.parent_path() / (pdf.stem().string() + "-render");
  int st = 0;
  const std::string n = std::to_string(pageIndex + 1);
  run("pdftoppm -r " + std::to_string(dpi) + " -f " + n + " -l " + n + " -singlefile " +
          shq(pdf.string()) + " " + shq(prefix.string()) + " 2>&1",
      &st);
  if (st != 0) throw std::runtime_error("pdftoppm failed on " + pdf.string());
  std::ifstream f(prefix.string() + ".ppm", std::ios::binary);
  std::string magic;
  int w = 0, h = 0, maxv = 0;
  f >> magic >> w >> h >> maxv;
  f.get();
  if (magic != "P6" || w <= 0 || h <= 0 || maxv != 255)
    throw std::runtime_error("bad PPM from pdftoppm");
  Raster r;
  r.width = w;
  r.height = h;
  r.dpi = dpi;
  r.rgb.resize(static_cast<std::size_t>(w) * h * 3);
  f.read(reinterpret_cast<char*>(r.rgb.data()), static_cast<std::streamsize>(r.rgb.size()));
  if (!f) throw std::runtime_error("short PPM");
  return r;
}

void makeSignaturePng(const fs::path& out, int w, int h) {
  int st = 0;
  const std::string cmd = "convert -size " + std::to_string(w) + "x" + std::to_string(h) +
                          " xc:none -stroke '#0030c8' -strokewidth 10 -fill none -draw " +
                          shq("bezier 40," + std::to_string(h * 3 / 4) + " " +
                              std::to_string(w / 4) + ",10 " + std::to_string(w / 2) + "," +
                              std::to_string(h - 10) + " " + std::to_string(w - 40) + ",30") +
                          " PNG32:" + shq(out.string()) + " 2>&1";
  const std::string msg = run(cmd, &st);
  if (st != 0) throw std::runtime_error("convert failed: " + msg);
}

void makeSealPng(const fs::path& out, int px, int dpi) {
  int st = 0;
  const int c = px / 2, r = px / 2 - 12;
  std::string cmd = "convert -size " + std::to_string(px) + "x" + std::to_string(px) +
                    " xc:none -fill none -stroke '#e00000' -strokewidth 16 -draw " +
                    shq("circle " + std::to_string(c) + "," + std::to_string(c) + " " +
                        std::to_string(c) + "," + std::to_string(c - r)) +
                    " -fill '#e00000' -stroke none -draw " +
                    shq("circle " + std::to_string(c) + "," + std::to_string(c) + " " +
                        std::to_string(c) + "," + std::to_string(c - r / 4));
  if (dpi > 0)
    cmd += " -units PixelsPerInch -density " + std::to_string(dpi);
  else
    cmd += " -strip";
  cmd += " PNG32:" + shq(out.string()) + " 2>&1";
  const std::string msg = run(cmd, &st);
  if (st != 0) throw std::runtime_error("convert failed: " + msg);
}

}  // namespace kyso::test
