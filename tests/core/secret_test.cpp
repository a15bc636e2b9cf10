#include "core/secret.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace kyso {
namespace {

static_assert(!std::is_copy_constructible_v<SecretBuffer>);
static_assert(!std::is_convertible_v<SecretBuffer, std::string>);

TEST(SecretBuffer, HoldsAndClears) {
  SecretBuffer s("123456\r\n");
  s.trimNewline();
  EXPECT_EQ(s.view(), "123456");
  s.push('7');
  EXPECT_EQ(s.size(), 7u);
  s.clear();
  EXPECT_TRUE(s.empty());
}

TEST(SecretBuffer, GrowingKeepsContent) {
  SecretBuffer s;
  for (int i = 0; i < 200; ++i) s.push(static_cast<char>('a' + i % 26));
  EXPECT_EQ(s.size(), 200u);
  EXPECT_EQ(s.view().substr(0, 3), "abc");
}

TEST(SecretBuffer, MoveLeavesSourceEmpty) {
  SecretBuffer a("0000");
  SecretBuffer b(std::move(a));
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): checking the moved-from state
  EXPECT_EQ(b.view(), "0000");
}

}  // namespace
}  // namespace kyso
