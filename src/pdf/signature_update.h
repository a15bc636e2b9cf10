// Appending one signature (or document timestamp) revision to a PDF being written: the signature
// dictionary with a /Contents placeholder and a fixed-width /ByteRange, the field and widget (new,
// or an existing empty field), the page's /Annots, /AcroForm /Fields and /SigFlags 3, DocMDP or
// FieldMDP references when asked, and an optional visible appearance. The digest of the byte
// ranges is computed from the writer's running hash; the /Contents come from a ContentsMaker
// (the CMS signer or an RFC 3161 client). A placeholder too small for the actual CMS is never
// truncated: the revision is rebuilt with a larger one and signed again.
#pragma once

#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "src/appearance/appearance.h"
#include "src/pdf/pdf_document.h"
#include "src/pdf/revision_writer.h"

namespace kyso::pdf {

/// What the new signature dictionary and field say.
struct SignatureOptions {
  enum class Kind { Signature, DocTimeStamp };
  Kind kind = Kind::Signature;
  std::string subFilter = "ETSI.CAdES.detached";  // or adbe.pkcs7.detached; ETSI.RFC3161 for LTA
  std::string reason, location, contact, signerName;
  std::chrono::system_clock::time_point signingTime = std::chrono::system_clock::now();
  std::string fieldName;    // an existing empty signature field to fill; empty: a new field
  int certifyP = 0;         // 1, 2 or 3: a certification signature (DocMDP) with that /P
  bool lockFields = false;  // FieldMDP: lock all fields once signed
  int page = 0;             // 0-based page for a new invisible widget
  const appearance::Appearance* appearance = nullptr;  // visible widget; borrowed, may be null
};

/// Produces the /Contents value for the SHA-256 digest of the signed byte ranges. Signing may
/// block for seconds (a token) and may be called more than once (placeholder retry).
class ContentsMaker {
 public:
  virtual ~ContentsMaker() = default;
  /// A good guess of the DER size, used to size the placeholder before signing.
  virtual std::size_t estimatedSize() = 0;
  /// The DER to embed (a CMS SignedData or an RFC 3161 TimeStampToken).
  virtual Result<std::vector<unsigned char>> make(std::span<const unsigned char> digest) = 0;
};

/// What was written.
struct SignedRevision {
  std::string fieldName;
  std::vector<unsigned char> contents;  // the DER placed in /Contents
  std::uint64_t byteRange[4] = {0, 0, 0, 0};
  int attempts = 0;  // 1 unless the placeholder had to be enlarged
};

/// Appends a signature revision for `doc` (whose bytes must be exactly what `out` holds so far).
/// Refuses: PdfCertifiedLocked (DocMDP P=1), PdfFieldNotFound, PdfPageOutOfRange, UsageError
/// (certifying an already signed document, or --field naming a signed field).
Result<SignedRevision> appendSignature(RevisionWriter& out, PdfDocument& doc,
                                       const SignatureOptions& opts, ContentsMaker& maker);

}  // namespace kyso::pdf
