// SecretBuffer: a PIN or other secret in memory that kyso owns. Never copied implicitly, wiped
// with OPENSSL_cleanse (which the compiler cannot remove) on destruction and on clear(). It never
// appears in logs: there is no stream operator and no conversion to std::string.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kyso {

class SecretBuffer {
 public:
  SecretBuffer() = default;
  explicit SecretBuffer(std::string_view s) { assign(s); }
  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;
  SecretBuffer(SecretBuffer&& o) noexcept;
  SecretBuffer& operator=(SecretBuffer&& o) noexcept;
  ~SecretBuffer() { clear(); }

  /// Replaces the content; the old content is wiped first.
  void assign(std::string_view s);
  /// Appends one byte (for prompts that read character by character).
  void push(char c);
  /// Removes trailing CR/LF (PIN files and stdin), wiping them.
  void trimNewline();
  /// Wipes and empties.
  void clear() noexcept;

  const char* data() const { return m_bytes.data(); }
  std::size_t size() const { return m_bytes.size(); }
  bool empty() const { return m_bytes.empty(); }
  /// A view for passing to C_Login; do not keep it.
  std::string_view view() const { return {m_bytes.data(), m_bytes.size()}; }

 private:
  void reserveWiping(std::size_t n);
  std::vector<char> m_bytes;
};

}  // namespace kyso
