#include "core/worker_thread.h"

#include <utility>

namespace kyso {

WorkerThread::WorkerThread() : m_thread([this] { loop(); }) {}

WorkerThread::~WorkerThread() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_one();
  m_thread.join();
}

void WorkerThread::enqueue(std::function<void()> job) {
  {
    std::lock_guard lock(m_mutex);
    m_queue.push_back(std::move(job));
  }
  m_cv.notify_one();
}

void WorkerThread::loop() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock lock(m_mutex);
      m_cv.wait(lock, [this] { return m_stop || !m_queue.empty(); });
      if (m_queue.empty()) return;  // stopping, and everything queued has run
      job = std::move(m_queue.front());
      m_queue.pop_front();
    }
    job();  // a packaged_task: an exception goes into its future
  }
}

}  // namespace kyso
