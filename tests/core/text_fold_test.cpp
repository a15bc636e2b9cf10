#include "core/text_fold.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace kyso {
namespace {

TEST(TextFold, VietnameseCapitalsAndSpacing) {
  EXPECT_EQ(foldForMatching("  SỐ   SERIAL "), "số serial");
  EXPECT_EQ(foldForMatching("ĐANG SỬ DỤNG"), "đang sử dụng");
  EXPECT_EQ(foldForMatching("Đơn Vị"), "đơn vị");
  EXPECT_EQ(foldForMatching("ĂÂÊÔƠƯĨŨ"), "ăâêôơưĩũ");
  EXPECT_EQ(foldForMatching("ẠẢẤẦẨẪẬỸ"), "ạảấầẩẫậỹ");
  EXPECT_EQ(foldForMatching("ÀÁÃÈÉÌÍÒÓÕÙÚÝ"), "àáãèéìíòóõùúý");
  EXPECT_EQ(foldForMatching("a\tb"), "a b");
  EXPECT_EQ(foldForMatching("×"), "×");  // not a letter
  EXPECT_EQ(foldForMatching(""), "");
  // Bytes that are no UTF-8 pass unchanged rather than being lost.
  EXPECT_EQ(foldForMatching("A\xff"
                            "B"),
            "a\xff"
            "b");
  EXPECT_EQ(foldForMatching("\xe1\xba"), "\xe1\xba");
}

TEST(Utf8, OneStrictDecoderAndItsEncoder) {
  auto e = nextUtf8("ễ", 0);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->codePoint, U'ễ');
  EXPECT_EQ(e->length, 3u);
  EXPECT_FALSE(nextUtf8("\xC0\xAF", 0));          // overlong "/"
  EXPECT_FALSE(nextUtf8("\xED\xA0\x80", 0));      // a surrogate
  EXPECT_FALSE(nextUtf8("\xF4\x90\x80\x80", 0));  // past U+10FFFF
  EXPECT_FALSE(nextUtf8("\xE1\xBA", 0));          // cut short
  EXPECT_FALSE(nextUtf8("a", 1));
  std::string out;
  for (char32_t c : {U'a', U'đ', U'ễ', U'\U0001F600'}) appendUtf8(out, c);
  EXPECT_EQ(out, "ađễ\xF0\x9F\x98\x80");
}

}  // namespace
}  // namespace kyso
