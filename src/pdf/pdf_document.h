// PdfDocument: a PDF opened read-only for signing, on libqpdf. Opening checks what a signer must
// refuse: not a PDF, an empty file, a damaged cross-reference (every in-use entry must point at
// its object; qpdf's recovery is off), encryption. It reports what the incremental-update writer
// needs: the last startxref, the kind of its cross-reference section, the trailer entries to
// carry over, the next free object number, the signature fields and the DocMDP permission.
// qpdf reads objects lazily from the file, so a large file is not held in memory.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <string>
#include <string_view>
#include <vector>

#include "core/file_stamp.h"
#include "core/result.h"

namespace kyso::pdf {

/// The kind of the newest cross-reference section (the one startxref points at).
enum class XrefKind {
  Table,   // classic `xref` table + `trailer`
  Stream,  // cross-reference stream (PDF 1.5)
  Hybrid,  // classic table whose trailer has /XRefStm
};

/// A signature field found in /AcroForm /Fields.
struct SignatureField {
  std::string name;      // fully qualified name
  QPDFObjGen objgen;     // the field (terminal) object
  bool signed_ = false;  // has a /V
};

/// A PDF opened for reading. Not copyable; owns its QPDF.
class PdfDocument {
 public:
  /// Opens and checks `path`. Errors: FileNotFound/FileUnreadable, NotAPdf (empty or no header),
  /// PdfDamaged, PdfEncrypted.
  static Result<std::unique_ptr<PdfDocument>> open(const std::filesystem::path& path);

  QPDF& qpdf() { return *m_qpdf; }
  std::uint64_t fileSize() const { return m_size; }
  /// The file's bytes as read when it was opened, for a file read into memory (up to 16 MiB):
  /// a signer writes these, so what is signed is what was parsed. Empty for a larger file, which
  /// qpdf reads where it lies.
  std::string_view bytes() const { return m_bytes; }
  /// The stamp of the file that was opened (nullopt if fstat failed): whether it is still the
  /// file read, for a later step (a batch's check before the PIN and its signature).
  const std::optional<FileStamp>& stamp() const { return m_stamp; }
  std::uint64_t startxref() const { return m_startxref; }
  XrefKind xrefKind() const { return m_kind; }
  /// The first object number not used by the file (max of trailer /Size and qpdf's count).
  int nextObjectNumber() const { return m_nextObj; }
  /// The PDF header version ("1.7").
  std::string version() const { return m_version; }

  /// The /Root, /Info (if any) and /ID (if any) of the trailer, unparsed ("1 0 R", "[<..><..>]").
  std::string rootRef();
  std::optional<std::string> infoRef();
  std::optional<std::string> idArray();

  /// Every signature field (terminal fields with /FT /Sig).
  Result<std::vector<SignatureField>> signatureFields();
  /// /P of the certification signature's DocMDP transform, when the document is certified.
  std::optional<int> docMdpPermission();
  /// Number of pages.
  Result<int> pageCount();

 private:
  PdfDocument() = default;
  std::string m_bytes;  // a small file's content, parsed from memory (outlives m_qpdf)
  std::unique_ptr<QPDF> m_qpdf;
  std::uint64_t m_size = 0;
  std::optional<FileStamp> m_stamp;
  std::uint64_t m_startxref = 0;
  XrefKind m_kind = XrefKind::Table;
  int m_nextObj = 1;
  std::string m_version;
};

/// Runs `fn` and turns any exception thrown by qpdf into PdfDamaged for `op`.
template <class F>
auto guardQpdf(const char* op, F&& fn) -> decltype(fn());

}  // namespace kyso::pdf

#include "src/pdf/pdf_document_inl.h"
