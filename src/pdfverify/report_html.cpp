#include "core/html_text.h"
#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

namespace {

struct Labels {
  const char* title;
  const char* file;
  const char* status;
  const char* unsigned_;
  const char* unreadable;
  const char* signature;
  const char* indication;
  const char* coverage;
  const char* changes;
  const char* none;
  const char* problems;
  const char* notes;
  const char* signer;
  const char* role;
  const char* time;
  const char* level;
  const char* revision;
  const char* allowed;
  const char* notAllowed;
  const char* visual;
  const char* footer;
  const char* checkedAt;
  const char* summary;
  const char* result;
  const char* signatures;
  const char* format;
  const char* certificate;
  const char* issuer;
  const char* serial;
  const char* validity;
  const char* timestamp;
  const char* anchor;
  const char* codes;
};

const Labels kEn{"Signature verification report",
                 "File",
                 "Result",
                 "The document has no signature.",
                 "The file cannot be read as a PDF",
                 "Signature",
                 "Indication",
                 "Coverage",
                 "Changes after signing",
                 "none",
                 "Problems",
                 "Notes",
                 "Signer",
                 "Role",
                 "Time",
                 "Level",
                 "Revision",
                 "allowed",
                 "NOT allowed",
                 "Visual check",
                 "Produced by kyso verify.",
                 "Time of the check",
                 "Summary",
                 "Result",
                 "Signatures",
                 "Signature format",
                 "Certificate",
                 "Issued by",
                 "Serial number",
                 "Valid",
                 "Timestamp",
                 "Trusted root",
                 "Codes (ETSI EN 319 102-1)"};
const Labels kVi{"Biên bản kiểm tra chữ ký số",
                 "Tệp",
                 "Kết quả",
                 "Tài liệu không có chữ ký.",
                 "Không đọc được tệp PDF",
                 "Chữ ký",
                 "Kết luận",
                 "Phạm vi ký",
                 "Thay đổi sau khi ký",
                 "không có",
                 "Lỗi phát hiện",
                 "Ghi chú",
                 "Người ký",
                 "Vai trò",
                 "Thời điểm ký",
                 "Mức độ",
                 "Phiên bản",
                 "được phép",
                 "KHÔNG được phép",
                 "So sánh hình ảnh",
                 "Lập bởi kyso verify.",
                 "Thời điểm kiểm tra",
                 "Tổng hợp",
                 "Kết quả",
                 "Số chữ ký",
                 "Định dạng chữ ký",
                 "Chứng thư số",
                 "Tổ chức cấp",
                 "Số hiệu",
                 "Hiệu lực",
                 "Dấu thời gian",
                 "Chứng thư gốc tin cậy",
                 "Mã kết quả (ETSI EN 319 102-1)"};

const char* cssClass(Indication i) {
  return i == Indication::TotalPassed ? "ok" : i == Indication::TotalFailed ? "bad" : "unk";
}

// The notes about the whole file (bytes after the last revision, damaged objects, ...).
std::string fileNotes(const FileReport& f, const Labels& L, Lang lang) {
  if (f.notes.empty()) return {};
  std::string h = "<p>" + std::string(L.notes) + ":</p>\n<ul>";
  for (auto& n : f.notes) h += "<li>" + htmlEscape(problemText(n, lang)) + "</li>";
  return h + "</ul>\n";
}

// The verdict in words ("Valid", "Hợp lệ"); the ETSI codes go to a details row.
const char* verdictWords(Indication i, Lang lang) {
  const bool vi = lang == Lang::Vi;
  if (i == Indication::TotalPassed) return vi ? "Hợp lệ" : "Valid";
  if (i == Indication::TotalFailed) return vi ? "KHÔNG hợp lệ" : "NOT valid";
  return vi ? "Chưa xác định được" : "Cannot confirm";
}

// One file's result as the summary table says it.
const char* fileResultWords(const FileReport& f, Lang lang) {
  const bool vi = lang == Lang::Vi;
  if (f.status == FileStatus::Error) return vi ? "Không đọc được" : "Unreadable";
  if (f.status == FileStatus::Unsigned) return vi ? "Không có chữ ký" : "No signature";
  return verdictWords(f.indication, lang);
}

std::string row(const char* label, const std::string& valueHtml, const char* cls = nullptr) {
  return std::string("<tr><td>") + label + "</td><td" +
         (cls ? std::string(" class=\"") + cls + "\"" : std::string()) + ">" + valueHtml +
         "</td></tr>\n";
}

// The signer's certificate, its validity, the timestamp and the trusted root, from the CMS layer's
// facts (the shared JSON schema); rows only for what is known.
std::string certificateRows(const CryptoFacts& c, const Labels& L) {
  std::string h;
  const Json& signer = c.signer;
  auto text = [](const Json& j) { return j.isString() ? j.asString() : std::string(); };
  if (const std::string v = text(signer["subject"]); !v.empty())
    h += row(L.certificate, htmlEscape(v));
  if (const std::string v = text(signer["issuer"]); !v.empty()) h += row(L.issuer, htmlEscape(v));
  if (const std::string v = text(signer["serial"]); !v.empty()) h += row(L.serial, htmlEscape(v));
  const std::string from = text(signer["not_before"]), until = text(signer["not_after"]);
  if (!from.empty() || !until.empty()) h += row(L.validity, htmlEscape(from + " – " + until));
  const Json& ts = c.timestamp;
  if (const std::string t = text(ts["time"]); !t.empty()) {
    const std::string tsa = text(ts["tsa"]);
    h += row(L.timestamp, htmlEscape(t + (tsa.empty() ? std::string() : " (" + tsa + ")")));
  }
  if (const std::string a = text(c.chain["anchor"]); !a.empty()) h += row(L.anchor, htmlEscape(a));
  return h;
}

}  // namespace

