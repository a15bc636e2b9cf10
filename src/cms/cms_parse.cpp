#include "src/cms/cms_parse.h"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "src/cms/der.h"

namespace kyso::cms {

namespace {

using der::readTlv;
using der::Tlv;

class CertCache {
 public:
  static constexpr std::size_t kMaxEntries = 1024;
  ~CertCache() {
    for (auto& [der, x] : m_map) X509_free(x);
  }
  // A new reference to the certificate with exactly these DER bytes, or null if they do not
  // decode to exactly one certificate.
  ossl::Ptr<X509> get(std::string_view der) {
    {
      std::lock_guard lock(m_mutex);
      if (auto it = m_map.find(std::string(der)); it != m_map.end()) {
        X509_up_ref(it->second);
        return ossl::Ptr<X509>(it->second);
      }
    }
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::Ptr<X509> x(d2i_X509(nullptr, &p, static_cast<long>(der.size())));
    if (!x || p != reinterpret_cast<const unsigned char*>(der.data()) + der.size()) return nullptr;
    std::lock_guard lock(m_mutex);
    if (m_map.size() < kMaxEntries && m_map.emplace(std::string(der), x.get()).second)
      X509_up_ref(x.get());
    return x;
  }
  std::size_t size() {
    std::lock_guard lock(m_mutex);
    return m_map.size();
  }

 private:
  std::mutex m_mutex;
  std::unordered_map<std::string, X509*> m_map;
};

CertCache& cache() {
  static CertCache c;
  return c;
}

// The fast path; nothing when the input is not the plain DER shape it handles.
ossl::Ptr<CMS_ContentInfo> parseWithCachedCerts(std::span<const unsigned char> d,
                                                const unsigned char** end) {
  auto found = der::readSignedData(d);
  if (!found) return nullptr;
  const Tlv& outer = found->contentInfo;
  // SignedData: version, digestAlgorithms, encapContentInfo, [0] certificates, [1] crls,
  // signerInfos.
  auto parsed = der::children(d, found->signedData);
  if (!parsed) return nullptr;
  const std::vector<Tlv>& fields = *parsed;
  if (fields.size() < 5 || fields[0].tag != 0x02 || fields[1].tag != 0x31 ||
      fields[2].tag != 0x30 || fields[3].tag != 0xa0 || fields.back().tag != 0x31)
    return nullptr;
  if (fields.size() == 6 && fields[4].tag != 0xa1) return nullptr;
  if (fields.size() > 6) return nullptr;
  auto certs = der::children(d, fields[3]);
  if (!certs) return nullptr;
  std::vector<std::string_view> certDer;
  for (const Tlv& c : *certs) {
    if (c.tag != 0x30) return nullptr;  // other CertificateChoices: the plain path
    certDer.emplace_back(reinterpret_cast<const char*>(d.data()) + c.start, c.end - c.start);
  }
  // The same structure without the certificates field.
  std::string body;
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (i != 3)
      body.append(reinterpret_cast<const char*>(d.data()) + fields[i].start,
                  fields[i].end - fields[i].start);
  const Tlv& type = found->contentType;
  std::string inner(reinterpret_cast<const char*>(d.data()) + type.start, type.end - type.start);
  inner += der::wrap(0xa0, der::wrap(0x30, body));
  const std::string ciDer = der::wrap(0x30, inner);
  const auto* p = reinterpret_cast<const unsigned char*>(ciDer.data());
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(ciDer.size())));
  if (!cms || p != reinterpret_cast<const unsigned char*>(ciDer.data()) + ciDer.size())
    return nullptr;
  for (auto c : certDer) {
    ossl::Ptr<X509> x = cache().get(c);
    if (!x || CMS_add1_cert(cms.get(), x.get()) != 1) return nullptr;  // e.g. a duplicate
  }
  if (end) *end = d.data() + outer.end;
  return cms;
}

}  // namespace

ossl::Ptr<CMS_ContentInfo> parseCms(std::span<const unsigned char> der, const unsigned char** end) {
  ERR_set_mark();
  ossl::Ptr<CMS_ContentInfo> fast = parseWithCachedCerts(der, end);
  ERR_pop_to_mark();
  if (fast) return fast;
  const unsigned char* p = der.data();
  ossl::Ptr<CMS_ContentInfo> cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
  if (cms && end) *end = p;
  return cms;
}

std::size_t cachedCertificateCount() {
  return cache().size();
}

}  // namespace kyso::cms
