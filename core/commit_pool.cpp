#include "core/commit_pool.h"

#include <algorithm>

namespace kyso {

CommitPool::CommitPool(std::size_t threads) : m_max(std::max<std::size_t>(threads, 1)) {}

CommitPool::~CommitPool() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_cv.notify_all();
  for (auto& t : m_threads) t.join();
}

std::future<Status> CommitPool::commit(AtomicFile file) {
  std::promise<Status> done;
  auto result = done.get_future();
  std::lock_guard lock(m_mutex);
  m_jobs.push_back(Job{std::move(file), std::move(done)});
  if (m_idle >= m_jobs.size() || m_threads.size() >= m_max)
    m_cv.notify_one();
  else
    m_threads.emplace_back([this] { loop(); });
  return result;
}

void CommitPool::loop() {
  std::unique_lock lock(m_mutex);
  while (true) {
    ++m_idle;
    m_cv.wait(lock, [&] { return m_stop || !m_jobs.empty(); });
    --m_idle;
    if (m_jobs.empty()) return;  // stopping, and nothing left to commit
    Job job = std::move(m_jobs.front());
    m_jobs.pop_front();
    lock.unlock();
    job.done.set_value(job.file.commit(AtomicFile::DirSync::Deferred));
    lock.lock();
  }
}

}  // namespace kyso
