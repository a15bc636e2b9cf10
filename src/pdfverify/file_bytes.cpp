#include "src/pdfverify/file_bytes.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <memory>
#include <string_view>

#include "core/openssl_ptr.h"

namespace kyso::pdfverify {

namespace {

constexpr std::size_t kChunk = 1u << 20;

bool isWhite(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

}  // namespace

Result<std::shared_ptr<FileBytes>> FileBytes::open(const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Error::posix(errno, "open", path.string());
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Error::posix(err, "fstat", path.string());
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    return Error::kyso(Errc::FileUnreadable, "open", path.string())
        .because(Detail::NotARegularFile);
  }
  std::shared_ptr<FileBytes> f(new FileBytes());
  f->m_fd = fd;
  f->m_size = static_cast<std::uint64_t>(st.st_size);
  f->m_name = path.string();
  return f;
}

std::shared_ptr<FileBytes> FileBytes::fromMemory(std::string data, std::string name) {
  std::shared_ptr<FileBytes> f(new FileBytes());
  f->m_size = data.size();
  f->m_memory = std::move(data);
  f->m_name = std::move(name);
  return f;
}

FileBytes::~FileBytes() {
  if (m_fd >= 0) ::close(m_fd);
}

Result<std::size_t> FileBytes::readInto(std::uint64_t offset, char* buf, std::size_t len) const {
  if (offset >= m_size || len == 0) return std::size_t{0};
  len = static_cast<std::size_t>(std::min<std::uint64_t>(len, m_size - offset));
  if (m_fd < 0) {
    std::memcpy(buf, m_memory.data() + offset, len);
    return len;
  }
  std::size_t done = 0;
  while (done < len) {
    ssize_t n = ::pread(m_fd, buf + done, len - done, static_cast<off_t>(offset + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      return Error::posix(errno, "pread", m_name);
    }
    if (n == 0) break;  // the file shrank under us
    done += static_cast<std::size_t>(n);
  }
  return done;
}

Status FileBytes::readAt(std::uint64_t offset, std::size_t len, std::string& out) const {
  if (offset >= m_size) {
    out.clear();
    return okStatus();
  }
  len = static_cast<std::size_t>(std::min<std::uint64_t>(len, m_size - offset));
  out.resize(len);
  KYSO_ASSIGN_OR_RETURN(std::size_t n, readInto(offset, out.data(), len));
  out.resize(n);
  return okStatus();
}

Result<FileBytes::Markers> FileBytes::scanMarkers(std::size_t maxHits) const {
  static constexpr std::string_view kEof = "%%EOF";
  static constexpr std::string_view kBr = "/ByteRange";
  constexpr std::size_t kOverlap = 16;  // > longest needle
  Markers m;
  std::vector<std::uint64_t> eofs;
  // Small files (most signed letters) get a buffer of their own size, not an MiB to clear.
  const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, m_size));
  // Left uninitialised: every byte looked at is read from the file first.
  std::unique_ptr<char[]> buf(new char[chunk + kOverlap]);
  std::uint64_t base = 0;  // file offset of buf[0]
  std::size_t have = 0;    // bytes valid in buf
  std::uint64_t next = 0;  // next file offset to read
  while (next < m_size) {
    KYSO_ASSIGN_OR_RETURN(std::size_t n, readInto(next, buf.get() + have, chunk));
    if (n == 0) break;
    next += n;
    have += n;
    std::string_view view(buf.get(), have);
    const bool last = next >= m_size;
    // Only matches that start before the tail we carry over are taken now (no double counting).
    std::size_t limit = last ? have : have - std::min(have, kOverlap);
    for (auto [needle, out] : {std::pair{kEof, &eofs}, std::pair{kBr, &m.byte_range_keys}}) {
      std::size_t pos = 0;
      while ((pos = view.find(needle, pos)) != std::string_view::npos && pos < limit) {
        if (out->size() >= maxHits)
          return Error::kyso(Errc::PdfTooComplex, "scanMarkers",
                             detailArgs({m_name, "too many " + std::string(needle)}))
              .because(Detail::TechnicalIn);
        out->push_back(base + pos);
        pos += needle.size();
      }
    }
    if (last) break;
    std::memmove(buf.get(), buf.get() + limit, have - limit);
    base += limit;
    have -= limit;
  }
  // A revision end is `startxref <digits> %%EOF`; a bare %%EOF inside stream data is not one.
  std::string back;
  for (std::uint64_t e : eofs) {
    std::uint64_t from = e >= 64 ? e - 64 : 0;
    KYSO_TRY(readAt(from, static_cast<std::size_t>(e - from + 7), back));
    std::size_t rel = static_cast<std::size_t>(e - from);
    std::size_t i = rel;
    while (i > 0 && isWhite(back[i - 1])) --i;
    std::size_t digitsEnd = i;
    while (i > 0 && back[i - 1] >= '0' && back[i - 1] <= '9') --i;
    if (i == digitsEnd || digitsEnd - i > 19) continue;
    std::uint64_t sx = std::stoull(back.substr(i, digitsEnd - i));
    while (i > 0 && isWhite(back[i - 1])) --i;
    if (i < 9 || back.compare(i - 9, 9, "startxref") != 0) continue;
    RevisionEnd r;
    r.eof_marker = e;
    r.end = e + 5;
    r.startxref = sx;
    std::size_t after = rel + 5;
    r.end_with_eol = r.end;
    if (after < back.size() && back[after] == '\r') {
      ++r.end_with_eol;
      ++after;
    }
    if (after < back.size() && back[after] == '\n') ++r.end_with_eol;
    m.revisions.push_back(r);
  }
  return m;
}

Status FileBytes::feedRanges(
    const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges,
    const std::function<void(const unsigned char*, std::size_t)>& sink) const {
  std::uint64_t longest = 0;
  for (auto [start, len] : ranges) longest = std::max(longest, len);
  const std::size_t chunk = static_cast<std::size_t>(std::min<std::uint64_t>(kChunk, longest));
  std::unique_ptr<char[]> buf(new char[std::max<std::size_t>(chunk, 1)]);  // filled by each read
  for (auto [start, len] : ranges) {
    if (start > m_size || len > m_size - start)
      return Error::kyso(Errc::PdfByteRangeInvalid, "feedRanges", m_name);
    std::uint64_t pos = start;
    const std::uint64_t end = start + len;
    while (pos < end) {
      std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(chunk, end - pos));
      KYSO_ASSIGN_OR_RETURN(std::size_t n, readInto(pos, buf.get(), want));
      if (n == 0)
        return Error::kyso(Errc::FileUnreadable, "pread", m_name).because(Detail::ChangedWhileRead);
      sink(reinterpret_cast<const unsigned char*>(buf.get()), n);
      pos += n;
    }
  }
  return okStatus();
}

Result<std::vector<unsigned char>> FileBytes::digestRanges(
    const EVP_MD* md, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges) const {
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1)
    return Error::openssl("EVP_DigestInit_ex", m_name);
  bool ok = true;
  KYSO_TRY(feedRanges(ranges, [&](const unsigned char* p, std::size_t n) {
    ok = ok && EVP_DigestUpdate(ctx.get(), p, n) == 1;
  }));
  if (!ok) return Error::openssl("EVP_DigestUpdate", m_name);
  std::vector<unsigned char> out(EVP_MAX_MD_SIZE);
  unsigned int outLen = 0;
  if (EVP_DigestFinal_ex(ctx.get(), out.data(), &outLen) != 1)
    return Error::openssl("EVP_DigestFinal_ex", m_name);
  out.resize(outLen);
  return out;
}

}  // namespace kyso::pdfverify
