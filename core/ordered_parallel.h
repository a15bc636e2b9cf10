// orderedParallel: runs work(i) for i in [0, n) on up to `jobs` threads (the calling thread is one
// of them) and hands every result to deliver(i, result) on the calling thread, in index order, as
// soon as it and all before it are ready. For batches whose items are independent (verifying many
// files) but whose output must read as if done one by one.
//
//   orderedParallel<FileReport>(files.size(), 2,
//       [&](std::size_t i) { return verifyPdfFile(files[i], opt); },   // any thread
//       [&](std::size_t i, FileReport&& r) { print(r); });             // calling thread, in order
//
// `work` must not throw (wrap it); `deliver` may. At most about 2 x jobs results wait undelivered
// at any time: a worker that runs ahead waits for the calling thread to catch up.
#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace kyso {

template <class T, class Work, class Deliver>
void orderedParallel(std::size_t n, std::size_t jobs, Work&& work, Deliver&& deliver) {
  jobs = std::clamp<std::size_t>(jobs, 1, std::max<std::size_t>(n, 1));
  if (jobs == 1) {
    for (std::size_t i = 0; i < n; ++i) deliver(i, work(i));
    return;
  }
  const std::size_t window = 2 * jobs;  // results allowed to wait for delivery
  std::vector<std::optional<T>> ready(n);
  std::mutex m;
  std::condition_variable cv;
  std::size_t next = 0;       // next index to hand out (under m)
  std::size_t delivered = 0;  // results delivered so far (under m)
  bool stop = false;          // deliver threw: workers finish their item and leave
  auto take = [&]() -> std::optional<std::size_t> {
    std::unique_lock lock(m);
    cv.wait(lock, [&] { return stop || next >= n || next < delivered + window; });
    if (stop || next >= n) return std::nullopt;
    return next++;
  };
  auto runWorker = [&] {
    while (auto i = take()) {
      T r = work(*i);
      std::lock_guard lock(m);
      ready[*i].emplace(std::move(r));
      cv.notify_all();
    }
  };
  std::vector<std::thread> workers;
  workers.reserve(jobs - 1);
  for (std::size_t w = 1; w < jobs; ++w) workers.emplace_back(runWorker);
  auto joinAll = [&] {
    for (auto& t : workers) t.join();
  };
  try {
    while (true) {
      std::optional<T> r;
      std::size_t i = 0;
      {
        std::unique_lock lock(m);
        if (delivered >= n) break;
        i = delivered;
        if (!ready[i] && next < n && next < delivered + window) {
          // The calling thread works too while its next result is not ready.
          std::size_t mine = next++;
          lock.unlock();
          T own = work(mine);
          lock.lock();
          ready[mine].emplace(std::move(own));
          cv.notify_all();
          continue;
        }
        cv.wait(lock, [&] { return ready[i].has_value(); });
        r = std::move(ready[i]);
        ready[i].reset();
        ++delivered;
        cv.notify_all();
      }
      deliver(i, std::move(*r));
    }
  } catch (...) {
    {
      std::lock_guard lock(m);
      stop = true;
      cv.notify_all();
    }
    joinAll();
    throw;
  }
  joinAll();
}

}  // namespace kyso
