// kyso_test_server: the loopback HTTP services the certs/CMS tests talk to, for the test PKI only.
//
//   kyso_test_server --http PORT DIR [--tsa PORT CERT KEY CHAIN]
//                    [--ocsp PORT INDEX CA RSIGNER RKEY] [--pidfile FILE]
//                    [--delay-ms N] [--counts FILE]
//
// --delay-ms N answers every request N ms after reading it (a provincial network's round trip,
// issue 22); --counts FILE keeps FILE up to date with one line per service and path answered,
// "tsa / 40", "ocsp / 3", "http /gov-ca.crl 1", so a bench or a test can count round trips.
//
// HTTP (127.0.0.1:PORT): GET or POST /NAME answers the file DIR/NAME (CA certificates, CRLs, canned
// OCSP answers); a few paths misbehave on purpose for the client's error tests:
//   /hang      accepts and never answers (the client must time out)
//   /garbage   answers 200 with bytes that are not DER
//   /big       answers 200 with 64 MiB of zeros (the client must stop at its size limit)
//   /status500 answers 500
// TSA (127.0.0.1:PORT): a real RFC 3161 responder built on OpenSSL's TS_RESP_CTX, signing with
// CERT/KEY and including CHAIN. POST / answers correctly; POST /wrong-imprint and /wrong-nonce
// answer a request altered in that field (signed correctly: only the client's checks catch it);
// POST /hang and /garbage as above; POST /rejection answers status "rejection".
// OCSP (127.0.0.1:PORT): POST / runs the real responder, `openssl ocsp -index INDEX -CA CA -rsigner
// RSIGNER -rkey RKEY -reqin REQ -respout RESP`, once per request (that command's own -port mode
// listens on every interface; this keeps the test services on loopback). /hang, /garbage as above.
// Every connection has a 5 s receive timeout and its own thread; the process stops on SIGTERM.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "core/openssl_ptr.h"

namespace {

std::atomic<bool> g_stop{false};
std::string g_dir;
std::string g_tsaCert, g_tsaKey, g_tsaChain;
std::atomic<long> g_serial{1};
std::string g_ocspIndex, g_ocspCa, g_ocspSigner, g_ocspKey;
std::atomic<long> g_tmpCounter{0};

void onSignal(int) {
  g_stop = true;
}

int listenOn(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 64) != 0) {
    std::perror("kyso_test_server: bind/listen");
    ::close(fd);
    return -1;
  }
  return fd;
}

