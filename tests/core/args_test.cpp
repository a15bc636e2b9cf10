#include "src/cli/kyso/args.h"

#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

namespace kyso::cli {
namespace {

TEST(ArgParser, ParsesDeclaredOptions) {
  ArgParser p;
  p.flag("json").value("out", 'o').multi("trust");
  ASSERT_TRUE(p.parse({"a.pdf", "--json", "-o", "x.pdf", "--trust=r1.pem", "--trust", "r2.pem",
                       "--", "--weird.pdf"})
                  .ok());
  EXPECT_TRUE(p.has("json"));
  EXPECT_EQ(*p.get("out"), "x.pdf");
  EXPECT_EQ(p.all("trust"), (std::vector<std::string>{"r1.pem", "r2.pem"}));
  EXPECT_EQ(p.positional(), (std::vector<std::string>{"a.pdf", "--weird.pdf"}));
}

TEST(ArgParser, WholeNumbersInARange) {
  for (auto [given, expected] :
       std::vector<std::pair<std::string, std::optional<long>>>{{"3", 3},
                                                                {"64", 64},
                                                                {"0", std::nullopt},
                                                                {"65", std::nullopt},
                                                                {"two", std::nullopt},
                                                                {"3x", std::nullopt},
                                                                {"", std::nullopt}}) {
    SCOPED_TRACE(given);
    ArgParser p;
    p.value("jobs", 'j');
    ASSERT_TRUE(p.parse({"--jobs", given}).ok());
    EXPECT_EQ(p.getInt("jobs", 1, 64, 2), expected);
  }
  ArgParser absent;
  absent.value("jobs", 'j');
  ASSERT_TRUE(absent.parse({}).ok());
  EXPECT_EQ(absent.getInt("jobs", 1, 64, 2), 2L) << "the fallback when not given";
}

TEST(ArgParser, RejectsUnknownOptionsAndPinOnCommandLine) {
  ArgParser p;
  p.value("out", 'o');
  EXPECT_EQ(p.parse({"--nope"}).error().kind, Errc::UsageError);
  ArgParser q;
  auto r = q.parse({"--pin", "1234"});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().context.find("never taken on the command line"), std::string::npos);
  ArgParser m;
  m.value("out");
  EXPECT_FALSE(m.parse({"--out"}).ok());
}

}  // namespace
}  // namespace kyso::cli

namespace kyso::cli {
namespace {

TEST(ArgParser, FlagAliasSetsItsTargetOnly) {
  ArgParser token;
  token.flag("force-login").flagAlias("force", "force-login");
  ASSERT_TRUE(token.parse({"--force"}).ok());
  EXPECT_TRUE(token.has("force-login"));

  // `kyso sign`: --force replaces the output and must not weaken PIN safety.
  ArgParser sign;
  sign.flag("force-login").flag("force");
  ASSERT_TRUE(sign.parse({"--force"}).ok());
  EXPECT_TRUE(sign.has("force"));
  EXPECT_FALSE(sign.has("force-login"));
}

}  // namespace
}  // namespace kyso::cli
