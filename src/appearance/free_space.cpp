#include "src/appearance/free_space.h"

namespace kyso::appearance {
namespace {

bool clear(const PdfRect& box, const std::vector<PdfRect>& taken, double gap) {
  for (const PdfRect& t : taken)
    if (box.llx < t.urx + gap && t.llx - gap < box.urx && box.lly < t.ury + gap &&
        t.lly - gap < box.ury)
      return false;
  return true;
}

bool inside(const PdfRect& box, const PdfRect& area) {
  const double eps = 0.01;
  return box.llx >= area.llx - eps && box.urx <= area.urx + eps && box.lly >= area.lly - eps &&
         box.ury <= area.ury + eps;
}

}  // namespace

std::optional<PdfRect> findFreeBox(const std::vector<PdfRect>& taken, const PdfRect& area,
                                   const PdfRect& preferred, double gap, double step) {
  const double w = preferred.width(), h = preferred.height();
  if (!(w > 0 && h > 0 && step > 0)) return std::nullopt;
  for (double top = preferred.ury; top - h >= area.lly - 0.01; top -= step) {
    for (double right = preferred.urx; right - w >= area.llx - 0.01; right -= step) {
      const PdfRect box{right - w, top - h, right, top};
      if (inside(box, area) && clear(box, taken, gap)) return box;
    }
  }
  return std::nullopt;
}

}  // namespace kyso::appearance
