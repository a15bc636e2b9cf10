#include "core/error.h"

#include <openssl/err.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string_view>

#include "core/messages.h"

namespace kyso {

Error Error::posix(int err, std::string op, std::string ctx) {
  Errc k = Errc::Ok;
  switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      k = Errc::DiskFull;
      break;
    case ENOENT:
      k = Errc::FileNotFound;
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      k = Errc::OutputNotWritable;
      break;
    case EEXIST:
      k = Errc::FileExists;
      break;
    case EISDIR:
      k = Errc::FileUnreadable;
      break;
    default:
      break;
  }
  return Error{Domain::Posix, err, std::move(op), std::move(ctx), k, Detail::None};
}

namespace {

// The OpenSSL library number under which kyso Errors travel through the error queue, and the
// separator of their fields (domain, code, kind, detail, operation, context) in the entry's data.
// The entry is recognised by its leading marker, not by the library number: a module (kyso-xml.so)
// has its own copy of this file and so its own number, and it must still read the Error that the
// program's copy of the token bridge raised.
int kysoErrLib() {
  static const int lib = ERR_get_next_error_library();
  return lib;
}
constexpr char kFieldSep = '\x1f';
constexpr std::string_view kMarker = "kyso-error\x1f";

std::optional<Error> decodeKysoEntry(std::string_view data) {
  if (data.substr(0, kMarker.size()) != kMarker) return std::nullopt;
  data.remove_prefix(kMarker.size());
  std::string fields[6];
  std::size_t f = 0;
  for (char c : data) {
    if (c == kFieldSep && f < 5)
      ++f;
    else
      fields[f] += c;
  }
  if (f != 5) return std::nullopt;
  Error e;
  e.domain = static_cast<Domain>(std::strtol(fields[0].c_str(), nullptr, 10));
  e.code = std::strtol(fields[1].c_str(), nullptr, 10);
  const long kind = std::strtol(fields[2].c_str(), nullptr, 10);
  e.kind = kind >= 0 && kind < static_cast<long>(Errc::Count_) ? static_cast<Errc>(kind) : Errc::Ok;
  const long detail = std::strtol(fields[3].c_str(), nullptr, 10);
  e.detail = detail >= 0 && detail < static_cast<long>(Detail::Count_) ? static_cast<Detail>(detail)
                                                                       : Detail::None;
  e.operation = std::move(fields[4]);
  e.context = std::move(fields[5]);
  return e;
}

}  // namespace

void raiseThroughOpenSsl(const Error& e) {
  std::string data = std::string(kMarker) + std::to_string(static_cast<int>(e.domain)) + kFieldSep +
                     std::to_string(e.code) + kFieldSep + std::to_string(static_cast<int>(e.kind)) +
                     kFieldSep + std::to_string(static_cast<int>(e.detail)) + kFieldSep +
                     e.operation + kFieldSep + e.context;
  ERR_raise_data(kysoErrLib(), ERR_R_OPERATION_FAIL, "%s", data.c_str());
}

Error Error::openssl(std::string op, std::string ctx, Errc k) {
  // Drain the queue: the last entry says what OpenSSL saw last; a kyso entry anywhere in it is
  // the cause (OpenSSL adds its own entries after a failed callback).
  unsigned long code = 0;
  std::optional<Error> cause;
  const char* data = nullptr;
  int flags = 0;
  while (unsigned long c = ERR_get_error_all(nullptr, nullptr, nullptr, &data, &flags)) {
    code = c;
    if (data && (flags & ERR_TXT_STRING))
      if (auto e = decodeKysoEntry(data)) cause = std::move(e);
  }
  if (cause) return *cause;
  // OpenSSL's own text is for logs: people read the context (a file) and the kind's sentence.
  Detail detail = Detail::None;
  if (code != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    ctx = detailArgs({ctx, buf});
    detail = Detail::TechnicalIn;
  }
  return Error{Domain::OpenSsl, static_cast<long>(code), std::move(op), std::move(ctx), k, detail};
}

void resultMisused(const char* what, const Error* error) {
  std::fprintf(stderr, "kyso: internal error: Result::%s on the wrong alternative%s%s\n", what,
               error ? ": " : "", error ? error->technical().c_str() : "");
  std::abort();
}

void Error::addWhere(const std::string& where) {
  if (where.empty()) return;
  if (detail == Detail::None) {
    context = context.empty() ? where : where + ": " + context;
  } else if (detail == Detail::Technical) {
    context = detailArgs({where, context});
    detail = Detail::TechnicalIn;
  } else if (context.empty()) {
    context = where;
  } else if (context.front() == kDetailSep) {
    context = where + context;
  } else {
    operation += " (" + where + ")";
  }
}

std::string Error::technical() const {
  std::string s = operation.empty() ? std::string("?") : operation;
  s += ": ";
  switch (domain) {
    case Domain::Kyso:
      s += errcName(static_cast<Errc>(code));
      break;
    case Domain::Pkcs11:
      s += ckrName(static_cast<unsigned long>(code));
      break;
    case Domain::Pcsc:
      s += pcscName(code);
      break;
    case Domain::Posix:
      s += std::strerror(static_cast<int>(code));
      break;
    default: {
      char buf[48];
      std::snprintf(buf, sizeof buf, "code %ld", code);
      s += buf;
    }
  }
  if (kind != Errc::Ok && domain != Domain::Kyso) {
    s += " -> ";
    s += errcName(kind);
  }
  if (detail == Detail::None || detail == Detail::Technical || detail == Detail::TechnicalIn) {
    std::string ctx;
    for (char c : context)
      if (c == kDetailSep)
        ctx += ": ";
      else
        ctx += c;
    if (!ctx.empty()) s += " [" + ctx + "]";
  } else {
    s += " [" + detailSentence(detail, context, Lang::En) + "]";
  }
  return s;
}

}  // namespace kyso
