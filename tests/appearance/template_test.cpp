// The template format (template.h): shipped templates parse; bad ones are refused with a reason.
#include "src/appearance/template.h"

#include <gtest/gtest.h>

#include "src/appearance/layout.h"

namespace kyso::appearance {
namespace {

TEST(Template, ShippedTemplatesParse) {
  for (Kind k : {Kind::Approved, Kind::Issued, Kind::Copy, Kind::Appendix, Kind::Incoming}) {
    auto t = defaultTemplate(k);
    ASSERT_TRUE(t.ok()) << kindName(k) << ": " << t.error().technical();
    EXPECT_EQ(t->kind, k);
  }
  auto copy = defaultTemplate(Kind::Copy);
  ASSERT_TRUE(copy.ok());
  EXPECT_EQ(copy->placement, Template::Placement::TopRight);
  EXPECT_EQ(copy->fontSize, 10);
  EXPECT_EQ(copy->font, "serif");
  auto withText = parseTemplate(shippedTemplateJson("approved-with-text"));
  ASSERT_TRUE(withText.ok());
  EXPECT_TRUE(withText->hasText && withText->hasImage);
  EXPECT_TRUE(shippedTemplateJson("nonsense").empty());
}

TEST(Template, RefusesBadTemplates) {
  const std::string good = R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right",
      "text":{"lines":["{copy_form}"]}})";
  ASSERT_TRUE(parseTemplate(good).ok());
  const char* bad[] = {
      "not json",
      R"({"format":"other","kind":"copy","placement":"top-right","text":{"lines":["x"]}})",
      R"({"format":"kyso-appearance/1","kind":"stamp","placement":"top-right","text":{"lines":["x"]}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"middle","text":{"lines":["x"]}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right","colour":1,"text":{"lines":["x"]}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right","text":{"lines":["{nom}"]}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right","text":{"lines":["{org"]}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right","text":{"lines":["x"],"color":"red"}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right","text":{"lines":["x"],"area":[0.5,0,0.8,1]}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right","text":{"lines":["x"],"size":10,"min_size":12}})",
      R"({"format":"kyso-appearance/1","kind":"copy","placement":"top-right"})",
      R"({"format":"kyso-appearance/1","kind":"issued","placement":"over-approval","text":{"lines":["x"]}})",
  };
  for (const char* b : bad) {
    auto t = parseTemplate(b);
    ASSERT_FALSE(t.ok()) << b;
    EXPECT_EQ(t.error().kind, Errc::TemplateInvalid) << b;
  }
  // Text alone between title and name (a signer without a handwriting image): the shipped
  // "approved-name" template.
  auto name = parseTemplate(shippedTemplateJson("approved-name"));
  ASSERT_TRUE(name.ok()) << name.error().technical();
  EXPECT_FALSE(name->hasImage);
  EXPECT_EQ(name->placement, Template::Placement::BetweenTitleAndName);
}

TEST(Template, FieldsAndFilling) {
  auto f = fieldsIn("Số: {doc_number}, {{literal}} {time}");
  ASSERT_TRUE(f.ok());
  EXPECT_EQ(*f, (std::vector<std::string>{"doc_number", "time"}));
  const std::map<std::string, std::string> fields = {{"doc_number", "286/SYT-VP"}};
  auto filled = fillFields("Số: {doc_number} {{x}}", fields);
  ASSERT_TRUE(filled.ok());
  EXPECT_EQ(*filled, "Số: 286/SYT-VP {x}");
  auto missing = fillFields("{arrival_number}", fields);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().kind, Errc::UsageError);
  EXPECT_EQ(missing.error().context, "arrival_number");
}

}  // namespace
}  // namespace kyso::appearance
