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
#include <exception>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
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

  /// Runs `f` on the worker thread and waits for its result (inline when already there). The job
  /// and its result live in this stack frame (no allocation, no future): the worker's last touch
  /// of them is the release store of `done`; a caller that stops spinning sleeps on the worker's
  /// long-lived condition variable, never on anything in this frame.
  template <class F>
  auto call(F&& f) -> std::invoke_result_t<std::decay_t<F>&> {
    using R = std::invoke_result_t<std::decay_t<F>&>;
    if (onWorkerThread()) return f();
    struct Waiter {
      std::conditional_t<std::is_void_v<R>, bool, std::optional<R>> result{};
      std::exception_ptr error;
      std::atomic<bool> done{false};
    } w;
    auto* fn = &f;
    enqueue(
        [&w, fn] {
          try {
            if constexpr (std::is_void_v<R>)
              (*fn)();
            else
              w.result.emplace((*fn)());
          } catch (...) {
            w.error = std::current_exception();
          }
        },
        &w.done);
    waitDone(w.done);
    if (w.error) std::rethrow_exception(w.error);
    if constexpr (!std::is_void_v<R>) return std::move(*w.result);
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
  struct Job {
    std::function<void()> run;
    std::atomic<bool>* done = nullptr;  // call(): set after run; the last touch of its frame
  };
  // The queue lives in a block shared with the thread, so that a worker released from one of its
  // own jobs can detach and let the thread drain and exit without touching freed memory.
  struct Core {
    std::mutex mutex;
    std::condition_variable cv;
    std::deque<Job> queue;
    std::atomic<std::size_t> queued{0};  // queue.size(), readable without the mutex while spinning
    std::atomic<bool> stop{false};       // set under the mutex; read while spinning as well
    // call()'s callers that stopped spinning sleep here until their job's `done` is set.
    std::mutex doneMutex;
    std::condition_variable doneCv;
    std::atomic<int> sleepers{0};
  };
  void enqueue(std::function<void()> job, std::atomic<bool>* done = nullptr);
  void waitDone(const std::atomic<bool>& done);
  static void loop(std::shared_ptr<Core> core);
  std::shared_ptr<Core> m_core = std::make_shared<Core>();
  std::thread m_thread;
};

}  // namespace kyso::p11
