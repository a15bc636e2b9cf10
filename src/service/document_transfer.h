// Fetching the document a web page asks to have signed, and sending the signed file back, as the
// VGCA plug-in does: GET FileName, POST multipart/form-data with the file in the field
// "uploadfile" to FileUploadHandler. Bounded and strict: no redirects (a 3xx is refused, so an
// allowed site cannot bounce kyso elsewhere), http(s) only, a size limit, a total timeout, and the
// connected peer's address checked against the caller's rules before a byte is sent.
// Blocks the calling thread (hence "Slowly"): call from the service's worker.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "core/result.h"

namespace kyso::service {

struct TransferOptions {
  std::size_t maxBytes = 64u << 20;  // documents larger than this are refused
  std::chrono::milliseconds timeout{60000};
  std::chrono::milliseconds connectTimeout{10000};
  std::filesystem::path caFile;  // trust only this CA file for https (empty: the system's)
  /// Called with the peer's IP address once connected; false aborts before the request is sent
  /// (a name that resolves to a private address other than the calling site's).
  std::function<bool(const std::string& peerIp)> peerAllowed;
};

/// GETs `url`; the body of a 200 answer. Errors: HttpFailed (status or curl code in the error's
/// code; a 3xx is "a redirect not followed"), HttpTimeout, HttpTooLarge, ServiceAddressRefused.
Result<std::string> fetchDocumentSlowly(const std::string& url, const TransferOptions& opt);

/// POSTs `content` as multipart/form-data field "uploadfile" named `fileName` with `contentType`;
/// the handler's answer body on 2xx.
Result<std::string> uploadSignedSlowly(const std::string& url, const std::string& fileName,
                                       const std::string& contentType, const std::string& content,
                                       const TransferOptions& opt);

}  // namespace kyso::service
