#include "src/cms/notes.h"

#include "core/placeholders.h"

namespace kyso::cms {

namespace {

struct Row {
  NoteId id;
  const char* code;
  const char* en;
  const char* vi;
};

// In enum order (checked below).
constexpr Row kRows[] = {
    {NoteId::Detail, "detail", "{1}", "{1}"},
    {NoteId::ChainNotTrusted, "cms-chain-not-trusted",
     "The certificate chain ends in {1}, which is not a trusted anchor.",
     "Chuỗi chứng thư kết thúc ở {1}, không phải là chứng thư gốc được tin cậy."},
    {NoteId::IssuerMissing, "cms-issuer-missing", "The issuer certificate is missing: {1}.",
     "Thiếu chứng thư của tổ chức cấp: {1}."},
    {NoteId::CertNotValidAt, "cms-cert-not-valid-at",
     "A certificate in the chain was not valid at {1} ({2}).",
     "Một chứng thư trong chuỗi không có hiệu lực tại thời điểm {1} ({2})."},
    {NoteId::UsageNotAllowed, "cms-usage-not-allowed",
     "The signer certificate is not allowed for signing: {1}.",
     "Chứng thư của người ký không được phép dùng để ký: {1}."},
    {NoteId::ChainInvalid, "cms-chain-invalid", "The certificate chain is not valid: {1}.",
     "Chuỗi chứng thư không hợp lệ: {1}."},
    {NoteId::RevocationOff, "cms-revocation-off", "Revocation was not checked (turned off).",
     "Không kiểm tra tình trạng thu hồi chứng thư (chức năng đã tắt)."},
    {NoteId::RevokedAfterTimestamp, "cms-revoked-after-timestamp",
     "The certificate of {1} was revoked on {2} ({3}), after the signature timestamp of {4}, which "
     "proves the signature existed before the revocation.",
     "Chứng thư của {1} bị thu hồi ngày {2} ({3}), sau dấu thời gian chữ ký lúc {4}; dấu thời gian "
     "này chứng minh chữ ký có trước khi chứng thư bị thu hồi."},
    {NoteId::CertRevokedOn, "cms-cert-revoked", "The certificate of {1} was revoked on {2} ({3}).",
     "Chứng thư của {1} đã bị thu hồi ngày {2} ({3})."},
    {NoteId::CertRevoked, "cms-cert-revoked", "The certificate of {1} was revoked ({2}).",
     "Chứng thư của {1} đã bị thu hồi ({2})."},
    {NoteId::RevocationUnknown, "cms-revocation-unknown",
     "Revocation of {1} could not be checked: {2}.",
     "Không kiểm tra được tình trạng thu hồi chứng thư của {1}: {2}."},
    {NoteId::ExpiredAfterTimestamp, "cms-expired-after-timestamp",
     "The signer's certificate expired on {1}; the signature timestamp of {2} proves the signature "
     "was made while it was valid.",
     "Chứng thư của người ký hết hạn ngày {1}; dấu thời gian chữ ký lúc {2} chứng minh chữ ký được "
     "tạo khi chứng thư còn hiệu lực."},
    {NoteId::TimestampNoPoe, "cms-timestamp-no-poe",
     "The signature timestamp of {1} does not prove the signature existed before that ({2}).",
     "Dấu thời gian chữ ký lúc {1} không chứng minh được chữ ký có trước sự kiện đó ({2})."},
    {NoteId::TimestampNotBefore, "cms-timestamp-not-before",
     "The signature timestamp of {1} is not before that, so it does not prove the signature was "
     "made while the certificate was usable.",
     "Dấu thời gian chữ ký lúc {1} không có trước sự kiện đó nên không chứng minh được chữ ký được "
     "tạo khi chứng thư còn dùng được."},
    {NoteId::NoTimestampPoe, "cms-no-timestamp-poe",
     "No valid signature timestamp proves the signature was made before that, so its validity "
     "cannot be established.",
     "Không có dấu thời gian chữ ký hợp lệ chứng minh chữ ký được tạo trước sự kiện đó nên không "
     "xác định được hiệu lực của chữ ký."},
    {NoteId::DigestUnsupported, "cms-digest-unsupported",
     "The digest algorithm {1} is not supported.", "Thuật toán băm {1} không được hỗ trợ."},
    {NoteId::ContentNotGiven, "cms-content-not-given", "The signed content was not given.",
     "Không có nội dung đã ký để kiểm tra."},
    {NoteId::NoMessageDigest, "cms-no-message-digest",
     "The signed attributes lack a single messageDigest.",
     "Các thuộc tính được ký không có đúng một giá trị messageDigest."},
    {NoteId::DigestMismatch, "cms-digest-mismatch",
     "The content does not match the signed message digest: it was changed after signing, or it is "
     "another file.",
     "Nội dung không khớp với giá trị băm đã ký: nội dung đã bị thay đổi sau khi ký, hoặc đây là "
     "một tệp khác."},
    {NoteId::NoContentType, "cms-no-content-type",
     "The signed attributes lack the contentType attribute (RFC 5652 5.3).",
     "Các thuộc tính được ký thiếu thuộc tính contentType (RFC 5652, mục 5.3)."},
    {NoteId::ContentTypeDiffers, "cms-content-type-differs",
     "The signed contentType differs from the encapsulated content type.",
     "Thuộc tính contentType được ký khác với kiểu của nội dung được đóng gói."},
    {NoteId::SignerCertMissing, "cms-signer-cert-missing",
     "The signer's certificate is not in the signature, so the signature value cannot be checked.",
     "Chứng thư của người ký không có trong chữ ký nên không kiểm tra được giá trị chữ ký."},
    {NoteId::AttributesStoredOrder, "cms-attributes-stored-order",
     "The signature covers the signed attributes in stored order, not DER order (accepted).",
     "Chữ ký được tính trên các thuộc tính theo thứ tự lưu trữ, không theo thứ tự DER (vẫn chấp "
     "nhận)."},
    {NoteId::AlgorithmsDisagree, "cms-algorithms-disagree",
     "The signature and digest algorithms do not agree: {1}.",
     "Thuật toán chữ ký và thuật toán băm không tương ứng: {1}."},
    {NoteId::SignatureAlgorithmUnsupported, "cms-signature-algorithm-unsupported",
     "The signature algorithm is not supported: {1}.", "Thuật toán chữ ký không được hỗ trợ: {1}."},
    {NoteId::SignatureInvalid, "cms-signature-invalid", "The signature value does not verify.",
     "Giá trị chữ ký không đúng."},
    {NoteId::SigningCertMismatch, "cms-signing-cert-mismatch",
     "The signing-certificate attribute names another certificate than the one found.",
     "Thuộc tính signing-certificate chỉ đến một chứng thư khác với chứng thư tìm thấy."},
    {NoteId::SigningCertUnreadable, "cms-signing-cert-unreadable",
     "The signing-certificate attribute cannot be read.",
     "Không đọc được thuộc tính signing-certificate."},
    {NoteId::WeakAccepted, "cms-weak-accepted", "Weak algorithm {1} accepted by the policy option.",
     "Thuật toán yếu {1} được chấp nhận theo tùy chọn chính sách."},
    {NoteId::WeakAlgorithm, "cms-weak-algorithm",
     "The signature uses {1}, which is no longer considered safe.",
     "Chữ ký dùng {1}, hiện không còn được coi là an toàn."},
    {NoteId::CounterSignatureInvalid, "cms-counter-signature-invalid",
     "A counter-signature on this signature is not valid.",
     "Một chữ ký xác nhận (counter-signature) trên chữ ký này không hợp lệ."},
    {NoteId::CounterSignatureUnconfirmed, "cms-counter-signature-unconfirmed",
     "A counter-signature on this signature could not be confirmed.",
     "Không xác nhận được một chữ ký xác nhận (counter-signature) trên chữ ký này."},
    {NoteId::Empty, "cms-empty", "The signature file is empty.", "Dữ liệu chữ ký rỗng."},
    {NoteId::TooLarge, "cms-too-large", "The signature is larger than 64 MiB.",
     "Chữ ký lớn hơn 64 MiB."},
    {NoteId::NotCms, "cms-not-cms", "The data is not a CMS/PKCS#7 structure.",
     "Dữ liệu không phải là cấu trúc CMS/PKCS#7."},
    {NoteId::NotSignedData, "cms-not-signed-data", "The CMS structure is not SignedData.",
     "Cấu trúc CMS không phải là SignedData."},
    {NoteId::NoSigner, "cms-no-signer", "The signature holds no signer.",
     "Chữ ký không chứa thông tin người ký."},
    {NoteId::DetachedEContent, "cms-detached-econtent",
     "A detached signature must not carry eContent.",
     "Chữ ký tách rời không được chứa nội dung được ký (eContent)."},
    {NoteId::DetachedContentInside, "cms-detached-content-inside",
     "A detached signature must not carry the content inside it (eContent is present).",
     "Chữ ký tách rời không được chứa nội dung đã ký bên trong (có eContent)."},
    {NoteId::AlsoCarriesContent, "cms-also-carries-content",
     "The signature also carries content; the given content was checked instead.",
     "Chữ ký cũng chứa nội dung; nội dung được cung cấp đã được kiểm tra thay thế."},
    {NoteId::TrailingBytes, "cms-trailing-bytes",
     "Bytes follow the signature structure; they are ignored.",
     "Có dữ liệu nằm sau cấu trúc chữ ký; phần này được bỏ qua."},
    {NoteId::ContentUnreadable, "cms-content-unreadable", "The content could not be read.",
     "Không đọc được nội dung."},
    {NoteId::TimestampInvalid, "cms-timestamp-invalid",
     "The signature timestamp is not valid: {1}.", "Dấu thời gian chữ ký không hợp lệ: {1}."},
    {NoteId::PoeAt, "cms-poe-at", "At {1}, {2}.", "Tại thời điểm {1}: {2}."},
    {NoteId::EventRevokedOn, "event-revoked-on", "the certificate of {1} was revoked on {2}",
     "chứng thư của {1} bị thu hồi ngày {2}"},
    {NoteId::EventRevoked, "event-revoked", "the certificate of {1} was revoked",
     "chứng thư của {1} bị thu hồi"},
    {NoteId::EventValidUntil, "event-valid-until",
     "the signer's certificate is valid only until {1}",
     "chứng thư của người ký chỉ có hiệu lực đến {1}"},
    {NoteId::EventOutOfValidity, "event-out-of-validity",
     "a certificate in the chain is outside its validity period",
     "một chứng thư trong chuỗi nằm ngoài thời hạn hiệu lực"},
    {NoteId::ClaimedTimeBeforeCertificate, "cms-claimed-time-before-certificate",
     "The signing time the signature claims ({1}) is before the signer's certificate was issued "
     "({2}): it is only what the signer's computer said, and is not used to judge the signature.",
     "Thời điểm ký mà chữ ký tự khai ({1}) trước khi chứng thư của người ký được cấp ({2}): đó chỉ "
     "là giờ trên máy người ký, không được dùng để đánh giá chữ ký."},
    {NoteId::ClaimedTimeInFuture, "cms-claimed-time-in-future",
     "The signing time the signature claims ({1}) is later than the time it was checked at "
     "({2}): it is only what the signer's computer said, and is not used to judge the signature.",
     "Thời điểm ký mà chữ ký tự khai ({1}) muộn hơn thời điểm kiểm tra ({2}): đó chỉ là giờ trên "
     "máy người ký, không được dùng để đánh giá chữ ký."},
    {NoteId::CounterSignatureUnreadable, "cms-counter-signature-unreadable",
     "The counter-signature cannot be read (only issuer-and-serial signer identifiers are "
     "supported).",
     "Không đọc được chữ ký xác nhận (chỉ hỗ trợ định danh người ký bằng tổ chức cấp và số "
     "sê-ri)."},
    {NoteId::CounterSignerCertMissing, "cms-counter-signer-cert-missing",
     "The counter-signer's certificate is not in the signature.",
     "Chứng thư của người ký xác nhận không có trong chữ ký."},
    {NoteId::CounterSignatureValueInvalid, "cms-counter-signature-value-invalid",
     "The counter-signature value does not verify.", "Giá trị chữ ký xác nhận không đúng."},
    {NoteId::CounterSignatureNotCovering, "cms-counter-signature-not-covering",
     "The counter-signature does not cover this signature's value.",
     "Chữ ký xác nhận không bao phủ giá trị của chữ ký này."},
    {NoteId::CounterSignatureWeak, "cms-counter-signature-weak",
     "The counter-signature uses {1}, which is no longer considered safe.",
     "Chữ ký xác nhận dùng {1}, hiện không còn được coi là an toàn."},
    {NoteId::CounterSignatureChainNotEvaluated, "cms-counter-signature-chain-not-evaluated",
     "The counter-signature is intact; its certificate chain was not evaluated.",
     "Chữ ký xác nhận còn nguyên vẹn; chuỗi chứng thư của nó chưa được đánh giá."},
};

constexpr bool inOrder() {
  if (sizeof(kRows) / sizeof(kRows[0]) != kNoteCount) return false;
  for (std::size_t i = 0; i < kNoteCount; ++i)
    if (static_cast<std::size_t>(kRows[i].id) != i) return false;
  return true;
}
static_assert(inOrder(), "kRows must follow the NoteId order");

const Row& row(NoteId id) {
  auto i = static_cast<std::size_t>(id);
  return kRows[i < kNoteCount ? i : 0];
}

}  // namespace

const char* noteCode(NoteId id) {
  return row(id).code;
}

const char* noteTemplate(NoteId id, Lang lang) {
  return lang == Lang::Vi ? row(id).vi : row(id).en;
}

std::string noteText(const Note& n, Lang lang) {
  std::vector<std::string> args = n.args;
  for (const Note& p : n.parts) args.push_back(noteText(p, lang));
  return fillPlaceholders(noteTemplate(n.id, lang), args);
}

}  // namespace kyso::cms
