// Error: what failed, in machine terms. It carries the domain of the raw code, the raw code itself
// (CK_RV, SCARD code, OpenSSL packed error, errno, SQLite or libpq code, or a kyso::Errc), the
// operation that returned it (`C_Login`, `CMS_verify`, `open`) and free context for logs ("slot 0",
// a file name). Sentences for people are made from it by messages.h, at the edge, never here.
#pragma once

#include <cstdint>
#include <string>

#include "core/detail.h"
#include "core/errc.h"

namespace kyso {

/// Where a raw error code comes from; decides which table explains it.
enum class Domain : std::uint8_t {
  Kyso,      // code is a kyso::Errc
  Pkcs11,    // code is a CK_RV
  Pcsc,      // code is a PC/SC LONG (SCARD_E_*)
  OpenSsl,   // code is an OpenSSL packed error (ERR_get_error)
  Posix,     // code is an errno value
  Sqlite,    // code is an SQLite extended result code
  Postgres,  // code is a libpq SQLSTATE packed by sqlStateCode()
  Http,      // code is an HTTP status or a CURLcode (negated)
};

/// A failure: domain + raw code + operation + context. Copyable, cheap, never holds secrets.
struct Error {
  Domain domain = Domain::Kyso;
  long code = 0;
  std::string operation;  // the call that failed: "C_Login", "CMS_verify", "rename"
  std::string context;    // for logs and details: file names, slot ids; never a PIN
  Errc kind = Errc::Ok;   // kyso's classification, set by the layer that understood the raw code
  Detail detail = Detail::None;  // why, when the context holds a Detail's values (detail.h)

  static Error kyso(Errc e, std::string op, std::string ctx = {}) {
    return Error{Domain::Kyso, static_cast<long>(e), std::move(op), std::move(ctx), e,
                 Detail::None};
  }
  static Error raw(Domain d, long c, std::string op, std::string ctx = {}, Errc k = Errc::Ok) {
    return Error{d, c, std::move(op), std::move(ctx), k, Detail::None};
  }
  /// This error with a Detail: the context holds its values (detailArgs).
  Error because(Detail d) && {
    detail = d;
    return std::move(*this);
  }
  /// errno from a failed POSIX call, classified (ENOSPC -> DiskFull, ENOENT -> FileNotFound, ...).
  static Error posix(int err, std::string op, std::string ctx = {});
  /// The most recent OpenSSL error on this thread's queue (and clears the queue). When a kyso
  /// callback inside OpenSSL failed (a token signing through the EVP_PKEY bridge), the queue holds
  /// that Error (raiseThroughOpenSsl) and it is returned as it was, whatever `op` says.
  static Error openssl(std::string op, std::string ctx = {}, Errc k = Errc::Ok);

  /// Adds where it happened (a file, a page), which people read in any language: before the
  /// context, or as a Detail's first value when that is empty. A Detail that has its own first
  /// value keeps it (the place then shows in logs only).
  void addWhere(const std::string& where);

  /// One line for logs and --verbose: "C_Login: CKR_PIN_INCORRECT (0xa0) [slot 0]"; a Detail in
  /// English.
  std::string technical() const;
};

/// For code that runs inside an OpenSSL call (the token's EVP_PKEY methods): puts `e` on this
/// thread's OpenSSL error queue so that the caller's Error::openssl returns `e` itself (domain,
/// raw code, operation, context and kind) and not OpenSSL's generic "operation fail". The token's
/// error so reaches whoever called OpenSSL as a value, on whatever thread called it.
void raiseThroughOpenSsl(const Error& e);

}  // namespace kyso
