#include "core/settings_file.h"

#include <fstream>
#include <sstream>

#include "core/paths.h"

namespace kyso {

namespace {

std::string trim(const std::string& s) {
  const auto a = s.find_first_not_of(" \t\r");
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r") - a + 1);
}

}  // namespace

SettingsFile SettingsFile::parse(std::istream& in, const std::string& origin) {
  SettingsFile f;
  std::string line, section;
  for (int number = 1; std::getline(in, line); ++number) {
    line = trim(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    const auto eq = line.find('=');
    if (line.front() == '[' && line.back() == ']') {
      section = trim(line.substr(1, line.size() - 2));
    } else if (eq != std::string::npos && eq > 0 && !section.empty()) {
      f.m_values[section][trim(line.substr(0, eq))] = trim(line.substr(eq + 1));
    } else {
      f.m_problems.push_back(origin + ":" + std::to_string(number) + ": " +
                             (section.empty() && eq != std::string::npos
                                  ? "a setting before any [section]"
                                  : "not a [section] nor key = value"));
    }
  }
  return f;
}

SettingsFile SettingsFile::read(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return {};
  std::ifstream in(path);
  if (!in || !std::filesystem::is_regular_file(path, ec)) {
    SettingsFile f;
    f.m_problems.push_back(path.string() + ": not a readable file");
    return f;
  }
  return parse(in, path.string());
}

std::optional<std::string> SettingsFile::get(const std::string& section,
                                             const std::string& key) const {
  const auto s = m_values.find(section);
  if (s == m_values.end()) return std::nullopt;
  const auto k = s->second.find(key);
  if (k == s->second.end()) return std::nullopt;
  return k->second;
}

std::vector<std::string> SettingsFile::words(const std::string& section,
                                             const std::string& key) const {
  std::vector<std::string> out;
  std::istringstream in(get(section, key).value_or(""));
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::map<std::string, std::string> SettingsFile::section(const std::string& name) const {
  const auto s = m_values.find(name);
  return s == m_values.end() ? std::map<std::string, std::string>{} : s->second;
}

void SettingsFile::overlay(const SettingsFile& over) {
  for (const auto& [section, keys] : over.m_values)
    for (const auto& [key, value] : keys) m_values[section][key] = value;
  m_problems.insert(m_problems.end(), over.m_problems.begin(), over.m_problems.end());
}

SettingsFile machineSettings() {
  return SettingsFile::read(systemConfigFile());
}

SettingsFile effectiveSettings() {
  SettingsFile s = machineSettings();
  s.overlay(SettingsFile::read(configFile()));
  return s;
}

}  // namespace kyso
