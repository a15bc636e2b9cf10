// Owning handles for PC/SC (pcsc-lite): this layer's one RAII header for that C API.
// A ScardContext releases its SCARDCONTEXT with SCardReleaseContext.
#pragma once

#include <PCSC/winscard.h>
#include <PCSC/wintypes.h>

#include <utility>

namespace kyso::p11 {

class ScardContext {
 public:
  ScardContext() = default;
  explicit ScardContext(SCARDCONTEXT c) : m_c(c), m_valid(true) {}
  ScardContext(ScardContext&& o) noexcept : m_c(o.m_c), m_valid(std::exchange(o.m_valid, false)) {}
  ScardContext& operator=(ScardContext&& o) noexcept {
    if (this != &o) {
      reset();
      m_c = o.m_c;
      m_valid = std::exchange(o.m_valid, false);
    }
    return *this;
  }
  ScardContext(const ScardContext&) = delete;
  ScardContext& operator=(const ScardContext&) = delete;
  ~ScardContext() { reset(); }

  void reset() noexcept {
    if (m_valid) SCardReleaseContext(m_c);
    m_valid = false;
  }
  SCARDCONTEXT get() const { return m_c; }
  explicit operator bool() const { return m_valid; }

 private:
  SCARDCONTEXT m_c = 0;
  bool m_valid = false;
};

}  // namespace kyso::p11
