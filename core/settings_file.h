// kyso's settings files, INI style ("[section]", "key = value", "#" or ";" comments): the
// machine's defaults in /etc/kyso/config.ini, which the IT officer sets once for every user, then
// the person's own ~/.config/kyso/config.ini, which wins key by key. Every front end reads the
// same keys (README: "Settings"): [token] module, token, key; [sign] tsa, level; [verify] trust,
// trust_group; [service] port, allow, level, tsa, image, seal, trust; [inventory] database.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kyso {

class SettingsFile {
 public:
  /// Reads INI text. Lines that are neither a section, a comment nor "key = value" are listed in
  /// problems() (with their line number) and otherwise ignored, so that one typing mistake does
  /// not cost every other setting.
  static SettingsFile parse(std::istream& in, const std::string& origin);
  /// The file at `path`; an absent file is an empty one, an unreadable one is a problem.
  static SettingsFile read(const std::filesystem::path& path);

  std::optional<std::string> get(const std::string& section, const std::string& key) const;
  /// The value split at spaces (lists of origins, modules, anchor files).
  std::vector<std::string> words(const std::string& section, const std::string& key) const;
  /// Every key of one section (empty when the files have none).
  std::map<std::string, std::string> section(const std::string& name) const;
  /// Takes every key `over` sets, keeping the others.
  void overlay(const SettingsFile& over);
  const std::vector<std::string>& problems() const { return m_problems; }

 private:
  std::map<std::string, std::map<std::string, std::string>> m_values;
  std::vector<std::string> m_problems;
};

/// The machine's defaults only ($KYSO_SYSTEM_CONFIG, else /etc/kyso/config.ini).
SettingsFile machineSettings();
/// The machine's defaults with the person's own file (configFile()) over them.
SettingsFile effectiveSettings();

}  // namespace kyso
