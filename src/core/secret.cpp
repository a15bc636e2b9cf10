#include "src/core/secret.h"

#include <openssl/crypto.h>

namespace kyso {

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
  std::vector<char> bigger;
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
