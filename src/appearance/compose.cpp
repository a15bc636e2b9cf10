#include "src/appearance/compose.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>

#include "core/vietnam_time.h"
#include "src/appearance/font.h"
#include "src/appearance/free_space.h"
#include "src/appearance/layout.h"
#include "src/appearance/letter_fill.h"
#include "src/appearance/pdf_syntax.h"
#include "src/appearance/placement.h"
#include "src/appearance/poppler_text.h"
#include "src/appearance/text_norm.h"

namespace kyso::appearance {
namespace {

Result<Template> resolveTemplate(const Request& r) {
  Result<Template> t = Error::kyso(Errc::TemplateInvalid, "resolve_template");
  if (r.templateSpec.empty()) {
    t = defaultTemplate(r.kind);
  } else if (auto shipped = shippedTemplateJson(r.templateSpec); !shipped.empty()) {
    t = parseTemplate(shipped);
  } else {
    t = loadTemplate(r.templateSpec);
  }
  if (t.ok() && t->kind != r.kind)
    return Error::kyso(Errc::TemplateInvalid, "resolve_template",
                       detailArgs({kindName(t->kind), kindName(r.kind)}))
        .because(Detail::TemplateForKind);
  return t;
}

// The image's shape in points when drawn at 1 unit per pixel, corrected for unequal pHYs.
std::pair<double, double> aspectOf(const RasterImage& img) {
  double w = img.width, h = img.height;
  if (img.ppmX > 0 && img.ppmY > 0) h *= img.ppmX / img.ppmY;
  return {w, h};
}

// Positions the box so that the template's image area is centred on (cx, cy).
PdfRect boxAround(const Template& t, double imgW, double imgH, double cx, double cy) {
  const double boxW = imgW / t.imageArea.w, boxH = imgH / t.imageArea.h;
  const double llx = cx - (t.imageArea.x + t.imageArea.w / 2) * boxW;
  const double ury = cy + (t.imageArea.y + t.imageArea.h / 2) * boxH;
  return {llx, ury - boxH, llx + boxW, ury};
}

}  // namespace

std::string vietnamIsoTime(std::chrono::system_clock::time_point t) {
  const std::tm tm = vietnamTime(t);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+07:00", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

std::string vietnamDate(std::chrono::system_clock::time_point t) {
  const std::tm tm = vietnamTime(t);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", tm.tm_mday, tm.tm_mon + 1, tm.tm_year + 1900);
  return buf;
}

Result<std::string> copyFormText(std::string_view word) {
  KYSO_ASSIGN_OR_RETURN(auto cps, decodeUtf8(word));
  std::u32string key = matchKey(cps);
  std::replace(key.begin(), key.end(), U'-', U' ');
  if (key == U"SAO Y") return std::string("SAO Y");
  if (key == U"SAO LỤC" || key == U"SAO LUC") return std::string("SAO LỤC");
  if (key == U"TRÍCH SAO" || key == U"TRICH SAO") return std::string("TRÍCH SAO");
  return Error::kyso(Errc::UsageError, "copy_form", std::string(word));
}

namespace {

// The fields as printed: NFC, with the time and dates from the signing time, the copy form in
// its printed words.
Result<std::map<std::string, std::string>> printedFields(const Request& r) {
  std::map<std::string, std::string> fields;
  for (const auto& [k, v] : r.fields) {
    if (v.empty()) continue;
    KYSO_ASSIGN_OR_RETURN(fields[k], nfcUtf8(v));
  }
  if (!fields.count("time")) fields["time"] = vietnamIsoTime(r.signingTime);
  if (!fields.count("date")) fields["date"] = vietnamDate(r.signingTime);
  if (!fields.count("issued_date")) fields["issued_date"] = fields["date"];
  if (fields.count("copy_form")) {
    KYSO_ASSIGN_OR_RETURN(fields["copy_form"], copyFormText(fields["copy_form"]));
  }
  return fields;
}

// Where the box goes: its page, the box in display space (the page as shown, after /Rotate), the
// image's size when the placement decides it, and how it was found (for logs and errors).
struct Placed {
  PageGeometry geo;
  PdfRect box;
  std::optional<double> imgW, imgH;
  std::string info;
  std::vector<Error> notes;  // for the Appearance's notes
};

// What is already on the page in display space: its text lines and the visible signatures.
Result<std::vector<PdfRect>> takenOnPage(const std::filesystem::path& pdf, const PageGeometry& g) {
  KYSO_ASSIGN_OR_RETURN(auto segs, pageSegments(pdf, g.pageIndex));
  segmentsToDisplay(segs, g);
  std::vector<PdfRect> taken;
  for (const auto& s : segs) taken.push_back(s.box);
  KYSO_ASSIGN_OR_RETURN(auto widgets, signatureWidgets(pdf));
  for (const auto& w : widgets)
    if (w.pageIndex == g.pageIndex) taken.push_back(userToDisplay(w.rect, g));
  return taken;
}

// The template's box at the top right; for top-free-space moved to the first free space in the
// page's top half when text or a signature is there.
Status placeAtTop(const Template& t, const Request& r, Placed& p) {
  const double w = t.boxWidthMm * kPtPerMm, h = t.boxHeightMm * kPtPerMm;
  const PdfRect page = displayBox(p.geo);
  const double top = t.marginTopMm * kPtPerMm, side = t.marginRightMm * kPtPerMm;
  p.box = {page.urx - side - w, page.ury - top - h, page.urx - side, page.ury - top};
  p.info = "top right of page " + std::to_string(p.geo.pageIndex + 1);
  if (t.placement != Template::Placement::TopFreeSpace) return okStatus();
  KYSO_ASSIGN_OR_RETURN(auto taken, takenOnPage(r.pdf, p.geo));
  const PdfRect area{page.llx + side, page.lly + page.height() / 2, page.urx - side,
                     page.ury - top};
  if (auto free = findFreeBox(taken, area, p.box, 2 * kPtPerMm, kPtPerMm)) {
    if (free->ury != p.box.ury || free->urx != p.box.urx)
      p.info = "a free space at the top of page " + std::to_string(p.geo.pageIndex + 1) + ", " +
               pdfNum((page.ury - free->ury) / kPtPerMm) + " mm from the top";
    p.box = *free;
  } else {
    p.notes.push_back(Error::kyso(Errc::StampOverText, "place_free_space",
                                  "page " + std::to_string(p.geo.pageIndex + 1)));
  }
  return okStatus();
}

// An explicit rectangle, or the template's place at the top (top-right, top-free-space).
Result<Placed> placeFixed(const Template& t, const Request& r) {
  if (!r.rect && t.placement == Template::Placement::RectOnly)
    return Error::kyso(Errc::UsageError, "appearance_rect", "rect");
  Placed p;
  const int pageNumber = r.page.value_or(t.page.value_or(r.rect ? -1 : 1));
  KYSO_ASSIGN_OR_RETURN(p.geo, pageGeometry(r.pdf, pageNumber));
  if (r.rect) {
    KYSO_ASSIGN_OR_RETURN(p.box, parseRect(*r.rect, displayBox(p.geo)));
    p.info = "the rectangle given: " + *r.rect;
    return p;
  }
  KYSO_TRY(placeAtTop(t, r, p));
  return p;
}

// The handwriting (or, for a template with text only, the template's box) between the signer's
// title and name found on the page.
Result<Placed> placeBetweenTitleAndName(const Template& t, const Request& r,
                                        std::map<std::string, std::string>& fields,
                                        const RasterImage* image, std::optional<int> pageIndex) {
  if (!fields.count("name")) return Error::kyso(Errc::UsageError, "appearance_field", "name");
  KYSO_ASSIGN_OR_RETURN(auto slot, findSignerSlot(r.pdf, pageIndex, fields["name"],
                                                  fields.count("title") ? fields["title"] : ""));
  Placed p;
  KYSO_ASSIGN_OR_RETURN(p.geo, pageGeometry(r.pdf, slot.pageIndex + 1));
  p.info = "between \"" + slot.titleText + "\" and \"" + slot.nameText + "\" on page " +
           std::to_string(slot.pageIndex + 1);
  const double cy = (slot.top + slot.bottom) / 2;
  if (!image) {
    // The box at the template's size, no taller than the gap.
    const double bw = t.boxWidthMm * kPtPerMm;
    const double bh = std::min(t.boxHeightMm * kPtPerMm, slot.top - slot.bottom);
    p.box = {slot.centerX - bw / 2, cy - bh / 2, slot.centerX + bw / 2, cy + bh / 2};
    return p;
  }
  const auto [aw, ah] = aspectOf(*image);
  double h = (slot.top - slot.bottom) * t.imageFill * t.imageArea.h;
  double w = h * aw / ah;
  const double maxW =
      t.imageMaxWidthMm > 0 ? t.imageMaxWidthMm * kPtPerMm : displayBox(p.geo).width() / 2;
  if (w > maxW) {
    h *= maxW / w;
    w = maxW;
  }
  p.imgW = w;
  p.imgH = h;
  // The image area sits at the gap's centre; with text below it, the box reaches lower.
  p.box = boxAround(t, w, h, slot.centerX, cy);
  return p;
}

// The seal over the left part of the approval signature, at the seal's own size.
Result<Placed> placeOverApproval(const Template& t, const Request& r, const RasterImage& image,
                                 std::optional<int> pageIndex) {
  KYSO_ASSIGN_OR_RETURN(auto widget, findApprovalWidget(r.pdf, pageIndex));
  Placed p;
  KYSO_ASSIGN_OR_RETURN(p.geo, pageGeometry(r.pdf, widget.pageIndex + 1));
  const PdfRect approval = userToDisplay(widget.rect, p.geo);
  const auto [aw, ah] = aspectOf(image);
  double w = 0, h = 0;
  if (r.sealSizeMm) {
    if (!(*r.sealSizeMm >= 5 && *r.sealSizeMm <= 100))
      return Error::kyso(Errc::UsageError, "seal_size_mm", std::to_string(*r.sealSizeMm));
    w = *r.sealSizeMm * kPtPerMm;
    h = w * ah / aw;
  } else if (image.widthPt() > 0 && image.heightPt() > 0) {
    w = image.widthPt();
    h = image.heightPt();
  } else {
    return Error::kyso(Errc::UsageError, "appearance_seal_size", "seal_size_mm");
  }
  p.imgW = w;
  p.imgH = h;
  const double cx = approval.llx + t.overlap * approval.width() - w / 2;
  const double cy = (approval.lly + approval.ury) / 2;
  p.box = boxAround(t, w, h, cx, cy);
  p.info = "over the left part of signature \"" + widget.fieldName + "\" on page " +
           std::to_string(widget.pageIndex + 1);
  return p;
}

Result<Placed> place(const Template& t, const Request& r,
                     std::map<std::string, std::string>& fields,
                     const std::optional<RasterImage>& image) {
  const bool usesSearch = t.placement == Template::Placement::BetweenTitleAndName ||
                          t.placement == Template::Placement::OverApproval;
  if (r.rect || !usesSearch) return placeFixed(t, r);
  std::optional<int> pageIndex;
  if (r.page || t.page) {
    KYSO_ASSIGN_OR_RETURN(auto g, pageGeometry(r.pdf, r.page ? *r.page : *t.page));
    pageIndex = g.pageIndex;
  }
  if (t.placement == Template::Placement::BetweenTitleAndName)
    return placeBetweenTitleAndName(t, r, fields, image ? &*image : nullptr, pageIndex);
  return placeOverApproval(t, r, *image, pageIndex);
}

}  // namespace

Result<Appearance> makeAppearance(const Request& r) {
  KYSO_ASSIGN_OR_RETURN(Template t, resolveTemplate(r));
  Appearance out;
  KYSO_ASSIGN_OR_RETURN(auto fields, printedFields(r));
  std::optional<RasterImage> image;
  if (t.hasImage) {
    if (!r.image && !r.imageData)
      return Error::kyso(Errc::UsageError, "appearance_image",
                         t.imageRole == "seal" ? "seal" : "image");
    if (r.image) {
      KYSO_ASSIGN_OR_RETURN(image, loadImage(*r.image, r.imageOptions));
    } else {
      KYSO_ASSIGN_OR_RETURN(image, decodeImage(*r.imageData, r.imageOptions));
    }
    if (!image->hadAlpha && !image->madeTransparent)
      out.notes.push_back(
          Error::kyso(Errc::ImageNoAlpha, "png_read", r.image ? r.image->string() : t.imageRole));
  }
  KYSO_ASSIGN_OR_RETURN(Placed placed, place(t, r, fields, image));
  out.placementInfo = placed.info;
  for (auto& n : placed.notes) out.notes.push_back(std::move(n));
  const PageGeometry& geo = placed.geo;
  const PdfRect& box = placed.box;
  if (auto st = checkOnPage(box, displayBox(geo)); !st.ok()) {
    Error e = st.error();
    e.operation += " (" + out.placementInfo + ")";
    return e;
  }
  out.pageIndex = geo.pageIndex;
  out.rect = displayToUser(box, geo);
  out.rotate = geo.rotate;
  LayoutInput li{t,           box.width(), box.height(), image ? &*image : nullptr,
                 placed.imgW, placed.imgH, fields,       std::string(kindName(t.kind)),
                 geo.rotate};
  KYSO_TRY(layoutForm(li, out));
  if (t.hasLetter) KYSO_TRY(fillLetter(t, r, fields, out));
  return out;
}

}  // namespace kyso::appearance
