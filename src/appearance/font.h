// A TrueType font for appearance text: found on disk (Liberation Serif or Tinos, Times-metric),
// shaped with HarfBuzz, and embedded as a subset (HarfBuzz's subsetter, glyph ids kept) in a Type0
// font with a CIDFontType2 descendant, Identity-H encoding, /W widths and a ToUnicode CMap, so the
// text renders identically everywhere and can be copied and searched.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "src/appearance/appearance.h"

struct hb_blob_t;
struct hb_face_t;
struct hb_font_t;

namespace kyso::appearance {

/// Finds a font by style name ("serif", "serif-bold") in KYSO_FONT_DIR and the Debian font folders
/// (Liberation Serif first, then Tinos), or takes a path to a .ttf as is. FontMissing if none.
Result<std::filesystem::path> findFont(const std::string& nameOrPath);

/// One glyph of shaped text, in font units.
struct ShapedGlyph {
  std::uint32_t gid = 0;
  std::int32_t xAdvance = 0, xOffset = 0, yOffset = 0;
  std::uint32_t cluster = 0;  // index of the first code point of its cluster
};

/// A loaded font and the glyphs used so far. Owns its HarfBuzz objects; not copyable.
class Font {
 public:
  /// Loads a TrueType (glyf) font; FontMissing when unreadable or not TrueType outlines.
  static Result<std::unique_ptr<Font>> load(const std::filesystem::path& path);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  /// Shapes NFC text (one line, left to right) and records the glyphs as used, with the text
  /// of their clusters for ToUnicode.
  std::vector<ShapedGlyph> shape(const std::u32string& text);
  /// The width of shaped glyphs in points at `size`.
  double width(const std::vector<ShapedGlyph>& glyphs, double size) const;
  double unitsPerEm() const { return m_upem; }
  /// Ascender and descender (negative) in points at `size`.
  double ascent(double size) const { return m_ascender * size / m_upem; }
  double descent(double size) const { return m_descender * size / m_upem; }
  /// The glyph advance in PDF text space units (1/1000 em), as written in /W.
  int pdfWidth(std::uint32_t gid) const;
  /// Content-stream operators that show `glyphs` at (x, y) with `size` (BT/ET not included);
  /// `resName` is the font's resource name ("F0").
  std::string showGlyphs(const std::vector<ShapedGlyph>& glyphs, const std::string& resName,
                         double size, double x, double y) const;

  /// Subsets the font to the used glyphs and appends FontFile2, FontDescriptor, CIDFont,
  /// ToUnicode and the Type0 font to `objects`; returns the Type0 font's index.
  Result<std::size_t> appendObjects(std::vector<NewObject>& objects) const;

 private:
  Font() = default;
  std::filesystem::path m_path;
  hb_blob_t* m_blob = nullptr;
  hb_face_t* m_face = nullptr;
  hb_font_t* m_font = nullptr;
  double m_upem = 1000;
  double m_ascender = 0, m_descender = 0;
  std::string m_psName;
  std::map<std::uint32_t, std::u32string> m_used;  // gid -> text it stands for (may be empty)
};

}  // namespace kyso::appearance
