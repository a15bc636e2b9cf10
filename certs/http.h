// HTTP for certificate material (AIA caIssuers, CRL distribution points), OCSP and RFC 3161, via
// libcurl. Every call is bounded: a total timeout, a connect timeout, a size limit on the body,
// http/https only, no redirects to other schemes. All calls block the calling thread for up to
// `timeout` (hence "Slowly" in the names): call them off the UI thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kyso::certs {

/// Network policy shared by chain building, revocation and timestamp requests.
struct HttpOptions {
  bool offline = false;                            // no network at all: calls fail with HttpFailed
  std::chrono::milliseconds timeout{10000};        // whole request
  std::chrono::milliseconds connectTimeout{5000};  // TCP connect
  std::size_t maxBytes = 16u << 20;                // body larger than this: HttpTooLarge
  std::string proxy;                               // "http://host:port", empty: libcurl default
                                                   // (environment); "-" or "none": no proxy
};

/// GETs `url`; returns the body of a 2xx answer. Errors: HttpFailed (with the CURLcode or the HTTP
/// status in Error::code, Domain::Http), HttpTimeout, HttpTooLarge.
Result<std::string> httpGetSlowly(const std::string& url, const HttpOptions& opt);

/// POSTs `body` with `contentType`; returns the body of a 2xx answer (errors as httpGetSlowly).
Result<std::string> httpPostSlowly(const std::string& url, std::string_view contentType,
                                   std::string_view body, const HttpOptions& opt);

}  // namespace kyso::certs
