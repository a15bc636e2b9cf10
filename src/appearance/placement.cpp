#include "src/appearance/placement.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "src/appearance/pdf_syntax.h"
#include "src/appearance/poppler_text.h"
#include "src/appearance/text_norm.h"

namespace kyso::appearance {
namespace fs = std::filesystem;
namespace {

Status checkReadable(const fs::path& pdf) {
  std::error_code ec;
  if (!fs::exists(pdf, ec)) return Error::kyso(Errc::FileNotFound, "open", pdf.string());
  if (!fs::is_regular_file(pdf, ec)) return Error::kyso(Errc::FileUnreadable, "open", pdf.string());
  return okStatus();
}

Error qpdfError(const std::exception& e, const fs::path& pdf) {
  const auto* qe = dynamic_cast<const QPDFExc*>(&e);
  const Errc kind =
      qe && qe->getErrorCode() == qpdf_e_password ? Errc::PdfEncrypted : Errc::NotAPdf;
  return Error::kyso(kind, "QPDF::processFile", detailArgs({pdf.string(), e.what()}))
      .because(Detail::TechnicalIn);
}

// qpdf opens files lazily; load once and keep warnings off the user's terminal.
Result<std::unique_ptr<QPDF>> openQpdf(const fs::path& pdf) {
  KYSO_TRY(checkReadable(pdf));
  auto q = std::make_unique<QPDF>();
  try {
    q->setSuppressWarnings(true);
    q->processFile(pdf.c_str());
  } catch (const std::exception& e) {
    return qpdfError(e, pdf);
  }
  return q;
}

PdfRect normalise(const QPDFObjectHandle::Rectangle& r) {
  return {std::min(r.llx, r.urx), std::min(r.lly, r.ury), std::max(r.llx, r.urx),
          std::max(r.lly, r.ury)};
}

bool isSignatureField(QPDFObjectHandle field) {
  for (int depth = 0; depth < 32 && field.isDictionary(); ++depth) {
    QPDFObjectHandle ft = field.getKey("/FT");
    if (ft.isName()) return ft.getName() == "/Sig";
    field = field.getKey("/Parent");
  }
  return false;
}

QPDFObjectHandle inheritedKey(QPDFObjectHandle field, const std::string& key) {
  for (int depth = 0; depth < 32 && field.isDictionary(); ++depth) {
    if (field.hasKey(key)) return field.getKey(key);
    field = field.getKey("/Parent");
  }
  return QPDFObjectHandle::newNull();
}

// Strips a leading delegation prefix ("KT. ", "TM. ", ...) from a folded line.
std::u32string withoutDelegation(const std::u32string& key) {
  for (const std::u32string p :
       {U"KT.", U"TM.", U"TL.", U"TUQ.", U"Q.", U"KT", U"TM", U"TL", U"TUQ"}) {
    if (key.size() > p.size() + 1 && key.compare(0, p.size(), p) == 0 && key[p.size()] == U' ')
      return key.substr(p.size() + 1);
  }
  return key;
}

}  // namespace

Result<int> resolvePage(int pageNumber, int pageCount) {
  const std::string ctx = std::to_string(pageNumber) + " of " + std::to_string(pageCount);
  if (pageNumber == 0 || pageCount <= 0) return Error::kyso(Errc::PdfPageOutOfRange, "page", ctx);
  const int index = pageNumber > 0 ? pageNumber - 1 : pageCount + pageNumber;
  if (index < 0 || index >= pageCount) return Error::kyso(Errc::PdfPageOutOfRange, "page", ctx);
  return index;
}

Result<PageGeometry> pageGeometry(const fs::path& pdf, int pageNumber) {
  KYSO_ASSIGN_OR_RETURN(auto q, openQpdf(pdf));
  try {
    auto pages = QPDFPageDocumentHelper(*q).getAllPages();
    PageGeometry g;
    g.pageCount = static_cast<int>(pages.size());
    KYSO_ASSIGN_OR_RETURN(g.pageIndex, resolvePage(pageNumber, g.pageCount));
    auto& page = pages[static_cast<std::size_t>(g.pageIndex)];
    QPDFObjectHandle mb = page.getMediaBox();
    if (!mb.isRectangle()) return Error::kyso(Errc::PdfDamaged, "MediaBox", pdf.string());
    g.mediaBox = normalise(mb.getArrayAsRectangle());
    QPDFObjectHandle rot = page.getAttribute("/Rotate", false);
    if (rot.isInteger()) g.rotate = static_cast<int>(((rot.getIntValue() % 360) + 360) % 360);
    if (g.mediaBox.width() <= 0 || g.mediaBox.height() <= 0)
      return Error::kyso(Errc::PdfDamaged, "MediaBox", pdf.string());
    g.visibleBox = g.mediaBox;
    QPDFObjectHandle cb = page.getCropBox();
    if (cb.isRectangle()) {
      const PdfRect c = normalise(cb.getArrayAsRectangle());
      const PdfRect v{std::max(c.llx, g.mediaBox.llx), std::max(c.lly, g.mediaBox.lly),
                      std::min(c.urx, g.mediaBox.urx), std::min(c.ury, g.mediaBox.ury)};
      if (v.width() > 0 && v.height() > 0) g.visibleBox = v;
    }
    return g;
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, "QPDFPageDocumentHelper::getAllPages",
                       pdf.string() + ": " + e.what());
  }
}

