// Signature algorithms a CMS SignerInfo may name, and verification of a signature value under
// them: RSA PKCS#1 v1.5, RSASSA-PSS (parameters from the AlgorithmIdentifier), ECDSA (DER, and
// BSI TR-03111 plain r||s), Ed25519 and Ed448. Checks that an algorithm naming a hash names the
// digest algorithm's hash, and the RFC 8419 rules (Ed25519 with SHA-512, Ed448 with SHAKE256).
#pragma once

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <span>
#include <string>

#include "core/result.h"

namespace kyso::cms {

/// What a signatureAlgorithm OID means.
struct SigAlgInfo {
  enum Family { Rsa, RsaPss, Ecdsa, EcdsaPlain, Ed25519, Ed448, Unknown } family = Unknown;
  int hashNid = 0;   // the hash the OID names, 0 when it names none (rsaEncryption, Ed25519)
  std::string name;  // for reports: "RSA", "RSASSA-PSS", "ECDSA", "ECDSA-plain", "Ed25519", "Ed448"
};

/// Interprets a signatureAlgorithm.
SigAlgInfo describeSigAlg(const X509_ALGOR* alg);

/// Verifies `sig` over `tbs` (the signed attributes' DER) with `key`, the signer's public key.
/// `digestNid` is the SignerInfo's digestAlgorithm. Errors (Errc in kind): CmsAlgorithmMismatch
/// (OID names another hash, key type does not fit, Ed448 without SHAKE256, Ed25519 without
/// SHA-512), CmsUnknownAlgorithm, CmsSignatureInvalid.
Status verifySignature(EVP_PKEY* key, const X509_ALGOR* sigAlg, int digestNid,
                       std::span<const unsigned char> tbs, std::span<const unsigned char> sig);

/// For SignerInfos without signed attributes: the signature is over the content digest itself
/// (RSA, ECDSA; EdDSA would need the whole content and is refused with CmsUnknownAlgorithm).
Status verifySignatureOfDigest(EVP_PKEY* key, const X509_ALGOR* sigAlg, int digestNid,
                               std::span<const unsigned char> digest,
                               std::span<const unsigned char> sig);

/// "SHA256", "SHA1", "SHAKE256" ... for reports.
std::string digestName(int nid);
/// True for hashes the policy calls weak (MD5, SHA-1) for signatures.
bool weakDigest(int nid);

}  // namespace kyso::cms
