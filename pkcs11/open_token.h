// OpenToken: the token a command works with: the module loaded, the token selected, a session
// opened and (optionally) logged in once, all owned by one DeviceWorker. It hands out
// SigningIdentity values whose EVP_PKEY signs on the token, for as many signatures as needed
// (one login per batch). Thread-safe to call from one caller thread at a time; every Cryptoki
// call runs on the worker. Calls may block for seconds (a real token) or on a PIN prompt.
//
//   p11::FixedPinPrompt prompt("1234");
//   p11::TokenSelector sel{.module = "/usr/lib/softhsm/libsofthsm2.so", .key = "01"};
//   auto tok = p11::OpenToken::open(sel, prompt);          // Result<std::unique_ptr<OpenToken>>
//   if (!tok.ok()) return tok.error();
//   auto id = (*tok)->signingIdentity();                   // Result<SigningIdentity>
//   // CMS_sign(id->cert.get(), id->key.get(), id->chain.get(), data, flags) ...
//
// Selection (the same in every command): module by path or known name (module.h); token by serial
// or label; key by CKA_ID in hex, label, or an RFC 7512 URI (which may also name the token and
// module). With one token present no --token is needed; with one signing key no --key.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/signing_identity.h"
#include "pkcs11/evp_bridge.h"
#include "pkcs11/uri.h"

namespace kyso::p11 {

struct TokenSelector {
  std::string module;  // path or known name; empty = the URI's module, else the first known one
  std::string token;   // serial or label; empty = the only token present
  std::string key;     // hex CKA_ID, label, or pkcs11: URI; empty = the only signing key
  bool force = false;  // allow a login at final try / PIN to be changed
};

struct OpenOptions {
  bool login = true;  // log in as the user once (needed to see and use private keys)
  bool readWrite = false;
};

/// A second (third...) session signing with the selected key in parallel: its identity, whose
/// EVP_PKEY signs on `worker`. Running a whole job on `worker` (post()) makes the signature calls
/// inline, with no hand-off per signature.
struct SigningLane {
  SigningIdentity identity;
  std::shared_ptr<DeviceWorker> worker;
};

/// A token a selection could mean, and where it is: what the CLI lists when the selection names
/// several, so that the person can choose.
struct TokenCandidate {
  std::string moduleName;  // the known name ("softhsm"), else the module's file name
  std::string module;      // what TokenSelector::module takes to load it again
  std::string label, serial, model;
};

/// Every initialised token `sel` could select: in its module (or its URI's) when it names one,
/// else in every installed module (as OpenToken::open searches them). Modules that do not load
/// are left out. Call off any device thread (it loads the modules itself).
Result<std::vector<TokenCandidate>> tokenCandidates(const TokenSelector& sel);

class OpenToken {
 public:
  /// Loads the module, selects the token, opens a session and logs in (opt.login) once.
  /// `prompt` is borrowed and must outlive the OpenToken. `worker` may be shared with other
  /// OpenTokens (a GUI's one device thread); a new one is made when null.
  static Result<std::unique_ptr<OpenToken>> open(const TokenSelector& sel, PinPrompt& prompt,
                                                 const OpenOptions& opt = {},
                                                 std::shared_ptr<DeviceWorker> worker = nullptr);
  ~OpenToken();

  /// The identity for the selected key (TokenSelector::key or the only signing key): a
  /// token-backed EVP_PKEY, the certificate with the same CKA_ID, and the other (CA)
  /// certificates on the token as the chain. CertificateNotFound when the key has none.
  Result<SigningIdentity> signingIdentity();
  /// How many sessions may sign at once with the selected key, at most `wanted`: 1 for tokens in
  /// a removable or hardware slot (USB tokens and smart cards sign one at a time, and their
  /// drivers are often unsafe with parallel sessions), for drivers initialised without OS
  /// locking, and for keys with CKA_ALWAYS_AUTHENTICATE (a PIN per signature); otherwise
  /// (software tokens, HSMs) `wanted`, bounded by the token's free sessions. Call after
  /// signingIdentity().
  std::size_t signingLanes(std::size_t wanted) const;
  /// Another identity for the key signingIdentity() selected, on a new session with its own
  /// device thread, sharing the one login: signatures through it run in parallel with the
  /// first identity's. Use only up to signingLanes() of them. Call after signingIdentity().
  Result<SigningLane> openSigningLane();
  /// A token-backed EVP_PKEY for the selected key, with or without a certificate (for CSRs).
  Result<ossl::Ptr<EVP_PKEY>> selectedEvpKey();
  /// The TokenKey for the selected key (for signData with the combined mechanisms).
  Result<std::shared_ptr<TokenKey>> selectedKey();
  /// Keys and certificates paired by CKA_ID.
  Result<std::vector<KeyPairView>> keyPairs();
  /// Logs in now (for OpenOptions::login = false) with the given user type.
  Status login(CK_USER_TYPE user = CKU_USER);

  /// Runs `f(session)` on the device worker and waits.
  template <class F>
  auto call(F&& f) {
    return m_worker->call([&] { return f(*m_session); });
  }

  const TokenView& token() const;
  const Module& module() const { return *m_module; }
  /// The module's name when no module was given and the token was found by searching every
  /// installed module (module_candidates.h); "" when the caller named the module.
  const std::string& foundIn() const { return m_foundIn; }
  const std::shared_ptr<DeviceWorker>& worker() const { return m_worker; }
  const std::shared_ptr<TokenSession>& tokenSession() const { return m_session; }

 private:
  OpenToken() = default;
  Result<KeyPairView> selectKeyOnWorker();
  static Result<CK_SLOT_ID> findInInstalledModules(OpenToken& t, const TokenSelector& sel);
  std::shared_ptr<DeviceWorker> m_worker;
  std::shared_ptr<Module> m_module;
  std::shared_ptr<TokenSession> m_session;
  TokenSelector m_sel;
  std::optional<Pkcs11Uri> m_uri;
  CK_FLAGS m_slotFlags = 0;
  std::string m_foundIn;
  // What signingIdentity() selected, for openSigningLane().
  std::optional<KeyView> m_signingKey;
  ossl::Ptr<X509> m_signingCert;
  ossl::X509Stack m_signingChain;
  std::string m_signingDescription;
};

/// Picks the slot for `sel` among `slots` (those with a token): by URI token attributes, serial
/// or label; the only one when nothing is given. NoTokenPresent / TokenNotFound / TokenAmbiguous.
Result<CK_SLOT_ID> selectSlot(const std::vector<SlotView>& slots, const TokenSelector& sel,
                              const std::optional<Pkcs11Uri>& uri);
/// Picks the signing key for `sel` among `pairs`. KeyNotFound / KeyAmbiguous.
Result<KeyPairView> selectKey(std::vector<KeyPairView> pairs, const TokenSelector& sel,
                              const std::optional<Pkcs11Uri>& uri);

}  // namespace kyso::p11
