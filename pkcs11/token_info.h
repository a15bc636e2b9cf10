// Discovery: slots, tokens and mechanisms of a module, with Cryptoki flags decoded into names
// that the CLI prints and --json emits. Plain values (snapshots): safe to hand to another thread.
// The functions call Cryptoki: device-thread only (device_worker.h); they block briefly.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "pkcs11/module.h"

namespace kyso::p11 {

/// A token's identity and state as C_GetTokenInfo reports it.
struct TokenView {
  std::string label, manufacturer, model, serial;
  CK_FLAGS flags = 0;
  CK_VERSION hardware{}, firmware{};
  unsigned long minPin = 0, maxPin = 0;
  std::optional<unsigned long> freePublic, totalPublic, freePrivate, totalPrivate;
  // ulMaxSessionCount / ulSessionCount; nullopt when the token does not say (or "no limit" for
  // the maximum: CK_EFFECTIVELY_INFINITE).
  std::optional<unsigned long> maxSessions, sessions;

  bool has(CK_FLAGS f) const { return (flags & f) != 0; }
  /// The decoded flag names ("login-required", "user-pin-final-try", ...).
  std::vector<std::string> flagNames() const;
  Json toJson() const;
};

/// A slot (a reader, for hardware tokens) and its token when present.
struct SlotView {
  CK_SLOT_ID id = 0;
  std::string description, manufacturer;
  CK_FLAGS flags = 0;
  std::optional<TokenView> token;
  bool unrecognised = false;  // a card is there, but the module does not recognise it
  Json toJson() const;
};

/// A mechanism with its key sizes and flags.
struct MechanismView {
  CK_MECHANISM_TYPE type = 0;
  unsigned long minKey = 0, maxKey = 0;
  CK_FLAGS flags = 0;
  std::string name() const;
  std::vector<std::string> flagNames() const;
  Json toJson() const;
};

/// Decodes CKF_* token flags into names; one list for the CLI, JSON and tests.
std::vector<std::string> tokenFlagNames(CK_FLAGS f);
/// "CKM_SHA256_RSA_PKCS" or hex for unknown mechanisms.
std::string mechanismName(CK_MECHANISM_TYPE m);

Result<TokenView> readToken(const Module& m, CK_SLOT_ID slot);
/// All slots (tokenPresentOnly=false) or only those with a token.
Result<std::vector<SlotView>> listSlots(const Module& m, bool tokenPresentOnly);
Result<std::vector<MechanismView>> listMechanisms(const Module& m, CK_SLOT_ID slot);

}  // namespace kyso::p11
