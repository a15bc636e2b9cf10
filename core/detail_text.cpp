// The sentences of the Details (detail.h), English and Vietnamese, with numbered places for the
// values the context carries.
#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "core/detail.h"
#include "core/messages.h"
#include "core/placeholders.h"

namespace kyso {
namespace {

struct Row {
  Detail d;
  std::string_view en;
  std::string_view vi;
};

constexpr auto kRows = std::to_array<Row>({
    {Detail::None, "{1}", "{1}"},
    {Detail::Technical, "", ""},
    {Detail::TechnicalIn, "{1}", "{1}"},
    {Detail::ModulesSearched, "searched in: {1}", "đã tìm trong: {1}"},
    {Detail::TokenNotInModules, "{1}; searched in: {2}", "{1}; đã tìm trong: {2}"},
    {Detail::NoModuleInstalled, "no token driver is installed",
     "chưa cài trình điều khiển token nào"},
    {Detail::ChooseOneToken, "{1}: choose one with --module or --token",
     "{1}: chọn một token bằng --module hoặc --token"},
    {Detail::DriverNotInstalled, "{1}: {2} is not installed", "{1}: chưa cài {2}"},
    {Detail::NotALibrary, "{1} is not a library", "{1} không phải là thư viện"},
    {Detail::OtherArchitecture, "{1} is built for another kind of processor ({2})",
     "{1} được biên dịch cho loại bộ xử lý khác ({2})"},
    {Detail::NotAPkcs11Uri, "not a pkcs11: URI", "không phải URI dạng pkcs11:"},
    {Detail::BadUriEscape, "a %-escape in the URI is wrong", "URI có mã thoát % sai"},
    {Detail::PinInUri, "a PIN is not accepted in a URI; use --pin-stdin, --pin-file or --pin-env",
     "không nhận mã PIN trong URI; dùng --pin-stdin, --pin-file hoặc --pin-env"},
    {Detail::KeyTypeUnsupported, "the key is neither RSA nor EC", "khóa không phải RSA hay EC"},
    {Detail::SubjectSyntax, "the subject starts with '/', as in /CN=Nguyễn Văn A/O=Sở Y tế",
     "tên chủ thể bắt đầu bằng '/', ví dụ /CN=Nguyễn Văn A/O=Sở Y tế"},
    {Detail::UnknownSubjectField, "unknown field {1}", "không có trường {1}"},
    {Detail::RsaBits, "an RSA key has 2048 to 8192 bits", "khóa RSA dài từ 2048 đến 8192 bit"},
    {Detail::EcCurve, "the curve is P-256 or P-384", "đường cong là P-256 hoặc P-384"},
    {Detail::NoCertificateInFile, "the file holds no certificate",
     "trong tệp không có chứng thư số nào"},
    {Detail::CertificateFileSize, "the file is empty or too large", "tệp rỗng hoặc quá lớn"},
    {Detail::CertificateOnToken, "the certificate is already on the token",
     "chứng thư số đã có trên token"},
    {Detail::KeyWithoutId, "the matching key has no CKA_ID", "khóa tương ứng không có CKA_ID"},
    {Detail::NoMatchingKey, "no key on the token matches the certificate",
     "không có khóa nào trên token khớp với chứng thư số"},
    {Detail::TemplateForKind, "the template is for {1}, not {2}",
     "mẫu dành cho {1}, không phải {2}"},
    {Detail::UnknownFontStyle, "unknown font style '{1}'", "không có kiểu chữ '{1}'"},
    {Detail::NoFontOutlines, "{1} has no TrueType outlines", "{1} không có nét chữ TrueType"},
    {Detail::TextTooLarge, "\"{1}\" does not fit in {3} × {4} mm even at {2} pt",
     "\"{1}\" không vừa khung {3} × {4} mm kể cả ở cỡ chữ {2} pt"},
    {Detail::BlankTooNarrow,
     "the blank after \"{1}\" is {2} mm wide: \"{3}\" does not fit even at three quarters of the "
     "letter's size",
     "chỗ trống sau \"{1}\" chỉ rộng {2} mm: \"{3}\" không vừa kể cả khi thu nhỏ còn ba phần tư "
     "cỡ chữ của văn bản"},
    {Detail::NoBlankAfter, "no blank after \"{1}\" in \"{2}\" on page {3}",
     "không có chỗ trống sau \"{1}\" trong \"{2}\" ở trang {3}"},
    {Detail::NumberHasSymbol, "the letter prints \"{1}\" after the blank, and --doc-number is {2}",
     "văn bản đã in \"{1}\" sau chỗ trống, còn --doc-number là {2}"},
    {Detail::NoDateLine, "no \"ngày ... tháng ... năm ...\" on page {1}",
     "không có dòng \"ngày ... tháng ... năm ...\" ở trang {1}"},
    {Detail::NoNumberLine, "no \"{1}\" on page {2}", "không có \"{1}\" ở trang {2}"},
    {Detail::NumberAlreadyThere, "the letter already reads \"{1}\", not --doc-number {2}",
     "văn bản đã ghi \"{1}\", không phải --doc-number {2}"},
    {Detail::RectangleOutside, "{1} lies outside the page {2}", "{1} nằm ngoài trang {2}"},
    {Detail::NoSignerName, "the signer's name is not known", "chưa biết tên người ký"},
    {Detail::NameTooClose, "less than 10 mm between \"{1}\" and \"{2}\"",
     "giữa \"{1}\" và \"{2}\" chưa đến 10 mm"},
    {Detail::NotAnImage, "{1}: neither a PNG nor a JPEG image", "{1}: không phải ảnh PNG hay JPEG"},
    {Detail::InvalidUtf8At, "the text is not UTF-8 at byte {1}",
     "văn bản không phải UTF-8 hợp lệ ở byte {1}"},
    {Detail::OptionRequired, "{1} is required", "cần có {1}"},
    {Detail::OwnParentUnit, "a unit cannot be its own parent",
     "đơn vị không thể là cấp trên của chính nó"},
    {Detail::SeveralPeopleNamed, "several people are named '{1}': give the unit or the id",
     "có nhiều người tên '{1}': hãy ghi thêm đơn vị hoặc mã số"},
    {Detail::PersonExists, "{1} already exists in {2}", "{1} đã có trong {2}"},
    {Detail::UsePgDump, "back up a PostgreSQL inventory with pg_dump",
     "sổ quản lý trên PostgreSQL thì sao lưu bằng pg_dump"},
    {Detail::UsePgRestore, "restore a PostgreSQL inventory with pg_restore",
     "sổ quản lý trên PostgreSQL thì khôi phục bằng pg_restore"},
    {Detail::NotAnInventory, "{1} is not a kyso inventory", "{1} không phải sổ quản lý của kyso"},
    {Detail::NotSqlite, "not an SQLite database", "không phải cơ sở dữ liệu SQLite"},
    {Detail::TokenAlreadyWith, "the token is already with {1}", "token đang ở chỗ {1} rồi"},
    {Detail::NegativeDays, "--days must not be negative", "--days không được là số âm"},
    {Detail::UnknownState, "unknown state '{1}'; the states are {2}",
     "không có trạng thái '{1}'; các trạng thái là {2}"},
    {Detail::BadDate, "the date '{1}' is not a date: write YYYY-MM-DD",
     "'{1}' không phải là ngày: hãy viết YYYY-MM-DD"},
    {Detail::NotInThatUnit, "{1} is not in that unit", "{1} không thuộc đơn vị đó"},
    {Detail::SerialAndMaker, "the serial and the manufacturer cannot be empty",
     "số sê-ri và nhà sản xuất không được để trống"},
    {Detail::ChangedMeanwhile, "{1} was changed by someone else meanwhile: read it again",
     "{1} vừa được người khác sửa: hãy đọc lại"},
    {Detail::HandOverInstead, "hand the token over instead of moving its unit",
     "hãy bàn giao token thay vì đổi đơn vị của token"},
    {Detail::SeveralCertificates, "'{1}' matches several certificates",
     "'{1}' khớp với nhiều chứng thư số"},
    {Detail::CertFieldsRequired, "the serial, the issuer and the SHA-256 are required",
     "cần có số sê-ri, tổ chức cấp và SHA-256"},
    {Detail::BadValidityDates, "the validity dates are wrong", "ngày hiệu lực không hợp lệ"},
    {Detail::CertKind, "the kind is personal or organisation",
     "loại là personal (cá nhân) hoặc organisation (tổ chức)"},
    {Detail::TransitionOnlyTo, "{1} -> {2}; from {1} only to {3}",
     "{1} -> {2}; từ {1} chỉ chuyển được sang {3}"},
    {Detail::NotExpiredYet, "the certificate has not expired yet", "chứng thư số chưa hết hạn"},
    {Detail::AuditLogEmpty, "the audit log is empty: nothing to seal",
     "nhật ký kiểm toán trống: không có gì để niêm phong"},
    {Detail::CsvUnknownColumn,
     "unknown column '{1}'; the columns are {2} (or the Vietnamese headers: {3}; STT and Ghi chú "
     "are left out)",
     "không có cột '{1}'; các cột là {3} (hoặc theo tên tiếng Anh: {2}; cột STT và Ghi chú được bỏ "
     "qua)"},
    {Detail::CsvColumnTwice, "the column '{1}' appears twice", "cột '{1}' xuất hiện hai lần"},
    {Detail::CsvMissingColumn,
     "the column '{1}' is missing; the columns are {2} (or the Vietnamese headers: {3}; STT and "
     "Ghi "
     "chú are left out)",
     "thiếu cột '{1}'; các cột là {3} (hoặc theo tên tiếng Anh: {2}; cột STT và Ghi chú được bỏ "
     "qua)"},
    {Detail::CsvEmpty, "the file is empty", "tệp rỗng"},
    {Detail::CsvUtf16, "the file is UTF-16: save it as CSV UTF-8",
     "tệp ở dạng UTF-16: hãy lưu lại dưới dạng CSV UTF-8"},
    {Detail::CsvBinary, "binary data (NUL bytes): not a CSV file",
     "dữ liệu nhị phân (byte NUL): không phải tệp CSV"},
    {Detail::CsvBadUtf8AfterBom, "the file starts as UTF-8 but is not valid UTF-8",
     "tệp bắt đầu như UTF-8 nhưng không phải UTF-8 hợp lệ"},
    {Detail::CsvBadEncodingAt, "byte {1} is neither UTF-8 nor Windows-1258",
     "byte {1} không phải UTF-8 cũng không phải Windows-1258"},
    {Detail::CsvOpenQuote, "line {1}: a quote is not closed", "dòng {1}: dấu ngoặc kép chưa đóng"},
    {Detail::ExtendLevel, "the level is B-LT or B-LTA", "mức là B-LT hoặc B-LTA"},
    {Detail::BltaNeedsTsa, "B-LTA needs a timestamp server", "B-LTA cần máy chủ dấu thời gian"},
    {Detail::BtNeedsTsa, "B-T and above need a timestamp server",
     "từ B-T trở lên cần máy chủ dấu thời gian"},
    {Detail::BltNeedsRevocation, "B-LT needs revocation data", "B-LT cần dữ liệu thu hồi"},
    {Detail::SubFilterChoice, "the subfilter is ETSI.CAdES.detached or adbe.pkcs7.detached",
     "subfilter là ETSI.CAdES.detached hoặc adbe.pkcs7.detached"},
    {Detail::CertifyChoice, "--certify is 1, 2 or 3", "--certify là 1, 2 hoặc 3"},
    {Detail::TooManyFiles, "{1} holds too many files", "{1} có quá nhiều tệp"},
    {Detail::ChangedWhileRead, "{1} changed while it was being read",
     "{1} bị thay đổi trong lúc đang đọc"},
    {Detail::ChangedSinceChecked,
     "{1} changed after it was checked before the PIN, so it was not signed; sign it again",
     "{1} đã bị thay đổi sau khi được kiểm tra trước khi nhập PIN nên chưa được ký; hãy ký lại"},
    {Detail::EncryptedPdf, "{1}: signing encrypted PDFs is not supported yet",
     "{1}: chưa hỗ trợ ký tệp PDF được mã hóa"},
    {Detail::EmptyFile, "{1} is empty", "{1} rỗng"},
    {Detail::NotARegularFile, "{1} is not a regular file", "{1} không phải là tệp thông thường"},
    {Detail::AlreadyHasSignatures, "the document already has signatures", "văn bản đã có chữ ký"},
    {Detail::FieldAlreadySigned, "the field {1} is already signed", "ô {1} đã được ký"},
    {Detail::NotAnXPath, "not an XPath: {1}", "không phải biểu thức XPath: {1}"},
    {Detail::NotOneElement, "{1} does not select exactly one element",
     "{1} không chọn đúng một phần tử"},
    {Detail::NoInvoiceElement, "no HDon or DLHDon element", "không có phần tử HDon hay DLHDon"},
    {Detail::InvoiceWithoutId, "HDon or DLHDon has no Id",
     "HDon hay DLHDon không có thuộc tính Id"},
    {Detail::NoSuchElement, "no element {1}", "không có phần tử {1}"},
    {Detail::NoElementWithId, "no element with Id {1}", "không có phần tử nào có Id {1}"},
    {Detail::IdInDocument, "{1} is already in the document", "{1} đã có trong tài liệu"},
    {Detail::NoXmlSignature, "no XML-DSig signature", "không có chữ ký XML-DSig"},
    {Detail::LargerThanMiB, "larger than {1} MiB", "lớn hơn {1} MiB"},
    {Detail::KeyDoesNotMatchCert,
     "the key's signature does not verify with the signer's certificate",
     "chữ ký của khóa không khớp với chứng thư số của người ký"},
    {Detail::MessageTooLarge, "the message is too large", "thông điệp quá lớn"},
    {Detail::NoFileChosen, "no file was chosen", "chưa chọn tệp nào"},
    {Detail::AnswerNotJson, "the server's answer is not JSON",
     "câu trả lời của máy chủ không phải JSON"},
    {Detail::BatchLargerThanMiB, "the batch's documents are over {1} MiB",
     "các tài liệu của lô vượt quá {1} MiB"},
    {Detail::OfflineNotFetched, "offline: {1} was not fetched", "đang ngoại tuyến: không tải {1}"},
    {Detail::RedirectNotFollowed, "{1}: HTTP {2}, a redirect that is not followed",
     "{1}: HTTP {2}, chuyển hướng không được đi theo"},
});

static_assert(kRows.size() == static_cast<std::size_t>(Detail::Count_),
              "every Detail has a row, in the enum's order");

constexpr bool rowsInOrder() {
  for (std::size_t i = 0; i < kRows.size(); ++i)
    if (static_cast<std::size_t>(kRows[i].d) != i) return false;
  return true;
}
static_assert(rowsInOrder(), "the rows follow the enum's order");

std::vector<std::string> splitArgs(std::string_view context) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t sep = context.find(kDetailSep, start);
    out.emplace_back(context.substr(start, sep == std::string_view::npos ? sep : sep - start));
    if (sep == std::string_view::npos) return out;
    start = sep + 1;
  }
}

}  // namespace

std::string_view detailTemplate(Detail d, Lang lang) {
  const auto i = static_cast<std::size_t>(d);
  if (i >= kRows.size()) return {};
  return lang == Lang::Vi ? kRows[i].vi : kRows[i].en;
}

std::string detailSentence(Detail d, std::string_view context, Lang lang) {
  std::vector<std::string> args = splitArgs(context);
  if (d == Detail::None) return std::string(context);
  if (d == Detail::Technical) return {};
  if (d == Detail::TechnicalIn) return args.front();
  std::string s = fillPlaceholders(detailTemplate(d, lang), args);
  if (s.starts_with(": ")) s.erase(0, 2);  // "{1}: ..." without a {1}
  return s;
}

}  // namespace kyso
