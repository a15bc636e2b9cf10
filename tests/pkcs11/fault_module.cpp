// A fault-injecting PKCS#11 module for tests. It forwards every call to a real module (SoftHSM by
// default; KYSO_FAULT_TARGET=path to change) and, driven by the KYSO_FAULT environment variable
// (re-read on every call, comma-separated), changes what the token says:
//   flags=count_low|final_try|locked|to_be_changed|so_final_try|so_locked|pinpad
//                           OR these CKF_* flags into C_GetTokenInfo
//   wrong_pin_flags=...     the same, but only after a C_Login was rejected (tries-left tests)
//   hide_counters           clear SoftHSM's own user-PIN counter flags (a token that never
//                           says how many tries are left)
//   general_error           a rejected C_Login answers CKR_GENERAL_ERROR (ePass2003 behaviour)
//   manufacturer=TEXT, model=TEXT
//                           override C_GetTokenInfo's manufacturerID / model (quirk table tests)
//   remove_after_signs=N    after N successful C_Sign calls the token is "pulled out":
//                           C_Sign / C_SignInit answer CKR_DEVICE_REMOVED, C_GetTokenInfo and
//                           C_OpenSession CKR_TOKEN_NOT_PRESENT
//   slow_ms=N               sleep N ms in C_Login and C_Sign
//   slot_flags=removable|hw OR CKF_REMOVABLE_DEVICE / CKF_HW_SLOT into C_GetSlotInfo (a USB
//                           token's reader, for the one-signature-at-a-time rule)
//   max_sessions=N          C_GetTokenInfo's ulMaxSessionCount
//   refuse_sessions_after=N C_OpenSession answers CKR_SESSION_COUNT once N sessions were opened
//                           (a token that says it allows more than it does)
// Sessions may be used from several threads at once (parallel signing lanes): the counters are
// atomic.
// KYSO_FAULT_LOG=path appends one line per C_Login ("C_Login user=1 rv=0xa0") so tests can count
// login attempts (never the PIN).
//
// A real token's timing and a count of every call (issue 22):
//   latency_C_Sign=300, latency_C_Login=150 ...  sleep that many ms in that call (any C_ name)
//   latency=usb             the profile of a common USB token (below); latency_C_x still wins
//   Calls with a latency are serialised, one at a time for the whole token, as a USB token's
//   single command channel is (a second session waits for the first's operation).
//   The usb profile, from published and measured figures for RSA-2048 tokens: C_Sign 300 ms
//   (SafeNet eToken 5110 and Feitian ePass2003 sign an RSA-2048 digest in 0.2-1 s; OpenSC's
//   and vendors' benchmarks put the common case near 0.3 s), C_Login 150 ms (a PIN verify APDU
//   plus the card's PIN check), C_FindObjects 30 ms and C_GetAttributeValue 8 ms (one or a few
//   READ BINARY / GET DATA APDUs at ~5-10 ms each over CCID), C_OpenSession 5 ms, C_GetTokenInfo
//   and C_GetSlotInfo 5 ms (a reader status round trip), C_SignInit 5 ms (a MANAGE SECURITY
//   ENVIRONMENT APDU).
//   KYSO_FAULT_COUNTS=path  at exit (and at C_Finalize), write "C_Name count" for every function
//   called, one per line, sorted by name (the file is replaced).
#include <dlfcn.h>
#include <p11-kit-1/p11-kit/pkcs11.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

