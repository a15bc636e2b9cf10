// Making an enveloped XML-DSig signature (module kyso-xml.so). xmlsec1 builds the template,
// canonicalizes and digests every reference, and canonicalizes SignedInfo; the signer's own key
// (a token key through kyso's EVP_PKEY bridge, so the private key never leaves the token) signs
// those canonical bytes, and the result is checked against the certificate before it is written.
//
// Why the key does not go into xmlsec1 itself: xmlsec1 1.2 on OpenSSL 3 decides whether a key is
// private by asking for its private exponent, which a token key does not have, and then refuses
// to sign with it. So xmlsec1 finishes the signature with a throw-away software key of the same
// kind, kyso keeps the canonical SignedInfo xmlsec1 signed (XMLSEC_DSIG_FLAGS_STORE_SIGNATURE)
// and replaces the SignatureValue with the token's signature over exactly those bytes.
#pragma once

#include <string>

#include "core/result.h"
#include "core/signing_identity.h"
#include "src/xml/xml_types.h"

namespace kyso::xml {

Result<XmlSigned> signDocument(const XmlSource& document, const XmlSignSpec& spec,
                               const SigningIdentity& identity, const XmlSink& out);

}  // namespace kyso::xml
