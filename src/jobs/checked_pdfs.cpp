#include "src/jobs/checked_pdfs.h"

namespace kyso::jobs {

void CheckedPdfs::keep(const std::filesystem::path& path, std::string bytes) {
  if (bytes.empty()) return;
  std::lock_guard lock(m_mutex);
  if (m_bytes + bytes.size() > m_budget || m_files.count(path)) return;
  m_bytes += bytes.size();
  m_files.emplace(path, std::move(bytes));
}

std::optional<std::string> CheckedPdfs::take(const std::filesystem::path& path) {
  std::lock_guard lock(m_mutex);
  auto it = m_files.find(path);
  if (it == m_files.end()) return std::nullopt;
  std::string bytes = std::move(it->second);
  m_files.erase(it);
  return bytes;
}

std::size_t CheckedPdfs::size() const {
  std::lock_guard lock(m_mutex);
  return m_files.size();
}

std::uint64_t CheckedPdfs::bytes() const {
  std::lock_guard lock(m_mutex);
  return m_bytes;
}

}  // namespace kyso::jobs
