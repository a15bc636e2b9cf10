// Counter-signatures (RFC 5652 11.4): SignerInfos in a signer's unsigned attributes that sign
// that signer's signature value. Checked cryptographically (messageDigest over the parent's
// signature value, signature over the DER signed attributes, algorithms), then, when intact, the
// counter-signer's chain and revocation through the caller's `evaluateChain` (the verifier's own
// chain check), so a counter-signature is TOTAL-PASSED only with a trusted, unrevoked chain.
#pragma once

#include <openssl/cms.h>

#include <functional>
#include <vector>

#include "src/cms/verifier.h"

namespace kyso::cms {

/// Judges the counter-signer certificate (borrowed) into the report: chain, revocation, time.
using ChainEvaluator = std::function<void(SignerReport&, X509*)>;

/// Reports for every counter-signature on `parent`; `certs` are the candidate certificates.
/// `evaluateChain` runs for each intact counter-signature whose certificate was found.
std::vector<SignerReport> verifyCounterSignatures(CMS_SignerInfo* parent, STACK_OF(X509) * certs,
                                                  bool acceptWeak,
                                                  const ChainEvaluator& evaluateChain);

}  // namespace kyso::cms
