#include "pkcs11/token_session.h"

#include <openssl/evp.h>

#include <cstring>

#include "core/log.h"

namespace kyso::p11 {
namespace {

// DER prefixes of DigestInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING } (RFC 8017 9.2).
constexpr std::uint8_t kSha256Prefix[] = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x01, 0x05, 0x00, 0x04, 0x20};
constexpr std::uint8_t kSha384Prefix[] = {0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x02, 0x05, 0x00, 0x04, 0x30};
constexpr std::uint8_t kSha512Prefix[] = {0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60,
                                          0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
                                          0x03, 0x05, 0x00, 0x04, 0x40};

CK_MECHANISM_TYPE ckHash(HashAlg h) {
  return h == HashAlg::Sha256 ? CKM_SHA256 : h == HashAlg::Sha384 ? CKM_SHA384 : CKM_SHA512;
}
CK_RSA_PKCS_MGF_TYPE ckMgf(HashAlg h) {
  return h == HashAlg::Sha256   ? CKG_MGF1_SHA256
         : h == HashAlg::Sha384 ? CKG_MGF1_SHA384
                                : CKG_MGF1_SHA512;
}

CK_MECHANISM_TYPE combined(SignScheme s, HashAlg h) {
  switch (s) {
    case SignScheme::RsaPkcs1:
      return h == HashAlg::Sha256   ? CKM_SHA256_RSA_PKCS
             : h == HashAlg::Sha384 ? CKM_SHA384_RSA_PKCS
                                    : CKM_SHA512_RSA_PKCS;
    case SignScheme::RsaPss:
      return h == HashAlg::Sha256   ? CKM_SHA256_RSA_PKCS_PSS
             : h == HashAlg::Sha384 ? CKM_SHA384_RSA_PKCS_PSS
                                    : CKM_SHA512_RSA_PKCS_PSS;
    case SignScheme::Ecdsa:
      return h == HashAlg::Sha256   ? CKM_ECDSA_SHA256
             : h == HashAlg::Sha384 ? CKM_ECDSA_SHA384
                                    : CKM_ECDSA_SHA512;
  }
  return CKM_VENDOR_DEFINED;
}

CK_MECHANISM_TYPE raw(SignScheme s) {
  return s == SignScheme::RsaPkcs1 ? CKM_RSA_PKCS
         : s == SignScheme::RsaPss ? CKM_RSA_PKCS_PSS
                                   : CKM_ECDSA;
}

}  // namespace

const char* hashName(HashAlg h) {
  return h == HashAlg::Sha256 ? "SHA256" : h == HashAlg::Sha384 ? "SHA384" : "SHA512";
}
std::size_t hashSize(HashAlg h) {
  return h == HashAlg::Sha256 ? 32 : h == HashAlg::Sha384 ? 48 : 64;
}

Result<std::shared_ptr<TokenSession>> TokenSession::open(std::shared_ptr<Module> module,
                                                         CK_SLOT_ID slot, bool rw,
                                                         PinPrompt* prompt,
                                                         std::shared_ptr<DeviceWorker> worker) {
  std::shared_ptr<TokenSession> ts(new TokenSession());
  ts->m_prompt = prompt;
  ts->m_worker = std::move(worker);
  KYSO_ASSIGN_OR_RETURN(ts->m_token, readToken(*module, slot));
  KYSO_ASSIGN_OR_RETURN(ts->m_mechs, listMechanisms(*module, slot));
  KYSO_ASSIGN_OR_RETURN(ts->m_session, Session::open(std::move(module), slot, rw));
  return ts;
}

Result<std::shared_ptr<TokenSession>> TokenSession::openSibling(
    std::shared_ptr<DeviceWorker> worker) const {
  std::shared_ptr<TokenSession> ts(new TokenSession());
  ts->m_prompt = m_prompt;
  ts->m_worker = std::move(worker);
  ts->m_token = m_token;
  ts->m_mechs = m_mechs;
  ts->m_force = m_force;
  const bool rw = false;
  KYSO_ASSIGN_OR_RETURN(ts->m_session, Session::open(m_session.module(), m_session.slot(), rw));
  CK_SESSION_INFO info{};
  CK_RV rv = KYSO_CK(m_session.module()->fl(), C_GetSessionInfo, ts->m_session.get(), &info);
  if (rv != CKR_OK) {
    ts->m_session.reset();
    return ck::toError(rv, "C_GetSessionInfo");
  }
  if (info.state != CKS_RO_USER_FUNCTIONS && info.state != CKS_RW_USER_FUNCTIONS) {
    ts->m_session.reset();
    return ck::toError(CKR_USER_NOT_LOGGED_IN, "C_GetSessionInfo", "second signing session");
  }
  ts->m_loggedIn = true;
  return ts;
}

