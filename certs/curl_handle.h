// The one owner of each libcurl handle type (CURL, curl_slist, curl_mime, CURLU), for every
// caller of libcurl in kyso (certs/http.cpp, the signing service's document transfer).
#pragma once

#include <curl/curl.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>

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

/// curl_global_init, once per shared object (libcurl counts its initialisations).
inline void globalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace kyso::curl
