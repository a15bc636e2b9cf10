// A minimal leveled logger to stderr (or a sink the GUI installs). Callers never pass secrets;
// PINs live only in SecretBuffer, which has no way to be formatted. Thread-safe.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

namespace kyso::log {

enum class Level { Debug, Info, Warn, Error };

/// Messages below this level are dropped. Default Warn; KYSO_LOG=debug|info|warn|error sets it.
void setLevel(Level l);
Level level();
/// Replaces the sink (the GUI's log panel). Pass nullptr to restore stderr.
void setSink(std::function<void(Level, std::string_view)> sink);

void write(Level l, std::string_view msg);

/// Modules (module_loader.h) link their own copy of this logger. When a module is loaded, the
/// loader hands it the program's writer (writeFromModule) through the module's exported
/// `kyso_module_attach_log`; from then on every message of the module's copy goes to the
/// program's logger, which applies its level and sink (the GUI's log panel). Plain C types: the
/// pointer crosses shared-object boundaries.
using HostWriter = void (*)(int level, const char* msg, std::size_t size);
void forwardTo(HostWriter host);
void writeFromModule(int level, const char* msg, std::size_t size);
inline void debug(std::string_view m) {
  write(Level::Debug, m);
}
inline void info(std::string_view m) {
  write(Level::Info, m);
}
inline void warn(std::string_view m) {
  write(Level::Warn, m);
}
inline void error(std::string_view m) {
  write(Level::Error, m);
}

}  // namespace kyso::log
