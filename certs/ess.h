// ESS signingCertificate (RFC 2634) and signingCertificateV2 (RFC 5035) attributes: the binding
// of a CMS SignerInfo (or a timestamp token's) to its signer certificate.
#pragma once

#include <openssl/cms.h>
#include <openssl/x509.h>

#include <string>

namespace kyso::certs {

/// What a SignerInfo's ESS attribute says about `signer`.
enum class EssCheck {
  Absent,     // neither attribute present
  Match,      // the first ESSCertID(v2) names `signer` (hash, and issuerSerial when present)
  Mismatch,   // it names another certificate
  Malformed,  // the attribute cannot be decoded
};

/// Checks signingCertificateV2 (preferred) or signingCertificate of `si` against `signer`.
EssCheck checkEssSigningCertificate(CMS_SignerInfo* si, X509* signer);
/// "absent", "match", "mismatch", "malformed".
const char* essCheckName(EssCheck e);

}  // namespace kyso::certs
