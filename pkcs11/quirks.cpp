#include "pkcs11/quirks.h"

#include <string_view>

namespace kyso::p11 {
namespace {

constexpr auto kWrongPin = static_cast<std::uint32_t>(Quirk::GeneralErrorIsWrongPin);

constexpr TokenQuirk kQuirks[] = {
    // OpenSC's ePass2003 driver returns CKR_GENERAL_ERROR for a wrong user PIN (the card's
    // 63Cx status word is not mapped), which users meet as the Feitian tokens of public CAs.
    {"EnterSafe", "PKCS#15 emulated", kWrongPin, "Feitian ePass2003 via OpenSC"},
    {"FTSafe", "ePass2003", kWrongPin, "Feitian ePass2003 (vendor module)"},
    {"Feitian", "ePass2003", kWrongPin, "Feitian ePass2003 (vendor module)"},
};

bool startsWith(std::string_view s, std::string_view p) {
  return s.size() >= p.size() && s.substr(0, p.size()) == p;
}

}  // namespace

std::span<const TokenQuirk> tokenQuirks() {
  return kQuirks;
}

const TokenQuirk* findQuirk(const TokenView& t, std::span<const TokenQuirk> extra) {
  auto matches = [&](const TokenQuirk& q) {
    return startsWith(t.manufacturer, q.manufacturer) && startsWith(t.model, q.model);
  };
  for (const auto& q : extra)
    if (matches(q)) return &q;
  for (const auto& q : kQuirks)
    if (matches(q)) return &q;
  return nullptr;
}

const TokenQuirk* quirkFor(const TokenView& t, Quirk q, std::span<const TokenQuirk> extra) {
  const TokenQuirk* row = findQuirk(t, extra);
  return row && row->has(q) ? row : nullptr;
}

}  // namespace kyso::p11
