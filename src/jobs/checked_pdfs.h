// CheckedPdfs: the PDFs a batch's check before the PIN read (active_content_check.h), each with
// the stamp of the file it read (core/file_stamp.h). The batch signs a file only if it is still
// the one checked: a file written or replaced after the check, whose new content the person was
// not warned about, is refused with its reason (Detail::ChangedSinceChecked), as is a file the
// check could not read that has become readable since (issue 22).
//
//   auto checked = std::make_shared<jobs::CheckedPdfs>();
//   auto findings = jobs::findActiveContent(files, lang, checked.get());
//   settings.checked = checked;          // PdfSignJob compares each file with it
//
// Thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include "core/file_stamp.h"

namespace kyso::jobs {

class CheckedPdfs {
 public:
  /// Notes that `path` was checked: the stamp of the file read, nullopt when it could not be.
  void note(const std::filesystem::path& path, std::optional<FileStamp> stamp);
  /// Whether the file at `path`, opened now with stamp `now`, may be signed: true when `path`
  /// was not checked here, or was read by the check and has the same stamp.
  bool unchanged(const std::filesystem::path& path, const std::optional<FileStamp>& now) const;
  std::size_t size() const;

 private:
  mutable std::mutex m_mutex;
  std::map<std::filesystem::path, std::optional<FileStamp>> m_files;
};

}  // namespace kyso::jobs
