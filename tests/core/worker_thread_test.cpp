// WorkerThread runs what is posted in order on one thread, hands back results and exceptions,
// and runs what is still queued before it is destroyed (core/worker_thread.h).
#include "core/worker_thread.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kyso {
namespace {

TEST(WorkerThread, RunsInOrderOnOneThreadWithResultsAndExceptions) {
  WorkerThread w;
  std::vector<int> order;
  std::vector<std::future<std::thread::id>> ids;
  for (int i = 0; i < 5; ++i)
    ids.push_back(w.post([&order, i] {
      order.push_back(i);
      return std::this_thread::get_id();
    }));
  auto moveOnly = w.post([p = std::make_unique<int>(42)] { return *p; });
  auto failing = w.post([]() -> int { throw std::runtime_error("no"); });
  const auto first = ids.front().get();
  EXPECT_NE(first, std::this_thread::get_id());
  for (std::size_t i = 1; i < ids.size(); ++i) EXPECT_EQ(ids[i].get(), first) << i;
  EXPECT_EQ(moveOnly.get(), 42);
  EXPECT_THROW(failing.get(), std::runtime_error);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
}

TEST(WorkerThread, RunsWhatIsQueuedBeforeItIsDestroyed) {
  std::atomic<int> ran{0};
  {
    WorkerThread w;
    for (int i = 0; i < 100; ++i) (void)w.post([&ran] { ++ran; });
  }
  EXPECT_EQ(ran.load(), 100);
}

}  // namespace
}  // namespace kyso
