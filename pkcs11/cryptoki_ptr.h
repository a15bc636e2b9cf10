// Owning handles for Cryptoki (this layer's one RAII header for that C API; the module itself is
// owned by Module, PC/SC handles by pcsc_ptr.h). A Session keeps its Module alive and closes its
// CK_SESSION_HANDLE with C_CloseSession when destroyed. Device-thread only (device_worker.h).
#pragma once

#include <memory>
#include <utility>

#include "pkcs11/module.h"

namespace kyso::p11 {

class Session {
 public:
  Session() = default;
  /// Takes ownership of `h`, an open session on `module`.
  Session(std::shared_ptr<Module> module, CK_SLOT_ID slot, CK_SESSION_HANDLE h)
      : m_module(std::move(module)), m_slot(slot), m_h(h) {}
  Session(Session&& o) noexcept
      : m_module(std::move(o.m_module)), m_slot(o.m_slot), m_h(std::exchange(o.m_h, 0)) {}
  Session& operator=(Session&& o) noexcept {
    if (this != &o) {
      reset();
      m_module = std::move(o.m_module);
      m_slot = o.m_slot;
      m_h = std::exchange(o.m_h, 0);
    }
    return *this;
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;
  ~Session() { reset(); }

  /// Opens a session (read-write when `rw`) on `slot` with C_OpenSession.
  static Result<Session> open(std::shared_ptr<Module> module, CK_SLOT_ID slot, bool rw) {
    CK_FLAGS flags = CKF_SERIAL_SESSION | (rw ? CKF_RW_SESSION : 0);
    CK_SESSION_HANDLE h = 0;
    CK_RV rv = KYSO_CK(module->fl(), C_OpenSession, slot, flags, nullptr, nullptr, &h);
    if (rv != CKR_OK) return ck::toError(rv, "C_OpenSession", "slot " + std::to_string(slot));
    return Session(std::move(module), slot, h);
  }

  void reset() noexcept {
    if (m_h != 0 && m_module) (void)KYSO_CK(m_module->fl(), C_CloseSession, m_h);
    m_h = 0;
  }

  CK_SESSION_HANDLE get() const { return m_h; }
  CK_SLOT_ID slot() const { return m_slot; }
  CK_FUNCTION_LIST* fl() const { return m_module->fl(); }
  const std::shared_ptr<Module>& module() const { return m_module; }
  explicit operator bool() const { return m_h != 0; }

 private:
  std::shared_ptr<Module> m_module;
  CK_SLOT_ID m_slot = 0;
  CK_SESSION_HANDLE m_h = 0;
};

}  // namespace kyso::p11
