// The format decoders behind decodeImage (raster_image.h): each fills width, height, rgb, the
// recorded resolution and, for PNG, the alpha channel; the caller applies the limits it is given
// before any pixel is decoded and makes white transparent where asked.
#pragma once

#include <string_view>

#include "core/result.h"
#include "src/appearance/raster_image.h"

namespace kyso::appearance::detail {

bool looksLikePng(std::string_view bytes);
bool looksLikeJpeg(std::string_view bytes);

/// libpng's simplified API. `alpha` is filled; hadAlpha says whether the file had one.
Result<RasterImage> decodePng(std::string_view bytes, const ImageOptions& options);
/// libjpeg (libjpeg-turbo): baseline and progressive, grey, RGB/YCbCr and CMYK (Adobe's inverted
/// form too). A truncated or damaged stream is refused, never drawn half grey. `alpha` is left
/// empty.
Result<RasterImage> decodeJpeg(std::string_view bytes, const ImageOptions& options);

}  // namespace kyso::appearance::detail
