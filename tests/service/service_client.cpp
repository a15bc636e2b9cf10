#include "tests/service/service_client.h"

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>

namespace kyso::test {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = net::ssl;
using tcp = net::ip::tcp;

namespace {

ssl::context clientContext(const std::filesystem::path& ca) {
  ssl::context ctx(ssl::context::tls_client);
  ctx.load_verify_file(ca.string());
  ctx.set_verify_mode(ssl::verify_peer);
  return ctx;
}

// A TLS connection to the service, its certificate checked against the local CA for 127.0.0.1.
void connectTls(beast::ssl_stream<tcp::socket>& s, int port) {
  s.set_verify_callback(ssl::host_name_verification("127.0.0.1"));
  beast::get_lowest_layer(s).connect(
      tcp::endpoint(net::ip::make_address("127.0.0.1"), static_cast<unsigned short>(port)));
  beast::get_lowest_layer(s).set_option(tcp::no_delay(true));
  s.handshake(ssl::stream_base::client);
}

}  // namespace

int ServiceClient::upgradeStatus(const std::string& path) const {
  try {
    net::io_context ioc;
    ssl::context ctx = clientContext(caCert);
    beast::ssl_stream<tcp::socket> s(ioc, ctx);
    connectTls(s, port);
    http::request<http::empty_body> req{http::verb::get, path, 11};
    req.set(http::field::host, host.empty() ? "127.0.0.1:" + std::to_string(port) : host);
    req.set(http::field::upgrade, "websocket");
    req.set(http::field::connection, "Upgrade");
    req.set(http::field::sec_websocket_key, "dGhlIHNhbXBsZSBub25jZQ==");
    req.set(http::field::sec_websocket_version, "13");
    if (!origin.empty()) req.set(http::field::origin, origin);
    http::write(s, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    boost::system::error_code ec;
    http::read(s, buf, res, ec);
    return ec ? 0 : static_cast<int>(res.result_int());
  } catch (const std::exception&) {
    return 0;
  }
}

ServiceAnswer ServiceClient::call(const std::string& path, const std::string& message) const {
  ServiceAnswer out;
  try {
    net::io_context ioc;
    ssl::context ctx = clientContext(caCert);
    websocket::stream<beast::ssl_stream<tcp::socket>> ws(ioc, ctx);
    connectTls(ws.next_layer(), port);
    const std::string o = origin;
    ws.set_option(websocket::stream_base::decorator([o](websocket::request_type& req) {
      if (!o.empty()) req.set(http::field::origin, o);
    }));
    websocket::response_type res;
    boost::system::error_code ec;
    ws.handshake(res, host.empty() ? "127.0.0.1:" + std::to_string(port) : host, path, ec);
    if (ec) {
      // Beast 1.74 does not hand back a declined handshake's response: ask again by hand.
      out.error = ec.message();
      out.httpStatus = upgradeStatus(path);
      return out;
    }
    ws.text(true);
    ws.write(net::buffer(message));
    beast::flat_buffer buf;
    ws.read(buf, ec);
    if (ec) {
      out.error = ec.message();
      return out;
    }
    out.raw = beast::buffers_to_string(buf.data());
    out.replied = true;
    if (auto j = Json::parse(out.raw); j.ok()) out.reply = *j;
    ws.close(websocket::close_code::normal, ec);
  } catch (const std::exception& e) {
    out.error = e.what();
  }
  return out;
}

std::pair<int, std::string> ServiceClient::statusPage() const {
  try {
    net::io_context ioc;
    ssl::context ctx = clientContext(caCert);
    beast::ssl_stream<tcp::socket> s(ioc, ctx);
    connectTls(s, port);
    http::request<http::empty_body> req{http::verb::get, "/", 11};
    req.set(http::field::host, host.empty() ? "127.0.0.1:" + std::to_string(port) : host);
    http::write(s, req);
    beast::flat_buffer buf;
    http::response<http::string_body> res;
    boost::system::error_code ec;
    http::read(s, buf, res, ec);
    return {static_cast<int>(res.result_int()), res.body()};
  } catch (const std::exception& e) {
    return {0, e.what()};
  }
}

}  // namespace kyso::test
