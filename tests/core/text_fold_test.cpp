#include "core/text_fold.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace kyso
