// PoolThreadCleanup: put one at the top of a job that runs on a Qt pool thread and calls OpenSSL.
// Pool threads outlive their jobs, so OpenSSL's per-thread state (the error queue a failed call
// leaves) would otherwise stay allocated until the thread ends, which may be after exit (and
// LeakSanitizer then reports it). OPENSSL_thread_stop() releases it; OpenSSL makes it again on
// the next call.
#pragma once

#include <openssl/crypto.h>

namespace kyso::ui {

struct PoolThreadCleanup {
  PoolThreadCleanup() = default;
  PoolThreadCleanup(const PoolThreadCleanup&) = delete;
  PoolThreadCleanup& operator=(const PoolThreadCleanup&) = delete;
  ~PoolThreadCleanup() { OPENSSL_thread_stop(); }
};

}  // namespace kyso::ui
