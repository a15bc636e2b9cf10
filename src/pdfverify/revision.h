// OpenRevision: the document as of one revision, opened by qpdf on a prefix of the file with
// recovery turned off (a file that must be repaired to be read is an error here, never a verdict).
// qpdf exceptions are caught at this boundary and become Errors (PdfDamaged, NotAPdf,
// PdfEncrypted...). Owns the QPDF object; objects handed out are valid while it lives.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <qpdf/QPDF.hh>
#include <string>
#include <vector>

#include "core/result.h"
#include "src/pdfverify/file_bytes.h"

namespace kyso::pdfverify {

/// A wall-clock budget shared by one file's verification; long loops check it. Time spent waiting
/// on others (the network while the CMS layer fetches certificates and revocation) is given back
/// with extend(): the budget bounds the structure analysis, not a slow responder.
class Budget {
 public:
  explicit Budget(std::chrono::milliseconds limit)
      : m_deadline(std::chrono::steady_clock::now() + limit) {}
  bool expired() const { return std::chrono::steady_clock::now() > m_deadline; }
  void extend(std::chrono::steady_clock::duration d) { m_deadline += d; }
  /// PdfTooComplex when the budget is spent.
  Status check(const char* where) const;

 private:
  std::chrono::steady_clock::time_point m_deadline;
};

/// One cross-reference entry, reduced to what decides "was this object rewritten".
struct XrefPos {
  int type = 0;              // 1 = in the file at `offset`, 2 = in object stream `stream`
  std::uint64_t offset = 0;  // type 1
  int stream = 0;            // type 2
  int index = 0;             // type 2
  bool operator==(const XrefPos& o) const {
    return type == o.type && offset == o.offset && stream == o.stream && index == o.index;
  }
};

class OpenRevision {
 public:
  /// Opens the first `limit` bytes of `bytes`. Blocks on reading the file.
  static Result<std::unique_ptr<OpenRevision>> open(std::shared_ptr<const FileBytes> bytes,
                                                    std::uint64_t limit);

  QPDF& pdf() { return *m_pdf; }
  std::uint64_t limit() const { return m_limit; }
  /// Object number -> where its current version lives (generation folded into the key).
  const std::map<QPDFObjGen, XrefPos>& xref() const { return m_xref; }
  /// Tolerated warnings qpdf issued while opening (stray whitespace and the like).
  const std::vector<std::string>& openWarnings() const { return m_openWarnings; }
  /// Warnings qpdf issued since opening, while objects were read (damaged objects it worked
  /// around: "expected endobj", "ignoring excessively deeply nested data structure").
  /// Accumulates; each call also collects new ones.
  const std::vector<std::string>& laterWarnings();

 private:
  OpenRevision() = default;
  std::unique_ptr<QPDF> m_pdf;
  std::uint64_t m_limit = 0;
  std::map<QPDFObjGen, XrefPos> m_xref;
  std::vector<std::string> m_openWarnings;
  std::vector<std::string> m_laterWarnings;
};

/// Maps a qpdf exception message to an Error with `op` (used by every qpdf call site).
Error qpdfError(const std::exception& e, const char* op, const std::string& file);

}  // namespace kyso::pdfverify
