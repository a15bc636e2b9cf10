// The Cryptoki (PKCS#11) C API and the one wrapper every raw `C_*` call in kyso goes through.
//
// kyso talks to Cryptoki directly rather than through libp11 (see module.h for why). Every call is
// written `KYSO_CK(fl, C_Login, session, CKU_USER, pin, len)`: the wrapper checks that the module
// provides the function (a missing entry is CKR_FUNCTION_NOT_SUPPORTED, not a crash), logs the call
// name and its CK_RV at debug level (never the arguments: they may hold a PIN) and returns the
// CK_RV. `ck::toError` turns a failed CK_RV into a kyso::Error with Domain::Pkcs11, the operation
// name and kyso's classification (TokenRemoved, PinLocked, MechanismUnsupported, ...).
//
// Threading: Cryptoki calls are made only on the device worker's thread (device_worker.h).
#pragma once

// p11-kit's header is the complete, maintained PKCS#11 3.0 header on Debian; its compatibility
// mode gives the standard CK_* names.
#include <p11-kit-1/p11-kit/pkcs11.h>

#include <string>
#include <string_view>

#include "core/error.h"
#include "core/result.h"

namespace kyso::p11::ck {

/// Logs "C_Name -> CKR_X" at debug level. Used by KYSO_CK; callable for hand-made calls too.
void logCall(const char* op, CK_RV rv);

/// kyso's classification of a raw CK_RV (Errc::Ok when the raw sentence is the best one).
Errc classify(CK_RV rv);

/// A failed CK_RV as an Error: Domain::Pkcs11, the raw code, `op`, `ctx`, classify(rv).
Error toError(CK_RV rv, std::string op, std::string ctx = {});

/// Status from a CK_RV: ok for CKR_OK, else toError.
inline Status check(CK_RV rv, const char* op, std::string ctx = {}) {
  if (rv == CKR_OK) return okStatus();
  return toError(rv, op, std::move(ctx));
}

/// Calls `fn(args...)` when present; logs; returns the CK_RV.
template <class Fn, class... A>
CK_RV call(Fn* fn, const char* op, A&&... args) {
  CK_RV rv = fn ? fn(std::forward<A>(args)...) : static_cast<CK_RV>(CKR_FUNCTION_NOT_SUPPORTED);
  logCall(op, rv);
  return rv;
}

/// Trims the blank padding of a fixed-width Cryptoki text field.
std::string fixedText(const unsigned char* p, std::size_t n);

}  // namespace kyso::p11::ck

/// KYSO_CK(fl, C_Name, args...): the one way kyso calls a Cryptoki function.
#define KYSO_CK(fl, name, ...) ::kyso::p11::ck::call((fl)->name, #name __VA_OPT__(, ) __VA_ARGS__)
