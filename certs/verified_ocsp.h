// VerifiedOcspAnswers: OCSP answers whose signature was already checked against an issuer, decoded
// once and shared by the revocation checkers of a verification (issue 22). Verifying a folder
// checks the same answer for every file its signer signed: decoding it (the responder's key goes
// through OpenSSL's decoders) and verifying its signature took about half of the CPU of verifying
// a one-page letter. What depends on the file (the certificate looked up in the answer, the
// validation time) is still checked for each. Thread-safe.
#pragma once

#include <openssl/ocsp.h>
#include <openssl/x509.h>

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/openssl_ptr.h"

namespace kyso::certs {

/// One answer checked against the issuer it is kept under: decoded with its signature verified
/// (`basic`), or refused (`problem`, the sentence for the report: another issuer's answer, say).
/// Read-only.
struct VerifiedOcsp {
  ossl::Ptr<OCSP_BASICRESP> basic;
  std::string problem;
};

class VerifiedOcspAnswers {
 public:
  /// The answer `der` checked against `issuer` earlier, or null.
  std::shared_ptr<const VerifiedOcsp> find(std::string_view der, X509* issuer);
  /// Keeps the outcome of checking `der` against `issuer` and returns it as kept. At kMaxKept
  /// answers, those kept are forgotten first (a verification meets a few).
  std::shared_ptr<const VerifiedOcsp> keep(std::string_view der, X509* issuer,
                                           VerifiedOcsp checked);

  static constexpr std::size_t kMaxKept = 1024;

 private:
  static std::string keyOf(std::string_view der, X509* issuer);
  std::mutex m_mu;
  std::map<std::string, std::shared_ptr<const VerifiedOcsp>> m_kept;
};

}  // namespace kyso::certs
