#include "src/cli/kyso/cli_settings.h"

#include <cstdio>

#include "src/cli/kyso/words.h"

namespace kyso::cli {

const SettingsFile& cliSettings() {
  static const SettingsFile settings = [] {
    SettingsFile s = effectiveSettings();
    for (const std::string& p : s.problems())
      std::fprintf(stderr, "kyso: %s (%s)\n", p.c_str(),
                   say("this line of the settings is left out", "dòng cài đặt này bị bỏ qua"));
    return s;
  }();
  return settings;
}

}  // namespace kyso::cli
