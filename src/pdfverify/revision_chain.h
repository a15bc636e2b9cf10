// Finds the revision ends of a PDF by following its cross-reference chain from the end of the
// file (startxref -> xref section or xref stream -> /Prev -> ...), each revision ending at the
// first `startxref N %%EOF` after its cross-reference section. Reads only the sections and
// trailers (bounded), never the whole file, so a 100 MB document costs a few small reads.
// A broken or looping chain is an Error (PdfDamaged); more than `maxRevisions` is PdfTooComplex.
#pragma once

#include <vector>

#include "core/result.h"
#include "src/pdfverify/file_bytes.h"

namespace kyso::pdfverify {

/// Revision ends in file order, following the chain from the last `startxref` before `searchEnd`
/// (0: the end of the file); bytes after the last revision end are the caller's concern. Each
/// revision also lists the objects its cross-reference section names twice.
Result<std::vector<RevisionEnd>> revisionChain(const FileBytes& bytes, std::size_t maxRevisions,
                                               std::uint64_t searchEnd = 0);

}  // namespace kyso::pdfverify
