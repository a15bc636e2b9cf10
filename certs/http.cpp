#include "certs/http.h"

#include "certs/curl_handle.h"

namespace kyso::certs {
namespace {

Result<std::string> perform(const std::string& url, const std::string* contentType,
                            std::string_view body, const HttpOptions& opt) {
  const char* op = contentType ? "HTTP POST" : "HTTP GET";
  if (opt.offline) return Error::kyso(Errc::HttpFailed, op, "offline: " + url);
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0)
    return Error::kyso(Errc::HttpFailed, op, "not an http(s) URL: " + url);
  curl::globalInit();
  curl::Easy c(curl_easy_init());
  if (!c) return Error::kyso(Errc::HttpFailed, "curl_easy_init", url);
  curl::BoundedBody sink;
  sink.max = opt.maxBytes;
  curl::Slist headers;
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c.get(), CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(c.get(), CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(opt.timeout.count()));
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(opt.connectTimeout.count()));
  curl_easy_setopt(c.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opt.maxBytes));
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, curl::appendBounded);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c.get(), CURLOPT_USERAGENT, "kyso/0.1");
  if (opt.proxy == "-" || opt.proxy == "none")
    curl_easy_setopt(c.get(), CURLOPT_PROXY, "");
  else if (!opt.proxy.empty())
    curl_easy_setopt(c.get(), CURLOPT_PROXY, opt.proxy.c_str());
  if (contentType) {
    headers.reset(curl_slist_append(nullptr, ("Content-Type: " + *contentType).c_str()));
    curl_easy_setopt(c.get(), CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  }
  return curl::performed(c.get(), curl_easy_perform(c.get()), sink, op, url);
}

}  // namespace

Result<std::string> httpGetSlowly(const std::string& url, const HttpOptions& opt) {
  return perform(url, nullptr, {}, opt);
}

Result<std::string> httpPostSlowly(const std::string& url, std::string_view contentType,
                                   std::string_view body, const HttpOptions& opt) {
  std::string ct(contentType);
  return perform(url, &ct, body, opt);
}

}  // namespace kyso::certs
