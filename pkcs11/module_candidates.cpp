#include "pkcs11/module_candidates.h"

#include <cstdlib>
#include <fstream>
#include <set>

#include "pkcs11/module.h"

namespace kyso::p11 {
namespace {

namespace fs = std::filesystem;

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r");
  const auto e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

// The `module:` of a p11-kit module config, or "" when it has none or is a trust-policy module.
std::string registeredModule(const fs::path& config) {
  std::ifstream in(config);
  std::string line, module;
  bool trust = false;
  for (int n = 0; n < 200 && std::getline(in, line); ++n) {
    const auto colon = line.find(':');
    if (line.empty() || line[0] == '#' || colon == std::string::npos) continue;
    const std::string key = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (key == "module") module = value;
    if (key == "trust-policy" && value == "yes") trust = true;
  }
  return trust ? std::string() : module;
}

}  // namespace

std::vector<InstalledModule> installedModules() {
  std::vector<InstalledModule> out;
  std::set<fs::path> seen;
  auto add = [&](const std::string& name, const fs::path& p) {
    std::error_code ec;
    fs::path real = fs::canonical(p, ec);
    if (ec) real = p;
    if (seen.insert(real).second) out.push_back({name, real});
  };
  for (const auto& k : knownModules()) {
    if (std::string_view(k.name) == "p11-kit") continue;
    if (auto p = resolveModule(k.name); p.ok()) add(k.name, *p);
  }
  std::vector<fs::path> dirs = {"/usr/share/p11-kit/modules", "/etc/pkcs11/modules"};
  if (const char* home = std::getenv("HOME"))
    dirs.push_back(fs::path(home) / ".config/pkcs11/modules");
  for (const auto& d : dirs) {
    std::error_code ec;
    std::set<fs::path> configs;  // p11-kit reads them in name order
    for (const auto& e : fs::directory_iterator(d, ec))
      if (e.path().extension() == ".module") configs.insert(e.path());
    for (const auto& c : configs) {
      const std::string m = registeredModule(c);
      if (m.empty()) continue;
      auto p = resolveModule(m);  // a path, or a file name in the module folders
      if (p.ok()) add(fs::path(m).filename().string(), *p);
    }
  }
  return out;
}

}  // namespace kyso::p11
