#include "src/service/local_tls.h"

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <ctime>

#include "certs/cert_info.h"
#include "core/atomic_file.h"
#include "core/openssl_ptr.h"
#include "core/paths.h"

namespace kyso::service {

namespace fs = std::filesystem;

namespace {

constexpr long kCaDays = 3650;
constexpr long kServerDays = 397;  // browsers refuse server certificates valid longer
constexpr long kRenewDays = 30;

Error setupError(const std::string& what, const fs::path& file = {}) {
  return Error::kyso(Errc::ServiceTlsSetupFailed, what,
                     file.empty() ? std::string() : file.string());
}

ossl::Ptr<EVP_PKEY> newKey() {
  return ossl::Ptr<EVP_PKEY>(EVP_EC_gen("P-256"));
}

bool addExt(X509* cert, X509* issuer, int nid, const char* value) {
  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
  ossl::Ptr<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
  return ext && X509_add_ext(cert, ext.get(), -1) == 1;
}

bool randomSerial(X509* cert) {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) return false;
  b[0] &= 0x7f;  // positive
  ossl::Ptr<BIGNUM> bn(BN_bin2bn(b, sizeof b, nullptr));
  return bn && BN_to_ASN1_INTEGER(bn.get(), X509_get_serialNumber(cert)) != nullptr;
}

ossl::Ptr<X509> newCert(const std::string& cn, EVP_PKEY* key, long days) {
  ossl::Ptr<X509> c(X509_new());
  if (!c || X509_set_version(c.get(), 2) != 1 || !randomSerial(c.get())) return {};
  X509_NAME* name = X509_get_subject_name(c.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>("kyso"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                             reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
  if (!X509_gmtime_adj(X509_getm_notBefore(c.get()), -3600) ||
      !X509_time_adj_ex(X509_getm_notAfter(c.get()), static_cast<int>(days), 0, nullptr) ||
      X509_set_pubkey(c.get(), key) != 1)
    return {};
  return c;
}

std::string hostName() {
  char h[256] = {};
  if (gethostname(h, sizeof h - 1) != 0 || !*h) return "localhost";
  return h;
}

Status writeFile(const fs::path& p, const std::string& data, bool secret) {
  auto f = AtomicFile::create(p, AtomicFile::Overwrite::Allow);
  if (!f.ok()) return f.error();
  if (::fchmod(f->fd(), secret ? 0600 : 0644) != 0) return setupError("chmod", p);
  if (auto st = f->write(data); !st.ok()) return st;
  return f->commit();
}

std::string pemCert(X509* c) {
  ossl::Ptr<BIO> b(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(b.get(), c);
  char* d = nullptr;
  const long n = BIO_get_mem_data(b.get(), &d);
  return std::string(d, static_cast<std::size_t>(n > 0 ? n : 0));
}

std::string pemKey(EVP_PKEY* k) {
  ossl::Ptr<BIO> b(BIO_new(BIO_s_secmem()));
  PEM_write_bio_PrivateKey(b.get(), k, nullptr, nullptr, 0, nullptr, nullptr);
  char* d = nullptr;
  const long n = BIO_get_mem_data(b.get(), &d);
  std::string out(d, static_cast<std::size_t>(n > 0 ? n : 0));
  return out;
}

ossl::Ptr<X509> readCert(const fs::path& p) {
  auto certs = certs::loadCertificates(p);
  if (!certs.ok() || certs->empty()) return {};
  return std::move(certs->front());
}

ossl::Ptr<EVP_PKEY> readKey(const fs::path& p) {
  auto data = readSmallFile(p, 1u << 16);
  if (!data.ok()) return {};
  ossl::Ptr<BIO> b(BIO_new_mem_buf(data->data(), static_cast<int>(data->size())));
  ossl::Ptr<EVP_PKEY> k(PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr));
  OPENSSL_cleanse(data->data(), data->size());
  ERR_clear_error();
  return k;
}

bool expiresWithin(X509* c, long days) {
  ossl::Ptr<ASN1_TIME> limit(X509_time_adj_ex(nullptr, static_cast<int>(days), 0, nullptr));
  return !limit || X509_cmp_time(X509_get0_notAfter(c), nullptr) <= 0 ||
         ASN1_TIME_compare(X509_get0_notAfter(c), limit.get()) < 0;
}

struct Ca {
  ossl::Ptr<X509> cert;
  ossl::Ptr<EVP_PKEY> key;
};

Result<Ca> makeCa(const fs::path& certFile, const fs::path& keyFile) {
  Ca ca;
  ca.key = newKey();
  if (!ca.key) return setupError("EVP_EC_gen");
  char day[16];
  const std::time_t now = std::time(nullptr);
  std::strftime(day, sizeof day, "%Y-%m-%d", std::gmtime(&now));
  ca.cert = newCert("kyso local CA (" + hostName() + ", " + day + ")", ca.key.get(), kCaDays);
  if (!ca.cert || X509_set_issuer_name(ca.cert.get(), X509_get_subject_name(ca.cert.get())) != 1 ||
      !addExt(ca.cert.get(), ca.cert.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0") ||
      !addExt(ca.cert.get(), ca.cert.get(), NID_key_usage, "critical,keyCertSign,cRLSign") ||
      !addExt(ca.cert.get(), ca.cert.get(), NID_subject_key_identifier, "hash") ||
      // Even a copied key vouches for nothing but this machine's loopback names.
      !addExt(ca.cert.get(), ca.cert.get(), NID_name_constraints,
              "critical,permitted;IP:127.0.0.1/255.255.255.255,permitted;DNS:localhost") ||
      X509_sign(ca.cert.get(), ca.key.get(), EVP_sha256()) <= 0)
    return setupError("making the local CA");
  std::string key = pemKey(ca.key.get());
  Status st = writeFile(keyFile, key, true);
  OPENSSL_cleanse(key.data(), key.size());
  if (!st.ok()) return st.error();
  if (auto w = writeFile(certFile, pemCert(ca.cert.get()), false); !w.ok()) return w.error();
  return ca;
}

Status makeServer(const Ca& ca, const fs::path& certFile, const fs::path& keyFile) {
  ossl::Ptr<EVP_PKEY> key = newKey();
  if (!key) return setupError("EVP_EC_gen");
  ossl::Ptr<X509> c = newCert("127.0.0.1", key.get(), kServerDays);
  if (!c || X509_set_issuer_name(c.get(), X509_get_subject_name(ca.cert.get())) != 1 ||
      !addExt(c.get(), ca.cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      !addExt(c.get(), ca.cert.get(), NID_key_usage, "critical,digitalSignature") ||
      !addExt(c.get(), ca.cert.get(), NID_ext_key_usage, "serverAuth") ||
      !addExt(c.get(), ca.cert.get(), NID_subject_alt_name, "IP:127.0.0.1,DNS:localhost") ||
      !addExt(c.get(), ca.cert.get(), NID_authority_key_identifier, "keyid:always") ||
      X509_sign(c.get(), ca.key.get(), EVP_sha256()) <= 0)
    return setupError("making the server certificate");
  std::string pem = pemKey(key.get());
  Status st = writeFile(keyFile, pem, true);
  OPENSSL_cleanse(pem.data(), pem.size());
  if (!st.ok()) return st;
  return writeFile(certFile, pemCert(c.get()) + pemCert(ca.cert.get()), false);
}

}  // namespace

fs::path serviceDir() {
  return dataDir() / "service";
}

Result<LocalTls> ensureLocalTls(const fs::path& dir) {
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return setupError("create_directories", dir);
  ::chmod(dir.c_str(), 0700);
  LocalTls out;
  out.caCert = dir / "local-ca.pem";
  out.serverCert = dir / "server.pem";
  out.serverKey = dir / "server.key";
  const fs::path caKey = dir / "local-ca.key";

  Ca ca;
  ca.cert = readCert(out.caCert);
  ca.key = readKey(caKey);
  if (!ca.cert || !ca.key || X509_check_private_key(ca.cert.get(), ca.key.get()) != 1 ||
      expiresWithin(ca.cert.get(), kServerDays)) {
    ERR_clear_error();
    auto made = makeCa(out.caCert, caKey);
    if (!made.ok()) return made.error();
    ca = std::move(*made);
    out.madeCa = true;
  }
  ossl::Ptr<X509> server = readCert(out.serverCert);
  ossl::Ptr<EVP_PKEY> serverKey = readKey(out.serverKey);
  ossl::Ptr<EVP_PKEY> caPub(X509_get_pubkey(ca.cert.get()));
  if (out.madeCa || !server || !serverKey ||
      X509_check_private_key(server.get(), serverKey.get()) != 1 ||
      X509_verify(server.get(), caPub.get()) != 1 || expiresWithin(server.get(), kRenewDays)) {
    ERR_clear_error();
    if (auto st = makeServer(ca, out.serverCert, out.serverKey); !st.ok()) return st.error();
    out.madeServer = true;
  }
  out.caSha256 = certs::sha256Hex(ca.cert.get());
  return out;
}

}  // namespace kyso::service
