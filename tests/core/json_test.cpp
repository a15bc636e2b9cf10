#include "core/json.h"

#include <gtest/gtest.h>

namespace kyso {
namespace {

TEST(Json, RoundTripsVietnameseAndKeepsOrder) {
  Json j = Json::object();
  j.set("indication", "TOTAL-PASSED");
  j.set("signer", Json::object().set("name", "Nguyễn Thị Lấp Lánh"));
  j.set("intact", true);
  j.set("n", 3);
  j.set("list", Json::array().push(1).push("a\"b\n"));
  std::string s = j.dump();
  EXPECT_EQ(s.find("\"indication\""), 1u);
  auto back = Json::parse(s);
  ASSERT_TRUE(back.ok()) << back.error().context;
  EXPECT_EQ((*back)["signer"]["name"].asString(), "Nguyễn Thị Lấp Lánh");
  EXPECT_TRUE((*back)["intact"].asBool());
  EXPECT_EQ((*back)["list"][1].asString(), "a\"b\n");
  EXPECT_EQ(back->dump(2), j.dump(2));
}

TEST(Json, ParsesEscapesAndRejectsGarbage) {
  auto j = Json::parse(R"({"a":"\u1ec5\ud83d\ude00","b":[1.5,-2,null]})");
  ASSERT_TRUE(j.ok());
  EXPECT_EQ((*j)["a"].asString(), "ễ\xF0\x9F\x98\x80");
  EXPECT_DOUBLE_EQ((*j)["b"][0].asDouble(), 1.5);
  EXPECT_TRUE((*j)["b"][2].isNull());
  EXPECT_FALSE(Json::parse("{").ok());
  EXPECT_FALSE(Json::parse("[1,]").ok());
  EXPECT_FALSE(Json::parse("{} x").ok());
  EXPECT_FALSE(Json::parse(std::string(100, '[')).ok());  // too deep: refused, no stack overflow
}

}  // namespace
}  // namespace kyso
