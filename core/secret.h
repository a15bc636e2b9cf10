// SecretBuffer: a PIN or other secret in memory that kyso owns. Never copied implicitly, wiped
// with OPENSSL_cleanse (which the compiler cannot remove) on destruction and on clear(). It never
// appears in logs: there is no stream operator and no conversion to std::string.
//
// Its bytes live in pages of their own (SecretAllocator): locked in RAM where the limit allows
// (mlock), excluded from core dumps (MADV_DONTDUMP), wiped before they are unmapped. The first
// secret a process holds also makes the whole process non-dumpable (PR_SET_DUMPABLE 0, RLIMIT_CORE
// 0) for the rest of its life: a crash while a PIN is held writes no core file, and copies a
// PKCS#11 module makes of the PIN are covered too.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kyso {

namespace secret_memory {
/// Whole pages, locked and excluded from dumps; never nullptr (throws std::bad_alloc).
void* allocate(std::size_t bytes);
/// Wipes and unmaps what allocate() returned.
void release(void* p, std::size_t bytes) noexcept;
/// Makes the process non-dumpable and sets RLIMIT_CORE to 0; idempotent.
void protectProcess() noexcept;
}  // namespace secret_memory

template <class T>
struct SecretAllocator {
  using value_type = T;
  SecretAllocator() = default;
  template <class U>
  SecretAllocator(const SecretAllocator<U>&) noexcept {}  // NOLINT(google-explicit-constructor)
  T* allocate(std::size_t n) { return static_cast<T*>(secret_memory::allocate(n * sizeof(T))); }
  void deallocate(T* p, std::size_t n) noexcept { secret_memory::release(p, n * sizeof(T)); }
  template <class U>
  bool operator==(const SecretAllocator<U>&) const noexcept {
    return true;
  }
};

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
  std::vector<char, SecretAllocator<char>> m_bytes;
};

}  // namespace kyso
