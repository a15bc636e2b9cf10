// PNG signature and seal images: decoded with libpng's simplified API into 8-bit RGB plus an alpha
// channel, with the pHYs resolution (for the seal's real size), and written as a PDF image XObject
// with a soft mask, both Flate-compressed, at the original pixel size (never resampled).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "src/appearance/appearance.h"

namespace kyso::appearance {

/// Limits and options for reading a PNG.
struct PngOptions {
  bool whiteTransparent = false;  // make near-white pixels transparent (images without alpha)
  std::size_t maxFileBytes = 32u << 20;  // larger files are refused (ImageTooLarge)
  std::uint32_t maxSide = 10000;         // pixels per side
  std::uint64_t maxPixels = 40'000'000;  // width * height
};

/// A decoded image. Owns its pixels.
struct PngImage {
  std::uint32_t width = 0, height = 0;
  std::string rgb;               // width*height*3 bytes
  std::string alpha;             // width*height bytes
  bool hadAlpha = false;         // the file had an alpha channel or tRNS
  bool madeTransparent = false;  // alpha was made from white (whiteTransparent)
  double ppmX = 0, ppmY = 0;     // pixels per metre from pHYs (0 when absent or not in metres)

  /// The physical size in points from pHYs; 0 when unknown.
  double widthPt() const { return ppmX > 0 ? width / ppmX * 1000.0 * 72.0 / 25.4 : 0; }
  double heightPt() const { return ppmY > 0 ? height / ppmY * 1000.0 * 72.0 / 25.4 : 0; }
};

/// Decodes PNG bytes. Not a PNG / corrupt: ImageInvalid; over the limits: ImageTooLarge.
Result<PngImage> decodePng(std::string_view bytes, const PngOptions& options = {});
/// Reads and decodes a PNG file (FileNotFound, FileUnreadable, then as decodePng).
Result<PngImage> loadPng(const std::filesystem::path& path, const PngOptions& options = {});

/// Appends the soft mask and the image XObject to `objects`; returns the image's index.
Result<std::size_t> appendImageObjects(const PngImage& image, std::vector<NewObject>& objects);

}  // namespace kyso::appearance
