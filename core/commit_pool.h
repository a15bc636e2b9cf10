// CommitPool: a few long-lived threads that commit AtomicFiles for a batch (fsync, then rename;
// the folder's fsync is left to one syncDirectory() call at the end of the batch). Each commit
// waits on the disk; several at once let the file system flush them together while the caller
// goes on producing the next outputs. Threads made afresh per file or per batch cost more CPU
// (stacks, page faults) than the commits themselves, and on a small machine that CPU comes out
// of the signing.
//
//   CommitPool pool;                                   // 4 threads
//   std::future<Status> done = pool.commit(std::move(file));
//   ...  done.get() ...                                // ok, or the commit's error
//
// The destructor commits whatever is still queued and joins the threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "core/atomic_file.h"

namespace kyso {

class CommitPool {
 public:
  /// Up to `threads` commits at once (four measured best for a batch of small files on two
  /// cores). Threads start as commits queue up, so signing one file makes one.
  explicit CommitPool(std::size_t threads = 4);
  ~CommitPool();
  CommitPool(const CommitPool&) = delete;
  CommitPool& operator=(const CommitPool&) = delete;

  /// Queues `file` for commit(DirSync::Deferred); the future holds its result.
  std::future<Status> commit(AtomicFile file);

 private:
  struct Job {
    AtomicFile file;
    std::promise<Status> done;
  };
  void loop();

  std::mutex m_mutex;
  std::condition_variable m_cv;
  std::deque<Job> m_jobs;
  bool m_stop = false;
  std::size_t m_max = 1;
  std::size_t m_idle = 0;  // threads waiting for a job
  std::vector<std::thread> m_threads;
};

}  // namespace kyso
