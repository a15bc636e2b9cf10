// PinPrompt: where PINs come from. The CLI implements it (no-echo terminal, --pin-stdin,
// --pin-file, --pin-env); the GUI shows a dialog; tests script it. The token layer asks for a PIN
// at most once per login attempt and never asks again after a rejected PIN.
//
// Ownership: the returned SecretBuffer moves to the caller, which wipes it after C_Login.
// Blocking: getPin may block on a person for as long as they take; it is called on the device
// worker's thread, so a GUI implementation must hand the question to its UI thread and wait.
#pragma once

#include <string>

#include "core/errc.h"
#include "core/result.h"
#include "core/secret.h"

namespace kyso::p11 {

/// What is being asked for, so a prompt can say it in words.
struct PinRequest {
  enum class Kind {
    User,             // log in as the user
    So,               // log in as the security officer
    ContextSpecific,  // re-enter the user PIN for one signature (CKA_ALWAYS_AUTHENTICATE)
    NewUser,          // a new user PIN (change-pin, unblock)
    NewSo,            // a new SO PIN (change-so-pin, init)
  };
  Kind kind = Kind::User;
  std::string tokenLabel;
  std::string tokenSerial;
  std::string keyLabel;   // for ContextSpecific
  bool countLow = false;  // the token says few tries are left
  bool finalTry = false;  // the token says this is the last try (only asked with --force)
};

class PinPrompt {
 public:
  virtual ~PinPrompt() = default;
  /// Returns the PIN, or an error: Errc::Cancelled when the person cancels (not a failure),
  /// Errc::PinSourceInvalid / PinEmpty when the source cannot give one.
  virtual Result<SecretBuffer> getPin(const PinRequest& req) = 0;
  /// Tells the person something without asking (Errc::PinPadEnter: "enter the PIN on the reader").
  virtual void notice(Errc what, const PinRequest& req) {
    (void)what;
    (void)req;
  }
};

/// A prompt that always answers with the same PIN and counts how often it was asked: for tests,
/// benchmarks and batch tools that already hold the PIN in a SecretBuffer.
class FixedPinPrompt final : public PinPrompt {
 public:
  explicit FixedPinPrompt(std::string_view pin) : m_pin(pin) {}
  Result<SecretBuffer> getPin(const PinRequest& req) override {
    ++m_asked;
    m_last = req;
    return SecretBuffer(m_pin.view());
  }
  void notice(Errc what, const PinRequest&) override { m_lastNotice = what; }
  int asked() const { return m_asked; }
  const PinRequest& last() const { return m_last; }
  Errc lastNotice() const { return m_lastNotice; }

 private:
  SecretBuffer m_pin;
  int m_asked = 0;
  PinRequest m_last;
  Errc m_lastNotice = Errc::Ok;
};

}  // namespace kyso::p11
