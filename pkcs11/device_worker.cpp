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

void DeviceWorker::enqueue(std::function<void()> job) {
  {
    std::lock_guard lk(m_core->mutex);
    m_core->queue.push_back(std::move(job));
    m_core->queued.store(m_core->queue.size(), std::memory_order_release);
  }
  m_core->cv.notify_one();
}

void DeviceWorker::loop(std::shared_ptr<Core> core) {
  for (;;) {
    std::function<void()> job;
    // Spin briefly for the next job before sleeping (see kWorkerSpin).
    const auto until = std::chrono::steady_clock::now() + kWorkerSpin;
    for (unsigned n = 0; core->queued.load(std::memory_order_acquire) == 0 &&
                         std::chrono::steady_clock::now() < until;
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
    job();
  }
}

}  // namespace kyso::p11
