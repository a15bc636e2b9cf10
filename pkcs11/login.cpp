#include "pkcs11/login.h"

#include <cstring>

#include "core/log.h"

namespace kyso::p11 {
namespace {

PinRequest::Kind kindFor(CK_USER_TYPE u) {
  if (u == CKU_SO) return PinRequest::Kind::So;
  if (u == CKU_CONTEXT_SPECIFIC) return PinRequest::Kind::ContextSpecific;
  return PinRequest::Kind::User;
}

const char* userOp(CK_USER_TYPE u) {
  return u == CKU_CONTEXT_SPECIFIC ? "C_Login(context)" : "C_Login";
}

}  // namespace

PinRequest pinRequestFor(const TokenView& t, PinRequest::Kind kind) {
  PinRequest r;
  r.kind = kind;
  r.tokenLabel = t.label;
  r.tokenSerial = t.serial;
  bool so = kind == PinRequest::Kind::So || kind == PinRequest::Kind::NewSo;
  r.countLow = t.has(so ? CKF_SO_PIN_COUNT_LOW : CKF_USER_PIN_COUNT_LOW);
  r.finalTry = t.has(so ? CKF_SO_PIN_FINAL_TRY : CKF_USER_PIN_FINAL_TRY);
  return r;
}

Status checkPinFlags(const TokenView& t, CK_USER_TYPE user, bool force) {
  const std::string who = t.label.empty() ? t.serial : t.label;
  if (user == CKU_SO) {
    if (t.has(CKF_SO_PIN_LOCKED)) return Error::kyso(Errc::SoPinLocked, "checkPinFlags", who);
    if (t.has(CKF_SO_PIN_FINAL_TRY) && !force)
      return Error::kyso(Errc::PinFinalTry, "checkPinFlags", who);
    return okStatus();
  }
  if (t.has(CKF_USER_PIN_LOCKED)) return Error::kyso(Errc::PinLocked, "checkPinFlags", who);
  if (t.has(CKF_USER_PIN_FINAL_TRY) && !force)
    return Error::kyso(Errc::PinFinalTry, "checkPinFlags", who);
  if (t.has(CKF_USER_PIN_TO_BE_CHANGED) && !force && user == CKU_USER)
    return Error::kyso(Errc::PinToBeChanged, "checkPinFlags", who);
  return okStatus();
}

Error wrongPinError(const TokenView& after, CK_USER_TYPE user, CK_RV rv, std::string op) {
  Errc kind;
  if (user == CKU_SO) {
    kind = after.has(CKF_SO_PIN_LOCKED)      ? Errc::SoPinLocked
           : after.has(CKF_SO_PIN_FINAL_TRY) ? Errc::PinIncorrectFinalTry
                                             : Errc::SoPinIncorrect;
  } else if (after.has(CKF_USER_PIN_LOCKED) || rv == CKR_PIN_LOCKED) {
    kind = Errc::PinIncorrectNowLocked;
  } else if (after.has(CKF_USER_PIN_FINAL_TRY)) {
    kind = Errc::PinIncorrectFinalTry;
  } else if (after.has(CKF_USER_PIN_COUNT_LOW)) {
    kind = Errc::PinIncorrectCountLow;
  } else {
    kind = Errc::PinIncorrectTriesUnknown;
  }
  return Error::raw(Domain::Pkcs11, static_cast<long>(rv), std::move(op), {}, kind);
}

Status loginSafely(const Session& s, PinPrompt& prompt, const LoginOptions& opt) {
  const Module& m = *s.module();
  KYSO_ASSIGN_OR_RETURN(TokenView before, readToken(m, s.slot()));
  KYSO_TRY(checkPinFlags(before, opt.user, opt.force));
  PinRequest req = pinRequestFor(before, kindFor(opt.user));
  req.keyLabel = opt.keyLabel;

  CK_RV rv;
  if (before.has(CKF_PROTECTED_AUTHENTICATION_PATH)) {
    prompt.notice(Errc::PinPadEnter, req);
    rv = KYSO_CK(s.fl(), C_Login, s.get(), opt.user, nullptr, 0);
  } else {
    KYSO_ASSIGN_OR_RETURN(SecretBuffer pin, prompt.getPin(req));
    if (pin.empty()) return Error::kyso(Errc::PinEmpty, "getPin");
    // Cryptoki takes a non-const pointer; the module does not write through it.
    rv = KYSO_CK(s.fl(), C_Login, s.get(), opt.user,
                 reinterpret_cast<CK_UTF8CHAR*>(const_cast<char*>(pin.data())), pin.size());
    pin.clear();
  }
  if (rv == CKR_OK || rv == CKR_USER_ALREADY_LOGGED_IN) return okStatus();

  bool wrongPin = rv == CKR_PIN_INCORRECT || rv == CKR_PIN_LOCKED || rv == CKR_PIN_LEN_RANGE;
  if (rv == CKR_GENERAL_ERROR) {
    if (const TokenQuirk* q = quirkFor(before, Quirk::GeneralErrorIsWrongPin, opt.extraQuirks)) {
      log::info(std::string("pkcs11: CKR_GENERAL_ERROR after C_Login treated as a wrong PIN (") +
                q->note + ")");
      wrongPin = true;
    }
  }
  if (!wrongPin) return ck::toError(rv, userOp(opt.user), before.label);
  // Never retry: re-read the flags only to tell the person where they stand.
  auto after = readToken(m, s.slot());
  return wrongPinError(after.ok() ? after.value() : TokenView{}, opt.user, rv, userOp(opt.user));
}

}  // namespace kyso::p11