bool sendAll(int fd, const std::string& s) {
  size_t off = 0;
  while (off < s.size()) {
    ssize_t n = ::send(fd, s.data() + off, s.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<size_t>(n);
  }
  return true;
}

void respond(int fd, int status, const std::string& type, const std::string& body) {
  std::ostringstream h;
  h << "HTTP/1.0 " << status << (status == 200 ? " OK" : " Error") << "\r\nContent-Type: " << type
    << "\r\nContent-Length: " << body.size() << "\r\nConnection: close\r\n\r\n";
  if (sendAll(fd, h.str())) sendAll(fd, body);
}

struct Request {
  std::string method, path, body;
};

bool readRequest(int fd, Request& r) {
  std::string buf;
  char tmp[4096];
  size_t hdrEnd = std::string::npos;
  while (hdrEnd == std::string::npos) {
    ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    buf.append(tmp, static_cast<size_t>(n));
    hdrEnd = buf.find("\r\n\r\n");
    if (buf.size() > 65536) return false;
  }
  std::istringstream first(buf.substr(0, buf.find("\r\n")));
  first >> r.method >> r.path;
  size_t len = 0;
  std::string headers = buf.substr(0, hdrEnd);
  for (auto& c : headers) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (auto p = headers.find("content-length:"); p != std::string::npos)
    len = std::strtoul(headers.c_str() + p + 15, nullptr, 10);
  if (len > (1u << 20)) return false;
  r.body = buf.substr(hdrEnd + 4);
  while (r.body.size() < len) {
    ssize_t n = ::recv(fd, tmp, sizeof tmp, 0);
    if (n <= 0) return false;
    r.body.append(tmp, static_cast<size_t>(n));
  }
  r.body.resize(len);
  return true;
}

bool misbehave(int fd, const std::string& path) {
  if (path == "/hang") {
    for (int i = 0; i < 600 && !g_stop; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return true;
  }
  if (path == "/garbage") {
    respond(fd, 200, "application/octet-stream", "this is not DER \x01\x02\x03 at all");
    return true;
  }
  if (path == "/status500") {
    respond(fd, 500, "text/plain", "server error");
    return true;
  }
  if (path == "/big") {
    std::string head =
        "HTTP/1.0 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: "
        "67108864\r\n\r\n";
    if (!sendAll(fd, head)) return true;
    std::string chunk(1 << 16, '\0');
    for (int i = 0; i < 1024 && !g_stop; ++i)
      if (!sendAll(fd, chunk)) break;
    return true;
  }
  return false;
}

void serveFile(int fd, const Request& r) {
  if (misbehave(fd, r.path)) return;
  std::string name = r.path.substr(1);
  if (name.empty() || name.find("..") != std::string::npos || name.find('/') != std::string::npos) {
    respond(fd, 404, "text/plain", "not found");
    return;
  }
  std::ifstream in(g_dir + "/" + name, std::ios::binary);
  if (!in) {
    respond(fd, 404, "text/plain", "not found");
    return;
  }
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::string type = "application/octet-stream";
  if (name.ends_with(".crl"))
    type = "application/pkix-crl";
  else if (name.ends_with(".der") || name.ends_with(".crt"))
    type = "application/pkix-cert";
  else if (name.ends_with(".p7c"))
    type = "application/pkcs7-mime";
  else if (name.ends_with(".ocsp"))
    type = "application/ocsp-response";
  respond(fd, 200, type, body);
}

ASN1_INTEGER* serialCb(TS_RESP_CTX*, void*) {
  ASN1_INTEGER* s = ASN1_INTEGER_new();
  if (s) ASN1_INTEGER_set(s, g_serial++);
  return s;
}

// Alters the request the way a broken or hostile TSA would, so the client's checks must catch it.
std::string alterRequest(const std::string& der, const std::string& how) {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(der.data());
  kyso::ossl::Ptr<TS_REQ> req(d2i_TS_REQ(nullptr, &p, static_cast<long>(der.size())));
  if (!req) return der;
  if (how == "/wrong-imprint") {
    TS_MSG_IMPRINT* mi = TS_REQ_get_msg_imprint(req.get());
    ASN1_OCTET_STRING* d = TS_MSG_IMPRINT_get_msg(mi);
    std::string bytes(reinterpret_cast<const char*>(ASN1_STRING_get0_data(d)),
                      static_cast<size_t>(ASN1_STRING_length(d)));
    if (!bytes.empty()) bytes[0] = static_cast<char>(bytes[0] ^ 0x55);
    ASN1_OCTET_STRING_set(d, reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  } else if (how == "/wrong-nonce") {
    kyso::ossl::Ptr<ASN1_INTEGER> n(ASN1_INTEGER_new());
    ASN1_INTEGER_set(n.get(), 424242);
    TS_REQ_set_nonce(req.get(), n.get());
  }
  unsigned char* out = nullptr;
  int len = i2d_TS_REQ(req.get(), &out);
  kyso::ossl::Mem<unsigned char> guard(out);
  return len > 0 ? std::string(reinterpret_cast<char*>(out), static_cast<size_t>(len)) : der;
}

void serveTsa(int fd, const Request& r) {
  if (misbehave(fd, r.path)) return;
  if (r.method != "POST") {
    respond(fd, 405, "text/plain", "POST a TimeStampReq");
    return;
  }
  kyso::ossl::Ptr<TS_RESP_CTX> ctx(TS_RESP_CTX_new());
  kyso::ossl::Ptr<BIO> cb(BIO_new_file(g_tsaCert.c_str(), "r"));
  kyso::ossl::Ptr<X509> cert(cb ? PEM_read_bio_X509(cb.get(), nullptr, nullptr, nullptr) : nullptr);
  kyso::ossl::Ptr<BIO> kb(BIO_new_file(g_tsaKey.c_str(), "r"));
  kyso::ossl::Ptr<EVP_PKEY> key(kb ? PEM_read_bio_PrivateKey(kb.get(), nullptr, nullptr, nullptr)
                                   : nullptr);
  kyso::ossl::X509Stack chain(sk_X509_new_null());
  if (kyso::ossl::Ptr<BIO> chb(BIO_new_file(g_tsaChain.c_str(), "r")); chb) {
    while (X509* c = PEM_read_bio_X509(chb.get(), nullptr, nullptr, nullptr))
      sk_X509_push(chain.get(), c);
    ERR_clear_error();
  }
  kyso::ossl::Ptr<ASN1_OBJECT> policy(OBJ_txt2obj("1.3.6.1.4.1.99999.1.1", 1));
  if (!ctx || !cert || !key || !TS_RESP_CTX_set_signer_cert(ctx.get(), cert.get()) ||
      !TS_RESP_CTX_set_signer_key(ctx.get(), key.get()) ||
      !TS_RESP_CTX_set_certs(ctx.get(), chain.get()) ||
      !TS_RESP_CTX_set_def_policy(ctx.get(), policy.get())) {
    respond(fd, 500, "text/plain", "TSA not configured");
    return;
  }
  for (const EVP_MD* md : {EVP_sha256(), EVP_sha384(), EVP_sha512(), EVP_sha1()})
    TS_RESP_CTX_add_md(ctx.get(), md);
  TS_RESP_CTX_set_accuracy(ctx.get(), 1, 0, 0);
  TS_RESP_CTX_set_serial_cb(ctx.get(), serialCb, nullptr);
  TS_RESP_CTX_set_ess_cert_id_digest(ctx.get(), EVP_sha256());
  std::string body = r.path == "/" ? r.body : alterRequest(r.body, r.path);
  kyso::ossl::Ptr<BIO> in(BIO_new_mem_buf(body.data(), static_cast<int>(body.size())));
  kyso::ossl::Ptr<TS_RESP> resp(TS_RESP_create_response(ctx.get(), in.get()));
  if (!resp) {
    respond(fd, 500, "text/plain", "TS_RESP_create_response failed");
    return;
  }
  if (r.path == "/rejection") {
    resp.reset(TS_RESP_new());
    kyso::ossl::Ptr<TS_STATUS_INFO> si(TS_STATUS_INFO_new());
    if (si && resp) {
      TS_STATUS_INFO_set_status(si.get(), TS_STATUS_REJECTION);
      TS_RESP_set_status_info(resp.get(), si.get());  // copies
    }
  }
  unsigned char* out = nullptr;
  int len = resp ? i2d_TS_RESP(resp.get(), &out) : -1;
  kyso::ossl::Mem<unsigned char> guard(out);
  if (len <= 0) {
    respond(fd, 500, "text/plain", "i2d_TS_RESP failed");
    return;
  }
  respond(fd, 200, "application/timestamp-reply",
          std::string(reinterpret_cast<char*>(out), static_cast<size_t>(len)));
}

void serveOcsp(int fd, const Request& r) {
  if (misbehave(fd, r.path)) return;
  if (r.method != "POST") {
    respond(fd, 405, "text/plain", "POST an OCSPRequest");
    return;
  }
  std::string base =
      "/tmp/kyso-ocsp-" + std::to_string(::getpid()) + "-" + std::to_string(g_tmpCounter++);
  std::string reqPath = base + ".req", respPath = base + ".resp";
  std::ofstream(reqPath, std::ios::binary) << r.body;
  pid_t pid = ::fork();
  if (pid == 0) {
    int devnull = ::open("/dev/null", O_WRONLY);
    if (devnull >= 0) {
      ::dup2(devnull, 1);
      ::dup2(devnull, 2);
    }
    ::execlp("openssl", "openssl", "ocsp", "-index", g_ocspIndex.c_str(), "-CA", g_ocspCa.c_str(),
             "-rsigner", g_ocspSigner.c_str(), "-rkey", g_ocspKey.c_str(), "-nmin", "60", "-reqin",
             reqPath.c_str(), "-respout", respPath.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  if (pid > 0) ::waitpid(pid, &status, 0);
  std::ifstream in(respPath, std::ios::binary);
  std::string body((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ::unlink(reqPath.c_str());
  ::unlink(respPath.c_str());
  if (body.empty())
    respond(fd, 500, "text/plain", "openssl ocsp failed");
  else
    respond(fd, 200, "application/ocsp-response", body);
}

int g_delayMs = 0;
std::string g_countsFile;
std::mutex g_countsMutex;
std::map<std::string, unsigned long> g_counts;

void count(int kind, const std::string& path) {
  if (g_countsFile.empty()) return;
  std::lock_guard lock(g_countsMutex);
  ++g_counts[std::string(kind == 1 ? "tsa " : kind == 2 ? "ocsp " : "http ") + path];
  const std::string tmp = g_countsFile + ".tmp";
  {
    std::ofstream out(tmp);
    for (const auto& [k, n] : g_counts) out << k << " " << n << "\n";
  }
  ::rename(tmp.c_str(), g_countsFile.c_str());
}

void handle(int fd, int kind) {
  timeval tv{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  Request r;
  if (readRequest(fd, r)) {
    count(kind, r.path);
    if (g_delayMs > 0) std::this_thread::sleep_for(std::chrono::milliseconds(g_delayMs));
    if (kind == 1)
      serveTsa(fd, r);
    else if (kind == 2)
      serveOcsp(fd, r);
    else
      serveFile(fd, r);
  }
  ERR_clear_error();
  ::close(fd);
}

}  // namespace

int main(int argc, char** argv) {
  int httpPort = 0, tsaPort = 0, ocspPort = 0;
  std::string pidfile;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--http" && i + 2 < argc) {
      httpPort = std::atoi(argv[++i]);
      g_dir = argv[++i];
    } else if (a == "--tsa" && i + 4 < argc) {
      tsaPort = std::atoi(argv[++i]);
      g_tsaCert = argv[++i];
      g_tsaKey = argv[++i];
      g_tsaChain = argv[++i];
    } else if (a == "--ocsp" && i + 5 < argc) {
      ocspPort = std::atoi(argv[++i]);
      g_ocspIndex = argv[++i];
      g_ocspCa = argv[++i];
      g_ocspSigner = argv[++i];
      g_ocspKey = argv[++i];
    } else if (a == "--pidfile" && i + 1 < argc) {
      pidfile = argv[++i];
    } else if (a == "--delay-ms" && i + 1 < argc) {
      g_delayMs = std::atoi(argv[++i]);
    } else if (a == "--counts" && i + 1 < argc) {
      g_countsFile = argv[++i];
    } else {
      std::fprintf(stderr,
                   "usage: %s --http PORT DIR [--tsa PORT CERT KEY CHAIN] [--ocsp PORT INDEX CA "
                   "RSIGNER RKEY] [--pidfile F] [--delay-ms N] [--counts F]\n",
                   argv[0]);
      return 64;
    }
  }
  ::setenv("OPENSSL_CONF", "/dev/null", 1);  // before any thread: the OCSP child inherits it
  struct sigaction sa {};
  sa.sa_handler = onSignal;
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
  std::vector<pollfd> fds;
  std::vector<int> kinds;
  if (httpPort > 0) {
    int fd = listenOn(httpPort);
    if (fd < 0) return 1;
    fds.push_back({fd, POLLIN, 0});
    kinds.push_back(0);
  }
  if (tsaPort > 0) {
    int fd = listenOn(tsaPort);
    if (fd < 0) return 1;
    fds.push_back({fd, POLLIN, 0});
    kinds.push_back(1);
  }
  if (ocspPort > 0) {
    int fd = listenOn(ocspPort);
    if (fd < 0) return 1;
    fds.push_back({fd, POLLIN, 0});
    kinds.push_back(2);
  }
  if (fds.empty()) return 64;
  if (!pidfile.empty()) {
    std::ofstream(pidfile) << ::getpid() << "\n";
  }
  while (!g_stop) {
    int n = ::poll(fds.data(), fds.size(), 200);
    if (n <= 0) continue;
    for (size_t i = 0; i < fds.size(); ++i) {
      if (!(fds[i].revents & POLLIN)) continue;
      int c = ::accept(fds[i].fd, nullptr, nullptr);
      if (c >= 0) std::thread(handle, c, kinds[i]).detach();
    }
  }
  for (auto& p : fds) ::close(p.fd);
  return 0;
}
