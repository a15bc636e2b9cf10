#include "src/appearance/png_image.h"

#include <png.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/atomic_file.h"
#include "src/appearance/pdf_syntax.h"

namespace kyso::appearance {
namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         p[3];
}

// libpng's simplified API does not report pHYs; read it from the chunk list (it precedes IDAT).
void readPhys(std::string_view b, PngImage& img) {
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

Result<PngImage> decodePng(std::string_view bytes, const PngOptions& options) {
  if (bytes.size() > options.maxFileBytes)
    return Error::kyso(Errc::ImageTooLarge, "png_read", std::to_string(bytes.size()) + " bytes");
  static constexpr unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kSig, 8) != 0)
    return Error::kyso(Errc::ImageInvalid, "png_sig_cmp", "not a PNG signature");
  png_image pi;
  std::memset(&pi, 0, sizeof pi);
  pi.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&pi, bytes.data(), bytes.size())) {
    std::string msg = pi.message;
    png_image_free(&pi);
    return Error::kyso(Errc::ImageInvalid, "png_image_begin_read_from_memory", msg);
  }
  if (pi.width == 0 || pi.height == 0 || pi.width > options.maxSide ||
      pi.height > options.maxSide || std::uint64_t{pi.width} * pi.height > options.maxPixels) {
    png_image_free(&pi);
    return Error::kyso(Errc::ImageTooLarge, "png_image_begin_read_from_memory",
                       std::to_string(pi.width) + "x" + std::to_string(pi.height) + " pixels");
  }
  PngImage img;
  img.width = pi.width;
  img.height = pi.height;
  img.hadAlpha = (pi.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  pi.format = PNG_FORMAT_RGBA;
  std::string rgba(PNG_IMAGE_SIZE(pi), '\0');
  if (!png_image_finish_read(&pi, nullptr, rgba.data(), 0, nullptr)) {
    std::string msg = pi.message;
    png_image_free(&pi);
    return Error::kyso(Errc::ImageInvalid, "png_image_finish_read", msg);
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
    unsigned char a = px[3];
    if (!img.hadAlpha && options.whiteTransparent) {
      // Scanned signatures: the darker the pixel, the more opaque; pure white disappears.
      const unsigned m = std::min({px[0], px[1], px[2]});
      a = m >= 240 ? 0 : static_cast<unsigned char>(255 - m * 255 / 240);
      img.madeTransparent = true;
    }
    img.alpha[i] = static_cast<char>(a);
  }
  readPhys(bytes, img);
  return img;
}

Result<PngImage> loadPng(const std::filesystem::path& path, const PngOptions& options) {
  KYSO_ASSIGN_OR_RETURN(std::string bytes, readSmallFile(path, options.maxFileBytes));
  auto r = decodePng(bytes, options);
  if (!r.ok()) r.error().context += " (" + path.string() + ")";
  return r;
}

Result<std::size_t> appendImageObjects(const PngImage& image, std::vector<NewObject>& objects) {
  const std::string size =
      "/Width " + std::to_string(image.width) + " /Height " + std::to_string(image.height);
  KYSO_ASSIGN_OR_RETURN(std::string mask,
                        flateStream("/Type /XObject /Subtype /Image " + size +
                                        " /ColorSpace /DeviceGray /BitsPerComponent 8",
                                    image.alpha));
  objects.push_back({std::move(mask)});
  const std::size_t maskIndex = objects.size() - 1;
  KYSO_ASSIGN_OR_RETURN(
      std::string body,
      flateStream("/Type /XObject /Subtype /Image " + size +
                      " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Interpolate false"
                      " /SMask " +
                      refTo(maskIndex),
                  image.rgb));
  objects.push_back({std::move(body)});
  return objects.size() - 1;
}

}  // namespace kyso::appearance