TokenSession::~TokenSession() {
  // Close on the device thread, as every other Cryptoki call.
  if (m_worker && !m_worker->onWorkerThread())
    m_worker->call([this] { m_session.reset(); });
  else
    m_session.reset();
}

Status TokenSession::login(const LoginOptions& opt) {
  if (m_loggedIn && opt.user == CKU_USER) return okStatus();
  if (!m_prompt) return Error::kyso(Errc::PinSourceInvalid, "login", "no PIN source");
  KYSO_TRY(loginSafely(m_session, *m_prompt, opt));
  if (opt.user == CKU_USER) m_loggedIn = true;
  (void)refreshToken();
  return okStatus();
}

Status TokenSession::refreshToken() {
  KYSO_ASSIGN_OR_RETURN(m_token, readToken(*m_session.module(), m_session.slot()));
  return okStatus();
}

bool TokenSession::hasMechanism(CK_MECHANISM_TYPE m, CK_FLAGS needed) const {
  for (const auto& v : m_mechs)
    if (v.type == m) return (v.flags & needed) == needed;
  return false;
}

CK_MECHANISM_TYPE TokenKey::mechanismFor(SignScheme scheme, HashAlg hash,
                                         bool allowCombined) const {
  if (allowCombined && m_session->hasMechanism(combined(scheme, hash)))
    return combined(scheme, hash);
  return raw(scheme);
}

Result<Bytes> TokenKey::signData(SignScheme scheme, HashAlg hash,
                                 std::span<const std::uint8_t> data) {
  CK_MECHANISM_TYPE m = mechanismFor(scheme, hash, true);
  if (m == raw(scheme)) {
    KYSO_ASSIGN_OR_RETURN(Bytes digest, hashLocally(hash, data));
    return signDigest(scheme, hash, digest);
  }
  CK_RSA_PKCS_PSS_PARAMS pss{ckHash(hash), ckMgf(hash), hashSize(hash)};
  CK_MECHANISM mech{m, nullptr, 0};
  if (scheme == SignScheme::RsaPss) {
    mech.pParameter = &pss;
    mech.ulParameterLen = sizeof pss;
  }
  return signWith(mech, data, scheme == SignScheme::Ecdsa);
}

Result<Bytes> TokenKey::signDigest(SignScheme scheme, HashAlg hash,
                                   std::span<const std::uint8_t> digest) {
  if (digest.size() != hashSize(hash))
    return Error::kyso(Errc::UsageError, "signDigest", "digest length does not match the hash")
        .because(Detail::Technical);
  if (!m_session->hasMechanism(raw(scheme)))
    return Error::kyso(Errc::MechanismUnsupported, "signDigest", mechanismName(raw(scheme)));
  switch (scheme) {
    case SignScheme::RsaPkcs1: {
      Bytes di = digestInfo(hash, digest);
      CK_MECHANISM mech{CKM_RSA_PKCS, nullptr, 0};
      return signWith(mech, di, false);
    }
    case SignScheme::RsaPss: {
      CK_RSA_PKCS_PSS_PARAMS pss{ckHash(hash), ckMgf(hash), hashSize(hash)};
      CK_MECHANISM mech{CKM_RSA_PKCS_PSS, &pss, sizeof pss};
      return signWith(mech, digest, false);
    }
    case SignScheme::Ecdsa: {
      CK_MECHANISM mech{CKM_ECDSA, nullptr, 0};
      return signWith(mech, digest, true);
    }
  }
  return Error::kyso(Errc::MechanismUnsupported, "signDigest");
}

Result<Bytes> TokenKey::signWith(CK_MECHANISM& mech, std::span<const std::uint8_t> input,
                                 bool ecdsa) {
  KYSO_ASSIGN_OR_RETURN(Bytes sig, signRaw(mech, input));
  if (ecdsa) return ecdsaRawToDer(sig);
  return sig;
}

