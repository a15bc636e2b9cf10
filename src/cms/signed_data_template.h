// SignedDataTemplate: a detached CAdES SignedData (RFC 5652; ETSI EN 319 122-1 B-B, B-T) for one
// signer and one set of SignOptions, with everything that stays the same from one document to the
// next encoded once. OpenSSL's CMS code builds a prototype for the certificate, chain and key, and
// its DER gives the SignedData's version, digestAlgorithms, encapContentInfo and certificates and
// the SignerInfo's version, sid, digestAlgorithm and signatureAlgorithm, byte for byte (so every
// key type keeps the identifiers and certificate order OpenSSL gives it); the contentType and ESS
// signingCertificateV2 attributes are encoded once too. Per document only the messageDigest and
// signingTime attributes, the signature and a B-T timestamp change, and they are written around
// the fixed parts in microseconds: building the whole structure through the CMS API for every
// file was a tenth of a 200-file batch's CPU time. Immutable once made; signing lanes share one.
#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <ctime>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "core/signing_identity.h"
#include "src/cms/signer.h"

namespace kyso::cms {

class SignedDataTemplate {
 public:
  /// Checks the options against the key (EdDSA digests, PSS needs RSA) and encodes the fixed
  /// parts. Errors: KeyNotFound (no key or certificate), CmsAlgorithmMismatch, OpenSSL errors.
  static Result<SignedDataTemplate> make(const SigningIdentity& id, const SignOptions& opt);

  const SignOptions& options() const { return m_opt; }
  const EVP_MD* digest() const { return m_md; }
  bool eddsa() const { return m_eddsa; }

  /// The DER SET OF signed attributes (tag 0x31, in DER order) for a content digest of the
  /// template's algorithm and a signing time (left out when the options turn it off): the bytes
  /// the signature covers (RFC 5652 5.4).
  std::string signedAttributes(std::span<const std::uint8_t> digest, std::time_t signingTime) const;

  /// The ContentInfo's DER: the fixed parts, `signedAttrs` as signedAttributes() made them, the
  /// signature value and, when `timestampToken` is not empty, the signature-time-stamp unsigned
  /// attribute holding that token's DER.
  std::vector<std::uint8_t> contentInfo(std::string_view signedAttrs,
                                        std::span<const unsigned char> signature,
                                        std::string_view timestampToken = {}) const;

 private:
  SignedDataTemplate() = default;
  SignOptions m_opt;
  const EVP_MD* m_md = nullptr;
  bool m_eddsa = false;
  std::string m_sdHead;           // SignedData: version, digestAlgorithms, encapContentInfo, certs
  std::string m_siHead;           // SignerInfo: version, sid, digestAlgorithm
  std::string m_sigAlg;           // SignerInfo: signatureAlgorithm
  std::string m_contentTypeAttr;  // Attribute contentType = id-data
  std::string m_essAttr;          // Attribute signingCertificateV2, empty when turned off
};

}  // namespace kyso::cms
