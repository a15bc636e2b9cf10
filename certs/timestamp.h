// RFC 3161 timestamps: a client that builds a request (imprint, nonce, certReq), posts it to a
// TSA, checks the reply (status, imprint, nonce, TSA signature, ESS certificate id, EKU) and
// returns the token; and verification of tokens found in signatures and documents.
// requestTimestampSlowly blocks on the network.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "certs/cert_info.h"
#include "certs/chain.h"
#include "certs/http.h"

namespace kyso::certs {

/// What a verified timestamp token says.
struct TimestampInfo {
  TimePoint genTime{};
  std::string tsaName;          // the signer certificate's subject (UTF-8)
  std::string policy;           // dotted OID
  std::string serial;           // hex
  std::string digestAlgorithm;  // "SHA256", ...
  std::string imprint;          // raw digest bytes
  ossl::Ptr<X509> tsaCert;      // the certificate that signed the token (from the token)
};

/// Checks a TimeStampToken (a CMS ContentInfo with TSTInfo, DER): structure, the CMS signature by
/// a certificate inside the token, the ESS signingCertificate(V2) binding, the TSA's EKU
/// timeStamping, and that the imprint equals `expectedDigest` computed with the token's hash
/// over the data (pass the data's digest for the algorithm the token names: see
/// imprintAlgorithm()). Does not build the chain: callers build it (Purpose::Tsa) at genTime.
Result<TimestampInfo> verifyTimestampToken(std::string_view tokenDer,
                                           std::span<const unsigned char> expectedDigest);
/// The NID of the hash a token's imprint uses (NID_sha256, ...), to hash the data before
/// verifyTimestampToken. CmsMalformed / TimestampInvalid when unreadable.
Result<int> imprintAlgorithm(std::string_view tokenDer);

/// Asks `url` for a timestamp over `digest` (made with `mdNid`, e.g. NID_sha256): random 64-bit
/// nonce, certReq true. Checks the reply: granted status, imprint and nonce equal to the request
/// (TimestampImprintMismatch / TimestampNonceMismatch), signature and EKU as verifyTimestampToken.
/// Returns the TimeStampToken DER (ContentInfo) to embed.
Result<std::string> requestTimestampSlowly(const std::string& url, int mdNid,
                                           std::span<const unsigned char> digest,
                                           const HttpOptions& http);

}  // namespace kyso::certs
