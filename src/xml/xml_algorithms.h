// The XML-DSig algorithms kyso runs (module kyso-xml.so): canonicalizations, the enveloped
// transform, digests and RSA/ECDSA signature methods, with short names for reports. Anything else
// (XSLT, XPath, XPointer, HMAC, unknown URIs) is refused before xmlsec1 sees the signature.
#pragma once

#include <xmlsec/transforms.h>
#include <xmlsec/xmldsig.h>

#include <string>

namespace kyso::xml {

struct XmlAlgorithm {
  const char* uri;
  const char* name;  // "C14N 1.0", "SHA256", "RSA-SHA256"
  enum class Role { C14N, Enveloped, Digest, Signature } role;
  bool weak;  // SHA-1
};

/// The row for `uri`, or null when kyso does not run it.
const XmlAlgorithm* findAlgorithm(const std::string& uri);

/// A short name for a refused URI ("XSLT", "XPath filter", "HMAC", or the URI itself).
std::string refusedAlgorithmName(const std::string& uri);

/// Restricts a verification or signing context to the algorithms of the table and to same-document
/// references.
int restrictContext(xmlSecDSigCtxPtr ctx);

}  // namespace kyso::xml
