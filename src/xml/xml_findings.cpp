#include "src/xml/xml_findings.h"

#include <iterator>

namespace kyso::xml {
namespace {

struct Row {
  XmlFinding finding;
  const char* code;
  const char* en;  // {1}: the finding's argument
  const char* vi;
};

constexpr Row kRows[] = {
    {XmlFinding::DuplicateId, "duplicate-id",
     "Two elements carry Id=\"{1}\", which a reference names: a verifier could check one while a "
     "program reads the other (signature wrapping).",
     "Hai phần tử cùng mang Id=\"{1}\" mà chữ ký tham chiếu: phần mềm kiểm tra có thể kiểm một "
     "phần tử trong khi chương trình đọc phần tử kia (tấn công bọc chữ ký)."},
    {XmlFinding::ForeignSignature, "foreign-signature",
     "An element named Signature is in the namespace \"{1}\", not XML-DSig's: it looks like a "
     "signature but is none, and nothing in it was checked.",
     "Một phần tử tên Signature thuộc không gian tên \"{1}\", không phải của XML-DSig: trông như "
     "chữ ký nhưng không phải, và không có gì trong đó được kiểm tra."},
    {XmlFinding::NoSignedInfo, "no-signed-info",
     "The signature has no SignedInfo as its first element.",
     "Chữ ký không có phần tử SignedInfo ở đầu."},
    {XmlFinding::AlgorithmRefused, "algorithm-refused",
     "The signature uses an algorithm kyso does not accept: {1}.",
     "Chữ ký dùng thuật toán kyso không chấp nhận: {1}."},
    {XmlFinding::ReferenceWithoutUri, "reference-without-uri",
     "A reference has no URI, so what it covers is left to the reading program.",
     "Một tham chiếu không có URI, nên phần được ký do chương trình đọc tự quyết định."},
    {XmlFinding::ExternalReference, "external-reference",
     "A reference points outside the file ({1}); kyso does not fetch or read it.",
     "Một tham chiếu trỏ ra ngoài tệp ({1}); kyso không tải hay đọc nó."},
    {XmlFinding::XPointerReference, "xpointer-reference",
     "A reference uses an XPointer expression ({1}); kyso accepts only \"\" and \"#Id\".",
     "Một tham chiếu dùng biểu thức XPointer ({1}); kyso chỉ chấp nhận \"\" và \"#Id\"."},
    {XmlFinding::TransformRefused, "transform-refused",
     "A reference uses the transform {1}; kyso runs only the enveloped-signature transform and "
     "canonicalization.",
     "Một tham chiếu dùng phép biến đổi {1}; kyso chỉ chạy phép bỏ chữ ký bao (enveloped) và "
     "chuẩn hoá (C14N)."},
    {XmlFinding::ReferenceNotFound, "reference-not-found",
     "A reference names Id=\"{1}\", which no element carries.",
     "Một tham chiếu trỏ tới Id=\"{1}\" nhưng không phần tử nào mang Id đó."},
    {XmlFinding::ReferenceInsideSignature, "reference-inside-signature",
     "A reference covers {1}, a copy kept inside the signature, not the document a program reads "
     "(signature wrapping).",
     "Một tham chiếu chỉ bao {1}, một bản sao nằm trong chữ ký, không phải tài liệu mà chương "
     "trình đọc (tấn công bọc chữ ký)."},
    {XmlFinding::NothingOfDocumentCovered, "nothing-covered",
     "The signature covers nothing of the document outside the signature itself.",
     "Chữ ký không bao trùm phần nào của tài liệu ngoài chính nó."},
    {XmlFinding::ProfileDataNotCovered, "profile-data-not-covered",
     "The signature does not cover {1}, the part that the receiving system reads.",
     "Chữ ký không bao trùm {1}, phần mà hệ thống tiếp nhận đọc."},
    {XmlFinding::NoCertificate, "no-certificate",
     "The signature carries no certificate (KeyInfo/X509Data), so its signer cannot be known.",
     "Chữ ký không kèm chứng thư số (KeyInfo/X509Data), nên không xác định được người ký."},
    {XmlFinding::CertificateUnreadable, "certificate-unreadable",
     "A certificate in the signature's KeyInfo cannot be read.",
     "Không đọc được một chứng thư số trong KeyInfo của chữ ký."},
    {XmlFinding::SignatureMalformed, "signature-malformed",
     "The signature cannot be processed ({1}).", "Không xử lý được chữ ký ({1})."},
    {XmlFinding::DigestMismatch, "digest-mismatch",
     "The signed content ({1}) was changed after signing.",
     "Nội dung đã ký ({1}) bị thay đổi sau khi ký."},
    {XmlFinding::SignatureValueInvalid, "signature-value-invalid",
     "The signature value does not verify with the signer's certificate.",
     "Giá trị chữ ký không khớp với chứng thư số của người ký."},
    {XmlFinding::WeakAlgorithm, "weak-algorithm",
     "The signature uses {1}, which is no longer considered safe; accepted only for old files "
     "(--accept-weak).",
     "Chữ ký dùng {1}, thuật toán không còn được coi là an toàn; chỉ chấp nhận cho tệp cũ "
     "(--accept-weak)."},
    {XmlFinding::ChangedByLaterSignature, "changed-by-later-signature",
     "Another signature was placed inside what this one covers ({1}), which changed it: that "
     "signature should have been placed outside.",
     "Một chữ ký khác được đặt vào bên trong phần chữ ký này bao trùm ({1}), làm phần đó thay "
     "đổi: chữ ký đó lẽ ra phải đặt bên ngoài."},
};

constexpr bool rowsInOrder() {
  for (std::size_t i = 0; i < std::size(kRows); ++i)
    if (static_cast<std::size_t>(kRows[i].finding) != i) return false;
  return true;
}
static_assert(rowsInOrder(), "kRows follows XmlFinding's order");
static_assert(std::size(kRows) == static_cast<std::size_t>(XmlFinding::ChangedByLaterSignature) + 1,
              "every XmlFinding has a row");

}  // namespace

const char* findingCode(XmlFinding f) {
  return kRows[static_cast<std::size_t>(f)].code;
}

std::string findingSentence(const XmlFindingAt& f, Lang lang) {
  const Row& row = kRows[static_cast<std::size_t>(f.code)];
  const bool vi = lang == Lang::Vi;
  std::string s = vi ? row.vi : row.en;
  std::string arg = f.arg;
  // A reference's URI, for people: "" is the whole document, "#x" the element with Id x.
  if (f.code == XmlFinding::DigestMismatch || f.code == XmlFinding::ChangedByLaterSignature)
    arg = arg.empty()          ? (vi ? "toàn bộ tài liệu" : "the whole document")
          : arg.front() == '#' ? (vi ? "phần tử Id=\"" : "the element Id=\"") + arg.substr(1) + "\""
                               : arg;
  if (auto at = s.find("{1}"); at != std::string::npos) s.replace(at, 3, arg);
  return s;
}

}  // namespace kyso::xml
