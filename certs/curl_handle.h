// The one owner of each libcurl handle type (CURL, curl_slist, curl_mime, CURLU), for every
// caller of libcurl in kyso (certs/http.cpp, the signing service's document transfer).
#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

#include "core/result.h"

namespace kyso::curl {

struct EasyDeleter {
  void operator()(CURL* c) const noexcept { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* s) const noexcept { curl_slist_free_all(s); }
};
struct MimeDeleter {
  void operator()(curl_mime* m) const noexcept { curl_mime_free(m); }
};
struct UrlDeleter {
  void operator()(CURLU* u) const noexcept { curl_url_cleanup(u); }
};
struct StringDeleter {
  void operator()(char* s) const noexcept { curl_free(s); }
};

using Easy = std::unique_ptr<CURL, EasyDeleter>;
using Slist = std::unique_ptr<curl_slist, SlistDeleter>;
using Mime = std::unique_ptr<curl_mime, MimeDeleter>;
using Url = std::unique_ptr<CURLU, UrlDeleter>;
using String = std::unique_ptr<char, StringDeleter>;

/// A response body kept in memory up to `max` bytes: one more byte makes libcurl stop
/// (CURLE_WRITE_ERROR) with `tooLarge` set. CURLOPT_WRITEFUNCTION appendBounded, WRITEDATA &body.
struct BoundedBody {
  std::string body;
  std::size_t max = 0;
  bool tooLarge = false;
};
inline size_t appendBounded(char* ptr, size_t size, size_t nmemb, void* user) {
  auto* b = static_cast<BoundedBody*>(user);
  const size_t n = size * nmemb;
  if (b->body.size() + n > b->max) {
    b->tooLarge = true;
    return 0;
  }
  b->body.append(ptr, n);
  return n;
}

/// The outcome of curl_easy_perform on `c` as kyso's errors: the body of a 2xx answer, else
/// HttpTooLarge (over the sink's limit), HttpTimeout, HttpFailed with the CURLcode (negative) or
/// the HTTP status in the error's code. `op` names the request ("HTTP GET", "upload").
inline Result<std::string> performed(CURL* c, CURLcode rc, BoundedBody& sink, const char* op,
                                     const std::string& url) {
  if (sink.tooLarge || rc == CURLE_FILESIZE_EXCEEDED)
    return Error::raw(Domain::Http, -static_cast<long>(rc), op, url, Errc::HttpTooLarge);
  if (rc == CURLE_OPERATION_TIMEDOUT)
    return Error::raw(Domain::Http, -static_cast<long>(rc), op, url, Errc::HttpTimeout);
  if (rc != CURLE_OK)
    return Error::raw(Domain::Http, -static_cast<long>(rc), op, url + ": " + curl_easy_strerror(rc),
                      Errc::HttpFailed);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status >= 300 && status < 400)
    return Error::raw(Domain::Http, status, op, detailArgs({url, std::to_string(status)}),
                      Errc::HttpFailed)
        .because(Detail::RedirectNotFollowed);
  if (status < 200 || status >= 300)
    return Error::raw(Domain::Http, status, op, url + ": HTTP " + std::to_string(status),
                      Errc::HttpFailed);
  return std::move(sink.body);
}

/// curl_global_init, once per shared object (libcurl counts its initialisations).
inline void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace kyso::curl
