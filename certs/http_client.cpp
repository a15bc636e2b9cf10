// httpGetSlowly and httpPostSlowly for the kyso_certs library: they load kyso-http.so (libcurl) on
// the first request and call into it (see http_module.h). An offline request fails here, as in
// http.cpp, without loading anything; a missing module is ComponentUnavailable.
#include "certs/http_module.h"
#include "core/module_loader.h"

namespace kyso::certs {
namespace {

Result<const HttpApi*> api() {
  return modules::loadApi<HttpApi>("kyso-http.so", "kyso_http_api");
}

}  // namespace

Result<std::string> httpGetSlowly(const std::string& url, const HttpOptions& opt) {
  if (opt.offline) return Error::kyso(Errc::HttpFailed, "HTTP GET", "offline: " + url);
  KYSO_ASSIGN_OR_RETURN(const HttpApi* m, api());
  return m->get(url, opt);
}

Result<std::string> httpPostSlowly(const std::string& url, std::string_view contentType,
                                   std::string_view body, const HttpOptions& opt) {
  if (opt.offline) return Error::kyso(Errc::HttpFailed, "HTTP POST", "offline: " + url);
  KYSO_ASSIGN_OR_RETURN(const HttpApi* m, api());
  return m->post(url, contentType, body, opt);
}

}  // namespace kyso::certs
