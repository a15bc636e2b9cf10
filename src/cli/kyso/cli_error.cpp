// printError (commands.h): one line on stderr from the message table, details in the debug log.
// What failed ("Opening the token failed") is said in the person's language too: the commands
// name it in English, and the Vietnamese comes from the table below.
#include <array>
#include <cstdio>
#include <string>
#include <string_view>
#include <utility>

#include "core/log.h"
#include "core/messages.h"
#include "src/cli/kyso/commands.h"

namespace kyso::cli {
namespace {

using Pair = std::pair<std::string_view, std::string_view>;

constexpr auto kWhat = std::to_array<Pair>({
    {"Adding the person failed", "Không thêm được người"},
    {"Adding the token failed", "Không thêm được token"},
    {"Adding the unit failed", "Không thêm được đơn vị"},
    {"Building the report failed", "Không lập được báo cáo"},
    {"Computing warnings failed", "Không tính được các cảnh báo"},
    {"Deleting failed", "Không xóa được"},
    {"Editing the person failed", "Không sửa được thông tin người"},
    {"Editing the token failed", "Không sửa được thông tin token"},
    {"Exporting failed", "Không xuất được"},
    {"Finding the focal person failed", "Không tìm thấy người đầu mối"},
    {"Finding the holder failed", "Không tìm thấy người giữ"},
    {"Finding the parent unit failed", "Không tìm thấy đơn vị cấp trên"},
    {"Finding the token failed", "Không tìm thấy token"},
    {"Finding the unit failed", "Không tìm thấy đơn vị"},
    {"Flushing an output folder to disk failed", "Không ghi được thư mục kết quả xuống đĩa"},
    {"Generating the key failed", "Không sinh được khóa"},
    {"Importing the certificate failed", "Không nạp được chứng thư số"},
    {"Importing the spreadsheet failed", "Không nhập được bảng tính"},
    {"Initialising the token failed", "Không khởi tạo được token"},
    {"Issuing the demo certificate", "Cấp chứng thư số thử"},
    {"Listing certificates failed", "Không liệt kê được chứng thư số"},
    {"Listing expiring certificates failed", "Không liệt kê được chứng thư số sắp hết hạn"},
    {"Listing units failed", "Không liệt kê được đơn vị"},
    {"Loading the trusted root certificates failed", "Không nạp được chứng thư gốc tin cậy"},
    {"Loading the verification settings failed", "Không nạp được cài đặt kiểm tra"},
    {"Making the demo PKI", "Tạo hạ tầng khóa công khai thử"},
    {"Making the demo handwriting image", "Tạo ảnh chữ ký tay thử"},
    {"Making the demo seal image", "Tạo ảnh con dấu thử"},
    {"Opening the inventory failed", "Không mở được sổ quản lý"},
    {"Opening the token failed", "Không mở được token"},
    {"Preparing the signature failed", "Không chuẩn bị được chữ ký"},
    {"Reading --trust-anchor failed", "Không đọc được --trust-anchor"},
    {"Reading the CA certificates failed", "Không đọc được chứng thư của CA"},
    {"Reading the CRL failed", "Không đọc được danh sách thu hồi (CRL)"},
    {"Reading the audit log failed", "Không đọc được nhật ký kiểm toán"},
    {"Reading the certificate failed", "Không đọc được chứng thư số"},
    {"Reading the content failed", "Không đọc được nội dung"},
    {"Reading the history failed", "Không đọc được lịch sử"},
    {"Reading the sample letter", "Đọc công văn mẫu"},
    {"Reading the seal file failed", "Không đọc được tệp con dấu"},
    {"Reading the seals failed", "Không đọc được các dấu niêm phong"},
    {"Reading the signing key failed", "Không đọc được khóa ký"},
    {"Reading the spreadsheet failed", "Không đọc được bảng tính"},
    {"Reading the system CA store failed", "Không đọc được kho chứng thư của hệ thống"},
    {"Reading the token failed", "Không đọc được token"},
    {"Recording the tokens failed", "Không ghi được các token vào sổ"},
    {"Rendering the sample letter", "Dựng công văn mẫu"},
    {"Saving the person failed", "Không lưu được thông tin người"},
    {"Saving the unit failed", "Không lưu được thông tin đơn vị"},
    {"Sealing the audit log failed", "Không niêm phong được nhật ký kiểm toán"},
    {"Selecting the key failed", "Không chọn được khóa"},
    {"Self-test", "Tự kiểm tra"},
    {"Signing the request failed", "Không ký được yêu cầu"},
    {"Signing the seal failed", "Không ký được dấu niêm phong"},
    {"Storing the seal failed", "Không lưu được con dấu"},
    {"The backup failed", "Sao lưu không thành công"},
    {"The restore failed", "Khôi phục không thành công"},
    {"Writing the CSV failed", "Không ghi được tệp CSV"},
    {"Writing the report failed", "Không ghi được báo cáo"},
    {"Writing the request failed", "Không ghi được yêu cầu"},
    {"Writing the seal file failed", "Không ghi được tệp con dấu"},
});

// "Reading FILE", "Writing FILE", ...: the verb, and the file after it as it is.
constexpr auto kWhatPrefix = std::to_array<Pair>({
    {"Reading the tokens of ", "Đọc token của "},
    {"Reading --crl ", "Đọc --crl "},
    {"Reading --trust ", "Đọc --trust "},
    {"Creating ", "Tạo "},
    {"Extending ", "Gia hạn chữ ký "},
    {"Reading ", "Đọc "},
    {"Writing ", "Ghi "},
});

}  // namespace

std::string whatFailedIn(const std::string& what, Lang lang) {
  if (lang != Lang::Vi) return what;
  for (const auto& [en, vi] : kWhat)
    if (what == en) return std::string(vi);
  for (const auto& [en, vi] : kWhatPrefix)
    if (what.starts_with(en)) return std::string(vi) + what.substr(en.size());
  return what;  // a command's name ("kyso sign") reads the same in both
}

void printError(const std::string& what_failed, const Error& e) {
  const std::string what = whatFailedIn(what_failed, defaultLang());
  std::string line = what.empty() ? describe(e) : what + ": " + describe(e);
  std::fprintf(stderr, "kyso: %s\n", line.c_str());
  log::debug(e.technical());
}

}  // namespace kyso::cli
