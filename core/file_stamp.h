// FileStamp: what tells whether a file is still the one read earlier, without reading it again:
// its device and inode, its size, and its modification and status-change times to the
// nanosecond. The status-change time moves with every write, rename over it or attribute change,
// and its owner cannot set it back (utimensat sets the other two), so a file written or replaced
// between two moments has another stamp. On a file system with coarse times (FAT: 2 s) a write of
// the same size within one tick can go unseen.
//
//   auto before = FileStamp::of(fd);   ...   if (FileStamp::of(fd2) != before) { /* changed */ }
#pragma once

#include <cstdint>
#include <optional>

namespace kyso {

struct FileStamp {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modifiedNs = 0, changedNs = 0;

  bool operator==(const FileStamp&) const = default;
  /// The stamp of the open file `fd`; nullopt when fstat fails.
  static std::optional<FileStamp> of(int fd);
};

}  // namespace kyso
