// Vietnam time is UTC+07:00 whatever the machine's zone (core/vietnam_time.h).
#include "core/vietnam_time.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <chrono>

namespace kyso {
namespace {

TEST(VietnamTime, IsSevenHoursAheadOfUtcWhateverTheMachinesZone) {
  ::setenv("TZ", "America/New_York", 1);
  ::tzset();
  const auto t = parseUtcIso("2026-12-31T17:30:05Z");
  ASSERT_TRUE(t);
  const std::tm vn = vietnamTime(*t);
  EXPECT_EQ(vn.tm_year + 1900, 2027);
  EXPECT_EQ(vn.tm_mon + 1, 1);
  EXPECT_EQ(vn.tm_mday, 1);
  EXPECT_EQ(vn.tm_hour, 0);
  EXPECT_EQ(vn.tm_min, 30);
  EXPECT_EQ(vn.tm_sec, 5);
  const std::tm same = vietnamTime(std::chrono::system_clock::from_time_t(*t));
  EXPECT_EQ(same.tm_hour, 0);
  EXPECT_EQ(same.tm_mday, 1);
  ::unsetenv("TZ");
  ::tzset();
}

TEST(VietnamTime, OnlyTheIsoShapeIsRead) {
  EXPECT_FALSE(parseUtcIso(""));
  EXPECT_FALSE(parseUtcIso("2026-12-07"));
  EXPECT_FALSE(parseUtcIso("xxxx-xx-xxTxx:xx:xxZ"));
  EXPECT_EQ(parseUtcIso("1970-01-01T00:00:10Z"), std::time_t{10});
}

}  // namespace
}  // namespace kyso
