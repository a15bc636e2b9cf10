#include "src/appearance/layout.h"

#include <algorithm>
#include <memory>

#include "src/appearance/compose.h"
#include "src/appearance/font.h"
#include "src/appearance/pdf_syntax.h"
#include "src/appearance/text_norm.h"

namespace kyso::appearance {
namespace {

std::string rgbOp(const Rgb& c, const char* op) {
  return pdfNum(c.r) + " " + pdfNum(c.g) + " " + pdfNum(c.b) + " " + op + "\n";
}

}  // namespace

// The annotation's /Rect then holds the turned box (PDF 32000-1 12.5.5).
std::string rotationMatrix(int rotate) {
  switch (rotate) {
    case 90:
      return "/Matrix [0 1 -1 0 0 0] ";
    case 180:
      return "/Matrix [-1 0 0 -1 0 0] ";
    case 270:
      return "/Matrix [0 -1 1 0 0 0] ";
    default:
      return "";
  }
}

Result<std::string> fillFields(const std::string& line,
                               const std::map<std::string, std::string>& fields) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if ((c == '{' || c == '}') && i + 1 < line.size() && line[i + 1] == c) {
      out += c;
      ++i;
    } else if (c == '{') {
      const std::size_t end = line.find('}', i);
      if (end == std::string::npos) return Error::kyso(Errc::TemplateInvalid, "fill_fields", line);
      const std::string name = line.substr(i + 1, end - i - 1);
      auto it = fields.find(name);
      if (it == fields.end() || it->second.empty())
        return Error::kyso(Errc::UsageError, "appearance_field", name);
      out += it->second;
      i = end;
    } else {
      out += c;
    }
  }
  return out;
}

