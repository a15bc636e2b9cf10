// TokenSession and TokenKey: an open session on one token (optionally logged in) and a private
// key on it that signs. These are the device-thread objects under OpenToken (open_token.h); they
// make Cryptoki calls and must only be used on the DeviceWorker's thread (use worker()->call()).
//
// Signing primitives (TokenKey):
//  - signData(): hashes on the token with the combined mechanism when the token offers it
//    (CKM_SHA256_RSA_PKCS, CKM_SHA256_RSA_PKCS_PSS, CKM_ECDSA_SHA256, ...), else hashes locally
//    and calls signDigest().
//  - signDigest(): CKM_RSA_PKCS over a DigestInfo, CKM_RSA_PKCS_PSS (salt = hash length), or
//    CKM_ECDSA. ECDSA signatures are returned DER-encoded (as CMS wants), RSA as the raw block.
//  - signRaw(): one C_SignInit/C_Sign with any mechanism (the EVP_PKEY bridge uses it).
// Keys with CKA_ALWAYS_AUTHENTICATE get a context-specific login (C_Login(CKU_CONTEXT_SPECIFIC),
// asking the PinPrompt again) between C_SignInit and C_Sign of every signature.
// A token pulled out mid-signature gives Errc::TokenRemoved; nothing is retried.
#pragma once

#include <memory>
#include <set>
#include <span>
#include <vector>

#include "pkcs11/device_worker.h"
#include "pkcs11/login.h"
#include "pkcs11/objects.h"

namespace kyso::p11 {

enum class HashAlg { Sha256, Sha384, Sha512 };
enum class SignScheme { RsaPkcs1, RsaPss, Ecdsa };

const char* hashName(HashAlg h);
std::size_t hashSize(HashAlg h);

class TokenSession {
 public:
  /// Opens a session on `slot` (read-write when `rw`) and reads the token and its mechanisms.
  /// `prompt` is borrowed and must outlive the session (it is asked for context-specific PINs).
  static Result<std::shared_ptr<TokenSession>> open(std::shared_ptr<Module> module, CK_SLOT_ID slot,
                                                    bool rw, PinPrompt* prompt,
                                                    std::shared_ptr<DeviceWorker> worker);
  ~TokenSession();
  /// Opens another session on the same token for `worker` (another device thread), sharing this
  /// one's login: PKCS#11 logins belong to the application, so the new session is checked with
  /// C_GetSessionInfo to be in a user state (SessionNotLoggedIn otherwise). Call on this
  /// session's worker; the result is used on `worker`.
  Result<std::shared_ptr<TokenSession>> openSibling(std::shared_ptr<DeviceWorker> worker) const;

  /// Logs in with loginSafely(); once done, later calls are no-ops.
  Status login(const LoginOptions& opt);
  bool loggedIn() const { return m_loggedIn; }

  const Session& session() const { return m_session; }
  const TokenView& token() const { return m_token; }
  /// Re-reads the token info (flags change after logins).
  Status refreshToken();
  /// True when the token lists `m` with all of `needed` flags (CKF_SIGN by default).
  bool hasMechanism(CK_MECHANISM_TYPE m, CK_FLAGS needed = CKF_SIGN) const;
  const std::vector<MechanismView>& mechanisms() const { return m_mechs; }
  PinPrompt* prompt() const { return m_prompt; }
  const std::shared_ptr<DeviceWorker>& worker() const { return m_worker; }
  bool force() const { return m_force; }
  void setForce(bool f) { m_force = f; }

 private:
  TokenSession() = default;
  Session m_session;
  TokenView m_token;
  std::vector<MechanismView> m_mechs;
  PinPrompt* m_prompt = nullptr;
  std::shared_ptr<DeviceWorker> m_worker;
  bool m_loggedIn = false;
  bool m_force = false;
};

class TokenKey {
 public:
  TokenKey(std::shared_ptr<TokenSession> session, KeyView key)
      : m_session(std::move(session)), m_key(std::move(key)) {}

  const KeyView& view() const { return m_key; }
  const std::shared_ptr<TokenSession>& tokenSession() const { return m_session; }

  Result<Bytes> signData(SignScheme scheme, HashAlg hash, std::span<const std::uint8_t> data);
  Result<Bytes> signDigest(SignScheme scheme, HashAlg hash, std::span<const std::uint8_t> digest);
  /// One signature with `mech` over `input`, with the context-specific login when required.
  Result<Bytes> signRaw(CK_MECHANISM& mech, std::span<const std::uint8_t> input);

  /// The mechanism signData() would use (for --json, the self-test and tests).
  CK_MECHANISM_TYPE mechanismFor(SignScheme scheme, HashAlg hash, bool combined) const;

 private:
  Result<Bytes> signWith(CK_MECHANISM& mech, std::span<const std::uint8_t> input, bool ecdsa);
  std::shared_ptr<TokenSession> m_session;
  KeyView m_key;
};

/// r||s (as CKM_ECDSA returns it) to a DER ECDSA-Sig-Value.
Result<Bytes> ecdsaRawToDer(std::span<const std::uint8_t> raw);
/// The DER DigestInfo for `digest` (the input of CKM_RSA_PKCS signing).
Bytes digestInfo(HashAlg h, std::span<const std::uint8_t> digest);
/// Hashes `data` locally.
Result<Bytes> hashLocally(HashAlg h, std::span<const std::uint8_t> data);

}  // namespace kyso::p11
