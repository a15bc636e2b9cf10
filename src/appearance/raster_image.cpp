#include "src/appearance/raster_image.h"

#include <algorithm>

#include "core/atomic_file.h"
#include "src/appearance/image_decoders.h"
#include "src/appearance/pdf_syntax.h"

namespace kyso::appearance {
namespace {

// Scanned paper: the darker the pixel, the more opaque; pure white disappears.
void keyOutWhite(RasterImage& img) {
  const std::size_t n = std::size_t{img.width} * img.height;
  img.alpha.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const auto* px = reinterpret_cast<const unsigned char*>(img.rgb.data() + i * 3);
    const unsigned m = std::min({px[0], px[1], px[2]});
    img.alpha[i] = static_cast<char>(m >= 240 ? 0 : 255 - m * 255 / 240);
  }
  img.madeTransparent = true;
}

}  // namespace

Result<RasterImage> decodeImage(std::string_view bytes, const ImageOptions& options) {
  if (bytes.size() > options.maxFileBytes)
    return Error::kyso(Errc::ImageTooLarge, "image_read", std::to_string(bytes.size()) + " bytes");
  Result<RasterImage> decoded =
      detail::looksLikePng(bytes) ? detail::decodePng(bytes, options)
      : detail::looksLikeJpeg(bytes)
          ? detail::decodeJpeg(bytes, options)
          : Result<RasterImage>(
                Error::kyso(Errc::ImageInvalid, "image_format").because(Detail::NotAnImage));
  if (!decoded.ok()) return decoded;
  RasterImage& img = *decoded;
  // The PNG decoder fills alpha (opaque without an alpha channel); a JPEG has none.
  if (!img.hadAlpha && (img.fromJpeg || options.whiteTransparent)) keyOutWhite(img);
  return decoded;
}

Result<RasterImage> loadImage(const std::filesystem::path& path, const ImageOptions& options) {
  KYSO_ASSIGN_OR_RETURN(std::string bytes, readSmallFile(path, options.maxFileBytes));
  auto r = decodeImage(bytes, options);
  if (!r.ok()) r.error().addWhere(path.string());
  return r;
}

Result<std::size_t> appendImageObjects(const RasterImage& image, std::vector<NewObject>& objects) {
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
