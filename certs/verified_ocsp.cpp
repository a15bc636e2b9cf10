#include "certs/verified_ocsp.h"

#include <openssl/evp.h>

namespace kyso::certs {

// SHA-256 of the answer, then of the issuer's DER: the same bytes checked against the same key.
std::string VerifiedOcspAnswers::keyOf(std::string_view der, X509* issuer) {
  std::string key(2 * EVP_MAX_MD_SIZE, '\0');
  unsigned int n = 0;
  EVP_Digest(der.data(), der.size(), reinterpret_cast<unsigned char*>(key.data()), &n, EVP_sha256(),
             nullptr);
  unsigned int m = 0;
  X509_digest(issuer, EVP_sha256(), reinterpret_cast<unsigned char*>(key.data()) + n, &m);
  key.resize(n + m);
  return key;
}

std::shared_ptr<const VerifiedOcsp> VerifiedOcspAnswers::find(std::string_view der, X509* issuer) {
  const std::string key = keyOf(der, issuer);
  std::lock_guard lock(m_mu);
  auto it = m_kept.find(key);
  return it == m_kept.end() ? nullptr : it->second;
}

std::shared_ptr<const VerifiedOcsp> VerifiedOcspAnswers::keep(std::string_view der, X509* issuer,
                                                              VerifiedOcsp checked) {
  auto v = std::make_shared<const VerifiedOcsp>(std::move(checked));
  const std::string key = keyOf(der, issuer);
  std::lock_guard lock(m_mu);
  if (m_kept.size() >= kMaxKept) m_kept.clear();
  return m_kept.emplace(key, std::move(v)).first->second;
}

}  // namespace kyso::certs
