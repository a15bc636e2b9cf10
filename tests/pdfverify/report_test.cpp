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
  r.status = pdfverify::FileStatus::Signed;
  r.revisions = 3;
  r.indication = Indication::TotalFailed;
  SignatureReport s;
  s.index = 1;
  s.revision = 1;
  s.coverage = pdfverify::Coverage::Revision;
  s.modifications = pdfverify::Modifications::Disallowed;
  s.indication = Indication::TotalFailed;
  for (std::size_t i = 0; i < kChangeKindCount; ++i) s.changes.push_back(sample(kindAt(i), 2));
  r.signatures.push_back(s);
  const std::string text = reportText(r, Lang::Vi);
  const std::string html = reportHtml({r}, Lang::Vi);
  for (auto& c : s.changes) {
    SCOPED_TRACE(changeCode(c.kind));
    const std::string vi = changeSentence(c.kind, c.args, Lang::Vi);
    EXPECT_NE(text.find(vi), std::string::npos) << text;
    const std::string en = changeText(c, Lang::En);
    EXPECT_EQ(text.find(en), std::string::npos) << "English sentence in the Vietnamese text";
    EXPECT_EQ(html.find(en), std::string::npos) << "English sentence in the Vietnamese HTML";
  }
  EXPECT_NE(text.find("phiên bản 2:"), std::string::npos) << text;
  const std::string en = reportText(r, Lang::En);
  for (auto& c : s.changes)
    EXPECT_NE(en.find(changeText(c, Lang::En)), std::string::npos) << changeText(c, Lang::En);
}

TEST(ChangeKinds, VietnameseArgumentsReplaceEnglishWords) {
  Change c;
  c.kind = ChangeKind::ObjectDeleted;
  c.args = {"the content of page 1"};
  c.args_vi = {"nội dung trang 1"};
  EXPECT_EQ(changeText(c, Lang::En), "the content of page 1 deleted");
  EXPECT_EQ(changeText(c, Lang::Vi), "nội dung trang 1 bị xóa");
}

