// The verification result for one file and each of its signatures: plain data, filled by the
// verifier, read by the text, JSON and HTML reports. Field names follow issue 7's JSON schema.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "src/pdfverify/change_kinds.h"

namespace kyso::pdfverify {

/// ETSI EN 319 102-1 main indications.
enum class Indication { TotalPassed, TotalFailed, Indeterminate };
const char* indicationName(Indication i);  // "TOTAL-PASSED", ... (ETSI spelling, as the CMS layer)
/// The worse of two indications (failed > indeterminate > passed).
Indication worse(Indication a, Indication b);

/// One change a later revision made: its kind (machine code + sentences, change_kinds.h), the
/// words that fill the sentence, the revision that made it, and whether the signature's rules
/// allow it.
struct Change {
  ChangeKind kind = ChangeKind::ObjectChanged;
  std::vector<std::string> args;     // page numbers, field names, PDF keys (language-neutral)
  std::vector<std::string> args_vi;  // Vietnamese forms of `args` when they are words ("" = same)
  int revision = 0;                  // 1-based revision that made the change
  bool allowed = false;
  std::string what;  // the English sentence: "page 2 added", "content of page 1 replaced"
};

/// What the CMS layer said about /Contents (filled by a CmsChecker; see crypto_check.h).
struct CryptoFacts {
  bool checked = false;        // false: no CMS layer ran (the reason is in notes)
  std::optional<bool> intact;  // covered bytes match and the signature value verifies
  Indication indication = Indication::Indeterminate;
  std::string subindication;
  Errc reason = Errc::Ok;    // the main reason when not passed (CmsDigestMismatch, ...)
  std::string level;         // B-B, B-T, B-LT, B-LTA, PKCS7, PKCS7-T; CMS, CMS-T (a CAdES
                             // subfilter without the signing-certificate-v2 attribute)
  std::string signer_name;   // for the one-line summary
  std::string signing_time;  // ISO 8601
  Json signer;               // objects in the shared schema, null when unknown
  Json timestamp;
  Json chain;
  Json revocation;
  std::vector<std::string> notes;
};

/// Everything found about one signature.
struct SignatureReport {
  int index = 0;      // 1-based, in file order of the signed revisions
  std::string field;  // fully qualified field name ("" if found only in the raw file)
  std::string kind;   // "approval", "certification", "timestamp"
  std::string type;   // /Type value
  std::string filter, subfilter;
  std::vector<std::int64_t> byte_range;
  std::uint64_t signed_end = 0;  // end of the covered bytes
  int revision = 0;              // 1-based revision the signature covers (0: none)
  int docmdp = 0;                // DocMDP P of a certification signature (0: none)
  // /Name, /Reason, /Location and /M of the signature dictionary as signed (a later rewrite of
  // the dictionary is a change, never shown here).
  std::string name, reason, location, claimed_time;
  Indication indication = Indication::Indeterminate;
  std::string subindication;
  std::string coverage = "invalid";    // whole-document | revision | partial | invalid
  std::string modifications = "none";  // none | allowed | disallowed
  std::vector<Change> changes;
  std::vector<std::string> problems;  // structural faults, in words
  std::vector<std::string> notes;
  CryptoFacts crypto;
};

/// Everything found about one file.
struct FileReport {
  std::string file;
  std::string status = "error";  // signed | unsigned | error
  std::optional<Error> error;
  Indication indication = Indication::Indeterminate;
  int revisions = 0;
  std::vector<SignatureReport> signatures;
  std::vector<std::string> notes;
};

}  // namespace kyso::pdfverify
