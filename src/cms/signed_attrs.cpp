#include "src/cms/signed_attrs.h"

#include <algorithm>
#include <vector>

#include "core/openssl_ptr.h"
#include "src/cms/der.h"

namespace kyso::cms {

namespace {

Result<std::string> sortAndWrap(std::vector<std::string> enc, bool storedOrder) {
  if (!storedOrder)
    std::sort(enc.begin(), enc.end(),
              [](const std::string& a, const std::string& b) { return der::setOfLess(a, b); });
  std::string all;
  for (auto& e : enc) all += e;
  return der::wrap(0x31, all);
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
