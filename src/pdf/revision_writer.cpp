#include "src/pdf/revision_writer.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <memory>

namespace kyso::pdf {
namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

Result<RevisionWriter> RevisionWriter::start(const std::filesystem::path& input,
                                             const std::filesystem::path& output,
                                             AtomicFile::Overwrite overwrite) {
  Fd in;
  in.fd = ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
  if (in.fd < 0) return Error::posix(errno, "open", input.string());
  struct stat st {};
  if (::fstat(in.fd, &st) != 0) return Error::posix(errno, "fstat", input.string());
  ::posix_fadvise(in.fd, 0, 0, POSIX_FADV_SEQUENTIAL);

  KYSO_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::create(output, overwrite));
  ossl::Ptr<EVP_MD_CTX> md(EVP_MD_CTX_new());
  if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex");

  // A fixed buffer: memory stays bounded whatever the file size. The bytes are hashed from the
  // buffer and copied to the output by the kernel (copy_file_range: no second trip through user
  // space, a reflink where the file system has them), or written from the buffer where the
  // kernel cannot copy between these files.
  constexpr std::size_t kBuf = 1u << 20;
  std::unique_ptr<std::byte[]> buf(new std::byte[kBuf]);
  std::uint64_t copied = 0, kicked = 0;
  constexpr std::uint64_t kKick = 8u << 20;
  bool kernelCopy = true;
  for (;;) {
    ssize_t n = ::pread(in.fd, buf.get(), kBuf, static_cast<off_t>(copied));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "read", input.string());
    }
    if (n == 0) break;
    auto len = static_cast<std::size_t>(n);
    if (EVP_DigestUpdate(md.get(), buf.get(), len) != 1) return Error::openssl("EVP_DigestUpdate");
    std::size_t done = 0;
    while (kernelCopy && done < len) {
      auto off = static_cast<off_t>(copied + done);
      ssize_t c = ::copy_file_range(in.fd, &off, file.fd(), nullptr, len - done, 0);
      if (c > 0) {
        done += static_cast<std::size_t>(c);
        continue;
      }
      if (c < 0 && errno == EINTR) continue;
      if (c < 0 && (errno == ENOSPC || errno == EIO || errno == EFBIG || errno == EDQUOT))
        return Error::posix(errno, "copy_file_range", output.string());
      if (done != 0) return Error::posix(c < 0 ? errno : EIO, "copy_file_range", output.string());
      kernelCopy = false;  // EXDEV, EINVAL, ENOSYS, ...: write from the buffer from now on
    }
    if (!kernelCopy) KYSO_TRY(file.write(std::span<const std::byte>(buf.get(), len)));
    copied += len;
    // Start writing back what is done every 8 MiB, so that the fsync at commit has little left
    // to do and dirty pages stay bounded (a hint: errors surface at fsync).
    if (copied - kicked >= kKick) {
      ::sync_file_range(file.fd(), static_cast<off_t>(kicked), static_cast<off_t>(copied - kicked),
                        SYNC_FILE_RANGE_WRITE);
      kicked = copied;
    }
  }
  // The hashed bytes and the copied bytes were read separately: the input must not have changed.
  struct stat after {};
  if (::fstat(in.fd, &after) != 0) return Error::posix(errno, "fstat", input.string());
  if (copied != static_cast<std::uint64_t>(st.st_size) || after.st_size != st.st_size ||
      after.st_mtim.tv_sec != st.st_mtim.tv_sec || after.st_mtim.tv_nsec != st.st_mtim.tv_nsec)
    return Error::kyso(Errc::FileUnreadable, "read", input.string())
        .because(Detail::ChangedWhileRead);
  RevisionWriter w(std::move(file), std::move(md));
  w.m_size = copied;
  return w;
}

Result<RevisionWriter> RevisionWriter::startWith(std::string_view content,
                                                 const std::filesystem::path& output,
                                                 AtomicFile::Overwrite overwrite) {
  KYSO_ASSIGN_OR_RETURN(AtomicFile file, AtomicFile::create(output, overwrite));
  ossl::Ptr<EVP_MD_CTX> md(EVP_MD_CTX_new());
  if (!md || EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex");
  RevisionWriter w(std::move(file), std::move(md));
  KYSO_TRY(w.append(content));
  return w;
}

Result<std::vector<unsigned char>> RevisionWriter::digestWith(
    std::span<const std::string_view> extra) const {
  ossl::Ptr<EVP_MD_CTX> c(EVP_MD_CTX_new());
  if (!c || EVP_MD_CTX_copy_ex(c.get(), m_md.get()) != 1)
    return Error::openssl("EVP_MD_CTX_copy_ex");
  for (auto part : extra)
    if (EVP_DigestUpdate(c.get(), part.data(), part.size()) != 1)
      return Error::openssl("EVP_DigestUpdate");
  std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(c.get(), out.data(), &len) != 1)
    return Error::openssl("EVP_DigestFinal_ex");
  out.resize(len);
  return out;
}

Status RevisionWriter::append(std::string_view bytes) {
  if (EVP_DigestUpdate(m_md.get(), bytes.data(), bytes.size()) != 1)
    return Error::openssl("EVP_DigestUpdate");
  KYSO_TRY(m_file.write(bytes));
  m_size += bytes.size();
  return okStatus();
}

}  // namespace kyso::pdf
