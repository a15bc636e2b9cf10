#include "pkcs11/management.h"

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs7.h>

#include <algorithm>
#include <cstring>

namespace kyso::p11 {
namespace {

CK_UTF8CHAR* pinPtr(const SecretBuffer& s) {
  return reinterpret_cast<CK_UTF8CHAR*>(const_cast<char*>(s.data()));
}

Result<SecretBuffer> ask(PinPrompt& prompt, const TokenView& t, PinRequest::Kind k) {
  KYSO_ASSIGN_OR_RETURN(SecretBuffer pin, prompt.getPin(pinRequestFor(t, k)));
  if (pin.empty()) return Error::kyso(Errc::PinEmpty, "getPin");
  return pin;
}

// The failure of a PIN operation, with the tries-left state re-read from the token.
Error pinFailure(const Session& s, CK_RV rv, CK_USER_TYPE user, const char* op) {
  if (rv == CKR_PIN_INCORRECT || rv == CKR_PIN_LOCKED) {
    auto after = readToken(*s.module(), s.slot());
    return wrongPinError(after.ok() ? after.value() : TokenView{}, user, rv, op);
  }
  return ck::toError(rv, op);
}

// A prompt that answers once with a PIN already asked for (to log in with the same SO PIN that
// C_SetPIN then needs as the old one, asking the person only once).
class OncePrompt final : public PinPrompt {
 public:
  explicit OncePrompt(const SecretBuffer& pin) : m_pin(pin.view()) {}
  Result<SecretBuffer> getPin(const PinRequest&) override { return SecretBuffer(m_pin.view()); }

