#include "certs/cert_info.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <cstdio>
#include <ctime>

#include "core/atomic_file.h"

namespace kyso::certs {
namespace {

void takeP7Certs(PKCS7* p7, std::vector<ossl::Ptr<X509>>& out) {
  if (!p7 || !PKCS7_type_is_signed(p7) || !p7->d.sign || !p7->d.sign->cert) return;
  STACK_OF(X509)* certs = p7->d.sign->cert;
  for (int i = 0; i < sk_X509_num(certs); ++i) {
    X509* x = sk_X509_value(certs, i);
    X509_up_ref(x);
    out.emplace_back(x);
  }
}

}  // namespace

Result<std::vector<ossl::Ptr<X509>>> parseCertificates(std::string_view data) {
  std::vector<ossl::Ptr<X509>> out;
  if (data.empty() || data.size() > (64u << 20))
    return Error::kyso(Errc::CertificateMalformed, "parseCertificates")
        .because(Detail::CertificateFileSize);
  auto mem = [&] {
    return ossl::Ptr<BIO>(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  };
  if (data.find("-----BEGIN") != std::string_view::npos) {
    auto bio = mem();
    while (X509* c = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) out.emplace_back(c);
    ERR_clear_error();
    if (out.empty()) {
      auto b2 = mem();
      ossl::Ptr<PKCS7> p7(PEM_read_bio_PKCS7(b2.get(), nullptr, nullptr, nullptr));
      takeP7Certs(p7.get(), out);
      ERR_clear_error();
    }
  } else {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
    ossl::Ptr<X509> c(d2i_X509(nullptr, &p, static_cast<long>(data.size())));
    if (c) {
      out.push_back(std::move(c));
    } else {
      p = reinterpret_cast<const unsigned char*>(data.data());
      ossl::Ptr<PKCS7> p7(d2i_PKCS7(nullptr, &p, static_cast<long>(data.size())));
      takeP7Certs(p7.get(), out);
    }
    ERR_clear_error();
  }
  if (out.empty())
    return Error::kyso(Errc::CertificateMalformed, "parseCertificates")
        .because(Detail::NoCertificateInFile);
  return out;
}

Result<std::vector<ossl::Ptr<X509>>> loadCertificates(const std::filesystem::path& file) {
  KYSO_ASSIGN_OR_RETURN(std::string data, readSmallFile(file, 16u << 20));
  auto r = parseCertificates(data);
  if (!r.ok()) r.error().context = file.string();
  return r;
}

std::string nameToString(const X509_NAME* name) {
  if (!name) return {};
  ossl::Ptr<BIO> b(BIO_new(BIO_s_mem()));
  // RFC 2253 order (most specific first: CN=..., O=..., C=VN), ", " between parts, UTF-8 kept
  // as is (no \XX escapes) so Vietnamese names print as written.
  X509_NAME_print_ex(b.get(), name, 0,
                     (ASN1_STRFLGS_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) | XN_FLAG_SEP_CPLUS_SPC |
                         XN_FLAG_DN_REV | XN_FLAG_FN_SN);
  char* p = nullptr;
  long n = BIO_get_mem_data(b.get(), &p);
  return n > 0 ? std::string(p, static_cast<size_t>(n)) : std::string();
}

std::string nameEntry(const X509_NAME* name, int nid) {
  if (!name) return {};
  int i = X509_NAME_get_index_by_NID(name, nid, -1);
  if (i < 0) return {};
  const ASN1_STRING* s = X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, i));
  unsigned char* utf8 = nullptr;
  int n = ASN1_STRING_to_UTF8(&utf8, s);
  ossl::Mem<unsigned char> guard(utf8);
  return n > 0 ? std::string(reinterpret_cast<char*>(utf8), static_cast<size_t>(n)) : std::string();
}

std::string commonName(const X509_NAME* name) {
  std::string cn = nameEntry(name, NID_commonName);
  return cn.empty() ? nameToString(name) : cn;
}

std::string hex(std::string_view bytes) {
  static const char* d = "0123456789abcdef";
  std::string s;
  s.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    s.push_back(d[c >> 4]);
    s.push_back(d[c & 15]);
  }
  return s;
}

std::string sha256Hex(const X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!cert || !X509_digest(cert, EVP_sha256(), md, &n)) return {};
  return hex(std::string_view(reinterpret_cast<char*>(md), n));
}

std::string serialHex(const X509* cert) {
  ossl::Ptr<BIGNUM> bn(ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr));
  if (!bn) return {};
  ossl::Mem<char> h(BN_bn2hex(bn.get()));
  return h ? std::string(h.get()) : std::string();
}

std::string toDer(const X509* cert) {
  unsigned char* buf = nullptr;
  int n = i2d_X509(cert, &buf);
  ossl::Mem<unsigned char> guard(buf);
  return n > 0 ? std::string(reinterpret_cast<char*>(buf), static_cast<size_t>(n)) : std::string();
}

namespace {

// A UTC calendar time as a TimePoint. system_clock counts nanoseconds in 64 bits (years
// 1678..2261); certificates say 9999-12-31 for "no expiry" and fuzzed ones say anything, so clamp
// instead of overflowing.
TimePoint clampedUtc(std::tm& tm) {
  using std::chrono::system_clock;
  constexpr auto kMax =
      std::chrono::duration_cast<std::chrono::seconds>(system_clock::duration::max()).count() - 1;
  std::time_t secs = timegm(&tm);
  if (secs > kMax) secs = kMax;
  if (secs < -kMax) secs = -kMax;
  return system_clock::time_point(std::chrono::seconds(secs));
}

}  // namespace

Result<TimePoint> toTimePoint(const ASN1_TIME* t) {
  std::tm tm{};
  if (!t || !ASN1_TIME_to_tm(t, &tm))
    return Error::kyso(Errc::CertificateMalformed, "ASN1_TIME_to_tm");
  return clampedUtc(tm);
}

std::string isoTime(TimePoint t) {
  std::time_t tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Result<TimePoint> parseIsoTime(std::string_view s) {
  std::tm tm{};
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  std::string str(s);
  int n = std::sscanf(str.c_str(), "%4d-%2d-%2d%*[T ]%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &sec);
  if (n != 3 && n != 6) n = std::sscanf(str.c_str(), "%4d-%2d-%2d", &y, &mo, &d) == 3 ? 3 : 0;
  if (n < 3 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60)
    return Error::kyso(Errc::UsageError, "parseIsoTime", str);
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  return clampedUtc(tm);
}

}  // namespace kyso::certs
