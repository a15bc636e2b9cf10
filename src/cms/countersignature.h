// Counter-signatures (RFC 5652 11.4): SignerInfos in a signer's unsigned attributes that sign
// that signer's signature value. Checked cryptographically (messageDigest over the parent's
// signature value, signature over the DER signed attributes, algorithms); their chains are not
// evaluated, so a valid counter-signature reports INDETERMINATE, never TOTAL-PASSED.
#pragma once

#include <openssl/cms.h>

#include <vector>

#include "src/cms/verifier.h"

namespace kyso::cms {

/// Reports for every counter-signature on `parent`; `certs` are the candidate certificates.
std::vector<SignerReport> verifyCounterSignatures(CMS_SignerInfo* parent, STACK_OF(X509) * certs,
                                                  bool acceptWeak);

}  // namespace kyso::cms
