// Pages of a PDF rendered to grey pixels, for the visual guard (visual_guard.h) and the Verify
// tab's side-by-side view, or in colour for the Sign tab's preview (with the signatures' and
// stamps' appearances, which Qt PDF leaves out for signature fields). poppler renders them in the
// module kyso-render.so (page_render_poppler.cpp), loaded the first time a page is rendered, so
// that verifying a file whose signatures cover it whole never loads poppler.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "core/result.h"

namespace kyso::pdfverify {

/// One page as poppler shows it: its crop box, turned by its /Rotate.
struct RenderedPage {
  bool rendered = false;  // false: poppler could not draw it (the other fields stay empty)
  int width = 0, height = 0;
  double dpi = 0;                  // lower than asked when the page is too large (max_pixels)
  std::vector<std::uint8_t> gray;  // width * height, row by row from the top, 0 = black
  std::vector<std::uint8_t> rgb;   // with RenderRequest::color instead: 3 bytes per pixel
  double crop_x0 = 0, crop_y0 = 0, crop_x1 = 0, crop_y1 = 0;  // user space
  int rotation = 0;  // 0, 90, 180 or 270, clockwise as shown
};

struct RenderRequest {
  double dpi = 50;
  int first_page = 0;  // 0-based
  int max_pages = 50;
  std::int64_t budget_ms = 4000;         // no page is started after this much time
  std::uint64_t max_pixels = 4'000'000;  // per page; larger pages are drawn at a lower dpi
  bool color = false;                    // RGB (RenderedPage::rgb) instead of grey
};

struct RenderedDocument {
  int page_count = 0;
  std::vector<RenderedPage> pages;  // from first_page on, at most max_pages
  bool out_of_time = false;         // the budget stopped it before the last page asked for
};

/// Renders the PDF held in `data` (not copied; it must outlive the call). NotAPdf when poppler
/// cannot open it, PdfEncrypted when it needs a password to open, ComponentUnavailable when
/// kyso-render.so is missing or does not load, PdfTooComplex when it is over 2 GiB.
Result<RenderedDocument> renderPages(const char* data, std::size_t size, const RenderRequest& req);

/// The module's table (kyso-render.so, entry kyso_page_render_api).
struct PageRenderApi {
  static constexpr std::uint32_t kAbi = 3;
  std::uint32_t abi;
  Result<RenderedDocument> (*renderPages)(const char* data, std::size_t size,
                                          const RenderRequest& req);
};

}  // namespace kyso::pdfverify
