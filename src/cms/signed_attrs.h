// The bytes a CMS signature with signed attributes covers: the DER encoding of the SET OF
// Attribute (RFC 5652 5.4), tag 0x31, elements sorted as DER requires, whatever order they were
// stored in. Used by the signer (to sign) and the verifier (to check).
#pragma once

#include <openssl/cms.h>

#include <string>

#include "core/result.h"

namespace kyso::cms {

/// DER of the signed attributes of `si`, sorted (canonical). `storedOrder` keeps the order they
/// were decoded in (some old signers signed that). Empty when `si` has no signed attributes.
Result<std::string> signedAttributesDer(CMS_SignerInfo* si, bool storedOrder = false);

/// The same for a plain stack of attributes (PKCS#7 SignerInfos, counter-signatures).
Result<std::string> attributesDer(const STACK_OF(X509_ATTRIBUTE) * attrs, bool storedOrder = false);

}  // namespace kyso::cms
