// The settings the CLI's commands start from: the machine's /etc/kyso/config.ini with the
// person's ~/.config/kyso/config.ini over it (core/settings_file.h). An option on the command line
// wins over both.
#pragma once

#include "core/settings_file.h"

namespace kyso::cli {

/// Read once per program; a line the files cannot use is reported on stderr (once) and left out,
/// and the command goes on with the rest.
const SettingsFile& cliSettings();

}  // namespace kyso::cli
