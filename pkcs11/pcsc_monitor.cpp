#include "pkcs11/pcsc_monitor.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

#include "core/log.h"
#include "core/messages.h"
#include "pkcs11/pcsc_readers.h"

namespace kyso::p11 {
namespace {

constexpr const char* kPnp = "\\\\?PnP?\\Notification";
constexpr DWORD kWaitMs = 1000;

bool serviceGone(LONG rv) {
  return rv == SCARD_E_NO_SERVICE || rv == SCARD_E_SERVICE_STOPPED || rv == SCARD_E_INVALID_HANDLE;
}

}  // namespace

const char* ReaderEvent::name() const {
  switch (kind) {
    case Kind::ReaderAdded:
      return "reader-added";
    case Kind::ReaderRemoved:
      return "reader-removed";
    case Kind::CardInserted:
      return "card-inserted";
    case Kind::CardRemoved:
      return "card-removed";
    case Kind::ServiceDown:
      return "service-down";
    case Kind::ServiceUp:
      return "service-up";
  }
  return "?";
}

Json ReaderEvent::toJson() const {
  Json j = Json::object();
  j.set("event", name());
  if (!reader.empty()) j.set("reader", reader);
  if (!atr.empty()) j.set("atr", atr);
  if (initial) j.set("initial", true);
  if (kind == Kind::ServiceDown) {
    j.set("code", pcscName(code));
    j.set("message", std::string(errcSentence(Errc::PcscNoService, defaultLang())));
  }
  return j;
}

PcscMonitor::PcscMonitor(Callback cb, std::chrono::milliseconds retry)
    : m_cb(std::move(cb)), m_retry(retry) {}

PcscMonitor::~PcscMonitor() {
  stop();
}

void PcscMonitor::start() {
  std::lock_guard lk(m_mutex);
  if (m_thread.joinable()) return;
  m_stop = false;
  m_thread = std::thread([this] { run(); });
}

void PcscMonitor::stop() {
  {
    std::lock_guard lk(m_mutex);
    m_stop = true;
    if (m_haveCtx) SCardCancel(m_ctx);
  }
  m_cv.notify_all();
  if (m_thread.joinable() && std::this_thread::get_id() != m_thread.get_id()) m_thread.join();
}

bool PcscMonitor::waitRetry() {
  std::unique_lock lk(m_mutex);
  return !m_cv.wait_for(lk, m_retry, [&] { return m_stop; });
}

bool PcscMonitor::stopping() {
  std::lock_guard lk(m_mutex);
  if (m_stop) m_haveCtx = false;
  return m_stop;
}

void PcscMonitor::reportDown(LONG code, const std::map<std::string, DWORD>& state) {
  for (auto& [name, st] : state)
    if (st & SCARD_STATE_PRESENT)
      m_cb(ReaderEvent{ReaderEvent::Kind::CardRemoved, name, {}, false, 0});
  ReaderEvent e;
  e.kind = ReaderEvent::Kind::ServiceDown;
  e.code = code;
  m_cb(e);
}

namespace {

// Readers that went away since the last scan (with their cards), dropped from `state`.
void dropGoneReaders(const std::vector<std::string>& readers, std::map<std::string, DWORD>& state,
                     const PcscMonitor::Callback& cb) {
  for (auto it = state.begin(); it != state.end();) {
    if (std::find(readers.begin(), readers.end(), it->first) != readers.end()) {
      ++it;
      continue;
    }
    if (it->second & SCARD_STATE_PRESENT)
      cb(ReaderEvent{ReaderEvent::Kind::CardRemoved, it->first, {}, false, 0});
    cb(ReaderEvent{ReaderEvent::Kind::ReaderRemoved, it->first, {}, false, 0});
    it = state.erase(it);
  }
}

// What SCardGetStatusChange waits on: every reader at its last known state, then the PnP entry
// that reports readers coming and going.
std::vector<SCARD_READERSTATE> readerStates(const std::vector<std::string>& readers,
                                            std::map<std::string, DWORD>& state) {
  std::vector<SCARD_READERSTATE> rs;
  for (auto& r : readers) {
    SCARD_READERSTATE s{};
    s.szReader = r.c_str();
    const bool known = state.count(r) != 0;
    s.dwCurrentState = known ? state[r] : SCARD_STATE_UNAWARE;
    rs.push_back(s);
    if (!known) state[r] = SCARD_STATE_UNAWARE;
  }
  SCARD_READERSTATE pnp{};
  pnp.szReader = kPnp;
  pnp.dwCurrentState = static_cast<DWORD>(readers.size()) << 16;
  rs.push_back(pnp);
  return rs;
}

// Reports what changed in `rs` (everything on the first pass) and records it in `state`. True
// when the readers must be listed again.
bool deliverChanges(std::vector<SCARD_READERSTATE>& rs, std::map<std::string, DWORD>& state,
                    bool first, const PcscMonitor::Callback& cb) {
  bool rescan = false;
  for (std::size_t i = 0; i + 1 < rs.size(); ++i) {
    auto& s = rs[i];
    if (!(s.dwEventState & SCARD_STATE_CHANGED) && !first) continue;
    std::string name = s.szReader;
    DWORD before = state[name];
    bool wasPresent = (before & SCARD_STATE_PRESENT) != 0;
    const bool isPresent = (s.dwEventState & SCARD_STATE_PRESENT) != 0;
    if (before == SCARD_STATE_UNAWARE) {
      cb(ReaderEvent{ReaderEvent::Kind::ReaderAdded, name, {}, first, 0});
      wasPresent = false;
    }
    if (isPresent && !wasPresent)
      cb(ReaderEvent{ReaderEvent::Kind::CardInserted, name, atrHex(s.rgbAtr, s.cbAtr), first, 0});
    else if (!isPresent && wasPresent)
      cb(ReaderEvent{ReaderEvent::Kind::CardRemoved, name, {}, false, 0});
    if (s.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) rescan = true;
    state[name] = s.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
    s.dwCurrentState = state[name];
  }
  auto& p = rs.back();
  if (p.dwEventState & SCARD_STATE_CHANGED) rescan = true;
  p.dwCurrentState = p.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
  return rescan;
}

}  // namespace

PcscMonitor::Watch PcscMonitor::watch(SCARDCONTEXT ctx) {
  std::map<std::string, DWORD> state;  // reader -> last known event state
  bool first = true;
  for (;;) {
    LONG lrv = 0;
    auto readers = listReaders(ctx, &lrv);
    if (serviceGone(lrv)) return Watch::ServiceGone;
    dropGoneReaders(readers, state, m_cb);
    std::vector<SCARD_READERSTATE> rs = readerStates(readers, state);
    for (bool rescan = false; !rescan;) {
      // SCardCancel only wakes a call already waiting: a stop() that lands while this thread is
      // delivering events is seen here, and the bounded wait is the safety net.
      if (stopping()) return Watch::Stopped;
      LONG w = SCardGetStatusChange(ctx, kWaitMs, rs.data(), static_cast<DWORD>(rs.size()));
      if (w == SCARD_E_CANCELLED || w == SCARD_E_TIMEOUT) continue;
      if (w == SCARD_E_UNKNOWN_READER) break;
      if (w != SCARD_S_SUCCESS) {
        reportDown(w, state);
        return Watch::ServiceDown;
      }
      rescan = deliverChanges(rs, state, first, m_cb);
      first = false;
    }
  }
}

void PcscMonitor::run() {
  bool reportedDown = false;
  for (;;) {
    if (stopping()) return;
    SCARDCONTEXT raw = 0;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &raw);
    if (rv != SCARD_S_SUCCESS) {
      if (!reportedDown) reportDown(rv, {});
      reportedDown = true;
      if (!waitRetry()) return;
      continue;
    }
    ScardContext ctx(raw);
    {
      std::lock_guard lk(m_mutex);
      if (m_stop) return;
      m_ctx = raw;
      m_haveCtx = true;
    }
    if (reportedDown) {
      ReaderEvent e;
      e.kind = ReaderEvent::Kind::ServiceUp;
      m_cb(e);
    }
    reportedDown = false;
    const Watch ended = watch(ctx.get());
    if (ended == Watch::Stopped) return;
    if (ended == Watch::ServiceDown) reportedDown = true;
    {
      std::lock_guard lk(m_mutex);
      m_haveCtx = false;
      if (m_stop) return;
    }
    if (!waitRetry()) return;
  }
}

}  // namespace kyso::p11
