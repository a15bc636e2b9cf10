// Shared helpers for the certs and CMS tests: where the test PKI and the loopback services are
// (env KYSO_TEST_PKI, KYSO_TEST_PORT_BASE from ctest), temporary folders, running the openssl
// CLI, and signing identities made from the PKI's key files. Header-only; tests only.
#pragma once

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "certs/cert_info.h"
#include "core/signing_identity.h"

namespace kyso::test {

namespace fs = std::filesystem;

inline std::string env(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

inline bool inCi() {
  return env("CI") == "true";
}

inline fs::path pkiDir() {
  return env("KYSO_TEST_PKI");
}
inline int portBase() {
  return std::atoi(env("KYSO_TEST_PORT_BASE", "0").c_str());
}
inline std::string httpUrl(const std::string& path) {
  return "http://127.0.0.1:" + std::to_string(portBase()) + path;
}
inline std::string ocspUrl() {
  return "http://127.0.0.1:" + std::to_string(portBase() + 1) + "/";
}
inline std::string tsaUrl(const std::string& path = "/") {
  return "http://127.0.0.1:" + std::to_string(portBase() + 2) + path;
}
inline fs::path pki(const std::string& name) {
  return pkiDir() / name;
}

inline std::string readFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}
inline void writeFile(const fs::path& p, const std::string& data) {
  std::ofstream(p, std::ios::binary) << data;
}

/// Runs a shell command; returns its exit status and fills `out` with stdout+stderr.
inline int run(const std::string& cmd, std::string* out = nullptr) {
  std::string full = "OPENSSL_CONF=/dev/null " + cmd + " 2>&1";
  FILE* f = ::popen(full.c_str(), "r");
  if (!f) return -1;
  std::string text;
  std::array<char, 4096> buf{};
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), f)) > 0) text.append(buf.data(), n);
  int st = ::pclose(f);
  if (out) *out = text;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

inline bool haveTool(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null") == 0;
}

/// Skips (loudly) without the tool, fails in CI.
#define KYSO_REQUIRE_TOOL(tool)                                                    \
  do {                                                                             \
    if (!::kyso::test::haveTool(tool)) {                                           \
      if (::kyso::test::inCi()) FAIL() << "required tool missing in CI: " << tool; \
      GTEST_SKIP() << "*** SKIPPED: tool not installed: " << tool;                 \
    }                                                                              \
  } while (0)

/// The test PKI must exist (ctest fixture `pki`); skip loudly when run by hand without it.
#define KYSO_REQUIRE_PKI()                                                         \
  do {                                                                             \
    if (::kyso::test::pkiDir().empty() ||                                          \
        !std::filesystem::exists(::kyso::test::pki("root.pem"))) {                 \
      if (::kyso::test::inCi()) FAIL() << "test PKI missing (KYSO_TEST_PKI)";      \
      GTEST_SKIP() << "*** SKIPPED: no test PKI; run through ctest (fixture pki)"; \
    }                                                                              \
  } while (0)

/// A unique temporary folder, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "kyso-test-XXXXXX").string();
    char* d = ::mkdtemp(tmpl.data());
    m_path = d ? d : tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  const fs::path& path() const { return m_path; }
  fs::path operator/(const std::string& n) const { return m_path / n; }

 private:
  fs::path m_path;
};

inline ossl::Ptr<X509> loadCert(const fs::path& p) {
  auto r = certs::loadCertificates(p);
  return r.ok() ? std::move(r->front()) : nullptr;
}

/// A signing identity from the PKI's files: NAME.pem, NAME.key, chain gov-ca.pem.
inline SigningIdentity identity(const std::string& name) {
  SigningIdentity id;
  id.cert = loadCert(pki(name + ".pem"));
  ossl::Ptr<BIO> b(BIO_new_file(pki(name + ".key").c_str(), "r"));
  if (b) id.key.reset(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
  id.chain.reset(sk_X509_new_null());
  sk_X509_push(id.chain.get(), loadCert(pki("gov-ca.pem")).release());
  id.description = name;
  return id;
}

}  // namespace kyso::test
