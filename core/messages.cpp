// The sentence tables. Raw CK_RV and SCARD values are the standard numbers, written here so that
// the core does not depend on the PKCS#11 or PC/SC headers.
#include "core/messages.h"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kyso {
namespace {

struct ErrcRow {
  Errc code;
  const char* name;
  const char* en;
  const char* vi;
};

// clang-format off
constexpr ErrcRow kErrcRows[] = {
  {Errc::Ok, "Ok", "Done.", "Đã xong."},
  {Errc::UsageError, "UsageError", "The command line is not valid; see --help.", "Dòng lệnh không hợp lệ; xem --help."},
  {Errc::FileNotFound, "FileNotFound", "The file does not exist.", "Tệp không tồn tại."},
  {Errc::FileUnreadable, "FileUnreadable", "The file cannot be read.", "Không đọc được tệp."},
  {Errc::FileExists, "FileExists", "The output file already exists; use --force to replace it.", "Tệp đầu ra đã tồn tại; dùng --force để ghi đè."},
  {Errc::OutputNotWritable, "OutputNotWritable", "The output folder cannot be written to.", "Không ghi được vào thư mục đầu ra."},
  {Errc::DiskFull, "DiskFull", "The disk is full; nothing was written.", "Ổ đĩa đã đầy; chưa ghi gì."},
  {Errc::InputTooLarge, "InputTooLarge", "The input is larger than kyso accepts.", "Dữ liệu đầu vào lớn hơn mức kyso chấp nhận."},
  {Errc::Cancelled, "Cancelled", "Cancelled.", "Đã hủy."},
  {Errc::NotImplemented, "NotImplemented", "This is not available in this version of kyso yet.", "Phiên bản kyso này chưa có chức năng này."},
  {Errc::ModuleNotFound, "ModuleNotFound", "The token driver (PKCS#11 module) was not found.", "Không tìm thấy trình điều khiển token (mô-đun PKCS#11)."},
  {Errc::ModuleWrongArchitecture, "ModuleWrongArchitecture", "The token driver is built for another kind of computer (for example 32-bit); install the 64-bit driver from the token's supplier.", "Trình điều khiển token được xây dựng cho loại máy khác (ví dụ 32-bit); hãy cài trình điều khiển 64-bit của nhà cung cấp token."},
  {Errc::ModuleMissingSymbols, "ModuleMissingSymbols", "The file is not a PKCS#11 token driver (C_GetFunctionList is missing).", "Tệp này không phải trình điều khiển token PKCS#11 (thiếu C_GetFunctionList)."},
  {Errc::ModuleLoadFailed, "ModuleLoadFailed", "The token driver could not be loaded.", "Không nạp được trình điều khiển token."},
  {Errc::NoTokenPresent, "NoTokenPresent", "No token is plugged in.", "Chưa cắm token."},
  {Errc::TokenAmbiguous, "TokenAmbiguous", "More than one token is plugged in; choose one with --token.", "Đang cắm nhiều token; hãy chọn một bằng --token."},
  {Errc::TokenNotFound, "TokenNotFound", "The chosen token is not plugged in.", "Không thấy token đã chọn."},
  {Errc::KeyNotFound, "KeyNotFound", "The token has no matching signing key.", "Token không có khóa ký phù hợp."},
  {Errc::KeyAmbiguous, "KeyAmbiguous", "The token has more than one signing key; choose one with --key.", "Token có nhiều khóa ký; hãy chọn một bằng --key."},
  {Errc::CertificateNotFound, "CertificateNotFound", "No certificate on the token matches the key.", "Không có chứng thư số nào trên token khớp với khóa."},
  {Errc::PinFinalTry, "PinFinalTry", "The token allows only one more PIN try; a wrong PIN will lock it. Use --force-login only if you are sure of the PIN.", "Token chỉ còn một lần nhập PIN; nhập sai sẽ bị khóa. Chỉ dùng --force-login khi chắc chắn PIN đúng."},
  {Errc::PinLocked, "PinLocked", "The token's PIN is locked; ask the IT officer to request restoration.", "PIN của token đã bị khóa; hãy nhờ cán bộ CNTT đề nghị khôi phục."},
  {Errc::PinToBeChanged, "PinToBeChanged", "The token requires a new PIN before use; change it with `kyso token change-pin`.", "Token yêu cầu đổi PIN trước khi dùng; hãy đổi bằng `kyso token change-pin`."},
  {Errc::PinIncorrect, "PinIncorrect", "The PIN is wrong.", "PIN không đúng."},
  {Errc::PinIncorrectTriesUnknown, "PinIncorrectTriesUnknown", "The PIN is wrong. The token does not say how many tries are left; most lock after 3.", "PIN không đúng. Token không cho biết còn bao nhiêu lần thử; đa số bị khóa sau 3 lần."},
  {Errc::PinEmpty, "PinEmpty", "No PIN was given.", "Chưa nhập PIN."},
  {Errc::PinSourceInvalid, "PinSourceInvalid", "The PIN could not be read from the given source.", "Không đọc được PIN từ nguồn đã chỉ định."},
  {Errc::SoPinLocked, "SoPinLocked", "The administrator (SO) PIN is locked; the token must be re-initialised by its issuer.", "PIN quản trị (SO) đã bị khóa; token phải được đơn vị cấp khởi tạo lại."},
  {Errc::MechanismUnsupported, "MechanismUnsupported", "The token cannot sign with this algorithm.", "Token không ký được bằng thuật toán này."},
  {Errc::TokenRemoved, "TokenRemoved", "The token was removed; plug it in again and retry.", "Token đã bị rút ra; hãy cắm lại và thử lại."},
  {Errc::ConfirmationRequired, "ConfirmationRequired", "This changes the token for good; confirm it (or pass --yes).", "Thao tác này thay đổi token vĩnh viễn; hãy xác nhận (hoặc dùng --yes)."},
  {Errc::PcscNoService, "PcscNoService", "The smart card service (pcscd) is not running; start it and try again.", "Dịch vụ thẻ thông minh (pcscd) chưa chạy; hãy khởi động rồi thử lại."},
  {Errc::PinIncorrectCountLow, "PinIncorrectCountLow", "The PIN is wrong. The token says few tries are left before it locks.", "PIN không đúng. Token báo chỉ còn ít lần thử trước khi bị khóa."},
  {Errc::PinIncorrectFinalTry, "PinIncorrectFinalTry", "The PIN is wrong. Only one try is left: one more wrong PIN locks the token.", "PIN không đúng. Chỉ còn một lần thử: nhập sai thêm một lần token sẽ bị khóa."},
  {Errc::PinIncorrectNowLocked, "PinIncorrectNowLocked", "The PIN is wrong and the token is now locked; ask the IT officer to request restoration.", "PIN không đúng và token đã bị khóa; hãy nhờ cán bộ CNTT đề nghị khôi phục."},
  {Errc::PinPadEnter, "PinPadEnter", "Enter the PIN on the reader.", "Hãy nhập PIN trên đầu đọc."},
  {Errc::SoPinIncorrect, "SoPinIncorrect", "The administrator (SO) PIN is wrong.", "PIN quản trị (SO) không đúng."},
  {Errc::CertificateMalformed, "CertificateMalformed", "The certificate cannot be read.", "Không đọc được chứng thư số."},
  {Errc::ChainIncomplete, "ChainIncomplete", "The certificate chain is incomplete: an issuing CA certificate is missing.", "Chuỗi chứng thư chưa đầy đủ: thiếu chứng thư của CA cấp."},
  {Errc::ChainUntrusted, "ChainUntrusted", "The certificate does not chain to a trusted root.", "Chứng thư không dẫn tới CA gốc tin cậy."},
  {Errc::CertificateExpired, "CertificateExpired", "The certificate had expired at the time that counts.", "Chứng thư số đã hết hạn tại thời điểm xét."},
  {Errc::CertificateNotYetValid, "CertificateNotYetValid", "The certificate was not yet valid at the time that counts.", "Chứng thư số chưa có hiệu lực tại thời điểm xét."},
  {Errc::CertificateRevoked, "CertificateRevoked", "The certificate has been revoked.", "Chứng thư số đã bị thu hồi."},
  {Errc::RevocationUnknown, "RevocationUnknown", "Whether the certificate is revoked could not be checked.", "Không kiểm tra được chứng thư số có bị thu hồi hay không."},
  {Errc::KeyUsageNotAllowed, "KeyUsageNotAllowed", "The certificate is not allowed for this use.", "Chứng thư số không được phép dùng cho mục đích này."},
  {Errc::AnchorChecksumMismatch, "AnchorChecksumMismatch", "A shipped root certificate does not match its checksum; the installation is damaged.", "Chứng thư gốc kèm theo không khớp mã kiểm tra; bản cài đặt bị hỏng."},
  {Errc::HttpFailed, "HttpFailed", "The server could not be reached.", "Không kết nối được máy chủ."},
  {Errc::HttpTimeout, "HttpTimeout", "The server did not answer in time.", "Máy chủ không trả lời kịp."},
  {Errc::HttpTooLarge, "HttpTooLarge", "The server's answer was too large.", "Câu trả lời của máy chủ quá lớn."},
  {Errc::OcspResponseInvalid, "OcspResponseInvalid", "The OCSP answer is not valid.", "Câu trả lời OCSP không hợp lệ."},
  {Errc::CrlInvalid, "CrlInvalid", "The revocation list (CRL) is not valid.", "Danh sách thu hồi (CRL) không hợp lệ."},
  {Errc::TimestampInvalid, "TimestampInvalid", "The timestamp is not valid.", "Dấu thời gian không hợp lệ."},
  {Errc::TimestampImprintMismatch, "TimestampImprintMismatch", "The timestamp was made for other data.", "Dấu thời gian được cấp cho dữ liệu khác."},
  {Errc::TimestampNonceMismatch, "TimestampNonceMismatch", "The timestamp answer does not match the request.", "Câu trả lời dấu thời gian không khớp với yêu cầu."},
  {Errc::WeakAlgorithm, "WeakAlgorithm", "The signature uses an algorithm or key size that is no longer safe.", "Chữ ký dùng thuật toán hoặc độ dài khóa không còn an toàn."},
  {Errc::CmsMalformed, "CmsMalformed", "The signature data cannot be read.", "Không đọc được dữ liệu chữ ký."},
  {Errc::CmsNoSigner, "CmsNoSigner", "The signature data holds no signer.", "Dữ liệu chữ ký không có người ký."},
  {Errc::CmsDigestMismatch, "CmsDigestMismatch", "The signed content has been changed.", "Nội dung đã ký đã bị thay đổi."},
  {Errc::CmsSignatureInvalid, "CmsSignatureInvalid", "The signature value does not verify.", "Giá trị chữ ký không hợp lệ."},
  {Errc::CmsAlgorithmMismatch, "CmsAlgorithmMismatch", "The signature's algorithms do not agree with each other.", "Các thuật toán trong chữ ký không nhất quán."},
  {Errc::CmsUnknownAlgorithm, "CmsUnknownAlgorithm", "The signature uses an unknown algorithm.", "Chữ ký dùng thuật toán không xác định."},
  {Errc::CmsSigningCertificateMismatch, "CmsSigningCertificateMismatch", "The signature names a different signing certificate.", "Chữ ký chỉ định một chứng thư ký khác."},
  {Errc::CmsUnexpectedContent, "CmsUnexpectedContent", "A detached signature carries content inside it.", "Chữ ký tách rời lại chứa nội dung bên trong."},
  {Errc::NotAPdf, "NotAPdf", "The file is not a PDF.", "Tệp không phải PDF."},
  {Errc::PdfDamaged, "PdfDamaged", "The PDF is damaged (its cross-reference table is broken).", "Tệp PDF bị hỏng (bảng tham chiếu chéo bị lỗi)."},
  {Errc::PdfEncrypted, "PdfEncrypted", "The PDF is encrypted (password-protected); kyso cannot open encrypted PDFs yet. Ask for a copy without a password.", "Tệp PDF đã được mã hóa (có mật khẩu); kyso chưa mở được tệp PDF mã hóa. Hãy xin bản không đặt mật khẩu."},
  {Errc::PdfCertifiedLocked, "PdfCertifiedLocked", "The PDF is certified with no changes allowed; it cannot be signed again.", "Tệp PDF đã được chứng nhận không cho phép thay đổi; không thể ký thêm."},
  {Errc::PdfNoSignature, "PdfNoSignature", "The PDF has no signature.", "Tệp PDF không có chữ ký."},
  {Errc::PdfByteRangeInvalid, "PdfByteRangeInvalid", "The signature's byte range is not valid.", "Phạm vi byte của chữ ký không hợp lệ."},
  {Errc::PdfPlaceholderTooSmall, "PdfPlaceholderTooSmall", "The space reserved for the signature is too small.", "Vùng dành cho chữ ký quá nhỏ."},
  {Errc::PdfFieldNotFound, "PdfFieldNotFound", "The signature field was not found.", "Không tìm thấy trường chữ ký."},
  {Errc::PdfPageOutOfRange, "PdfPageOutOfRange", "The page number is outside the document.", "Số trang nằm ngoài tài liệu."},
  {Errc::PdfModifiedAfterSigning, "PdfModifiedAfterSigning", "The document was changed after it was signed.", "Tài liệu đã bị thay đổi sau khi ký."},
  {Errc::PdfTooComplex, "PdfTooComplex", "The PDF is too complex to check safely.", "Tệp PDF quá phức tạp để kiểm tra an toàn."},
  {Errc::ImageInvalid, "ImageInvalid", "The image is not a valid PNG or JPEG file.", "Ảnh không phải tệp PNG hay JPEG hợp lệ."},
  {Errc::ImageTooLarge, "ImageTooLarge", "The image is too large.", "Ảnh quá lớn."},
  {Errc::FontMissing, "FontMissing", "The font was not found; install fonts-liberation2 or fonts-croscore.", "Không tìm thấy phông chữ; hãy cài fonts-liberation2 hoặc fonts-croscore."},
  {Errc::TextDoesNotFit, "TextDoesNotFit", "The text does not fit in the space given.", "Văn bản không vừa vùng đã chọn."},
  {Errc::RectangleOffPage, "RectangleOffPage", "The signature's rectangle lies outside the page.", "Khung chữ ký nằm ngoài trang."},
  {Errc::PlacementNotFound, "PlacementNotFound", "The signer's title and name were not found on the page; give a position with --rect.", "Không tìm thấy chức vụ và họ tên người ký trên trang; hãy chỉ định vị trí bằng --rect."},
  {Errc::TemplateInvalid, "TemplateInvalid", "The appearance template is not valid.", "Mẫu hiển thị chữ ký không hợp lệ."},
  {Errc::ImageNoAlpha, "ImageNoAlpha", "The image has no transparency; it is used as it is (use --white-transparent to make white transparent).", "Ảnh không có nền trong suốt; ảnh được dùng nguyên trạng (dùng --white-transparent để làm nền trắng trong suốt)."},
  {Errc::StampOverText, "StampOverText", "No free space was found in the top half of the page for the stamp; it is placed at the top right, over the text.", "Không tìm được khoảng trống ở nửa trên của trang để đóng dấu; dấu được đặt ở góc trên bên phải, đè lên chữ."},
  {Errc::ApprovalNotFound, "ApprovalNotFound", "No approval signature was found on the page to place the seal over; give a position with --rect.", "Không tìm thấy chữ ký phê duyệt trên trang để đóng dấu; hãy chỉ định vị trí bằng --rect."},
  {Errc::DbOpenFailed, "DbOpenFailed", "The inventory database cannot be opened.", "Không mở được cơ sở dữ liệu quản lý."},
  {Errc::DbNotADatabase, "DbNotADatabase", "The file is not an inventory database.", "Tệp không phải cơ sở dữ liệu quản lý."},
  {Errc::DbSchemaTooNew, "DbSchemaTooNew", "The database was made by a newer kyso; update kyso.", "Cơ sở dữ liệu do phiên bản kyso mới hơn tạo; hãy cập nhật kyso."},
  {Errc::DbReadOnly, "DbReadOnly", "The database is read-only.", "Cơ sở dữ liệu chỉ cho phép đọc."},
  {Errc::DbConflict, "DbConflict", "The record was changed by someone else; reload it and try again.", "Bản ghi đã bị người khác thay đổi; hãy tải lại và thử lại."},
  {Errc::DbConstraint, "DbConstraint", "The change conflicts with existing records.", "Thay đổi mâu thuẫn với dữ liệu hiện có."},
  {Errc::DbNotFound, "DbNotFound", "No such record.", "Không có bản ghi này."},
  {Errc::TransitionNotAllowed, "TransitionNotAllowed", "This change of state is not allowed.", "Không được phép chuyển sang trạng thái này."},
  {Errc::EvidenceMissing, "EvidenceMissing", "This change of state cannot be recorded as it is.", "Chưa ghi được lần đổi trạng thái này."},
  {Errc::CsvInvalid, "CsvInvalid", "The spreadsheet has rows that are not valid; nothing was imported.", "Bảng tính có dòng không hợp lệ; chưa nhập dòng nào."},
  {Errc::AuditChainBroken, "AuditChainBroken", "The audit log has been edited or has entries missing.", "Nhật ký kiểm toán đã bị sửa hoặc bị xóa mục."},
  {Errc::PermissionDenied, "PermissionDenied", "You are not allowed to make this change.", "Bạn không có quyền thực hiện thay đổi này."},
  {Errc::ComponentUnavailable, "ComponentUnavailable", "A part of kyso needed for this task is missing or cannot be loaded; reinstall kyso.", "Thiếu hoặc không nạp được một thành phần của kyso cần cho việc này; hãy cài lại kyso."},
  {Errc::LetterPlaceNotFound, "LetterPlaceNotFound", "The letter has no empty place for the document number (after \"Số:\") or the issue date (\"ngày ... tháng ... năm ...\") that the template fills in.", "Văn bản không có chỗ trống để ghi số văn bản (sau \"Số:\") hoặc ngày ban hành (\"ngày ... tháng ... năm ...\") theo mẫu."},
  {Errc::LetterAlreadyFilled, "LetterAlreadyFilled", "The letter already has a document number or issue date there; kyso does not write over it.", "Văn bản đã có số hoặc ngày ban hành ở vị trí đó; kyso không ghi đè."},
  {Errc::PinCountLowReported, "PinCountLowReported", "The token reports that a wrong PIN was entered recently; few tries may be left before it locks.", "Token báo rằng gần đây đã có lần nhập sai PIN; có thể chỉ còn ít lần thử trước khi bị khóa."},
  {Errc::PinFileExposed, "PinFileExposed", "Other users can read or change the PIN file; make it private first (chmod 600 FILE).", "Người dùng khác đọc hoặc sửa được tệp PIN; hãy để tệp ở chế độ riêng tư trước (chmod 600 TỆP)."},
  {Errc::AuditSealInvalid, "AuditSealInvalid", "This is not a readable kyso audit seal.", "Đây không phải là dấu niêm phong nhật ký kiểm toán của kyso đọc được."},
  {Errc::AuditSealBroken, "AuditSealBroken", "A seal shows that the audit log was changed after it was sealed, or the seal's signature is not valid.", "Dấu niêm phong cho thấy nhật ký kiểm toán đã bị thay đổi sau khi niêm phong, hoặc chữ ký của dấu niêm phong không hợp lệ."},
  {Errc::XmlMalformed, "XmlMalformed", "The file is not well-formed XML.", "Tệp không phải XML hợp lệ (sai cú pháp)."},
  {Errc::XmlDtdRefused, "XmlDtdRefused", "The XML declares a document type (DOCTYPE); kyso refuses it, because its entities can expand without end or read other files.", "Tệp XML khai báo kiểu tài liệu (DOCTYPE); kyso từ chối vì các thực thể trong đó có thể bung ra vô hạn hoặc đọc tệp khác."},
  {Errc::XmlPlaceNotFound, "XmlPlaceNotFound", "The element the signature covers or goes into is not in the XML.", "Không tìm thấy trong tệp XML phần tử được ký hoặc phần tử chứa chữ ký."},
  {Errc::XmlIdNotUnique, "XmlIdNotUnique", "Two elements of the XML carry the Id to be signed, so a verifier could check one and a program read the other.", "Hai phần tử trong tệp XML mang cùng Id cần ký, nên phần mềm kiểm tra có thể kiểm một phần tử còn chương trình lại đọc phần tử kia."},
  {Errc::XmlSignatureWouldBreak, "XmlSignatureWouldBreak", "A signature already in the file covers the place where the new signature would go: signing would make it fail.", "Một chữ ký đã có trong tệp bao trùm vị trí đặt chữ ký mới: ký thêm sẽ làm chữ ký đó mất hiệu lực."},
  {Errc::XmlSigningFailed, "XmlSigningFailed", "The XML signature could not be made.", "Không tạo được chữ ký XML."},
  {Errc::ServiceRequestInvalid, "ServiceRequestInvalid", "The document system sent a request kyso cannot read.", "Hệ thống văn bản gửi một yêu cầu kyso không đọc được."},
  {Errc::ServiceCallUnsupported, "ServiceCallUnsupported", "kyso does not do this call of the signing plug-in yet.", "kyso chưa làm được lệnh này của phần mềm ký số."},
  {Errc::ServiceSiteRefused, "ServiceSiteRefused", "This web site is not allowed to ask for signatures.", "Trang web này không được phép yêu cầu ký số."},
  {Errc::ServiceAddressRefused, "ServiceAddressRefused", "The document's address is not on the site that asked; kyso does not fetch or send it.", "Địa chỉ của văn bản không thuộc trang web yêu cầu; kyso không tải về và không gửi đi."},
  {Errc::ServiceBusy, "ServiceBusy", "kyso is signing another document; try again when it is done.", "kyso đang ký một văn bản khác; hãy thử lại khi xong."},
  {Errc::ServiceDeclined, "ServiceDeclined", "The signature was declined.", "Người dùng đã từ chối ký."},
  {Errc::ServiceUploadRefused, "ServiceUploadRefused", "The document system did not accept the signed file.", "Hệ thống văn bản không nhận tệp đã ký."},
  {Errc::ServiceTlsSetupFailed, "ServiceTlsSetupFailed", "kyso's local certificate for the signing service could not be made or read.", "Không tạo hoặc đọc được chứng thư cục bộ của dịch vụ ký số."},
  {Errc::ServiceImageMissing, "ServiceImageMissing", "No seal image is set for the signing service; set it in kyso's settings.", "Dịch vụ ký số chưa có ảnh con dấu; hãy chọn ảnh trong phần cài đặt của kyso."},
  {Errc::ServiceBatchIncomplete, "ServiceBatchIncomplete", "Some documents of the batch were not signed or not sent; each file's answer says why.", "Một số văn bản trong lô chưa được ký hoặc chưa được gửi đi; xem lý do ở kết quả của từng tệp."},
};
// clang-format on
static_assert(std::size(kErrcRows) == static_cast<std::size_t>(Errc::Count_),
              "every kyso::Errc needs a row in kErrcRows");
constexpr bool errcRowsInOrder() {
  for (std::size_t i = 0; i < std::size(kErrcRows); ++i)
    if (static_cast<std::size_t>(kErrcRows[i].code) != i) return false;
  return true;
}
static_assert(errcRowsInOrder(), "kErrcRows must list the codes in enum order");

struct CkrRow {
  unsigned long code;
  const char* name;
  const char* en;
  const char* vi;
};

// clang-format off
constexpr CkrRow kCkrRows[] = {
  {0x000, "CKR_OK", "Done.", "Đã xong."},
  {0x001, "CKR_CANCEL", "Cancelled.", "Đã hủy."},
  {0x002, "CKR_HOST_MEMORY", "The computer ran out of memory.", "Máy tính hết bộ nhớ."},
  {0x003, "CKR_SLOT_ID_INVALID", "The token slot does not exist.", "Khe token không tồn tại."},
  {0x005, "CKR_GENERAL_ERROR", "The token reported a general failure.", "Token báo lỗi chung."},
  {0x006, "CKR_FUNCTION_FAILED", "The token could not do this.", "Token không thực hiện được thao tác này."},
  {0x007, "CKR_ARGUMENTS_BAD", "The token driver was called wrongly (a kyso bug).", "Trình điều khiển token bị gọi sai (lỗi của kyso)."},
  {0x00A, "CKR_ATTRIBUTE_SENSITIVE", "The token does not reveal this value.", "Token không cho đọc giá trị này."},
  {0x012, "CKR_ATTRIBUTE_TYPE_INVALID", "The token does not know this attribute.", "Token không hỗ trợ thuộc tính này."},
  {0x013, "CKR_ATTRIBUTE_VALUE_INVALID", "The token refused a value.", "Token từ chối một giá trị."},
  {0x020, "CKR_DATA_INVALID", "The token refused the data to sign.", "Token từ chối dữ liệu cần ký."},
  {0x021, "CKR_DATA_LEN_RANGE", "The data to sign has the wrong length for this key.", "Dữ liệu cần ký có độ dài không phù hợp với khóa."},
  {0x030, "CKR_DEVICE_ERROR", "The token has a hardware fault.", "Token bị lỗi phần cứng."},
  {0x031, "CKR_DEVICE_MEMORY", "The token is full.", "Bộ nhớ token đã đầy."},
  {0x032, "CKR_DEVICE_REMOVED", "The token was removed; plug it in again and retry.", "Token đã bị rút ra; hãy cắm lại và thử lại."},
  {0x050, "CKR_FUNCTION_CANCELED", "Cancelled.", "Đã hủy."},
  {0x054, "CKR_FUNCTION_NOT_SUPPORTED", "The token does not support this operation.", "Token không hỗ trợ thao tác này."},
  {0x060, "CKR_KEY_HANDLE_INVALID", "The key is no longer on the token.", "Khóa không còn trên token."},
  {0x062, "CKR_KEY_SIZE_RANGE", "The token does not support this key size.", "Token không hỗ trợ độ dài khóa này."},
  {0x063, "CKR_KEY_TYPE_INCONSISTENT", "The key does not fit this algorithm.", "Khóa không phù hợp với thuật toán."},
  {0x068, "CKR_KEY_FUNCTION_NOT_PERMITTED", "The key is not allowed to sign.", "Khóa không được phép ký."},
  {0x070, "CKR_MECHANISM_INVALID", "The token cannot sign with this algorithm.", "Token không ký được bằng thuật toán này."},
  {0x071, "CKR_MECHANISM_PARAM_INVALID", "The token refused the algorithm's parameters.", "Token từ chối tham số của thuật toán."},
  {0x082, "CKR_OBJECT_HANDLE_INVALID", "The object is no longer on the token.", "Đối tượng không còn trên token."},
  {0x090, "CKR_OPERATION_ACTIVE", "The token is busy with another operation.", "Token đang bận thao tác khác."},
  {0x091, "CKR_OPERATION_NOT_INITIALIZED", "The token operation was not started (a kyso bug).", "Thao tác trên token chưa được khởi tạo (lỗi của kyso)."},
  {0x0A0, "CKR_PIN_INCORRECT", "The PIN is wrong.", "PIN không đúng."},
  {0x0A1, "CKR_PIN_INVALID", "The PIN contains characters the token does not accept.", "PIN chứa ký tự token không chấp nhận."},
  {0x0A2, "CKR_PIN_LEN_RANGE", "The PIN is too short or too long for this token.", "PIN quá ngắn hoặc quá dài với token này."},
  {0x0A3, "CKR_PIN_EXPIRED", "The PIN has expired; change it first.", "PIN đã hết hạn; hãy đổi PIN trước."},
  {0x0A4, "CKR_PIN_LOCKED", "The PIN is locked; ask the IT officer to request restoration.", "PIN đã bị khóa; hãy nhờ cán bộ CNTT đề nghị khôi phục."},
  {0x0B0, "CKR_SESSION_CLOSED", "The token session was closed.", "Phiên làm việc với token đã đóng."},
  {0x0B1, "CKR_SESSION_COUNT", "The token has too many open sessions.", "Token có quá nhiều phiên đang mở."},
  {0x0B3, "CKR_SESSION_HANDLE_INVALID", "The token session is no longer valid; the token may have been removed.", "Phiên làm việc không còn hợp lệ; có thể token đã bị rút."},
  {0x0B5, "CKR_SESSION_READ_ONLY", "The token session is read-only.", "Phiên làm việc chỉ cho phép đọc."},
  {0x0B6, "CKR_SESSION_EXISTS", "A session with the token is already open.", "Đã có phiên làm việc với token."},
  {0x0B7, "CKR_SESSION_READ_ONLY_EXISTS", "A read-only session prevents this operation.", "Một phiên chỉ đọc đang ngăn thao tác này."},
  {0x0B8, "CKR_SESSION_READ_WRITE_SO_EXISTS", "An administrator session is open.", "Đang có phiên quản trị mở."},
  {0x0C0, "CKR_SIGNATURE_INVALID", "The signature does not verify.", "Chữ ký không hợp lệ."},
  {0x0C1, "CKR_SIGNATURE_LEN_RANGE", "The signature has the wrong length.", "Chữ ký có độ dài sai."},
  {0x0E0, "CKR_TOKEN_NOT_PRESENT", "No token is in the reader; plug it in and retry.", "Không có token trong đầu đọc; hãy cắm token rồi thử lại."},
  {0x0E1, "CKR_TOKEN_NOT_RECOGNIZED", "The token is not recognised by this driver.", "Trình điều khiển không nhận ra token."},
  {0x0E2, "CKR_TOKEN_WRITE_PROTECTED", "The token is write-protected.", "Token đang chống ghi."},
  {0x100, "CKR_USER_ALREADY_LOGGED_IN", "You are already logged in to the token.", "Đã đăng nhập token."},
  {0x101, "CKR_USER_NOT_LOGGED_IN", "Log in to the token first.", "Hãy đăng nhập token trước."},
  {0x102, "CKR_USER_PIN_NOT_INITIALIZED", "The token has no user PIN yet; initialise it with the SO PIN.", "Token chưa có PIN người dùng; hãy khởi tạo bằng PIN SO."},
  {0x103, "CKR_USER_TYPE_INVALID", "The token refused this kind of login.", "Token từ chối kiểu đăng nhập này."},
  {0x104, "CKR_USER_ANOTHER_ALREADY_LOGGED_IN", "Another user is logged in to the token.", "Người dùng khác đang đăng nhập token."},
  {0x150, "CKR_BUFFER_TOO_SMALL", "The token's answer did not fit (a kyso bug).", "Câu trả lời của token không vừa bộ đệm (lỗi của kyso)."},
  {0x190, "CKR_CRYPTOKI_NOT_INITIALIZED", "The token driver was not initialised (a kyso bug).", "Trình điều khiển token chưa được khởi tạo (lỗi của kyso)."},
  {0x191, "CKR_CRYPTOKI_ALREADY_INITIALIZED", "The token driver is already in use by this program.", "Trình điều khiển token đã được chương trình này khởi tạo."},
};

struct PcscRow {
  long code;
  const char* name;
  const char* en;
  const char* vi;
};

constexpr PcscRow kPcscRows[] = {
  {0x00000000L, "SCARD_S_SUCCESS", "Done.", "Đã xong."},
  {static_cast<long>(0x80100002L), "SCARD_E_CANCELLED", "Cancelled.", "Đã hủy."},
  {static_cast<long>(0x80100003L), "SCARD_E_INVALID_HANDLE", "The smart card handle is no longer valid.", "Kết nối thẻ không còn hợp lệ."},
  {static_cast<long>(0x80100009L), "SCARD_E_UNKNOWN_READER", "The reader is no longer connected.", "Đầu đọc không còn được kết nối."},
  {static_cast<long>(0x8010000AL), "SCARD_E_TIMEOUT", "The smart card service did not answer in time.", "Dịch vụ thẻ không trả lời kịp."},
  {static_cast<long>(0x8010000CL), "SCARD_E_NO_SMARTCARD", "No card or token is in the reader.", "Không có thẻ hoặc token trong đầu đọc."},
  {static_cast<long>(0x8010001DL), "SCARD_E_NO_SERVICE", "The smart card service (pcscd) is not running; start it and try again.", "Dịch vụ thẻ thông minh (pcscd) chưa chạy; hãy khởi động rồi thử lại."},
  {static_cast<long>(0x8010001EL), "SCARD_E_SERVICE_STOPPED", "The smart card service (pcscd) stopped.", "Dịch vụ thẻ thông minh (pcscd) đã dừng."},
  {static_cast<long>(0x8010002EL), "SCARD_E_NO_READERS_AVAILABLE", "No card reader or token is connected.", "Không có đầu đọc hoặc token nào được kết nối."},
  {static_cast<long>(0x80100017L), "SCARD_E_READER_UNAVAILABLE", "The reader is not available.", "Đầu đọc không sẵn sàng."},
  {static_cast<long>(0x80100069L), "SCARD_W_REMOVED_CARD", "The card or token was removed.", "Thẻ hoặc token đã bị rút ra."},
  {static_cast<long>(0x80100001L), "SCARD_F_INTERNAL_ERROR", "The smart card service failed.", "Dịch vụ thẻ thông minh bị lỗi."},
};
// clang-format on

std::string hex(unsigned long v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%lx", v);
  return buf;
}

}  // namespace

