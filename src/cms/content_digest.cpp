#include "src/cms/content_digest.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>

#include "core/openssl_ptr.h"

namespace kyso::cms {
namespace {

size_t outLen(int nid, const EVP_MD* md) {
  return nid == NID_shake256   ? 64
         : nid == NID_shake128 ? 32
                               : static_cast<size_t>(EVP_MD_get_size(md));
}

std::vector<unsigned char> finish(EVP_MD_CTX* ctx, int nid) {
  const EVP_MD* md = EVP_MD_CTX_get0_md(ctx);
  std::vector<unsigned char> out(outLen(nid, md));
  if (nid == NID_shake256 || nid == NID_shake128) {
    EVP_DigestFinalXOF(ctx, out.data(), out.size());
  } else {
    unsigned int n = 0;
    EVP_DigestFinal_ex(ctx, out.data(), &n);
    out.resize(n);
  }
  return out;
}

}  // namespace

std::vector<unsigned char> digestBytes(int nid, std::span<const unsigned char> data) {
  const EVP_MD* md = EVP_get_digestbynid(nid);
  ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
  if (!md || !ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) return {};
  EVP_DigestUpdate(ctx.get(), data.data(), data.size());
  return finish(ctx.get(), nid);
}

Result<std::map<int, std::vector<unsigned char>>> computeDigests(const DetachedContent& content,
                                                                 const std::set<int>& nids) {
  std::map<int, std::vector<unsigned char>> out;
  std::vector<std::pair<int, ossl::Ptr<EVP_MD_CTX>>> ctxs;
  for (int nid : nids) {
    if (auto it = content.digests.find(nid); it != content.digests.end()) {
      out[nid] = it->second;
      continue;
    }
    const EVP_MD* md = EVP_get_digestbynid(nid);
    if (!md || !content.feed) continue;
    ossl::Ptr<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    if (!ctx || EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) continue;
    ctxs.emplace_back(nid, std::move(ctx));
  }
  if (!ctxs.empty()) {
    KYSO_TRY(content.feed([&](std::span<const unsigned char> chunk) {
      for (auto& [nid, ctx] : ctxs) EVP_DigestUpdate(ctx.get(), chunk.data(), chunk.size());
    }));
    for (auto& [nid, ctx] : ctxs) out[nid] = finish(ctx.get(), nid);
  }
  return out;
}

DetachedContent DetachedContent::fromFile(std::string path) {
  DetachedContent c;
  c.feed = [path = std::move(path)](const Sink& sink) -> Status {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return Error::posix(errno, "open", path);
    struct Closer {
      int fd;
      ~Closer() { ::close(fd); }
    } closer{fd};
    ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    thread_local std::vector<unsigned char> buf(1 << 20);  // reused: no zeroed MiB per file
    for (;;) {
      ssize_t n = ::read(fd, buf.data(), buf.size());
      if (n < 0) {
        if (errno == EINTR) continue;
        return Error::posix(errno, "read", path);
      }
      if (n == 0) return okStatus();
      sink(std::span<const unsigned char>(buf.data(), static_cast<size_t>(n)));
    }
  };
  return c;
}

DetachedContent DetachedContent::fromBytes(std::span<const unsigned char> bytes) {
  DetachedContent c;
  c.feed = [bytes](const Sink& sink) -> Status {
    sink(bytes);
    return okStatus();
  };
  return c;
}

}  // namespace kyso::cms
