#include <regex>
#include <utility>
#include <vector>

#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

namespace {

// English problem sentences (signatures.cpp, verifier.cpp) and their Vietnamese forms; $1 carries
// the varying part. Tried in order. Changes have their own table (change_kinds.cpp).
const std::vector<std::pair<std::regex, const char*>>& table() {
  static const std::vector<std::pair<std::regex, const char*>> t = [] {
    std::vector<std::pair<const char*, const char*>> rows = {
        {"^the signed bytes do not end at the end of a revision \\(%%EOF\\)$",
         "phần đã ký không kết thúc ở cuối một phiên bản (%%EOF)"},
        {"^bytes were appended after the signed revision without a new revision$",
         "có dữ liệu được nối thêm sau phiên bản đã ký"},
        {"^the gap between the byte ranges (.*)$",
         "khoảng trống giữa hai phạm vi byte không phải là /Contents của chữ ký này"},
        {"^the document has damaged objects that had to be worked around$",
         "tài liệu có đối tượng bị hỏng"},
    };
    std::vector<std::pair<std::regex, const char*>> out;
    for (auto& [re, vi] : rows) out.emplace_back(std::regex(re), vi);
    return out;
  }();
  return t;
}

}  // namespace

std::string changeText(const Change& c, Lang lang) {
  if (lang != Lang::Vi) return c.what.empty() ? changeSentence(c.kind, c.args, lang) : c.what;
  std::vector<std::string> args = c.args;
  for (std::size_t i = 0; i < args.size() && i < c.args_vi.size(); ++i)
    if (!c.args_vi[i].empty()) args[i] = c.args_vi[i];
  return changeSentence(c.kind, args, lang);
}

std::string localizeChange(const std::string& en, Lang lang) {
  if (lang != Lang::Vi) return en;
  for (auto& [re, vi] : table())
    if (std::regex_match(en, re)) return std::regex_replace(en, re, vi);
  return en;  // no translation yet: the English sentence is still exact
}

}  // namespace kyso::pdfverify
