#include "pkcs11/token_info.h"

#include <cstdio>

namespace kyso::p11 {
namespace {

struct FlagName {
  CK_FLAGS flag;
  const char* name;
};

constexpr FlagName kTokenFlags[] = {
    {CKF_RNG, "rng"},
    {CKF_WRITE_PROTECTED, "write-protected"},
    {CKF_LOGIN_REQUIRED, "login-required"},
    {CKF_USER_PIN_INITIALIZED, "user-pin-initialized"},
    {CKF_RESTORE_KEY_NOT_NEEDED, "restore-key-not-needed"},
    {CKF_CLOCK_ON_TOKEN, "clock-on-token"},
    {CKF_PROTECTED_AUTHENTICATION_PATH, "protected-authentication-path"},
    {CKF_DUAL_CRYPTO_OPERATIONS, "dual-crypto-operations"},
    {CKF_TOKEN_INITIALIZED, "token-initialized"},
    {CKF_SECONDARY_AUTHENTICATION, "secondary-authentication"},
    {CKF_USER_PIN_COUNT_LOW, "user-pin-count-low"},
    {CKF_USER_PIN_FINAL_TRY, "user-pin-final-try"},
    {CKF_USER_PIN_LOCKED, "user-pin-locked"},
    {CKF_USER_PIN_TO_BE_CHANGED, "user-pin-to-be-changed"},
    {CKF_SO_PIN_COUNT_LOW, "so-pin-count-low"},
    {CKF_SO_PIN_FINAL_TRY, "so-pin-final-try"},
    {CKF_SO_PIN_LOCKED, "so-pin-locked"},
    {CKF_SO_PIN_TO_BE_CHANGED, "so-pin-to-be-changed"},
};

constexpr FlagName kMechFlags[] = {
    {CKF_HW, "hw"},
    {CKF_ENCRYPT, "encrypt"},
    {CKF_DECRYPT, "decrypt"},
    {CKF_DIGEST, "digest"},
    {CKF_SIGN, "sign"},
    {CKF_SIGN_RECOVER, "sign-recover"},
    {CKF_VERIFY, "verify"},
    {CKF_VERIFY_RECOVER, "verify-recover"},
    {CKF_GENERATE, "generate"},
    {CKF_GENERATE_KEY_PAIR, "generate-key-pair"},
    {CKF_WRAP, "wrap"},
    {CKF_UNWRAP, "unwrap"},
    {CKF_DERIVE, "derive"},
};

struct MechName {
  CK_MECHANISM_TYPE m;
  const char* name;
};

constexpr MechName kMechs[] = {
    {CKM_RSA_PKCS_KEY_PAIR_GEN, "CKM_RSA_PKCS_KEY_PAIR_GEN"},
    {CKM_RSA_PKCS, "CKM_RSA_PKCS"},
    {CKM_RSA_X_509, "CKM_RSA_X_509"},
    {CKM_RSA_PKCS_OAEP, "CKM_RSA_PKCS_OAEP"},
    {CKM_RSA_PKCS_PSS, "CKM_RSA_PKCS_PSS"},
    {CKM_SHA1_RSA_PKCS, "CKM_SHA1_RSA_PKCS"},
    {CKM_SHA256_RSA_PKCS, "CKM_SHA256_RSA_PKCS"},
    {CKM_SHA384_RSA_PKCS, "CKM_SHA384_RSA_PKCS"},
    {CKM_SHA512_RSA_PKCS, "CKM_SHA512_RSA_PKCS"},
    {CKM_SHA256_RSA_PKCS_PSS, "CKM_SHA256_RSA_PKCS_PSS"},
    {CKM_SHA384_RSA_PKCS_PSS, "CKM_SHA384_RSA_PKCS_PSS"},
    {CKM_SHA512_RSA_PKCS_PSS, "CKM_SHA512_RSA_PKCS_PSS"},
    {CKM_EC_KEY_PAIR_GEN, "CKM_EC_KEY_PAIR_GEN"},
    {CKM_ECDSA, "CKM_ECDSA"},
    {CKM_ECDSA_SHA1, "CKM_ECDSA_SHA1"},
    {CKM_ECDSA_SHA256, "CKM_ECDSA_SHA256"},
    {CKM_ECDSA_SHA384, "CKM_ECDSA_SHA384"},
    {CKM_ECDSA_SHA512, "CKM_ECDSA_SHA512"},
    {CKM_ECDH1_DERIVE, "CKM_ECDH1_DERIVE"},
    {CKM_SHA_1, "CKM_SHA_1"},
    {CKM_SHA256, "CKM_SHA256"},
    {CKM_SHA384, "CKM_SHA384"},
    {CKM_SHA512, "CKM_SHA512"},
    {CKM_AES_KEY_GEN, "CKM_AES_KEY_GEN"},
    {CKM_AES_CBC, "CKM_AES_CBC"},
    {CKM_AES_ECB, "CKM_AES_ECB"},
    {CKM_GENERIC_SECRET_KEY_GEN, "CKM_GENERIC_SECRET_KEY_GEN"},
};

std::optional<unsigned long> reported(unsigned long v) {
  if (v == CK_UNAVAILABLE_INFORMATION || v == CK_EFFECTIVELY_INFINITE) return std::nullopt;
  return v;
}

std::string version(CK_VERSION v) {
  return std::to_string(v.major) + "." + std::to_string(v.minor);
}

}  // namespace

std::vector<std::string> tokenFlagNames(CK_FLAGS f) {
  std::vector<std::string> out;
  for (const auto& n : kTokenFlags)
    if (f & n.flag) out.emplace_back(n.name);
  return out;
}

std::string mechanismName(CK_MECHANISM_TYPE m) {
  for (const auto& n : kMechs)
    if (n.m == m) return n.name;
  char buf[32];
  std::snprintf(buf, sizeof buf, "0x%08lx", static_cast<unsigned long>(m));
  return buf;
}

std::vector<std::string> TokenView::flagNames() const {
  return tokenFlagNames(flags);
}

Json TokenView::toJson() const {
  Json j = Json::object();
  j.set("label", label);
  j.set("manufacturer", manufacturer);
  j.set("model", model);
  j.set("serial", serial);
  j.set("hardware_version", version(hardware));
  j.set("firmware_version", version(firmware));
  Json f = Json::array();
  for (auto& n : flagNames()) f.push(n);
  j.set("flags", std::move(f));
  j.set("pin_min", minPin);
  j.set("pin_max", maxPin);
  if (freePublic) j.set("free_public_memory", *freePublic);
  if (freePrivate) j.set("free_private_memory", *freePrivate);
  return j;
}

Json SlotView::toJson() const {
  Json j = Json::object();
  j.set("slot", static_cast<unsigned long>(id));
  j.set("description", description);
  j.set("manufacturer", manufacturer);
  j.set("token_present", token.has_value());
  j.set("card_unrecognised", unrecognised);
  j.set("removable", (flags & CKF_REMOVABLE_DEVICE) != 0);
  j.set("hardware_slot", (flags & CKF_HW_SLOT) != 0);
  if (token) j.set("token", token->toJson());
  return j;
}

std::string MechanismView::name() const {
  return mechanismName(type);
}

std::vector<std::string> MechanismView::flagNames() const {
  std::vector<std::string> out;
  for (const auto& n : kMechFlags)
    if (flags & n.flag) out.emplace_back(n.name);
  return out;
}

Json MechanismView::toJson() const {
  Json j = Json::object();
  j.set("mechanism", name());
  j.set("min_key_size", minKey);
  j.set("max_key_size", maxKey);
  Json f = Json::array();
  for (auto& n : flagNames()) f.push(n);
  j.set("flags", std::move(f));
  return j;
}

Result<TokenView> readToken(const Module& m, CK_SLOT_ID slot) {
  CK_TOKEN_INFO ti{};
  CK_RV rv = KYSO_CK(m.fl(), C_GetTokenInfo, slot, &ti);
  if (rv != CKR_OK) return ck::toError(rv, "C_GetTokenInfo", "slot " + std::to_string(slot));
  TokenView t;
  t.label = ck::fixedText(ti.label, sizeof ti.label);
  t.manufacturer = ck::fixedText(ti.manufacturerID, sizeof ti.manufacturerID);
  t.model = ck::fixedText(ti.model, sizeof ti.model);
  t.serial = ck::fixedText(ti.serialNumber, sizeof ti.serialNumber);
  t.flags = ti.flags;
  t.hardware = ti.hardwareVersion;
  t.firmware = ti.firmwareVersion;
  t.minPin = ti.ulMinPinLen;
  t.maxPin = ti.ulMaxPinLen;
  t.freePublic = reported(ti.ulFreePublicMemory);
  t.totalPublic = reported(ti.ulTotalPublicMemory);
  t.freePrivate = reported(ti.ulFreePrivateMemory);
  t.totalPrivate = reported(ti.ulTotalPrivateMemory);
  if (ti.ulMaxSessionCount != CK_EFFECTIVELY_INFINITE)
    t.maxSessions = reported(ti.ulMaxSessionCount);
  t.sessions = reported(ti.ulSessionCount);
  return t;
}

Result<std::vector<SlotView>> listSlots(const Module& m, bool tokenPresentOnly) {
  CK_ULONG n = 0;
  CK_RV rv = KYSO_CK(m.fl(), C_GetSlotList, tokenPresentOnly ? CK_TRUE : CK_FALSE, nullptr, &n);
  if (rv != CKR_OK) return ck::toError(rv, "C_GetSlotList");
  std::vector<CK_SLOT_ID> ids(n);
  if (n) {
    rv = KYSO_CK(m.fl(), C_GetSlotList, tokenPresentOnly ? CK_TRUE : CK_FALSE, ids.data(), &n);
    if (rv != CKR_OK) return ck::toError(rv, "C_GetSlotList");
    ids.resize(n);
  }
  std::vector<SlotView> out;
  for (CK_SLOT_ID id : ids) {
    CK_SLOT_INFO si{};
    rv = KYSO_CK(m.fl(), C_GetSlotInfo, id, &si);
    if (rv != CKR_OK) return ck::toError(rv, "C_GetSlotInfo", "slot " + std::to_string(id));
    SlotView s;
    s.id = id;
    s.description = ck::fixedText(si.slotDescription, sizeof si.slotDescription);
    s.manufacturer = ck::fixedText(si.manufacturerID, sizeof si.manufacturerID);
    s.flags = si.flags;
    if (si.flags & CKF_TOKEN_PRESENT) {
      auto t = readToken(m, id);
      // A token pulled out between the two calls is reported as absent, not as a failure.
      // A card the module cannot read (CKR_TOKEN_NOT_RECOGNIZED) is a slot with a card and no
      // token, not a failure of the whole listing.
      if (t.ok())
        s.token = std::move(t).value();
      else if (t.error().domain == Domain::Pkcs11 && t.error().code == CKR_TOKEN_NOT_RECOGNIZED)
        s.unrecognised = true;
      else if (t.error().kind != Errc::TokenRemoved)
        return t.error();
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<MechanismView>> listMechanisms(const Module& m, CK_SLOT_ID slot) {
  CK_ULONG n = 0;
  CK_RV rv = KYSO_CK(m.fl(), C_GetMechanismList, slot, nullptr, &n);
  if (rv != CKR_OK) return ck::toError(rv, "C_GetMechanismList");
  std::vector<CK_MECHANISM_TYPE> types(n);
  if (n) {
    rv = KYSO_CK(m.fl(), C_GetMechanismList, slot, types.data(), &n);
    if (rv != CKR_OK) return ck::toError(rv, "C_GetMechanismList");
    types.resize(n);
  }
  std::vector<MechanismView> out;
  for (auto t : types) {
    CK_MECHANISM_INFO mi{};
    MechanismView v;
    v.type = t;
    if (KYSO_CK(m.fl(), C_GetMechanismInfo, slot, t, &mi) == CKR_OK) {
      v.minKey = mi.ulMinKeySize;
      v.maxKey = mi.ulMaxKeySize;
      v.flags = mi.flags;
    }
    out.push_back(v);
  }
  return out;
}

}  // namespace kyso::p11
