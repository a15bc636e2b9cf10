// A client of the signing service as vgcaplugin.js is: a new secure WebSocket per call to
// wss://127.0.0.1:PORT/<Path>, one text message, one reply. Boost.Beast, verifying the service's
// certificate against kyso's local CA, with the Host and Origin headers a test chooses (a browser
// sets them; an attacker's page cannot choose them, a forged client can).
#pragma once

#include <filesystem>
#include <string>

#include "core/json.h"

namespace kyso::test {

struct ServiceAnswer {
  int httpStatus = 0;  // the handshake's HTTP status when the service refused the upgrade
  bool replied = false;
  Json reply;
  std::string raw, error;
};

struct ServiceClient {
  int port = 0;
  std::filesystem::path caCert;
  std::string origin;
  std::string host;  // empty: "127.0.0.1:PORT"

  ServiceAnswer call(const std::string& path, const std::string& message) const;
  /// GET / over HTTPS: the HTTP status and the body.
  std::pair<int, std::string> statusPage() const;
  /// The HTTP status the service answers a WebSocket upgrade of `path` with.
  int upgradeStatus(const std::string& path) const;
};

}  // namespace kyso::test
