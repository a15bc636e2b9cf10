// RFC 7512 PKCS#11 URIs ("pkcs11:token=Sở%20Y%20tế;id=%01;type=private"), the selection syntax
// shared with OpenSC, p11-kit and GnuTLS. Only selection attributes are kept; a URI carrying a PIN
// (pin-value, pin-source) is refused, because PINs never travel on command lines.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kyso::p11 {

struct Pkcs11Uri {
  std::optional<std::string> token, manufacturer, model, serial;  // token attributes
  std::optional<std::string> object;                              // CKA_LABEL
  std::optional<std::vector<std::uint8_t>> id;                    // CKA_ID
  std::optional<std::string> type;  // "private", "cert", "public", ...
  std::optional<std::string> modulePath, moduleName;
  std::optional<unsigned long> slotId;
};

/// Parses a "pkcs11:" URI; percent-decodes values. Unknown attributes are ignored (RFC 7512 6.3).
Result<Pkcs11Uri> parsePkcs11Uri(std::string_view uri);
bool isPkcs11Uri(std::string_view s);

}  // namespace kyso::p11
