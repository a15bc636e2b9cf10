// PcscMonitor: PC/SC hot-plug events (readers added and removed, cards inserted and removed) from
// pcsc-lite, on its own thread with its own SCARDCONTEXT (PC/SC contexts must not be shared
// between threads). It waits in SCardGetStatusChange on every reader plus the
// "\\?PnP?\Notification" pseudo-reader, so new readers wake it without polling; stop() calls
// SCardCancel. When pcscd is not running (SCARD_E_NO_SERVICE) or stops, it reports
// ServiceDown once and retries every `retry` until the service is back (ServiceUp).
//
// Events are delivered on the monitor's thread: the callback must be quick and thread-safe
// (hand the event to the DeviceWorker or the UI thread; refresh the token view from PKCS#11 there).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "core/json.h"
#include "core/result.h"
#include "pkcs11/pcsc_ptr.h"

namespace kyso::p11 {

struct ReaderEvent {
  enum class Kind { ReaderAdded, ReaderRemoved, CardInserted, CardRemoved, ServiceDown, ServiceUp };
  Kind kind = Kind::ReaderAdded;
  std::string reader;
  std::string atr;       // hex, for CardInserted
  bool initial = false;  // part of the first snapshot after (re)connecting
  long code = 0;         // the SCARD code for ServiceDown
  const char* name() const;
  Json toJson() const;
};

class PcscMonitor {
 public:
  using Callback = std::function<void(const ReaderEvent&)>;
  explicit PcscMonitor(Callback cb, std::chrono::milliseconds retry = std::chrono::seconds(2));
  ~PcscMonitor();
  PcscMonitor(const PcscMonitor&) = delete;
  PcscMonitor& operator=(const PcscMonitor&) = delete;

  /// Starts the monitor thread. Non-blocking.
  void start();
  /// Cancels the wait (SCardCancel) and joins the thread. Safe to call twice.
  void stop();

 private:
  // How watching a context ended.
  enum class Watch { Stopped, ServiceDown, ServiceGone };
  void run();
  Watch watch(SCARDCONTEXT ctx);
  bool waitRetry();
  bool stopping();  // stop() was called (then the context is no longer cancellable)
  void reportDown(LONG code, const std::map<std::string, DWORD>& state);
  Callback m_cb;
  std::chrono::milliseconds m_retry;
  std::thread m_thread;
  std::mutex m_mutex;
  std::condition_variable m_cv;
  bool m_stop = false;
  SCARDCONTEXT m_ctx = 0;  // the live context, for SCardCancel (guarded by m_mutex)
  bool m_haveCtx = false;
};

}  // namespace kyso::p11
