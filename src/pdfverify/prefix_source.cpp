#include "src/pdfverify/prefix_source.h"

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace kyso::pdfverify {

namespace {
constexpr std::uint64_t kBlock = 64 * 1024;
}

PrefixInputSource::PrefixInputSource(std::shared_ptr<const FileBytes> bytes, std::uint64_t limit)
    : m_bytes(std::move(bytes)),
      m_limit(static_cast<qpdf_offset_t>(std::min(limit, m_bytes->size()))),
      m_name(m_bytes->name()) {}

bool PrefixInputSource::fill(std::uint64_t blockStart) {
  if (blockStart == m_blockStart) return true;
  // qpdf turns exceptions from an InputSource into its own errors; a read failure must not be
  // mistaken for end of file.
  if (!m_bytes->readAt(blockStart, kBlock, m_block).ok())
    throw std::runtime_error("read failed: " + m_name);
  m_blockStart = blockStart;
  return true;
}

void PrefixInputSource::seek(qpdf_offset_t offset, int whence) {
  qpdf_offset_t target = 0;
  switch (whence) {
    case SEEK_SET:
      target = offset;
      break;
    case SEEK_CUR:
      target = m_pos + offset;
      break;
    case SEEK_END:
      target = m_limit + offset;
      break;
    default:
      throw std::logic_error("PrefixInputSource::seek: bad whence");
  }
  if (target < 0) throw std::runtime_error(m_name + ": seek before the start of the file");
  m_pos = target;
}

size_t PrefixInputSource::read(char* out, size_t length) {
  last_offset = m_pos;
  if (m_pos >= m_limit) return 0;
  std::size_t total = 0;
  length = static_cast<std::size_t>(
      std::min<std::uint64_t>(length, static_cast<std::uint64_t>(m_limit - m_pos)));
  while (total < length) {
    auto pos = static_cast<std::uint64_t>(m_pos);
    fill(pos - pos % kBlock);
    std::size_t inBlock = static_cast<std::size_t>(pos - m_blockStart);
    if (inBlock >= m_block.size()) break;
    std::size_t n = std::min(length - total, m_block.size() - inBlock);
    std::memcpy(out + total, m_block.data() + inBlock, n);
    total += n;
    m_pos += static_cast<qpdf_offset_t>(n);
  }
  return total;
}

void PrefixInputSource::unreadCh(char) {
  if (m_pos > 0) --m_pos;
}

qpdf_offset_t PrefixInputSource::findAndSkipNextEOL() {
  qpdf_offset_t result = 0;
  bool found = false;
  char ch = 0;
  while (true) {
    if (m_pos >= m_limit) {
      if (!found) result = m_limit;
      break;
    }
    read(&ch, 1);
    if (ch == '\r' || ch == '\n') {
      if (!found) {
        result = m_pos - 1;
        found = true;
      }
    } else if (found) {
      --m_pos;
      break;
    }
  }
  return result;
}

}  // namespace kyso::pdfverify
