#include "pkcs11/cryptoki.h"

#include "core/log.h"
#include "core/messages.h"

namespace kyso::p11::ck {

void logCall(const char* op, CK_RV rv) {
  if (log::level() > log::Level::Debug) return;
  log::debug(std::string("pkcs11: ") + op + " -> " + ckrName(rv));
}

Errc classify(CK_RV rv) {
  switch (rv) {
    case CKR_DEVICE_REMOVED:
    case CKR_TOKEN_NOT_PRESENT:
    case CKR_SESSION_HANDLE_INVALID:
    case CKR_SESSION_CLOSED:
      return Errc::TokenRemoved;
    case CKR_PIN_INCORRECT:
      return Errc::PinIncorrect;
    case CKR_PIN_LOCKED:
      return Errc::PinLocked;
    case CKR_PIN_EXPIRED:
      return Errc::PinToBeChanged;
    case CKR_PIN_LEN_RANGE:
      return Errc::PinIncorrect;
    case CKR_MECHANISM_INVALID:
    case CKR_KEY_TYPE_INCONSISTENT:
    case CKR_KEY_FUNCTION_NOT_PERMITTED:
      return Errc::MechanismUnsupported;
    case CKR_FUNCTION_CANCELED:
      return Errc::Cancelled;
    default:
      return Errc::Ok;
  }
}

Error toError(CK_RV rv, std::string op, std::string ctx) {
  return Error::raw(Domain::Pkcs11, static_cast<long>(rv), std::move(op), std::move(ctx),
                    classify(rv));
}

std::string fixedText(const unsigned char* p, std::size_t n) {
  while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\0')) --n;
  return std::string(reinterpret_cast<const char*>(p), n);
}

}  // namespace kyso::p11::ck
