// What in a batch's PDFs can change what they show after signing, said before the PIN is asked
// (pdf/active_content.h), for every front end. The files are read at once on the machine's cores:
// read one by one on the calling thread, a clerk's forty letters were opened and parsed in a row
// before the first signature (a fifth to a third of a SoftHSM batch's time, issue 22).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/messages.h"
#include "src/jobs/checked_pdfs.h"

namespace kyso::jobs {

struct ActiveContentFinding {
  std::filesystem::path file;
  std::vector<std::string> sentences;  // in the language asked for
};

/// The files among `files` that hold active content, in the order given, each with its
/// sentences. A file that cannot be opened gives none (signing it reports why). With `checked`,
/// every file is noted there with the stamp of what was read, for the signing that follows.
std::vector<ActiveContentFinding> findActiveContent(const std::vector<std::filesystem::path>& files,
                                                    Lang lang, CheckedPdfs* checked = nullptr);

}  // namespace kyso::jobs
