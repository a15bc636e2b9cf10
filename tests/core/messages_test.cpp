#include "core/messages.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>

namespace kyso {
namespace {

TEST(Messages, EveryKysoCodeHasBothLanguages) {
  std::set<std::string> names;
  for (int i = 0; i < static_cast<int>(Errc::Count_); ++i) {
    auto e = static_cast<Errc>(i);
    std::string en(errcSentence(e, Lang::En));
    std::string vi(errcSentence(e, Lang::Vi));
    EXPECT_FALSE(en.empty()) << i;
    EXPECT_FALSE(vi.empty()) << i;
    EXPECT_NE(en, vi) << "code " << errcName(e) << " is not translated";
    EXPECT_TRUE(names.insert(std::string(errcName(e))).second) << "duplicate name " << errcName(e);
  }
}

TEST(Messages, EveryKnownCkrHasBothLanguagesAndAName) {
  std::size_t n = 0;
  const unsigned long* codes = knownCkrCodes(&n);
  ASSERT_GT(n, 40u);
  for (std::size_t i = 0; i < n; ++i) {
    std::string name = ckrName(codes[i]);
    EXPECT_EQ(name.rfind("CKR_", 0), 0u) << codes[i];
    EXPECT_NE(ckrSentence(codes[i], Lang::En), ckrSentence(codes[i], Lang::Vi)) << name;
  }
  EXPECT_EQ(ckrSentence(0xA0, Lang::En), "The PIN is wrong.");
  EXPECT_EQ(ckrSentence(0xA0, Lang::Vi), "PIN không đúng.");
}

TEST(Messages, UnknownCkrSaysTheCode) {
  EXPECT_NE(ckrSentence(0x12345, Lang::En).find("0x12345"), std::string::npos);
  EXPECT_EQ(ckrName(0x12345), "0x12345");
}

TEST(Messages, EveryKnownPcscCodeHasBothLanguages) {
  std::size_t n = 0;
  const long* codes = knownPcscCodes(&n);
  ASSERT_GT(n, 5u);
  for (std::size_t i = 0; i < n; ++i) {
    EXPECT_EQ(pcscName(codes[i]).rfind("SCARD_", 0), 0u);
    EXPECT_NE(pcscSentence(codes[i], Lang::En), pcscSentence(codes[i], Lang::Vi));
  }
}

TEST(Messages, DescribePrefersClassificationAndAddsContext) {
  Error e = Error::raw(Domain::Pkcs11, 0x05, "C_Login", "", Errc::PinIncorrectTriesUnknown);
  EXPECT_NE(describe(e, Lang::En).find("most lock after 3"), std::string::npos);
  Error f = Error::kyso(Errc::FileNotFound, "open", "a.pdf");
  EXPECT_EQ(describe(f, Lang::En), "The file does not exist. (a.pdf)");
  EXPECT_EQ(describe(f, Lang::Vi), "Tệp không tồn tại. (a.pdf)");
}

// Every Detail is said in both languages, with the same numbered places.
TEST(Messages, EveryDetailHasBothLanguagesWithTheSamePlaces) {
  auto places = [](std::string_view s) {
    std::set<std::string> out;
    for (std::size_t i = 0; i + 2 < s.size(); ++i)
      if (s[i] == '{' && s[i + 2] == '}') out.insert(std::string(s.substr(i, 3)));
    return out;
  };
  for (int i = static_cast<int>(Detail::TechnicalIn) + 1; i < static_cast<int>(Detail::Count_);
       ++i) {
    const auto d = static_cast<Detail>(i);
    const std::string_view en = detailTemplate(d, Lang::En);
    const std::string_view vi = detailTemplate(d, Lang::Vi);
    EXPECT_FALSE(en.empty()) << i;
    EXPECT_FALSE(vi.empty()) << i;
    EXPECT_NE(en, vi) << i << ": " << en;
    EXPECT_EQ(places(en), places(vi)) << i << ": " << en;
  }
}

TEST(Messages, ADetailIsSaidInThePersonsLanguageAndLoggedInEnglish) {
  const Error e = Error::kyso(Errc::NoTokenPresent, "selectToken", "opensc, softhsm")
                      .because(Detail::ModulesSearched);
  EXPECT_EQ(describe(e, Lang::Vi), std::string(errcSentence(Errc::NoTokenPresent, Lang::Vi)) +
                                       " (đã tìm trong: opensc, softhsm)");
  EXPECT_EQ(describe(e, Lang::En), std::string(errcSentence(Errc::NoTokenPresent, Lang::En)) +
                                       " (searched in: opensc, softhsm)");
  EXPECT_NE(e.technical().find("[searched in: opensc, softhsm]"), std::string::npos);

  // Several values, in their places.
  const Error two =
      Error::kyso(Errc::DbConstraint, "person add", detailArgs({"Đặng Quốc Toàn", "Văn phòng Sở"}))
          .because(Detail::PersonExists);
  EXPECT_NE(describe(two, Lang::Vi).find("(Đặng Quốc Toàn đã có trong Văn phòng Sở)"),
            std::string::npos)
      << describe(two, Lang::Vi);
}

TEST(Messages, ATechnicalDetailStaysInTheLogs) {
  const Error t =
      Error::kyso(Errc::PdfDamaged, "mapRoles", "page tree has a loop").because(Detail::Technical);
  EXPECT_EQ(describe(t, Lang::Vi), errcSentence(Errc::PdfDamaged, Lang::Vi));
  EXPECT_NE(t.technical().find("page tree has a loop"), std::string::npos);
  // With the file people read.
  Error in = Error::kyso(Errc::PdfDamaged, "startxref", detailArgs({"a.pdf", "no %%EOF"}))
                 .because(Detail::TechnicalIn);
  EXPECT_EQ(describe(in, Lang::En),
            std::string(errcSentence(Errc::PdfDamaged, Lang::En)) + " (a.pdf)");
  EXPECT_NE(in.technical().find("[a.pdf: no %%EOF]"), std::string::npos) << in.technical();
  // addWhere puts a file before a technical context, and into an empty first value.
  Error t2 = t;
  t2.addWhere("b.pdf");
  EXPECT_EQ(describe(t2, Lang::En),
            std::string(errcSentence(Errc::PdfDamaged, Lang::En)) + " (b.pdf)");
  Error img = Error::kyso(Errc::ImageInvalid, "image_format").because(Detail::NotAnImage);
  EXPECT_EQ(detailSentence(img.detail, img.context, Lang::En), "neither a PNG nor a JPEG image");
  img.addWhere("seal.gif");
  EXPECT_EQ(detailSentence(img.detail, img.context, Lang::Vi),
            "seal.gif: không phải ảnh PNG hay JPEG");
}

}  // namespace
}  // namespace kyso
