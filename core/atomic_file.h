// AtomicFile: writes an output through a temporary file in the target's own directory, flushes it
// to disk and renames it over the target only on commit(). If the object is destroyed without
// commit() (an error, a full disk, a removed token) the temporary file is deleted and the target
// is untouched. Inputs are never opened through this class. A new output (Overwrite::Refuse) is,
// where the file system allows, an unnamed file (O_TMPFILE) that commit() links under the
// target's name, so that not even a crash leaves a temporary file behind.
#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <string>

#include "core/result.h"

namespace kyso {

class AtomicFile {
 public:
  enum class Overwrite { Refuse, Allow };
  /// Whether commit() also fsyncs the target's directory (so that the new name survives a power
  /// loss) or leaves that to one syncDirectory() call after a batch of commits into one folder.
  /// The file's own data is always flushed before the rename, so the target is never a partial
  /// file either way.
  enum class DirSync { Now, Deferred };

  /// Creates the temporary file beside `target`. Refuses (FileExists) when the target exists and
  /// overwrite is Refuse. Blocks on the file system only.
  static Result<AtomicFile> create(const std::filesystem::path& target,
                                   Overwrite overwrite = Overwrite::Refuse);

  AtomicFile(AtomicFile&& o) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  AtomicFile(const AtomicFile&) = delete;
  ~AtomicFile();

  Status write(std::span<const std::byte> data);
  Status write(std::string_view data) {
    return write(std::as_bytes(std::span<const char>(data.data(), data.size())));
  }
  /// Writes `data` at `offset` in the temporary file (for filling a reserved hole, e.g. a PDF's
  /// /Contents after the digest is known).
  Status pwrite(std::uint64_t offset, std::span<const std::byte> data);
  std::uint64_t size() const { return m_written; }
  int fd() const { return m_fd; }
  /// A path that opens the temporary file (for an unnamed one, /proc/self/fd/N) until commit().
  const std::filesystem::path& tempPath() const { return m_temp; }
  const std::filesystem::path& target() const { return m_target; }

  /// fsync, close, rename over the target, fsync the directory (unless Deferred). After success
  /// the object is empty.
  Status commit(DirSync dirSync = DirSync::Now);
  /// Deletes the temporary file (also done by the destructor).
  void abandon() noexcept;

 private:
  AtomicFile(std::filesystem::path target, std::filesystem::path temp, int fd, Overwrite ow,
             bool anonymous);
  std::filesystem::path m_target;
  std::filesystem::path m_temp;
  int m_fd = -1;
  std::uint64_t m_written = 0;
  Overwrite m_overwrite = Overwrite::Refuse;
  bool m_anonymous = false;  // O_TMPFILE: m_temp is /proc/self/fd/N, nothing to unlink
};

/// fsyncs a directory, making earlier renames into it durable (after AtomicFile::commit with
/// DirSync::Deferred).
Status syncDirectory(const std::filesystem::path& dir);

/// Reads a whole (small) file; refuses files larger than `maxBytes` with InputTooLarge.
Result<std::string> readSmallFile(const std::filesystem::path& path,
                                  std::size_t maxBytes = 64u << 20);

}  // namespace kyso
