// PAdES signing of whole files, B-B to B-LTA, and raising signed files to B-LT/B-LTA ("extend").
// Each call produces one output file through a RevisionWriter: the input's exact bytes, then the
// signature revision, then (B-LT) a DSS revision, then (B-LTA) a document-timestamp revision.
// Nothing is left at the target unless everything succeeded. Blocks on file I/O, the signer
// (token) and the network (TSA, OCSP, CRL).
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/atomic_file.h"
#include "src/pdf/dss.h"
#include "src/pdf/signature_update.h"

namespace kyso::pdf {

/// PAdES baseline levels (ETSI EN 319 142-1).
enum class PadesLevel { BB, BT, BLT, BLTA };
/// "B-B" -> BB, ...; nullopt for anything else.
std::optional<PadesLevel> parsePadesLevel(std::string_view s);
const char* padesLevelName(PadesLevel l);

/// Supplies validation material (chain, OCSP, CRLs) for a signature's or timestamp's /Contents:
/// the signer's chain and revocation data, and the same for any timestamp inside it.
class LtvSource {
 public:
  virtual ~LtvSource() = default;
  /// May fetch over the network (blocks).
  virtual Result<VriEntry> materialForSlowly(std::span<const unsigned char> contentsDer) = 0;
};

/// One file to sign.
struct PadesRequest {
  std::filesystem::path input;
  std::filesystem::path output;
  AtomicFile::Overwrite overwrite = AtomicFile::Overwrite::Refuse;
  SignatureOptions sig;
  PadesLevel level = PadesLevel::BB;
};

/// What was done to one file.
struct PadesResult {
  SignedRevision signature;
  bool dssAdded = false;
  bool docTimestampAdded = false;
  std::uint64_t outputSize = 0;
};

/// Signs `req.input` into `req.output`. `signer` makes the CMS (for B-T and above it must put a
/// signature timestamp in it). `ltv` is needed for B-LT and B-LTA, `docTimestamp` (an RFC 3161
/// client as a ContentsMaker) for B-LTA; UsageError when missing.
Result<PadesResult> signPdfFile(const PadesRequest& req, ContentsMaker& signer, LtvSource* ltv,
                                ContentsMaker* docTimestamp);

/// A signed output that is complete but not yet committed (flushed and renamed into place).
struct PreparedPades {
  PadesResult result;
  RevisionWriter output;
};

/// signPdfFile without the commit: a batch commits file i (fsync, rename, fsync of the folder) on
/// another thread while file i+1 is being signed. Destroying it uncommitted removes the temporary.
Result<PreparedPades> preparePdfSignature(const PadesRequest& req, ContentsMaker& signer,
                                          LtvSource* ltv, ContentsMaker* docTimestamp);
/// The same for `req.input` already opened by the caller (a batch compares the file with what its
/// check before the PIN read). Both forms write a file read into memory (PdfDocument::bytes())
/// from those bytes, so what is signed is what was parsed and the file is read once; a larger
/// file is copied from disk and must still have the size it was opened with.
Result<PreparedPades> preparePdfSignature(const PadesRequest& req,
                                          std::unique_ptr<PdfDocument> opened,
                                          ContentsMaker& signer, LtvSource* ltv,
                                          ContentsMaker* docTimestamp);

/// Raises an already signed file to B-LT (DSS for every signature and document timestamp in it)
/// or B-LTA (and then a document timestamp). Existing signatures are not touched. PdfNoSignature
/// when the file has none.
Result<PadesResult> extendPdfFile(const std::filesystem::path& input,
                                  const std::filesystem::path& output,
                                  AtomicFile::Overwrite overwrite, PadesLevel level, LtvSource& ltv,
                                  ContentsMaker* docTimestamp);

/// The DER of every signature's /Contents in the document (trailing placeholder zeros removed).
Result<std::vector<std::vector<unsigned char>>> signatureContents(PdfDocument& doc);

}  // namespace kyso::pdf
