// OpenSSL parsing of one certificate. Names are printed RFC 2253-style without escaping bytes
// above 0x7f, so Vietnamese names come out as readable UTF-8.
#include "src/inventory/certfile.h"

#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstdio>
#include <ctime>

#include "core/atomic_file.h"
#include "core/openssl_ptr.h"
#include "src/inventory/audit.h"

namespace kyso::inventory {
namespace {

std::string nameText(const X509_NAME* n) {
  ossl::Ptr<BIO> bio(BIO_new(BIO_s_mem()));
  X509_NAME_print_ex(bio.get(), n, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB);
  char* p = nullptr;
  const long len = BIO_get_mem_data(bio.get(), &p);
  return std::string(p, static_cast<std::size_t>(len));
}

std::string dateText(const ASN1_TIME* t) {
  std::tm tm{};
  if (!ASN1_TIME_to_tm(t, &tm)) return {};
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
  return buf;
}

std::string hex(const unsigned char* p, std::size_t n) {
  static constexpr char k[] = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += k[p[i] >> 4];
    out += k[p[i] & 15];
  }
  return out;
}

}  // namespace

Result<ParsedCertificate> parseCertificate(std::string_view bytes, const std::string& what) {
  ossl::Ptr<X509> x;
  if (bytes.find("-----BEGIN") != std::string_view::npos) {
    ossl::Ptr<BIO> bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    x.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  } else {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(bytes.data());
    x.reset(d2i_X509(nullptr, &p, static_cast<long>(bytes.size())));
  }
  if (!x) return Error::openssl("d2i_X509", what, Errc::CertificateMalformed);
  ParsedCertificate out;
  unsigned char* derp = nullptr;
  const int len = i2d_X509(x.get(), &derp);
  if (len <= 0) return Error::openssl("i2d_X509", what, Errc::CertificateMalformed);
  ossl::Mem<unsigned char> der(derp);
  out.der.assign(reinterpret_cast<const char*>(der.get()), static_cast<std::size_t>(len));
  Certificate& c = out.cert;
  c.sha256 = sha256Hex(out.der);
  ossl::Ptr<BIGNUM> bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(x.get()), nullptr));
  if (!bn) return Error::openssl("ASN1_INTEGER_to_BN", what, Errc::CertificateMalformed);
  ossl::Mem<char> serialHex(BN_bn2hex(bn.get()));
  c.serial = serialHex ? serialHex.get() : "";
  c.issuer = nameText(X509_get_issuer_name(x.get()));
  c.subject = nameText(X509_get_subject_name(x.get()));
  c.notBefore = dateText(X509_get0_notBefore(x.get()));
  c.notAfter = dateText(X509_get0_notAfter(x.get()));
  if (c.notBefore.empty() || c.notAfter.empty())
    return Error::kyso(Errc::CertificateMalformed, "ASN1_TIME_to_tm", what)
        .because(Detail::Technical);
  if (const ASN1_OCTET_STRING* ski = X509_get0_subject_key_id(x.get()))
    c.keyId = hex(ASN1_STRING_get0_data(ski), static_cast<std::size_t>(ASN1_STRING_length(ski)));
  return out;
}

Result<ParsedCertificate> readCertificateFile(const std::filesystem::path& path) {
  KYSO_ASSIGN_OR_RETURN(std::string bytes, readSmallFile(path, 1u << 20));
  return parseCertificate(bytes, path.string());
}

}  // namespace kyso::inventory
