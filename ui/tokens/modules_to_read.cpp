#include "ui/tokens/modules_to_read.h"

#include <filesystem>
#include <set>
#include <string>

#include "pkcs11/module_candidates.h"

namespace kyso::ui {

QStringList modulesToRead(const AppSettings& settings) {
  QStringList out;
  std::set<std::string> files;
  auto add = [&](const std::filesystem::path& p) {
    std::error_code ec;
    const auto real = std::filesystem::canonical(p, ec);
    if (files.insert(ec ? p.string() : real.string()).second)
      out << QString::fromStdString(p.string());
  };
  if (!settings.pkcs11Modules.isEmpty()) {
    for (const QString& m : settings.pkcs11Modules) add(m.toStdString());
    return out;
  }
  for (const p11::InstalledModule& m : p11::installedModules()) add(m.path);
  return out;
}

}  // namespace kyso::ui
