// RevisionWriter: builds an output PDF as the input's exact bytes followed by incremental updates,
// through an AtomicFile (temporary file beside the target, renamed on commit). The input is copied
// in one streaming pass with a fixed 1 MiB buffer (the kernel copies, kyso hashes) while a running
// SHA-256 of everything written is kept, so that signing a 100 MB file never holds it in memory and
// never reads it twice.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string_view>
#include <vector>

#include "core/atomic_file.h"
#include "core/openssl_ptr.h"
#include "core/result.h"

namespace kyso::pdf {

/// The output being built. Move-only; abandons the temporary file unless committed.
class RevisionWriter {
 public:
  /// Creates the temporary output and copies `input` into it (hashing as it goes). Fails with
  /// FileExists when the target exists and overwrite is Refuse; with FileUnreadable if the input
  /// changes size while being copied. Blocks on file I/O.
  static Result<RevisionWriter> start(const std::filesystem::path& input,
                                      const std::filesystem::path& output,
                                      AtomicFile::Overwrite overwrite);
  /// The same for an input already in memory (PdfDocument::bytes()): `content` is written and
  /// hashed; the input file is not read again.
  static Result<RevisionWriter> startWith(std::string_view content,
                                          const std::filesystem::path& output,
                                          AtomicFile::Overwrite overwrite);

  /// Bytes written so far (the offset the next update starts at).
  std::uint64_t size() const { return m_size; }
  /// The temporary file (complete up to size()), for reopening with qpdf between updates.
  const std::filesystem::path& tempPath() const { return m_file.tempPath(); }

  /// SHA-256 of everything written so far plus `extra` parts (not written). Does not change the
  /// running state.
  Result<std::vector<unsigned char>> digestWith(std::span<const std::string_view> extra) const;
  /// Appends bytes (hashing them).
  Status append(std::string_view bytes);
  /// fsync + rename over the target (+ fsync of its directory unless Deferred).
  Status commit(AtomicFile::DirSync dirSync = AtomicFile::DirSync::Now) {
    return m_file.commit(dirSync);
  }
  /// The finished output, to be committed elsewhere (a CommitPool); the writer is left empty.
  AtomicFile takeFile() && { return std::move(m_file); }

 private:
  RevisionWriter(AtomicFile f, ossl::Ptr<EVP_MD_CTX> md)
      : m_file(std::move(f)), m_md(std::move(md)) {}
  AtomicFile m_file;
  ossl::Ptr<EVP_MD_CTX> m_md;
  std::uint64_t m_size = 0;  // bytes in the output (copy_file_range bypasses AtomicFile's count)
};

}  // namespace kyso::pdf
