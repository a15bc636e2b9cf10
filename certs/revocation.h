// Revocation checking: OCSP (the AIA responder; nonce, signature, responder authorisation,
// thisUpdate/nextUpdate) and CRLs (distribution points over HTTP, a cache honouring nextUpdate,
// CRLs imported by an officer or found in a PDF's /DSS), for the signer and each intermediate.
// Results are good, revoked (time and reason) or unknown with the reason; unknown is never good.
// Everything fetched is kept in `material()` so that PDF signing can embed it (B-LT).
// Network calls block: call off the UI thread.
#pragma once

#include <algorithm>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "certs/cert_info.h"
#include "certs/http.h"
#include "certs/shared_fetches.h"
#include "certs/trust_store.h"
#include "certs/verified_ocsp.h"

namespace kyso::certs {

enum class RevocationStatus { Good, Revoked, Unknown };
const char* revocationStatusName(RevocationStatus s);  // "good", "revoked", "unknown"

/// The answer for one certificate.
struct RevocationResult {
  RevocationStatus status = RevocationStatus::Unknown;
  std::string subject;                 // the certificate checked
  std::string source;                  // "ocsp", "crl", "" when nothing answered
  std::string url;                     // where the answer came from ("" for supplied material)
  std::optional<TimePoint> revokedAt;  // Revoked only
  int reason = -1;                     // CRL reason code (RFC 5280 5.3.1), -1 when none given
  std::optional<TimePoint> thisUpdate, nextUpdate, producedAt;
  Errc errc = Errc::Ok;  // why Unknown: RevocationUnknown, HttpTimeout, OcspResponseInvalid...
  std::string detail;    // one line: what was tried and what failed
};
const char* crlReasonName(int reason);  // "keyCompromise", ... ("unspecified" for -1/0)

/// Revocation data gathered (DER), for embedding into a PDF's /DSS.
struct RevocationMaterial {
  std::vector<std::string> ocspResponses;  // OCSPResponse DER
  std::vector<std::string> crls;           // CertificateList DER
  std::vector<std::string> certs;          // OCSP responder certificates and other extras (DER)
};

struct RevocationOptions {
  HttpOptions http;  // http.offline: use only supplied material
  bool useOcsp = true;
  bool useCrl = true;
  bool ocspNonce = true;  // send a nonce; a reply that echoes a different one is rejected
  std::filesystem::path crlCacheDir;   // CRLs fetched by URL, reused until their nextUpdate
                                       // (empty: no disk cache)
  std::filesystem::path ocspCacheDir;  // OCSP answers by responder and certificate, reused by
                                       // later runs until their nextUpdate (empty: no disk cache)
  std::chrono::seconds maxClockSkew{300};
  // CRLs and OCSP answers shared with the other checkers of a verification or batch (may be
  // null): one request per CRL address and per certificate and responder, asked in parallel.
  std::shared_ptr<SharedFetches> shared;
  // OCSP answers already decoded and verified, shared the same way (may be null).
  std::shared_ptr<VerifiedOcspAnswers> verifiedOcsp;
};

/// Checks revocation; keeps CRLs (by issuer) and material across calls. Not thread-safe.
class RevocationChecker {
 public:
  RevocationChecker(const TrustStore& store, RevocationOptions opt);

  /// Adds a CRL (DER or PEM), e.g. from a file an officer imported or a /DSS. The CRL's signature
  /// is checked when it is used, against the issuer of the certificate being checked.
  Status addCrl(std::string_view data);
  /// Adds an OCSP response (DER) from a /DSS, used before asking a responder; `url`: the
  /// responder it was fetched from earlier (a RevocationCache's answer), reported as its source.
  /// An answer already added is not added twice.
  Status addOcspResponse(std::string_view der, std::string url = {});

  /// Status of `cert` issued by `issuer` at time `at`: supplied material first, then OCSP (AIA),
  /// then CRL DPs. A revocation after `at` counts as good-at-`at` (with revokedAt set).
  RevocationResult checkSlowly(X509* cert, X509* issuer, TimePoint at);
  /// Every certificate of a chain (end entity first), the anchor excluded.
  std::vector<RevocationResult> checkChainSlowly(const std::vector<X509*>& chain, TimePoint at);

