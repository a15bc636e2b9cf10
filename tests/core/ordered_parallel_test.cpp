// orderedParallel (core/ordered_parallel.h): every item is worked on once, results are
// delivered on the calling thread in index order whatever order they finish in, work really runs
// on several threads, no more than the window of results waits undelivered, an exception from
// deliver stops the run and reaches the caller after every worker has returned.
#include "core/ordered_parallel.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>

namespace kyso {
namespace {

TEST(OrderedParallel, DeliversInOrderOnTheCallingThread) {
  for (std::size_t jobs : {1u, 2u, 3u, 8u}) {
    SCOPED_TRACE(jobs);
    constexpr std::size_t n = 60;
    std::vector<std::atomic<int>> done(n);
    std::vector<std::size_t> order;
    std::mutex m;
    std::set<std::thread::id> workers;
    const auto caller = std::this_thread::get_id();
    orderedParallel<std::size_t>(
        n, jobs,
        [&](std::size_t i) {
          {
            std::lock_guard lock(m);
            workers.insert(std::this_thread::get_id());
          }
          // Later items finish sooner: the deliverer must wait for the earlier ones.
          std::this_thread::sleep_for(std::chrono::microseconds((n - i) % 7 * 150));
          ++done[i];
          return i * 10;
        },
        [&](std::size_t i, std::size_t&& r) {
          EXPECT_EQ(std::this_thread::get_id(), caller);
          EXPECT_EQ(r, i * 10);
          order.push_back(i);
        });
    ASSERT_EQ(order.size(), n);
    for (std::size_t i = 0; i < n; ++i) {
      EXPECT_EQ(order[i], i);
      EXPECT_EQ(done[i].load(), 1) << "item " << i;
    }
    if (jobs > 1) {
      EXPECT_GT(workers.size(), 1u) << "work never left the calling thread";
    }
  }
}

TEST(OrderedParallel, NothingToDoAndMoreThreadsThanItems) {
  int delivered = 0;
  orderedParallel<int>(
      0, 4, [](std::size_t) { return 1; }, [&](std::size_t, int&&) { ++delivered; });
  EXPECT_EQ(delivered, 0);
  orderedParallel<int>(
      2, 16, [](std::size_t i) { return static_cast<int>(i); },
      [&](std::size_t i, int&& v) {
        EXPECT_EQ(static_cast<int>(i), v);
        ++delivered;
      });
  EXPECT_EQ(delivered, 2);
}

TEST(OrderedParallel, WorkersWaitForASlowDeliverer) {
  constexpr std::size_t jobs = 3, n = 40;
  std::atomic<std::size_t> started{0};
  std::size_t delivered = 0, worstAhead = 0;
  orderedParallel<int>(
      n, jobs,
      [&](std::size_t) {
        ++started;
        return 0;
      },
      [&](std::size_t, int&&) {
        ++delivered;
        worstAhead = std::max(worstAhead, started.load() - delivered);
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      });
  EXPECT_EQ(delivered, n);
  EXPECT_LE(worstAhead, 2 * jobs) << "results piled up past the window";
}

TEST(OrderedParallel, AnExceptionFromDeliverStopsTheRun) {
  std::atomic<int> worked{0};
  EXPECT_THROW(orderedParallel<int>(
                   1000, 4,
                   [&](std::size_t) {
                     ++worked;
                     std::this_thread::sleep_for(std::chrono::microseconds(200));
                     return 0;
                   },
                   [&](std::size_t i, int&&) {
                     if (i == 5) throw std::runtime_error("disk full");
                   }),
               std::runtime_error);
  EXPECT_LT(worked.load(), 100) << "workers went on after the failure";
}

}  // namespace
}  // namespace kyso
