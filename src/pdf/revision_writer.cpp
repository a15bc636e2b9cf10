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

  // A fixed buffer: memory stays bounded whatever the file size.
  constexpr std::size_t kBuf = 1u << 20;
  std::unique_ptr<std::byte[]> buf(new std::byte[kBuf]);
  std::uint64_t copied = 0;
  for (;;) {
    ssize_t n = ::read(in.fd, buf.get(), kBuf);
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "read", input.string());
    }
    if (n == 0) break;
    auto len = static_cast<std::size_t>(n);
    if (EVP_DigestUpdate(md.get(), buf.get(), len) != 1) return Error::openssl("EVP_DigestUpdate");
    KYSO_TRY(file.write(std::span<const std::byte>(buf.get(), len)));
    copied += len;
  }
  if (copied != static_cast<std::uint64_t>(st.st_size))
    return Error::kyso(Errc::FileUnreadable, "read", input.string() + ": changed while being read");
  return RevisionWriter(std::move(file), std::move(md));
}

Result<std::vector<unsigned char>> RevisionWriter::digestWith(
    std::span<const std::string_view> extra) const {
  ossl::Ptr<EVP_MD_CTX> c(EVP_MD_CTX_new());
  if (!c || EVP_MD_CTX_copy_ex(c.get(), m_md.get()) != 1) return Error::openssl("EVP_MD_CTX_copy_ex");
  for (auto part : extra)
    if (EVP_DigestUpdate(c.get(), part.data(), part.size()) != 1)
      return Error::openssl("EVP_DigestUpdate");
  std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
  unsigned int len = 0;
  if (EVP_DigestFinal_ex(c.get(), out.data(), &len) != 1) return Error::openssl("EVP_DigestFinal_ex");
  out.resize(len);
  return out;
}

Status RevisionWriter::append(std::string_view bytes) {
  if (EVP_DigestUpdate(m_md.get(), bytes.data(), bytes.size()) != 1)
    return Error::openssl("EVP_DigestUpdate");
  return m_file.write(bytes);
}

}  // namespace kyso::pdf
