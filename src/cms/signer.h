// Detached CMS SignedData (CAdES baseline B-B, optionally B-T) for any content: a file streamed
// through the hash once, or a digest computed elsewhere (a PDF's ByteRange).
//
// Signed attributes: contentType (id-data), messageDigest, ESS signingCertificateV2 (SHA-256
// certHash + issuerSerial) and, unless turned off (PAdES), signingTime. The signature is made by
// the identity's EVP_PKEY over the DER encoding of the signed attributes (RFC 5652 5.4), so a
// token key signs through the token layer. RSA keys sign PKCS#1 v1.5, EC keys ECDSA, Ed25519
// pure EdDSA with SHA-512 and Ed448 with SHAKE256 (512-bit) as the digest algorithm (RFC 8419;
// signStreamSlowly picks them). With SignOptions::rsaPss an RSA key signs RSASSA-PSS (RFC 4056:
// MGF1 with the content digest's hash, salt as long as that hash, trailer 1), so that a token key
// signs with CKM_RSA_PKCS_PSS through the bridge (pkcs11/evp_bridge.h). B-T
// adds an RFC 3161 signature timestamp over the signature value as the unsigned attribute
// id-aa-signatureTimeStampToken. Signing blocks on the token and (B-T) on the network.
#pragma once

#include <cstdint>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "certs/http.h"
#include "core/result.h"
#include "core/signing_identity.h"

namespace kyso::cms {

enum class DigestAlg { Sha256, Sha384, Sha512, Shake256 };  // Shake256: 512-bit output, Ed448 only
/// NID_sha256 / NID_sha384 / NID_sha512 / NID_shake256.
int digestNid(DigestAlg d);
/// Digest length in bytes (32/48/64/64).
std::size_t digestSize(DigestAlg d);

struct SignOptions {
  DigestAlg digest = DigestAlg::Sha256;
  bool signingTime = true;            // PAdES: false (the time is in the PDF's /M)
  bool signingCertificateV2 = true;   // CAdES: ESS signingCertificateV2
  bool includeChain = true;           // identity.chain certificates go into SignedData.certificates
  bool rsaPss = false;                // RSA keys: RSASSA-PSS instead of PKCS#1 v1.5
  std::optional<std::string> tsaUrl;  // set: B-T, a signature timestamp from this TSA
  certs::HttpOptions http;            // for the TSA
  std::optional<std::int64_t> signingTimeOverride;  // seconds since epoch (tests); else now
};

/// Signs a precomputed digest of the content (made with opt.digest; length must match).
/// Returns the DER of the ContentInfo. Errors: UsageError (length), the key's OpenSSL error
/// (Error::openssl "EVP_DigestSign"), TSA errors (HttpFailed, TimestampInvalid, ...).
Result<std::vector<std::uint8_t>> signDigestSlowly(const SigningIdentity& id,
                                                   std::span<const std::uint8_t> digest,
                                                   const SignOptions& opt);

class SignedDataTemplate;  // signed_data_template.h

/// The same with the fixed parts encoded once (SignedDataTemplate::make(id, opt)) for many
/// documents: a batch makes one template and signs each file's digest through it. `id` is the
/// template's signer (or a signing lane's copy of it: same certificate, another session).
Result<std::vector<std::uint8_t>> signDigestSlowly(const SignedDataTemplate& t,
                                                   const SigningIdentity& id,
                                                   std::span<const std::uint8_t> digest);

/// What signDigestSlowly signs and fetches before it encodes the ContentInfo: the signed
/// attributes' DER, the signature value and (B-T) the signature timestamp token. The signed
/// attributes name only the signer's certificate, so the parts made through one template encode
/// with any template of the same signer and options (SignedDataTemplate::contentInfo), whatever
/// other certificates it carries: a batch signs while the signer's chain is still being fetched.
struct SignatureParts {
  std::string signedAttrs;
  std::vector<unsigned char> signature;
  std::string timestampToken;
};
Result<SignatureParts> signPartsSlowly(const SignedDataTemplate& t, const SigningIdentity& id,
                                       std::span<const std::uint8_t> digest);

/// Hashes `in` in one pass (64 KiB blocks; never holds the whole content) and signs it.
Result<std::vector<std::uint8_t>> signStreamSlowly(const SigningIdentity& id, std::istream& in,
                                                   const SignOptions& opt);

/// Streaming hash helper (also used by the verifier and benches): the digest of a file read
/// with read(2) in large blocks. FileNotFound / FileUnreadable on errors.
Result<std::vector<std::uint8_t>> digestFile(const std::string& path, int mdNid);

}  // namespace kyso::cms
