#include <regex>
#include <string_view>
#include <utility>
#include <vector>

#include "src/pdfverify/report.h"

namespace kyso::pdfverify {

namespace {

// English change and problem sentences (changes.cpp, signatures.cpp, verifier.cpp) and their
// Vietnamese forms; $1, $2 carry page numbers, field names and keys. Tried in order.
const std::vector<std::pair<std::regex, const char*>>& table() {
  static const std::vector<std::pair<std::regex, const char*>> t = [] {
    std::vector<std::pair<const char*, const char*>> rows = {
        {"^page (\\d+) added$", "trang $1 được thêm vào"},
        {"^page (\\d+) removed$", "trang $1 bị xóa"},
        {"^page (\\d+) replaced by another page$", "trang $1 bị thay bằng trang khác"},
        {"^content of page (\\d+) replaced$", "nội dung trang $1 bị thay"},
        {"^resources \\(fonts, images\\) of page (\\d+) changed$",
         "tài nguyên (phông chữ, hình ảnh) của trang $1 bị thay đổi"},
        {"^a resource \\(font, image or form\\) of page (\\d+) replaced$",
         "một tài nguyên (phông chữ, hình ảnh hoặc biểu mẫu) của trang $1 bị thay"},
        {"^page (\\d+) changed \\((.*)\\)$", "trang $1 bị thay đổi ($2)"},
        {"^annotation \\((.*)\\) added on page (\\d+)(.*)$",
         "chú thích ($1) được thêm vào trang $2$3"},
        {"^an annotation removed from page (\\d+)$", "một chú thích bị xóa khỏi trang $1"},
        {"^an annotation on page (\\d+) changed$", "một chú thích trên trang $1 bị thay đổi"},
        {"^the appearance of an annotation on page (\\d+) changed$",
         "hình thức của một chú thích trên trang $1 bị thay đổi"},
        {"^signature field (.*) added on page (\\d+)(.*)$",
         "trường chữ ký $1 được thêm vào trang $2$3"},
        {"^signature field (.*) added(.*)$", "trường chữ ký $1 được thêm$2"},
        {"^form field (.*) added on page (\\d+)$", "trường biểu mẫu $1 được thêm vào trang $2"},
        {"^form field (.*) added$", "trường biểu mẫu $1 được thêm"},
        {"^signature added in field (.*)$", "chữ ký được thêm vào trường $1"},
        {"^document timestamp added in field (.*)$",
         "dấu thời gian tài liệu được thêm vào trường $1"},
        {"^the signature in field (.*) replaced$", "chữ ký trong trường $1 bị thay"},
        {"^field (.*) signed(.*)$", "trường $1 được ký$2"},
        {"^field (.*) filled in(.*)$", "trường $1 được điền$2"},
        {"^field (.*) is locked by a signature and was (signed|changed)$",
         "trường $1 đã bị một chữ ký khóa nhưng vẫn bị thay đổi"},
        {"^field (.*) removed$", "trường $1 bị xóa"},
        {"^field (.*) changed \\((.*)\\)$", "trường $1 bị thay đổi ($2)"},
        {"^the widgets of field (.*) changed$", "các ô hiển thị của trường $1 bị thay đổi"},
        {"^the appearance of field (.*) replaced by an object used elsewhere \\((.*)\\)$",
         "hình thức của trường $1 bị thay bằng một đối tượng đang dùng ở chỗ khác ($2)"},
        {"^the appearance of field (.*) (replaced|changed) without a new value$",
         "hình thức của trường $1 bị thay mà giá trị không đổi"},
        {"^signature dictionary of (.*) changed$", "từ điển chữ ký của $1 bị thay đổi"},
        {"^document security store \\(/DSS\\) added or updated$",
         "kho dữ liệu xác thực (/DSS) được thêm hoặc cập nhật"},
        {"^XMP metadata updated$", "siêu dữ liệu XMP được cập nhật"},
        {"^document information \\(title, dates\\) updated$",
         "thông tin tài liệu (tiêu đề, ngày) được cập nhật"},
        {"^the document's structure tree \\(tags\\) updated$", "cây cấu trúc (thẻ) được cập nhật"},
        {"^form settings updated \\((.*)\\)$", "thiết lập biểu mẫu được cập nhật ($1)"},
        {"^the form's default resources updated$",
         "tài nguyên mặc định của biểu mẫu được cập nhật"},
        {"^form dictionary changed \\((.*)\\)$", "từ điển biểu mẫu bị thay đổi ($1)"},
        {"^the form dictionary was replaced by another object$", "từ điển biểu mẫu bị thay"},
        {"^a form field removed$", "một trường biểu mẫu bị xóa"},
        {"^the document catalog was replaced by another object$", "danh mục tài liệu bị thay"},
        {"^document catalog entry (.*) changed$", "mục $1 của danh mục tài liệu bị thay đổi"},
        {"^the page tree (was replaced|changed.*)$", "cây trang bị thay đổi"},
        {"^the document's encryption was changed$", "mã hóa của tài liệu bị thay đổi"},
        {"^object (\\d+) reached from (.*) changed$", "đối tượng $1 (dùng bởi $2) bị thay đổi"},
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

std::string localizeChange(const std::string& en, Lang lang) {
  if (lang != Lang::Vi) return en;
  for (auto [suffix, vi] :
       {std::pair{", which the certification (no changes) forbids",
                  " — chứng nhận không cho phép thay đổi nào"},
        std::pair{", which the certification forbids", " — chứng nhận không cho phép"}}) {
    std::string_view sv(suffix);
    if (en.size() > sv.size() && en.compare(en.size() - sv.size(), sv.size(), sv) == 0)
      return localizeChange(en.substr(0, en.size() - sv.size()), lang) + vi;
  }
  for (auto& [re, vi] : table())
    if (std::regex_match(en, re)) return std::regex_replace(en, re, vi);
  return en;  // no translation yet: the English sentence is still exact
}

}  // namespace kyso::pdfverify