namespace {

CK_FUNCTION_LIST g_list;
CK_FUNCTION_LIST* g_target = nullptr;
void* g_dl = nullptr;
std::atomic<int> g_signs{0};
std::atomic<bool> g_removed{false};
std::atomic<int> g_sessionsOpened{0};
bool g_loginRejected = false;

std::string directive(const char* key) {
  const char* f = std::getenv("KYSO_FAULT");
  if (!f) return {};
  std::string s = f;
  std::string k = key;
  std::size_t pos = 0;
  while (pos <= s.size()) {
    std::size_t end = s.find(',', pos);
    std::string item = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    auto eq = item.find('=');
    std::string name = item.substr(0, eq);
    if (name == k) return eq == std::string::npos ? std::string("1") : item.substr(eq + 1);
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return {};
}

CK_FLAGS flagsFrom(const std::string& v) {
  CK_FLAGS f = 0;
  auto has = [&](const char* n) { return v.find(n) != std::string::npos; };
  if (has("count_low")) f |= CKF_USER_PIN_COUNT_LOW;
  if (has("final_try") && !has("so_final_try")) f |= CKF_USER_PIN_FINAL_TRY;
  if (has("locked") && !has("so_locked")) f |= CKF_USER_PIN_LOCKED;
  if (has("to_be_changed")) f |= CKF_USER_PIN_TO_BE_CHANGED;
  if (has("so_final_try")) f |= CKF_SO_PIN_FINAL_TRY;
  if (has("so_locked")) f |= CKF_SO_PIN_LOCKED;
  if (has("pinpad")) f |= CKF_PROTECTED_AUTHENTICATION_PATH;
  return f;
}

void slow() {
  std::string ms = directive("slow_ms");
  if (!ms.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(std::atoi(ms.c_str())));
}

bool removedNow() {
  std::string n = directive("remove_after_signs");
  return !n.empty() && (g_removed || g_signs >= std::atoi(n.c_str()));
}

void setText(unsigned char* field, std::size_t n, const std::string& v) {
  std::memset(field, ' ', n);
  std::memcpy(field, v.data(), std::min(n, v.size()));
}

CK_RV fInitialize(void* args) {
  CK_RV rv = g_target->C_Initialize(args);
  if (rv == CKR_OK) {
    g_signs = 0;
    g_sessionsOpened = 0;
    g_removed = false;
    g_loginRejected = false;
  }
  return rv;
}

CK_RV fGetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO* info) {
  if (removedNow()) return CKR_TOKEN_NOT_PRESENT;
  CK_RV rv = g_target->C_GetTokenInfo(slot, info);
  if (rv != CKR_OK) return rv;
  if (!directive("hide_counters").empty())
    info->flags &= ~static_cast<CK_FLAGS>(CKF_USER_PIN_COUNT_LOW | CKF_USER_PIN_FINAL_TRY |
                                          CKF_USER_PIN_LOCKED);
  info->flags |= flagsFrom(directive("flags"));
  if (g_loginRejected) info->flags |= flagsFrom(directive("wrong_pin_flags"));
  std::string m = directive("manufacturer");
  if (!m.empty()) setText(info->manufacturerID, sizeof info->manufacturerID, m);
  std::string model = directive("model");
  if (!model.empty()) setText(info->model, sizeof info->model, model);
  std::string maxSessions = directive("max_sessions");
  if (!maxSessions.empty())
    info->ulMaxSessionCount = std::strtoul(maxSessions.c_str(), nullptr, 10);
  return rv;
}

CK_RV fGetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO* info) {
  CK_RV rv = g_target->C_GetSlotInfo(slot, info);
  if (rv != CKR_OK) return rv;
  std::string f = directive("slot_flags");
  if (f.find("removable") != std::string::npos) info->flags |= CKF_REMOVABLE_DEVICE;
  if (f.find("hw") != std::string::npos) info->flags |= CKF_HW_SLOT;
  return rv;
}

CK_RV fOpenSession(CK_SLOT_ID slot, CK_FLAGS flags, void* app, CK_NOTIFY notify,
                   CK_SESSION_HANDLE* h) {
  if (removedNow()) return CKR_TOKEN_NOT_PRESENT;
  std::string refuse = directive("refuse_sessions_after");
  if (!refuse.empty() && g_sessionsOpened >= std::atoi(refuse.c_str())) return CKR_SESSION_COUNT;
  CK_RV rv = g_target->C_OpenSession(slot, flags, app, notify, h);
  if (rv == CKR_OK) ++g_sessionsOpened;
  return rv;
}

