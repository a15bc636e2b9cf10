// JPEG decoding for decodeImage (raster_image.h) with libjpeg (libjpeg-turbo on Debian). libjpeg
// reports errors by calling error_exit, which must not return: it jumps back with longjmp to the
// small functions below. They hold no object with a destructor across the jump; the output
// buffer is owned and sized by the caller before decoding starts.
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

// jpeglib.h needs FILE and size_t declared first.
#include <jpeglib.h>

#include "src/appearance/image_decoders.h"

namespace kyso::appearance::detail {
namespace {

// Progressive JPEGs can hold thousands of tiny scans that each cost a pass over the image; a real
// scan or export has fewer than 20.
constexpr int kMaxScans = 200;

struct ErrorManager {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
  char firstWarning[JMSG_LENGTH_MAX];
};

struct Session {
  jpeg_decompress_struct cinfo;
  ErrorManager err;
  jpeg_progress_mgr progress;
  bool created = false;
};

[[noreturn]] void onError(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

// Warnings (level -1) are corrupt data libjpeg would paper over (a truncated file is padded with
// grey): keep the first one's words and count them; trace messages are ignored. Nothing goes to
// stderr.
void onMessage(j_common_ptr cinfo, int level) {
  if (level >= 0) return;
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  if (err->pub.num_warnings == 0) (*cinfo->err->format_message)(cinfo, err->firstWarning);
  err->pub.num_warnings++;
}

void onProgress(j_common_ptr cinfo) {
  auto* d = reinterpret_cast<j_decompress_ptr>(cinfo);
  if (d->input_scan_number <= kMaxScans) return;
  auto* err = reinterpret_cast<ErrorManager*>(cinfo->err);
  std::snprintf(err->message, sizeof err->message, "more than %d progressive scans", kMaxScans);
  std::longjmp(err->jump, 1);
}

bool create(Session& s) {
  s.cinfo.err = jpeg_std_error(&s.err.pub);
  s.err.pub.error_exit = onError;
  s.err.pub.emit_message = onMessage;
  s.err.message[0] = s.err.firstWarning[0] = '\0';
  if (setjmp(s.err.jump)) return false;
  jpeg_create_decompress(&s.cinfo);
  s.created = true;
  s.progress.progress_monitor = onProgress;
  s.cinfo.progress = &s.progress;
  return true;
}

bool readHeader(Session& s, const unsigned char* data, unsigned long size) {
  if (setjmp(s.err.jump)) return false;
  jpeg_mem_src(&s.cinfo, data, size);
  jpeg_read_header(&s.cinfo, TRUE);
  return true;
}

bool readPixels(Session& s, unsigned char* out, std::size_t stride) {
  if (setjmp(s.err.jump)) return false;
  jpeg_start_decompress(&s.cinfo);
  while (s.cinfo.output_scanline < s.cinfo.output_height) {
    JSAMPROW row = out + std::size_t{s.cinfo.output_scanline} * stride;
    if (jpeg_read_scanlines(&s.cinfo, &row, 1) != 1) return false;
  }
  jpeg_finish_decompress(&s.cinfo);
  return true;
}

struct SessionGuard {
  Session& s;
  ~SessionGuard() {
    if (s.created) jpeg_destroy_decompress(&s.cinfo);
  }
};

Error jpegError(const char* operation, const Session& s) {
  return Error::kyso(Errc::ImageInvalid, operation,
                     s.err.message[0] ? s.err.message : "the JPEG stream is damaged");
}

double perMetre(unsigned unit, unsigned density) {
  if (unit == 1) return density / 0.0254;  // dots per inch
  if (unit == 2) return density * 100.0;   // dots per centimetre
  return 0;                                // an aspect ratio only
}

}  // namespace

bool looksLikeJpeg(std::string_view bytes) {
  return bytes.size() >= 3 && static_cast<unsigned char>(bytes[0]) == 0xFF &&
         static_cast<unsigned char>(bytes[1]) == 0xD8 &&
         static_cast<unsigned char>(bytes[2]) == 0xFF;
}

Result<RasterImage> decodeJpeg(std::string_view bytes, const ImageOptions& options) {
  auto session = std::make_unique<Session>();
  Session& s = *session;
  SessionGuard guard{s};
  if (!create(s)) return jpegError("jpeg_create_decompress", s);
  if (!readHeader(s, reinterpret_cast<const unsigned char*>(bytes.data()),
                  static_cast<unsigned long>(bytes.size())))
    return jpegError("jpeg_read_header", s);
  const std::uint32_t w = s.cinfo.image_width, h = s.cinfo.image_height;
  if (w == 0 || h == 0 || w > options.maxSide || h > options.maxSide ||
      std::uint64_t{w} * h > options.maxPixels)
    return Error::kyso(Errc::ImageTooLarge, "jpeg_read_header",
                       std::to_string(w) + "x" + std::to_string(h) + " pixels");
  const bool cmyk = s.cinfo.jpeg_color_space == JCS_CMYK || s.cinfo.jpeg_color_space == JCS_YCCK;
  s.cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
  const std::size_t components = cmyk ? 4 : 3;
  std::string pixels(std::size_t{w} * h * components, '\0');
  if (!readPixels(s, reinterpret_cast<unsigned char*>(pixels.data()), std::size_t{w} * components))
    return jpegError("jpeg_read_scanlines", s);
  if (s.err.pub.num_warnings > 0)
    return Error::kyso(Errc::ImageInvalid, "jpeg_read_scanlines", s.err.firstWarning);

  RasterImage img;
  img.width = w;
  img.height = h;
  img.fromJpeg = true;
  if (s.cinfo.saw_JFIF_marker) {
    img.ppmX = perMetre(s.cinfo.density_unit, s.cinfo.X_density);
    img.ppmY = perMetre(s.cinfo.density_unit, s.cinfo.Y_density);
  }
  if (!cmyk) {
    img.rgb = std::move(pixels);
    return img;
  }
  // Adobe's CMYK JPEGs (Photoshop, ImageMagick) store the inks inverted.
  const bool inverted = s.cinfo.saw_Adobe_marker;
  const std::size_t n = std::size_t{w} * h;
  img.rgb.resize(n * 3);
  for (std::size_t i = 0; i < n; ++i) {
    const auto* px = reinterpret_cast<const unsigned char*>(pixels.data() + i * 4);
    const unsigned k = inverted ? px[3] : 255u - px[3];
    for (int c = 0; c < 3; ++c) {
      const unsigned ink = inverted ? px[c] : 255u - px[c];
      img.rgb[i * 3 + c] = static_cast<char>(ink * k / 255u);
    }
  }
  return img;
}

}  // namespace kyso::appearance::detail
