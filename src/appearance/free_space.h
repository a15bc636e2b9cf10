// A free place for a box on a page: where the incoming-document stamp goes (Decree 30: in a blank
// space under the number, the summary or the date), searched among the page's text and the
// signatures already on it. Pure geometry in display space; the caller gathers what is taken.
#pragma once

#include <optional>
#include <vector>

#include "src/appearance/appearance.h"

namespace kyso::appearance {

/// The first position of a box the size of `preferred` that lies within `area` and comes no
/// closer than `gap` to any of `taken`: `preferred` itself when it is free, else searched from
/// `preferred`'s top-right corner downwards in `step` rows, each row from the right to the left.
/// nullopt when there is none.
std::optional<PdfRect> findFreeBox(const std::vector<PdfRect>& taken, const PdfRect& area,
                                   const PdfRect& preferred, double gap, double step);

}  // namespace kyso::appearance
