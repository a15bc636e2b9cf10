#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace kyso::log {
namespace {

Level initialLevel() {
  const char* v = std::getenv("KYSO_LOG");
  if (!v) return Level::Warn;
  if (!std::strcmp(v, "debug")) return Level::Debug;
  if (!std::strcmp(v, "info")) return Level::Info;
  if (!std::strcmp(v, "error")) return Level::Error;
  return Level::Warn;
}

std::atomic<Level> g_level{initialLevel()};
std::mutex g_mutex;
std::function<void(Level, std::string_view)> g_sink;
std::atomic<HostWriter> g_host{nullptr};  // set in a module's copy: the program's writer

const char* name(Level l) {
  switch (l) {
    case Level::Debug:
      return "debug";
    case Level::Info:
      return "info";
    case Level::Warn:
      return "warning";
    case Level::Error:
      return "error";
  }
  return "?";
}

}  // namespace

void setLevel(Level l) {
  g_level = l;
}
Level level() {
  return g_level;
}

void setSink(std::function<void(Level, std::string_view)> sink) {
  std::lock_guard lock(g_mutex);
  g_sink = std::move(sink);
}

void forwardTo(HostWriter host) {
  g_host = host;
}

void writeFromModule(int level, const char* msg, std::size_t size) {
  const int l = level < 0 ? 0 : level > static_cast<int>(Level::Error) ? 3 : level;
  write(static_cast<Level>(l), std::string_view(msg, size));
}

void write(Level l, std::string_view msg) {
  if (HostWriter host = g_host.load()) {
    host(static_cast<int>(l), msg.data(), msg.size());
    return;
  }
  if (l < g_level.load()) return;
  std::lock_guard lock(g_mutex);
  if (g_sink) {
    g_sink(l, msg);
    return;
  }
  std::fprintf(stderr, "kyso %s: %.*s\n", name(l), static_cast<int>(msg.size()), msg.data());
}

}  // namespace kyso::log
