// pageWords: calls into kyso-poppler.so, loaded on first use (see poppler_text.h).
#include "core/module_loader.h"
#include "src/appearance/poppler_text.h"

namespace kyso::appearance {

Result<PageWords> pageWords(const std::filesystem::path& pdf, int pageIndex) {
  KYSO_ASSIGN_OR_RETURN(const PopplerTextApi* api, modules::loadApi<PopplerTextApi>(
                                                       "kyso-poppler.so", "kyso_poppler_text_api"));
  return api->pageWords(pdf, pageIndex);
}

}  // namespace kyso::appearance
