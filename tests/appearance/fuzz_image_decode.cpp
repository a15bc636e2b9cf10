// libFuzzer target for decodeImage (src/appearance/raster_image.h): any bytes, PNG or JPEG or
// neither, must give an image within the limits or an error, never a crash, a sanitizer report, a
// hang (libjpeg's progressive scans are bounded) or a read past the input. A decoded image is
// then written as PDF objects, as signing does. Built only with -DKYSO_BUILD_FUZZ=ON and clang
// (scripts/fuzz runs it).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "src/appearance/raster_image.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  kyso::appearance::ImageOptions options;
  options.maxPixels = 4'000'000;  // keeps one input's memory well under the fuzzer's limit
  options.whiteTransparent = size > 0 && (data[size - 1] & 1);
  auto img = kyso::appearance::decodeImage(
      std::string_view(reinterpret_cast<const char*>(data), size), options);
  if (!img.ok()) return 0;
  const std::size_t pixels = std::size_t{img->width} * img->height;
  if (img->width == 0 || img->height == 0 || pixels > options.maxPixels ||
      img->rgb.size() != pixels * 3 || img->alpha.size() != pixels)
    __builtin_trap();
  std::vector<kyso::appearance::NewObject> objects;
  (void)kyso::appearance::appendImageObjects(*img, objects);
  return 0;
}
