// PIN safety: every login in kyso goes through loginSafely().
//  1. Re-read the token flags (C_GetTokenInfo) right before the login.
//  2. Refuse when the PIN is locked; refuse on final try or to-be-changed unless `force`.
//  3. PIN-pad readers (CKF_PROTECTED_AUTHENTICATION_PATH): say "enter the PIN on the reader" and
//     call C_Login with no PIN.
//  4. Ask the PinPrompt once, call C_Login once, wipe the PIN. Never retry a rejected PIN.
//  5. After a wrong PIN, re-read the flags and report the tries-left state the token gives
//     (count low / final try / now locked), or PinIncorrectTriesUnknown when it says nothing.
//  6. CKR_GENERAL_ERROR right after C_Login counts as a wrong PIN only on tokens declared in the
//     quirk table (pkcs11/quirks.h; ePass2003 through OpenSC answers that way).
// Device-thread only; blocks on the PinPrompt and on the token.
#pragma once

#include <span>
#include <string_view>

#include "pkcs11/cryptoki_ptr.h"
#include "pkcs11/pin_prompt.h"
#include "pkcs11/quirks.h"
#include "pkcs11/token_info.h"

namespace kyso::p11 {

struct LoginOptions {
  CK_USER_TYPE user = CKU_USER;
  bool force = false;                       // allow final-try and to-be-changed logins
  std::span<const TokenQuirk> extraQuirks;  // tests only
  std::string keyLabel;                     // for context-specific prompts
};

/// Pre-login check on flags alone (no Cryptoki call): the refusal the flags call for, if any.
Status checkPinFlags(const TokenView& t, CK_USER_TYPE user, bool force);

/// The error to report after the token rejected a PIN, from the flags re-read after the failure.
Error wrongPinError(const TokenView& after, CK_USER_TYPE user, CK_RV rv, std::string op);

/// Logs `s` in as `opt.user` with the PIN safety above. CKR_USER_ALREADY_LOGGED_IN is success.
/// For CKU_CONTEXT_SPECIFIC it must follow C_SignInit.
Status loginSafely(const Session& s, PinPrompt& prompt, const LoginOptions& opt = {});

/// The PinRequest for a token (label, serial, flags) and kind.
PinRequest pinRequestFor(const TokenView& t, PinRequest::Kind kind);

}  // namespace kyso::p11
