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

std::string coverageText(const std::string& coverage, Lang lang) {
  if (lang != Lang::Vi) return coverage;
  if (coverage == "whole-document") return "toàn bộ tài liệu";
  if (coverage == "revision") return "một phiên bản của tài liệu";
  if (coverage == "partial") return "một phần tài liệu";
  if (coverage == "invalid") return "không hợp lệ";
  return coverage;
}

std::string modificationsText(const std::string& modifications, Lang lang) {
  if (lang != Lang::Vi) return modifications;
  if (modifications == "none") return "không có";
  if (modifications == "allowed") return "chỉ có thay đổi được phép";
  if (modifications == "disallowed") return "có thay đổi không được phép";
  return modifications;
}

std::string kindText(const std::string& kind, Lang lang) {
  if (lang != Lang::Vi) return kind;
  if (kind == "approval") return "chữ ký phê duyệt";
  if (kind == "certification") return "chữ ký chứng nhận";
  if (kind == "timestamp") return "dấu thời gian tài liệu";
  return kind;
}

}  // namespace kyso::pdfverify
