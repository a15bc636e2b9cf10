#include "src/inventory/evidence_text.h"

#include <array>

namespace kyso::inventory {
namespace {

struct EvidenceWords {
  std::string_view code, en, vi;
};

constexpr std::array<EvidenceWords, 11> kWords{{
    {"doc_number", "the request document's number is missing", "còn thiếu số của văn bản đề nghị"},
    {"doc_date", "the request document's date is missing", "còn thiếu ngày của văn bản đề nghị"},
    {"doc_date_future", "the request document's date is in the future",
     "ngày của văn bản đề nghị ở tương lai"},
    {"holder", "a hand-over needs the person who receives the token",
     "bàn giao cần có người nhận token"},
    {"wiped", "the token must be wiped first", "token phải được xóa sạch trước"},
    {"note", "this change needs a note on what happened",
     "lần đổi này cần ghi chú về việc đã xảy ra"},
    {"validity", "the certificate's validity dates are missing",
     "còn thiếu ngày hiệu lực của chứng thư số"},
    {"validity_over_5_years", "a new certificate is valid for at most 5 years",
     "chứng thư số mới có hiệu lực tối đa 5 năm"},
    {"valid_until", "a renewal needs the new expiry date", "gia hạn cần ngày hết hạn mới"},
    {"valid_until_not_later", "the new expiry date must be later than the current one",
     "ngày hết hạn mới phải sau ngày hết hạn hiện tại"},
    {"renewal_over_3_years", "a renewal adds at most 3 years", "mỗi lần gia hạn thêm tối đa 3 năm"},
}};

}  // namespace

std::string evidenceText(std::string_view code, Lang lang) {
  for (const EvidenceWords& w : kWords)
    if (w.code == code) return std::string(lang == Lang::Vi ? w.vi : w.en);
  return std::string(code);
}

Error explainEvidence(Error e, Lang lang) {
  if (e.kind == Errc::EvidenceMissing) e.context = evidenceText(e.context, lang);
  return e;
}

}  // namespace kyso::inventory
