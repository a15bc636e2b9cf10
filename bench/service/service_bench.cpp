// service_bench: the signing service's own cost (issue 19), in-process on a SoftHSM token:
//  1. SignMsg round trips as a web page makes them (a new TLS connection and WebSocket per call)
//     against the token's own signing time for the same digest, both medians of N;
//  2. N PDFs signed through the service (SignPDF: fetch, sign, upload to the test document
//     system), one request after another, wall time.
// The person is a host that approves everything and keeps the token open (a PIN once, as a
// batch). Prints `service <figure>: <value>` lines; run-bench.sh compares 2 with `kyso sign`.
// Usage: service_bench MODULE PIN_FILE DOCSYSTEM_PORT FILES... (the files' names under /files/)
// SERVICE_BENCH_BATCH_ONLY=1 runs only 3 (the latency bench, on the fault module: issue 22 item 6);
// SERVICE_BENCH_LEVEL (B-B, B-T, B-LT), SERVICE_BENCH_TSA and SERVICE_BENCH_ANCHOR (a root for B-LT
// chains, as `kyso service --trust`) set the service's signing level.
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "pkcs11/open_token.h"
#include "pkcs11/pin_prompt.h"
#include "src/pdf/pades.h"
#include "src/service/local_tls.h"
#include "src/service/signing_service.h"
#include "src/service/wss_server.h"
#include "tests/service/service_client.h"

using namespace kyso;
using SteadyClock = std::chrono::steady_clock;

namespace {

double ms(SteadyClock::duration d) {
  return std::chrono::duration<double, std::milli>(d).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

class BenchHost : public service::ServiceHost {
 public:
  explicit BenchHost(p11::OpenToken& t) : m_token(t) {}
  bool allowSite(const std::string&) override { return true; }
  Result<service::ApprovedKey> approve(const service::Approval&) override {
    approvedAt = SteadyClock::now();
    KYSO_ASSIGN_OR_RETURN(SigningIdentity id, m_token.signingIdentity());
    service::ApprovedKey k;
    k.key.identity = std::move(id);
    k.key.token = &m_token;
    return k;
  }
  void batchProgress(std::size_t done, std::size_t total) override {
    if (done == total) signedAt = SteadyClock::now();
  }
  SteadyClock::time_point approvedAt, signedAt;  // the batch's phases

 private:
  p11::OpenToken& m_token;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5) {
    std::fprintf(stderr, "usage: service_bench MODULE PIN_FILE DOCSYSTEM_PORT FILE...\n");
    return 64;
  }
  std::string pin;
  std::getline(std::ifstream(argv[2]), pin);
  p11::FixedPinPrompt prompt(pin);
  p11::TokenSelector sel;
  sel.module = argv[1];
  sel.key = "01";
  auto token = p11::OpenToken::open(sel, prompt);
  if (!token.ok()) {
    std::fprintf(stderr, "token: %s\n", token.error().technical().c_str());
    return 5;
  }
  const std::string doc = "http://127.0.0.1:" + std::string(argv[3]);
  BenchHost host(**token);
  service::ServiceSettings s;
  s.sites.testOrigins = {doc};
  if (const char* level = std::getenv("SERVICE_BENCH_LEVEL")) {
    const auto parsed = pdf::parsePadesLevel(level);
    if (!parsed) return 64;
    s.level = *parsed;
  }
  if (const char* tsa = std::getenv("SERVICE_BENCH_TSA")) s.tsaUrl = tsa;
  if (const char* anchor = std::getenv("SERVICE_BENCH_ANCHOR")) s.extraAnchors = {anchor};
  const char* batchOnly = std::getenv("SERVICE_BENCH_BATCH_ONLY");
  const bool onlyBatch = batchOnly && std::string(batchOnly) == "1";
  service::SigningService svc(s, host);
  char tmpl[] = "/tmp/kyso-service-bench-XXXXXX";
  const std::string dir = ::mkdtemp(tmpl);
  auto tls = service::ensureLocalTls(dir + "/tls");
  service::ServerOptions so;
  so.port = 0;
  so.tls = *tls;
  auto server = service::WssServer::start(so, svc);
  if (!server.ok()) return 4;
  test::ServiceClient client;
  client.port = (*server)->port();
  client.caCert = tls->caCert;
  client.origin = doc;

  // The document system's short-lived token, as the page has it from its session.
  const char* envToken = std::getenv("DOC_TOKEN");
  const std::string docToken = envToken ? envToken : "";
  int done = 0;
  if (!onlyBatch) {
    // 1. SignMsg over the wire against the token alone.
    unsigned char md[32];
    unsigned int n = 0;
    EVP_Digest("bench", 5, md, &n, EVP_sha256(), nullptr);
    const std::string digest(reinterpret_cast<char*>(md), n);
    const std::string msg =
        R"({"HashAlg":"SHA256","HashValue":")" + service::base64(digest) + R"(","Encode":"RSA"})";
    auto id = (*token)->signingIdentity();
    std::vector<double> wire, direct;
    for (int i = 0; i < 60; ++i) {
      auto t0 = SteadyClock::now();
      const auto a = client.call("/SignMsg", msg);
      auto t1 = SteadyClock::now();
      if (a.reply["Status"].asInt() != 0) {
        std::fprintf(stderr, "SignMsg: %s\n", a.raw.c_str());
        return 1;
      }
      if (i >= 10) wire.push_back(ms(t1 - t0));
      ossl::Ptr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new(id->key.get(), nullptr));
      EVP_PKEY_sign_init(ctx.get());
      EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_PADDING);
      EVP_PKEY_CTX_set_signature_md(ctx.get(), EVP_sha256());
      std::size_t len = 512;
      unsigned char sig[512];
      t0 = SteadyClock::now();
      EVP_PKEY_sign(ctx.get(), sig, &len, md, n);
      t1 = SteadyClock::now();
      if (i >= 10) direct.push_back(ms(t1 - t0));
    }
    std::vector<double> identity;
    for (int i = 0; i < 20; ++i) {
      const auto t0 = SteadyClock::now();
      (void)(*token)->signingIdentity();
      identity.push_back(ms(SteadyClock::now() - t0));
    }
    std::printf("service SignMsg round trip: %.2f ms median (token alone %.2f ms)\n", median(wire),
                median(direct));
    std::printf("service reading the signer's identity from the token: %.2f ms median\n",
                median(identity));
    std::printf("service SignMsg overhead: %.2f ms (target 5 ms)\n", median(wire) - median(direct));

