// Reading a certificate file (PEM or DER) into an inventory Certificate: serial, issuer and subject
// as UTF-8 (diacritics kept), validity dates, SHA-256 of the DER, subject key identifier.
#pragma once

#include <filesystem>
#include <string>

#include "src/inventory/model.h"

namespace kyso::inventory {

struct ParsedCertificate {
  Certificate cert;  // id/links/state unset
  std::string der;
};

/// Parses the first certificate in `path` with OpenSSL. CertificateMalformed when it is neither.
Result<ParsedCertificate> readCertificateFile(const std::filesystem::path& path);
/// The same from bytes already in memory (PEM or DER).
Result<ParsedCertificate> parseCertificate(std::string_view bytes, const std::string& what);

}  // namespace kyso::inventory