CK_RV fLogin(CK_SESSION_HANDLE h, CK_USER_TYPE user, CK_UTF8CHAR* pin, CK_ULONG len) {
  slow();
  CK_RV rv;
  if (flagsFrom(directive("flags")) & CKF_PROTECTED_AUTHENTICATION_PATH && pin == nullptr) {
    // A PIN-pad login: the "reader" supplies the PIN from KYSO_FAULT_PINPAD_PIN.
    const char* p = std::getenv("KYSO_FAULT_PINPAD_PIN");
    std::string pp = p ? p : "";
    rv = g_target->C_Login(h, user, reinterpret_cast<CK_UTF8CHAR*>(pp.data()), pp.size());
  } else {
    rv = g_target->C_Login(h, user, pin, len);
  }
  if (rv == CKR_PIN_INCORRECT) {
    g_loginRejected = true;
    if (!directive("general_error").empty()) rv = CKR_GENERAL_ERROR;
  }
  if (const char* log = std::getenv("KYSO_FAULT_LOG")) {
    if (FILE* f = std::fopen(log, "a")) {
      std::fprintf(f, "C_Login user=%lu rv=0x%lx\n", static_cast<unsigned long>(user),
                   static_cast<unsigned long>(rv));
      std::fclose(f);
    }
  }
  return rv;
}

CK_RV fSignInit(CK_SESSION_HANDLE h, CK_MECHANISM* m, CK_OBJECT_HANDLE k) {
  if (removedNow()) {
    g_removed = true;
    return CKR_DEVICE_REMOVED;
  }
  return g_target->C_SignInit(h, m, k);
}

CK_RV fSign(CK_SESSION_HANDLE h, CK_BYTE* d, CK_ULONG dl, CK_BYTE* s, CK_ULONG* sl) {
  slow();
  if (removedNow()) {
    g_removed = true;
    return CKR_DEVICE_REMOVED;
  }
  CK_RV rv = g_target->C_Sign(h, d, dl, s, sl);
  if (rv == CKR_OK && s != nullptr) ++g_signs;
  return rv;
}

// ---- the counting and latency layer, outermost: every call of the list goes through it.

// One X() per function, in CK_FUNCTION_LIST's order.
// clang-format off
#define KYSO_CK_FUNCTIONS(X) \
  X(C_Initialize) X(C_Finalize) X(C_GetInfo) X(C_GetSlotList) X(C_GetSlotInfo) \
  X(C_GetTokenInfo) X(C_GetMechanismList) X(C_GetMechanismInfo) X(C_InitToken) X(C_InitPIN) \
  X(C_SetPIN) X(C_OpenSession) X(C_CloseSession) X(C_CloseAllSessions) X(C_GetSessionInfo) \
  X(C_GetOperationState) X(C_SetOperationState) X(C_Login) X(C_Logout) X(C_CreateObject) \
  X(C_CopyObject) X(C_DestroyObject) X(C_GetObjectSize) X(C_GetAttributeValue) \
  X(C_SetAttributeValue) X(C_FindObjectsInit) X(C_FindObjects) X(C_FindObjectsFinal) \
  X(C_EncryptInit) X(C_Encrypt) X(C_EncryptUpdate) X(C_EncryptFinal) X(C_DecryptInit) \
  X(C_Decrypt) X(C_DecryptUpdate) X(C_DecryptFinal) X(C_DigestInit) X(C_Digest) \
  X(C_DigestUpdate) X(C_DigestKey) X(C_DigestFinal) X(C_SignInit) X(C_Sign) X(C_SignUpdate) \
  X(C_SignFinal) X(C_SignRecoverInit) X(C_SignRecover) X(C_VerifyInit) X(C_Verify) \
  X(C_VerifyUpdate) X(C_VerifyFinal) X(C_VerifyRecoverInit) X(C_VerifyRecover) \
  X(C_DigestEncryptUpdate) X(C_DecryptDigestUpdate) X(C_SignEncryptUpdate) \
  X(C_DecryptVerifyUpdate) X(C_GenerateKey) X(C_GenerateKeyPair) X(C_WrapKey) X(C_UnwrapKey) \
  X(C_DeriveKey) X(C_SeedRandom) X(C_GenerateRandom) X(C_GetFunctionStatus) \
  X(C_CancelFunction) X(C_WaitForSlotEvent)
// clang-format on

