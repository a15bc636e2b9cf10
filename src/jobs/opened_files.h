// What files opened with kyso are for ("Open with kyso" from the file manager, `kyso-gui FILE...`):
// a detached signature (.p7s, .p7m) is there to be verified; a PDF that already carries a
// signature is there to be verified first, and may be signed again (a leader's approval after the
// drafter's); any other file (an unsigned PDF, an XML claim file, an office file) is there to be
// signed. A PDF that cannot be read goes to verification too, which says what is wrong with it.
#pragma once

#include <filesystem>
#include <vector>

namespace kyso::jobs {

struct OpenedFiles {
  std::vector<std::filesystem::path> toSign, toVerify;  // each in the order given
  /// True when every file is there to be verified first: the front end shows verification.
  bool verifyFirst = false;
};

/// Reads each PDF's signature fields (qpdf; nothing is written). Never throws.
OpenedFiles sortOpenedFiles(const std::vector<std::filesystem::path>& files);

}  // namespace kyso::jobs
