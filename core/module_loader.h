// Loads kyso's own optional modules: shared objects built from this tree (CMake MODULE libraries
// declared with kyso_module) that wrap a heavy third-party library few commands need (poppler,
// cairo, libpq, libcurl), so that the `kyso` executable does not load them at start-up.
//
// A module exports one extern "C" function returning a pointer to a constant table of function
// pointers (its Api struct), whose first member is `std::uint32_t abi`, equal to Api::kAbi when
// the module and the caller were built from the same header. Error (error.h) crosses every
// module's interface: a change to its fields bumps every Api's kAbi. Modules are looked for in
// $KYSO_MODULE_DIR (when set), then <directory of the executable>/../lib/kyso (the build tree and
// an installed prefix alike), then the executable's own directory. A module is loaded once per
// process and never unloaded. Thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/result.h"

/// Marks a module's entry function, the one symbol a module exports (modules are built with hidden
/// visibility): `extern "C" KYSO_MODULE_EXPORT const void* kyso_x_api();`
#define KYSO_MODULE_EXPORT __attribute__((visibility("default")))

namespace kyso::modules {

/// The directories searched, in order (only existing ones are returned).
std::vector<std::filesystem::path> searchDirs();

/// Loads `file` (e.g. "kyso-poppler.so") and returns what its entry function `entry` returns.
/// ComponentUnavailable (operation "dlopen"/"dlsym"; context: the file and dlerror's text, or the
/// directories searched) when the module is missing or cannot be loaded.
Result<const void*> loadEntry(const std::string& file, const char* entry);

/// loadEntry, then checks the table's ABI number: ComponentUnavailable when the module was built
/// from a different version of the interface.
template <class Api>
Result<const Api*> loadApi(const std::string& file, const char* entry) {
  auto p = loadEntry(file, entry);
  if (!p.ok()) return p.error();
  const auto* api = static_cast<const Api*>(p.value());
  if (api == nullptr || api->abi != Api::kAbi)
    return Error::kyso(Errc::ComponentUnavailable, "abi",
                       file + ": interface " + std::to_string(api ? api->abi : 0) + ", expected " +
                           std::to_string(Api::kAbi));
  return api;
}

}  // namespace kyso::modules