namespace {

// The image in its area, centred, at the size placement chose (or the largest that fits); adds
// its objects and returns the drawing and the resource entry.
Status drawImage(const LayoutInput& in, Appearance& out, std::string& content,
                 std::string& resources) {
  const Template& t = in.tmpl;
  const double W = in.width, H = in.height;
  if (!in.image) return Error::kyso(Errc::UsageError, "appearance_image", "image");
  const double ax = t.imageArea.x * W, aw = t.imageArea.w * W;
  const double ah = t.imageArea.h * H, ay = H - t.imageArea.y * H - ah;
  double iw = in.image->width, ih = in.image->height;
  if (in.image->ppmX > 0 && in.image->ppmY > 0) ih *= in.image->ppmX / in.image->ppmY;
  double dw = 0, dh = 0;
  if (in.imageW && in.imageH && *in.imageW <= aw + 0.01 && *in.imageH <= ah + 0.01) {
    dw = *in.imageW;
    dh = *in.imageH;
  } else {
    const double s = std::min(aw / iw, ah / ih);
    dw = iw * s;
    dh = ih * s;
  }
  const double x = ax + (aw - dw) / 2, y = ay + (ah - dh) / 2;
  KYSO_ASSIGN_OR_RETURN(std::size_t imgIndex, appendImageObjects(*in.image, out.objects));
  content += "q\n" + pdfNum(dw) + " 0 0 " + pdfNum(dh) + " " + pdfNum(x) + " " + pdfNum(y) +
             " cm\n/Im0 Do\nQ\n";
  resources += "/XObject << /Im0 " + refTo(imgIndex) + " >> ";
  return okStatus();
}

// The largest font size from the template's down to its minimum (half points) at which every
// line fits the text area; TextDoesNotFit names the widest line.
Result<double> fittingSize(const Template& t, const Font& font,
                           const std::vector<std::u32string>& lines,
                           const std::vector<std::vector<ShapedGlyph>>& shaped, double tw,
                           double th) {
  std::string widest;
  for (double size = t.fontSize;; size -= 0.5) {
    if (size < t.minFontSize - 1e-9)
      return Error::kyso(Errc::TextDoesNotFit, "layout_text",
                         detailArgs({widest, pdfNum(t.minFontSize), mmText(tw), mmText(th)}))
          .because(Detail::TextTooLarge);
    bool fits =
        (font.ascent(size) - font.descent(size)) + (lines.size() - 1) * size * t.lineSpacing <=
        th + 0.01;
    double maxW = 0;
    for (std::size_t i = 0; i < shaped.size(); ++i) {
      const double w = font.width(shaped[i], size);
      if (w > maxW) {
        maxW = w;
        widest = encodeUtf8(lines[i]);
      }
    }
    if (maxW > tw + 0.01) fits = false;
    if (fits) return size;
  }
}

// The template's lines with the fields filled in, shaped with its font and aligned in the text
// area.
Status drawText(const LayoutInput& in, Appearance& out, std::string& content,
                std::string& resources) {
  const Template& t = in.tmpl;
  const double W = in.width, H = in.height;
  KYSO_ASSIGN_OR_RETURN(auto fontPath, findFont(t.font));
  KYSO_ASSIGN_OR_RETURN(std::unique_ptr<Font> font, Font::load(fontPath));
  std::vector<std::u32string> lines;
  for (const auto& l : t.lines) {
    KYSO_ASSIGN_OR_RETURN(std::string filled, fillFields(l, in.fields));
    KYSO_ASSIGN_OR_RETURN(auto cps, decodeUtf8(filled));
    lines.push_back(toNfc(cps));
  }
  std::vector<std::vector<ShapedGlyph>> shaped;
  for (const auto& l : lines) shaped.push_back(font->shape(l));
  const double pad = 1.0;
  const double tx = t.textArea.x * W + pad, tw = t.textArea.w * W - 2 * pad;
  const double th = t.textArea.h * H, ttop = H - t.textArea.y * H;
  KYSO_ASSIGN_OR_RETURN(const double size, fittingSize(t, *font, lines, shaped, tw, th));
  content += "q\nBT\n" + rgbOp(t.textColor, "rg");
  double baseline = ttop - font->ascent(size);
  for (const auto& g : shaped) {
    const double w = font->width(g, size);
    double x = tx;
    if (t.align == Template::Align::Center) x = tx + (tw - w) / 2;
    if (t.align == Template::Align::Right) x = tx + tw - w;
    content += font->showGlyphs(g, "F0", size, x, baseline);
    baseline -= size * t.lineSpacing;
  }
  content += "ET\nQ\n";
  KYSO_ASSIGN_OR_RETURN(std::size_t fontIndex, font->appendObjects(out.objects));
  resources += "/Font << /F0 " + refTo(fontIndex) + " >> ";
  return okStatus();
}

}  // namespace

Status layoutForm(const LayoutInput& in, Appearance& out) {
  const Template& t = in.tmpl;
  const double W = in.width, H = in.height;
  std::string content;
  std::string resources;
  if (t.borderWidth > 0) {
    const double lw = t.borderWidth;
    content += "q\n" + rgbOp(t.borderColor, "RG") + pdfNum(lw) + " w\n" + pdfNum(lw / 2) + " " +
               pdfNum(lw / 2) + " " + pdfNum(W - lw) + " " + pdfNum(H - lw) + " re S\nQ\n";
  }
  if (t.hasImage) KYSO_TRY(drawImage(in, out, content, resources));
  if (t.hasText) KYSO_TRY(drawText(in, out, content, resources));
  KYSO_ASSIGN_OR_RETURN(
      std::string form,
      flateStream("/Type /XObject /Subtype /Form /FormType 1 /BBox [0 0 " + pdfNum(W) + " " +
                      pdfNum(H) + "] " + rotationMatrix(in.rotate) + "/Resources << " + resources +
                      "/ProcSet [/PDF /Text /ImageC] >> /KysoKind /" + in.kindTag,
                  content));
  out.objects.push_back({std::move(form)});
  out.formIndex = out.objects.size() - 1;
  return okStatus();
}

}  // namespace kyso::appearance
