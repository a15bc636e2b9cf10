#include "src/pdfverify/problems.h"

#include <string_view>

#include "src/pdfverify/change_kinds.h"

namespace kyso::pdfverify {

namespace {

struct Row {
  Problem problem;
  const char* code;
  const char* en;
  const char* vi;
};

// In enum order (checked below and by a test).
constexpr Row kRows[] = {
    {Problem::ByteRangeShape, "byte-range-shape",
     "the byte range is not exactly two ranges of integers",
     "/ByteRange không gồm đúng hai đoạn byte là số nguyên"},
    {Problem::ByteRangeOutOfFile, "byte-range-out-of-file",
     "a byte range number is negative or beyond the end of the file",
     "một số trong /ByteRange là số âm hoặc vượt quá cuối tệp"},
    {Problem::ByteRangeNotAtStart, "byte-range-not-at-start",
     "the byte range does not start at the beginning of the file",
     "/ByteRange không bắt đầu từ đầu tệp"},
    {Problem::ByteRangesOverlap, "byte-ranges-overlap",
     "the two byte ranges overlap or are out of order",
     "hai đoạn byte được ký chồng lên nhau hoặc sai thứ tự"},
    {Problem::ByteRangePastEnd, "byte-range-past-end",
     "the second byte range runs past the end of the file",
     "đoạn byte được ký thứ hai vượt quá cuối tệp"},
    {Problem::GapImpossibleSize, "gap-impossible-size",
     "the gap between the byte ranges has an impossible size",
     "khoảng trống giữa hai đoạn byte được ký có kích thước không hợp lý"},
    {Problem::ContentsUnreadable, "contents-unreadable",
     "the signature's /Contents could not be read from the file",
     "không đọc được giá trị chữ ký (/Contents) từ tệp"},
    {Problem::GapNotContents, "gap-not-contents",
     "the gap between the byte ranges is not the /Contents hex string",
     "khoảng trống giữa hai đoạn byte được ký không phải là chuỗi hex /Contents"},
    {Problem::ContentsOddDigits, "contents-odd-digits",
     "the /Contents hex string has an odd number of digits", "chuỗi hex /Contents có số chữ số lẻ"},
    {Problem::GapNotHex, "gap-not-hex", "the gap between the byte ranges is not only hex digits",
     "khoảng trống giữa hai đoạn byte được ký có ký tự không phải chữ số hex"},
    {Problem::GapNotThisContents, "gap-not-this-contents",
     "the gap between the byte ranges is not this signature's /Contents",
     "khoảng trống giữa hai đoạn byte được ký không phải là /Contents của chữ ký này"},
    {Problem::GapOutsideDictionary, "gap-outside-dictionary",
     "the gap between the byte ranges lies outside the signature dictionary",
     "khoảng trống giữa hai đoạn byte được ký nằm ngoài từ điển chữ ký"},
    {Problem::SignedEndNotRevision, "signed-end-not-revision",
     "the signed bytes do not end at the end of a revision (%%EOF)",
     "phần đã ký không kết thúc ở cuối một phiên bản của tài liệu (%%EOF)"},
    {Problem::NoType, "no-type", "the signature dictionary has no /Type (tolerated)",
     "từ điển chữ ký không có /Type (vẫn chấp nhận)"},
    {Problem::WrongType, "wrong-type", "the signature dictionary's /Type is {1}",
     "/Type của từ điển chữ ký là {1}, không đúng quy định"},
    {Problem::NoFilter, "no-filter", "the signature dictionary has no /Filter",
     "từ điển chữ ký không có /Filter"},
    {Problem::NoSubFilter, "no-subfilter", "the signature dictionary has no /SubFilter",
     "từ điển chữ ký không có /SubFilter"},
    {Problem::UnsupportedSubFilter, "unsupported-subfilter",
     "the signature format {1} is not supported", "định dạng chữ ký {1} không được hỗ trợ"},
    {Problem::TimestampWrongType, "timestamp-wrong-type",
     "a document timestamp whose /Type is not /DocTimeStamp",
     "dấu thời gian tài liệu có /Type không phải là /DocTimeStamp"},
    {Problem::DocTimeStampWrongSubFilter, "doctimestamp-wrong-subfilter",
     "a /DocTimeStamp whose /SubFilter is not ETSI.RFC3161",
     "/DocTimeStamp có /SubFilter không phải là ETSI.RFC3161"},
    {Problem::NoContents, "no-contents", "the signature has no /Contents",
     "chữ ký không có giá trị chữ ký (/Contents)"},
    {Problem::SignedRevisionUnreadable, "signed-revision-unreadable",
     "the signed revision cannot be read on its own",
     "không đọc được riêng phiên bản tài liệu đã ký"},
    {Problem::OrphanEofMarkers, "orphan-eof-markers",
     "{1} end-of-file markers are not part of the cross-reference chain",
     "{1} dấu kết thúc tệp (%%EOF) không thuộc chuỗi bảng tham chiếu chéo"},
    {Problem::LargeFileRawSearchSkipped, "large-file-raw-search-skipped",
     "the file is large: the raw search for signature dictionaries outside the form was skipped",
     "tệp có dung lượng lớn: đã bỏ qua việc tìm từ điển chữ ký nằm ngoài biểu mẫu"},
    {Problem::TrailingBytes, "trailing-bytes",
     "{1} bytes after the last end-of-file marker are not part of any revision",
     "{1} byte sau dấu kết thúc tệp cuối cùng không thuộc phiên bản nào của tài liệu"},
    {Problem::UnusedSignatureDictionaries, "unused-signature-dictionaries",
     "{1} signature-like dictionaries in the file are not signatures of the form as it is now "
     "(earlier versions or unused objects); they were not verified",
     "{1} từ điển có dạng chữ ký trong tệp không phải là chữ ký của biểu mẫu hiện tại (phiên bản "
     "trước hoặc đối tượng không dùng đến); các từ điển này không được kiểm tra"},
    {Problem::DictionaryInObjectStream, "dictionary-in-object-stream",
     "the signature dictionary is inside a compressed object stream",
     "từ điển chữ ký nằm trong một luồng đối tượng nén"},
    {Problem::BytesAppended, "bytes-appended",
     "bytes were appended after the signed revision without a new revision",
     "có dữ liệu được nối thêm sau phiên bản đã ký mà không tạo phiên bản mới"},
    {Problem::NoCryptoCheck, "no-crypto-check", "the cryptographic check is not part of this build",
     "bản dựng này không có chức năng kiểm tra mật mã"},
    {Problem::DamagedObject, "damaged-object", "damaged object: {1}", "đối tượng bị hỏng: {1}"},
    {Problem::DamagedDocument, "damaged-document",
     "the document has damaged objects that had to be worked around",
     "tài liệu có đối tượng bị hỏng, chỉ đọc được khi bỏ qua lỗi"},
    {Problem::RevocationFromVri, "revocation-from-vri",
     "revocation from this signature's /VRI entry in the /DSS",
     "thông tin thu hồi lấy từ mục /VRI của chữ ký này trong /DSS"},
    {Problem::RevocationFromDssVriSilent, "revocation-from-dss-vri-silent",
     "revocation from the document's /DSS (its /VRI entry for this signature did not answer)",
     "thông tin thu hồi lấy từ /DSS của tài liệu (mục /VRI của chữ ký này không có thông tin cần "
     "thiết)"},
    {Problem::RevocationFromDss, "revocation-from-dss", "revocation from the document's /DSS",
     "thông tin thu hồi lấy từ /DSS của tài liệu"},
    {Problem::CmsNoUsableSigner, "cms-no-usable-signer",
     "the CMS in /Contents has no usable signer",
     "khối CMS trong /Contents không có thông tin người ký dùng được"},
    {Problem::CmsManySigners, "cms-many-signers",
     "the CMS holds more than one signer; only the first is reported",
     "khối CMS có nhiều hơn một người ký; chỉ báo cáo người ký đầu tiên"},
    {Problem::DetachedWithContent, "detached-with-content",
     "a detached PDF signature must not carry the signed content (eContent)",
     "chữ ký PDF tách rời không được chứa nội dung đã ký (eContent)"},
    {Problem::NoUsableSigner, "no-usable-signer", "no usable signer",
     "không có thông tin người ký dùng được"},
    {Problem::Sha1Mismatch, "sha1-mismatch",
     "the SHA-1 inside the signature does not match the signed bytes",
     "giá trị SHA-1 trong chữ ký không khớp với phần đã ký"},
    {Problem::TimestampUnreadable, "timestamp-unreadable", "the document timestamp is unreadable",
     "không đọc được dấu thời gian tài liệu"},
    {Problem::TimestampHashUnknown, "timestamp-hash-unknown",
     "the timestamp's hash algorithm is unknown",
     "thuật toán băm của dấu thời gian không xác định"},
    {Problem::TimestampNotCovering, "timestamp-not-covering",
     "the timestamp does not cover these bytes", "dấu thời gian không bao phủ phần dữ liệu này"},
    {Problem::TimestampNotVerifying, "timestamp-not-verifying",
     "the timestamp token does not verify", "dấu thời gian không xác minh được"},
    {Problem::UnsupportedFormat, "unsupported-format", "unsupported signature format {1}",
     "định dạng chữ ký {1} không được hỗ trợ"},
    {Problem::CadesWithoutSigningCertificate, "cades-without-signing-certificate",
     "the signature has no signing-certificate-v2 attribute, which PAdES and CAdES baseline "
     "signatures require: it is a plain CMS signature",
     "chữ ký không có thuộc tính signing-certificate-v2 mà chữ ký PAdES và CAdES cơ bản bắt buộc "
     "phải có: đây chỉ là chữ ký CMS thông thường"},
    {Problem::SignatureDictionaryUnreadable, "signature-dictionary-unreadable",
     "the signature dictionary (object {1}) cannot be read: it is damaged or holds a number out "
     "of range",
     "không đọc được từ điển chữ ký (đối tượng {1}): bị hỏng hoặc chứa số vượt giới hạn"},
    // A sentence another layer made in the report's language (an XML finding shown in a
    // document report), and the CMS layer's note (its own table, src/cms/notes.h).
    {Problem::Said, "said", "{1}", "{1}"},
    {Problem::FromCms, "cms", "{1}", "{1}"},
};

constexpr bool inOrder() {
  if (sizeof(kRows) / sizeof(kRows[0]) != kProblemCount) return false;
  for (std::size_t i = 0; i < kProblemCount; ++i)
    if (static_cast<std::size_t>(kRows[i].problem) != i) return false;
  return true;
}
static_assert(inOrder(), "kRows must follow the Problem order");

const Row& row(Problem p) {
  auto i = static_cast<std::size_t>(p);
  return kRows[i < kProblemCount ? i : 0];
}

}  // namespace

const char* problemCode(Problem p) {
  return row(p).code;
}

const char* problemTemplate(Problem p, Lang lang) {
  return lang == Lang::Vi ? row(p).vi : row(p).en;
}

std::string problemSentence(Problem p, const std::vector<std::string>& args, Lang lang) {
  return fillPlaceholders(problemTemplate(p, lang), args);
}

Finding Finding::of(Problem p, std::vector<std::string> args) {
  return Finding{p, std::move(args), {}};
}

Finding Finding::from(cms::Note n) {
  return Finding{Problem::FromCms, {}, std::move(n)};
}

const char* findingCode(const Finding& f) {
  return f.problem == Problem::FromCms && f.cms ? cms::noteCode(f.cms->id) : problemCode(f.problem);
}

std::string findingText(const Finding& f, Lang lang) {
  if (f.problem == Problem::FromCms && f.cms) return cms::noteText(*f.cms, lang);
  return problemSentence(f.problem, f.args, lang);
}

}  // namespace kyso::pdfverify
