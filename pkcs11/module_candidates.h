// The PKCS#11 modules installed on this machine, as one list that `token list` shows and that
// token selection searches when no module is named: the known table (vendors' drivers, OpenSC,
// SoftHSM; the p11-kit proxy left out, it repeats the others) and the modules registered with
// p11-kit (/usr/share/p11-kit/modules, /etc/pkcs11/modules, ~/.config/pkcs11/modules; trust-policy
// modules left out), de-duplicated by the file they resolve to.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace kyso::p11 {

struct InstalledModule {
  std::string name;            // the known name ("viettel"), else the file name
  std::filesystem::path path;  // as found (canonical when it could be resolved)
};

/// Known modules first (in the table's order), then p11-kit's others. Reads only the file
/// system; loads nothing.
std::vector<InstalledModule> installedModules();

}  // namespace kyso::p11
