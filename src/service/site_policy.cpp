#include "src/service/site_policy.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "certs/curl_handle.h"
#include "core/atomic_file.h"

namespace kyso::service {

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Error refused(const std::string& why, std::string_view url) {
  return Error::kyso(Errc::ServiceAddressRefused, why, std::string(url));
}

struct UrlParts {
  std::string scheme, host, port, path, query, fragment, user, password;
  bool ok = false;
};

std::string part(CURLU* u, CURLUPart which, unsigned flags = 0) {
  char* raw = nullptr;
  if (curl_url_get(u, which, &raw, flags) != CURLUE_OK) return {};
  curl::String s(raw);
  return s ? std::string(s.get()) : std::string();
}

UrlParts splitUrl(std::string_view text) {
  UrlParts out;
  if (text.size() > 8192 || text.find_first_of(std::string_view("\0\r\n\t ", 5)) != text.npos)
    return out;
  curl::Url u(curl_url());
  if (!u) return out;
  const std::string t(text);
  // No guessing of a scheme: a relative or scheme-less address is refused.
  if (curl_url_set(u.get(), CURLUPART_URL, t.c_str(), CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK)
    return out;
  out.scheme = lower(part(u.get(), CURLUPART_SCHEME));
  out.host = lower(part(u.get(), CURLUPART_HOST));
  out.port = part(u.get(), CURLUPART_PORT, CURLU_DEFAULT_PORT);
  out.path = part(u.get(), CURLUPART_PATH);
  out.query = part(u.get(), CURLUPART_QUERY);
  out.fragment = part(u.get(), CURLUPART_FRAGMENT);
  out.user = part(u.get(), CURLUPART_USER);
  out.password = part(u.get(), CURLUPART_PASSWORD);
  if (out.host.size() > 2 && out.host.front() == '[' && out.host.back() == ']')
    out.host = out.host.substr(1, out.host.size() - 2);
  out.ok = !out.scheme.empty() && !out.host.empty();
  return out;
}

int portNumber(const std::string& p) {
  if (p.empty() || p.size() > 5 || !std::all_of(p.begin(), p.end(), ::isdigit)) return 0;
  const int n = std::stoi(p);
  return n > 0 && n < 65536 ? n : 0;
}

bool listed(const std::vector<std::string>& list, const std::string& origin) {
  for (const std::string& o : list) {
    auto parsed = parseOrigin(o);
    if (parsed.ok() && parsed->text == origin) return true;
  }
  return false;
}

}  // namespace

Result<Origin> parseOrigin(std::string_view text) {
  const UrlParts p = splitUrl(text);
  const auto bad = [&] {
    return Error::kyso(Errc::ServiceRequestInvalid, "Origin", std::string(text.substr(0, 200)));
  };
  if (!p.ok || (p.scheme != "https" && p.scheme != "http")) return bad();
  // An origin is exactly scheme://host[:port]: nothing after it but libcurl's "/" path.
  if ((!p.path.empty() && p.path != "/") || !p.query.empty() || !p.fragment.empty() ||
      !p.user.empty() || !p.password.empty() || text.find('/', text.find("//") + 2) != text.npos)
    return bad();
  Origin o;
  o.scheme = p.scheme;
  o.host = p.host;
  o.port = portNumber(p.port);
  if (o.port == 0) return bad();
  const int dflt = o.scheme == "https" ? 443 : 80;
  const bool v6 = o.host.find(':') != std::string::npos;
  o.text = o.scheme + "://" + (v6 ? "[" + o.host + "]" : o.host) +
           (o.port == dflt ? std::string() : ":" + std::to_string(o.port));
  return o;
}

Result<WebAddress> parseWebAddress(std::string_view url) {
  const UrlParts p = splitUrl(url);
  if (!p.ok) return refused("not an absolute web address", url);
  if (p.scheme != "https" && p.scheme != "http") return refused("not http or https", url);
  if (!p.user.empty() || !p.password.empty()) return refused("a user name in the address", url);
  WebAddress a;
  a.scheme = p.scheme;
  a.host = p.host;
  a.port = portNumber(p.port);
  if (a.port == 0) return refused("no valid port", url);
  return a;
}

bool isPrivateAddress(std::string_view ip) {
  const std::string s(ip);
  unsigned char b[16];
  if (inet_pton(AF_INET, s.c_str(), b) == 1) {
    return b[0] == 127 || b[0] == 10 || b[0] == 0 || (b[0] == 172 && (b[1] & 0xf0) == 16) ||
           (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254) ||
           (b[0] == 100 && (b[1] & 0xc0) == 64) || b[0] >= 224;
  }
  if (inet_pton(AF_INET6, s.c_str(), b) == 1) {
    static const unsigned char zero[16] = {};
    const bool unspecifiedOrLoopback = std::equal(b, b + 15, zero) && (b[15] == 0 || b[15] == 1);
    const bool mapped4 = std::equal(b, b + 10, zero) && b[10] == 0xff && b[11] == 0xff;
    if (mapped4) {
      char v4[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, b + 12, v4, sizeof v4);
      return isPrivateAddress(v4);
    }
    return unspecifiedOrLoopback || (b[0] & 0xfe) == 0xfc ||
           (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) || b[0] == 0xff;
  }
  return false;
}

bool hostHeaderIsOurs(std::string_view host, int port) {
  const std::string h = lower(std::string(host));
  const std::string p = ":" + std::to_string(port);
  for (const char* name : {"127.0.0.1", "localhost"}) {
    if (h == std::string(name) + p) return true;
    if (port == 443 && h == name) return true;
  }
  return false;
}

SiteVerdict judgeOrigin(const Origin& origin, const SitePolicy& policy, const SiteMemory& memory) {
  if (origin.scheme == "http")
    return listed(policy.testOrigins, origin.text) ? SiteVerdict::Serve : SiteVerdict::Refuse;
  if (listed(policy.allowedOrigins, origin.text)) return SiteVerdict::Serve;
  if (auto a = memory.answer(origin.text)) return *a ? SiteVerdict::Serve : SiteVerdict::Refuse;
  return SiteVerdict::Ask;
}

Result<WebAddress> checkDocumentAddress(std::string_view url, const Origin& caller,
                                        const SitePolicy& policy) {
  KYSO_ASSIGN_OR_RETURN(WebAddress a, parseWebAddress(url));
  bool onCaller = a.host == caller.host;
  bool onAllowed = false;
  for (const std::string& o : policy.allowedOrigins)
    if (auto p = parseOrigin(o); p.ok() && p->host == a.host) onAllowed = true;
  if (!onCaller && !onAllowed) return refused("not on the calling site", url);
  if (a.scheme == "http" && !(caller.scheme == "http" && onCaller))
    return refused("http is allowed only on a test site", url);
  if (isPrivateAddress(a.host) && !onCaller) return refused("a private address", url);
  return a;
}

SiteMemory::SiteMemory(std::filesystem::path file) : m_file(std::move(file)) {
  if (m_file.empty()) return;
  auto text = readSmallFile(m_file, 1u << 20);
  if (!text.ok()) return;
  std::istringstream in(*text);
  std::string verb, origin;
  while (in >> verb >> origin) {
    auto o = parseOrigin(origin);
    if (!o.ok() || (verb != "allow" && verb != "deny")) continue;  // a damaged line asks again
    m_answers[o->text] = verb == "allow";
  }
}

std::optional<bool> SiteMemory::answer(const std::string& origin) const {
  std::lock_guard lock(m_mutex);
  auto it = m_answers.find(origin);
  if (it == m_answers.end()) return std::nullopt;
  return it->second;
}

Status SiteMemory::remember(const std::string& origin, bool allowed) {
  std::lock_guard lock(m_mutex);
  m_answers[origin] = allowed;
  return save();
}

Status SiteMemory::forget(const std::string& origin) {
  std::lock_guard lock(m_mutex);
  m_answers.erase(origin);
  return save();
}

std::map<std::string, bool> SiteMemory::all() const {
  std::lock_guard lock(m_mutex);
  return m_answers;
}

Status SiteMemory::save() const {
  if (m_file.empty()) return {};
  std::string text;
  for (const auto& [o, yes] : m_answers) text += (yes ? "allow " : "deny ") + o + "\n";
  std::error_code ec;
  std::filesystem::create_directories(m_file.parent_path(), ec);
  auto f = AtomicFile::create(m_file, AtomicFile::Overwrite::Allow);
  if (!f.ok()) return f.error();
  if (auto st = f->write(text); !st.ok()) return st;
  return f->commit();
}

}  // namespace kyso::service
