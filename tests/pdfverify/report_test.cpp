// The change table (change_kinds.cpp) is complete in both languages, and the reports use it: the
// JSON carries each change's stable code and revision, the Vietnamese text and HTML reports say
// every kind of change in Vietnamese.
#include "src/pdfverify/report.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <regex>
#include <set>
#include <string>

#include "src/pdfverify/change_kinds.h"
#include "src/pdfverify/problems.h"
#include "src/pdfverify/roles.h"

namespace kyso::pdfverify {
namespace {

std::set<std::string> placeholders(const std::string& t) {
  std::set<std::string> out;
  static const std::regex re("\\{[1-9]\\}");
  for (auto it = std::sregex_iterator(t.begin(), t.end(), re); it != std::sregex_iterator(); ++it)
    out.insert(it->str());
  return out;
}

ChangeKind kindAt(std::size_t i) {
  return static_cast<ChangeKind>(i);
}

// A change of kind `k` with arguments that cannot appear in any template by chance.
Change sample(ChangeKind k, int revision) {
  Change c;
  c.kind = k;
  c.args = {"ARG1x", "ARG2x"};
  c.revision = revision;
  c.allowed = false;
  c.what = changeSentence(k, c.args, Lang::En);
  return c;
}

TEST(ChangeKinds, EveryKindHasACodeAndBothSentences) {
  static const std::regex code("[a-z]+(-[a-z]+)*");
  for (std::size_t i = 0; i < kChangeKindCount; ++i) {
    SCOPED_TRACE("kind " + std::to_string(i));
    const ChangeKind k = kindAt(i);
    ASSERT_NE(changeCode(k), nullptr);
    EXPECT_TRUE(std::regex_match(std::string(changeCode(k)), code)) << changeCode(k);
    const std::string en = changeTemplate(k, Lang::En), vi = changeTemplate(k, Lang::Vi);
    EXPECT_FALSE(en.empty());
    EXPECT_FALSE(vi.empty());
    EXPECT_NE(en, vi) << "untranslated: " << en;
    EXPECT_EQ(placeholders(en), placeholders(vi)) << en << " / " << vi;
  }
}

TEST(ChangeKinds, SentencesFillArguments) {
  EXPECT_EQ(changeSentence(ChangeKind::PageAdded, {"2"}, Lang::En), "page 2 added");
  EXPECT_EQ(changeSentence(ChangeKind::PageAdded, {"2"}, Lang::Vi), "trang 2 được thêm vào");
  EXPECT_EQ(changeSentence(ChangeKind::ContentReplaced, {"1"}, Lang::En),
            "content of page 1 replaced");
  EXPECT_EQ(changeSentence(ChangeKind::AppearanceReused, {"X", "page 2"}, Lang::En),
            "the appearance of field X replaced by an object used elsewhere (page 2)");
  // A missing argument leaves the placeholder, never reads past the arguments.
  EXPECT_EQ(changeSentence(ChangeKind::PageAdded, {}, Lang::En), "page {1} added");
  EXPECT_STREQ(changeCode(ChangeKind::PageAdded), "page-added");
  EXPECT_STREQ(changeCode(ChangeKind::ContentReplaced), "content-replaced");
}

TEST(ChangeKinds, VietnameseReportsSayEveryChangeInVietnamese) {
  FileReport r;
  r.file = "x.pdf";
  r.status = "signed";
  r.revisions = 3;
  r.indication = Indication::TotalFailed;
  SignatureReport s;
  s.index = 1;
  s.revision = 1;
  s.coverage = "revision";
  s.modifications = "disallowed";
  s.indication = Indication::TotalFailed;
  for (std::size_t i = 0; i < kChangeKindCount; ++i) s.changes.push_back(sample(kindAt(i), 2));
  r.signatures.push_back(s);
  const std::string text = reportText(r, Lang::Vi);
  const std::string html = reportHtml({r}, Lang::Vi);
  for (auto& c : s.changes) {
    SCOPED_TRACE(changeCode(c.kind));
    const std::string vi = changeSentence(c.kind, c.args, Lang::Vi);
    EXPECT_NE(text.find(vi), std::string::npos) << text;
    EXPECT_EQ(text.find(c.what), std::string::npos) << "English sentence in the Vietnamese text";
    EXPECT_EQ(html.find(c.what), std::string::npos) << "English sentence in the Vietnamese HTML";
  }
  EXPECT_NE(text.find("phiên bản 2:"), std::string::npos) << text;
  const std::string en = reportText(r, Lang::En);
  for (auto& c : s.changes) EXPECT_NE(en.find(c.what), std::string::npos) << c.what;
}

TEST(ChangeKinds, VietnameseArgumentsReplaceEnglishWords) {
  Change c;
  c.kind = ChangeKind::ObjectDeleted;
  c.args = {"the content of page 1"};
  c.args_vi = {"nội dung trang 1"};
  c.what = changeSentence(c.kind, c.args, Lang::En);
  EXPECT_EQ(changeText(c, Lang::En), "the content of page 1 deleted");
  EXPECT_EQ(changeText(c, Lang::Vi), "nội dung trang 1 bị xóa");
}

TEST(ChangeKinds, JsonCarriesCodeRevisionAndEnglishText) {
  FileReport r;
  r.status = "signed";
  SignatureReport s;
  Change c;
  c.kind = ChangeKind::PageAdded;
  c.args = {"2"};
  c.revision = 3;
  c.what = changeSentence(c.kind, c.args, Lang::En);
  s.changes.push_back(c);
  r.signatures.push_back(s);
  Json j = reportJson(r);
  const Json& cj = j["signatures"][0]["changes"][0];
  EXPECT_EQ(cj["code"].asString(), "page-added") << j.dump();
  EXPECT_EQ(cj["revision"].asInt(), 3) << j.dump();
  EXPECT_EQ(cj["what"].asString(), "page 2 added") << j.dump();
  EXPECT_FALSE(cj["allowed"].asBool());
}

}  // namespace
}  // namespace kyso::pdfverify

