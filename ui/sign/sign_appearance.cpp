#include "ui/sign/sign_appearance.h"

#include <algorithm>
#include <cstdio>

#include "core/clock.h"
#include "src/appearance/compose.h"
#include "src/appearance/pdf_syntax.h"
#include "src/appearance/placement.h"
#include "src/appearance/template.h"
#include "src/inventory/inventory.h"

namespace kyso::ui {
namespace fs = std::filesystem;
using appearance::kPtPerMm;
using appearance::PdfRect;

namespace {

appearance::Request baseRequest(appearance::Kind kind, const fs::path& pdf, const fs::path& image,
                                const SignerFields& signer,
                                std::chrono::system_clock::time_point when) {
  appearance::Request r;
  r.kind = kind;
  r.pdf = pdf;
  if (!image.empty()) r.image = image;
  r.fields["name"] = signer.name;
  r.fields["title"] = signer.title;
  r.fields["org"] = signer.org;
  for (const auto& [k, v] : signer.document)
    if (!v.empty()) r.fields[k] = v;
  r.signingTime = when;
  return r;
}

// "X,Y,W,H" in points from the top-left of the page's visible box, as parseRect reads it.
std::string rectSpec(const PdfRect& r, const PdfRect& visible) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.3f,%.3f,%.3f,%.3f", r.llx - visible.llx, visible.ury - r.ury,
                r.width(), r.height());
  return buf;
}

// Keeps a box inside the page (moving it, then shrinking it).
PdfRect clampTo(PdfRect r, const PdfRect& page) {
  const double w = std::min(r.width(), page.width()), h = std::min(r.height(), page.height());
  r.llx = std::clamp(r.llx, page.llx, page.urx - w);
  r.lly = std::clamp(r.lly, page.lly, page.ury - h);
  r.urx = r.llx + w;
  r.ury = r.lly + h;
  return r;
}

}  // namespace

Result<std::optional<appearance::Appearance>> buildAppearance(
    const std::string& kind, const fs::path& pdf, const fs::path& image, const SignerFields& signer,
    const std::optional<PlacedRect>& placed, std::chrono::system_clock::time_point signingTime) {
  if (kind == "invisible") return std::optional<appearance::Appearance>{};
  KYSO_ASSIGN_OR_RETURN(appearance::Kind k, appearance::parseKind(kind));
  appearance::Request r = baseRequest(k, pdf, image, signer, signingTime);
  if (placed) {
    KYSO_ASSIGN_OR_RETURN(auto geo, appearance::pageGeometry(pdf, placed->pageIndex + 1));
    r.page = placed->pageIndex + 1;
    r.rect = rectSpec(placed->rect, geo.visibleBox);
  }
  KYSO_ASSIGN_OR_RETURN(appearance::Appearance a, appearance::makeAppearance(r));
  return std::optional<appearance::Appearance>(std::move(a));
}

Result<PlacedRect> automaticPlacement(const std::string& kind, const fs::path& pdf,
                                      const fs::path& image, const SignerFields& signer) {
  if (kind == "invisible") return Error::kyso(Errc::UsageError, "automatic placement", kind);
  KYSO_ASSIGN_OR_RETURN(appearance::Kind k, appearance::parseKind(kind));
  const appearance::Request r =
      baseRequest(k, pdf, image, signer, std::chrono::system_clock::now());
  auto a = appearance::makeAppearance(r);
  if (a.ok()) return PlacedRect{a->pageIndex, a->rect};
  // Only a missing image is worked around; every other reason is the answer.
  if (!image.empty() || a.error().kind != Errc::UsageError ||
      a.error().operation != "appearance_image")
    return a.error();
  if (k == appearance::Kind::Approved) {
    KYSO_ASSIGN_OR_RETURN(auto slot,
                          appearance::findSignerSlot(pdf, std::nullopt, signer.name, signer.title));
    KYSO_ASSIGN_OR_RETURN(auto geo, appearance::pageGeometry(pdf, slot.pageIndex + 1));
    const double h = (slot.top - slot.bottom) * 0.9;
    const double w = std::min(h * 2.0, geo.visibleBox.width() / 2);
    const double cy = (slot.top + slot.bottom) / 2;
    const PdfRect box{slot.centerX - w / 2, cy - h / 2, slot.centerX + w / 2, cy + h / 2};
    return PlacedRect{slot.pageIndex, clampTo(box, geo.visibleBox)};
  }
  KYSO_ASSIGN_OR_RETURN(auto widget, appearance::findApprovalWidget(pdf, std::nullopt));
  KYSO_ASSIGN_OR_RETURN(auto geo, appearance::pageGeometry(pdf, widget.pageIndex + 1));
  const double d = 36 * kPtPerMm;  // a round seal of Decree 30's usual 35-40 mm
  const double cx = widget.rect.llx + widget.rect.width() / 3;
  const double cy = (widget.rect.lly + widget.rect.ury) / 2;
  const PdfRect box{cx - d / 2, cy - d / 2, cx + d / 2, cy + d / 2};
  return PlacedRect{widget.pageIndex, clampTo(box, geo.visibleBox)};
}

Result<std::optional<std::string>> inventoryImage(const std::string& location,
                                                  const std::string& certSha256,
                                                  const std::string& kind) {
  if (kind != "approved" && kind != "issued") return std::optional<std::string>{};
  const std::string where = location.empty() ? inventory::Inventory::defaultLocation() : location;
  std::error_code ec;
  if (location.empty() && !fs::exists(where, ec)) return std::optional<std::string>{};
  static const SystemClock clock;
  KYSO_ASSIGN_OR_RETURN(auto inv, inventory::Inventory::open(where, clock));
  auto cert = inv.certificate(certSha256);
  if (!cert.ok()) {
    if (cert.error().kind == Errc::DbNotFound) return std::optional<std::string>{};
    return cert.error();
  }
  Result<std::string> png = std::string();
  if (kind == "approved") {
    if (!cert->holderId) return std::optional<std::string>{};
    png = inv.handwriting(std::to_string(*cert->holderId));
  } else {
    if (!cert->unitId) return std::optional<std::string>{};
    png = inv.seal(std::to_string(*cert->unitId));
  }
  if (!png.ok()) {
    if (png.error().kind == Errc::DbNotFound) return std::optional<std::string>{};
    return png.error();
  }
  if (png->empty()) return std::optional<std::string>{};
  return std::optional<std::string>(std::move(*png));
}

}  // namespace kyso::ui
