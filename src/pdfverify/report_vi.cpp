#include <string>

#include "src/pdfverify/problems.h"
#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

std::string changeText(const Change& c, Lang lang) {
  if (lang != Lang::Vi) return changeSentence(c.kind, c.args, lang);
  std::vector<std::string> args = c.args;
  for (std::size_t i = 0; i < args.size() && i < c.args_vi.size(); ++i)
    if (!c.args_vi[i].empty()) args[i] = c.args_vi[i];
  return changeSentence(c.kind, args, lang);
}

std::string problemText(const Finding& f, Lang lang) {
  return findingText(f, lang);
}

std::string coverageText(Coverage coverage, Lang lang) {
  if (lang != Lang::Vi) return coverageCode(coverage);
  switch (coverage) {
    case Coverage::WholeDocument:
      return "toàn bộ tài liệu";
    case Coverage::Revision:
      return "một phiên bản của tài liệu";
    case Coverage::Partial:
      return "một phần tài liệu";
    case Coverage::Invalid:
      break;
  }
  return "không hợp lệ";
}

std::string modificationsText(Modifications modifications, Lang lang) {
  if (lang != Lang::Vi) return modificationsCode(modifications);
  switch (modifications) {
    case Modifications::Allowed:
      return "chỉ có thay đổi được phép";
    case Modifications::Disallowed:
      return "có thay đổi không được phép";
    case Modifications::None:
      break;
  }
  return "không có";
}

std::string kindText(SignatureKind kind, Lang lang) {
  if (lang != Lang::Vi) return signatureKindCode(kind);
  switch (kind) {
    case SignatureKind::Certification:
      return "chữ ký chứng nhận";
    case SignatureKind::Timestamp:
      return "dấu thời gian tài liệu";
    case SignatureKind::XmlDsig:
      return "chữ ký XML";
    case SignatureKind::Cms:
      return "chữ ký tách rời (CMS)";
    case SignatureKind::Approval:
      break;
  }
  return "chữ ký phê duyệt";
}

std::string appearanceRoleText(const SignatureReport& s, Lang lang) {
  struct Role {
    const char *code, *en, *vi;
  };
  static constexpr Role kRoles[] = {
      {"approved", "approving it", "phê duyệt văn bản"},
      {"issued", "issuing it with the unit's seal", "phát hành văn bản, đóng dấu của đơn vị"},
      {"copy", "certifying a copy", "sao văn bản"},
      {"appendix", "signing an appendix", "ký phụ lục"},
      {"incoming", "stamping it as received", "đóng dấu văn bản đến"},
  };
  const bool vi = lang == Lang::Vi;
  for (const Role& r : kRoles) {
    if (s.appearance != r.code) continue;
    std::string out = vi ? r.vi : r.en;
    if (!s.stamped_number.empty()) out += (vi ? ", số " : ", number ") + s.stamped_number;
    if (!s.stamped_date.empty()) out += (vi ? ", ngày " : ", dated ") + s.stamped_date;
    return out;
  }
  return {};
}

}  // namespace kyso::pdfverify
