// NFC composition, UTF-8 and Vietnamese upper-casing (text_norm.h).
#include "src/appearance/text_norm.h"

#include <gtest/gtest.h>

namespace kyso::appearance {
namespace {

TEST(TextNorm, ComposesDecomposedVietnamese) {
  // "Nguyễn" as e + circumflex + tilde (NFD) and as e + tilde + circumflex (a different order of
  // marks with different combining classes is canonically equivalent only when classes differ).
  const std::u32string nfd = U"Nguye\u0302\u0303n";
  EXPECT_EQ(toNfc(nfd), U"Nguy\u1EC5n");
  // ê + dot below: dot below (class 220) sorts before circumflex (230), then composes to ệ.
  EXPECT_EQ(toNfc(U"e\u0302\u0323"), U"\u1EC7");
  EXPECT_EQ(toNfc(U"e\u0323\u0302"), U"\u1EC7");
  // Already NFC text is unchanged; đ has no decomposition.
  EXPECT_EQ(toNfc(U"Lấp Lánh Đồng"), U"Lấp Lánh Đồng");
  // Decomposed precomposed-with-precomposed: ư (u + horn) + hook above.
  EXPECT_EQ(toNfc(U"u\u031B\u0309"), U"\u1EED");
  // A mark after a non-composing base stays.
  EXPECT_EQ(toNfc(U"x\u0301"), U"x\u0301");
}

TEST(TextNorm, Utf8RoundTripAndErrors) {
  auto d = decodeUtf8("Nguy\xE1\xBB\x85n \xF0\x9F\x98\x80");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, U"Nguy\u1EC5n \U0001F600");
  EXPECT_EQ(encodeUtf8(*d), "Nguy\xE1\xBB\x85n \xF0\x9F\x98\x80");
  for (const char* bad : {"\xC3", "\xE1\xBB", "\xC0\x80", "\xED\xA0\x80", "\xFF", "a\x80"}) {
    auto r = decodeUtf8(bad);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().kind, Errc::UsageError);
  }
  auto n = nfcUtf8("Nguye\xCC\x82\xCC\x83n");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(*n, "Nguy\xE1\xBB\x85n");
}

TEST(TextNorm, UpperAndMatchKey) {
  EXPECT_EQ(upperVi(U"giám đốc nguyễn thị lấp lánh ơ ư ă"), U"GIÁM ĐỐC NGUYỄN THỊ LẤP LÁNH Ơ Ư Ă");
  EXPECT_EQ(matchKey(U"  Giám   đốc "), U"GIÁM ĐỐC");
  EXPECT_EQ(matchKey(U"Nguye\u0302\u0303n  Nam Hùng"), matchKey(U"NGUYỄN NAM HÙNG"));
}

}  // namespace
}  // namespace kyso::appearance
