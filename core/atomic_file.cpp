#include "core/atomic_file.h"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include "core/log.h"

namespace kyso {

namespace fs = std::filesystem;

namespace {

// The path through which an open file can be opened again or linked: /proc/self/fd/N.
std::string procFdPath(int fd) {
  return "/proc/self/fd/" + std::to_string(fd);
}

// Whether /proc/self/fd is there to give an O_TMPFILE file its name on commit (a chroot or a
// container without /proc has none: the named temporary file is used instead).
bool procFdAvailable() {
  static const bool ok = ::access("/proc/self/fd", X_OK) == 0;
  return ok;
}

// ".NAME.kyso-XXXXXX" next to the target, with random letters (the named temporary file's form).
std::string hiddenNameFor(const fs::path& target) {
  static constexpr char kLetters[] =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char rnd[6] = {};
  if (RAND_bytes(rnd, sizeof rnd) != 1) {
    const auto t = static_cast<unsigned long>(::getpid()) ^ static_cast<unsigned long>(::clock());
    for (std::size_t i = 0; i < sizeof rnd; ++i) rnd[i] = static_cast<unsigned char>(t >> (i * 5));
  }
  std::string name = ".";
  name += target.filename().string();
  name += ".kyso-";
  for (unsigned char c : rnd) name += kLetters[c % (sizeof kLetters - 1)];
  return (target.parent_path().empty() ? fs::path(name) : target.parent_path() / name).string();
}

}  // namespace

AtomicFile::AtomicFile(fs::path target, fs::path temp, int fd, Overwrite ow, bool anonymous)
    : m_target(std::move(target)),
      m_temp(std::move(temp)),
      m_fd(fd),
      m_overwrite(ow),
      m_anonymous(anonymous) {}

AtomicFile::AtomicFile(AtomicFile&& o) noexcept
    : m_target(std::move(o.m_target)),
      m_temp(std::move(o.m_temp)),
      m_fd(o.m_fd),
      m_written(o.m_written),
      m_overwrite(o.m_overwrite),
      m_anonymous(o.m_anonymous) {
  o.m_fd = -1;
  o.m_temp.clear();
  o.m_anonymous = false;
}

AtomicFile::~AtomicFile() {
  abandon();
}

Result<AtomicFile> AtomicFile::create(const fs::path& target, Overwrite overwrite) {
  std::error_code ec;
  if (overwrite == Overwrite::Refuse && fs::exists(target, ec))
    return Error::kyso(Errc::FileExists, "open", target.string());
  fs::path dir = target.parent_path();
  if (dir.empty()) dir = ".";
  if (!fs::is_directory(dir, ec)) return Error::posix(ENOENT, "open", dir.string());
  if (procFdAvailable()) {
    // An unnamed file in the target's folder (O_TMPFILE), named by linkat() on commit: no
    // temporary name to create and remove, and nothing left behind by a crash (a replacement is
    // named for the instant between linkat and rename only). On a new, empty
    // ext4 folder after many deletions this halves the file system's share of a batch (the
    // folder lock is not held while the inode is allocated). File systems without it (FAT, NFS,
    // old kernels) take the named temporary file below.
    int fd = ::open(dir.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0644);
    if (fd >= 0) {
      ::fchmod(fd, 0644);
      return AtomicFile(target, fs::path(procFdPath(fd)), fd, overwrite, true);
    }
  }
  std::string name = ".";  // built by appending: GCC 12 warns falsely on "." + std::string
  name += target.filename().string();
  name += ".kyso-XXXXXX";
  std::string tmpl = (dir / name).string();
  int fd = ::mkostemp(tmpl.data(), O_CLOEXEC);
  if (fd < 0) return Error::posix(errno, "mkstemp", dir.string());
  ::fchmod(fd, 0644);
  return AtomicFile(target, fs::path(tmpl), fd, overwrite, false);
}

Status AtomicFile::write(std::span<const std::byte> data) {
  const auto* p = reinterpret_cast<const char*>(data.data());
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(m_fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "write", m_target.string());
    }
    p += n;
    left -= static_cast<std::size_t>(n);
    m_written += static_cast<std::uint64_t>(n);
  }
  return {};
}

Status AtomicFile::pwrite(std::uint64_t offset, std::span<const std::byte> data) {
  const auto* p = reinterpret_cast<const char*>(data.data());
  std::size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::pwrite(m_fd, p, left, static_cast<off_t>(offset));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "pwrite", m_target.string());
    }
    p += n;
    offset += static_cast<std::uint64_t>(n);
    left -= static_cast<std::size_t>(n);
  }
  return {};
}

