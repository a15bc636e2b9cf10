// The signing service's own TLS: a certificate authority made on this machine for this user at the
// first start (its key 0600, never copied anywhere, never shared between installations), limited
// by name constraints to 127.0.0.1 and localhost so that even a stolen key vouches for no other
// site, and a server certificate it issues for those two names. Browsers trust the service once
// `kyso service trust` puts the CA into their certificate databases.
//
//   auto tls = service::ensureLocalTls(dataDir() / "service");   // makes or renews what is needed
//   if (tls.ok()) listen(tls->serverCert, tls->serverKey);
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

#include "core/result.h"

namespace kyso::service {

struct LocalTls {
  std::filesystem::path caCert;      // local-ca.pem
  std::filesystem::path serverCert;  // server.pem: the server certificate, then the CA
  std::filesystem::path serverKey;   // server.key (0600)
  std::string caSha256;              // the CA certificate's SHA-256 (hex), as `status` shows it
  bool madeCa = false;               // this call made a new CA (the browsers must trust it again)
  bool madeServer = false;           // this call made a new server certificate
};

/// Makes the CA when `dir` has none (or an unreadable one), and a server certificate when there is
/// none, it is not from this CA, or it expires within 30 days. The folder is made 0700, the keys
/// 0600. Errors: ServiceTlsSetupFailed with the file in the context, FileUnreadable.
Result<LocalTls> ensureLocalTls(const std::filesystem::path& dir);

/// The folder kyso keeps the service's files in: dataDir()/service.
std::filesystem::path serviceDir();

}  // namespace kyso::service
