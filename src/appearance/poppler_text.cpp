// The module kyso-poppler.so: page text through poppler-cpp (see poppler_text.h).
#include "src/appearance/poppler_text.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>

#include "core/module_loader.h"

namespace kyso::appearance {
namespace {

Result<PageWords> popplerPageWords(const std::filesystem::path& pdf, int pageIndex) {
  // Keep poppler's warnings off the user's terminal.
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(pdf.string()));
  if (!doc) return Error::kyso(Errc::NotAPdf, "poppler::document::load_from_file", pdf.string());
  if (doc->is_locked())
    return Error::kyso(Errc::PdfEncrypted, "poppler::document::load_from_file", pdf.string());
  if (pageIndex < 0 || pageIndex >= doc->pages())
    return Error::kyso(Errc::PdfPageOutOfRange, "poppler::document::create_page",
                       std::to_string(pageIndex + 1));
  std::unique_ptr<poppler::page> page(doc->create_page(pageIndex));
  if (!page)
    return Error::kyso(Errc::PdfDamaged, "poppler::document::create_page",
                       std::to_string(pageIndex + 1));
  // poppler's boxes have a top-left origin in points over the page's crop box.
  const poppler::rectf crop = page->page_rect(poppler::crop_box);
  PageWords out;
  out.cropX = crop.x();
  out.cropTop = crop.y() + crop.height();
  for (const auto& tb : page->text_list(poppler::page::text_list_include_font)) {
    const poppler::rectf b = tb.bbox();
    const auto bytes = tb.text().to_utf8();
    const std::string font = tb.has_font_info() ? tb.get_font_name() : std::string();
    const bool italic =
        font.find("Italic") != std::string::npos || font.find("Oblique") != std::string::npos;
    out.words.push_back({std::string(bytes.begin(), bytes.end()), b.left(), b.right(), b.top(),
                         b.bottom(), italic});
  }
  return out;
}

constexpr PopplerTextApi kApi{PopplerTextApi::kAbi, &popplerPageWords};

}  // namespace
}  // namespace kyso::appearance

extern "C" KYSO_MODULE_EXPORT const void* kyso_poppler_text_api() {
  return &kyso::appearance::kApi;
}
