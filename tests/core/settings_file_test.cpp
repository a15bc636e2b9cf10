#include "core/settings_file.h"

#include <gtest/gtest.h>

#include <sstream>

namespace kyso {
namespace {

SettingsFile parse(const std::string& text) {
  std::istringstream in(text);
  return SettingsFile::parse(in, "config.ini");
}

TEST(SettingsFile, ReadsSectionsKeysAndLists) {
  auto f = parse(
      "# comment\n; another\n[token]\nmodule = vnpt   \n\n[service]\n"
      "allow = https://vanban.soyte.example.gov.vn  https://dvc.example.gov.vn\r\n"
      "tsa=http://tsa.example/\n");
  EXPECT_TRUE(f.problems().empty());
  EXPECT_EQ(f.get("token", "module"), "vnpt");
  EXPECT_EQ(f.get("service", "tsa"), "http://tsa.example/");
  EXPECT_EQ(f.words("service", "allow").size(), 2u);
  EXPECT_FALSE(f.get("token", "tsa"));
  EXPECT_FALSE(f.get("sign", "tsa"));
  EXPECT_EQ(f.section("service").size(), 2u);
  EXPECT_TRUE(f.section("verify").empty());
}

TEST(SettingsFile, ReportsLinesItCannotUseAndKeepsTheRest) {
  auto f = parse("tsa = before any section\n[sign]\nnot a setting\n= no key\nlevel = B-T\n[oops\n");
  ASSERT_EQ(f.problems().size(), 4u);
  EXPECT_EQ(f.problems()[0], "config.ini:1: a setting before any [section]");
  EXPECT_EQ(f.problems()[1], "config.ini:3: not a [section] nor key = value");
  EXPECT_EQ(f.get("sign", "level"), "B-T");
  EXPECT_FALSE(f.get("sign", ""));
}

TEST(SettingsFile, ThePersonsFileWinsKeyByKey) {
  auto machine = parse("[sign]\ntsa = http://machine/\nlevel = B-T\n[token]\nmodule = vnpt\n");
  machine.overlay(parse("[sign]\nlevel = B-LT\n"));
  EXPECT_EQ(machine.get("sign", "tsa"), "http://machine/");
  EXPECT_EQ(machine.get("sign", "level"), "B-LT");
  EXPECT_EQ(machine.get("token", "module"), "vnpt");
}

TEST(SettingsFile, AnAbsentFileIsEmptyAndAFolderIsAProblem) {
  auto none = SettingsFile::read("/nonexistent/kyso/config.ini");
  EXPECT_TRUE(none.problems().empty());
  EXPECT_FALSE(none.get("token", "module"));
  auto folder = SettingsFile::read("/");
  EXPECT_EQ(folder.problems().size(), 1u);
}

}  // namespace
}  // namespace kyso
