// The declared tables. Reading them top to bottom is reading the rules; changing a rule is changing
// a row. Limits from Decree 68/2024: a new certificate is valid for at most 5 years, a renewal adds
// at most 3.
#include "src/inventory/lifecycle.h"

#include <array>
#include <charconv>
#include <ctime>

namespace kyso::inventory {
namespace {

constexpr std::array<std::string_view, 9> kTokenStates = {
    "in_stock", "active",  "pin_locked", "restore_requested", "suspended",
    "lost",     "damaged", "returned",   "destroyed"};

constexpr std::array<std::string_view, 8> kCertStates = {"requested",
                                                         "valid",
                                                         "renewal_requested",
                                                         "change_requested",
                                                         "revocation_requested",
                                                         "suspended",
                                                         "revoked",
                                                         "expired"};

constexpr unsigned D = kDocument;

constexpr std::array<TransitionRule, 24> kTokenRules = {{
    {"in_stock", "active", "issue", D | kHolder},
    {"active", "active", "hand_over", D | kHolder},
    {"active", "pin_locked", "pin_locked", kNoEvidence},
    {"pin_locked", "restore_requested", "restore_requested", D},
    {"restore_requested", "active", "restored", D},
    {"pin_locked", "active", "unlocked", kNote},
    {"active", "suspended", "suspended", kNote},
    {"pin_locked", "suspended", "suspended", kNote},
    {"suspended", "active", "found", kNote},
    {"active", "lost", "lost", D},
    {"suspended", "lost", "lost", D},
    {"pin_locked", "lost", "lost", D},
    {"active", "damaged", "damaged", kNote},
    {"pin_locked", "damaged", "damaged", kNote},
    {"restore_requested", "damaged", "damaged", kNote},
    {"in_stock", "damaged", "damaged", kNote},
    {"active", "returned", "returned", D},
    {"pin_locked", "returned", "returned", D},
    {"suspended", "returned", "returned", D},
    {"returned", "in_stock", "wiped_to_stock", kWiped},
    {"damaged", "destroyed", "destroyed", D},
    {"returned", "destroyed", "destroyed", D},
    {"in_stock", "destroyed", "destroyed", D},
    {"lost", "destroyed", "written_off", D},
}};

constexpr std::array<TransitionRule, 21> kCertRules = {{
    {"requested", "valid", "issue", D | kValidity},
    {"valid", "renewal_requested", "renewal_requested", D},
    {"renewal_requested", "valid", "renew", D | kNewExpiry},
    {"valid", "change_requested", "change_requested", D},
    {"change_requested", "valid", "changed", D},
    {"valid", "revocation_requested", "revocation_requested", D},
    {"renewal_requested", "revocation_requested", "revocation_requested", D},
    {"change_requested", "revocation_requested", "revocation_requested", D},
    {"suspended", "revocation_requested", "revocation_requested", D},
    {"revocation_requested", "revoked", "revoke", kDocOrProof},
    {"valid", "revoked", "revoke", kDocOrProof},
    {"renewal_requested", "revoked", "revoke", kDocOrProof},
    {"change_requested", "revoked", "revoke", kDocOrProof},
    {"suspended", "revoked", "revoke", kDocOrProof},
    {"valid", "suspended", "suspend", D},
    {"suspended", "valid", "resume", D},
    {"valid", "expired", "expire", kPastExpiry},
    {"renewal_requested", "expired", "expire", kPastExpiry},
    {"change_requested", "expired", "expire", kPastExpiry},
    {"suspended", "expired", "expire", kPastExpiry},
    {"requested", "revoked", "request_cancelled", D},
}};

long daysFromCivil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

bool leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
unsigned monthDays(int y, unsigned m) {
  static constexpr unsigned k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : k[m - 1];
}

bool toInt(std::string_view s, int& out) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return std::from_chars(s.data(), s.data() + s.size(), out).ec == std::errc();
}

}  // namespace

std::span<const std::string_view> states(Subject s) {
  if (s == Subject::Token) return kTokenStates;
  return kCertStates;
}

std::span<const TransitionRule> rules(Subject s) {
  if (s == Subject::Token) return kTokenRules;
  return kCertRules;
}

std::string statesList(Subject s) {
  std::string out;
  for (std::string_view st : states(s)) {
    if (!out.empty()) out += ", ";
    out += st;
  }
  return out;
}

bool isState(Subject s, std::string_view state) {
  for (auto st : states(s))
    if (st == state) return true;
  return false;
}

