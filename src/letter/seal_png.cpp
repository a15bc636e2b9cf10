#include "src/letter/seal_png.h"

#include <cairo.h>

#include <cmath>
#include <memory>
#include <numbers>
#include <vector>

#include "src/letter/cairo_output.h"

namespace kyso::letter {
namespace {

// The text's characters, each with the combining marks that follow it (U+0300..U+036F, two
// bytes 0xCC 0x80 .. 0xCD 0xAF), so that a letter and its accent are drawn together.
std::vector<std::string> characters(const std::string& s) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < s.size();) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (i + n > s.size()) n = s.size() - i;
    const bool combining =
        n == 2 && (lead == 0xCC || (lead == 0xCD && static_cast<unsigned char>(s[i + 1]) < 0xB0));
    if (combining && !out.empty())
      out.back() += s.substr(i, n);
    else
      out.push_back(s.substr(i, n));
    i += n;
  }
  return out;
}

double advance(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

}  // namespace

Status renderSealPng(const std::string& ring, const std::string& centre,
                     const std::filesystem::path& out) {
  constexpr int kSize = 400;
  constexpr double kC = kSize / 2.0, kPi = std::numbers::pi;
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kSize, kSize));
  CairoPtr owner(cairo_create(surface.get()));
  cairo_t* cr = owner.get();
  cairo_set_operator(cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint(cr);
  cairo_set_operator(cr, CAIRO_OPERATOR_OVER);
  cairo_set_source_rgba(cr, 0.82, 0.06, 0.08, 0.9);  // seal red, a little of the paper through
  // The rings.
  cairo_set_line_width(cr, 9);
  cairo_arc(cr, kC, kC, 190, 0, 2 * kPi);
  cairo_stroke(cr);
  cairo_set_line_width(cr, 3);
  cairo_arc(cr, kC, kC, 128, 0, 2 * kPi);
  cairo_stroke(cr);
  // The ring's text, clockwise from the left, centred on the top.
  cairo_select_font_face(cr, "Liberation Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size(cr, 34);
  const double radius = 145;  // the letters' baseline
  const std::vector<std::string> chars = characters(ring);
  double total = 0;
  for (const auto& c : chars) total += advance(cr, c);
  const double span = std::min(total / radius, 1.7 * kPi);
  const double scale = span * radius / (total > 0 ? total : 1);
  double angle = -kPi / 2 - span / 2;
  for (const auto& c : chars) {
    const double a = advance(cr, c) * scale / radius;
    cairo_save(cr);
    cairo_translate(cr, kC + radius * std::cos(angle + a / 2),
                    kC + radius * std::sin(angle + a / 2));
    cairo_rotate(cr, angle + a / 2 + kPi / 2);
    cairo_scale(cr, scale, 1);
    cairo_move_to(cr, -advance(cr, c) / 2, 0);
    cairo_show_text(cr, c.c_str());
    cairo_restore(cr);
    angle += a;
  }
  // The star, then the short name under it.
  cairo_move_to(cr, kC, kC - 80);
  for (int i = 1; i <= 10; ++i) {
    const double r = i % 2 ? 20 : 50, t = -kPi / 2 + i * kPi / 5;
    cairo_line_to(cr, kC + r * std::cos(t), kC - 30 + r * std::sin(t));
  }
  cairo_close_path(cr);
  cairo_fill(cr);
  cairo_set_font_size(cr, 40);
  const double w = advance(cr, centre);
  const double fit = w > 220 ? 220 / w : 1;
  cairo_save(cr);
  cairo_translate(cr, kC - w * fit / 2, kC + 62);
  cairo_scale(cr, fit, 1);
  cairo_move_to(cr, 0, 0);
  cairo_show_text(cr, centre.c_str());
  cairo_restore(cr);
  return writePng(surface.get(), out);
}

}  // namespace kyso::letter
