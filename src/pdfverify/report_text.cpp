#include "core/utf8.h"
#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

namespace {

const Change* firstDisallowed(const SignatureReport& s) {
  for (auto& c : s.changes)
    if (!c.allowed) return &c;
  return nullptr;
}

std::string who(const SignatureReport& s, Lang lang) {
  std::string out;
  bool vi = lang == Lang::Vi;
  if (!s.crypto.signer_name.empty())
    out += (vi ? "ký bởi " : "signed by ") + s.crypto.signer_name;
  else
    out += vi ? "chữ ký" : "signature";
  if (const std::string role = appearanceRoleText(s, lang); !role.empty()) out += ", " + role;
  if (!s.field.empty()) out += (vi ? " (trường " : " (field ") + s.field + ")";
  if (!s.crypto.signing_time.empty()) out += (vi ? " lúc " : " on ") + s.crypto.signing_time;
  return out;
}

}  // namespace

std::string verdictLine(const SignatureReport& s, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string line = "#" + std::to_string(s.index) + " ";
  if (s.indication == Indication::TotalPassed) {
    line += vi ? "Hợp lệ: " : "Valid: ";
    line += who(s, lang);
    if (s.modifications == Modifications::None) {
      line += vi ? ", tài liệu không thay đổi kể từ đó" : ", the document has not changed since";
    } else {
      line += vi ? ", sau đó chỉ có thay đổi được phép" : ", only allowed changes since";
      if (!s.changes.empty()) line += " (" + changeText(s.changes.front(), lang) + ")";
    }
    // The visual guard beside the verdict of a signature the rules passed.
    if (!s.visual.differences.empty())
      line += (vi ? "; CẢNH BÁO: " : "; WARNING: ") +
              visualDifferenceText(s.visual.differences.front(), lang);
    return line;
  }
  if (s.indication == Indication::TotalFailed) {
    line += vi ? "KHÔNG hợp lệ: " : "NOT valid: ";
    if (auto* c = firstDisallowed(s))
      line += changeText(*c, lang) + (vi ? " sau khi ký" : " after this signature") +
              (vi ? " (phiên bản " : " (revision ") + std::to_string(c->revision) + ")";
    else if (s.modifications == Modifications::Disallowed && !s.visual.differences.empty())
      line += visualDifferenceText(s.visual.differences.front(), lang);
    else if (!s.problems.empty())
      line += problemText(s.problems.front(), lang);
    else if (s.crypto.intact == false)
      line += vi ? "nội dung đã ký bị thay đổi hoặc chữ ký sai"
                 : "the signed bytes were changed or the signature value is wrong";
    else if (s.crypto.reason != Errc::Ok)
      line += describe(Error::kyso(s.crypto.reason, "verify"), lang);
    else if (!s.crypto.notes.empty())
      line += problemText(s.crypto.notes.front(), lang);
    else
      line += subIndicationName(s.subindication);
    line += " — " + who(s, lang);
    return line;
  }
  line += vi ? "Chưa xác định được: " : "Cannot confirm: ";
  if (s.crypto.reason != Errc::Ok)
    line += describe(Error::kyso(s.crypto.reason, "verify"), lang);
  else if (!s.crypto.notes.empty())
    line += problemText(s.crypto.notes.front(), lang);
  else
    line += subIndicationName(s.subindication);
  line += " — " + who(s, lang);
  return line;
}

