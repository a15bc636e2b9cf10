// Trusting kyso's local CA in the browsers of the person running kyso, with NSS's own certutil
// (Debian's libnss3-tools): Chromium reads ~/.pki/nssdb (and ~/.local/share/pki/nssdb), Firefox
// each profile's cert9.db. Only this user's databases are touched; nothing system-wide.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

namespace kyso::cli {

struct NssDatabase {
  std::filesystem::path dir;
  std::string browser;  // "Chromium", "Firefox"
  bool exists = false;  // cert9.db is there
};

/// The NSS databases of `home`'s browsers: Chromium's two (listed even when absent: trust makes
/// the first) and every Firefox profile that has a cert9.db.
std::vector<NssDatabase> nssDatabases(const std::filesystem::path& home);

/// The nickname kyso's CA has in the databases.
inline constexpr const char* kNssNickname = "kyso local CA";

/// Adds the CA at `caPem` as trusted for TLS servers ("C,,"), replacing an older kyso CA; makes
/// a missing Chromium database first. Errors carry certutil's output.
Status trustCa(const NssDatabase& db, const std::filesystem::path& caPem);
/// Removes every certificate named kNssNickname.
Status untrustCa(const NssDatabase& db);
/// True when the database holds kyso's CA with the SHA-256 `caSha256` (hex, any case).
bool caTrusted(const NssDatabase& db, const std::string& caSha256);

/// The Chromium policy that lets the document systems' pages reach the service without the Local
/// Network Access question, for /etc/chromium/policies/managed/kyso-local-network.json.
std::string chromiumPolicy(const std::vector<std::string>& origins);

}  // namespace kyso::cli