std::optional<long> parseDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  int y, m, d;
  if (!toInt(t.substr(0, 4), y) || !toInt(t.substr(5, 2), m) || !toInt(t.substr(8, 2), d))
    return std::nullopt;
  if (y < 1900 || m < 1 || m > 12 || d < 1 ||
      static_cast<unsigned>(d) > monthDays(y, static_cast<unsigned>(m)))
    return std::nullopt;
  return daysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string formatDate(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y0 = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  const long y = y0 + (m <= 2);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04ld-%02u-%02u", y, m, d);
  return buf;
}

std::string dateOf(std::chrono::system_clock::time_point t) {
  const auto days = std::chrono::floor<std::chrono::days>(t).time_since_epoch().count();
  return formatDate(static_cast<long>(days));
}

std::optional<std::string> normalizeDate(std::string_view t) {
  if (parseDate(t)) return std::string(t);
  // DD/MM/YYYY (also D/M/YYYY)
  auto s1 = t.find('/');
  auto s2 = s1 == std::string_view::npos ? s1 : t.find('/', s1 + 1);
  if (s2 == std::string_view::npos) return std::nullopt;
  int d, m, y;
  if (!toInt(t.substr(0, s1), d) || !toInt(t.substr(s1 + 1, s2 - s1 - 1), m) ||
      !toInt(t.substr(s2 + 1), y) || t.size() - s2 - 1 != 4)
    return std::nullopt;
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  if (!parseDate(buf)) return std::nullopt;
  return std::string(buf);
}

std::string addYears(std::string_view ymd, int years) {
  int y = 0, m = 1, d = 1;
  (void)toInt(ymd.substr(0, 4), y);
  (void)toInt(ymd.substr(5, 2), m);
  (void)toInt(ymd.substr(8, 2), d);
  y += years;
  if (static_cast<unsigned>(d) > monthDays(y, static_cast<unsigned>(m)))
    d = static_cast<int>(monthDays(y, static_cast<unsigned>(m)));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

Result<TransitionRule> checkTransition(Subject s, std::string_view from, std::string_view to,
                                       const EvidenceGiven& e) {
  const char* op = s == Subject::Token ? "token transition" : "certificate transition";
  if (!isState(s, to))
    return Error::kyso(Errc::UsageError, op, detailArgs({to, statesList(s)}))
        .because(Detail::UnknownState);
  const TransitionRule* rule = nullptr;
  for (const auto& r : rules(s))
    if (r.from == from && r.to == to) rule = &r;
  if (!rule) {
    std::string allowed;
    for (const auto& r : rules(s))
      if (r.from == from) allowed += (allowed.empty() ? "" : ", ") + std::string(r.to);
    return Error::kyso(Errc::TransitionNotAllowed, op,
                       detailArgs({from, to, allowed.empty() ? "-" : allowed}))
        .because(Detail::TransitionOnlyTo);
  }
  auto missing = [&](const std::string& why) {
    return Error::kyso(Errc::EvidenceMissing, rule->event.data(), why);
  };
  if (rule->needs & kDocument) {
    if (e.docNumber.empty()) return missing("doc_number");
    if (!parseDate(e.docDate)) return missing("doc_date");
    if (!e.today.empty() && e.docDate > e.today) return missing("doc_date_future");
  }
  if (rule->needs & kDocOrProof) {
    const bool proof = e.revocationSource == "crl" || e.revocationSource == "ocsp";
    if (!proof && e.docNumber.empty()) return missing("doc_number");
    if (!parseDate(e.docDate)) return missing("doc_date");
  }
  if ((rule->needs & kHolder) && !e.holderId) return missing("holder");
  if ((rule->needs & kWiped) && !e.wiped) return missing("wiped");
  if ((rule->needs & kNote) && e.note.empty()) return missing("note");
  if (rule->needs & kValidity) {
    auto nb = parseDate(e.notBefore), na = parseDate(e.notAfter);
    if (!nb || !na) return missing("validity");
    if (e.notAfter > addYears(e.notBefore, 5)) return missing("validity_over_5_years");
  }
  if (rule->needs & kNewExpiry) {
    if (!parseDate(e.newNotAfter)) return missing("valid_until");
    if (e.newNotAfter <= e.notAfter) return missing("valid_until_not_later");
    if (e.newNotAfter > addYears(e.notAfter, 3)) return missing("renewal_over_3_years");
  }
  if ((rule->needs & kPastExpiry) && !(e.notAfter.size() == 10 && e.today > e.notAfter))
    return Error::kyso(Errc::TransitionNotAllowed, "expire").because(Detail::NotExpiredYet);
  return *rule;
}

}  // namespace kyso::inventory
