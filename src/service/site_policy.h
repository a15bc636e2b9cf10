// Which web pages may ask the signing service for anything, and which addresses it may fetch
// documents from and send signed files to. Any page on any site can open a socket to 127.0.0.1,
// so every request is judged here before a payload is read:
// - the Host header must name the service itself (127.0.0.1 or localhost on its port), against
//   DNS rebinding;
// - the Origin must be an https origin on the IT officer's allow-list, one the person allowed
//   before (remembered per origin, revocable), or it gets one question; http origins only when the
//   officer listed them as test origins;
// - FileName and FileUploadHandler must be http(s) on the calling origin's host or on an allowed
//   origin's host, never file: or another scheme, with no user name or password in them.
// Addresses are parsed by libcurl's URL parser.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kyso::service {

/// A web origin: scheme, host (lower case, IPv6 without brackets) and port (the scheme's default
/// when absent). `text` is the canonical "https://host[:port]".
struct Origin {
  std::string scheme, host;
  int port = 0;
  std::string text;
};

/// "https://vanban.soyte.example.gov.vn" -> Origin; ServiceRequestInvalid for anything that is
/// not scheme://host[:port] with http or https ("null", paths, user info).
Result<Origin> parseOrigin(std::string_view text);

/// The parts of a document or upload address the service judges.
struct WebAddress {
  std::string scheme, host;
  int port = 0;
};
/// Parses an absolute http(s) URL; ServiceAddressRefused for file:, other schemes, user info,
/// relative or malformed addresses.
Result<WebAddress> parseWebAddress(std::string_view url);

/// True for loopback, private (RFC 1918, fc00::/7), link-local, unspecified and CGNAT addresses
/// given as IP literals ("10.0.0.5", "::1", "169.254.1.1"). Names are not resolved here.
bool isPrivateAddress(std::string_view ipLiteral);

/// What the officer set (config file [service] section, or the Settings window).
struct SitePolicy {
  std::vector<std::string> allowedOrigins;  // served without a question (https only)
  std::vector<std::string> testOrigins;     // http origins the officer allows for testing
};

enum class SiteVerdict { Serve, Ask, Refuse };

/// The person's remembered answers per origin, in a small file (one "allow ORIGIN" or
/// "deny ORIGIN" per line); thread-safe.
class SiteMemory {
 public:
  explicit SiteMemory(std::filesystem::path file = {});
  std::optional<bool> answer(const std::string& origin) const;
  Status remember(const std::string& origin, bool allowed);
  Status forget(const std::string& origin);
  std::map<std::string, bool> all() const;

 private:
  Status save() const;
  std::filesystem::path m_file;
  mutable std::mutex m_mutex;
  std::map<std::string, bool> m_answers;
};

/// The Host header names this service: "127.0.0.1:PORT" or "localhost:PORT" (the port may be
/// omitted only when it is 443).
bool hostHeaderIsOurs(std::string_view host, int port);

/// Judges an origin (the Origin header's value) by the policy and the remembered answers.
SiteVerdict judgeOrigin(const Origin& origin, const SitePolicy& policy, const SiteMemory& memory);

/// Checks that `url` may be fetched from or posted to for a page of `caller`: http(s), on the
/// caller's host or an allowed origin's host, https unless the caller is an http test origin, and
/// never a private address literal other than the caller's own host. ServiceAddressRefused with
/// the reason in the context.
Result<WebAddress> checkDocumentAddress(std::string_view url, const Origin& caller,
                                        const SitePolicy& policy);

}  // namespace kyso::service
