// Differential libFuzzer target for parseCms (src/cms/cms_parse.h): on any bytes it must agree with
// OpenSSL's d2i_CMS_ContentInfo: both fail, or both parse to structures that re-encode to the same
// bytes and end at the same position. A mismatch, a crash or a sanitizer report is a finding.
// Built only with -DKYSO_BUILD_FUZZ=ON and clang (scripts/fuzz runs it after the PDF fuzzer).
#include <openssl/cms.h>
#include <openssl/err.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "src/cms/cms_parse.h"

namespace {

std::optional<std::vector<unsigned char>> encode(CMS_ContentInfo* c) {
  if (!c) return std::nullopt;
  unsigned char* out = nullptr;
  int n = i2d_CMS_ContentInfo(c, &out);
  if (n <= 0) return std::nullopt;
  std::vector<unsigned char> b(out, out + n);
  OPENSSL_free(out);
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::span<const unsigned char> der(data, size);
  const unsigned char* p = data;
  kyso::ossl::Ptr<CMS_ContentInfo> ref(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(size)));
  const unsigned char* q = data;
  kyso::ossl::Ptr<CMS_ContentInfo> ours = kyso::cms::parseCms(der, &q);
  ERR_clear_error();
  if (!ref != !ours) __builtin_trap();
  if (ref) {
    if (p != q) __builtin_trap();
    if (encode(ref.get()) != encode(ours.get())) __builtin_trap();
  }
  return 0;
}
