#include "core/module_loader.h"

#include <dlfcn.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <system_error>

#include "core/log.h"

#ifndef KYSO_INSTALL_LIBDIR
#define KYSO_INSTALL_LIBDIR "lib"
#endif

namespace kyso::modules {
namespace fs = std::filesystem;
namespace {

std::mutex g_mutex;
std::map<std::string, void*>& loaded() {
  static std::map<std::string, void*> handles;  // file name -> handle; never closed
  return handles;
}

}  // namespace

std::vector<fs::path> searchDirs() {
  std::vector<fs::path> dirs;
  std::error_code ec;
  auto add = [&](const fs::path& d) {
    if (d.empty() || !fs::is_directory(d, ec)) return;
    const fs::path c = fs::weakly_canonical(d, ec);
    for (const auto& have : dirs)
      if (have == c) return;
    dirs.push_back(c);
  };
  if (const char* env = std::getenv("KYSO_MODULE_DIR"); env && *env) add(env);
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    // Installed: <prefix>/bin/kyso and <prefix>/<libdir>/kyso (lib/x86_64-linux-gnu on Debian);
    // the build tree: <build>/bin and <build>/lib/kyso.
    add(exe.parent_path().parent_path() / KYSO_INSTALL_LIBDIR / "kyso");
    add(exe.parent_path().parent_path() / "lib" / "kyso");
    add(exe.parent_path());
  }
  return dirs;
}

Result<const void*> loadEntry(const std::string& file, const char* entry) {
  std::lock_guard<std::mutex> lock(g_mutex);
  void* handle = nullptr;
  if (auto it = loaded().find(file); it != loaded().end()) {
    handle = it->second;
  } else {
    std::string searched;
    std::error_code ec;
    for (const fs::path& dir : searchDirs()) {
      const fs::path candidate = dir / file;
      if (!fs::exists(candidate, ec)) {
        searched += (searched.empty() ? "" : ", ") + dir.string();
        continue;
      }
      dlerror();
      handle = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (handle == nullptr) {
        const char* why = dlerror();
        return Error::kyso(Errc::ComponentUnavailable, "dlopen",
                           candidate.string() + ": " + (why ? why : "unknown error"));
      }
      break;
    }
    if (handle == nullptr)
      return Error::kyso(
          Errc::ComponentUnavailable, "dlopen",
          file + " not found in " + (searched.empty() ? "(no directory)" : searched));
    loaded().emplace(file, handle);
    // The module's own copy of the logger writes through this program's (log.h).
    using AttachFn = void (*)(log::HostWriter);
    if (void* attach = dlsym(handle, "kyso_module_attach_log"))
      reinterpret_cast<AttachFn>(attach)(&log::writeFromModule);
  }
  dlerror();
  void* sym = dlsym(handle, entry);
  if (sym == nullptr) {
    const char* why = dlerror();
    return Error::kyso(Errc::ComponentUnavailable, "dlsym",
                       file + ": " + entry + ": " + (why ? why : "no such symbol"));
  }
  using EntryFn = const void* (*)();
  const void* api = reinterpret_cast<EntryFn>(sym)();
  return api;
}

}  // namespace kyso::modules
