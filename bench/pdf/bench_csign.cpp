// bench_csign: the raw C_Sign rate of a PKCS#11 token (the ceiling for any signer on it): one
// session, one login, then N x (C_SignInit + C_Sign) with CKM_RSA_PKCS over a SHA-256 DigestInfo.
//   bench_csign MODULE PIN_FILE N     prints "csign_per_second <rate>"
#include <dlfcn.h>
#include <p11-kit-1/p11-kit/pkcs11.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: bench_csign MODULE PIN_FILE N\n");
    return 64;
  }
  void* lib = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
  if (!lib) return std::fprintf(stderr, "dlopen: %s\n", dlerror()), 1;
  auto getList =
      reinterpret_cast<CK_RV (*)(CK_FUNCTION_LIST_PTR_PTR)>(dlsym(lib, "C_GetFunctionList"));
  CK_FUNCTION_LIST_PTR f = nullptr;
  if (!getList || getList(&f) != CKR_OK) return 1;
  if (f->C_Initialize(nullptr) != CKR_OK) return 1;
  CK_ULONG n = 0;
  f->C_GetSlotList(CK_TRUE, nullptr, &n);
  std::vector<CK_SLOT_ID> slots(n);
  if (n == 0 || f->C_GetSlotList(CK_TRUE, slots.data(), &n) != CKR_OK) return 1;
  CK_SESSION_HANDLE s = 0;
  if (f->C_OpenSession(slots[0], CKF_SERIAL_SESSION, nullptr, nullptr, &s) != CKR_OK) return 1;
  std::string pin;
  std::getline(std::ifstream(argv[2]), pin);
  if (f->C_Login(s, CKU_USER, reinterpret_cast<CK_UTF8CHAR_PTR>(pin.data()), pin.size()) != CKR_OK)
    return std::fprintf(stderr, "C_Login failed\n"), 1;
  CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
  CK_ATTRIBUTE tmpl[] = {{CKA_CLASS, &cls, sizeof cls}};
  CK_OBJECT_HANDLE key = 0;
  CK_ULONG found = 0;
  f->C_FindObjectsInit(s, tmpl, 1);
  f->C_FindObjects(s, &key, 1, &found);
  f->C_FindObjectsFinal(s);
  if (!found) return std::fprintf(stderr, "no private key\n"), 1;
  // DigestInfo for SHA-256 (prefix + 32 bytes).
  std::vector<unsigned char> di = {0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01,
                                   0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20};
  di.resize(di.size() + 32, 0x5a);
  const int count = std::atoi(argv[3]);
  CK_MECHANISM mech{CKM_RSA_PKCS, nullptr, 0};
  std::vector<unsigned char> sig(1024);
  auto t0 = std::chrono::steady_clock::now();
  for (int i = 0; i < count; ++i) {
    CK_ULONG len = sig.size();
    if (f->C_SignInit(s, &mech, key) != CKR_OK ||
        f->C_Sign(s, di.data(), di.size(), sig.data(), &len) != CKR_OK)
      return std::fprintf(stderr, "C_Sign failed\n"), 1;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("csign_per_second %.1f\n", count / secs);
  f->C_Logout(s);
  f->C_CloseSession(s);
  f->C_Finalize(nullptr);
  return 0;
}
