// The token and certificate lifecycles as declared data (Decree 68/2024 services, Dogtag-like token
// states; see ../shared/DOMAIN.md): one table per kind of object, each row an allowed transition
// with the evidence it needs. checkTransition() is the only judge; nothing else in kyso decides
// whether a change of state is allowed.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace kyso::inventory {

/// What a transition needs before it may be recorded (bit flags).
enum Evidence : unsigned {
  kNoEvidence = 0,
  kDocument = 1u << 0,    // the written request: number and date
  kHolder = 1u << 1,      // who receives the token
  kWiped = 1u << 2,       // the token has been wiped (returned to stock)
  kNote = 1u << 3,        // a free-text explanation (what happened)
  kNewExpiry = 1u << 4,   // the new not-after date (renewal: at most 3 years more)
  kValidity = 1u << 5,    // the certificate's validity (new certificate: at most 5 years)
  kPastExpiry = 1u << 6,  // only once the certificate's not-after has passed
  kDocOrProof = 1u << 7,  // the written request, or a CRL/OCSP answer saying it is revoked
};

/// One allowed change of state and what it needs.
struct TransitionRule {
  std::string_view from;
  std::string_view to;
  std::string_view event;  // the event kind recorded in history: "issue", "hand_over", ...
  unsigned needs;          // Evidence bits
};

enum class Subject { Token, Certificate };

/// The states of each subject, in display order.
std::span<const std::string_view> states(Subject s);
/// "in_stock, active, ..." (for messages and help texts).
std::string statesList(Subject s);
/// The declared transition table of each subject.
std::span<const TransitionRule> rules(Subject s);
bool isState(Subject s, std::string_view state);

/// What the caller brings with a transition request.
struct EvidenceGiven {
  std::string docNumber;
  std::string docDate;  // YYYY-MM-DD
  std::string note;
  std::optional<long long> holderId;
  bool wiped = false;
  std::string newNotAfter;       // YYYY-MM-DD (renewal)
  std::string revocationSource;  // "crl" | "ocsp" when a revocation was confirmed online
  // Facts about the certificate that the rules check.
  std::string notBefore;  // YYYY-MM-DD
  std::string notAfter;   // YYYY-MM-DD
  std::string today;      // YYYY-MM-DD, from the injected clock
};

/// The rule for from -> to, or TransitionNotAllowed naming the states; EvidenceMissing when the
/// rule's evidence is not all there or breaks a limit, with a code in the context saying which
/// (evidence_text.h: "doc_number", "note", "renewal_over_3_years", ...).
Result<TransitionRule> checkTransition(Subject s, std::string_view from, std::string_view to,
                                       const EvidenceGiven& e);

/// Date helpers shared by the inventory: "YYYY-MM-DD" <-> days since 1970-01-01.
std::optional<long> parseDate(std::string_view ymd);
std::string formatDate(long days);
std::string dateOf(std::chrono::system_clock::time_point t);
/// Accepts YYYY-MM-DD and DD/MM/YYYY (Vietnamese spreadsheets); returns YYYY-MM-DD or nullopt.
std::optional<std::string> normalizeDate(std::string_view text);
/// Adds calendar years to a YYYY-MM-DD date (29 Feb -> 28 Feb).
std::string addYears(std::string_view ymd, int years);

}  // namespace kyso::inventory
