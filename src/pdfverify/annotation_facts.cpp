#include "src/pdfverify/annotation_facts.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kyso::pdfverify {

namespace {

// The four numbers of an annotation's /Rect, as written; false unless there are four numbers.
bool rectNumbers(QPDFObjectHandle annot, double v[4]) {
  auto rect = annot.getKey("/Rect");
  if (!rect.isArray() || rect.getArrayNItems() != 4) return false;
  for (int i = 0; i < 4; ++i) {
    if (!rect.getArrayItem(i).isNumber()) return false;
    v[i] = rect.getArrayItem(i).getNumericValue();
  }
  return true;
}

}  // namespace

bool hiddenFlags(QPDFObjectHandle f) {
  return f.isInteger() && (f.getIntValue() & (2 | 32)) != 0;
}

bool visibleAppearance(QPDFObjectHandle w) {
  if (hiddenFlags(w.getKey("/F"))) return false;
  double v[4];
  if (!rectNumbers(w, v)) return false;
  if (std::abs(v[2] - v[0]) < 0.5 || std::abs(v[3] - v[1]) < 0.5) return false;
  auto n = w.getKey("/AP").getKey("/N");
  std::vector<QPDFObjectHandle> streams;
  if (n.isStream()) streams.push_back(n);
  if (n.isDictionary())
    for (auto& k : n.getKeys())
      if (n.getKey(k).isStream()) streams.push_back(n.getKey(k));
  for (auto& s : streams) {
    try {
      auto data = s.getStreamData(qpdf_dl_generalized);
      for (std::size_t i = 0; i < data->getSize(); ++i) {
        unsigned char c = data->getBuffer()[i];
        if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return true;
      }
    } catch (const std::exception&) {
      return true;  // cannot tell: assume it draws
    }
  }
  return false;
}

bool annotationArea(OpenRevision& rev, const RoleMap& roles, QPDFObjGen og, PageArea& out) {
  const Role* role = roles.roleOf(og);
  if (!role || role->page <= 0) return false;
  double v[4];
  if (!rectNumbers(rev.pdf().getObjectByObjGen(og), v)) return false;
  if (!std::all_of(v, v + 4, [](double x) { return std::isfinite(x); })) return false;
  out = {role->page, std::min(v[0], v[2]), std::min(v[1], v[3]), std::max(v[0], v[2]),
         std::max(v[1], v[3])};
  return true;
}

QPDFObjGen owningAnnotation(const RoleMap& roles, QPDFObjGen og) {
  for (int depth = 0; depth < 6 && og.getObj() != 0; ++depth) {
    const Role* r = roles.roleOf(og);
    if (r && (r->kind == RoleKind::Annotation || r->kind == RoleKind::Widget)) return og;
    auto from = roles.referrer.find(og);
    if (from == roles.referrer.end()) break;
    og = from->second;
  }
  return QPDFObjGen();
}

}  // namespace kyso::pdfverify
