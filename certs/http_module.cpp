// The entry of kyso-http.so (see http_module.h).
#include "certs/http_module.h"

#include "core/module_loader.h"

namespace kyso::certs {
namespace {

constexpr HttpApi kApi{HttpApi::kAbi, &httpGetSlowly, &httpPostSlowly};

}  // namespace
}  // namespace kyso::certs

extern "C" KYSO_MODULE_EXPORT const void* kyso_http_api() {
  return &kyso::certs::kApi;
}
