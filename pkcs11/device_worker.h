// DeviceWorker: the one thread that owns every token session. Work is handed to it as closures
// through a small queue; a GUI or a batch never touches a token from two threads, and signing
// through a token-backed EVP_PKEY from any thread is marshalled here.
//
//   auto worker = std::make_shared<DeviceWorker>();
//   Result<int> r = worker->call([&] { return doTokenThing(); });   // blocks until done
//   auto fut = worker->post([&] { ... });                            // returns a std::future
//
// call() from the worker thread itself runs the closure inline (no deadlock), so layered code can
// use call() freely. The destructor finishes queued work and joins the thread.
//
// Hand-off latency: a thread woken from a futex sleep on an idle machine costs 10-20 µs, more than
// a P-256 signature on SoftHSM. So both sides spin briefly (yielding) before they sleep: the
// worker for kWorkerSpin after each job, waiting for the next one, and call() for kCallerSpin
// (long enough to cover a software RSA signature) waiting for the result. A batch's back-to-back
// signatures then never sleep; an idle worker sleeps as before.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <thread>
#include <type_traits>

namespace kyso::p11 {

class DeviceWorker {
 public:
  DeviceWorker();
  ~DeviceWorker();
  DeviceWorker(const DeviceWorker&) = delete;
  DeviceWorker& operator=(const DeviceWorker&) = delete;

  /// True on the worker thread.
  bool onWorkerThread() const { return std::this_thread::get_id() == m_thread.get_id(); }

  /// Queues `f` and returns a future for its result. Non-blocking.
  template <class F>
  auto post(F&& f) -> std::future<std::invoke_result_t<std::decay_t<F>&>> {
    using R = std::invoke_result_t<std::decay_t<F>&>;
    auto task = std::make_shared<std::packaged_task<R()>>(std::forward<F>(f));
    auto fut = task->get_future();
    enqueue([task] { (*task)(); });
    return fut;
  }

  /// Runs `f` on the worker thread and waits for its result (inline when already there).
  template <class F>
  auto call(F&& f) -> std::invoke_result_t<std::decay_t<F>&> {
    if (onWorkerThread()) return f();
    auto fut = post(std::forward<F>(f));
    const auto until = std::chrono::steady_clock::now() + kCallerSpin;
    for (unsigned n = 0; fut.wait_for(std::chrono::seconds(0)) != std::future_status::ready &&
                         std::chrono::steady_clock::now() < until;
         ++n)
      relax(n);
    return fut.get();
  }

  /// One step of a spin: a CPU pause for the first steps (no system call), then a yield so that a
  /// loaded machine's other threads run.
  static void relax(unsigned step) {
#if defined(__x86_64__) || defined(__i386__)
    if (step < 256) {
      __builtin_ia32_pause();
      return;
    }
#endif
    (void)step;
    std::this_thread::yield();
  }

  /// How long each side spins before it sleeps (see the header comment).
  static constexpr std::chrono::microseconds kWorkerSpin{200};
  static constexpr std::chrono::microseconds kCallerSpin{2000};

 private:
  // The queue lives in a block shared with the thread, so that a worker released from one of its
  // own jobs can detach and let the thread drain and exit without touching freed memory.
  struct Core {
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<std::function<void()>> queue;
    std::atomic<std::size_t> queued{0};  // queue.size(), readable without the mutex while spinning
    bool stop = false;
  };
  void enqueue(std::function<void()> job);
  static void loop(std::shared_ptr<Core> core);
  std::shared_ptr<Core> m_core = std::make_shared<Core>();
  std::thread m_thread;
};

}  // namespace kyso::p11
