// renderPages: calls into kyso-render.so, loaded on first use (see page_render.h).
#include "src/pdfverify/page_render.h"

#include "core/module_loader.h"

namespace kyso::pdfverify {

Result<RenderedDocument> renderPages(const char* data, std::size_t size, const RenderRequest& req) {
  KYSO_ASSIGN_OR_RETURN(const PageRenderApi* api,
                        modules::loadApi<PageRenderApi>("kyso-render.so", "kyso_page_render_api"));
  return api->renderPages(data, size, req);
}

}  // namespace kyso::pdfverify
