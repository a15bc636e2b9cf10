// The words on one PDF page with their boxes, as poppler extracts them. poppler (with NSS, lcms,
// openjpeg, fontconfig behind it) lives in the module kyso-poppler.so (poppler_text.cpp), loaded
// the first time a page's text is needed, so that commands that never place a signature by the
// page's text do not load it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace kyso::appearance {

/// One word as poppler boxes it: points, top-left origin, relative to the crop box's corner.
struct PageWord {
  std::string text;  // UTF-8
  double x0, x1, y0, y1;
  bool italic = false;  // its font's name says Italic or Oblique (the date line of a letter)
};

/// A page's words and its crop box's left edge and top (PDF user space).
struct PageWords {
  double cropX = 0;
  double cropTop = 0;
  std::vector<PageWord> words;
};

/// `pageIndex` is 0-based. NotAPdf, PdfEncrypted, PdfPageOutOfRange, PdfDamaged for the file;
/// ComponentUnavailable when kyso-poppler.so is missing or does not load.
Result<PageWords> pageWords(const std::filesystem::path& pdf, int pageIndex);

/// The module's table (kyso-poppler.so, entry kyso_poppler_text_api).
struct PopplerTextApi {
  static constexpr std::uint32_t kAbi = 3;
  std::uint32_t abi;
  Result<PageWords> (*pageWords)(const std::filesystem::path& pdf, int pageIndex);
};

}  // namespace kyso::appearance