  /// Checks one OCSP response (DER) for cert/issuer: status successful, basic response signed by
  /// the issuer or by a responder it authorised (id-kp-OCSPSigning, issued by it), the nonce
  /// when `nonce` is given, thisUpdate <= now + skew, nextUpdate >= `at` - skew.
  RevocationResult checkOcspResponse(std::string_view der, X509* cert, X509* issuer,
                                     const std::string* nonce, TimePoint at) const;

  const RevocationMaterial& material() const { return m_material; }
  /// The OCSP answers this checker fetched, with the responder each came from.
  const std::vector<std::pair<std::string, std::string>>& fetchedOcsp() const {
    return m_fetchedOcsp;
  }

 private:
  RevocationResult checkOcspSlowly(X509* cert, X509* issuer, TimePoint at);
  // Where the answer of `url` about `id` (an OCSP CertID, DER) is kept; empty without a cache.
  std::filesystem::path ocspCacheFile(const std::string& url, const std::string& id) const;
  // The kept answer at `file` when it speaks about `cert` at `at` and its nextUpdate is ahead.
  std::optional<RevocationResult> cachedOcsp(const std::filesystem::path& file, X509* cert,
                                             X509* issuer, TimePoint at, const std::string& url);
  RevocationResult checkCrlSlowly(X509* cert, X509* issuer, TimePoint at);
  // The cached CRL at `cached` while its nextUpdate is ahead; nothing when absent or stale.
  std::optional<std::string> cachedCrl(const std::filesystem::path& cached) const;
  // Judges `cert` by the DER CRL `body`; a CRL that answers is kept for the batch and its material.
  RevocationResult checkCrlBody(const std::string& body, X509* cert, X509* issuer, TimePoint at,
                                const std::string& url);
  RevocationResult checkWithCrl(X509_CRL* crl, X509* cert, X509* issuer, TimePoint at,
                                const std::string& url) const;
  const TrustStore& m_store;
  RevocationOptions m_opt;
  std::vector<ossl::Ptr<X509_CRL>> m_crls;
  std::vector<std::pair<std::string, std::string>> m_ocsp;  // supplied: DER, url ("" for a /DSS)
  std::vector<std::pair<std::string, std::string>> m_fetchedOcsp;  // DER, url
  RevocationMaterial m_material;
};

/// Revocation answers shared by the files of one verification or one batch (issue 22): 500
/// incoming PDFs from five signers ask each OCSP responder once per certificate, not once per
/// file. `check` runs with every answer kept so far supplied to the checker first (each is used
/// only while valid at the time asked about, and reported with the responder it came from), and
/// the answers it fetched are kept for `maxAge` (ten minutes): long enough for any batch, short
/// enough that the app, which keeps one cache for its session, asks again later. Thread-safe;
/// checks run in parallel (two files asking the same question at once share one request through
/// RevocationOptions::shared).
class RevocationCache {
 public:
  explicit RevocationCache(std::chrono::seconds maxAge = std::chrono::minutes(10))
      : m_maxAge(maxAge) {}

  template <class F>
  auto with(RevocationChecker& checker, F&& check) -> decltype(check()) {
    const auto now = std::chrono::steady_clock::now();
    {
      std::lock_guard lock(m_mu);
      std::erase_if(m_ocsp, [&](const Kept& k) { return now - k.fetched > m_maxAge; });
      for (const auto& k : m_ocsp) (void)checker.addOcspResponse(k.der, k.url);
    }
    auto result = check();
    std::lock_guard lock(m_mu);
    for (const auto& [der, url] : checker.fetchedOcsp())
      if (std::none_of(m_ocsp.begin(), m_ocsp.end(), [&](const Kept& k) { return k.der == der; }))
        m_ocsp.push_back({der, url, now});
    return result;
  }

 private:
  struct Kept {
    std::string der, url;
    std::chrono::steady_clock::time_point fetched;
  };
  std::chrono::seconds m_maxAge;
  std::mutex m_mu;
  std::vector<Kept> m_ocsp;
};

}  // namespace kyso::certs