Result<Bytes> TokenKey::signRaw(CK_MECHANISM& mech, std::span<const std::uint8_t> input) {
  const Session& s = m_session->session();
  auto* fl = s.fl();
  CK_RV rv = KYSO_CK(fl, C_SignInit, s.get(), &mech, m_key.handle);
  if (rv != CKR_OK) return ck::toError(rv, "C_SignInit", mechanismName(mech.mechanism));
  auto* in = const_cast<CK_BYTE*>(input.data());
  // Large enough for RSA-8192 and any EC curve; C_Sign's CKR_BUFFER_TOO_SMALL path covers more.
  Bytes sig(m_key.type == CKK_EC ? 144 : 1024);
  CK_ULONG len = sig.size();
  if (m_key.alwaysAuthenticate) {
    LoginOptions opt;
    opt.user = CKU_CONTEXT_SPECIFIC;
    opt.force = m_session->force();
    opt.keyLabel = m_key.label;
    Status st = m_session->prompt()
                    ? loginSafely(s, *m_session->prompt(), opt)
                    : Status(Error::kyso(Errc::PinSourceInvalid, "C_Login(context)"));
    if (!st.ok()) {
      // End the pending operation: C_Sign without the context login fails and terminates it.
      (void)KYSO_CK(fl, C_Sign, s.get(), in, input.size(), sig.data(), &len);
      return st.error();
    }
  }
  rv = KYSO_CK(fl, C_Sign, s.get(), in, input.size(), sig.data(), &len);
  if (rv == CKR_BUFFER_TOO_SMALL) {
    // The operation is still active after CKR_BUFFER_TOO_SMALL; len now holds the needed size.
    sig.resize(len);
    rv = KYSO_CK(fl, C_Sign, s.get(), in, input.size(), sig.data(), &len);
  }
  if (rv != CKR_OK) return ck::toError(rv, "C_Sign", mechanismName(mech.mechanism));
  sig.resize(len);
  return sig;
}

Result<Bytes> ecdsaRawToDer(std::span<const std::uint8_t> rawSig) {
  if (rawSig.empty() || rawSig.size() % 2 || rawSig.size() > 2 * 66)
    return Error::kyso(Errc::CmsSignatureInvalid, "ecdsaRawToDer", "bad signature length")
        .because(Detail::Technical);
  // Ecdsa-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER } (RFC 3279), written directly: it runs
  // once per signature, and BIGNUM + i2d_ECDSA_SIG cost several allocations for the same bytes.
  // Each INTEGER: leading zero bytes dropped, one 0x00 added when the top bit is set (positive).
  std::size_t half = rawSig.size() / 2;
  auto integer = [](std::span<const std::uint8_t> v, Bytes& out) {
    std::size_t i = 0;
    while (i + 1 < v.size() && v[i] == 0) ++i;
    bool pad = v[i] & 0x80;
    out.push_back(0x02);
    out.push_back(static_cast<std::uint8_t>(v.size() - i + (pad ? 1 : 0)));
    if (pad) out.push_back(0x00);
    out.insert(out.end(), v.begin() + static_cast<std::ptrdiff_t>(i), v.end());
  };
  Bytes body;
  body.reserve(rawSig.size() + 6);
  integer(rawSig.first(half), body);
  integer(rawSig.subspan(half), body);
  Bytes der;
  der.reserve(body.size() + 3);
  der.push_back(0x30);
  if (body.size() >= 0x80) der.push_back(0x81);  // at most 2 * (66 + 3) = 138 bytes
  der.push_back(static_cast<std::uint8_t>(body.size()));
  der.insert(der.end(), body.begin(), body.end());
  return der;
}

Bytes digestInfo(HashAlg h, std::span<const std::uint8_t> digest) {
  std::span<const std::uint8_t> prefix = h == HashAlg::Sha256   ? std::span(kSha256Prefix)
                                         : h == HashAlg::Sha384 ? std::span(kSha384Prefix)
                                                                : std::span(kSha512Prefix);
  // Sized once and filled with memcpy: GCC 12 warns falsely on vector::insert here.
  Bytes out(prefix.size() + digest.size());
  std::memcpy(out.data(), prefix.data(), prefix.size());
  if (!digest.empty()) std::memcpy(out.data() + prefix.size(), digest.data(), digest.size());
  return out;
}

Result<Bytes> hashLocally(HashAlg h, std::span<const std::uint8_t> data) {
  // Fetched once per process: an implicit fetch (EVP_sha256() or EVP_MD_fetch per call) costs a
  // provider-store lookup under a lock on every signature. Never freed (process lifetime).
  static EVP_MD* const kMds[] = {EVP_MD_fetch(nullptr, "SHA256", nullptr),
                                 EVP_MD_fetch(nullptr, "SHA384", nullptr),
                                 EVP_MD_fetch(nullptr, "SHA512", nullptr)};
  const EVP_MD* md = kMds[static_cast<int>(h)];
  Bytes out(hashSize(h));
  unsigned int n = 0;
  if (!md || !EVP_Digest(data.data(), data.size(), out.data(), &n, md, nullptr))
    return Error::openssl("EVP_Digest", hashName(h));
  out.resize(n);
  return out;
}

}  // namespace kyso::p11
