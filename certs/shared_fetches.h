// Network answers shared by the threads of one verification or one batch (issue 22): an issuer
// certificate by its AIA address, a CRL by its address, an OCSP answer by responder and
// certificate. Each question is asked once at a time: a thread asking what another is fetching
// waits for that answer instead of asking again, and different questions go out at the same time
// (500 incoming PDFs from five signers ask their responders in parallel, each once). A successful
// answer is kept as long as the caller says (an issuer certificate for good, a CRL for minutes,
// an OCSP answer only while it is awaited); a failure is handed to those waiting on it and asked
// again by the next caller.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "core/result.h"

namespace kyso::certs {

class SharedFetches {
 public:
  struct Answer {
    Result<std::string> body;
    bool fetchedHere = false;  // this call made the request (false: kept, or another thread's)
  };
  /// The answer to `key`: kept (for at most `keepFor` after it arrived; nullopt: for good, zero:
  /// only while it is awaited), or awaited from the thread fetching it, or fetched now by `fetch`
  /// (which runs without any lock held).
  Answer getSlowly(const std::string& key, const std::function<Result<std::string>()>& fetch,
                   std::optional<std::chrono::seconds> keepFor = std::nullopt);
  /// Drops the kept answer to `key` (one that turned out not to answer), so the next call asks.
  void forget(const std::string& key);
  /// How many callers wait for the answer to `key` now (for tests).
  std::size_t waiting(const std::string& key);

 private:
  struct Entry {
    bool done = false;
    std::optional<Result<std::string>> result;
    std::chrono::steady_clock::time_point arrived;
    std::size_t waiting = 0;
  };
  std::mutex m_mu;
  std::condition_variable m_cv;
  std::map<std::string, std::shared_ptr<Entry>> m_entries;
};

}  // namespace kyso::certs
