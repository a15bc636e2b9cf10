// What the letter module's cairo renderers share: owning cairo handles, and writing cairo's output
// (a PDF stream, a PNG) through an AtomicFile, so that a failure leaves no partial file.
#pragma once

#include <cairo.h>

#include <filesystem>
#include <memory>
#include <span>

#include "core/atomic_file.h"
#include "core/result.h"

namespace kyso::letter {

struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;

/// cairo's write callback: `closure` is the AtomicFile.
inline cairo_status_t writeToAtomic(void* closure, const unsigned char* data, unsigned int length) {
  auto* f = static_cast<AtomicFile*>(closure);
  return f->write(std::as_bytes(std::span(data, length))).ok() ? CAIRO_STATUS_SUCCESS
                                                               : CAIRO_STATUS_WRITE_ERROR;
}

/// Writes an image surface as PNG to `out` (replacing it) through a temporary file and a rename.
inline Status writePng(cairo_surface_t* surface, const std::filesystem::path& out) {
  cairo_surface_flush(surface);
  if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS)
    return Error::kyso(Errc::ImageInvalid, "cairo_image_surface_create");
  KYSO_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::create(out, AtomicFile::Overwrite::Allow));
  if (cairo_surface_write_to_png_stream(surface, writeToAtomic, &file) != CAIRO_STATUS_SUCCESS)
    return Error::kyso(Errc::OutputNotWritable, "cairo_surface_write_to_png_stream", out.string());
  return file.commit();
}

}  // namespace kyso::letter
