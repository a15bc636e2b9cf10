#include "src/cli/kyso/output_folder.h"

#include <unistd.h>

#include <system_error>

#include "src/cli/kyso/commands.h"
#include "src/cli/kyso/exit_codes.h"

namespace kyso::cli {

namespace fs = std::filesystem;

int checkWritableFolder(const fs::path& folder, const char* flag, const char* command) {
  std::error_code ec;
  if (fs::is_directory(folder, ec) && ::access(folder.c_str(), W_OK | X_OK) == 0) return kExitOk;
  printError(command, Error::kyso(Errc::OutputNotWritable, flag, folder.string() + ", " + flag));
  return kExitInputError;
}

int checkOutputFile(const std::optional<std::string>& file, const char* flag, const char* command) {
  if (!file || *file == "-") return kExitOk;
  const fs::path folder = fs::path(*file).parent_path();
  return checkWritableFolder(folder.empty() ? "." : folder, flag, command);
}

int makeWritableFolder(const fs::path& folder, const char* flag, const char* command) {
  std::error_code ec;
  if (!fs::exists(folder, ec)) fs::create_directories(folder, ec);
  return checkWritableFolder(folder, flag, command);
}

}  // namespace kyso::cli