std::string reportHtml(const std::vector<FileReport>& files, Lang lang,
                       const RecordContext& record) {
  const Labels& L = lang == Lang::Vi ? kVi : kEn;
  std::string h;
  h += "<!DOCTYPE html>\n<html lang=\"";
  h += lang == Lang::Vi ? "vi" : "en";
  h += "\"><head><meta charset=\"utf-8\"><title>";
  h += L.title;
  h +=
      "</title><style>"
      "body{font-family:'Liberation Serif','Times New Roman',serif;margin:2em;color:#000}"
      "h1{font-size:1.4em}h2{font-size:1.15em;border-bottom:1px solid #888}"
      "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #999;padding:.25em .5em;"
      "vertical-align:top;text-align:left}.ok{color:#064}.bad{color:#a00;font-weight:bold}"
      ".unk{color:#850}.line{font-size:1.05em;margin:.3em 0}"
      "table{width:100%}td{overflow-wrap:anywhere}td:first-child{width:28%}"
      "@page{size:A4;margin:15mm}@media print{body{margin:0}a{color:#000}}"
      "</style></head><body>\n<h1>";
  h += L.title;
  h += "</h1>\n";
  if (!record.checkedAt.empty())
    h += "<p>" + std::string(L.checkedAt) + ": " + htmlEscape(record.checkedAt) + "</p>\n";
  if (files.size() > 1) {
    h += "<h2>" + std::string(L.summary) + "</h2>\n<table><tr><th>" + L.file + "</th><th>" +
         L.result + "</th><th>" + L.signatures + "</th></tr>\n";
    for (auto& f : files)
      h += "<tr><td>" + htmlEscape(f.file) + "</td><td class=\"" +
           (f.status == FileStatus::Signed ? cssClass(f.indication) : "unk") + "\">" +
           fileResultWords(f, lang) + "</td><td>" + std::to_string(f.signatures.size()) +
           "</td></tr>\n";
    h += "</table>\n";
  }
  for (auto& f : files) {
    h += "<h2>" + std::string(L.file) + ": " + htmlEscape(f.file) + "</h2>\n";
    if (f.status == FileStatus::Error) {
      h += "<p class=\"bad\">" + std::string(L.unreadable) + ": " +
           htmlEscape(f.error ? describe(*f.error, lang) : "") + "</p>\n";
      continue;
    }
    if (f.status == FileStatus::Unsigned) {
      h += "<p>" + std::string(L.unsigned_) + "</p>\n";
      h += fileNotes(f, L, lang);
      continue;
    }
    for (auto& s : f.signatures)
      h += "<p class=\"line " + std::string(cssClass(s.indication)) + "\">" +
           htmlEscape(verdictLine(s, lang)) + "</p>\n";
    for (auto& s : f.signatures) {
      h += "<table><tr><th colspan=\"2\">" + std::string(L.signature) + " #" +
           std::to_string(s.index) + " — " + htmlEscape(s.field) + "</th></tr>\n";
      h += row(L.indication, verdictWords(s.indication, lang), cssClass(s.indication));
      h +=
          row(L.format, htmlEscape((s.kind == SignatureKind::Timestamp ? "RFC 3161" : "PAdES/CMS") +
                                   std::string(" (") + s.subfilter + ")"));
      h += "<tr><td>" + std::string(L.coverage) + "</td><td>" +
           htmlEscape(coverageText(s.coverage, lang)) + "</td></tr>\n";
      if (!s.crypto.signer_name.empty())
        h += "<tr><td>" + std::string(L.signer) + "</td><td>" + htmlEscape(s.crypto.signer_name) +
             "</td></tr>\n";
      if (const std::string role = appearanceRoleText(s, lang); !role.empty())
        h += "<tr><td>" + std::string(L.role) + "</td><td>" + htmlEscape(role) + "</td></tr>\n";
      if (!s.crypto.signing_time.empty())
        h += "<tr><td>" + std::string(L.time) + "</td><td>" + htmlEscape(s.crypto.signing_time) +
             "</td></tr>\n";
      h += certificateRows(s.crypto, L);
      if (!s.crypto.level.empty())
        h += "<tr><td>" + std::string(L.level) + "</td><td>" + htmlEscape(s.crypto.level) +
             "</td></tr>\n";
      h += "<tr><td>" + std::string(L.changes) + "</td><td>";
      if (s.changes.empty()) h += L.none;
      for (auto& c : s.changes)
        h += std::string("<div class=\"") + (c.allowed ? "ok" : "bad") + "\">" + L.revision + " " +
             std::to_string(c.revision) + " — " + (c.allowed ? L.allowed : L.notAllowed) + ": " +
             htmlEscape(changeText(c, lang)) + "</div>";
      h += "</td></tr>\n";
      if (s.visual.status != VisualCheck::Status::NotNeeded) {
        h += "<tr><td>" + std::string(L.visual) + "</td><td><div>" +
             htmlEscape(visualSummaryText(s.visual, lang)) + "</div>";
        for (auto& d : s.visual.differences)
          h += "<div class=\"bad\">" + htmlEscape(visualDifferenceText(d, lang)) + "</div>";
        h += "</td></tr>\n";
      }
      if (!s.problems.empty()) {
        h += "<tr><td>" + std::string(L.problems) + "</td><td>";
        for (auto& p : s.problems)
          h += "<div class=\"bad\">" + htmlEscape(problemText(p, lang)) + "</div>";
        h += "</td></tr>\n";
      }
      std::vector<Finding> notes = s.notes;
      notes.insert(notes.end(), s.crypto.notes.begin(), s.crypto.notes.end());
      if (!notes.empty()) {
        h += "<tr><td>" + std::string(L.notes) + "</td><td>";
        for (auto& n : notes) h += "<div>" + htmlEscape(problemText(n, lang)) + "</div>";
        h += "</td></tr>\n";
      }
      // The standard's codes for whoever needs them, after the words.
      h += row(L.codes, std::string("<small>") + indicationName(s.indication) +
                            (s.subindication == SubIndication::None
                                 ? std::string()
                                 : std::string(" / ") + subIndicationName(s.subindication)) +
                            "</small>");
      h += "</table>\n";
    }
    h += fileNotes(f, L, lang);
  }
  h += "<p><small>" + std::string(L.footer) +
       (record.producer.empty() ? std::string() : " " + htmlEscape(record.producer)) +
       (record.checkedAt.empty() ? std::string() : " — " + htmlEscape(record.checkedAt)) +
       "</small></p>\n</body></html>\n";
  return h;
}

}  // namespace kyso::pdfverify