Status AtomicFile::commit(DirSync dirSync) {
  if (m_fd < 0) return Error::kyso(Errc::OutputNotWritable, "commit", m_target.string());
  if (::fsync(m_fd) != 0) return Error::posix(errno, "fsync", m_target.string());
  if (m_anonymous) {
    // Named now; linkat() fails with EEXIST if the target appeared meanwhile, so nobody's file
    // is replaced. Closing an unnamed file that was not linked frees it. A replacement gets a
    // hidden name first and is renamed over the target at once.
    int rc = 0, err = 0;
    if (m_overwrite == Overwrite::Refuse) {
      rc = ::linkat(AT_FDCWD, m_temp.c_str(), AT_FDCWD, m_target.c_str(), AT_SYMLINK_FOLLOW);
      err = errno;
    } else {
      std::string hidden;
      for (int attempt = 0; attempt < 16; ++attempt) {
        hidden = hiddenNameFor(m_target);
        rc = ::linkat(AT_FDCWD, m_temp.c_str(), AT_FDCWD, hidden.c_str(), AT_SYMLINK_FOLLOW);
        err = errno;
        if (rc == 0 || err != EEXIST) break;
      }
      if (rc == 0 && ::rename(hidden.c_str(), m_target.c_str()) != 0) {
        err = errno;
        rc = -1;
        ::unlink(hidden.c_str());
      }
    }
    ::close(m_fd);
    m_fd = -1;
    m_temp.clear();
    m_anonymous = false;
    if (rc != 0)
      return Error::posix(err, m_overwrite == Overwrite::Refuse ? "link" : "rename",
                          m_target.string());
  } else {
    const int rc = ::close(m_fd);
    m_fd = -1;
    if (rc != 0) return Error::posix(errno, "close", m_target.string());
    if (m_overwrite == Overwrite::Refuse) {
      // link() fails if the target appeared meanwhile, so a concurrent writer is never clobbered.
      if (::link(m_temp.c_str(), m_target.c_str()) != 0)
        return Error::posix(errno, "link", m_target.string());
      ::unlink(m_temp.c_str());
    } else if (::rename(m_temp.c_str(), m_target.c_str()) != 0) {
      return Error::posix(errno, "rename", m_target.string());
    }
  }
  m_temp.clear();
  if (dirSync == DirSync::Deferred) return {};
  // The file is complete and in place; a directory that cannot be synced only makes the new name
  // less durable, so it is logged, not reported as a failed write.
  if (auto st = syncDirectory(m_target.parent_path()); !st.ok())
    log::warn("directory not synced after writing " + m_target.string() + ": " +
              st.error().technical());
  return {};
}

Status syncDirectory(const fs::path& path) {
  const fs::path dir = path.empty() ? fs::path(".") : path;
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0) return Error::posix(errno, "open", dir.string());
  const int rc = ::fsync(dfd);
  const int err = errno;
  ::close(dfd);
  // Some file systems cannot fsync a directory (EINVAL); the rename is then as durable as it gets.
  if (rc != 0 && err != EINVAL) return Error::posix(err, "fsync", dir.string());
  return {};
}

void AtomicFile::abandon() noexcept {
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
  if (m_anonymous) {  // nothing to remove: closing freed it
    m_temp.clear();
    m_anonymous = false;
  }
  if (!m_temp.empty()) {
    ::unlink(m_temp.c_str());
    m_temp.clear();
  }
}

Result<std::string> readSmallFile(const fs::path& path, std::size_t maxBytes) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::posix(errno, "open", path.string());
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int e = errno;
    ::close(fd);
    return Error::posix(e, "fstat", path.string());
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Error::kyso(Errc::FileUnreadable, "open", path.string() + " is a folder");
  }
  if (static_cast<std::uint64_t>(st.st_size) > maxBytes) {
    ::close(fd);
    return Error::kyso(Errc::InputTooLarge, "read", path.string());
  }
  std::string out;
  out.resize(static_cast<std::size_t>(st.st_size));
  std::size_t got = 0;
  while (got < out.size()) {
    ssize_t n = ::read(fd, out.data() + got, out.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      int e = errno;
      ::close(fd);
      return Error::posix(e, "read", path.string());
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(got);
  return out;
}

}  // namespace kyso
