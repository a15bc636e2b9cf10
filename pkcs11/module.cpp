#include "pkcs11/module.h"

#include <dlfcn.h>
#include <elf.h>

#include <array>
#include <cstring>
#include <fstream>
#include <map>
#include <mutex>

#include "core/log.h"

namespace kyso::p11 {
namespace {

constexpr KnownModule kKnown[] = {
    {"bit4id", "Bit4id (government tokens)", {"libbit4xpki.so", "libbit4ipki.so", nullptr}},
    {"safenet", "SafeNet eToken (government tokens)", {"libeTPKCS11.so", "libeToken.so", nullptr}},
    {"viettel", "Viettel-CA", {"viettel-ca_v6.so", "viettel-ca_v5.so", nullptr}},
    {"vnpt", "VNPT-CA", {"vnpt-ca_v34.so", "vnpt-ca.so", nullptr}},
    {"fpt", "FPT-CA", {"fptca_v4.so", "fptca.so", nullptr}},
    {"opensc", "OpenSC (Feitian ePass2003 and others)", {"opensc-pkcs11.so", nullptr, nullptr}},
    {"p11-kit", "p11-kit proxy (all registered modules)", {"p11-kit-proxy.so", nullptr, nullptr}},
    {"softhsm", "SoftHSM 2 (software token)", {"libsofthsm2.so", nullptr, nullptr}},
};

constexpr const char* kDirs[] = {
    "/usr/lib/x86_64-linux-gnu/pkcs11",
    "/usr/lib/x86_64-linux-gnu",
    "/usr/lib/pkcs11",
    "/usr/lib/softhsm",
    "/usr/lib",
    "/usr/local/lib",
    "/usr/local/lib/pkcs11",
    "/opt/lib",
    "/lib/x86_64-linux-gnu",
};

// The ELF class and machine of this process, to compare modules against.
constexpr unsigned char kOwnClass = sizeof(void*) == 8 ? ELFCLASS64 : ELFCLASS32;
#if defined(__x86_64__)
constexpr unsigned kOwnMachine = EM_X86_64;
#elif defined(__aarch64__)
constexpr unsigned kOwnMachine = EM_AARCH64;
#elif defined(__i386__)
constexpr unsigned kOwnMachine = EM_386;
#else
constexpr unsigned kOwnMachine = 0;
#endif

std::filesystem::path findIn(const char* file) {
  for (const char* d : kDirs) {
    std::error_code ec;
    auto p = std::filesystem::path(d) / file;
    if (std::filesystem::exists(p, ec)) return p;
  }
  return {};
}

}  // namespace

std::span<const KnownModule> knownModules() {
  return kKnown;
}
std::span<const char* const> moduleSearchDirs() {
  return kDirs;
}

Result<std::filesystem::path> resolveModule(std::string_view spec) {
  std::error_code ec;
  if (spec.empty()) {
    for (const auto& k : kKnown) {
      if (std::string_view(k.name) == "p11-kit" || std::string_view(k.name) == "softhsm") continue;
      for (const char* f : k.files)
        if (f) {
          auto p = findIn(f);
          if (!p.empty()) return p;
        }
    }
    return Error::kyso(Errc::ModuleNotFound, "resolveModule").because(Detail::NoModuleInstalled);
  }
  if (spec.find('/') != std::string_view::npos) {
    std::filesystem::path p(spec);
    if (!std::filesystem::exists(p, ec))
      return Error::kyso(Errc::ModuleNotFound, "resolveModule", std::string(spec));
    return p;
  }
  for (const auto& k : kKnown) {
    if (spec != k.name) continue;
    for (const char* f : k.files)
      if (f) {
        auto p = findIn(f);
        if (!p.empty()) return p;
      }
    return Error::kyso(Errc::ModuleNotFound, "resolveModule", detailArgs({spec, k.files[0]}))
        .because(Detail::DriverNotInstalled);
  }
  auto p = findIn(std::string(spec).c_str());
  if (!p.empty()) return p;
  return Error::kyso(Errc::ModuleNotFound, "resolveModule", std::string(spec));
}

Status checkElf(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error::posix(errno, "open", path.string());
  std::array<unsigned char, 20> h{};
  in.read(reinterpret_cast<char*>(h.data()), h.size());
  if (in.gcount() < static_cast<std::streamsize>(h.size()) ||
      std::memcmp(h.data(), ELFMAG, SELFMAG))
    return Error::kyso(Errc::ModuleLoadFailed, "checkElf", path.string())
        .because(Detail::NotALibrary);
  if (h[EI_CLASS] != kOwnClass)
    return Error::kyso(Errc::ModuleWrongArchitecture, "checkElf",
                       detailArgs({path.string(), h[EI_CLASS] == ELFCLASS32 ? "32-bit" : "64-bit"}))
        .because(Detail::OtherArchitecture);
  unsigned machine = h[EI_DATA] == ELFDATA2LSB ? (h[18] | (h[19] << 8)) : ((h[18] << 8) | h[19]);
  if (kOwnMachine != 0 && machine != kOwnMachine)
    return Error::kyso(Errc::ModuleWrongArchitecture, "checkElf",
                       detailArgs({path.string(), "machine type " + std::to_string(machine)}))
        .because(Detail::OtherArchitecture);
  return okStatus();
}

namespace {
// Every Module alive in this process, by canonical path: a second load of the same driver gets
// the same object, so exactly one owner calls C_Initialize and the last one C_Finalize.
// Recursive: a Module that fails half-way is destroyed (and unregisters nothing) under the lock.
std::recursive_mutex& registryMutex() {
  static std::recursive_mutex m;
  return m;
}
std::map<std::filesystem::path, std::weak_ptr<Module>>& registry() {
  static std::map<std::filesystem::path, std::weak_ptr<Module>> r;
  return r;
}
}  // namespace

Result<std::shared_ptr<Module>> Module::load(std::string_view spec) {
  KYSO_ASSIGN_OR_RETURN(auto resolved, resolveModule(spec));
  std::error_code ec;
  std::filesystem::path key = std::filesystem::weakly_canonical(resolved, ec);
  if (ec) key = resolved;
  std::lock_guard lock(registryMutex());
  if (auto it = registry().find(key); it != registry().end())
    if (auto alive = it->second.lock()) return alive;
  KYSO_ASSIGN_OR_RETURN(auto m, loadNew(resolved));
  registry()[key] = m;
  return m;
}

Result<std::shared_ptr<Module>> Module::loadNew(const std::filesystem::path& path) {
  KYSO_TRY(checkElf(path));
  std::shared_ptr<Module> m(new Module());
  m->m_path = path;
  dlerror();
  m->m_dl = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!m->m_dl) {
    const char* why = dlerror();
    return Error::kyso(Errc::ModuleLoadFailed, "dlopen",
                       path.string() + (why ? std::string(": ") + why : std::string()));
  }
  auto getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(m->m_dl, "C_GetFunctionList"));
  if (!getList) return Error::kyso(Errc::ModuleMissingSymbols, "dlsym", path.string());
  CK_RV rv = ck::call(getList, "C_GetFunctionList", &m->m_fl);
  if (rv != CKR_OK || !m->m_fl) return ck::toError(rv, "C_GetFunctionList", path.string());
  CK_C_INITIALIZE_ARGS args{};
  args.flags = CKF_OS_LOCKING_OK;
  rv = KYSO_CK(m->m_fl, C_Initialize, &args);
  m->m_threadSafe = rv == CKR_OK;
  if (rv == CKR_CANT_LOCK) rv = KYSO_CK(m->m_fl, C_Initialize, nullptr);
  if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
    // Someone else in this process initialised it: use it, and leave finalising to them.
    log::info("pkcs11: module already initialised: " + path.string());
  } else if (rv != CKR_OK) {
    return ck::toError(rv, "C_Initialize", path.string());
  } else {
    m->m_finalize = true;
  }
  CK_INFO info{};
  if (KYSO_CK(m->m_fl, C_GetInfo, &info) == CKR_OK) {
    m->m_manufacturer = ck::fixedText(info.manufacturerID, sizeof info.manufacturerID);
    m->m_description = ck::fixedText(info.libraryDescription, sizeof info.libraryDescription);
    m->m_version = info.cryptokiVersion;
  }
  return m;
}

Module::~Module() {
  // Under the registry lock: a load of the same driver waits until it is finalised and closed.
  std::lock_guard lock(registryMutex());
  if (m_fl && m_finalize) {
    CK_RV rv = KYSO_CK(m_fl, C_Finalize, nullptr);
    // A module that fails to finalise is logged and still unloaded: nothing more can be done.
    if (rv != CKR_OK) log::warn("pkcs11: C_Finalize failed for " + m_path.string());
  }
  if (m_dl) dlclose(m_dl);
}

}  // namespace kyso::p11
