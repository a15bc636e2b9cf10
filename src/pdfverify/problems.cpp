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

// In enum order (checked below and by a test). The English sentences are matched back to their
// row, so no template may be a prefix pattern of another one listed before it.
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
    {Problem::CmsChainNotTrusted, "cms-chain-not-trusted",
     "The certificate chain ends in {1}, which is not a trusted anchor.",
     "Chuỗi chứng thư kết thúc ở {1}, không phải là chứng thư gốc được tin cậy."},
    {Problem::CmsIssuerMissing, "cms-issuer-missing", "The issuer certificate is missing: {1}.",
     "Thiếu chứng thư của tổ chức cấp: {1}."},
    {Problem::CmsCertNotValidAt, "cms-cert-not-valid-at",
     "A certificate in the chain was not valid at {1} ({2}).",
     "Một chứng thư trong chuỗi không có hiệu lực tại thời điểm {1} ({2})."},
    {Problem::CmsUsageNotAllowed, "cms-usage-not-allowed",
     "The signer certificate is not allowed for signing: {1}.",
     "Chứng thư của người ký không được phép dùng để ký: {1}."},
    {Problem::CmsChainInvalid, "cms-chain-invalid", "The certificate chain is not valid: {1}.",
     "Chuỗi chứng thư không hợp lệ: {1}."},
    {Problem::CmsRevocationOff, "cms-revocation-off", "Revocation was not checked (turned off).",
     "Không kiểm tra tình trạng thu hồi chứng thư (chức năng đã tắt)."},
    {Problem::CmsRevokedAfterTimestamp, "cms-revoked-after-timestamp",
     "The certificate of {1} was revoked on {2} ({3}), after the signature timestamp of {4}, which "
     "proves the signature existed before the revocation.",
     "Chứng thư của {1} bị thu hồi ngày {2} ({3}), sau dấu thời gian chữ ký lúc {4}; dấu thời gian "
     "này chứng minh chữ ký có trước khi chứng thư bị thu hồi."},
    {Problem::CmsCertRevokedOn, "cms-cert-revoked",
     "The certificate of {1} was revoked on {2} ({3}).",
     "Chứng thư của {1} đã bị thu hồi ngày {2} ({3})."},
    {Problem::CmsCertRevoked, "cms-cert-revoked", "The certificate of {1} was revoked ({2}).",
     "Chứng thư của {1} đã bị thu hồi ({2})."},
    {Problem::CmsRevocationUnknown, "cms-revocation-unknown",
     "Revocation of {1} could not be checked: {2}.",
     "Không kiểm tra được tình trạng thu hồi chứng thư của {1}: {2}."},
    {Problem::CmsExpiredAfterTimestamp, "cms-expired-after-timestamp",
     "The signer's certificate expired on {1}; the signature timestamp of {2} proves the signature "
     "was made while it was valid.",
     "Chứng thư của người ký hết hạn ngày {1}; dấu thời gian chữ ký lúc {2} chứng minh chữ ký được "
     "tạo khi chứng thư còn hiệu lực."},
    {Problem::CmsTimestampNoPoe, "cms-timestamp-no-poe",
     "The signature timestamp of {1} does not prove the signature existed before that ({2}).",
     "Dấu thời gian chữ ký lúc {1} không chứng minh được chữ ký có trước sự kiện đó ({2})."},
    {Problem::CmsTimestampNotBefore, "cms-timestamp-not-before",
     "The signature timestamp of {1} is not before that, so it does not prove the signature was "
     "made while the certificate was usable.",
     "Dấu thời gian chữ ký lúc {1} không có trước sự kiện đó nên không chứng minh được chữ ký được "
     "tạo khi chứng thư còn dùng được."},
    {Problem::CmsNoTimestampPoe, "cms-no-timestamp-poe",
     "No valid signature timestamp proves the signature was made before that, so its validity "
     "cannot be established.",
     "Không có dấu thời gian chữ ký hợp lệ chứng minh chữ ký được tạo trước sự kiện đó nên không "
     "xác định được hiệu lực của chữ ký."},
    {Problem::CmsDigestUnsupported, "cms-digest-unsupported",
     "The digest algorithm {1} is not supported.", "Thuật toán băm {1} không được hỗ trợ."},
    {Problem::CmsContentNotGiven, "cms-content-not-given", "The signed content was not given.",
     "Không có nội dung đã ký để kiểm tra."},
    {Problem::CmsNoMessageDigest, "cms-no-message-digest",
     "The signed attributes lack a single messageDigest.",
     "Các thuộc tính được ký không có đúng một giá trị messageDigest."},
    {Problem::CmsDigestMismatch, "cms-digest-mismatch",
     "The content does not match the signed message digest: it was changed after signing, or it is "
     "another file.",
     "Nội dung không khớp với giá trị băm đã ký: nội dung đã bị thay đổi sau khi ký, hoặc đây là "
     "một tệp khác."},
    {Problem::CmsNoContentType, "cms-no-content-type",
     "The signed attributes lack the contentType attribute (RFC 5652 5.3).",
     "Các thuộc tính được ký thiếu thuộc tính contentType (RFC 5652, mục 5.3)."},
    {Problem::CmsContentTypeDiffers, "cms-content-type-differs",
     "The signed contentType differs from the encapsulated content type.",
     "Thuộc tính contentType được ký khác với kiểu của nội dung được đóng gói."},
    {Problem::CmsSignerCertMissing, "cms-signer-cert-missing",
     "The signer's certificate is not in the signature, so the signature value cannot be checked.",
     "Chứng thư của người ký không có trong chữ ký nên không kiểm tra được giá trị chữ ký."},
    {Problem::CmsAttributesStoredOrder, "cms-attributes-stored-order",
     "The signature covers the signed attributes in stored order, not DER order (accepted).",
     "Chữ ký được tính trên các thuộc tính theo thứ tự lưu trữ, không theo thứ tự DER (vẫn chấp "
     "nhận)."},
    {Problem::CmsAlgorithmsDisagree, "cms-algorithms-disagree",
     "The signature and digest algorithms do not agree: {1}.",
     "Thuật toán chữ ký và thuật toán băm không tương ứng: {1}."},
    {Problem::CmsSignatureAlgorithmUnsupported, "cms-signature-algorithm-unsupported",
     "The signature algorithm is not supported: {1}.", "Thuật toán chữ ký không được hỗ trợ: {1}."},
    {Problem::CmsSignatureInvalid, "cms-signature-invalid", "The signature value does not verify.",
     "Giá trị chữ ký không đúng."},
    {Problem::CmsSigningCertMismatch, "cms-signing-cert-mismatch",
     "The signing-certificate attribute names another certificate than the one found.",
     "Thuộc tính signing-certificate chỉ đến một chứng thư khác với chứng thư tìm thấy."},
    {Problem::CmsSigningCertUnreadable, "cms-signing-cert-unreadable",
     "The signing-certificate attribute cannot be read.",
     "Không đọc được thuộc tính signing-certificate."},
    {Problem::CmsWeakAccepted, "cms-weak-accepted",
     "Weak algorithm {1} accepted by the policy option.",
     "Thuật toán yếu {1} được chấp nhận theo tùy chọn chính sách."},
    {Problem::CmsWeakAlgorithm, "cms-weak-algorithm",
     "The signature uses {1}, which is no longer considered safe.",
     "Chữ ký dùng {1}, hiện không còn được coi là an toàn."},
    {Problem::CmsCounterSignatureInvalid, "cms-counter-signature-invalid",
     "A counter-signature on this signature is not valid.",
     "Một chữ ký xác nhận (counter-signature) trên chữ ký này không hợp lệ."},
    {Problem::CmsCounterSignatureUnconfirmed, "cms-counter-signature-unconfirmed",
     "A counter-signature on this signature could not be confirmed.",
     "Không xác nhận được một chữ ký xác nhận (counter-signature) trên chữ ký này."},
    {Problem::CmsEmpty, "cms-empty", "The signature file is empty.", "Dữ liệu chữ ký rỗng."},
    {Problem::CmsTooLarge, "cms-too-large", "The signature is larger than 64 MiB.",
     "Chữ ký lớn hơn 64 MiB."},
    {Problem::CmsNotCms, "cms-not-cms", "The data is not a CMS/PKCS#7 structure.",
     "Dữ liệu không phải là cấu trúc CMS/PKCS#7."},
    {Problem::CmsNotSignedData, "cms-not-signed-data", "The CMS structure is not SignedData.",
     "Cấu trúc CMS không phải là SignedData."},
    {Problem::CmsNoSigner, "cms-no-signer", "The signature holds no signer.",
     "Chữ ký không chứa thông tin người ký."},
    {Problem::CmsDetachedEContent, "cms-detached-econtent",
     "A detached signature must not carry eContent.",
     "Chữ ký tách rời không được chứa nội dung được ký (eContent)."},
    {Problem::CmsAlsoCarriesContent, "cms-also-carries-content",
     "The signature also carries content; the given content was checked instead.",
     "Chữ ký cũng chứa nội dung; nội dung được cung cấp đã được kiểm tra thay thế."},
    {Problem::CmsTrailingBytes, "cms-trailing-bytes",
     "Bytes follow the signature structure; they are ignored.",
     "Có dữ liệu nằm sau cấu trúc chữ ký; phần này được bỏ qua."},
    {Problem::CmsContentUnreadable, "cms-content-unreadable", "The content could not be read.",
     "Không đọc được nội dung."},
    {Problem::CmsTimestampInvalid, "cms-timestamp-invalid",
     "The signature timestamp is not valid: {1}.", "Dấu thời gian chữ ký không hợp lệ: {1}."},
    {Problem::CmsPoeAt, "cms-poe-at", "At {1}, {2}.", "Tại thời điểm {1}: {2}."},
    // The events a signature timestamp must come before ({2} of cms-poe-at and the like).
    {Problem::EventRevokedOn, "event-revoked-on", "the certificate of {1} was revoked on {2}",
     "chứng thư của {1} bị thu hồi ngày {2}"},
    {Problem::EventRevoked, "event-revoked", "the certificate of {1} was revoked",
     "chứng thư của {1} bị thu hồi"},
    {Problem::EventValidUntil, "event-valid-until",
     "the signer's certificate is valid only until {1}",
     "chứng thư của người ký chỉ có hiệu lực đến {1}"},
    {Problem::CmsClaimedTimeBeforeCertificate, "cms-claimed-time-before-certificate",
     "The signing time the signature claims ({1}) is before the signer's certificate was issued "
     "({2}): it is only what the signer's computer said, and is not used to judge the signature.",
     "Thời điểm ký mà chữ ký tự khai ({1}) trước khi chứng thư của người ký được cấp ({2}): đó chỉ "
     "là giờ trên máy người ký, không được dùng để đánh giá chữ ký."},
    {Problem::CmsClaimedTimeInFuture, "cms-claimed-time-in-future",
     "The signing time the signature claims ({1}) is later than the time it was checked at "
     "({2}): it is only what the signer's computer said, and is not used to judge the signature.",
     "Thời điểm ký mà chữ ký tự khai ({1}) muộn hơn thời điểm kiểm tra ({2}): đó chỉ là giờ trên "
     "máy người ký, không được dùng để đánh giá chữ ký."},
    {Problem::CadesWithoutSigningCertificate, "cades-without-signing-certificate",
     "the signature has no signing-certificate-v2 attribute, which PAdES and CAdES baseline "
     "signatures require: it is a plain CMS signature",
     "chữ ký không có thuộc tính signing-certificate-v2 mà chữ ký PAdES và CAdES cơ bản bắt buộc "
     "phải có: đây chỉ là chữ ký CMS thông thường"},
    {Problem::SignatureDictionaryUnreadable, "signature-dictionary-unreadable",
     "the signature dictionary (object {1}) cannot be read: it is damaged or holds a number out "
     "of range",
     "không đọc được từ điển chữ ký (đối tượng {1}): bị hỏng hoặc chứa số vượt giới hạn"},
};

