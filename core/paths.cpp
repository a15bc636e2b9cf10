#include "core/paths.h"

#include <cstdlib>

#ifndef KYSO_SOURCE_DIR_DEFAULT
#define KYSO_SOURCE_DIR_DEFAULT ""
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

fs::path resourceDir() {
  if (const char* r = std::getenv("KYSO_RESOURCE_DIR"); r && *r) return r;
  fs::path src = KYSO_SOURCE_DIR_DEFAULT;
  std::error_code ec;
  if (!src.empty() && fs::exists(src / "certs" / "anchors", ec)) return src;
  return "/usr/share/kyso";
}

}  // namespace kyso
