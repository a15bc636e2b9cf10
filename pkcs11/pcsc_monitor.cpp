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

void PcscMonitor::run() {
  bool reportedDown = false;
  bool wasDown = false;
  for (;;) {
    {
      std::lock_guard lk(m_mutex);
      if (m_stop) return;
    }
    SCARDCONTEXT raw = 0;
    LONG rv = SCardEstablishContext(SCARD_SCOPE_SYSTEM, nullptr, nullptr, &raw);
    if (rv != SCARD_S_SUCCESS) {
      if (!reportedDown) {
        ReaderEvent e;
        e.kind = ReaderEvent::Kind::ServiceDown;
        e.code = rv;
        m_cb(e);
        reportedDown = wasDown = true;
      }
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
    if (wasDown) {
      ReaderEvent e;
      e.kind = ReaderEvent::Kind::ServiceUp;
      m_cb(e);
    }
    reportedDown = wasDown = false;

    std::map<std::string, DWORD> state;  // reader -> last known event state
    bool first = true;
    bool down = false;
    while (!down) {
      LONG lrv = 0;
      auto readers = listReaders(ctx.get(), &lrv);
      if (serviceGone(lrv)) break;
      // Readers that went away, then new ones.
      for (auto it = state.begin(); it != state.end();) {
        if (std::find(readers.begin(), readers.end(), it->first) == readers.end()) {
          if (it->second & SCARD_STATE_PRESENT) {
            ReaderEvent e{ReaderEvent::Kind::CardRemoved, it->first, {}, false, 0};
            m_cb(e);
          }
          ReaderEvent e{ReaderEvent::Kind::ReaderRemoved, it->first, {}, false, 0};
          m_cb(e);
          it = state.erase(it);
        } else {
          ++it;
        }
      }
      std::vector<SCARD_READERSTATE> rs;
      for (auto& r : readers) {
        SCARD_READERSTATE s{};
        s.szReader = r.c_str();
        bool known = state.count(r) != 0;
        s.dwCurrentState = known ? state[r] : SCARD_STATE_UNAWARE;
        rs.push_back(s);
        if (!known) state[r] = SCARD_STATE_UNAWARE;
      }
      SCARD_READERSTATE pnp{};
      pnp.szReader = kPnp;
      pnp.dwCurrentState = static_cast<DWORD>(readers.size()) << 16;
      rs.push_back(pnp);

      bool rescan = false;
      while (!rescan) {
        {
          // SCardCancel only wakes a call already waiting: a stop() that lands while this thread
          // is delivering events is seen here, and the bounded wait is the safety net.
          std::lock_guard lk(m_mutex);
          if (m_stop) {
            m_haveCtx = false;
            return;
          }
        }
        LONG w = SCardGetStatusChange(ctx.get(), kWaitMs, rs.data(), static_cast<DWORD>(rs.size()));
        if (w == SCARD_E_CANCELLED) {
          std::lock_guard lk(m_mutex);
          if (m_stop) {
            m_haveCtx = false;
            return;
          }
          continue;
        }
        if (w == SCARD_E_TIMEOUT) continue;
        if (w == SCARD_E_UNKNOWN_READER) {
          rescan = true;
          break;
        }
        if (w != SCARD_S_SUCCESS) {
          down = true;
          ReaderEvent e;
          e.kind = ReaderEvent::Kind::ServiceDown;
          e.code = w;
          for (auto& [name, st] : state)
            if (st & SCARD_STATE_PRESENT)
              m_cb(ReaderEvent{ReaderEvent::Kind::CardRemoved, name, {}, false, 0});
          m_cb(e);
          reportedDown = wasDown = true;
          break;
        }
        for (std::size_t i = 0; i + 1 < rs.size(); ++i) {
          auto& s = rs[i];
          if (!(s.dwEventState & SCARD_STATE_CHANGED) && !first) continue;
          std::string name = s.szReader;
          DWORD before = state[name];
          bool wasPresent = (before & SCARD_STATE_PRESENT) != 0;
          bool isPresent = (s.dwEventState & SCARD_STATE_PRESENT) != 0;
          if (before == SCARD_STATE_UNAWARE) {
            ReaderEvent e{ReaderEvent::Kind::ReaderAdded, name, {}, first, 0};
            m_cb(e);
            wasPresent = false;
          }
          if (isPresent && !wasPresent) {
            ReaderEvent e{ReaderEvent::Kind::CardInserted, name, atrHex(s.rgbAtr, s.cbAtr), first,
                          0};
            m_cb(e);
          } else if (!isPresent && wasPresent) {
            ReaderEvent e{ReaderEvent::Kind::CardRemoved, name, {}, false, 0};
            m_cb(e);
          }
          if (s.dwEventState & (SCARD_STATE_UNKNOWN | SCARD_STATE_IGNORE)) rescan = true;
          state[name] = s.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
          s.dwCurrentState = state[name];
        }
        first = false;
        auto& p = rs.back();
        if (p.dwEventState & SCARD_STATE_CHANGED) rescan = true;
        p.dwCurrentState = p.dwEventState & ~static_cast<DWORD>(SCARD_STATE_CHANGED);
      }
    }
    {
      std::lock_guard lk(m_mutex);
      m_haveCtx = false;
      if (m_stop) return;
    }
    if (!waitRetry()) return;
  }
}

}  // namespace kyso::p11