#define KYSO_CK_NAME(n) #n,
constexpr const char* kNames[] = {KYSO_CK_FUNCTIONS(KYSO_CK_NAME)};
#undef KYSO_CK_NAME
constexpr std::size_t kFunctions = std::size(kNames);

CK_FUNCTION_LIST g_outer;  // what the caller gets: counts and latency, then g_list
std::array<std::atomic<unsigned long>, kFunctions> g_counts{};
std::mutex g_channel;  // one operation at a time on the "USB" token

int usbProfileMs(const std::string& name) {
  static const std::map<std::string, int> kUsb = {{"C_Sign", 300},       {"C_Login", 150},
                                                  {"C_FindObjects", 30}, {"C_GetAttributeValue", 8},
                                                  {"C_OpenSession", 5},  {"C_GetTokenInfo", 5},
                                                  {"C_GetSlotInfo", 5},  {"C_SignInit", 5}};
  auto it = kUsb.find(name);
  return it == kUsb.end() ? 0 : it->second;
}

int latencyMs(std::size_t i) {
  const std::string own = directive((std::string("latency_") + kNames[i]).c_str());
  if (!own.empty()) return std::atoi(own.c_str());
  return directive("latency") == "usb" ? usbProfileMs(kNames[i]) : 0;
}

void writeCounts() {
  const char* path = std::getenv("KYSO_FAULT_COUNTS");
  if (!path) return;
  std::map<std::string, unsigned long> sorted;
  for (std::size_t i = 0; i < kFunctions; ++i)
    if (unsigned long n = g_counts[i].load()) sorted[kNames[i]] = n;
  if (FILE* f = std::fopen(path, "w")) {
    for (const auto& [name, n] : sorted) std::fprintf(f, "%s %lu\n", name.c_str(), n);
    std::fclose(f);
  }
}

struct CountsAtExit {
  ~CountsAtExit() { writeCounts(); }
} g_countsAtExit;

template <auto Member, std::size_t I>
struct Outer;
template <class... A, CK_RV (*CK_FUNCTION_LIST::*Member)(A...), std::size_t I>
struct Outer<Member, I> {
  static CK_RV call(A... a) {
    ++g_counts[I];
    const int ms = latencyMs(I);
    if (ms <= 0) return (g_list.*Member)(a...);
    std::lock_guard lock(g_channel);
    std::this_thread::sleep_for(std::chrono::milliseconds(ms));
    return (g_list.*Member)(a...);
  }
};

constexpr std::size_t indexOf(std::string_view name) {
  for (std::size_t i = 0; i < kFunctions; ++i)
    if (name == kNames[i]) return i;
  return kFunctions;
}

CK_RV fFinalize(void* reserved) {
  CK_RV rv = g_target->C_Finalize(reserved);
  writeCounts();
  return rv;
}

void fillOuter() {
  g_outer = g_list;
#define KYSO_CK_OUTER(n) g_outer.n = &Outer<&CK_FUNCTION_LIST::n, indexOf(#n)>::call;
  KYSO_CK_FUNCTIONS(KYSO_CK_OUTER)
#undef KYSO_CK_OUTER
}

}  // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST** out) {
  if (!out) return CKR_ARGUMENTS_BAD;
  if (!g_target) {
    const char* t = std::getenv("KYSO_FAULT_TARGET");
    g_dl = dlopen(t ? t : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
    if (!g_dl) return CKR_GENERAL_ERROR;
    auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(g_dl, "C_GetFunctionList"));
    if (!get || get(&g_target) != CKR_OK) return CKR_GENERAL_ERROR;
    g_list = *g_target;
    g_list.C_GetFunctionList = C_GetFunctionList;
    g_list.C_Initialize = fInitialize;
    g_list.C_GetTokenInfo = fGetTokenInfo;
    g_list.C_GetSlotInfo = fGetSlotInfo;
    g_list.C_OpenSession = fOpenSession;
    g_list.C_Login = fLogin;
    g_list.C_SignInit = fSignInit;
    g_list.C_Sign = fSign;
    g_list.C_Finalize = fFinalize;
    fillOuter();
  }
  *out = &g_outer;
  return CKR_OK;
}
