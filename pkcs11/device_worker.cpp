#include "pkcs11/device_worker.h"

namespace kyso::p11 {

DeviceWorker::DeviceWorker() : m_thread([core = m_core] { loop(core); }) {}

DeviceWorker::~DeviceWorker() {
  {
    std::lock_guard lk(m_core->mutex);
    m_core->stop = true;
  }
  m_core->cv.notify_all();
  if (onWorkerThread())
    m_thread.detach();
  else if (m_thread.joinable())
    m_thread.join();
}

void DeviceWorker::enqueue(std::function<void()> job, std::atomic<bool>* done) {
  {
    std::lock_guard lk(m_core->mutex);
    m_core->queue.push_back(Job{std::move(job), done});
    m_core->queued.store(m_core->queue.size(), std::memory_order_release);
  }
  m_core->cv.notify_one();
}

void DeviceWorker::waitDone(const std::atomic<bool>& done) {
  const auto until = std::chrono::steady_clock::now() + kCallerSpin;
  for (unsigned n = 0; !done.load(std::memory_order_acquire); ++n) {
    if (std::chrono::steady_clock::now() >= until) {
      // Dekker-style with the worker (seq_cst on both sides): either it sees a sleeper and
      // notifies under the mutex, or this thread sees `done` before it sleeps.
      std::unique_lock lk(m_core->doneMutex);
      m_core->sleepers.fetch_add(1);
      while (!done.load()) m_core->doneCv.wait(lk);
      m_core->sleepers.fetch_sub(1);
      return;
    }
    relax(n);
  }
}

void DeviceWorker::loop(std::shared_ptr<Core> core) {
  for (;;) {
    Job job;
    // Spin briefly for the next job before sleeping (see kWorkerSpin).
    const auto until = std::chrono::steady_clock::now() + kWorkerSpin;
    // A worker being destroyed stops spinning at once (its owner is waiting in join()).
    for (unsigned n = 0;
         core->queued.load(std::memory_order_acquire) == 0 &&
         !core->stop.load(std::memory_order_acquire) && std::chrono::steady_clock::now() < until;
         ++n)
      relax(n);
    {
      std::unique_lock lk(core->mutex);
      core->cv.wait(lk, [&] { return core->stop || !core->queue.empty(); });
      if (core->queue.empty()) return;  // stopping, and all queued work is done
      job = std::move(core->queue.front());
      core->queue.pop_front();
      core->queued.store(core->queue.size(), std::memory_order_release);
    }
    job.run();
    job.run = nullptr;  // release what the job captured before its caller is let go
    if (job.done != nullptr) {
      job.done->store(true);  // seq_cst; the last touch of the caller's frame
      if (core->sleepers.load() > 0) {
        { std::lock_guard lk(core->doneMutex); }
        core->doneCv.notify_all();
      }
    }
  }
}

}  // namespace kyso::p11
