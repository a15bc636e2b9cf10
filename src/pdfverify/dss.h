// Reads the document security store (/DSS: /Certs, /CRLs, /OCSPs) of a revision into DER strings,
// decoding each stream with a hard size limit (a decompression bomb is an error, not a hang).
#pragma once

#include "core/result.h"
#include "src/pdfverify/crypto_check.h"
#include "src/pdfverify/revision.h"

namespace kyso::pdfverify {

/// The /DSS material of `rev` (empty, present=false, when there is none).
Result<DssMaterial> readDss(OpenRevision& rev);

/// Decodes a stream's data with at most `maxBytes` output (PdfTooComplex beyond it).
Result<std::string> boundedStreamData(QPDFObjectHandle stream, std::size_t maxBytes);

}  // namespace kyso::pdfverify
