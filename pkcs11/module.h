// Module: one loaded PKCS#11 module (a token driver .so), initialised with C_Initialize and
// finalised with C_Finalize when the last owner lets go.
//
// Why Cryptoki directly and not libp11: kyso must read the token flags right before every login,
// treat CKR_GENERAL_ERROR as a wrong PIN on declared tokens, do context-specific logins per
// signature with its own PIN prompt, list mechanisms, and run C_InitToken / C_InitPIN / C_SetPIN.
// libp11 0.4.12 caches token flags at enumeration, hides the session handle and the mechanism
// list, does context-specific login through an OpenSSL UI_METHOD, and re-logs in by itself after
// fork. So the whole layer uses Cryptoki through one wrapper (cryptoki.h) instead of mixing the
// two.
//
// Loading: by path; by a known name ("viettel", "bit4id", "opensc", "softhsm", "p11-kit") looked up
// in the usual library directories; or "p11-kit" for the proxy of all registered modules. Before
// dlopen the ELF header is read so that a 32-bit driver (FPT-CA's) or one for another machine gets
// ModuleWrongArchitecture, not a dlopen string. Threading: device-thread only (device_worker.h).
#pragma once

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"
#include "pkcs11/cryptoki.h"

namespace kyso::p11 {

/// A known module: short name, what it is for, and file names to look for.
struct KnownModule {
  const char* name;
  const char* description;
  const char* files[3];
};
std::span<const KnownModule> knownModules();

/// The directories searched for a module given by name.
std::span<const char* const> moduleSearchDirs();

/// Resolves `spec` (a path, a known name, or a bare file name) to an existing file.
/// An empty spec means the first known module found, SoftHSM excluded only if others exist.
Result<std::filesystem::path> resolveModule(std::string_view spec);

/// Checks that `path` is an ELF shared object for this process's class and machine.
Status checkElf(const std::filesystem::path& path);

class Module {
 public:
  /// Resolves, checks, dlopens, finds C_GetFunctionList and calls C_Initialize (OS locking).
  /// Blocks while the driver initialises. While a Module for the same file is alive anywhere in
  /// the process, that one is returned: one C_Initialize, and C_Finalize when the last owner
  /// lets go (never under another owner's feet). A load after that initialises afresh (and so
  /// sees readers plugged in since).
  static Result<std::shared_ptr<Module>> load(std::string_view spec);

  ~Module();
  Module(const Module&) = delete;
  Module& operator=(const Module&) = delete;

  /// The function list (borrowed; valid while this Module lives).
  CK_FUNCTION_LIST* fl() const { return m_fl; }
  const std::filesystem::path& path() const { return m_path; }
  /// From C_GetInfo: manufacturer and description, for display.
  const std::string& manufacturer() const { return m_manufacturer; }
  const std::string& description() const { return m_description; }
  CK_VERSION cryptokiVersion() const { return m_version; }
  /// True when this Module initialised the driver with CKF_OS_LOCKING_OK, so that sessions may
  /// be used from several threads at once (one thread per session). False when the driver
  /// refused (CKR_CANT_LOCK) or someone else initialised it with unknown arguments.
  bool threadSafe() const { return m_threadSafe; }

 private:
  Module() = default;
  static Result<std::shared_ptr<Module>> loadNew(const std::filesystem::path& path);
  void* m_dl = nullptr;
  CK_FUNCTION_LIST* m_fl = nullptr;
  bool m_finalize = false;
  bool m_threadSafe = false;
  std::filesystem::path m_path;
  std::string m_manufacturer, m_description;
  CK_VERSION m_version{};
};

}  // namespace kyso::p11
