// Test helpers for appearance tests: temporary directories, external tools (ImageMagick `convert`,
// poppler-utils), a letter PDF drawn with cairo, a stamper that writes an Appearance into a PDF as
// a signature widget with qpdf (what the PDF signer does, without the signature), and page rasters
// from pdftoppm.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "src/appearance/appearance.h"

namespace kyso::test {

/// A fresh directory under $TMPDIR; removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

/// True when `tool` is on PATH.
bool haveTool(const std::string& tool);
/// Runs a shell command; returns its stdout; `status` gets the exit status.
std::string run(const std::string& command, int* status = nullptr);
/// Quotes for /bin/sh.
std::string shq(const std::string& s);

/// One line of text on the letter: baseline at `y` points from the top, centred on `cx` when
/// cx > 0, else starting at x.
struct LetterLine {
  std::string text;
  double x = 0, y = 0, cx = 0, size = 12;
  bool bold = false;
  bool italic = false;
};
/// Writes an A4 PDF with the lines on the page (cairo, Liberation Serif via fontconfig). `pages`
/// pages; the lines go on the last one; the others get "Trang N". With `rotate` 90, 180 or 270 the
/// pages get that /Rotate and the content is drawn turned the other way, so that the page as
/// displayed looks exactly like the unrotated letter (as scanners and landscape exports do).
void makeLetterPdf(const std::filesystem::path& out, const std::vector<LetterLine>& lines,
                   int pages = 1, int rotate = 0);
/// Lays out the sample letter (../shared/samples/cong-van-286-SYT-VP.txt) as an official letter:
/// wrapped body text in Liberation Serif 13 pt, then the signature block in two columns: "Nơi
/// nhận:" and its list on the left, the title on the right with the signer's name 30 mm below it.
/// A line with two spaces in a row (blanks to fill in) is drawn as it is, unwrapped.
void makeSampleLetterPdf(const std::filesystem::path& text, const std::filesystem::path& out);
/// An issued letter's head ("Số: 286/SYT-VP", "Lâm Đồng, ngày 06 tháng 9 năm 2026") and the usual
/// signature block: "Nơi nhận:" and "GIÁM ĐỐC" on one line, "Nguyễn Nam Hùng" below.
std::vector<LetterLine> sampleLetterLines();

/// Adds the appearance's objects and a signed-looking signature widget (with a dummy /V) named
/// `field` on its page, writing `out`. Throws on qpdf errors (the test fails).
void stampAppearance(const std::filesystem::path& in, const std::filesystem::path& out,
                     const appearance::Appearance& a, const std::string& field);

/// Copies `in` to `out` with every page's /CropBox set to [llx lly urx ury] (qpdf).
void setCropBox(const std::filesystem::path& in, const std::filesystem::path& out,
                const appearance::PdfRect& box);

/// A rendered page: RGB, top-left origin.
struct Raster {
  int width = 0, height = 0;
  double dpi = 0;
  std::vector<std::uint8_t> rgb;
  const std::uint8_t* at(int x, int y) const {
    return &rgb[(static_cast<std::size_t>(y) * width + x) * 3];
  }
};
/// pdftoppm -r dpi of one page (0-based).
Raster renderPage(const std::filesystem::path& pdf, int pageIndex, double dpi);

/// Pixel box (inclusive) of pixels matching `pred`; count 0 when none.
struct PixelBox {
  int count = 0, x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
};
template <class Pred>
PixelBox findPixels(const Raster& r, Pred pred) {
  PixelBox b;
  for (int y = 0; y < r.height; ++y)
    for (int x = 0; x < r.width; ++x) {
      const auto* p = r.at(x, y);
      if (!pred(p[0], p[1], p[2])) continue;
      ++b.count;
      if (x < b.x0) b.x0 = x;
      if (y < b.y0) b.y0 = y;
      if (x > b.x1) b.x1 = x;
      if (y > b.y1) b.y1 = y;
    }
  return b;
}
inline bool isBlue(int r, int g, int b) {
  return b > 140 && r < 110 && g < 130 && b - r > 60;
}
inline bool isRed(int r, int g, int b) {
  return r > 150 && g < 90 && b < 90;
}

/// A blue handwriting-like stroke on a transparent background (ImageMagick).
void makeSignaturePng(const std::filesystem::path& out, int w = 600, int h = 240);
/// A red seal ring at `dpi` (pHYs) with `px` pixels diameter; dpi 0 writes no resolution.
void makeSealPng(const std::filesystem::path& out, int px, int dpi);

}  // namespace kyso::test

/// Skips loudly when a tool is missing, or fails when CI=true.
#define KYSO_REQUIRE_TOOL(tool)                                                          \
  do {                                                                                   \
    if (!::kyso::test::haveTool(tool)) {                                                 \
      const char* ci_ = std::getenv("CI");                                               \
      if (ci_ && std::string(ci_) == "true") FAIL() << "missing tool in CI: " << (tool); \
      GTEST_SKIP() << "MISSING TOOL: " << (tool) << " is not on PATH";                   \
    }                                                                                    \
  } while (0)
