// A module's log lines reach the program's logger: its level and its sink (the GUI's log panel),
// not a second logger inside the module (issue 18).
#include <gtest/gtest.h>

#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "core/log.h"
#include "core/module_loader.h"

namespace {

struct TestLogApi {
  static constexpr std::uint32_t kAbi = 1;
  std::uint32_t abi;
  void (*say)(const char* text, int level);
};

TEST(ModuleLog, AModulesLinesGoToTheProgramsSinkAndLevel) {
  std::mutex m;
  std::vector<std::string> seen;
  kyso::log::setSink([&](kyso::log::Level, std::string_view msg) {
    std::lock_guard lock(m);
    seen.emplace_back(msg);
  });
  kyso::log::setLevel(kyso::log::Level::Info);
  auto api = kyso::modules::loadApi<TestLogApi>("kyso-test-log.so", "kyso_test_log_api");
  ASSERT_TRUE(api.ok()) << api.error().technical();
  (*api)->say("from the module", static_cast<int>(kyso::log::Level::Info));
  (*api)->say("below the program's level", static_cast<int>(kyso::log::Level::Debug));
  kyso::log::setLevel(kyso::log::Level::Error);
  (*api)->say("now below it too", static_cast<int>(kyso::log::Level::Warn));
  kyso::log::setSink(nullptr);
  kyso::log::setLevel(kyso::log::Level::Warn);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], "from the module");
}

}  // namespace
