// Helpers for the CMS tests: a verifier set up for the test PKI (root as administrator anchor,
// short network timeouts) and shortcuts for signing and reading reports.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "src/cms/signer.h"
#include "src/cms/verifier.h"
#include "tests/certs/test_env.h"

namespace kyso::test {

struct CmsFixture {
  certs::TrustStore store = certs::TrustStore::empty();
  cms::VerifyOptions opt;

  CmsFixture() {
    (void)store.addAnchors(pki("root.pem"));
    opt.trust = &store;
    opt.chain.http.timeout = std::chrono::milliseconds(3000);
    opt.revocation.http = opt.chain.http;
  }
  cms::CmsReport verify(const std::vector<std::uint8_t>& der, const std::string& content) {
    auto c = cms::DetachedContent::fromBytes(std::span<const unsigned char>(
        reinterpret_cast<const unsigned char*>(content.data()), content.size()));
    return cms::verifyCmsSlowly(der, &c, opt);
  }
  cms::CmsReport verifyFile(const fs::path& p7s, const std::string& content) {
    std::string d = readFile(p7s);
    return verify(std::vector<std::uint8_t>(d.begin(), d.end()), content);
  }
};

inline std::vector<std::uint8_t> signBytes(const SigningIdentity& id, const std::string& content,
                                           cms::SignOptions opt = {}) {
  std::istringstream in(content);
  auto r = cms::signStreamSlowly(id, in, opt);
  return r.ok() ? std::move(*r) : std::vector<std::uint8_t>{};
}

inline std::string str(const std::vector<std::uint8_t>& v) {
  return std::string(v.begin(), v.end());
}

}  // namespace kyso::test
