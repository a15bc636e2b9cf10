// Chain building and path validation at a chosen time.
//
// Candidates for a chain: the certificates a signature carries, the trust store's shipped
// intermediates, a local cache folder of issuer certificates, and (unless offline) the AIA
// caIssuers URLs of each certificate still missing its issuer (DER or PKCS#7 answers, cached).
// Validation uses OpenSSL's verifier at `at`, with partial chains allowed so that an administrator
// may anchor an intermediate, and then checks key usage for the purpose. Revocation is not
// checked here (see revocation.h). Building may fetch over HTTP: it blocks ("Slowly").
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "certs/cert_info.h"
#include "certs/http.h"
#include "certs/shared_fetches.h"
#include "certs/trust_store.h"

namespace kyso::certs {

/// What the end certificate is being used for: decides the key usage checks.
enum class Purpose {
  Signer,  // keyUsage digitalSignature or nonRepudiation (when keyUsage present)
  Tsa,     // extendedKeyUsage timeStamping, and only that, critical (RFC 3161 2.3)
  Ocsp,    // extendedKeyUsage OCSPSigning
  Any,
};

/// Overall state of a chain, as reports print it ("status" in JSON).
enum class ChainStatus {
  Valid,       // complete, trusted, every certificate valid at the time
  Untrusted,   // complete up to a self-signed root that is not an enabled anchor
  Incomplete,  // an issuer certificate could not be found (see `missing`)
  Expired,     // a certificate had expired at the time (or was not yet valid)
  NotYetValid,
  BadSignature,     // a certificate's signature does not verify
  UsageNotAllowed,  // the end certificate is not allowed for the purpose
  Invalid,          // anything else OpenSSL rejects (see detail)
};
const char* chainStatusName(ChainStatus s);  // "valid", "untrusted", "incomplete", ...

/// Options for ChainBuilder.
struct ChainOptions {
  HttpOptions http;                // http.offline turns AIA fetching off
  std::filesystem::path cacheDir;  // issuer certificates fetched by AIA, empty: no cache
  int maxDepth = 8;
  // AIA answers shared with the other builders of a verification (may be null): four threads
  // that meet the same missing issuer fetch it once.
  std::shared_ptr<SharedFetches> shared;
};

/// The result of building and validating one chain.
struct ChainResult {
  std::vector<ossl::Ptr<X509>> certs;  // end entity first, then issuers up to the anchor (or as
                                       // far as could be found)
  ChainStatus status = ChainStatus::Invalid;
  bool trusted = false;              // ends in an enabled anchor and validates at the time
  std::string anchor;                // subject of the anchor the chain ends in (if any)
  std::string anchorSource;          // "gov", "public", "admin", ...
  std::vector<std::string> missing;  // subjects of issuers that could not be found
  std::vector<std::string> fetched;  // URLs fetched over the network
  int x509Error = 0;                 // X509_V_ERR_* from OpenSSL, 0 when none
  std::string detail;                // one technical line for logs and notes
  Errc errc = Errc::Ok;              // ChainIncomplete, ChainUntrusted, CertificateExpired...
};

/// Builds chains against a TrustStore. Holds a reference to the store (which must outlive it).
class ChainBuilder {
 public:
  ChainBuilder(const TrustStore& store, ChainOptions opt);

  /// Builds and validates the chain of `leaf` at `at`. `extra` holds certificates from the
  /// signature (may be null; borrowed). Never fails for a bad chain: that is in the result; an
  /// Error only for internal failures (out of memory).
  Result<ChainResult> buildSlowly(X509* leaf, STACK_OF(X509) * extra, TimePoint at,
                                  Purpose purpose);

  /// The issuer of `cert` among everything known (extra, store, cache, fetched), or nullptr.
  /// Borrowed; valid while this builder lives.
  X509* findIssuer(X509* cert, STACK_OF(X509) * extra);

 private:
  X509* fetchIssuerSlowly(X509* cert, std::vector<std::string>& fetched);
  // The body at `url`: the cache folder's copy, else the network's (kept in the folder).
  Result<std::string> issuerBodySlowly(const std::string& url, std::vector<std::string>& fetched);
  const TrustStore& m_store;
  ChainOptions m_opt;
  std::vector<ossl::Ptr<X509>> m_fetched;  // AIA and cache certificates kept alive
};

}  // namespace kyso::certs
