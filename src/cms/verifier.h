// Verification of CMS SignedData (detached .p7s, enveloping .p7m, and a PDF's /Contents), one
// result per SignerInfo with ETSI EN 319 102-1 indications.
//
// Checks, per SignerInfo: the signer certificate found by issuer+serial or SKI; the signature over
// the DER of the signed attributes (RFC 5652 5.4), whatever order they were stored in;
// messageDigest present and equal to the content's digest; contentType present; digest and
// signature algorithms consistent (a signature OID naming a hash must name the digest's hash);
// RSA PKCS#1 v1.5, RSA-PSS (parameters from the algorithm identifier), ECDSA (DER and BSI plain
// r||s), Ed25519 and Ed448 (Ed448 needs SHAKE256; SHA-512 with Ed448 is rejected); ESS
// signingCertificate(V2) against the signer certificate; counter-signatures (value, chain and
// revocation at --at or now); signature timestamps (chain at their genTime); the signer's chain at
// the right time (--at, else the signature timestamp's time when valid, else now) and its
// revocation; the weak-algorithm policy. Proof of existence (ETSI EN 319 102-1): a revoked or
// expired signer certificate gives REVOKED_NO_POE / OUT_OF_BOUNDS_NO_POE unless a valid signature
// timestamp precedes the revocation / the expiry; then the signature is validated at the
// timestamp's time and passes with a note saying so.
// verify*Slowly may use the network (AIA, OCSP, CRL) unless offline.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "certs/chain.h"
#include "certs/revocation.h"
#include "certs/trust_store.h"
#include "core/clock.h"
#include "core/json.h"
#include "core/messages.h"
#include "src/cms/notes.h"
#include "src/cms/verdict.h"

namespace kyso::cms {

/// The content a detached signature covers. Either a feeder that pushes every content byte (in
/// order, any chunk size) into the sink it is given, or digests computed elsewhere, keyed by
/// digest NID (NID_sha256, ...). With only digests, signers whose algorithm has no digest given
/// get INDETERMINATE/SIGNED_DATA_NOT_FOUND.
struct DetachedContent {
  using Sink = std::function<void(std::span<const unsigned char>)>;
  std::function<Status(const Sink&)> feed;  // may be empty
  std::map<int, std::vector<unsigned char>> digests;

