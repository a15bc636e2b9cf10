// CheckedPdfs: the PDFs a batch's check before the PIN has read (active_content_check.h), kept as
// bytes for the signing that follows, so that each file is read from disk once and signed as it
// was checked: the signature and the output are made from the bytes the person was warned about,
// whatever happens to the file meanwhile (issue 22). The bytes are kept, not the parsed document:
// after the check's walk, qpdf's objects take about six times the file's size.
//
//   auto checked = std::make_shared<jobs::CheckedPdfs>();
//   auto findings = jobs::findActiveContent(files, lang, checked.get());
//   settings.checked = checked;          // PdfSignJob takes each file's bytes from it
//
// Bounded: files are kept in the order given while they total at most kKeepBytes, and only those
// read into memory (pdf::PdfDocument::bytes()); any other file is read again when it is signed.
// Thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace kyso::jobs {

class CheckedPdfs {
 public:
  /// Bytes kept at most, by default.
  static constexpr std::uint64_t kKeepBytes = 256u << 20;

  explicit CheckedPdfs(std::uint64_t budget = kKeepBytes) : m_budget(budget) {}

  /// Keeps the content read from `path`, unless it is empty or the budget is spent.
  void keep(const std::filesystem::path& path, std::string bytes);
  /// The content kept for `path` (the same spelling as given to keep()), handed over once;
  /// nullopt when none was kept.
  std::optional<std::string> take(const std::filesystem::path& path);

  std::size_t size() const;
  std::uint64_t bytes() const;

 private:
  mutable std::mutex m_mutex;
  std::map<std::filesystem::path, std::string> m_files;
  const std::uint64_t m_budget;
  std::uint64_t m_bytes = 0;  // of the files kept so far, taken or not
};

}  // namespace kyso::jobs