 private:
  SecretBuffer m_pin;
};

}  // namespace

Status changeUserPin(const Session& rw, PinPrompt& prompt, bool force) {
  KYSO_ASSIGN_OR_RETURN(TokenView t, readToken(*rw.module(), rw.slot()));
  if (t.has(CKF_USER_PIN_LOCKED)) return Error::kyso(Errc::PinLocked, "changeUserPin", t.label);
  if (t.has(CKF_USER_PIN_FINAL_TRY) && !force)
    return Error::kyso(Errc::PinFinalTry, "changeUserPin", t.label);
  KYSO_ASSIGN_OR_RETURN(SecretBuffer oldPin, ask(prompt, t, PinRequest::Kind::User));
  KYSO_ASSIGN_OR_RETURN(SecretBuffer newPin, ask(prompt, t, PinRequest::Kind::NewUser));
  CK_RV rv = KYSO_CK(rw.fl(), C_SetPIN, rw.get(), pinPtr(oldPin), oldPin.size(), pinPtr(newPin),
                     newPin.size());
  if (rv != CKR_OK) return pinFailure(rw, rv, CKU_USER, "C_SetPIN");
  return okStatus();
}

Status unblockUserPin(const Session& rw, PinPrompt& prompt, bool force) {
  LoginOptions lo;
  lo.user = CKU_SO;
  lo.force = force;
  KYSO_TRY(loginSafely(rw, prompt, lo));
  KYSO_ASSIGN_OR_RETURN(TokenView t, readToken(*rw.module(), rw.slot()));
  auto newPin = ask(prompt, t, PinRequest::Kind::NewUser);
  CK_RV rv =
      newPin.ok() ? KYSO_CK(rw.fl(), C_InitPIN, rw.get(), pinPtr(*newPin), newPin->size()) : CKR_OK;
  (void)KYSO_CK(rw.fl(), C_Logout, rw.get());
  if (!newPin.ok()) return newPin.error();
  return ck::check(rv, "C_InitPIN");
}

Status changeSoPin(const Session& rw, PinPrompt& prompt, bool force) {
  KYSO_ASSIGN_OR_RETURN(TokenView t, readToken(*rw.module(), rw.slot()));
  KYSO_TRY(checkPinFlags(t, CKU_SO, force));
  KYSO_ASSIGN_OR_RETURN(SecretBuffer oldPin, ask(prompt, t, PinRequest::Kind::So));
  KYSO_ASSIGN_OR_RETURN(SecretBuffer newPin, ask(prompt, t, PinRequest::Kind::NewSo));
  OncePrompt once(oldPin);
  LoginOptions lo;
  lo.user = CKU_SO;
  lo.force = force;
  KYSO_TRY(loginSafely(rw, once, lo));
  CK_RV rv = KYSO_CK(rw.fl(), C_SetPIN, rw.get(), pinPtr(oldPin), oldPin.size(), pinPtr(newPin),
                     newPin.size());
  (void)KYSO_CK(rw.fl(), C_Logout, rw.get());
  if (rv != CKR_OK) return pinFailure(rw, rv, CKU_SO, "C_SetPIN");
  return okStatus();
}

Status initToken(const std::shared_ptr<Module>& m, CK_SLOT_ID slot, const std::string& label,
                 PinPrompt& prompt) {
  KYSO_ASSIGN_OR_RETURN(TokenView t, readToken(*m, slot));
  // A blank token's SO flags mean nothing (SoftHSM reports a fresh slot as "SO PIN locked").
  if (t.has(CKF_TOKEN_INITIALIZED) && t.has(CKF_SO_PIN_LOCKED))
    return Error::kyso(Errc::SoPinLocked, "initToken", t.label);
  // An initialised token needs its current SO PIN; a blank one takes the new SO PIN.
  PinRequest::Kind kind =
      t.has(CKF_TOKEN_INITIALIZED) ? PinRequest::Kind::So : PinRequest::Kind::NewSo;
  KYSO_ASSIGN_OR_RETURN(SecretBuffer soPin, ask(prompt, t, kind));
  unsigned char lbl[32];
  std::memset(lbl, ' ', sizeof lbl);
  std::memcpy(lbl, label.data(), std::min(label.size(), sizeof lbl));
  CK_RV rv = KYSO_CK(m->fl(), C_InitToken, slot, pinPtr(soPin), soPin.size(), lbl);
  if (rv != CKR_OK) return pinFailure(Session(m, slot, 0), rv, CKU_SO, "C_InitToken");
  // Slots may be renumbered after C_InitToken (SoftHSM moves the token to a new slot id): find
  // the token again by label among initialised tokens without a user PIN.
  KYSO_ASSIGN_OR_RETURN(auto slots, listSlots(*m, true));
  CK_SLOT_ID newSlot = slot;
  for (const auto& s : slots)
    if (s.token && s.token->label == label.substr(0, 32) && s.token->has(CKF_TOKEN_INITIALIZED) &&
        !s.token->has(CKF_USER_PIN_INITIALIZED))
      newSlot = s.id;
  KYSO_ASSIGN_OR_RETURN(Session rw, Session::open(m, newSlot, true));
  OncePrompt once(soPin);
  LoginOptions lo;
  lo.user = CKU_SO;
  KYSO_TRY(loginSafely(rw, once, lo));
  KYSO_ASSIGN_OR_RETURN(TokenView t2, readToken(*m, newSlot));
  auto userPin = ask(prompt, t2, PinRequest::Kind::NewUser);
  rv = userPin.ok() ? KYSO_CK(m->fl(), C_InitPIN, rw.get(), pinPtr(*userPin), userPin->size())
                    : CKR_OK;
  (void)KYSO_CK(m->fl(), C_Logout, rw.get());
  if (!userPin.ok()) return userPin.error();
  return ck::check(rv, "C_InitPIN");
}

Result<KeyView> generateKeyPair(const Session& rw, const KeyGenSpec& spec) {
  CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
  Bytes id = spec.id;
  std::string label = spec.label;
  CK_ULONG bits = static_cast<CK_ULONG>(spec.rsaBits);
  CK_BYTE exponent[] = {0x01, 0x00, 0x01};
  Bytes ecParams;
  std::vector<CK_ATTRIBUTE> pub = {{CKA_TOKEN, &yes, sizeof yes},
                                   {CKA_VERIFY, &yes, sizeof yes},
                                   {CKA_ID, id.data(), id.size()},
                                   {CKA_LABEL, label.data(), label.size()}};
  std::vector<CK_ATTRIBUTE> priv = {
      {CKA_TOKEN, &yes, sizeof yes},          {CKA_PRIVATE, &yes, sizeof yes},
      {CKA_SENSITIVE, &yes, sizeof yes},      {CKA_EXTRACTABLE, &no, sizeof no},
      {CKA_SIGN, &yes, sizeof yes},           {CKA_ID, id.data(), id.size()},
      {CKA_LABEL, label.data(), label.size()}};
  CK_MECHANISM mech{CKM_RSA_PKCS_KEY_PAIR_GEN, nullptr, 0};
  if (spec.type == KeyGenSpec::Type::Rsa) {
    if (spec.rsaBits < 2048 || spec.rsaBits > 8192)
      return Error::kyso(Errc::UsageError, "generateKeyPair").because(Detail::RsaBits);
    pub.push_back({CKA_MODULUS_BITS, &bits, sizeof bits});
    pub.push_back({CKA_PUBLIC_EXPONENT, exponent, sizeof exponent});
  } else {
    int nid = spec.curve == "P-256"   ? NID_X9_62_prime256v1
              : spec.curve == "P-384" ? NID_secp384r1
                                      : NID_undef;
    if (nid == NID_undef)
      return Error::kyso(Errc::UsageError, "generateKeyPair").because(Detail::EcCurve);
    ossl::Ptr<ASN1_OBJECT> obj(OBJ_nid2obj(nid));
    unsigned char* der = nullptr;
    int n = i2d_ASN1_OBJECT(obj.get(), &der);
    if (n <= 0) return Error::openssl("i2d_ASN1_OBJECT");
    ossl::Mem<unsigned char> owner(der);
    ecParams.assign(der, der + n);
    pub.push_back({CKA_EC_PARAMS, ecParams.data(), ecParams.size()});
    mech.mechanism = CKM_EC_KEY_PAIR_GEN;
  }
  CK_OBJECT_HANDLE hPub = 0, hPriv = 0;
  CK_RV rv = KYSO_CK(rw.fl(), C_GenerateKeyPair, rw.get(), &mech, pub.data(), pub.size(),
                     priv.data(), priv.size(), &hPub, &hPriv);
  if (rv != CKR_OK) return ck::toError(rv, "C_GenerateKeyPair", mechanismName(mech.mechanism));
  KYSO_ASSIGN_OR_RETURN(auto keys, listPrivateKeys(rw));
  for (auto& k : keys)
    if (k.handle == hPriv) return k;
  return Error::kyso(Errc::KeyNotFound, "generateKeyPair");
}

Result<std::vector<ossl::Ptr<X509>>> parseCertificates(std::string_view data) {
  std::vector<ossl::Ptr<X509>> out;
  auto bio = [&] {
    return ossl::Ptr<BIO>(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
  };
  if (data.find("-----BEGIN") != std::string_view::npos) {
    if (data.find("-----BEGIN PKCS7") != std::string_view::npos) {
      auto b = bio();
      ossl::Ptr<PKCS7> p7(PEM_read_bio_PKCS7(b.get(), nullptr, nullptr, nullptr));
      if (p7 && PKCS7_type_is_signed(p7.get()) && p7->d.sign && p7->d.sign->cert)
        for (int i = 0; i < sk_X509_num(p7->d.sign->cert); ++i) {
          X509* c = sk_X509_value(p7->d.sign->cert, i);
          if (X509_up_ref(c)) out.emplace_back(c);
        }
    } else {
      auto b = bio();
      while (X509* c = PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr)) out.emplace_back(c);
      ERR_clear_error();
    }
  } else {
    const unsigned char* p = reinterpret_cast<const unsigned char*>(data.data());
    if (X509* c = d2i_X509(nullptr, &p, static_cast<long>(data.size()))) {
      out.emplace_back(c);
    } else {
      p = reinterpret_cast<const unsigned char*>(data.data());
      ossl::Ptr<PKCS7> p7(d2i_PKCS7(nullptr, &p, static_cast<long>(data.size())));
      if (p7 && PKCS7_type_is_signed(p7.get()) && p7->d.sign && p7->d.sign->cert)
        for (int i = 0; i < sk_X509_num(p7->d.sign->cert); ++i) {
          X509* c2 = sk_X509_value(p7->d.sign->cert, i);
          if (X509_up_ref(c2)) out.emplace_back(c2);
        }
    }
  }
  ERR_clear_error();
  if (out.empty())
    return Error::kyso(Errc::CertificateMalformed, "parseCertificates")
        .because(Detail::NoCertificateInFile);
  return out;
}

namespace {

Status createCert(const Session& rw, X509* cert, const Bytes& idIn, const std::string& labelIn) {
  Bytes id = idIn;
  std::string label = labelIn;
  auto der = [](auto fn, auto* obj) -> Bytes {
    unsigned char* p = nullptr;
    int n = fn(obj, &p);
    Bytes b;
    if (n > 0) b.assign(p, p + n);
    OPENSSL_free(p);
    return b;
  };
  Bytes value = der(i2d_X509, cert);
  Bytes subject = der(i2d_X509_NAME, X509_get_subject_name(cert));
  Bytes issuer = der(i2d_X509_NAME, X509_get_issuer_name(cert));
  Bytes serial = der(i2d_ASN1_INTEGER, X509_get0_serialNumber(cert));
  if (value.empty()) return Error::openssl("i2d_X509");
  // Already there?
  CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
  KYSO_ASSIGN_OR_RETURN(auto existing, findObjects(rw, {{CKA_CLASS, &cls, sizeof cls},
                                                        {CKA_VALUE, value.data(), value.size()}}));
  if (!existing.empty())
    return Error::kyso(Errc::FileExists, "importCertificate").because(Detail::CertificateOnToken);
  CK_CERTIFICATE_TYPE ct = CKC_X_509;
  CK_BBOOL yes = CK_TRUE, no = CK_FALSE;
  std::vector<CK_ATTRIBUTE> t = {{CKA_CLASS, &cls, sizeof cls},
                                 {CKA_CERTIFICATE_TYPE, &ct, sizeof ct},
                                 {CKA_TOKEN, &yes, sizeof yes},
                                 {CKA_PRIVATE, &no, sizeof no},
                                 {CKA_ID, id.data(), id.size()},
                                 {CKA_LABEL, label.data(), label.size()},
                                 {CKA_SUBJECT, subject.data(), subject.size()},
                                 {CKA_ISSUER, issuer.data(), issuer.size()},
                                 {CKA_SERIAL_NUMBER, serial.data(), serial.size()},
                                 {CKA_VALUE, value.data(), value.size()}};
  CK_OBJECT_HANDLE h = 0;
  return ck::check(KYSO_CK(rw.fl(), C_CreateObject, rw.get(), t.data(), t.size(), &h),
                   "C_CreateObject");
}

}  // namespace

Result<Bytes> importCertificate(const Session& rw, X509* cert, const std::string& label) {
  EVP_PKEY* certKey = X509_get0_pubkey(cert);
  if (!certKey) return Error::kyso(Errc::CertificateMalformed, "X509_get0_pubkey");
  KYSO_ASSIGN_OR_RETURN(auto keys, listPrivateKeys(rw));
  for (const auto& k : keys) {
    auto pub = publicKeyFor(rw, k);
    if (!pub.ok() || EVP_PKEY_eq(pub->get(), certKey) != 1) continue;
    if (k.id.empty())
      return Error::kyso(Errc::KeyNotFound, "importCertificate").because(Detail::KeyWithoutId);
    KYSO_TRY(createCert(rw, cert, k.id, label.empty() ? k.label : label));
    return k.id;
  }
  ERR_clear_error();
  return Error::kyso(Errc::KeyNotFound, "importCertificate").because(Detail::NoMatchingKey);
}

Status importCaCertificate(const Session& rw, X509* cert) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  if (!X509_pubkey_digest(cert, EVP_sha1(), md, &n)) return Error::openssl("X509_pubkey_digest");
  char cn[256] = {};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof cn);
  return createCert(rw, cert, Bytes(md, md + n), cn);
}

Result<int> deleteObjectsWithId(const Session& rw, const Bytes& id) {
  Bytes v = id;
  KYSO_ASSIGN_OR_RETURN(auto objs, findObjects(rw, {{CKA_ID, v.data(), v.size()}}));
  int n = 0;
  for (auto h : objs) {
    CK_RV rv = KYSO_CK(rw.fl(), C_DestroyObject, rw.get(), h);
    if (rv != CKR_OK) return ck::toError(rv, "C_DestroyObject");
    ++n;
  }
  return n;
}

}  // namespace kyso::p11
