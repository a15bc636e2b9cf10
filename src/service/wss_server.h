// The signing service on the wire: HTTPS and secure WebSockets on 127.0.0.1 (port 8987 by
// default), through Boost.Beast and Boost.Asio over OpenSSL, as vgcaplugin.js expects. For each
// connection: TLS, the HTTP request head (8 KiB at most, 15 s at most), the Host header checked
// against DNS rebinding, then either
// - a WebSocket upgrade: the Origin admitted (SigningService::admit) before the handshake is
//   accepted, one text message (the service's size limit), one reply, a normal close; or
// - GET /: a page that says the service runs and which local CA it uses.
// Anything else is refused with an HTTP status. Connections are handled on their own threads
// (16 at most at once); the service itself does one signing request at a time.
#pragma once

#include <atomic>
#include <memory>
#include <string>

#include "core/result.h"
#include "src/service/local_tls.h"
#include "src/service/signing_service.h"

namespace kyso::service {

struct ServerOptions {
  std::string address = "127.0.0.1";  // loopback only; the service never listens elsewhere
  int port = 8987;                    // 0: any free port (tests)
  LocalTls tls;
  std::string lang = "vi";  // the language of the replies' messages
  std::size_t maxConnections = 16;
};

class WssServer {
 public:
  /// Binds and starts accepting. Errors: PortInUse-like posix errors from bind,
  /// ServiceTlsSetupFailed for certificate files OpenSSL does not take.
  static Result<std::unique_ptr<WssServer>> start(const ServerOptions& opt, SigningService& svc);
  ~WssServer();
  WssServer(const WssServer&) = delete;
  WssServer& operator=(const WssServer&) = delete;

  /// The port actually bound.
  int port() const;
  /// Stops accepting and waits (up to 5 s) for open connections to end.
  void stop();

  struct Impl;

 private:
  explicit WssServer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> m_impl;
};

}  // namespace kyso::service