    // 2. The PDFs one request after another (the token's session kept, as a batch).
    const auto t0 = SteadyClock::now();
    for (int i = 4; i < argc; ++i) {
      const std::string file = argv[i];
      const std::string req = R"({"FileUploadHandler":")" + doc + "/upload?token=" + docToken +
                              R"(","FileName":")" + doc + "/files/" + file + "?token=" + docToken +
                              R"("})";
      const auto a = client.call("/SignPDF", req);
      if (a.reply["Status"].asInt() == 0)
        ++done;
      else
        std::fprintf(stderr, "%s: %s\n", file.c_str(), a.raw.c_str());
    }
    const double total = ms(SteadyClock::now() - t0);
    std::printf("service PDFs: %d of %d in %.0f ms\n", done, argc - 4, total);
    std::printf("SERVICE_PDF_MS=%.0f\n", total);
  } else {
    done = argc - 4;
  }

  // 3. The same PDFs in one vgca_sign_files request (one approval, one login, one batch job).
  std::string files;
  for (int i = 4; i < argc; ++i)
    files += std::string(i > 4 ? "," : "") + R"({"FileID":")" + std::to_string(i) +
             R"(","FileName":")" + argv[i] + R"(","URL":")" + doc + "/files/" + argv[i] +
             "?token=" + docToken + R"("})";
  const auto b0 = SteadyClock::now();
  const auto batch = client.call("/vgca_sign_files",
                                 R"({"FileUploadHandler":")" + doc + "/upload?token=" + docToken +
                                     R"(","SessionId":"","Files":[)" + files + "]}");
  const auto bEnd = SteadyClock::now();
  const double batchMs = ms(bEnd - b0);
  const bool batchOk = batch.reply["Status"].asInt() == 0;
  if (!batchOk) std::fprintf(stderr, "vgca_sign_files: %s\n", batch.raw.substr(0, 500).c_str());
  std::printf("service batch (vgca_sign_files): %zu files in %.0f ms\n",
              batch.reply["Files"].size(), batchMs);
  std::printf("SERVICE_BATCH_MS=%.0f\n", batchMs);
  std::printf(
      "service batch phases: fetching %.0f ms, signing %.0f ms, last uploads and reply %.0f ms\n",
      ms(host.approvedAt - b0), ms(host.signedAt - host.approvedAt), ms(bEnd - host.signedAt));
  (*server)->stop();
  return done == argc - 4 && batchOk ? 0 : 1;
}
