// Finding signatures: every signature field of the AcroForm (approval, certification, document
// timestamp) with its signature dictionary, and the checks on that dictionary and its /ByteRange
// that need only the file's bytes (issue 7's ByteRange rules). /Contents is read straight from the
// file bytes of the ByteRange gap, never from a parsed (possibly decrypted) string.
#pragma once

#include <cstdint>
#include <qpdf/QPDFObjGen.hh>
#include <string>
#include <vector>

#include "core/result.h"
#include "src/pdfverify/file_bytes.h"
#include "src/pdfverify/problems.h"
#include "src/pdfverify/revision.h"

namespace kyso::pdfverify {

/// FieldMDP: which fields a signature locks.
struct FieldLock {
  std::string action;               // All | Include | Exclude
  std::vector<std::string> fields;  // for Include / Exclude
};

/// A signature field and its dictionary as found in the latest revision.
struct FoundSignature {
  std::string field;    // fully qualified name
  QPDFObjGen field_og;  // the field (or merged field/widget) object
  QPDFObjGen dict_og;   // the signature dictionary (/V)
  std::string type, filter, subfilter;
  bool byte_range_shape_ok = false;  // an array of exactly four integers
  std::vector<std::int64_t> byte_range;
  std::string parsed_contents;     // /Contents as qpdf parsed it (to cross-check the gap)
  long long contents_offset = -1;  // where qpdf parsed /Contents in the file (-1: unknown)
  bool encrypted = false;          // the document is encrypted: qpdf may have decrypted /Contents
  std::string name, reason, location, claimed_time;  // /Name, /Reason, /Location, /M (UTF-8)
  int docmdp = 0;                // P of a DocMDP transform in /Reference (0: none)
  std::vector<FieldLock> locks;  // FieldMDP transforms in /Reference and the field's /Lock
  bool unreadable = false;       // /V refers to an object that cannot be read: a failed signature
  // The Decree 30 appearance kind kyso wrote on the field's widget (/KysoKind in its normal
  // appearance: approved, issued, copy, appendix, incoming); "" for any other signer. Words only:
  // a later change to the appearance is judged by the change analysis like any other.
  std::string appearance;
  // An issued signature (appearance "issued"): the document number and the date kyso wrote on the
  // letter's own lines (the stamp annotations named kyso-number, kyso-day, kyso-month, kyso-year)
  // as they are in the revision read: "286", "25/11/2026"; "" when there is none.
  std::string stampedNumber, stampedDate;
};

/// Walks /AcroForm /Fields (bounded depth and count). Field entries that are not signatures are
/// skipped, and so are prepared signature fields never signed (/Contents empty or all zeros); a
/// malformed form is an Error (PdfDamaged).
Result<std::vector<FoundSignature>> findSignatures(OpenRevision& rev, const Budget& budget);

/// The DocMDP P from the catalog's /Perms /DocMDP and that signature dictionary ({0, {}} if none).
std::pair<int, QPDFObjGen> catalogDocMdp(OpenRevision& rev);

/// Result of the byte-level checks on one signature.
struct ByteRangeFacts {
  std::vector<Finding> problems;  // empty when every rule holds
  bool gap_is_contents = false;   // the gap is exactly this dictionary's /Contents hex string
  bool fatal = false;             // the ranges cannot be hashed or are not this signature's
  int revision = 0;               // 1-based revision whose end the ranges reach (0: none)
  std::uint64_t end = 0;
  std::string contents_der;  // hex-decoded gap, trailing zero padding removed
};

/// Applies the ByteRange rules: starts at 0, exactly two ranges, the gap is exactly the /Contents
/// hex string including its delimiters, ends at a revision end, inside the file, not overlapping,
/// sane numbers. `dict_offset` is the signature dictionary's object offset (0 if unknown).
ByteRangeFacts checkByteRange(const FileBytes& bytes, const FoundSignature& sig,
                              const std::vector<RevisionEnd>& revisions, std::uint64_t dict_offset);

}  // namespace kyso::pdfverify
