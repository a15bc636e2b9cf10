// WorkerThread: one long-lived thread that runs the closures posted to it, in order. For a batch
// that hands each file to one of a few lanes: a thread made afresh per file (std::async) costs a
// clone, a stack's page faults and a teardown per file, which on a two-core machine came out of
// the signing (issue 22; CommitPool says the same of commits).
//
//   WorkerThread lane;
//   std::future<int> r = lane.post([] { return work(); });
//
// The destructor runs what is still queued, then joins.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace kyso {

class WorkerThread {
 public:
  WorkerThread();
  ~WorkerThread();
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;

  /// Queues `f` (it may be move-only) and returns the future of its result or exception.
  template <class F>
  auto post(F&& f) -> std::future<std::invoke_result_t<std::decay_t<F>&>> {
    using R = std::invoke_result_t<std::decay_t<F>&>;
    auto task = std::make_shared<std::packaged_task<R()>>(std::forward<F>(f));
    auto done = task->get_future();
    enqueue([task] { (*task)(); });
    return done;
  }

 private:
  void enqueue(std::function<void()> job);
  void loop();

  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<std::function<void()>> m_queue;
  bool m_stop = false;
  std::thread m_thread;  // last: starts once the members above exist
};

}  // namespace kyso
