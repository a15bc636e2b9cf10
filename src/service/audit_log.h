// The signing service's audit log: one JSON line per request (per document of a batch) appended
// to a file only the user can read: the time, the site, the call, the document (its address, or
// local:NAME for a file the person picked) and its SHA-256, the digest for SignMsg, and the
// answer's status and message. Written by SigningService; read back for the app's Inventory tab and
// `kyso service log`. A line that does not parse is counted, never fatal.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace kyso::service {

struct AuditEntry {
  std::string time;      // ISO 8601 UTC
  std::string origin;    // "https://vanban.soyte.example.gov.vn"
  std::string call;      // "SignApproved"
  std::string document;  // the address, "local:NAME", or ""
  std::string sha256;    // hex, or ""
  std::string digest;    // SignMsg: "SHA256:<hex>"
  int status = 0;        // the reply's Status (0: done)
  std::string message;   // the reply's Message when not done
};

/// One line of the log (with its newline).
std::string auditLine(const AuditEntry& e);

/// Appends `lines` (auditLine's) in one write; the folder is made 0700 and the file 0600.
Status appendAuditLines(const std::filesystem::path& log, const std::string& lines);

struct AuditLog {
  std::vector<AuditEntry> entries;  // oldest first; at most the last `maxEntries`
  std::size_t unreadable = 0;       // lines that are not an entry
};

/// The last `maxEntries` entries of `log`. A missing file is an empty log.
Result<AuditLog> readAuditLog(const std::filesystem::path& log, std::size_t maxEntries = 5000);

}  // namespace kyso::service
