#include "src/jobs/demo_files.h"

#include "core/paths.h"

namespace kyso::jobs {

std::filesystem::path DemoFiles::defaultDir() {
  return dataDir() / "demo";
}

}  // namespace kyso::jobs
