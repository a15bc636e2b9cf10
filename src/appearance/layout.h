// Lays out one appearance inside its box: the border, the image (kept in proportion, centred in the
// template's image area, never resampled) and the text lines (fields filled in, NFC, shaped, shrunk
// in 0.5 pt steps down to the template's minimum, then refused), and writes the form XObject with
// its image and font objects into an Appearance.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "src/appearance/appearance.h"
#include "src/appearance/raster_image.h"
#include "src/appearance/template.h"

namespace kyso::appearance {

/// What layoutForm needs. Borrowed references; nothing is owned.
struct LayoutInput {
  const Template& tmpl;
  double width = 0, height = 0;          // the box (= the widget's /Rect) in points
  const RasterImage* image = nullptr;    // required when the template has an image
  std::optional<double> imageW, imageH;  // the image's size when placement fixed it (real size)
  const std::map<std::string, std::string>& fields;  // NFC values
  std::string kindTag;                               // written as /KysoKind in the form dictionary
  int rotate = 0;  // the page's /Rotate; width and height are as displayed, and the form gets a
                   // /Matrix that turns it upright on the rotated page
};

/// Fills "{field}" placeholders; UsageError naming the option when a field has no value.
Result<std::string> fillFields(const std::string& line,
                               const std::map<std::string, std::string>& fields);

/// "/Matrix [...] " turning a form counter-clockwise by a page's /Rotate, so that it reads upright
/// on the page as displayed; "" for 0.
std::string rotationMatrix(int rotate);

/// Appends the objects to `out.objects` and sets `out.formIndex`.
Status layoutForm(const LayoutInput& in, Appearance& out);

}  // namespace kyso::appearance