namespace kyso::pdfverify {
namespace {

// Every problem/note row: a code, an English and a different, non-empty Vietnamese sentence
// (with diacritics) using the same placeholders, and the English sentence is found back as its
// own row (no earlier row shadows it), so the reports can show the Vietnamese one.
TEST(Problems, EveryRowHasACodeAndBothSentences) {
  static const std::regex code("[a-z0-9]+(-[a-z0-9]+)*");
  for (std::size_t i = 0; i < kProblemCount; ++i) {
    const auto p = static_cast<Problem>(i);
    SCOPED_TRACE("problem " + std::to_string(i));
    ASSERT_NE(problemCode(p), nullptr);
    EXPECT_TRUE(std::regex_match(std::string(problemCode(p)), code)) << problemCode(p);
    const std::string en = problemTemplate(p, Lang::En), vi = problemTemplate(p, Lang::Vi);
    EXPECT_FALSE(en.empty());
    EXPECT_FALSE(vi.empty());
    EXPECT_NE(en, vi) << "untranslated: " << en;
    EXPECT_TRUE(std::any_of(vi.begin(), vi.end(), [](char c) { return (c & 0x80) != 0; }))
        << "no Vietnamese letters: " << vi;
    EXPECT_EQ(placeholders(en), placeholders(vi)) << en << " / " << vi;
    const std::vector<std::string> args = {"ARG1x", "ARG2x", "ARG3x", "ARG4x"};
    auto m = findProblem(problemSentence(p, args));
    ASSERT_TRUE(m.has_value()) << en;
    EXPECT_EQ(static_cast<std::size_t>(m->problem), i)
        << en << " matched " << problemCode(m->problem);
    EXPECT_EQ(localizeProblem(problemSentence(p, args), Lang::Vi),
              problemSentence(p, args, Lang::Vi));
  }
}

// A hostile PDF puts whatever it likes into names and values that end up as arguments. The old
// std::regex matcher recursed once per character and overflowed the stack on a long one (the
// fuzzer's crash-80e2cc64). Long arguments must translate, over-long text is left as it is, and
// text full of the templates' own punctuation must not make the matcher slow.
TEST(Problems, LongAndHostileArgumentsNeitherCrashNorHang) {
  const std::string name(3000, 'A');
  for (std::size_t i = 0; i < kProblemCount; ++i) {
    const auto p = static_cast<Problem>(i);
    const std::vector<std::string> args = {name, "B", "C", "D"};
    EXPECT_EQ(localizeProblem(problemSentence(p, args), Lang::Vi),
              problemSentence(p, args, Lang::Vi))
        << problemCode(p);
  }
  std::size_t withArg = 0;
  while (std::string(problemTemplate(static_cast<Problem>(withArg), Lang::En)).find("{1}") ==
         std::string::npos)
    ++withArg;
  const std::string huge =
      problemSentence(static_cast<Problem>(withArg), {std::string(200000, 'x')});
  EXPECT_EQ(localizeProblem(huge, Lang::Vi), huge) << "over-long text stays as it is";
  std::string punctuation;
  while (punctuation.size() < 4000) punctuation += ", : . ' / (";
  const auto t0 = std::chrono::steady_clock::now();
  for (int k = 0; k < 3; ++k) (void)localizeProblem(punctuation, Lang::Vi);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(2));
}

TEST(Problems, SentencesAndLocalization) {
  EXPECT_EQ(problemSentence(Problem::WrongType, {"/Xyz"}),
            "the signature dictionary's /Type is /Xyz");
  EXPECT_EQ(localizeProblem("the signature dictionary's /Type is /Xyz", Lang::Vi),
            "/Type của từ điển chữ ký là /Xyz, không đúng quy định");
  EXPECT_EQ(localizeProblem(
                "3 bytes after the last end-of-file marker are not part of any revision", Lang::Vi),
            "3 byte sau dấu kết thúc tệp cuối cùng không thuộc phiên bản nào của tài liệu");
  // A detail with no row stays as it is; English stays English.
  EXPECT_EQ(localizeProblem("error:1E08010C:DECODER routines", Lang::Vi),
            "error:1E08010C:DECODER routines");
  EXPECT_EQ(localizeProblem("the signature has no /Contents", Lang::En),
            "the signature has no /Contents");
  EXPECT_FALSE(findProblem("the signature has no /Contents at all").has_value());
  // A sentence of the table inside another one (the CMS layer's past-validation notes).
  EXPECT_EQ(localizeProblem("At 2026-01-02T03:04:05Z, the certificate of CN=A was revoked on "
                            "2026-01-01T00:00:00Z.",
                            Lang::Vi),
            "Tại thời điểm 2026-01-02T03:04:05Z: chứng thư của CN=A bị thu hồi ngày "
            "2026-01-01T00:00:00Z.");
}

TEST(Problems, JsonKeepsEnglishAndAddsCodes) {
  FileReport r;
  r.status = "signed";
  SignatureReport s;
  s.problems = {problemSentence(Problem::ByteRangeNotAtStart), "some lower-layer detail"};
  r.signatures.push_back(s);
  Json j = reportJson(r);
  const Json& sj = j["signatures"][0];
  EXPECT_EQ(sj["problems"][0].asString(),
            "the byte range does not start at the beginning of the file");
  EXPECT_EQ(sj["problem_codes"][0].asString(), "byte-range-not-at-start") << j.dump();
  EXPECT_TRUE(sj["problem_codes"][1].isNull()) << j.dump();
}

TEST(RoleWords, EnglishAndVietnamese) {
  EXPECT_EQ(describeRole({RoleKind::PageContent, 2}), "the content of page 2");
  EXPECT_EQ(describeRole({RoleKind::PageContent, 2}, Lang::Vi), "nội dung trang 2");
  EXPECT_EQ(describeRole({RoleKind::Widget, 1, "Sig"}, Lang::Vi), "ô hiển thị của trường Sig");
  EXPECT_EQ(describeRole({RoleKind::Widget, 3}), "a form widget on page 3");
  EXPECT_EQ(describeRole({RoleKind::Appearance, 1, "annotation"}),
            "the appearance of an annotation on page 1");
}

}  // namespace
}  // namespace kyso::pdfverify
