#include "pkcs11/uri.h"

namespace kyso::p11 {
namespace {

Result<std::string> pctDecode(std::string_view v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] != '%') {
      out += v[i];
      continue;
    }
    auto nib = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (i + 2 >= v.size())
      return Error::kyso(Errc::UsageError, "parsePkcs11Uri").because(Detail::BadUriEscape);
    int hi = nib(v[i + 1]), lo = nib(v[i + 2]);
    if (hi < 0 || lo < 0)
      return Error::kyso(Errc::UsageError, "parsePkcs11Uri").because(Detail::BadUriEscape);
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

}  // namespace

bool isPkcs11Uri(std::string_view s) {
  return s.substr(0, 7) == "pkcs11:";
}

Result<Pkcs11Uri> parsePkcs11Uri(std::string_view uri) {
  if (!isPkcs11Uri(uri))
    return Error::kyso(Errc::UsageError, "parsePkcs11Uri").because(Detail::NotAPkcs11Uri);
  Pkcs11Uri u;
  std::string_view rest = uri.substr(7);
  std::string_view path = rest, query;
  if (auto q = rest.find('?'); q != std::string_view::npos) {
    path = rest.substr(0, q);
    query = rest.substr(q + 1);
  }
  auto each = [&](std::string_view part, char sep) -> Status {
    while (!part.empty()) {
      auto end = part.find(sep);
      std::string_view item = part.substr(0, end);
      part = end == std::string_view::npos ? std::string_view() : part.substr(end + 1);
      if (item.empty()) continue;
      auto eq = item.find('=');
      if (eq == std::string_view::npos)
        return Error::kyso(Errc::UsageError, "parsePkcs11Uri", std::string(item));
      std::string_view k = item.substr(0, eq);
      KYSO_ASSIGN_OR_RETURN(std::string v, pctDecode(item.substr(eq + 1)));
      if (k == "pin-value" || k == "pin-source")
        return Error::kyso(Errc::PinSourceInvalid, "parsePkcs11Uri").because(Detail::PinInUri);
      if (k == "token")
        u.token = v;
      else if (k == "manufacturer")
        u.manufacturer = v;
      else if (k == "model")
        u.model = v;
      else if (k == "serial")
        u.serial = v;
      else if (k == "object")
        u.object = v;
      else if (k == "id")
        u.id = std::vector<std::uint8_t>(v.begin(), v.end());
      else if (k == "type")
        u.type = v;
      else if (k == "module-path")
        u.modulePath = v;
      else if (k == "module-name")
        u.moduleName = v;
      else if (k == "slot-id") {
        try {
          u.slotId = std::stoul(v);
        } catch (...) {
          return Error::kyso(Errc::UsageError, "parsePkcs11Uri", "slot-id");
        }
      }
    }
    return okStatus();
  };
  KYSO_TRY(each(path, ';'));
  KYSO_TRY(each(query, '&'));
  return u;
}

}  // namespace kyso::p11
