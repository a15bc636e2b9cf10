// The module kyso-render.so: pages rendered to grey pixels through poppler-cpp (page_render.h).
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <chrono>
#include <climits>
#include <cmath>
#include <cstring>
#include <memory>
#include <mutex>

#include "core/module_loader.h"
#include "src/pdfverify/page_render.h"

namespace kyso::pdfverify {
namespace {

int rotationOf(const poppler::page& p) {
  switch (p.orientation()) {
    case poppler::page::landscape:
      return 90;
    case poppler::page::upside_down:
      return 180;
    case poppler::page::seascape:
      return 270;
    default:
      return 0;
  }
}

RenderedPage renderOne(const poppler::page& p, const RenderRequest& req) {
  RenderedPage out;
  const poppler::rectf crop = p.page_rect(poppler::crop_box);
  out.crop_x0 = crop.left();
  out.crop_y0 = crop.top();  // poppler-cpp's rectf keeps the box's lower corner in x(), y()
  out.crop_x1 = crop.left() + crop.width();
  out.crop_y1 = crop.top() + crop.height();
  out.rotation = rotationOf(p);
  const double wPt = std::abs(crop.width()), hPt = std::abs(crop.height());
  if (!(wPt >= 1 && hPt >= 1) || !std::isfinite(wPt) || !std::isfinite(hPt)) return out;
  double dpi = req.dpi;
  const double pixels = (wPt * dpi / 72) * (hPt * dpi / 72);
  if (pixels > static_cast<double>(req.max_pixels))
    dpi *= std::sqrt(static_cast<double>(req.max_pixels) / pixels);
  poppler::page_renderer r;
  const auto format = req.color ? poppler::image::format_argb32 : poppler::image::format_gray8;
  r.set_image_format(format);
  r.set_render_hint(poppler::page_renderer::antialiasing, true);
  r.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  r.set_paper_color(0xffffffff);
  poppler::image img = r.render_page(&p, dpi, dpi);
  if (!img.is_valid() || img.format() != format) return out;
  out.rendered = true;
  out.dpi = dpi;
  out.width = img.width();
  out.height = img.height();
  // argb32: one 0xAARRGGBB word a pixel, in the machine's byte order.
  const std::size_t w = static_cast<std::size_t>(out.width),
                    h = static_cast<std::size_t>(out.height);
  const char* src = img.const_data();
  const std::size_t stride = static_cast<std::size_t>(img.bytes_per_row());
  if (!req.color) {
    out.gray.resize(w * h);
    for (std::size_t y = 0; y < h; ++y) std::memcpy(out.gray.data() + y * w, src + y * stride, w);
    return out;
  }
  out.rgb.resize(w * h * 3);
  for (std::size_t y = 0; y < h; ++y)
    for (std::size_t x = 0; x < w; ++x) {
      std::uint32_t px = 0;
      std::memcpy(&px, src + y * stride + x * 4, 4);
      std::uint8_t* d = out.rgb.data() + (y * w + x) * 3;
      d[0] = static_cast<std::uint8_t>(px >> 16);
      d[1] = static_cast<std::uint8_t>(px >> 8);
      d[2] = static_cast<std::uint8_t>(px);
    }
  return out;
}

Result<RenderedDocument> popplerRenderPages(const char* data, std::size_t size,
                                            const RenderRequest& req) {
  static std::once_flag quiet;
  // Keep poppler's warnings about damaged files off the user's terminal.
  std::call_once(
      quiet, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
  if (size > static_cast<std::size_t>(INT_MAX))
    return Error::kyso(Errc::PdfTooComplex, "poppler::document::load_from_raw_data", "over 2 GiB");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(req.budget_ms);
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(data, static_cast<int>(size)));
  if (!doc) return Error::kyso(Errc::NotAPdf, "poppler::document::load_from_raw_data");
  if (doc->is_locked())
    return Error::kyso(Errc::PdfEncrypted, "poppler::document::load_from_raw_data");
  RenderedDocument out;
  out.page_count = doc->pages();
  for (int i = req.first_page; i < out.page_count && i < req.first_page + req.max_pages; ++i) {
    if (std::chrono::steady_clock::now() > deadline) {
      out.out_of_time = true;
      break;
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    out.pages.push_back(page ? renderOne(*page, req) : RenderedPage{});
  }
  return out;
}

constexpr PageRenderApi kApi{PageRenderApi::kAbi, &popplerRenderPages};

}  // namespace
}  // namespace kyso::pdfverify

extern "C" KYSO_MODULE_EXPORT const void* kyso_page_render_api() {
  return &kyso::pdfverify::kApi;
}