Lang defaultLang() {
  for (const char* var : {"KYSO_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(var);
    if (v && *v) return std::strncmp(v, "vi", 2) == 0 ? Lang::Vi : Lang::En;
  }
  return Lang::En;
}

std::string_view errcSentence(Errc e, Lang lang) {
  auto i = static_cast<std::size_t>(e);
  if (i >= std::size(kErrcRows)) return lang == Lang::Vi ? "Lỗi không xác định." : "Unknown error.";
  return lang == Lang::Vi ? kErrcRows[i].vi : kErrcRows[i].en;
}

std::string_view errcName(Errc e) {
  auto i = static_cast<std::size_t>(e);
  return i < std::size(kErrcRows) ? kErrcRows[i].name : "Unknown";
}

std::string ckrSentence(unsigned long rv, Lang lang) {
  for (const auto& r : kCkrRows)
    if (r.code == rv) return lang == Lang::Vi ? r.vi : r.en;
  return (lang == Lang::Vi ? "Token báo lỗi " : "The token reported error ") + hex(rv) + ".";
}

std::string ckrName(unsigned long rv) {
  for (const auto& r : kCkrRows)
    if (r.code == rv) return r.name;
  return hex(rv);
}

std::string pcscSentence(long rv, Lang lang) {
  for (const auto& r : kPcscRows)
    if (r.code == rv) return lang == Lang::Vi ? r.vi : r.en;
  return (lang == Lang::Vi ? "Dịch vụ thẻ báo lỗi " : "The smart card service reported error ") +
         hex(static_cast<unsigned long>(rv) & 0xffffffffUL) + ".";
}

std::string pcscName(long rv) {
  for (const auto& r : kPcscRows)
    if (r.code == rv) return r.name;
  return hex(static_cast<unsigned long>(rv) & 0xffffffffUL);
}

std::string describe(const Error& e, Lang lang) {
  std::string s;
  if (e.kind != Errc::Ok) {
    s = errcSentence(e.kind, lang);
  } else {
    switch (e.domain) {
      case Domain::Kyso:
        s = errcSentence(static_cast<Errc>(e.code), lang);
        break;
      case Domain::Pkcs11:
        s = ckrSentence(static_cast<unsigned long>(e.code), lang);
        break;
      case Domain::Pcsc:
        s = pcscSentence(e.code, lang);
        break;
      case Domain::Posix:
        s = lang == Lang::Vi ? "Lỗi hệ thống: " : "System error: ";
        s += std::strerror(static_cast<int>(e.code));
        s += ".";
        break;
      case Domain::OpenSsl:
        s = lang == Lang::Vi ? "Lỗi xử lý mật mã." : "A cryptographic operation failed.";
        break;
      case Domain::Sqlite:
      case Domain::Postgres:
        s = lang == Lang::Vi ? "Lỗi cơ sở dữ liệu." : "A database operation failed.";
        break;
      case Domain::Http:
        s = errcSentence(Errc::HttpFailed, lang);
        break;
    }
  }
  const std::string detail = detailSentence(e.detail, e.context, lang);
  if (!detail.empty()) s += " (" + detail + ")";
  return s;
}

const unsigned long* knownCkrCodes(std::size_t* count) {
  static std::array<unsigned long, std::size(kCkrRows)> codes = [] {
    std::array<unsigned long, std::size(kCkrRows)> a{};
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = kCkrRows[i].code;
    return a;
  }();
  *count = codes.size();
  return codes.data();
}

const long* knownPcscCodes(std::size_t* count) {
  static std::array<long, std::size(kPcscRows)> codes = [] {
    std::array<long, std::size(kPcscRows)> a{};
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = kPcscRows[i].code;
    return a;
  }();
  *count = codes.size();
  return codes.data();
}

}  // namespace kyso
