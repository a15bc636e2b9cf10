#include "core/secret.h"

#include <openssl/crypto.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <mutex>
#include <new>

namespace kyso {

namespace secret_memory {
namespace {

std::size_t pageRounded(std::size_t bytes) {
  static const std::size_t page = [] {
    const long p = ::sysconf(_SC_PAGESIZE);
    return p > 0 ? static_cast<std::size_t>(p) : std::size_t{4096};
  }();
  return (bytes + page - 1) / page * page;
}

}  // namespace

void protectProcess() noexcept {
  static std::once_flag once;
  std::call_once(once, [] {
    ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    const rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
  });
}

void* allocate(std::size_t bytes) {
  protectProcess();
  const std::size_t len = pageRounded(bytes == 0 ? 1 : bytes);
  void* p = ::mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) throw std::bad_alloc();
  ::madvise(p, len, MADV_DONTDUMP);
  ::mlock(p, len);  // best effort: RLIMIT_MEMLOCK may be small; the pages are still not dumped
  return p;
}

void release(void* p, std::size_t bytes) noexcept {
  if (!p) return;
  const std::size_t len = pageRounded(bytes == 0 ? 1 : bytes);
  OPENSSL_cleanse(p, len);
  ::munlock(p, len);
  ::munmap(p, len);
}

}  // namespace secret_memory

SecretBuffer::SecretBuffer(SecretBuffer&& o) noexcept : m_bytes(std::move(o.m_bytes)) {
  o.m_bytes.clear();
}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& o) noexcept {
  if (this != &o) {
    clear();
    m_bytes = std::move(o.m_bytes);
    o.m_bytes.clear();
  }
  return *this;
}

// Growing a vector copies into new storage and frees the old block unwiped; grow by hand instead.
void SecretBuffer::reserveWiping(std::size_t n) {
  if (n <= m_bytes.capacity()) return;
  std::vector<char, SecretAllocator<char>> bigger;
  bigger.reserve(n < 64 ? 64 : n * 2);
  bigger.assign(m_bytes.begin(), m_bytes.end());
  clear();
  m_bytes.swap(bigger);
}

void SecretBuffer::assign(std::string_view s) {
  clear();
  reserveWiping(s.size());
  m_bytes.assign(s.begin(), s.end());
}

void SecretBuffer::push(char c) {
  reserveWiping(m_bytes.size() + 1);
  m_bytes.push_back(c);
}

void SecretBuffer::trimNewline() {
  while (!m_bytes.empty() && (m_bytes.back() == '\n' || m_bytes.back() == '\r')) {
    OPENSSL_cleanse(&m_bytes.back(), 1);
    m_bytes.pop_back();
  }
}

void SecretBuffer::clear() noexcept {
  // Every path that shrinks the buffer wipes what it drops, so the live bytes are all there is.
  if (!m_bytes.empty()) OPENSSL_cleanse(m_bytes.data(), m_bytes.size());
  m_bytes.clear();
}

}  // namespace kyso