  /// Content from a file, read in one pass per verification.
  static DetachedContent fromFile(std::string path);
  /// Content from memory (borrowed; must outlive the verification).
  static DetachedContent fromBytes(std::span<const unsigned char> bytes);
};

/// How to verify.
struct VerifyOptions {
  const certs::TrustStore* trust = nullptr;  // required
  certs::ChainOptions chain;                 // chain.http.offline: no network
  certs::RevocationOptions revocation;
  bool checkRevocation = true;
  std::optional<certs::TimePoint> at;  // --at: validation time
  bool acceptWeak = false;             // accept SHA-1 and RSA < 2048 (old archives)
  bool requireDetached = false;        // PDF detached subfilters: eContent is an error
  const Clock* clock = nullptr;        // default: the system clock
  /// Revocation material from a PDF's /DSS (DER), used before the network.
  std::vector<std::string> extraCrls, extraOcsp;
  /// OCSP answers shared by every file verified with these options (null: none shared).
  std::shared_ptr<certs::RevocationCache> revocationCache;
  std::vector<std::string> extraCerts;
};

/// A certificate summarised for reports.
struct CertSummary {
  std::string subject, commonName, organization, issuer, serial, sha256;
  std::string notBefore, notAfter;  // ISO 8601 UTC
  std::string keyType;              // "RSA-2048", "EC P-256", "Ed25519"
};

/// The timestamp of a signature (id-aa-signatureTimeStampToken).
struct TimestampReport {
  bool valid = false;
  std::string time;      // genTime, ISO 8601
  std::string tsa;       // TSA certificate subject
  bool trusted = false;  // the TSA chain is trusted at genTime
  std::string status;    // "valid", "invalid", "untrusted"
  std::string detail;
};

/// One SignerInfo's verdict.
struct SignerReport {
  Indication indication = Indication::Indeterminate;
  SubIndication subIndication = SubIndication::None;
  bool intact = false;  // message digest matches AND the signature value verifies
  bool digestMatches = false;
  bool signatureValid = false;
  std::optional<CertSummary> signer;       // absent: NO_SIGNING_CERTIFICATE_FOUND
  std::string digestAlgorithm;             // "SHA256"
  std::string signatureAlgorithm;          // "RSA", "RSASSA-PSS", "ECDSA", "Ed25519"...
  std::optional<std::string> signingTime;  // claimed signingTime attribute (ISO 8601): shown,
                                           // never used to judge (see the notes when implausible)
  bool signingCertificateBound = false;    // ESS signing-certificate(-v2) names the signer's cert
  std::string validationTime;              // the time the chain was judged at
  std::string validationTimeSource;        // "at", "timestamp", "now"
  // chain
  bool chainTrusted = false;
  std::string chainAnchor;           // anchor subject, "" if none
  std::string chainAnchorSource;     // "gov", "public", "admin"...
  std::string chainStatus;           // certs::chainStatusName
  std::vector<CertSummary> chain;    // end entity first
  std::vector<std::string> missing;  // subjects of missing issuers
  // revocation
  // "good", "revoked", "unknown", "not-checked", or "revoked-after-timestamp" (revoked, but
  // after the signature timestamp that the signature was validated at)
  std::string revocationStatus = "not-checked";
  std::vector<certs::RevocationResult> revocation;  // per certificate
  std::optional<TimestampReport> timestamp;
  std::vector<SignerReport> counterSignatures;
  std::vector<Note> notes;  // for people, one fact each (sentences: noteText)
  Errc errc = Errc::Ok;     // the main reason (CmsDigestMismatch, ChainUntrusted, ...)
  std::vector<std::uint8_t> signatureValue;  // raw signature bytes (PDF LTV: the VRI key)
};

/// The verdict of one CMS object.
struct CmsReport {
  Indication indication = Indication::Indeterminate;  // the worst over signers
  SubIndication subIndication = SubIndication::None;  // set when the CMS itself is unusable
  std::string eContentType;                           // dotted OID
  bool detached = true;                 // false: the content is inside (enveloping .p7m)
  std::vector<unsigned char> eContent;  // enveloped content (enveloping only; bounded)
  std::vector<SignerReport> signers;
  std::vector<Note> notes;
  std::optional<Error> error;          // set when the bytes are not a usable SignedData
  certs::RevocationMaterial material;  // everything gathered (for B-LT)
};

/// Verifies `der` against detached content (or, when `content` is null, the encapsulated
/// content). Never fails: problems are in the report (error set and INDETERMINATE/FORMAT_FAILURE
/// for unreadable input).
CmsReport verifyCmsSlowly(std::span<const unsigned char> der, const DetachedContent* content,
                          const VerifyOptions& opt);

/// The signer certificate of a signature that is not CMS (XML-DSig) judged as verifyCmsSlowly
/// judges a SignerInfo's: summarised into `r.signer`, its chain (with `extra`, the certificates
/// the signature carries) and revocation at --at or now, and the findings lowered into `r`'s
/// indication and notes. There is no timestamp: an expired or revoked certificate has no proof of
/// existence. `r.signingTime`, when set, is shown and checked for plausibility only.
void judgeSignerCertificateSlowly(X509* cert, STACK_OF(X509) * extra, const VerifyOptions& opt,
                                  SignerReport& r);

/// One SignerReport as JSON with the fields issue 7 names: indication, subindication, intact,
/// signer{subject, common_name, organization, issuer, serial, sha256, not_before, not_after,
/// key}, signing_time, chain{trusted, anchor, anchor_group, status, missing, certificates},
/// revocation{status, checks[]}, timestamp{...}|null, notes[], plus digest_algorithm,
/// signature_algorithm, validation_time, counter_signatures[].
Json signerReportToJson(const SignerReport& r);
/// The whole report: {indication, subindication, detached, content_type, error, notes,
/// signatures: [...]}.
Json cmsReportToJson(const CmsReport& r);
/// One line a person can act on, e.g. "Valid: signed by Nguyễn Văn A (Sở Y tế) on 2026-11-25",
/// or in Vietnamese "Hợp lệ: ký bởi ..."; `firstReason`, when given, is said instead of the first
/// note (a finding of the layer above, already in `lang`).
std::string summaryLine(const SignerReport& r, Lang lang = Lang::En,
                        const std::string* firstReason = nullptr);

}  // namespace kyso::cms
