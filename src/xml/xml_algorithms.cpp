#include "src/xml/xml_algorithms.h"

#include <xmlsec/crypto.h>

#include <iterator>

namespace kyso::xml {
namespace {

using Role = XmlAlgorithm::Role;

constexpr XmlAlgorithm kAlgorithms[] = {
    {"http://www.w3.org/TR/2001/REC-xml-c14n-20010315", "C14N 1.0", Role::C14N, false},
    {"http://www.w3.org/TR/2001/REC-xml-c14n-20010315#WithComments", "C14N 1.0 with comments",
     Role::C14N, false},
    {"http://www.w3.org/2006/12/xml-c14n11", "C14N 1.1", Role::C14N, false},
    {"http://www.w3.org/2006/12/xml-c14n11#WithComments", "C14N 1.1 with comments", Role::C14N,
     false},
    {"http://www.w3.org/2001/10/xml-exc-c14n#", "Exclusive C14N", Role::C14N, false},
    {"http://www.w3.org/2001/10/xml-exc-c14n#WithComments", "Exclusive C14N with comments",
     Role::C14N, false},
    {"http://www.w3.org/2000/09/xmldsig#enveloped-signature", "enveloped", Role::Enveloped, false},
    {"http://www.w3.org/2000/09/xmldsig#sha1", "SHA1", Role::Digest, true},
    {"http://www.w3.org/2001/04/xmldsig-more#sha224", "SHA224", Role::Digest, false},
    {"http://www.w3.org/2001/04/xmlenc#sha256", "SHA256", Role::Digest, false},
    {"http://www.w3.org/2001/04/xmldsig-more#sha384", "SHA384", Role::Digest, false},
    {"http://www.w3.org/2001/04/xmlenc#sha512", "SHA512", Role::Digest, false},
    {"http://www.w3.org/2000/09/xmldsig#rsa-sha1", "RSA-SHA1", Role::Signature, true},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha224", "RSA-SHA224", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", "RSA-SHA256", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha384", "RSA-SHA384", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#rsa-sha512", "RSA-SHA512", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha1", "ECDSA-SHA1", Role::Signature, true},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha224", "ECDSA-SHA224", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256", "ECDSA-SHA256", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384", "ECDSA-SHA384", Role::Signature, false},
    {"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512", "ECDSA-SHA512", Role::Signature, false},
};

}  // namespace

const XmlAlgorithm* findAlgorithm(const std::string& uri) {
  for (const auto& a : kAlgorithms)
    if (uri == a.uri) return &a;
  return nullptr;
}

std::string refusedAlgorithmName(const std::string& uri) {
  if (uri == "http://www.w3.org/TR/1999/REC-xslt-19991116") return "XSLT";
  if (uri == "http://www.w3.org/TR/1999/REC-xpath-19991116") return "XPath filter";
  if (uri == "http://www.w3.org/2002/06/xmldsig-filter2") return "XPath filter 2.0";
  if (uri == "http://www.w3.org/2001/04/xmldsig-more/xptr") return "XPointer";
  if (uri == "http://www.w3.org/2000/09/xmldsig#base64") return "base64 decoding";
  if (uri.find("hmac") != std::string::npos) return "HMAC (a shared secret, not a certificate)";
  return uri.empty() ? "(no algorithm)" : uri;
}

int restrictContext(xmlSecDSigCtxPtr ctx) {
  ctx->enabledReferenceUris = static_cast<xmlSecTransformUriType>(
      xmlSecTransformUriTypeEmpty | xmlSecTransformUriTypeSameDocument);
  const xmlSecTransformId c14n[] = {
      xmlSecTransformInclC14NId,   xmlSecTransformInclC14NWithCommentsId,
      xmlSecTransformInclC14N11Id, xmlSecTransformInclC14N11WithCommentsId,
      xmlSecTransformExclC14NId,   xmlSecTransformExclC14NWithCommentsId};
  const xmlSecTransformId digests[] = {xmlSecTransformSha1Id, xmlSecTransformSha224Id,
                                       xmlSecTransformSha256Id, xmlSecTransformSha384Id,
                                       xmlSecTransformSha512Id};
  const xmlSecTransformId signatures[] = {
      xmlSecTransformRsaSha1Id,     xmlSecTransformRsaSha224Id,   xmlSecTransformRsaSha256Id,
      xmlSecTransformRsaSha384Id,   xmlSecTransformRsaSha512Id,   xmlSecTransformEcdsaSha1Id,
      xmlSecTransformEcdsaSha224Id, xmlSecTransformEcdsaSha256Id, xmlSecTransformEcdsaSha384Id,
      xmlSecTransformEcdsaSha512Id};
  for (auto id : c14n)
    if (xmlSecDSigCtxEnableReferenceTransform(ctx, id) < 0 ||
        xmlSecDSigCtxEnableSignatureTransform(ctx, id) < 0)
      return -1;
  if (xmlSecDSigCtxEnableReferenceTransform(ctx, xmlSecTransformEnvelopedId) < 0) return -1;
  for (auto id : digests)
    if (xmlSecDSigCtxEnableReferenceTransform(ctx, id) < 0) return -1;
  for (auto id : signatures)
    if (xmlSecDSigCtxEnableSignatureTransform(ctx, id) < 0) return -1;
  return 0;
}

}  // namespace kyso::xml
