#include "core/paths.h"

#include <cstdlib>

#ifndef KYSO_SOURCE_DIR_DEFAULT
#define KYSO_SOURCE_DIR_DEFAULT ""
#endif
#ifndef KYSO_SYSTEM_CONFIG_DEFAULT
#define KYSO_SYSTEM_CONFIG_DEFAULT "/etc/kyso/config.ini"
#endif
#ifndef KYSO_INSTALL_DATADIR
#define KYSO_INSTALL_DATADIR "share"
#endif

namespace kyso {

namespace fs = std::filesystem;

static fs::path homeDir() {
  const char* h = std::getenv("HOME");
  return h && *h ? fs::path(h) : fs::path("/tmp");
}

fs::path dataDir() {
  if (const char* k = std::getenv("KYSO_HOME"); k && *k) return k;
  if (const char* x = std::getenv("XDG_DATA_HOME"); x && *x) return fs::path(x) / "kyso";
  return homeDir() / ".local" / "share" / "kyso";
}

fs::path configFile() {
  if (const char* k = std::getenv("KYSO_CONFIG"); k && *k) return k;
  if (const char* x = std::getenv("XDG_CONFIG_HOME"); x && *x)
    return fs::path(x) / "kyso" / "config.ini";
  return homeDir() / ".config" / "kyso" / "config.ini";
}

fs::path systemConfigFile() {
  if (const char* k = std::getenv("KYSO_SYSTEM_CONFIG"); k && *k) return k;
  return KYSO_SYSTEM_CONFIG_DEFAULT;
}

fs::path resourceDir() {
  if (const char* r = std::getenv("KYSO_RESOURCE_DIR"); r && *r) return r;
  std::error_code ec;
  // Installed: <prefix>/share/kyso beside <prefix>/bin; else the source tree it was built from.
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const fs::path installed = exe.parent_path().parent_path() / KYSO_INSTALL_DATADIR / "kyso";
    if (fs::exists(installed / "certs" / "anchors", ec)) return installed;
  }
  fs::path src = KYSO_SOURCE_DIR_DEFAULT;
  if (!src.empty() && fs::exists(src / "certs" / "anchors", ec)) return src;
  return "/usr/share/kyso";
}

}  // namespace kyso
