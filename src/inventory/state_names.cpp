#include "src/inventory/state_names.h"

#include <array>

#include "core/text_fold.h"

namespace kyso::inventory {
namespace {

struct StateName {
  std::string_view code, en, vi;
};

constexpr std::array<StateName, 9> kTokenNames = {{
    {"in_stock", "in stock", "Trong kho"},
    {"active", "in use", "Đang sử dụng"},
    {"pin_locked", "PIN locked", "Bị khóa PIN"},
    {"restore_requested", "restore requested", "Đề nghị khôi phục"},
    {"suspended", "suspended", "Tạm dừng sử dụng"},
    {"lost", "lost", "Bị mất"},
    {"damaged", "damaged", "Bị hỏng"},
    {"returned", "returned", "Đã nộp lại"},
    {"destroyed", "destroyed", "Đã tiêu hủy"},
}};

constexpr std::array<StateName, 8> kCertNames = {{
    {"requested", "requested", "Đang đề nghị cấp"},
    {"valid", "valid", "Còn hiệu lực"},
    {"renewal_requested", "renewal requested", "Đề nghị gia hạn"},
    {"change_requested", "change requested", "Đề nghị thay đổi thông tin"},
    {"revocation_requested", "revocation requested", "Đề nghị thu hồi"},
    {"suspended", "suspended", "Tạm dừng"},
    {"revoked", "revoked", "Đã thu hồi"},
    {"expired", "expired", "Hết hạn"},
}};

std::span<const StateName> names(Subject s) {
  if (s == Subject::Token) return kTokenNames;
  return kCertNames;
}

}  // namespace

std::string stateLabel(Subject s, std::string_view state, Lang lang) {
  for (const StateName& n : names(s))
    if (n.code == state) return std::string(lang == Lang::Vi ? n.vi : n.en);
  return std::string(state);
}

std::string statesWithLabels(Subject s, Lang lang) {
  std::string out;
  for (const StateName& n : names(s)) {
    if (!out.empty()) out += ", ";
    out += std::string(n.code) + " (" + std::string(lang == Lang::Vi ? n.vi : n.en) + ")";
  }
  return out;
}

std::optional<std::string> stateFromText(Subject s, std::string_view text) {
  const std::string wanted = foldForMatching(text);
  for (const StateName& n : names(s))
    if (wanted == n.code || wanted == foldForMatching(n.en) || wanted == foldForMatching(n.vi))
      return std::string(n.code);
  return std::nullopt;
}

}  // namespace kyso::inventory
