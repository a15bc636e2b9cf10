// A module for module_log_test: it logs through its own copy of the logger.
#include <cstdint>

#include "core/log.h"
#include "core/module_loader.h"

namespace {

struct TestLogApi {
  std::uint32_t abi;
  void (*say)(const char* text, int level);
};

void say(const char* text, int level) {
  kyso::log::write(static_cast<kyso::log::Level>(level), text);
}

constexpr TestLogApi kApi{1, &say};

}  // namespace

extern "C" KYSO_MODULE_EXPORT const void* kyso_test_log_api() {
  return &kApi;
}