TEST(ChangeKinds, JsonCarriesCodeRevisionAndEnglishText) {
  FileReport r;
  r.status = pdfverify::FileStatus::Signed;
  SignatureReport s;
  Change c;
  c.kind = ChangeKind::PageAdded;
  c.args = {"2"};
  c.revision = 3;
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

// Every problem row: a code, an English and a different, non-empty Vietnamese sentence (with
// diacritics) using the same placeholders. The two rows that only carry another layer's words
// (Said, FromCms) are "{1}" in both languages.
TEST(Problems, EveryRowHasACodeAndBothSentences) {
  static const std::regex code("[a-z0-9]+(-[a-z0-9]+)*");
  for (std::size_t i = 0; i < kProblemCount; ++i) {
    const auto p = static_cast<Problem>(i);
    SCOPED_TRACE("problem " + std::to_string(i));
    ASSERT_NE(problemCode(p), nullptr);
    EXPECT_TRUE(std::regex_match(std::string(problemCode(p)), code)) << problemCode(p);
    const std::string en = problemTemplate(p, Lang::En), vi = problemTemplate(p, Lang::Vi);
    EXPECT_EQ(placeholders(en), placeholders(vi)) << en << " / " << vi;
    if (p == Problem::Said || p == Problem::FromCms) {
      EXPECT_EQ(en, "{1}");
      continue;
    }
    EXPECT_NE(en, vi) << "untranslated: " << en;
    EXPECT_TRUE(std::any_of(vi.begin(), vi.end(), [](char c) { return (c & 0x80) != 0; }))
        << "no Vietnamese letters: " << vi;
  }
}

// The same for the CMS layer's notes (src/cms/notes.h), whose sentences reach PDF, .p7s and XML
// reports alike; only Detail (a lower layer's own words) is the same in both languages.
TEST(CmsNotes, EveryRowHasACodeAndBothSentences) {
  static const std::regex code("[a-z0-9]+(-[a-z0-9]+)*");
  for (std::size_t i = 0; i < cms::kNoteCount; ++i) {
    const auto id = static_cast<cms::NoteId>(i);
    SCOPED_TRACE("note " + std::to_string(i));
    EXPECT_TRUE(std::regex_match(std::string(cms::noteCode(id)), code)) << cms::noteCode(id);
    const std::string en = cms::noteTemplate(id, Lang::En), vi = cms::noteTemplate(id, Lang::Vi);
    EXPECT_EQ(placeholders(en), placeholders(vi)) << en << " / " << vi;
    if (id == cms::NoteId::Detail) continue;
    EXPECT_NE(en, vi) << "untranslated: " << en;
    EXPECT_TRUE(std::any_of(vi.begin(), vi.end(), [](char c) { return (c & 0x80) != 0; }))
        << "no Vietnamese letters: " << vi;
  }
}

// Findings are made into sentences at the edge, in either language; arguments are taken as they
// are (a name from a hostile PDF of any length), and a note's event fills its last placeholder.
TEST(Problems, FindingsBecomeSentencesInEitherLanguage) {
  const Finding wrong = Finding::of(Problem::WrongType, {"/Xyz"});
  EXPECT_EQ(findingText(wrong, Lang::En), "the signature dictionary's /Type is /Xyz");
  EXPECT_EQ(findingText(wrong, Lang::Vi), "/Type của từ điển chữ ký là /Xyz, không đúng quy định");
  EXPECT_STREQ(findingCode(wrong), "wrong-type");
  const std::string name(200000, 'A');
  EXPECT_EQ(findingText(Finding::of(Problem::WrongType, {name}), Lang::Vi).size(),
            std::string("/Type của từ điển chữ ký là , không đúng quy định").size() + name.size());
  const cms::Note past{cms::NoteId::PoeAt,
                       {"2026-01-02T03:04:05Z"},
                       {{cms::NoteId::EventRevokedOn, {"CN=A", "2026-01-01T00:00:00Z"}, {}}}};
  const Finding f = Finding::from(past);
  EXPECT_STREQ(findingCode(f), "cms-poe-at");
  EXPECT_EQ(findingText(f, Lang::En),
            "At 2026-01-02T03:04:05Z, the certificate of CN=A was revoked on "
            "2026-01-01T00:00:00Z.");
  EXPECT_EQ(findingText(f, Lang::Vi),
            "Tại thời điểm 2026-01-02T03:04:05Z: chứng thư của CN=A bị thu hồi ngày "
            "2026-01-01T00:00:00Z.");
  // A lower layer's technical words stay as they are in both languages.
  const Finding detail = Finding::from({cms::NoteId::Detail, {"error:1E08010C:DECODER"}, {}});
  EXPECT_EQ(findingText(detail, Lang::Vi), "error:1E08010C:DECODER");
  EXPECT_STREQ(findingCode(detail), "detail");
}

TEST(Problems, JsonKeepsEnglishAndAddsCodes) {
  FileReport r;
  r.status = pdfverify::FileStatus::Signed;
  SignatureReport s;
  s.problems = {Finding::of(Problem::ByteRangeNotAtStart),
                Finding::from({cms::NoteId::Detail, {"some lower-layer detail"}, {}})};
  s.notes = {Finding::from({cms::NoteId::RevocationOff, {}, {}})};
  r.signatures.push_back(s);
  Json j = reportJson(r);
  const Json& sj = j["signatures"][0];
  EXPECT_EQ(sj["problems"][0].asString(),
            "the byte range does not start at the beginning of the file");
  EXPECT_EQ(sj["problem_codes"][0].asString(), "byte-range-not-at-start") << j.dump();
  EXPECT_EQ(sj["problems"][1].asString(), "some lower-layer detail") << j.dump();
  EXPECT_EQ(sj["problem_codes"][1].asString(), "detail") << j.dump();
  EXPECT_EQ(sj["notes"][0].asString(), "Revocation was not checked (turned off).") << j.dump();
  EXPECT_EQ(sj["note_codes"][0].asString(), "cms-revocation-off") << j.dump();
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
