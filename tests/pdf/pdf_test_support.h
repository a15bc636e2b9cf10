// Helpers shared by the PDF tests: running external tools (pdfsig, qpdf, openssl), the sample and
// PKI folders from the environment, an NSS database that trusts the test root, checks that a file
// is a byte prefix of another, and a test-only CMS maker on OpenSSL's CMS_sign with a key file
// (used to exercise the writer independently of the CMS layer).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/openssl_ptr.h"
#include "src/pdf/signature_update.h"

namespace kyso::pdf::test {

/// Runs a shell command; returns its exit status and puts stdout+stderr in `output`.
int run(const std::string& cmd, std::string* output = nullptr);
/// True when `tool` is on PATH; otherwise GTEST_SKIP outside CI, FAIL in CI (call with ASSERT).
bool haveTool(const std::string& tool);

std::filesystem::path samplesDir();  // ${KYSO_BINARY_DIR}/test-samples
std::filesystem::path pkiDir();      // ${KYSO_TEST_PKI}
std::filesystem::path sharedDir();   // ${KYSO_SHARED_DIR}

/// A fresh temporary directory, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

 private:
  std::filesystem::path m_path;
};

/// An NSS database (in `dir`) trusting the test PKI's root; returns "sql:DIR".
std::string makeNssDb(const std::filesystem::path& dir);

/// What pdfsig says about a file.
struct PdfsigReport {
  int exitCode = -1;
  int signatures = 0;
  int valid = 0;               // "Signature is Valid."
  int trusted = 0;             // "Certificate is Trusted."
  bool lastCoversAll = false;  // the last signature: "Total document signed"
  std::string text;
};
PdfsigReport pdfsig(const std::string& nssDb, const std::filesystem::path& pdf);

/// `qpdf --check` exit status 0 (warnings, exit 3, count as failure).
bool qpdfCheck(const std::filesystem::path& pdf, std::string* output = nullptr);
/// True when the bytes of `prefix` are exactly the first bytes of `whole`.
bool isBytePrefix(const std::filesystem::path& prefix, const std::filesystem::path& whole);

/// Test-only ContentsMaker: CMS SignedData (CAdES attributes via CMS_CADES) with OpenSSL and a key
/// file, from a precomputed digest. Not the product's signer.
class KeyFileCmsMaker : public ContentsMaker {
 public:
  KeyFileCmsMaker(const std::filesystem::path& certPem, const std::filesystem::path& keyPem,
                  const std::filesystem::path& chainPem);
  std::size_t estimatedSize() override { return m_estimate; }
  Result<std::vector<unsigned char>> make(std::span<const unsigned char> digest) override;
  std::size_t m_estimate = 8192;
  int calls = 0;

 private:
  ossl::Ptr<X509> m_cert;
  ossl::Ptr<EVP_PKEY> m_key;
  ossl::X509Stack m_chain;
};

}  // namespace kyso::pdf::test
