#include "src/core/error.h"

#include <openssl/err.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "src/core/messages.h"

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
  return Error{Domain::Posix, err, std::move(op), std::move(ctx), k};
}

Error Error::openssl(std::string op, std::string ctx, Errc k) {
  unsigned long code = ERR_peek_last_error();
  if (!ctx.empty() && code != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    ctx += ": ";
    ctx += buf;
  } else if (code != 0) {
    char buf[256];
    ERR_error_string_n(code, buf, sizeof buf);
    ctx = buf;
  }
  ERR_clear_error();
  return Error{Domain::OpenSsl, static_cast<long>(code), std::move(op), std::move(ctx), k};
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
  if (!context.empty()) s += " [" + context + "]";
  return s;
}

}  // namespace kyso
