// The table of the module kyso-http.so: http.cpp on libcurl (which brings nghttp2, libssh2,
// librtmp, GSSAPI, LDAP, libpsl... with it). The kyso_certs library's httpGetSlowly and
// httpPostSlowly (http_client.cpp) load it the first time a request is made, so that offline work
// (signing without a timestamp, token commands, verification without fetching) never loads
// libcurl. http.h stays the interface for callers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "certs/http.h"

namespace kyso::certs {

struct HttpApi {
  static constexpr std::uint32_t kAbi = 2;
  std::uint32_t abi;
  Result<std::string> (*get)(const std::string& url, const HttpOptions& opt);
  Result<std::string> (*post)(const std::string& url, std::string_view contentType,
                              std::string_view body, const HttpOptions& opt);
};

}  // namespace kyso::certs
