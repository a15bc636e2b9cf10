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
#include <dlfcn.h>
#include <p11-kit-1/p11-kit/pkcs11.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

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
  }
  *out = &g_list;
  return CKR_OK;
}
