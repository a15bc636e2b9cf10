#include "src/service/document_transfer.h"

#include "certs/curl_handle.h"

namespace kyso::service {

namespace {

struct PeerCheck {
  const TransferOptions* opt = nullptr;
  bool refused = false;
  std::string ip;
};

// CURLOPT_PREREQFUNCTION: after the connection is made, before the request is sent.
int onConnected(void* user, char* primaryIp, char*, int, int) {
  auto* p = static_cast<PeerCheck*>(user);
  p->ip = primaryIp ? primaryIp : "";
  if (p->opt->peerAllowed && !p->opt->peerAllowed(p->ip)) {
    p->refused = true;
    return CURL_PREREQFUNC_ABORT;
  }
  return CURL_PREREQFUNC_OK;
}

Result<std::string> perform(const std::string& url, curl_mime* form, const TransferOptions& opt) {
  const char* op = form ? "upload" : "download";
  curl::globalInit();
  curl::Easy c(curl_easy_init());
  if (!c) return Error::kyso(Errc::HttpFailed, "curl_easy_init", url);
  curl::BoundedBody sink;
  sink.max = opt.maxBytes;
  PeerCheck peer;
  peer.opt = &opt;
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_PROXY, "");  // the document system is reached directly
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(opt.timeout.count()));
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT_MS,
                   static_cast<long>(opt.connectTimeout.count()));
  curl_easy_setopt(c.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(opt.maxBytes));
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, curl::appendBounded);
  curl_easy_setopt(c.get(), CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(c.get(), CURLOPT_PREREQFUNCTION, onConnected);
  curl_easy_setopt(c.get(), CURLOPT_PREREQDATA, &peer);
  curl_easy_setopt(c.get(), CURLOPT_USERAGENT, "kyso-service/0.1");
  if (!opt.caFile.empty()) curl_easy_setopt(c.get(), CURLOPT_CAINFO, opt.caFile.c_str());
  if (form) curl_easy_setopt(c.get(), CURLOPT_MIMEPOST, form);
  const CURLcode rc = curl_easy_perform(c.get());
  if (peer.refused)
    return Error::kyso(Errc::ServiceAddressRefused, "a private address", url + " -> " + peer.ip);
  return curl::performed(c.get(), rc, sink, op, url);
}

}  // namespace

Result<std::string> fetchDocumentSlowly(const std::string& url, const TransferOptions& opt) {
  return perform(url, nullptr, opt);
}

Result<std::string> uploadSignedSlowly(const std::string& url, const std::string& fileName,
                                       const std::string& contentType, const std::string& content,
                                       const TransferOptions& opt) {
  curl::globalInit();
  // A handle only to own the form; the form is used by perform()'s own handle.
  curl::Easy owner(curl_easy_init());
  curl::Mime form(owner ? curl_mime_init(owner.get()) : nullptr);
  if (!form) return Error::kyso(Errc::HttpFailed, "curl_mime_init", url);
  curl_mimepart* part = curl_mime_addpart(form.get());
  curl_mime_name(part, "uploadfile");
  curl_mime_filename(part, fileName.c_str());
  curl_mime_type(part, contentType.c_str());
  curl_mime_data(part, content.data(), content.size());
  return perform(url, form.get(), opt);
}

}  // namespace kyso::service
