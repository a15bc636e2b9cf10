// Reports of a verification for people and programs: the JSON object of issue 7 (one per file),
// the text a clerk reads (one line per signature they can act on, then details) and a printable,
// self-contained HTML report in Vietnamese or English. Pure functions of the FileReport.
#pragma once

#include <string>
#include <vector>

#include "core/json.h"
#include "core/messages.h"
#include "src/pdfverify/model.h"

namespace kyso::pdfverify {

/// A problem or note in `lang` (findingText of problems.h).
std::string problemText(const Finding& f, Lang lang);
/// The words for a coverage ("whole-document", ...), a modifications verdict ("none", ...) and a
/// signature kind ("approval", ...) in `lang`; English gives the JSON's words.
std::string coverageText(Coverage coverage, Lang lang);
std::string modificationsText(Modifications modifications, Lang lang);
std::string kindText(SignatureKind kind, Lang lang);
/// What a kyso Decree 30 appearance says the signer did ("issued" -> "issuing it with the unit's
/// seal, number 286, dated 25/11/2026": the number and date it wrote on the letter); "" for an
/// empty or unknown appearance.
std::string appearanceRoleText(const SignatureReport& s, Lang lang);
/// A change's sentence in `lang`, from its kind's table row (change_kinds.h).
std::string changeText(const Change& c, Lang lang);
/// The visual guard's findings (visual_guard.h): stable codes for the JSON, and sentences.
const char* visualStatusCode(VisualCheck::Status s);  // "compared", "skipped", "not-needed"
const char* visualSkipCode(VisualCheck::Skip s);      // "renderer-unavailable", ...
const char* visualDiffCode(VisualCheck::DiffKind k);  // "looks-different", "page-added", ...
/// "page 1 looks different from what was signed (area 120×40 pt, 300, 95 pt from the top-left)"
std::string visualDifferenceText(const VisualCheck::Difference& d, Lang lang);
/// "10 pages compared, they look as signed", "skipped: ...".
std::string visualSummaryText(const VisualCheck& v, Lang lang);
/// The issue-7 JSON object for one file.
Json reportJson(const FileReport& r);
/// The clerk's line for one signature ("Valid: signed by ... , the document has not changed
/// since" / "NOT valid: page 2 added after this signature").
std::string verdictLine(const SignatureReport& s, Lang lang);
/// Verdict lines, then details, for one file.
std::string reportText(const FileReport& r, Lang lang);
/// What a verification record says about the check itself.
struct RecordContext {
  std::string
      checkedAt;         // when the check was made, as people read it ("06/12/2026 17:30 (+07:00)")
  std::string producer;  // the program and its version ("kyso 0.1.0 (commit 1c22303)")
};
/// A complete HTML document (inline CSS, no external resources) for one or more files: the
/// verification record ("Biên bản kiểm tra chữ ký số"), printable on A4. With `record`, it says
/// when and by what the check was made; with several files it opens with their summary table.
std::string reportHtml(const std::vector<FileReport>& files, Lang lang,
                       const RecordContext& record = {});
/// The summary table for many files (one row each).
std::string summaryTable(const std::vector<FileReport>& files, Lang lang);

}  // namespace kyso::pdfverify
