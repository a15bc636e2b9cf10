// Where kyso keeps its files: the user's data directory ($KYSO_HOME, else $XDG_DATA_HOME/kyso,
// else ~/.local/share/kyso) and config file ($XDG_CONFIG_HOME/kyso/config.ini).
#pragma once

#include <filesystem>

namespace kyso {

std::filesystem::path dataDir();
std::filesystem::path configFile();
/// The machine's settings every user starts from ($KYSO_SYSTEM_CONFIG, else the installation's
/// <sysconfdir>/kyso/config.ini: /etc/kyso/config.ini for packages): core/settings_file.h.
std::filesystem::path systemConfigFile();
/// The source tree's shared resources when running from a build tree, else the installed ones
/// (certs/anchors, fonts list, templates). Set KYSO_RESOURCE_DIR to override.
std::filesystem::path resourceDir();

}  // namespace kyso
