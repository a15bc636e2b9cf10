// Token quirks: behaviours of particular tokens (by manufacturer and model) that kyso must know to
// tell people the truth, declared in one table. Each row lists the behaviours it has; a new
// behaviour is a new Quirk bit and the code that asks hasQuirk() for it.
//
//   if (hasQuirk(token, Quirk::GeneralErrorIsWrongPin)) ...
#pragma once

#include <cstdint>
#include <span>

#include "pkcs11/token_info.h"

namespace kyso::p11 {

/// What a token does differently from the PKCS#11 standard.
enum class Quirk : std::uint32_t {
  /// CKR_GENERAL_ERROR right after C_Login means a wrong PIN (OpenSC's ePass2003 driver does not
  /// map the card's 63Cx status word).
  GeneralErrorIsWrongPin = 1u << 0,
};

/// A row of the table, keyed by manufacturer and model prefixes.
struct TokenQuirk {
  const char* manufacturer;  // prefix of CK_TOKEN_INFO.manufacturerID
  const char* model;         // prefix of CK_TOKEN_INFO.model ("" matches any)
  std::uint32_t quirks;      // Quirk bits
  const char* note;          // why, for the documentation and --verbose
  bool has(Quirk q) const { return (quirks & static_cast<std::uint32_t>(q)) != 0; }
};

/// The declared table.
std::span<const TokenQuirk> tokenQuirks();
/// The row for a token, or nullptr. `extra` lets tests add rows without editing the table.
const TokenQuirk* findQuirk(const TokenView& t, std::span<const TokenQuirk> extra = {});
/// The row for `t` when it has `q` (nullptr otherwise), for the note in the log.
const TokenQuirk* quirkFor(const TokenView& t, Quirk q, std::span<const TokenQuirk> extra = {});

}  // namespace kyso::p11
