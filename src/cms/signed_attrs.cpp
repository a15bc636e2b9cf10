#include "src/cms/signed_attrs.h"

#include <algorithm>
#include <vector>

#include "src/core/openssl_ptr.h"

namespace kyso::cms {

std::string derWrap(unsigned char tag, const std::string& content) {
  std::string out(1, static_cast<char>(tag));
  size_t n = content.size();
  if (n < 0x80) {
    out.push_back(static_cast<char>(n));
  } else {
    std::string len;
    while (n) {
      len.insert(len.begin(), static_cast<char>(n & 0xff));
      n >>= 8;
    }
    out.push_back(static_cast<char>(0x80 | len.size()));
    out += len;
  }
  return out + content;
}

namespace {

Result<std::string> sortAndWrap(std::vector<std::string> enc, bool storedOrder) {
  // DER SET OF: ascending order of the encodings compared as octet strings (X.690 11.6), where
  // a shorter encoding is padded with zero octets at its end.
  if (!storedOrder)
    std::sort(enc.begin(), enc.end(), [](const std::string& a, const std::string& b) {
      size_t n = std::max(a.size(), b.size());
      for (size_t i = 0; i < n; ++i) {
        unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        if (x != y) return x < y;
      }
      return false;
    });
  std::string all;
  for (auto& e : enc) all += e;
  return derWrap(0x31, all);
}

Result<std::string> encodeOne(X509_ATTRIBUTE* a, std::vector<std::string>& enc) {
  unsigned char* b = nullptr;
  int n = i2d_X509_ATTRIBUTE(a, &b);
  ossl::Mem<unsigned char> g(b);
  if (n <= 0) return Error::openssl("i2d_X509_ATTRIBUTE", {}, Errc::CmsMalformed);
  enc.emplace_back(reinterpret_cast<char*>(b), static_cast<size_t>(n));
  return std::string();
}

}  // namespace

Result<std::string> signedAttributesDer(CMS_SignerInfo* si, bool storedOrder) {
  int count = CMS_signed_get_attr_count(si);
  if (count <= 0) return std::string();
  std::vector<std::string> enc;
  for (int i = 0; i < count; ++i) KYSO_TRY(encodeOne(CMS_signed_get_attr(si, i), enc));
  return sortAndWrap(std::move(enc), storedOrder);
}

Result<std::string> attributesDer(const STACK_OF(X509_ATTRIBUTE) * attrs, bool storedOrder) {
  int count = attrs ? sk_X509_ATTRIBUTE_num(attrs) : 0;
  if (count <= 0) return std::string();
  std::vector<std::string> enc;
  for (int i = 0; i < count; ++i) KYSO_TRY(encodeOne(sk_X509_ATTRIBUTE_value(attrs, i), enc));
  return sortAndWrap(std::move(enc), storedOrder);
}

}  // namespace kyso::cms
