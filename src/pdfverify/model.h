// The verification result for one file and each of its signatures: plain data, filled by the
// verifier, read by the text, JSON and HTML reports. Field names follow issue 7's JSON schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "src/cms/verdict.h"
#include "src/pdfverify/change_kinds.h"
#include "src/pdfverify/problems.h"

namespace kyso::pdfverify {

/// ETSI EN 319 102-1 indications: the CMS layer's one enum (src/cms/verdict.h), its names
/// ("TOTAL-PASSED", "HASH_FAILURE") and the worse of two.
using cms::Indication;
using cms::indicationName;
using cms::SubIndication;
using cms::subIndicationName;
using cms::worse;

/// How much of the file a signature covers: all of it, a revision that later ones followed, part
/// of it (bytes appended or damaged after it), or nothing that can be trusted.
enum class Coverage { WholeDocument, Revision, Partial, Invalid };
/// What came after a signature: nothing, only what its rules allow, or something they forbid.
enum class Modifications { None, Allowed, Disallowed };
/// approval, certification (DocMDP), document timestamp; an XML-DSig signature in an XML report;
/// a detached CMS signature (.p7s, .p7m) in its file's report.
enum class SignatureKind { Approval, Certification, Timestamp, XmlDsig, Cms };
/// Whether the file is signed, has no signature, or could not be read.
enum class FileStatus { Signed, Unsigned, Error };
/// The JSON words: "whole-document", "revision", "partial", "invalid"; "none", "allowed",
/// "disallowed"; "approval", "certification", "timestamp", "xml-dsig", "cms"; "signed", "unsigned",
/// "error".
const char* coverageCode(Coverage c);
const char* modificationsCode(Modifications m);
const char* signatureKindCode(SignatureKind k);
const char* fileStatusCode(FileStatus s);

/// A rectangle on one page, in that page's user space (PDF points, the /Rect of an annotation).
struct PageArea {
  int page = 0;  // 1-based
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

/// One change a later revision made: its kind (machine code + sentences, change_kinds.h), the
/// words that fill the sentence, the revision that made it, and whether the signature's rules
/// allow it. Its sentence is made at the edge (changeText in report.h).
struct Change {
  ChangeKind kind = ChangeKind::ObjectChanged;
  std::vector<std::string> args;     // page numbers, field names, PDF keys (language-neutral)
  std::vector<std::string> args_vi;  // Vietnamese forms of `args` when they are words ("" = same)
  int revision = 0;                  // 1-based revision that made the change
  bool allowed = false;
  // Where the change shows on the pages: the rectangles of the annotations and widgets it
  // concerns, as of both revisions (empty for changes that are not annotations).
  std::vector<PageArea> areas;
};

/// What the visual guard (visual_guard.h) found for one signature: the pages of the signed
/// revision rendered and compared with the document as it is now, outside the areas of the
/// changes the rules allowed.
struct VisualCheck {
  enum class Status {
    NotNeeded,  // nothing came after the signature (or it covers no revision)
    Compared,   // the pages were rendered and compared (`cut_short` says if not all of them)
    Skipped,    // not run: `skipped` says why
  };
  enum class Skip { None, Disabled, FileTooLarge, RendererUnavailable, Unrenderable };
  enum class Cut { None, Pages, Time };
  enum class DiffKind {
    Differs,      // pixels differ outside the allowed areas; `region` bounds them
    PageAdded,    // the page is not in the signed revision
    PageRemoved,  // the signed revision's page is gone
    PageResized,  // the page's visible size or rotation changed
  };
  struct Difference {
    int page = 0;  // 1-based
    DiffKind kind = DiffKind::Differs;
    // Points from the top-left corner of the page as shown now (x, y, width, height).
    double x = 0, y = 0, w = 0, h = 0;
  };
  Status status = Status::NotNeeded;
  Skip skipped = Skip::None;
  std::string detail;  // the renderer's own words when it failed (technical, not translated)
  Cut cut_short = Cut::None;
  int pages_compared = 0;
  int pages_signed = 0;  // page count of the signed revision, and of the document now
  int pages_now = 0;
  std::vector<Difference> differences;
};

/// What the CMS layer said about /Contents (filled by a CmsChecker; see crypto_check.h).
struct CryptoFacts {
  bool checked = false;        // false: no CMS layer ran (the reason is in notes)
  std::optional<bool> intact;  // covered bytes match and the signature value verifies
  Indication indication = Indication::Indeterminate;
  SubIndication subindication = SubIndication::None;
  Errc reason = Errc::Ok;    // the main reason when not passed (CmsDigestMismatch, ...)
  std::string level;         // B-B, B-T, B-LT, B-LTA, PKCS7, PKCS7-T; CMS, CMS-T (a CAdES
                             // subfilter without the signing-certificate-v2 attribute)
  std::string signer_name;   // for the one-line summary
  std::string signing_time;  // ISO 8601
  Json signer;               // objects in the shared schema, null when unknown
  Json timestamp;
  Json chain;
  Json revocation;
  std::vector<Finding> notes;
};

/// Everything found about one signature.
struct SignatureReport {
  int index = 0;      // 1-based, in file order of the signed revisions
  std::string field;  // fully qualified field name ("" if found only in the raw file)
  SignatureKind kind = SignatureKind::Approval;
  std::string type;  // /Type value
  std::string filter, subfilter;
  std::vector<std::int64_t> byte_range;
  std::uint64_t signed_end = 0;  // end of the covered bytes
  int revision = 0;              // 1-based revision the signature covers (0: none)
  int docmdp = 0;                // DocMDP P of a certification signature (0: none)
  // /Name, /Reason, /Location and /M of the signature dictionary as signed (a later rewrite of
  // the dictionary is a change, never shown here).
  std::string name, reason, location, claimed_time;
  // The Decree 30 appearance kyso drew for it (approved, issued, copy, appendix, incoming), read
  // from its widget; "" when not made by kyso. Said in the reports, never part of the verdict.
  std::string appearance;
  // An issued signature: the number and date kyso wrote on the letter, as signed ("286",
  // "25/11/2026"); "" when none.
  std::string stamped_number, stamped_date;
  Indication indication = Indication::Indeterminate;
  SubIndication subindication = SubIndication::None;
  Coverage coverage = Coverage::Invalid;
  Modifications modifications = Modifications::None;
  std::vector<Change> changes;
  std::vector<Finding> problems;  // structural faults
  std::vector<Finding> notes;
  CryptoFacts crypto;
  VisualCheck visual;
};

/// Everything found about one file.
struct FileReport {
  std::string file;
  FileStatus status = FileStatus::Error;
  std::optional<Error> error;
  Indication indication = Indication::Indeterminate;
  int revisions = 0;
  std::vector<SignatureReport> signatures;
  std::vector<Finding> notes;
};

}  // namespace kyso::pdfverify
