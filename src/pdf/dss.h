// The Document Security Store (PAdES B-LT, ETSI EN 319 142-1 5.4): an incremental update that adds
// or extends the catalog's /DSS with certificates, OCSP responses and CRLs (each an embedded
// stream, shared by reference) and a /VRI entry per signature, keyed by the upper-case hex SHA-1
// of the signature's /Contents bytes. Existing DSS entries are kept; new material is added once.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "src/pdf/pdf_document.h"
#include "src/pdf/revision_writer.h"

namespace kyso::pdf {

/// Validation material for one signature (or document timestamp), all DER.
struct VriEntry {
  std::vector<unsigned char> signatureContents;  // the CMS/TST DER in /Contents (for the key)
  std::vector<std::string> certs, ocsps, crls;   // material that validates it
};

/// Appends a DSS revision for `doc` (whose bytes must be exactly what `out` holds so far).
/// Fails (UsageError) when there is no material at all.
Status appendDss(RevisionWriter& out, PdfDocument& doc, const std::vector<VriEntry>& entries);

}  // namespace kyso::pdf
