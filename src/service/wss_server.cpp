#include "src/service/wss_server.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/html_text.h"
#include "core/log.h"

namespace kyso::service {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t kHeaderLimit = 8 * 1024;

std::string_view sv(beast::string_view s) {
  return {s.data(), s.size()};
}

std::string statusPage(const ServerOptions& opt) {
  const std::string ca = htmlEscape(opt.tls.caSha256);
  return "<!doctype html><html lang=\"vi\"><meta charset=\"utf-8\"><title>kyso</title>"
         "<h1>kyso: dịch vụ ký số đang chạy</h1><p>The kyso signing service is running on port " +
         std::to_string(opt.port) +
         ".</p><p>Trang này mở được mà trình duyệt không cảnh báo nghĩa là chứng thư cục bộ của "
         "kyso đã được tin cậy. / If this page opened without a browser warning, kyso's local "
         "certificate is trusted.</p><p>CA SHA-256: <code>" +
         ca + "</code></p></html>";
}

}  // namespace

struct WssServer::Impl {
  ServerOptions opt;
  SigningService& svc;
  ssl::context tls{ssl::context::tls_server};
  net::io_context acceptIoc{1};
  tcp::acceptor acceptor{acceptIoc};
  std::thread acceptThread;
  std::mutex mutex;
  std::condition_variable idle;
  std::size_t open = 0;
  bool stopping = false;

  Impl(const ServerOptions& o, SigningService& s) : opt(o), svc(s) {}

  void accept() {
    auto ioc = std::make_shared<net::io_context>(1);
    acceptor.async_accept(*ioc, [this, ioc](boost::system::error_code ec, tcp::socket socket) {
      if (ec) {
        if (ec != net::error::operation_aborted) log::warn("service accept: " + ec.message());
        if (!acceptor.is_open()) return;
      } else {
        serve(ioc, std::move(socket));
      }
      accept();
    });
  }

  void serve(std::shared_ptr<net::io_context> ioc, tcp::socket socket) {
    {
      std::lock_guard lock(mutex);
      if (stopping || open >= opt.maxConnections) {
        boost::system::error_code ignored;
        socket.close(ignored);
        return;
      }
      ++open;
    }
    std::thread([this, ioc, s = std::move(socket)]() mutable {
      net::co_spawn(*ioc, session(std::move(s)), net::detached);
      ioc->run();
      std::lock_guard lock(mutex);
      --open;
      idle.notify_all();
    }).detach();
  }

  template <class Stream>
  net::awaitable<void> refuse(Stream& stream, http::status status, unsigned version,
                              const std::string& why) {
    http::response<http::string_body> res{status, version};
    res.set(http::field::content_type, "text/plain; charset=utf-8");
    res.set(http::field::cache_control, "no-store");
    res.keep_alive(false);
    res.body() = why + "\n";
    res.prepare_payload();
    co_await http::async_write(stream, res, net::use_awaitable);
  }