std::string reportText(const FileReport& r, Lang lang) {
  const bool vi = lang == Lang::Vi;
  std::string out = r.file + "\n";
  if (r.status == FileStatus::Error) {
    out += (vi ? "  Không đọc được tệp PDF: " : "  Cannot read the PDF: ") +
           (r.error ? describe(*r.error, lang) : std::string()) + "\n";

    return out;
  }
  if (r.status == FileStatus::Unsigned) {
    out += vi ? "  Tài liệu không có chữ ký.\n" : "  The document has no signature.\n";
    for (auto& n : r.notes) out += (vi ? "  ghi chú: " : "  note: ") + problemText(n, lang) + "\n";
    return out;
  }
  for (auto& s : r.signatures) out += "  " + verdictLine(s, lang) + "\n";
  out += "\n";
  for (auto& s : r.signatures) {
    out += (vi ? "  Chữ ký #" : "  Signature #") + std::to_string(s.index) + " (" +
           kindText(s.kind, lang) + ", " + (s.subfilter.empty() ? "?" : s.subfilter) +
           (s.appearance.empty() ? std::string() : ", " + appearanceRoleText(s, lang)) + ")\n";
    out += (vi ? "    kết luận:         " : "    indication:    ") +
           std::string(indicationName(s.indication)) +
           (s.subindication == SubIndication::None
                ? std::string()
                : std::string(" / ") + subIndicationName(s.subindication)) +
           "\n";
    out += (vi ? "    nguyên vẹn:       " : "    intact:        ") +
           std::string(!s.crypto.intact   ? (vi ? "chưa rõ" : "unknown")
                       : *s.crypto.intact ? (vi ? "có" : "yes")
                                          : (vi ? "KHÔNG" : "NO")) +
           "\n";
    // An XML document report has no revisions: only the coverage.
    out += (vi ? "    phạm vi ký:       " : "    coverage:      ") +
           coverageText(s.coverage, lang) +
           (r.revisions == 0 ? std::string()
                             : (vi ? " (phiên bản " : " (revision ") + std::to_string(s.revision) +
                                   (vi ? " trên " : " of ") + std::to_string(r.revisions) + ")") +
           "\n";
    if (!s.crypto.level.empty())
      out += (vi ? "    mức độ:           " : "    level:         ") + s.crypto.level + "\n";
    // What the signer wrote in the dictionary as signed (never a later rewrite).
    if (!s.reason.empty())
      out += (vi ? "    lý do:            " : "    reason:        ") + s.reason + "\n";
    if (!s.location.empty())
      out += (vi ? "    nơi ký:           " : "    location:      ") + s.location + "\n";
    if (s.docmdp)
      out += (vi ? "    chứng nhận:       DocMDP P=" : "    certification: DocMDP P=") +
             std::to_string(s.docmdp) + "\n";
    out += (vi ? "    thay đổi sau khi ký: " : "    later changes: ") +
           modificationsText(s.modifications, lang) + "\n";
    int shown = 0;
    for (auto& c : s.changes) {
      if (c.revision != shown) {
        shown = c.revision;
        out += (vi ? "      phiên bản " : "      revision ") + std::to_string(shown) + ":\n";
      }
      out += std::string("        ") +
             (c.allowed ? (vi ? "được phép:       " : "allowed:     ")
                        : (vi ? "KHÔNG được phép: " : "NOT allowed: ")) +
             changeText(c, lang) + "\n";
    }
    if (s.visual.status != VisualCheck::Status::NotNeeded) {
      out += (vi ? "    so sánh hình ảnh: " : "    visual check:  ") +
             visualSummaryText(s.visual, lang) + "\n";
      for (auto& d : s.visual.differences) out += "        " + visualDifferenceText(d, lang) + "\n";
    }
    for (auto& p : s.problems)
      out += (vi ? "    lỗi: " : "    problem: ") + problemText(p, lang) + "\n";
    for (auto& n : s.notes)
      out += (vi ? "    ghi chú: " : "    note: ") + problemText(n, lang) + "\n";
    for (auto& n : s.crypto.notes)
      out += (vi ? "    ghi chú: " : "    note: ") + problemText(n, lang) + "\n";
  }
  for (auto& n : r.notes) out += (vi ? "  ghi chú: " : "  note: ") + problemText(n, lang) + "\n";
  return out;
}

std::string summaryTable(const std::vector<FileReport>& files, Lang lang) {
  const bool vi = lang == Lang::Vi;
  // The same words as the verdict lines: "cannot confirm" both here and there (issue 17).
  std::string out = vi ? "KẾT QUẢ             CHỮ KÝ  TỆP\n" : "RESULT              SIGS  FILE\n";
  for (auto& f : files) {
    std::string res;
    if (f.status == FileStatus::Error)
      res = vi ? "lỗi đọc" : "unreadable";
    else if (f.status == FileStatus::Unsigned)
      res = vi ? "không có chữ ký" : "unsigned";
    else if (f.indication == Indication::TotalPassed)
      res = vi ? "hợp lệ" : "valid";
    else if (f.indication == Indication::TotalFailed)
      res = vi ? "KHÔNG hợp lệ" : "NOT valid";
    else
      res = vi ? "chưa xác định được" : "cannot confirm";
    std::string sigs = std::to_string(f.signatures.size());
    // Pad by characters, not bytes, so Vietnamese labels line up.
    const std::size_t w = utf8Columns(res);
    out += res + std::string(w < 20 ? 20 - w : 1, ' ') + sigs +
           std::string(sigs.size() < 6 ? 6 - sigs.size() : 1, ' ') + f.file + "\n";
  }
  return out;
}

}  // namespace kyso::pdfverify
