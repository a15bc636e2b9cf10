#include "src/letter/handwriting_png.h"

#include <cairo.h>

#include <memory>

#include "src/letter/cairo_output.h"

namespace kyso::letter {

Status renderHandwritingPng(const std::string& name, const std::filesystem::path& out) {
  constexpr int kW = 600, kH = 220;
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kW, kH));
  CairoPtr cr(cairo_create(surface.get()));
  cairo_set_operator(cr.get(), CAIRO_OPERATOR_CLEAR);
  cairo_paint(cr.get());
  cairo_set_operator(cr.get(), CAIRO_OPERATOR_OVER);
  cairo_set_source_rgb(cr.get(), 0.05, 0.15, 0.65);  // ink blue
  cairo_select_font_face(cr.get(), "Liberation Serif", CAIRO_FONT_SLANT_ITALIC,
                         CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr.get(), 62);
  cairo_text_extents_t e;
  cairo_text_extents(cr.get(), name.c_str(), &e);
  double scale = e.x_advance > kW - 40 ? (kW - 40) / e.x_advance : 1.0;
  cairo_save(cr.get());
  cairo_translate(cr.get(), (kW - e.x_advance * scale) / 2, 120);
  cairo_scale(cr.get(), scale, scale);
  cairo_rotate(cr.get(), -0.06);
  cairo_move_to(cr.get(), 0, 0);
  cairo_show_text(cr.get(), name.c_str());
  cairo_restore(cr.get());
  // The flourish under the name.
  cairo_set_line_width(cr.get(), 4.5);
  cairo_set_line_cap(cr.get(), CAIRO_LINE_CAP_ROUND);
  cairo_move_to(cr.get(), 70, 165);
  cairo_curve_to(cr.get(), 220, 205, 380, 120, 540, 150);
  cairo_stroke(cr.get());
  return writePng(surface.get(), out);
}

}  // namespace kyso::letter