  net::awaitable<void> session(tcp::socket socket) {
    try {
      // Small messages each way: no waiting for more bytes to fill a segment.
      socket.set_option(tcp::no_delay(true));
      beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls);
      beast::get_lowest_layer(stream).expires_after(15s);
      co_await stream.async_handshake(ssl::stream_base::server, net::use_awaitable);
      beast::flat_buffer buffer;
      http::request_parser<http::string_body> parser;
      parser.header_limit(kHeaderLimit);
      parser.body_limit(kHeaderLimit);
      co_await http::async_read(stream, buffer, parser, net::use_awaitable);
      http::request<http::string_body> req = parser.release();
      const std::string host(req[http::field::host]);
      if (!hostHeaderIsOurs(host, opt.port)) {
        // Another name that resolves to 127.0.0.1 (DNS rebinding) or a forged Host.
        co_await refuse(stream, http::status::misdirected_request, req.version(),
                        "kyso answers only as 127.0.0.1 or localhost");
        co_return;
      }
      if (websocket::is_upgrade(req)) {
        auto origin = parseOrigin(sv(req[http::field::origin]));
        if (!origin.ok() || !svc.admit(*origin)) {
          co_await refuse(stream, http::status::forbidden, req.version(),
                          "this site may not ask kyso for signatures");
          co_return;
        }
        websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws(std::move(stream));
        beast::get_lowest_layer(ws).expires_never();
        ws.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
        ws.read_message_max(svc.messageLimit(sv(req.target())));
        co_await ws.async_accept(req, net::use_awaitable);
        beast::flat_buffer message;
        boost::system::error_code ec;
        co_await ws.async_read(message, net::redirect_error(net::use_awaitable, ec));
        Json reply;
        if (ec == websocket::error::message_too_big) {
          reply = failureReply(1, "message too large");
        } else if (ec) {
          co_return;  // the page went away
        } else {
          // Blocks this connection's own thread while the person decides and the token signs.
          reply = svc.handle(*origin, std::string(req.target()),
                             beast::buffers_to_string(message.data()), opt.lang);
        }
        ws.text(true);
        co_await ws.async_write(net::buffer(reply.dump()), net::use_awaitable);
        co_await ws.async_close(websocket::close_code::normal,
                                net::redirect_error(net::use_awaitable, ec));
        co_return;
      }
      if (req.method() == http::verb::get && (req.target() == "/" || req.target() == "")) {
        http::response<http::string_body> res{http::status::ok, req.version()};
        res.set(http::field::content_type, "text/html; charset=utf-8");
        res.set(http::field::cache_control, "no-store");
        if (auto o = parseOrigin(sv(req[http::field::origin]));
            o.ok() && judgeOrigin(*o, svc.settings().sites, svc.siteMemory()) == SiteVerdict::Serve)
          res.set(http::field::access_control_allow_origin, o->text);
        res.keep_alive(false);
        res.body() = statusPage(opt);
        res.prepare_payload();
        co_await http::async_write(stream, res, net::use_awaitable);
      } else {
        co_await refuse(stream, http::status::not_found, req.version(), "not found");
      }
      boost::system::error_code ec;
      co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, ec));
    } catch (const std::exception& e) {
      log::info(std::string("service connection: ") + e.what());
    }
  }
};

Result<std::unique_ptr<WssServer>> WssServer::start(const ServerOptions& opt, SigningService& svc) {
  auto impl = std::make_unique<Impl>(opt, svc);
  boost::system::error_code ec;
  impl->tls.set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                        ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1);
  impl->tls.use_certificate_chain_file(opt.tls.serverCert.string(), ec);
  if (!ec) impl->tls.use_private_key_file(opt.tls.serverKey.string(), ssl::context::pem, ec);
  if (ec)
    return Error::kyso(Errc::ServiceTlsSetupFailed, "TLS context",
                       opt.tls.serverCert.string() + ": " + ec.message());
  const auto address = net::ip::make_address(opt.address, ec);
  if (ec || !address.is_loopback())
    return Error::kyso(Errc::UsageError, "service address", opt.address);
  const tcp::endpoint ep(address, static_cast<unsigned short>(opt.port));
  impl->acceptor.open(ep.protocol(), ec);
  if (!ec) impl->acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) impl->acceptor.bind(ep, ec);
  if (!ec) impl->acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return Error::posix(ec.value(), "bind", opt.address + ":" + std::to_string(opt.port));
  impl->opt.port = impl->acceptor.local_endpoint().port();
  impl->accept();
  Impl* raw = impl.get();
  impl->acceptThread = std::thread([raw] { raw->acceptIoc.run(); });
  return std::unique_ptr<WssServer>(new WssServer(std::move(impl)));
}

WssServer::WssServer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

WssServer::~WssServer() {
  stop();
}

int WssServer::port() const {
  return m_impl->opt.port;
}

void WssServer::stop() {
  if (!m_impl || !m_impl->acceptThread.joinable()) return;
  {
    std::lock_guard lock(m_impl->mutex);
    m_impl->stopping = true;
  }
  net::post(m_impl->acceptIoc, [impl = m_impl.get()] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
  });
  m_impl->acceptThread.join();
  std::unique_lock lock(m_impl->mutex);
  m_impl->idle.wait_for(lock, 5s, [&] { return m_impl->open == 0; });
}

}  // namespace kyso::service
