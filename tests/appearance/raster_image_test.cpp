// PNG reading (raster_image.h) with files made by ImageMagick: alpha, pHYs, no alpha, bad input.
#include "src/appearance/raster_image.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <fstream>
#include <iterator>

#include "src/appearance/appearance.h"
#include "tests/appearance/test_support.h"

namespace kyso::appearance {
namespace {
using test::run;
using test::shq;

TEST(RasterImage, ReadsAlphaAndPhysicalSize) {
  KYSO_REQUIRE_TOOL("convert");
  test::TempDir dir;
  test::makeSealPng(dir / "seal.png", 472, 300);
  auto img = loadImage(dir / "seal.png");
  ASSERT_TRUE(img.ok()) << img.error().technical();
  EXPECT_EQ(img->width, 472u);
  EXPECT_EQ(img->height, 472u);
  EXPECT_TRUE(img->hadAlpha);
  // 300 dpi = 11811 px/m; 472 px = 39.96 mm = 113.3 pt.
  EXPECT_NEAR(img->ppmX, 11811, 1);
  EXPECT_NEAR(img->widthPt(), 472 / 300.0 * 72, 0.1);
  EXPECT_EQ(img->alpha.size(), 472u * 472u);
  EXPECT_EQ(static_cast<unsigned char>(img->alpha[0]), 0);  // corner is transparent
  const std::size_t centre = 236 * 472 + 236;
  EXPECT_EQ(static_cast<unsigned char>(img->alpha[centre]), 255);
  EXPECT_GT(static_cast<unsigned char>(img->rgb[centre * 3]), 200);  // red
  EXPECT_LT(static_cast<unsigned char>(img->rgb[centre * 3 + 1]), 40);

  std::vector<NewObject> objects;
  auto idx = appendImageObjects(*img, objects);
  ASSERT_TRUE(idx.ok());
  ASSERT_EQ(objects.size(), 2u);
  EXPECT_EQ(*idx, 1u);
  EXPECT_NE(objects[1].body.find("/SMask {{ref:0}}"), std::string::npos);
  EXPECT_NE(objects[1].body.find("/Width 472 /Height 472"), std::string::npos);
  EXPECT_NE(objects[1].body.find("/FlateDecode"), std::string::npos);
  EXPECT_NE(objects[0].body.find("/DeviceGray"), std::string::npos);
}

TEST(RasterImage, NoAlphaIsAcceptedOrMadeTransparent) {
  KYSO_REQUIRE_TOOL("convert");
  test::TempDir dir;
  const auto p = dir / "scan.png";
  int st = 0;
  run("convert -size 60x20 xc:white -fill '#0030c8' -draw 'rectangle 10,5 50,15' PNG24:" +
          shq(p.string()),
      &st);
  ASSERT_EQ(st, 0);
  auto plain = loadImage(p);
  ASSERT_TRUE(plain.ok());
  EXPECT_FALSE(plain->hadAlpha);
  EXPECT_FALSE(plain->madeTransparent);
  EXPECT_EQ(static_cast<unsigned char>(plain->alpha[0]), 255);
  ImageOptions o;
  o.whiteTransparent = true;
  auto clear = loadImage(p, o);
  ASSERT_TRUE(clear.ok());
  EXPECT_TRUE(clear->madeTransparent);
  EXPECT_EQ(static_cast<unsigned char>(clear->alpha[0]), 0);               // white -> transparent
  EXPECT_GT(static_cast<unsigned char>(clear->alpha[10 * 60 + 30]), 200);  // ink stays
}

std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// A seal scanned on white paper and saved as JPEG, the way an office scanner or phone saves it.
std::filesystem::path makeScannedSealJpeg(const test::TempDir& dir, const std::string& name,
                                          const std::string& extra) {
  test::makeSealPng(dir / "seal-src.png", 472, 300);
  const auto out = dir / name;
  int st = 0;
  const std::string msg = run("convert " + shq((dir / "seal-src.png").string()) +
                                  " -background white -flatten -units PixelsPerInch -density 300 " +
                                  extra + " -quality 90 " + shq(out.string()) + " 2>&1",
                              &st);
  if (st != 0) throw std::runtime_error("convert failed: " + msg);
  return out;
}

TEST(RasterImage, JpegScanKeepsItsSizeAndLosesItsPaper) {
  KYSO_REQUIRE_TOOL("convert");
  test::TempDir dir;
  for (const char* extra : {"", "-interlace Plane", "-colorspace CMYK", "-colorspace Gray"}) {
    SCOPED_TRACE(extra);
    const auto path = makeScannedSealJpeg(dir, "seal.jpg", extra);
    ASSERT_EQ(slurp(path).substr(0, 2), "\xff\xd8");
    auto img = loadImage(path);  // no option: a JPEG's white is always made transparent
    ASSERT_TRUE(img.ok()) << img.error().technical();
    EXPECT_TRUE(img->fromJpeg);
    EXPECT_FALSE(img->hadAlpha);
    EXPECT_TRUE(img->madeTransparent);
    EXPECT_EQ(img->width, 472u);
    EXPECT_NEAR(img->ppmX, 11811, 1);  // JFIF density 300 dpi
    EXPECT_NEAR(img->widthPt(), 472 / 300.0 * 72, 0.1);
    EXPECT_EQ(img->rgb.size(), 472u * 472u * 3);
    EXPECT_EQ(static_cast<unsigned char>(img->alpha[0]), 0);  // paper
    const std::size_t centre = 236 * 472 + 236;
    EXPECT_GT(static_cast<unsigned char>(img->alpha[centre]), 100);  // ink
    if (std::string(extra) != "-colorspace Gray") {
      EXPECT_GT(static_cast<unsigned char>(img->rgb[centre * 3]), 180);  // red, CMYK too
      EXPECT_LT(static_cast<unsigned char>(img->rgb[centre * 3 + 1]), 80);
    }
  }
}

TEST(RasterImage, RefusesBadJpeg) {
  KYSO_REQUIRE_TOOL("convert");
  test::TempDir dir;
  const std::string bytes = slurp(makeScannedSealJpeg(dir, "seal.jpg", ""));
  // A file cut in half is refused, never drawn with a grey lower half.
  auto truncated = decodeImage(bytes.substr(0, bytes.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind, Errc::ImageInvalid);
  EXPECT_FALSE(truncated.error().context.empty());
  auto header = decodeImage(bytes.substr(0, 40));
  ASSERT_FALSE(header.ok());
  EXPECT_EQ(header.error().kind, Errc::ImageInvalid);
  auto bare = decodeImage("\xff\xd8\xff");
  ASSERT_FALSE(bare.ok());
  EXPECT_EQ(bare.error().kind, Errc::ImageInvalid);
  // Damage in the entropy-coded data.
  std::string corrupt = bytes;
  for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 64; ++i) corrupt[i] = '\xff';
  auto broken = decodeImage(corrupt);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, Errc::ImageInvalid);
  // A frame header that declares 20000 x 20000 pixels: refused before any pixel is decoded.
  std::string huge = bytes;
  const std::size_t sof = huge.find("\xff\xc0");
  ASSERT_NE(sof, std::string::npos);
  for (std::size_t off : {sof + 5, sof + 7}) {
    huge[off] = static_cast<char>(20000 >> 8);
    huge[off + 1] = static_cast<char>(20000 & 0xFF);
  }
  auto hugeResult = decodeImage(huge);
  ASSERT_FALSE(hugeResult.ok());
  EXPECT_EQ(hugeResult.error().kind, Errc::ImageTooLarge);
  EXPECT_NE(hugeResult.error().context.find("20000x20000"), std::string::npos);
  ImageOptions small;
  small.maxSide = 100;
  auto tooWide = decodeImage(bytes, small);
  ASSERT_FALSE(tooWide.ok());
  EXPECT_EQ(tooWide.error().kind, Errc::ImageTooLarge);
}

TEST(RasterImage, RefusesBadInput) {
  auto notPng = decodeImage("GIF89a....");
  ASSERT_FALSE(notPng.ok());
  EXPECT_EQ(notPng.error().kind, Errc::ImageInvalid);
  auto empty = decodeImage("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.error().kind, Errc::ImageInvalid);
  auto missing = loadImage("/nonexistent/kyso/sig.png");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Errc::FileNotFound);

  KYSO_REQUIRE_TOOL("convert");
  test::TempDir dir;
  test::makeSignaturePng(dir / "sig.png");
  std::ifstream f(dir / "sig.png", std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  auto truncated = decodeImage(bytes.substr(0, bytes.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_EQ(truncated.error().kind, Errc::ImageInvalid);
  std::string corrupt = bytes;
  corrupt[bytes.size() / 2] ^= 0x55;
  corrupt[bytes.size() / 2 + 1] ^= 0x55;
  auto broken = decodeImage(corrupt);
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().kind, Errc::ImageInvalid);

  ImageOptions small;
  small.maxSide = 100;
  auto tooWide = decodeImage(bytes, small);
  ASSERT_FALSE(tooWide.ok());
  EXPECT_EQ(tooWide.error().kind, Errc::ImageTooLarge);
  small = {};
  small.maxFileBytes = 100;
  auto tooBig = decodeImage(bytes, small);
  ASSERT_FALSE(tooBig.ok());
  EXPECT_EQ(tooBig.error().kind, Errc::ImageTooLarge);
  // A header that declares 20000 x 20000 pixels (valid CRC): refused before any pixel is read.
  std::string huge = bytes;
  ASSERT_EQ(huge.substr(12, 4), "IHDR");
  for (int off : {16, 20}) {
    huge[off] = 0;
    huge[off + 1] = 0;
    huge[off + 2] = static_cast<char>(20000 >> 8);
    huge[off + 3] = static_cast<char>(20000 & 0xFF);
  }
  const uLong crc = crc32(0, reinterpret_cast<const Bytef*>(huge.data() + 12), 17);
  for (int i = 0; i < 4; ++i) huge[29 + i] = static_cast<char>((crc >> (24 - 8 * i)) & 0xFF);
  auto hugeResult = decodeImage(huge);
  ASSERT_FALSE(hugeResult.ok());
  EXPECT_EQ(hugeResult.error().kind, Errc::ImageTooLarge);
  EXPECT_NE(hugeResult.error().context.find("20000x20000"), std::string::npos);
}

}  // namespace
}  // namespace kyso::appearance
