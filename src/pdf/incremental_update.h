// IncrementalUpdate: one incremental-update section appended after a PDF's existing bytes: new or
// replaced objects, then a cross-reference section of the same kind as the document's newest one
// (classic table for Table and Hybrid files, an xref stream for Stream files), with /Prev pointing
// at the previous startxref and /Root, /Info and /ID carried over. The update is rendered to
// memory (it is small: dictionaries, not page content); the original bytes are never rewritten.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "src/pdf/pdf_document.h"

namespace kyso::pdf {

/// The bytes of one update and where each object starts in them.
struct RenderedUpdate {
  std::string bytes;
  std::map<int, std::size_t> objectOffsets;  // object number -> offset of "N G obj" in bytes
};

/// An update being assembled for a document. Copyable; holds no file handles.
class IncrementalUpdate {
 public:
  /// Takes the base facts (size, startxref, xref kind, trailer entries) from `doc`.
  explicit IncrementalUpdate(PdfDocument& doc);

  /// A fresh object number for a new object.
  int allocate() { return m_next++; }
  /// Adds a new object or replaces an existing one; `body` is what goes between obj and endobj.
  void setObject(int num, int gen, std::string body);
  bool hasObject(int num) const { return m_objects.count(num) != 0; }
  XrefKind kind() const { return m_kind; }

  /// The update's bytes, to be appended at offset `baseOffset` (the size of the file so far).
  RenderedUpdate render() const;

 private:
  struct Obj {
    int gen;
    std::string body;
  };
  std::map<int, Obj> m_objects;
  std::uint64_t m_base = 0;
  std::uint64_t m_prev = 0;
  XrefKind m_kind = XrefKind::Table;
  int m_next = 1;
  std::string m_root;
  std::optional<std::string> m_info;
  std::optional<std::string> m_id;
};

}  // namespace kyso::pdf
