// The caches of fetched material (issuers by AIA, CRLs, OCSP answers) keep one file per answer in a
// folder of kyso's data folder. Keeping is best effort: a cache that cannot be written only means
// the next run asks the network again, so failures are not reported.
#pragma once

#include <filesystem>
#include <string_view>
#include <system_error>

#include "core/atomic_file.h"

namespace kyso::certs {

/// Writes `data` to `file` (made in its folder if needed), replacing it whole or not at all.
inline void keepInCache(const std::filesystem::path& file, std::string_view data) {
  if (file.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(file.parent_path(), ec);
  if (auto f = AtomicFile::create(file, AtomicFile::Overwrite::Allow); f.ok())
    if (f->write(data).ok()) (void)f->commit();
}

}  // namespace kyso::certs
