// DeviceWorker: every job runs on the one worker thread, call() returns the job's result (moved,
// not copied), propagates its exception, and is woken whether it was still spinning or had gone
// to sleep (a job longer than the caller's spin), also with many callers at once.
#include "pkcs11/device_worker.h"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

using kyso::p11::DeviceWorker;

TEST(DeviceWorkerTest, CallRunsOnTheWorkerThreadAndReturnsTheResult) {
  DeviceWorker w;
  const auto caller = std::this_thread::get_id();
  std::thread::id ran;
  const int r = w.call([&] {
    ran = std::this_thread::get_id();
    return 42;
  });
  EXPECT_EQ(r, 42);
  EXPECT_NE(ran, caller);
  EXPECT_TRUE(w.call([&] { return w.onWorkerThread(); }));
  // call() from the worker itself runs inline instead of deadlocking.
  EXPECT_EQ(w.call([&] { return w.call([] { return 7; }); }), 7);
}

TEST(DeviceWorkerTest, MoveOnlyResultsVoidJobsAndExceptions) {
  DeviceWorker w;
  auto p = w.call([] { return std::make_unique<std::string>("token"); });
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(*p, "token");
  int touched = 0;
  w.call([&] { touched = 1; });
  EXPECT_EQ(touched, 1);
  EXPECT_THROW(w.call([]() -> int { throw std::runtime_error("removed"); }), std::runtime_error);
  EXPECT_EQ(w.call([] { return 1; }), 1);  // the worker survives a throwing job
}

TEST(DeviceWorkerTest, CallerThatFellAsleepIsWokenByALongJob) {
  DeviceWorker w;
  const auto sleepFor = DeviceWorker::kCallerSpin * 5;  // longer than the caller spins
  const auto t0 = std::chrono::steady_clock::now();
  const int r = w.call([&] {
    std::this_thread::sleep_for(sleepFor);
    return 5;
  });
  EXPECT_EQ(r, 5);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, sleepFor);
}

TEST(DeviceWorkerTest, ManyCallersOneAtATimeOnTheWorker) {
  DeviceWorker w;
  std::atomic<int> inside{0}, maxInside{0};
  long total = 0;  // touched only on the worker thread
  std::vector<std::thread> callers;
  for (int c = 0; c < 6; ++c)
    callers.emplace_back([&, c] {
      for (int i = 0; i < 300; ++i) {
        const int got = w.call([&, i] {
          const int now = ++inside;
          int seen = maxInside.load();
          while (now > seen && !maxInside.compare_exchange_weak(seen, now)) {
          }
          if (i % 100 == 0) std::this_thread::sleep_for(DeviceWorker::kCallerSpin * 2);
          total += 1;
          --inside;
          return c * 1000 + i;
        });
        ASSERT_EQ(got, c * 1000 + i);
      }
    });
  for (auto& t : callers) t.join();
  EXPECT_EQ(maxInside.load(), 1);
  EXPECT_EQ(w.call([&] { return total; }), 6 * 300);
}

TEST(DeviceWorkerTest, PostedWorkFinishesBeforeTheWorkerIsDestroyed) {
  std::atomic<int> done{0};
  {
    DeviceWorker w;
    for (int i = 0; i < 50; ++i) (void)w.post([&] { ++done; });
  }
  EXPECT_EQ(done.load(), 50);
}

}  // namespace