PdfRect displayBox(const PageGeometry& g) {
  const PdfRect& v = g.visibleBox;
  const bool quarter = g.rotate == 90 || g.rotate == 270;
  return {v.llx, v.lly, v.llx + (quarter ? v.height() : v.width()),
          v.lly + (quarter ? v.width() : v.height())};
}

PdfRect displayToUser(const PdfRect& d, const PageGeometry& g) {
  const PdfRect& v = g.visibleBox;
  // One corner at a time, relative to the displayed bottom-left corner (x right, y up).
  auto map = [&](double dx, double dy) -> std::pair<double, double> {
    dx -= v.llx;
    dy -= v.lly;
    switch (g.rotate) {
      case 90:
        return {v.urx - dy, v.lly + dx};
      case 180:
        return {v.urx - dx, v.ury - dy};
      case 270:
        return {v.llx + dy, v.ury - dx};
      default:
        return {v.llx + dx, v.lly + dy};
    }
  };
  const auto [x0, y0] = map(d.llx, d.lly);
  const auto [x1, y1] = map(d.urx, d.ury);
  return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

PdfRect userToDisplay(const PdfRect& u, const PageGeometry& g) {
  const PdfRect& v = g.visibleBox;
  auto map = [&](double x, double y) -> std::pair<double, double> {
    switch (g.rotate) {
      case 90:
        return {v.llx + (y - v.lly), v.lly + (v.urx - x)};
      case 180:
        return {v.llx + (v.urx - x), v.lly + (v.ury - y)};
      case 270:
        return {v.llx + (v.ury - y), v.lly + (x - v.llx)};
      default:
        return {x, y};
    }
  };
  const auto [x0, y0] = map(u.llx, u.lly);
  const auto [x1, y1] = map(u.urx, u.ury);
  return {std::min(x0, x1), std::min(y0, y1), std::max(x0, x1), std::max(y0, y1)};
}

void segmentsToDisplay(std::vector<TextSegment>& segs, const PageGeometry& g) {
  // pageSegments measured y down from the visible box's top over the displayed page's height.
  const double shift = displayBox(g).height() - g.visibleBox.height();
  for (auto& s : segs) {
    s.box.lly += shift;
    s.box.ury += shift;
  }
}

Status checkOnPage(const PdfRect& r, const PdfRect& mb) {
  const double eps = 0.01;
  if (!(r.width() > 0) || !(r.height() > 0) || r.llx < mb.llx - eps || r.lly < mb.lly - eps ||
      r.urx > mb.urx + eps || r.ury > mb.ury + eps) {
    return Error::kyso(Errc::RectangleOffPage, "check_rect",
                       detailArgs({"[" + pdfNum(r.llx) + " " + pdfNum(r.lly) + " " + pdfNum(r.urx) +
                                       " " + pdfNum(r.ury) + "]",
                                   "[" + pdfNum(mb.llx) + " " + pdfNum(mb.lly) + " " +
                                       pdfNum(mb.urx) + " " + pdfNum(mb.ury) + "]"}))
        .because(Detail::RectangleOutside);
  }
  return okStatus();
}

Result<PdfRect> parseRect(std::string_view spec, const PdfRect& mb) {
  double v[4];
  std::size_t pos = 0;
  for (int i = 0; i < 4; ++i) {
    const std::size_t end = i < 3 ? spec.find(',', pos) : spec.size();
    if (end == std::string_view::npos)
      return Error::kyso(Errc::UsageError, "rect", std::string(spec));
    std::string part(spec.substr(pos, end - pos));
    part.erase(0, part.find_first_not_of(' '));
    part.erase(part.find_last_not_of(' ') + 1);
    double scale = 1;
    if (part.size() > 2 && part.ends_with("mm")) {
      part.resize(part.size() - 2);
      scale = kPtPerMm;
    }
    std::size_t used = 0;
    try {
      v[i] = std::stod(part, &used);
    } catch (const std::exception&) {
      return Error::kyso(Errc::UsageError, "rect", std::string(spec));
    }
    if (used != part.size() || !std::isfinite(v[i]))
      return Error::kyso(Errc::UsageError, "rect", std::string(spec));
    v[i] *= scale;
    pos = end + 1;
  }
  const PdfRect r{mb.llx + v[0], mb.ury - v[1] - v[3], mb.llx + v[0] + v[2], mb.ury - v[1]};
  if (v[2] <= 0 || v[3] <= 0) return Error::kyso(Errc::RectangleOffPage, "rect", std::string(spec));
  KYSO_TRY(checkOnPage(r, mb));
  return r;
}

Result<std::vector<TextSegment>> pageSegments(const fs::path& pdf, int pageIndex) {
  KYSO_TRY(checkReadable(pdf));
  // poppler (loaded on first use) gives boxes with a top-left origin over the page's crop box.
  KYSO_ASSIGN_OR_RETURN(PageWords page, pageWords(pdf, pageIndex));
  const double cropX = page.cropX, pageTop = page.cropTop;
  using Word = PageWord;
  std::vector<Word> words = std::move(page.words);
  std::sort(words.begin(), words.end(), [](const Word& a, const Word& b) {
    const double ca = (a.y0 + a.y1) / 2, cb = (b.y0 + b.y1) / 2;
    if (std::fabs(ca - cb) > 0.5 * std::min(a.y1 - a.y0, b.y1 - b.y0)) return ca < cb;
    return a.x0 < b.x0;
  });
  std::vector<TextSegment> out;
  std::vector<Word> seg;
  auto flush = [&] {
    if (seg.empty()) return;
    Word all = seg.front();
    for (std::size_t i = 1; i < seg.size(); ++i) {
      all.text += " " + seg[i].text;
      all.x1 = std::max(all.x1, seg[i].x1);
      all.y0 = std::min(all.y0, seg[i].y0);
      all.y1 = std::max(all.y1, seg[i].y1);
    }
    out.push_back(
        {all.text, PdfRect{cropX + all.x0, pageTop - all.y1, cropX + all.x1, pageTop - all.y0}});
    seg.clear();
  };
  for (const Word& w : words) {
    if (!seg.empty()) {
      const Word& last = seg.back();
      const double h = std::max(last.y1 - last.y0, w.y1 - w.y0);
      const bool sameLine = std::fabs((last.y0 + last.y1) / 2 - (w.y0 + w.y1) / 2) < 0.5 * h;
      const bool near = w.x0 - last.x1 < 1.5 * h && w.x0 > last.x0;
      if (!sameLine || !near) flush();
    }
    seg.push_back(w);
  }
  flush();
  return out;
}

Result<SignerSlot> findSignerSlot(const fs::path& pdf, std::optional<int> pageIndex,
                                  const std::string& name, const std::string& title) {
  KYSO_ASSIGN_OR_RETURN(auto nameCps, decodeUtf8(name));
  KYSO_ASSIGN_OR_RETURN(auto titleCps, decodeUtf8(title));
  const std::u32string nameKey = matchKey(nameCps), titleKey = matchKey(titleCps);
  if (nameKey.empty())
    return Error::kyso(Errc::PlacementNotFound, "find_signer").because(Detail::NoSignerName);
  KYSO_ASSIGN_OR_RETURN(auto geometry, pageGeometry(pdf, 1));
  std::vector<int> pages;
  if (pageIndex)
    pages.push_back(*pageIndex);
  else
    for (int i = geometry.pageCount - 1; i >= 0; --i) pages.push_back(i);
  for (int p : pages) {
    KYSO_ASSIGN_OR_RETURN(auto segs, pageSegments(pdf, p));
    if (p != geometry.pageIndex) {
      KYSO_ASSIGN_OR_RETURN(geometry, pageGeometry(pdf, p + 1));
    }
    segmentsToDisplay(segs, geometry);
    // Bottom-most match of the name first: the signature block is at the end.
    for (auto it = segs.rbegin(); it != segs.rend(); ++it) {
      KYSO_ASSIGN_OR_RETURN(auto segCps, decodeUtf8(it->text));
      if (matchKey(segCps) != nameKey) continue;
      const TextSegment& nameSeg = *it;
      const double nameCx = (nameSeg.box.llx + nameSeg.box.urx) / 2;
      const TextSegment* best = nullptr;
      for (const auto& s : segs) {
        if (s.box.lly <= nameSeg.box.ury) continue;  // not above the name
        const double cx = (s.box.llx + s.box.urx) / 2;
        const double reach = std::max(s.box.width(), nameSeg.box.width()) / 2 + 20;
        if (std::fabs(cx - nameCx) > reach) continue;
        if (!titleKey.empty()) {
          KYSO_ASSIGN_OR_RETURN(auto sCps, decodeUtf8(s.text));
          const std::u32string k = matchKey(sCps);
          if (k != titleKey && withoutDelegation(k) != titleKey) continue;
        }
        if (!best || s.box.lly < best->box.lly) best = &s;
      }
      if (!best) continue;
      SignerSlot slot;
      slot.pageIndex = p;
      slot.centerX = ((best->box.llx + best->box.urx) / 2 + nameCx) / 2;
      slot.top = best->box.lly;
      slot.bottom = nameSeg.box.ury;
      slot.titleText = best->text;
      slot.nameText = nameSeg.text;
      if (slot.top - slot.bottom < 10 * kPtPerMm)
        return Error::kyso(Errc::PlacementNotFound, "find_signer",
                           detailArgs({best->text, nameSeg.text}))
            .because(Detail::NameTooClose);
      return slot;
    }
  }
  return Error::kyso(Errc::PlacementNotFound, "find_signer",
                     "\"" + title + "\" above \"" + name + "\" in " + pdf.string());
}

Result<std::vector<SignatureWidget>> signatureWidgets(const fs::path& pdf) {
  KYSO_ASSIGN_OR_RETURN(auto q, openQpdf(pdf));
  std::vector<SignatureWidget> out;
  try {
    auto pages = QPDFPageDocumentHelper(*q).getAllPages();
    for (std::size_t p = 0; p < pages.size(); ++p) {
      QPDFObjectHandle annots = pages[p].getObjectHandle().getKey("/Annots");
      if (!annots.isArray()) continue;
      for (int i = 0; i < annots.getArrayNItems(); ++i) {
        QPDFObjectHandle a = annots.getArrayItem(i);
        if (!a.isDictionary() || !a.getKey("/Subtype").isNameAndEquals("/Widget")) continue;
        if (!isSignatureField(a) || !inheritedKey(a, "/V").isDictionary()) continue;
        QPDFObjectHandle rect = a.getKey("/Rect");
        if (!rect.isRectangle()) continue;
        SignatureWidget w;
        w.pageIndex = static_cast<int>(p);
        w.rect = normalise(rect.getArrayAsRectangle());
        if (w.rect.width() < 1 || w.rect.height() < 1) continue;
        QPDFObjectHandle t = inheritedKey(a, "/T");
        if (t.isString()) w.fieldName = t.getUTF8Value();
        QPDFObjectHandle ap = a.getKey("/AP");
        if (ap.isDictionary()) {
          QPDFObjectHandle n = ap.getKey("/N");
          QPDFObjectHandle dict = n.isStream() ? n.getDict() : n;
          w.kysoApproved =
              dict.isDictionary() && dict.getKey("/KysoKind").isNameAndEquals("/approved");
        }
        out.push_back(std::move(w));
      }
    }
  } catch (const std::exception& e) {
    return Error::kyso(Errc::PdfDamaged, "read_annotations", detailArgs({pdf.string(), e.what()}))
        .because(Detail::TechnicalIn);
  }
  return out;
}

Result<SignatureWidget> findApprovalWidget(const fs::path& pdf, std::optional<int> pageIndex) {
  KYSO_ASSIGN_OR_RETURN(auto all, signatureWidgets(pdf));
  int page = -1;
  if (pageIndex)
    page = *pageIndex;
  else
    for (const auto& w : all) page = std::max(page, w.pageIndex);
  const SignatureWidget* best = nullptr;
  for (const auto& w : all) {
    if (w.pageIndex != page) continue;
    if (!best || w.kysoApproved || !best->kysoApproved) best = &w;
  }
  if (!best) return Error::kyso(Errc::ApprovalNotFound, "find_approval", pdf.string());
  return *best;
}

}  // namespace kyso::appearance
