#include "pkcs11/pcsc_readers.h"

#include <cstdio>

#include "pkcs11/pcsc_ptr.h"

namespace kyso::p11 {

std::vector<std::string> listReaders(SCARDCONTEXT ctx, LONG* rvOut) {
  DWORD len = 0;
  LONG rv = SCardListReaders(ctx, nullptr, nullptr, &len);
  std::vector<std::string> out;
  if (rv == SCARD_S_SUCCESS && len > 0) {
    std::string buf(len, '\0');
    rv = SCardListReaders(ctx, nullptr, buf.data(), &len);
    if (rv == SCARD_S_SUCCESS)
      for (std::size_t i = 0; i < buf.size() && buf[i];) {
        std::string r(buf.c_str() + i);
        i += r.size() + 1;
        out.push_back(std::move(r));
      }
  }
  if (rv == SCARD_E_NO_READERS_AVAILABLE) rv = SCARD_S_SUCCESS;
  *rvOut = rv;
  return out;
}

std::string atrHex(const unsigned char* p, DWORD n) {
  std::string s;
  char b[3];
  for (DWORD i = 0; i < n; ++i) {
    std::snprintf(b, sizeof b, "%02X", p[i]);
    s += b;
  }
  return s;
}

Result<std::vector<ReaderNow>> readersNow() {
  SCARDCONTEXT raw = 0;
  LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &raw);
  if (rv != SCARD_S_SUCCESS)
    return Error::raw(Domain::Pcsc, rv, "SCardEstablishContext", {}, Errc::PcscNoService);
  ScardContext ctx(raw);
  const std::vector<std::string> names = listReaders(ctx.get(), &rv);
  if (rv != SCARD_S_SUCCESS)
    return Error::raw(Domain::Pcsc, rv, "SCardListReaders", {}, Errc::PcscNoService);
  std::vector<ReaderNow> out;
  if (names.empty()) return out;
  std::vector<SCARD_READERSTATE> rs(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    rs[i].szReader = names[i].c_str();
    rs[i].dwCurrentState = SCARD_STATE_UNAWARE;
  }
  rv = SCardGetStatusChange(ctx.get(), 0, rs.data(), static_cast<DWORD>(rs.size()));
  if (rv != SCARD_S_SUCCESS && rv != SCARD_E_TIMEOUT)
    return Error::raw(Domain::Pcsc, rv, "SCardGetStatusChange", {}, Errc::PcscNoService);
  for (std::size_t i = 0; i < names.size(); ++i) {
    ReaderNow r;
    r.name = names[i];
    r.cardPresent = (rs[i].dwEventState & SCARD_STATE_PRESENT) != 0;
    if (r.cardPresent) r.atr = atrHex(rs[i].rgbAtr, rs[i].cbAtr);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace kyso::p11
