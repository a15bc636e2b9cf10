// The visual guard: a check of what changed after a signature that does not depend on the rules
// of changes.h being complete. The pages of the signed revision and of the document as it is now
// are rendered at a low resolution (page_render.h) and compared pixel by pixel; a difference
// outside the areas of the changes the rules allowed (a signature widget added, a field filled)
// means the document looks different from what was signed. Pages and time are bounded, and the
// result says when a bound cut the check short.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "src/pdfverify/file_bytes.h"
#include "src/pdfverify/model.h"
#include "src/pdfverify/page_render.h"

namespace kyso::pdfverify {

struct VisualGuardOptions {
  bool enabled = true;
  double dpi = 50;
  int max_pages = 50;                          // pages compared per signature
  std::chrono::milliseconds budget{5000};      // for all the file's signatures together
  std::uint64_t max_file_bytes = 64ull << 20;  // larger files are not rendered
  unsigned threads = 0;                        // 0: the machine's cores, at most 4
};

/// A rectangle of pixels, [x0, x1) x [y0, y1).
struct PixelBox {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// Where `area` (user space of the page) falls on `page` as rendered, widened by `pad` pixels and
/// clipped to the image.
PixelBox areaToPixels(const PageArea& area, const RenderedPage& page, int pad);

/// Compares one page as signed and as it is now, ignoring `allowed` (this page's areas). Returns
/// the difference, if any: a changed size or rotation, or the box around the pixels that differ.
std::optional<VisualCheck::Difference> comparePage(int pageNumber, const RenderedPage& signedPage,
                                                   const RenderedPage& nowPage,
                                                   const std::vector<PageArea>& allowed);

/// One signature's question to the guard: the revision that ends at `signed_end` against the whole
/// file, outside `allowed`.
struct VisualQuestion {
  std::uint64_t signed_end = 0;
  std::vector<PageArea> allowed;
};

/// Runs the guard for the signatures of one file: the document as it is now is rendered once,
/// then each signed revision is rendered and compared on up to `threads` threads (each revision's
/// pixels are dropped once compared). Answers in the order of `questions`.
std::vector<VisualCheck> runVisualGuard(const FileBytes& bytes,
                                        const std::vector<VisualQuestion>& questions,
                                        const VisualGuardOptions& opt);

/// One page as signed and as it is now, rendered at `dpi` for people to compare (the Verify tab).
struct SideBySide {
  RenderedPage as_signed;  // rendered = false when the signed revision has no such page
  RenderedPage now;        // rendered = false when the document now has no such page
};
/// Reads `file` (read-only, at most max_file_bytes) and renders page `page` (1-based) of the
/// revision ending at `signedEnd` and of the whole file. InputTooLarge, FileNotFound,
/// PdfPageOutOfRange, NotAPdf, PdfEncrypted, ComponentUnavailable as renderPages. Blocks on the
/// file and on poppler.
Result<SideBySide> renderSideBySide(const std::filesystem::path& file, std::uint64_t signedEnd,
                                    int page, double dpi,
                                    const VisualGuardOptions& opt = VisualGuardOptions());

/// Compares the rendered revision `then` with the rendered document `now`.
VisualCheck compareRendered(const RenderedDocument& then, const RenderedDocument& now,
                            const std::vector<PageArea>& allowed);

}  // namespace kyso::pdfverify
