// The folders a command will write into, checked before any work is done (before the PIN is
// asked, before anything is verified): every command that writes outputs asks here.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace kyso::cli {

/// kExitOk when `folder` is a folder this user can write to; else prints OutputNotWritable naming
/// `flag` as `command`'s error and returns kExitInputError.
int checkWritableFolder(const std::filesystem::path& folder, const char* flag, const char* command);
/// The same for the folder of an output file named by an option (nothing given, or "-": kExitOk).
int checkOutputFile(const std::optional<std::string>& file, const char* flag, const char* command);
/// An output folder option (--out-dir): made when missing (the README's `--out-dir signed/`),
/// then checked as above.
int makeWritableFolder(const std::filesystem::path& folder, const char* flag, const char* command);

}  // namespace kyso::cli
