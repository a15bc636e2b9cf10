// FileBytes: read-only, bounded access to a PDF's bytes by offset (pread), so that a 100 MB file is
// never loaded whole. Owns the file descriptor; the input is only ever opened O_RDONLY. Also finds
// the revision ends (each `startxref N %%EOF`) in one streaming pass and hashes byte ranges
// streaming with a fixed buffer. All calls block on the file system only.
#pragma once

#include <openssl/evp.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"

namespace kyso::pdfverify {

/// One revision's end: the offset just past `%%EOF` and past the end-of-line after it (if any).
struct RevisionEnd {
  std::uint64_t eof_marker = 0;    // offset of the `%%EOF` bytes
  std::uint64_t end = 0;           // offset after `%%EOF` (no EOL)
  std::uint64_t end_with_eol = 0;  // offset after `%%EOF` and its EOL (CR, LF or CRLF)
  std::uint64_t startxref = 0;     // the number after `startxref`
  // Objects this revision's cross-reference section lists more than once (readers disagree on
  // which entry counts). Filled by revisionChain; at most a few are kept.
  std::vector<int> duplicate_objects;
};

/// Read-only bytes of one file, or of an in-memory buffer (fuzzing, tests).
class FileBytes {
 public:
  /// Opens `path` read-only. FileNotFound / FileUnreadable on failure.
  static Result<std::shared_ptr<FileBytes>> open(const std::filesystem::path& path);
  /// Wraps a copy of `data` (for the fuzzer and tests).
  static std::shared_ptr<FileBytes> fromMemory(std::string data, std::string name);

  ~FileBytes();
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  std::uint64_t size() const { return m_size; }
  const std::string& name() const { return m_name; }

  /// Reads up to `len` bytes at `offset` into `out` (resized to what was read).
  Status readAt(std::uint64_t offset, std::size_t len, std::string& out) const;
  /// Reads into a caller buffer; returns the number of bytes read (0 at end of file).
  Result<std::size_t> readInto(std::uint64_t offset, char* buf, std::size_t len) const;

  /// What one pass over the file found: revision ends and `/ByteRange` keys, in file order.
  struct Markers {
    std::vector<RevisionEnd> revisions;
    std::vector<std::uint64_t> byte_range_keys;
  };
  /// Scans the whole file once. More than `maxHits` of either marker is PdfTooComplex.
  Result<Markers> scanMarkers(std::size_t maxHits) const;

  /// Passes the bytes of `ranges` ({start, length}), in order, to `sink` in chunks of at most
  /// 1 MiB (a fixed buffer: bounded memory whatever the file size).
  Status feedRanges(const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges,
                    const std::function<void(const unsigned char*, std::size_t)>& sink) const;

  /// Hashes the bytes [a, a+alen) then [b, b+blen) with `md`, streaming (fixed 1 MiB buffer).
  Result<std::vector<unsigned char>> digestRanges(
      const EVP_MD* md, const std::vector<std::pair<std::uint64_t, std::uint64_t>>& ranges) const;

 private:
  FileBytes() = default;
  int m_fd = -1;
  std::uint64_t m_size = 0;
  std::string m_name;
  std::string m_memory;  // used when m_fd < 0
};

}  // namespace kyso::pdfverify
