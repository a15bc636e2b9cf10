// PrefixInputSource: a qpdf InputSource that shows qpdf only the first `limit` bytes of a
// FileBytes, so the document can be opened "as of" an earlier revision without copying the file.
// Reads go through a 64 KiB block cache; nothing beyond the limit is ever visible. Not thread-safe
// (one QPDF object uses it).
#pragma once

#include <memory>
#include <qpdf/InputSource.hh>
#include <string>

#include "src/pdfverify/file_bytes.h"

namespace kyso::pdfverify {

class PrefixInputSource final : public InputSource {
 public:
  /// Shares ownership of `bytes`; `limit` is clamped to the file size.
  PrefixInputSource(std::shared_ptr<const FileBytes> bytes, std::uint64_t limit);

  qpdf_offset_t findAndSkipNextEOL() override;
  std::string const& getName() const override { return m_name; }
  qpdf_offset_t tell() override { return m_pos; }
  void seek(qpdf_offset_t offset, int whence) override;
  void rewind() override { m_pos = 0; }
  size_t read(char* out, size_t length) override;
  void unreadCh(char) override;

 private:
  bool fill(std::uint64_t blockStart);
  std::shared_ptr<const FileBytes> m_bytes;
  qpdf_offset_t m_limit;
  qpdf_offset_t m_pos = 0;
  std::string m_name;
  std::string m_block;
  std::uint64_t m_blockStart = ~std::uint64_t{0};
};

}  // namespace kyso::pdfverify
