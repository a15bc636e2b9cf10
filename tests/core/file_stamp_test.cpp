// A file's stamp changes when it is written (even to the same size) or replaced, not when it is
// only read (core/file_stamp.h).
#include "core/file_stamp.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace kyso {
namespace {

std::optional<FileStamp> stampOf(const std::filesystem::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  auto s = FileStamp::of(fd);
  ::close(fd);
  return s;
}

void write(const std::filesystem::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << text;
}

TEST(FileStamp, ChangesWhenTheFileIsWrittenOrReplacedNotWhenRead) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("kyso-stamp-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto p = dir / "a.pdf";
  write(p, "%PDF-1.7 one");
  const auto first = stampOf(p);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->size, 12u);
  std::ifstream(p).get();
  EXPECT_EQ(stampOf(p), first) << "reading changes nothing";
  write(p, "%PDF-1.7 two");  // the same size
  const auto second = stampOf(p);
  EXPECT_NE(second, first);
  write(dir / "b.pdf", "%PDF-1.7 two");
  std::filesystem::rename(dir / "b.pdf", p);
  EXPECT_NE(stampOf(p), second) << "another file under the same name";
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace kyso
