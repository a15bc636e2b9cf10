#include "core/messages.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

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

}  // namespace
}  // namespace kyso
