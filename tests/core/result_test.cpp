#include "core/result.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <string>

#include "core/messages.h"

namespace kyso {
namespace {

Result<int> half(int x) {
  if (x % 2) return Error::kyso(Errc::UsageError, "half", std::to_string(x) + " is odd");
  return x / 2;
}

Result<int> quarter(int x) {
  KYSO_ASSIGN_OR_RETURN(int h, half(x));
  return half(h);
}

Status checkEven(int x) {
  KYSO_TRY(half(x));
  return {};
}

TEST(Result, CarriesValueOrError) {
  auto ok = half(4);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(*ok, 2);
  auto bad = half(3);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().domain, Domain::Kyso);
  EXPECT_EQ(bad.error().kind, Errc::UsageError);
  EXPECT_EQ(bad.error().operation, "half");
  EXPECT_EQ(bad.error().context, "3 is odd");
}

TEST(Result, MacrosPropagate) {
  EXPECT_EQ(*quarter(8), 2);
  auto r = quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().context, "3 is odd");
  EXPECT_TRUE(checkEven(2).ok());
  EXPECT_FALSE(checkEven(1).ok());
}

TEST(Error, PosixIsClassified) {
  EXPECT_EQ(Error::posix(ENOSPC, "write").kind, Errc::DiskFull);
  EXPECT_EQ(Error::posix(ENOENT, "open").kind, Errc::FileNotFound);
  EXPECT_EQ(Error::posix(EACCES, "open").kind, Errc::OutputNotWritable);
}

TEST(Error, TechnicalNamesTheCallAndRawCode) {
  Error e = Error::raw(Domain::Pkcs11, 0xA0, "C_Login", "slot 0", Errc::PinIncorrect);
  EXPECT_EQ(e.technical(), "C_Login: CKR_PIN_INCORRECT -> PinIncorrect [slot 0]");
}

}  // namespace
}  // namespace kyso
