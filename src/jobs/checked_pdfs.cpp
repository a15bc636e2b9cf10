#include "src/jobs/checked_pdfs.h"

namespace kyso::jobs {

void CheckedPdfs::note(const std::filesystem::path& path, std::optional<FileStamp> stamp) {
  std::lock_guard lock(m_mutex);
  m_files.insert_or_assign(path, stamp);
}

bool CheckedPdfs::unchanged(const std::filesystem::path& path,
                            const std::optional<FileStamp>& now) const {
  std::lock_guard lock(m_mutex);
  const auto it = m_files.find(path);
  if (it == m_files.end()) return true;
  return it->second && now && *it->second == *now;
}

std::size_t CheckedPdfs::size() const {
  std::lock_guard lock(m_mutex);
  return m_files.size();
}

}  // namespace kyso::jobs
