#include "core/file_stamp.h"

#include <sys/stat.h>

namespace kyso {

std::optional<FileStamp> FileStamp::of(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  auto ns = [](const timespec& t) {
    return static_cast<std::int64_t>(t.tv_sec) * 1000000000 + static_cast<std::int64_t>(t.tv_nsec);
  };
  FileStamp s;
  s.device = static_cast<std::uint64_t>(st.st_dev);
  s.inode = static_cast<std::uint64_t>(st.st_ino);
  s.size = static_cast<std::uint64_t>(st.st_size);
  s.modifiedNs = ns(st.st_mtim);
  s.changedNs = ns(st.st_ctim);
  return s;
}

}  // namespace kyso
