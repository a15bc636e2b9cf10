#include "src/appearance/font.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "src/appearance/pdf_syntax.h"

namespace kyso::appearance {
namespace fs = std::filesystem;

Result<fs::path> findFont(const std::string& nameOrPath) {
  const bool isPath =
      nameOrPath.find('/') != std::string::npos ||
      (nameOrPath.size() > 4 && (nameOrPath.ends_with(".ttf") || nameOrPath.ends_with(".TTF")));
  if (isPath) {
    std::error_code ec;
    if (fs::is_regular_file(nameOrPath, ec)) return fs::path(nameOrPath);
    return Error::kyso(Errc::FontMissing, "find_font", nameOrPath);
  }
  std::vector<std::string> files;
  if (nameOrPath == "serif") {
    files = {"LiberationSerif-Regular.ttf", "Tinos-Regular.ttf"};
  } else if (nameOrPath == "serif-bold") {
    files = {"LiberationSerif-Bold.ttf", "Tinos-Bold.ttf"};
  } else if (nameOrPath == "serif-italic") {
    files = {"LiberationSerif-Italic.ttf", "Tinos-Italic.ttf"};
  } else {
    return Error::kyso(Errc::TemplateInvalid, "find_font", nameOrPath)
        .because(Detail::UnknownFontStyle);
  }
  std::vector<fs::path> dirs;
  if (const char* d = std::getenv("KYSO_FONT_DIR"); d && *d) dirs.emplace_back(d);
  if (const char* only = std::getenv("KYSO_FONT_DIR_ONLY"); !(only && std::string(only) == "1")) {
    for (const char* d :
         {"/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation",
          "/usr/share/fonts/truetype/croscore", "/usr/local/share/fonts"})
      dirs.emplace_back(d);
  }
  for (const auto& f : files) {
    for (const auto& d : dirs) {
      std::error_code ec;
      if (fs::is_regular_file(d / f, ec)) return d / f;
    }
  }
  return Error::kyso(Errc::FontMissing, "find_font", nameOrPath + " (" + files.front() + ")");
}

Result<std::unique_ptr<Font>> Font::load(const fs::path& path) {
  std::unique_ptr<Font> f(new Font());
  f->m_path = path;
  f->m_blob = hb_blob_create_from_file_or_fail(path.c_str());
  if (!f->m_blob)
    return Error::kyso(Errc::FontMissing, "hb_blob_create_from_file_or_fail", path.string());
  f->m_face = hb_face_create(f->m_blob, 0);
  hb_blob_t* glyf = hb_face_reference_table(f->m_face, HB_TAG('g', 'l', 'y', 'f'));
  const unsigned glyfLen = hb_blob_get_length(glyf);
  hb_blob_destroy(glyf);
  if (glyfLen == 0 || hb_face_get_glyph_count(f->m_face) == 0)
    return Error::kyso(Errc::FontMissing, "hb_face_reference_table", path.string())
        .because(Detail::NoFontOutlines);
  f->m_font = hb_font_create(f->m_face);
  f->m_upem = hb_face_get_upem(f->m_face);
  hb_font_extents_t ext{};
  hb_font_get_h_extents(f->m_font, &ext);
  f->m_ascender = ext.ascender;
  f->m_descender = ext.descender;
  char name[128] = {0};
  unsigned len = sizeof name;
  hb_ot_name_get_utf8(f->m_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
  for (const char* p = name; *p; ++p) {
    const char c = *p;
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
      f->m_psName += c;
  }
  if (f->m_psName.empty()) f->m_psName = "KysoFont";
  return f;
}

Font::~Font() {
  hb_font_destroy(m_font);
  hb_face_destroy(m_face);
  hb_blob_destroy(m_blob);
}

std::vector<ShapedGlyph> Font::shape(const std::u32string& text) {
  hb_buffer_t* buf = hb_buffer_create();
  hb_buffer_add_utf32(buf, reinterpret_cast<const std::uint32_t*>(text.data()),
                      static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
  hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
  hb_buffer_guess_segment_properties(buf);
  hb_shape(m_font, buf, nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, nullptr);
  std::vector<ShapedGlyph> out;
  out.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    out.push_back(
        {info[i].codepoint, pos[i].x_advance, pos[i].x_offset, pos[i].y_offset, info[i].cluster});
  }
  hb_buffer_destroy(buf);
  // ToUnicode: the first glyph of a cluster stands for the cluster's text; the others for nothing.
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::uint32_t start = out[i].cluster;
    const bool first = i == 0 || out[i - 1].cluster != start;
    std::uint32_t end = static_cast<std::uint32_t>(text.size());
    for (const auto& g : out)
      if (g.cluster > start && g.cluster < end) end = g.cluster;
    auto it = m_used.find(out[i].gid);
    if (first) {
      std::u32string piece = text.substr(start, end - start);
      if (it == m_used.end() || it->second.empty()) m_used[out[i].gid] = piece;
    } else if (it == m_used.end()) {
      m_used[out[i].gid] = U"";
    }
  }
  return out;
}

double Font::width(const std::vector<ShapedGlyph>& glyphs, double size) const {
  double w = 0;
  for (const auto& g : glyphs) w += g.xAdvance;
  return w * size / m_upem;
}

int Font::pdfWidth(std::uint32_t gid) const {
  return static_cast<int>(std::lround(hb_font_get_glyph_h_advance(m_font, gid) * 1000.0 / m_upem));
}

std::string Font::showGlyphs(const std::vector<ShapedGlyph>& glyphs, const std::string& resName,
                             double size, double x, double y) const {
  std::string out = "/" + resName + " " + pdfNum(size) + " Tf\n";
  auto moveTo = [&](double px, double py) {
    out += "1 0 0 1 " + pdfNum(px) + " " + pdfNum(py) + " Tm\n";
  };
  auto hex = [](std::uint32_t gid) {
    char b[8];
    std::snprintf(b, sizeof b, "%04X", static_cast<unsigned>(gid & 0xFFFF));
    return std::string(b);
  };
  const double scale = size / m_upem;
  double pen = 0;
  bool open = false;
  moveTo(x, y);
  for (const auto& g : glyphs) {
    const double adv1000 = g.xAdvance * 1000.0 / m_upem;
    if (g.xOffset != 0 || g.yOffset != 0) {
      if (open) out += "] TJ\n";
      open = false;
      moveTo(x + pen + g.xOffset * scale, y + g.yOffset * scale);
      out += "<" + hex(g.gid) + "> Tj\n";
      pen += g.xAdvance * scale;
      moveTo(x + pen, y);
      continue;
    }
    if (!open) out += "[";
    open = true;
    out += "<" + hex(g.gid) + ">";
    const double adj = pdfWidth(g.gid) - adv1000;
    if (std::fabs(adj) > 0.01) out += " " + pdfNum(adj) + " ";
    pen += g.xAdvance * scale;
  }
  if (open) out += "] TJ\n";
  return out;
}

namespace {

std::string utf16Hex(const std::u32string& s) {
  std::string out;
  char b[8];
  for (char32_t c : s) {
    if (c >= 0x10000) {
      const char32_t v = c - 0x10000;
      std::snprintf(b, sizeof b, "%04X", static_cast<unsigned>(0xD800 + (v >> 10)));
      out += b;
      std::snprintf(b, sizeof b, "%04X", static_cast<unsigned>(0xDC00 + (v & 0x3FF)));
      out += b;
    } else {
      std::snprintf(b, sizeof b, "%04X", static_cast<unsigned>(c));
      out += b;
    }
  }
  return out;
}

std::int16_t be16s(const char* p) {
  return static_cast<std::int16_t>((static_cast<unsigned char>(p[0]) << 8) |
                                   static_cast<unsigned char>(p[1]));
}

// The /ToUnicode CMap that maps each glyph id back to the text it shows (copy and search), in
// blocks of at most 100 entries.
std::string toUnicodeCMap(const std::vector<std::pair<std::uint32_t, std::u32string>>& maps) {
  std::string cmap =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  for (std::size_t i = 0; i < maps.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, maps.size() - i);
    cmap += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = i; k < i + n; ++k) {
      char b[8];
      std::snprintf(b, sizeof b, "%04X", static_cast<unsigned>(maps[k].first));
      cmap += "<" + std::string(b) + "> <" + utf16Hex(maps[k].second) + ">\n";
    }
    cmap += "endbfchar\n";
  }
  return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

}  // namespace