constexpr bool inOrder() {
  if (sizeof(kRows) / sizeof(kRows[0]) != kProblemCount) return false;
  for (std::size_t i = 0; i < kProblemCount; ++i)
    if (static_cast<std::size_t>(kRows[i].problem) != i) return false;
  return true;
}
static_assert(inOrder(), "kRows must follow the Problem order");

// Longer than any sentence of the table with its arguments (names, subjects): such text is left as
// it is. Also bounds the matcher, whose work grows with the square of the length at worst.
constexpr std::size_t kMaxSentence = 4096;

const Row& row(Problem p) {
  auto i = static_cast<std::size_t>(p);
  return kRows[i < kProblemCount ? i : 0];
}

// An English template split at its placeholders: literal text, {N}, literal text, ... A sentence
// matches when it is the literals in order with anything between them (each placeholder takes as
// much as it can, as a greedy regular expression would). Matched by hand, not with std::regex:
// libstdc++'s regex recurses once per character and a long argument (a name from a hostile PDF)
// overflowed the stack (found by the fuzzer). Recursion here is one level per placeholder.
struct Pattern {
  std::vector<std::string> literals;  // placeholders + 1 pieces
  std::vector<int> slots;             // which argument each placeholder fills
};

Pattern compile(const char* t) {
  Pattern p;
  p.literals.emplace_back();
  for (const char* c = t; *c; ++c) {
    if (c[0] == '{' && c[1] >= '1' && c[1] <= '9' && c[2] == '}') {
      p.slots.push_back(c[1] - '1');
      p.literals.emplace_back();
      c += 2;
      continue;
    }
    p.literals.back() += *c;
  }
  return p;
}

