#include "certs/shared_fetches.h"

namespace kyso::certs {

SharedFetches::Answer SharedFetches::getSlowly(const std::string& key,
                                               const std::function<Result<std::string>()>& fetch,
                                               std::optional<std::chrono::seconds> keepFor) {
  std::unique_lock lock(m_mu);
  if (auto it = m_entries.find(key); it != m_entries.end()) {
    std::shared_ptr<Entry> e = it->second;
    if (!e->done) {
      ++e->waiting;
      m_cv.wait(lock, [&] { return e->done; });
      --e->waiting;
      return {*e->result, false};
    }
    if (!keepFor || std::chrono::steady_clock::now() - e->arrived <= *keepFor)
      return {*e->result, false};
    m_entries.erase(it);  // kept too long: ask again
  }
  auto e = std::make_shared<Entry>();
  m_entries.emplace(key, e);
  lock.unlock();
  Result<std::string> got = fetch();
  lock.lock();
  e->result.emplace(got);
  e->arrived = std::chrono::steady_clock::now();
  e->done = true;
  // A failure is told to whoever waited, then forgotten, and so is an answer not to be kept.
  if (!got.ok() || (keepFor && keepFor->count() == 0)) {
    if (auto it = m_entries.find(key); it != m_entries.end() && it->second == e)
      m_entries.erase(it);
  }
  m_cv.notify_all();
  return {std::move(got), true};
}

std::size_t SharedFetches::waiting(const std::string& key) {
  std::lock_guard lock(m_mu);
  auto it = m_entries.find(key);
  return it == m_entries.end() ? 0 : it->second->waiting;
}

void SharedFetches::forget(const std::string& key) {
  std::lock_guard lock(m_mu);
  if (auto it = m_entries.find(key); it != m_entries.end() && it->second->done) m_entries.erase(it);
}

}  // namespace kyso::certs