Result<std::size_t> Font::appendObjects(std::vector<NewObject>& objects) const {
  hb_subset_input_t* in = hb_subset_input_create_or_fail();
  if (!in) return Error::kyso(Errc::FontMissing, "hb_subset_input_create_or_fail", m_path.string());
  hb_set_t* gs = hb_subset_input_glyph_set(in);
  hb_set_add(gs, 0);
  std::uint64_t hash = 1469598103934665603ull;
  for (const auto& [gid, text] : m_used) {
    hb_set_add(gs, gid);
    hash = (hash ^ gid) * 1099511628211ull;
  }
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
  hb_face_t* sub = hb_subset_or_fail(m_face, in);
  hb_subset_input_destroy(in);
  if (!sub) return Error::kyso(Errc::FontMissing, "hb_subset_or_fail", m_path.string());
  hb_blob_t* subBlob = hb_face_reference_blob(sub);
  unsigned subLen = 0;
  const char* subData = hb_blob_get_data(subBlob, &subLen);
  std::string fontFile(subData ? subData : "", subLen);
  hb_blob_destroy(subBlob);
  hb_face_destroy(sub);
  if (fontFile.empty())
    return Error::kyso(Errc::FontMissing, "hb_face_reference_blob", m_path.string());

  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag += static_cast<char>('A' + hash % 26);
    hash /= 26;
  }
  const std::string baseFont = "/" + tag + "+" + m_psName;

  KYSO_ASSIGN_OR_RETURN(std::string ff,
                        flateStream("/Length1 " + std::to_string(fontFile.size()), fontFile));
  objects.push_back({std::move(ff)});
  const std::size_t ffIndex = objects.size() - 1;

  double bbox[4] = {0, 0, 1000, 1000};
  hb_blob_t* head = hb_face_reference_table(m_face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned headLen = 0;
  const char* hd = hb_blob_get_data(head, &headLen);
  if (hd && headLen >= 44) {
    for (int i = 0; i < 4; ++i) bbox[i] = be16s(hd + 36 + 2 * i) * 1000.0 / m_upem;
  }
  hb_blob_destroy(head);
  const double asc = m_ascender * 1000.0 / m_upem, desc = m_descender * 1000.0 / m_upem;
  std::string fd = "<< /Type /FontDescriptor /FontName " + baseFont + " /Flags 6 /FontBBox [" +
                   pdfNum(bbox[0]) + " " + pdfNum(bbox[1]) + " " + pdfNum(bbox[2]) + " " +
                   pdfNum(bbox[3]) + "] /ItalicAngle 0 /Ascent " + pdfNum(asc) + " /Descent " +
                   pdfNum(desc) + " /CapHeight " + pdfNum(asc * 0.9) + " /StemV 80 /FontFile2 " +
                   refTo(ffIndex) + " >>";
  objects.push_back({std::move(fd)});
  const std::size_t fdIndex = objects.size() - 1;

  std::string w = "[";
  for (const auto& [gid, text] : m_used)
    w += " " + std::to_string(gid) + " [" + std::to_string(pdfWidth(gid)) + "]";
  w += " ]";
  objects.push_back({"<< /Type /Font /Subtype /CIDFontType2 /BaseFont " + baseFont +
                     " /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >>"
                     " /FontDescriptor " +
                     refTo(fdIndex) + " /DW 1000 /W " + w + " /CIDToGIDMap /Identity >>"});
  const std::size_t cidIndex = objects.size() - 1;

  std::vector<std::pair<std::uint32_t, std::u32string>> maps;
  for (const auto& [gid, text] : m_used)
    if (!text.empty()) maps.emplace_back(gid, text);
  const std::string cmap = toUnicodeCMap(maps);
  KYSO_ASSIGN_OR_RETURN(std::string tu, flateStream("", cmap));
  objects.push_back({std::move(tu)});
  const std::size_t tuIndex = objects.size() - 1;

  objects.push_back({"<< /Type /Font /Subtype /Type0 /BaseFont " + baseFont +
                     " /Encoding /Identity-H /DescendantFonts [" + refTo(cidIndex) +
                     "] /ToUnicode " + refTo(tuIndex) + " >>"});
  return objects.size() - 1;
}

}  // namespace kyso::appearance
