#include "src/letter/handwriting_png.h"

#include <cairo.h>

#include <memory>

#include "core/atomic_file.h"

namespace kyso::letter {
namespace {

struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};

cairo_status_t writeToAtomic(void* closure, const unsigned char* data, unsigned int length) {
  auto* f = static_cast<AtomicFile*>(closure);
  return f->write(std::as_bytes(std::span(data, length))).ok() ? CAIRO_STATUS_SUCCESS
                                                               : CAIRO_STATUS_WRITE_ERROR;
}

}  // namespace

Status renderHandwritingPng(const std::string& name, const std::filesystem::path& out) {
  constexpr int kW = 600, kH = 220;
  std::unique_ptr<cairo_surface_t, CairoDeleter> surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, kW, kH));
  std::unique_ptr<cairo_t, CairoDeleter> cr(cairo_create(surface.get()));
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
  cairo_surface_flush(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS)
    return Error::kyso(Errc::ImageInvalid, "cairo_image_surface_create");

  KYSO_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::create(out, AtomicFile::Overwrite::Allow));
  if (cairo_surface_write_to_png_stream(surface.get(), writeToAtomic, &file) !=
      CAIRO_STATUS_SUCCESS)
    return Error::kyso(Errc::OutputNotWritable, "cairo_surface_write_to_png_stream", out.string());
  return file.commit();
}

}  // namespace kyso::letter
