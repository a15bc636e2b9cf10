// Small certificate helpers shared by the trust, revocation, CMS and PDF code: reading
// certificates from PEM/DER/PKCS#7 bytes or files, names for people (UTF-8, never escaped), hex
// fingerprints, and ASN1_TIME <-> time_point.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/openssl_ptr.h"
#include "core/result.h"

namespace kyso::certs {

using TimePoint = std::chrono::system_clock::time_point;

/// Every certificate in `data`: PEM (any number), DER certificate, or PKCS#7 certs-only (DER or
/// PEM). CertificateMalformed when none can be read.
Result<std::vector<ossl::Ptr<X509>>> parseCertificates(std::string_view data);
/// Same, from a file (at most 16 MiB).
Result<std::vector<ossl::Ptr<X509>>> loadCertificates(const std::filesystem::path& file);

/// "CN=Nguyễn Văn A, O=Sở Y tế, C=VN" in UTF-8 (RFC 2253 order reversed to the usual reading).
std::string nameToString(const X509_NAME* name);
/// The commonName (UTF-8), or the whole name when there is none.
std::string commonName(const X509_NAME* name);
/// One attribute (NID_organizationName, ...) in UTF-8, empty when absent.
std::string nameEntry(const X509_NAME* name, int nid);
/// Lower-case hex SHA-256 of the DER certificate.
std::string sha256Hex(const X509* cert);
/// Hex of the serial number (upper case, no separators).
std::string serialHex(const X509* cert);
/// DER of a certificate.
std::string toDer(const X509* cert);

/// ASN1_TIME (UTCTime or GeneralizedTime) to a time_point; nullopt-like failure as Error.
Result<TimePoint> toTimePoint(const ASN1_TIME* t);
/// "2026-11-25T08:00:00Z".
std::string isoTime(TimePoint t);
/// Parses "2024-05-01", "2024-05-01T10:00:00Z" or "2024-05-01 10:00:00" (UTC) for --at.
Result<TimePoint> parseIsoTime(std::string_view s);

/// Hex of bytes (lower case).
std::string hex(std::string_view bytes);

}  // namespace kyso::certs
