#include "tests/pdf/pdf_test_support.h"

#include <gtest/gtest.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <random>

namespace kyso::pdf::test {
namespace fs = std::filesystem;

int run(const std::string& cmd, std::string* output) {
  std::string full = cmd + " 2>&1";
  FILE* p = ::popen(full.c_str(), "r");
  if (!p) return -1;
  std::array<char, 4096> buf{};
  std::string out;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  int st = ::pclose(p);
  if (output) *output = out;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

bool haveTool(const std::string& tool) {
  return run("command -v " + tool + " >/dev/null") == 0;
}

static fs::path envPath(const char* name, const char* fallback = "") {
  const char* v = std::getenv(name);
  return v ? fs::path(v) : fs::path(fallback);
}

fs::path samplesDir() {
  return envPath("KYSO_BINARY_DIR") / "test-samples";
}
fs::path pkiDir() {
  return envPath("KYSO_TEST_PKI");
}
fs::path sharedDir() {
  return envPath("KYSO_SHARED_DIR");
}

TempDir::TempDir() {
  std::random_device rd;
  m_path =
      fs::temp_directory_path() / ("kyso-pdf-test-" + std::to_string(rd()) + std::to_string(rd()));
  fs::create_directories(m_path);
}
TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

std::string makeNssDb(const fs::path& dir) {
  fs::create_directories(dir);
  std::string db = "sql:" + dir.string();
  std::string out;
  if (run("certutil -N -d " + db + " --empty-password", &out) != 0) ADD_FAILURE() << out;
  if (run("certutil -A -d " + db + " -n kyso-test-root -t CT,C,C -i " +
              (pkiDir() / "root.pem").string(),
          &out) != 0)
    ADD_FAILURE() << out;
  return db;
}

PdfsigReport pdfsig(const std::string& nssDb, const fs::path& pdf) {
  PdfsigReport r;
  r.exitCode = run("pdfsig -no-ocsp -nssdir " + nssDb + " '" + pdf.string() + "'", &r.text);
  std::size_t pos = 0;
  bool lastTotal = false;
  for (;;) {
    std::size_t next = r.text.find("Signature #", pos);
    if (next == std::string::npos) break;
    std::size_t end = r.text.find("Signature #", next + 1);
    std::string part =
        r.text.substr(next, end == std::string::npos ? std::string::npos : end - next);
    ++r.signatures;
    if (part.find("Signature Validation: Signature is Valid.") != std::string::npos) ++r.valid;
    if (part.find("Certificate Validation: Certificate is Trusted.") != std::string::npos)
      ++r.trusted;
    lastTotal = part.find("Total document signed") != std::string::npos;
    pos = next + 1;
  }
  r.lastCoversAll = lastTotal;
  return r;
}

bool qpdfCheck(const fs::path& pdf, std::string* output) {
  return run("qpdf --check '" + pdf.string() + "'", output) == 0;
}

bool isBytePrefix(const fs::path& prefix, const fs::path& whole) {
  std::ifstream a(prefix, std::ios::binary), b(whole, std::ios::binary);
  if (!a || !b) return false;
  std::array<char, 65536> ba{}, bb{};
  for (;;) {
    a.read(ba.data(), ba.size());
    auto n = a.gcount();
    if (n == 0) return true;
    b.read(bb.data(), n);
    if (b.gcount() != n || std::memcmp(ba.data(), bb.data(), static_cast<std::size_t>(n)) != 0)
      return false;
  }
}

KeyFileCmsMaker::KeyFileCmsMaker(const fs::path& certPem, const fs::path& keyPem,
                                 const fs::path& chainPem)
    : m_chain(sk_X509_new_null()) {
  ossl::Ptr<BIO> c(BIO_new_file(certPem.c_str(), "r"));
  if (c) m_cert.reset(PEM_read_bio_X509(c.get(), nullptr, nullptr, nullptr));
  ossl::Ptr<BIO> k(BIO_new_file(keyPem.c_str(), "r"));
  if (k) m_key.reset(PEM_read_bio_PrivateKey(k.get(), nullptr, nullptr, nullptr));
  ossl::Ptr<BIO> ch(BIO_new_file(chainPem.c_str(), "r"));
  while (ch) {
    X509* x = PEM_read_bio_X509(ch.get(), nullptr, nullptr, nullptr);
    if (!x) break;
    sk_X509_push(m_chain.get(), x);
  }
  ERR_clear_error();
}

Result<std::vector<unsigned char>> KeyFileCmsMaker::make(std::span<const unsigned char> digest) {
  ++calls;
  if (!m_cert || !m_key) return Error::kyso(Errc::FileUnreadable, "KeyFileCmsMaker", "key or cert");
  const unsigned flags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP | CMS_CADES;
  ossl::Ptr<CMS_ContentInfo> cms(CMS_sign(nullptr, nullptr, m_chain.get(), nullptr, flags));
  if (!cms) return Error::openssl("CMS_sign");
  CMS_SignerInfo* si = CMS_add1_signer(cms.get(), m_cert.get(), m_key.get(), EVP_sha256(), flags);
  if (!si) return Error::openssl("CMS_add1_signer");
  if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_messageDigest, V_ASN1_OCTET_STRING, digest.data(),
                                  static_cast<int>(digest.size())) != 1)
    return Error::openssl("CMS_signed_add1_attr_by_NID");
  if (CMS_signed_add1_attr_by_NID(si, NID_pkcs9_contentType, V_ASN1_OBJECT,
                                  OBJ_nid2obj(NID_pkcs7_data), -1) != 1)
    return Error::openssl("CMS_signed_add1_attr_by_NID");
  if (CMS_SignerInfo_sign(si) != 1) return Error::openssl("CMS_SignerInfo_sign");
  unsigned char* der = nullptr;
  int len = i2d_CMS_ContentInfo(cms.get(), &der);
  if (len <= 0) return Error::openssl("i2d_CMS_ContentInfo");
  std::vector<unsigned char> out(der, der + len);
  OPENSSL_free(der);
  return out;
}

}  // namespace kyso::pdf::test
