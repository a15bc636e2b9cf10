// Signature and seal images (PNG or JPEG): decoded into 8-bit RGB plus an alpha channel, with the
// file's recorded resolution (for the seal's real size), and written as a PDF image XObject with a
// soft mask, both Flate-compressed, at the original pixel size (never resampled).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "src/appearance/appearance.h"

namespace kyso::appearance {

/// Limits and options for reading an image.
struct ImageOptions {
  bool whiteTransparent = false;  // make near-white pixels transparent (images without alpha)
  std::size_t maxFileBytes = 32u << 20;  // larger files are refused (ImageTooLarge)
  std::uint32_t maxSide = 10000;         // pixels per side
  std::uint64_t maxPixels = 40'000'000;  // width * height
};

/// A decoded image. Owns its pixels.
struct RasterImage {
  std::uint32_t width = 0, height = 0;
  std::string rgb;               // width*height*3 bytes
  std::string alpha;             // width*height bytes
  bool hadAlpha = false;         // the file had an alpha channel or tRNS
  bool madeTransparent = false;  // alpha was made from white (whiteTransparent, or a JPEG)
  bool fromJpeg = false;         // decoded from a JPEG (which carries no transparency)
  double ppmX = 0, ppmY = 0;     // pixels per metre (PNG pHYs, JPEG JFIF density); 0: unknown

  /// The physical size in points from the recorded resolution; 0 when unknown.
  double widthPt() const { return ppmX > 0 ? width / ppmX * 1000.0 * 72.0 / 25.4 : 0; }
  double heightPt() const { return ppmY > 0 ? height / ppmY * 1000.0 * 72.0 / 25.4 : 0; }
};

/// Decodes PNG or JPEG bytes (told apart by their signature). A JPEG has no transparency, and
/// Decree 30 asks for a transparent background, so a JPEG's white paper is always made
/// transparent; `whiteTransparent` does the same for a PNG without alpha. Neither format /
/// corrupt / truncated: ImageInvalid; over the limits: ImageTooLarge.
Result<RasterImage> decodeImage(std::string_view bytes, const ImageOptions& options = {});
/// Reads and decodes an image file (FileNotFound, FileUnreadable, then as decodeImage).
Result<RasterImage> loadImage(const std::filesystem::path& path, const ImageOptions& options = {});

/// Appends the soft mask and the image XObject to `objects`; returns the image's index.
Result<std::size_t> appendImageObjects(const RasterImage& image, std::vector<NewObject>& objects);

}  // namespace kyso::appearance