// Matches placeholders k.. of `p` against s[pos..]; groups[k..] receive what they take.
bool matchFrom(const Pattern& p, std::string_view s, std::size_t k, std::size_t pos,
               std::vector<std::string_view>& groups) {
  const std::string& after = p.literals[k + 1];
  if (k + 1 == p.slots.size()) {  // the last placeholder: the rest up to the final literal
    if (s.size() < pos + after.size() || s.substr(s.size() - after.size()) != after) return false;
    groups[k] = s.substr(pos, s.size() - after.size() - pos);
    return true;
  }
  // Greedy: the last occurrence of the next literal first, then earlier ones.
  for (std::size_t q = s.rfind(after); q != std::string_view::npos && q >= pos;
       q = q == 0 ? std::string_view::npos : s.rfind(after, q - 1)) {
    groups[k] = s.substr(pos, q - pos);
    if (matchFrom(p, s, k + 1, q + after.size(), groups)) return true;
  }
  return false;
}

bool match(const Pattern& p, std::string_view s, std::vector<std::string_view>& groups) {
  const std::string& head = p.literals.front();
  const std::string& tail = p.literals.back();
  if (s.substr(0, head.size()) != head) return false;
  if (p.slots.empty()) return s.size() == head.size();
  if (s.size() < head.size() + tail.size() || s.substr(s.size() - tail.size()) != tail)
    return false;
  groups.assign(p.slots.size(), {});
  return matchFrom(p, s, 0, head.size(), groups);
}

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> all = [] {
    std::vector<Pattern> v;
    v.reserve(kProblemCount);
    for (const Row& r : kRows) v.push_back(compile(r.en));
    return v;
  }();
  return all;
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

std::optional<ProblemMatch> findProblem(const std::string& en) {
  if (en.size() > kMaxSentence) return std::nullopt;
  const auto& pats = patterns();
  std::vector<std::string_view> groups;
  for (std::size_t i = 0; i < pats.size(); ++i) {
    if (!match(pats[i], en, groups)) continue;
    ProblemMatch out{static_cast<Problem>(i), {}};
    for (std::size_t g = 0; g < pats[i].slots.size(); ++g) {
      auto slot = static_cast<std::size_t>(pats[i].slots[g]);
      if (out.args.size() <= slot) out.args.resize(slot + 1);
      out.args[slot] = std::string(groups[g]);
    }
    return out;
  }
  return std::nullopt;
}

std::string localizeProblem(const std::string& en, Lang lang) {
  if (lang != Lang::Vi) return en;
  auto m = findProblem(en);
  if (!m) return en;
  // An argument may itself be a sentence of the table (the event in "At {1}, {2}."): one level.
  for (auto& arg : m->args)
    if (auto inner = findProblem(arg)) arg = problemSentence(inner->problem, inner->args, lang);
  return problemSentence(m->problem, m->args, lang);
}

}  // namespace kyso::pdfverify
