// PNG decoding for decodeImage (raster_image.h): libpng's simplified API, and the pHYs chunk it
// does not report.
#include <png.h>

#include <cstring>

#include "src/appearance/image_decoders.h"

namespace kyso::appearance::detail {
namespace {
std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         p[3];
}

// libpng's simplified API does not report pHYs; read it from the chunk list (it precedes IDAT).
void readPhys(std::string_view b, RasterImage& img) {
  std::size_t pos = 8;
  while (pos + 12 <= b.size()) {
    const auto* p = reinterpret_cast<const unsigned char*>(b.data() + pos);
    const std::uint32_t len = be32(p);
    if (len > b.size() - pos - 12) return;
    if (std::memcmp(p + 4, "IDAT", 4) == 0) return;
    if (std::memcmp(p + 4, "pHYs", 4) == 0 && len == 9) {
      if (p[16] == 1) {  // unit: metre
        img.ppmX = be32(p + 8);
        img.ppmY = be32(p + 12);
      }
      return;
    }
    pos += 12 + len;
  }
}

}  // namespace

bool looksLikePng(std::string_view bytes) {
  static constexpr unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  return bytes.size() >= 8 && std::memcmp(bytes.data(), kSig, 8) == 0;
}

Result<RasterImage> decodePng(std::string_view bytes, const ImageOptions& options) {
  png_image pi;
  std::memset(&pi, 0, sizeof pi);
  pi.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&pi, bytes.data(), bytes.size())) {
    std::string msg = pi.message;
    png_image_free(&pi);
    return Error::kyso(Errc::ImageInvalid, "png_image_begin_read_from_memory", msg)
        .because(Detail::Technical);
  }
  if (pi.width == 0 || pi.height == 0 || pi.width > options.maxSide ||
      pi.height > options.maxSide || std::uint64_t{pi.width} * pi.height > options.maxPixels) {
    png_image_free(&pi);
    return Error::kyso(Errc::ImageTooLarge, "png_image_begin_read_from_memory",
                       std::to_string(pi.width) + "x" + std::to_string(pi.height) + " pixels");
  }
  RasterImage img;
  img.width = pi.width;
  img.height = pi.height;
  img.hadAlpha = (pi.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  pi.format = PNG_FORMAT_RGBA;
  std::string rgba(PNG_IMAGE_SIZE(pi), '\0');
  if (!png_image_finish_read(&pi, nullptr, rgba.data(), 0, nullptr)) {
    std::string msg = pi.message;
    png_image_free(&pi);
    return Error::kyso(Errc::ImageInvalid, "png_image_finish_read", msg).because(Detail::Technical);
  }
  png_image_free(&pi);
  const std::size_t n = std::size_t{img.width} * img.height;
  img.rgb.resize(n * 3);
  img.alpha.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto* px = reinterpret_cast<const unsigned char*>(rgba.data() + i * 4);
    img.rgb[i * 3] = static_cast<char>(px[0]);
    img.rgb[i * 3 + 1] = static_cast<char>(px[1]);
    img.rgb[i * 3 + 2] = static_cast<char>(px[2]);
    img.alpha[i] = static_cast<char>(px[3]);
  }
  readPhys(bytes, img);
  return img;
}

}  // namespace kyso::appearance::detail
