// SharedFetches (issue 22): one request per question however many threads ask it at once,
// different questions at the same time, failures not kept, answers kept only as long as asked.
// No network: the fetches are functions that count and wait for each other.
#include "certs/shared_fetches.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <thread>
#include <vector>

namespace kyso::certs {
namespace {
using namespace std::chrono_literals;

// Waits up to ten seconds for `ready`.
template <class F>
bool eventually(F ready) {
  for (int i = 0; i < 1000 && !ready(); ++i) std::this_thread::sleep_for(10ms);
  return ready();
}

TEST(SharedFetches, ThreadsAskingTheSameQuestionShareOneRequest) {
  SharedFetches shared;
  std::atomic<int> asked{0};
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  auto fetch = [&]() -> Result<std::string> {
    ++asked;
    released.wait();
    return std::string("answer");
  };
  // Kept only while awaited: a caller that came after the answer would ask again, so one request
  // for all four shows that the other three waited for the first.
  auto first = std::async(std::launch::async, [&] {
    return shared.getSlowly("ocsp q", fetch, std::chrono::seconds(0));
  });
  ASSERT_TRUE(eventually([&] { return asked.load() == 1; }));
  std::vector<std::future<SharedFetches::Answer>> others;
  for (int i = 0; i < 3; ++i)
    others.push_back(std::async(std::launch::async, [&] {
      return shared.getSlowly("ocsp q", fetch, std::chrono::seconds(0));
    }));
  ASSERT_TRUE(eventually([&] { return shared.waiting("ocsp q") == 3; }));
  release.set_value();
  auto a = first.get();
  EXPECT_TRUE(a.fetchedHere);
  ASSERT_TRUE(a.body.ok());
  for (auto& o : others) {
    auto b = o.get();
    EXPECT_FALSE(b.fetchedHere);
    ASSERT_TRUE(b.body.ok());
    EXPECT_EQ(*b.body, "answer");
  }
  EXPECT_EQ(asked.load(), 1);
  // Not kept: asked again now.
  EXPECT_TRUE(shared.getSlowly("ocsp q", fetch, std::chrono::seconds(0)).fetchedHere);
  EXPECT_EQ(asked.load(), 2);
}

// Two questions each waiting for the other to be asked: this completes only if they are asked at
// the same time (one at a time, the first would give up after ten seconds).
TEST(SharedFetches, DifferentQuestionsAreAskedAtOnce) {
  SharedFetches shared;
  std::atomic<bool> aStarted{false}, bStarted{false};
  auto a = std::async(std::launch::async, [&] {
    return shared.getSlowly("crl a", [&]() -> Result<std::string> {
      aStarted = true;
      if (!eventually([&] { return bStarted.load(); }))
        return Error::kyso(Errc::HttpTimeout, "test", "b was never asked");
      return std::string("A");
    });
  });
  auto b = std::async(std::launch::async, [&] {
    return shared.getSlowly("crl b", [&]() -> Result<std::string> {
      bStarted = true;
      if (!eventually([&] { return aStarted.load(); }))
        return Error::kyso(Errc::HttpTimeout, "test", "a was never asked");
      return std::string("B");
    });
  });
  auto ra = a.get();
  auto rb = b.get();
  ASSERT_TRUE(ra.body.ok()) << ra.body.error().technical();
  ASSERT_TRUE(rb.body.ok()) << rb.body.error().technical();
  EXPECT_EQ(*ra.body, "A");
  EXPECT_EQ(*rb.body, "B");
}

TEST(SharedFetches, FailuresAreNotKeptAnswersAreAsLongAsAsked) {
  SharedFetches shared;
  int asked = 0;
  auto failing = [&]() -> Result<std::string> {
    ++asked;
    return Error::kyso(Errc::HttpTimeout, "test", "no answer");
  };
  EXPECT_FALSE(shared.getSlowly("aia x", failing).body.ok());
  EXPECT_FALSE(shared.getSlowly("aia x", failing).body.ok());
  EXPECT_EQ(asked, 2) << "a failure is asked again";
  auto ok = [&]() -> Result<std::string> {
    ++asked;
    return std::string("cert");
  };
  EXPECT_TRUE(shared.getSlowly("aia y", ok).fetchedHere);
  EXPECT_FALSE(shared.getSlowly("aia y", ok).fetchedHere) << "kept for good without keepFor";
  EXPECT_EQ(asked, 3);
  EXPECT_TRUE(shared.getSlowly("crl z", ok, std::chrono::minutes(10)).fetchedHere);
  EXPECT_FALSE(shared.getSlowly("crl z", ok, std::chrono::minutes(10)).fetchedHere);
  shared.forget("crl z");
  EXPECT_TRUE(shared.getSlowly("crl z", ok, std::chrono::minutes(10)).fetchedHere);
  EXPECT_EQ(asked, 5);
}

}  // namespace
}  // namespace kyso::certs
