// PdfSignJob: PAdES signatures (B-B to B-LTA) as incremental updates on a batch of PDFs, with one
// login. Two files are prepared at once at B-B and B-T (read, hash, build the update, CMS) so that
// one is hashed and written while the other's signature is computed (the token still signs one
// digest at a time); commits (fsync, rename) run on a CommitPool and each output folder is fsynced
// once at the end. A bad file is reported and the batch goes on; a failure that stopsBatch() stops
// it, keeping what is done.
//
//   jobs::PdfSignSettings s;  s.level = pdf::PadesLevel::BT;  s.tsaUrl = url;
//   s.appearance = [&](std::size_t i, const jobs::SignInput& in, auto time) { return mine(in,
//   time); }; jobs::BatchSummary done = jobs::PdfSignJob::run(items, key, s, observer);
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "certs/http.h"
#include "certs/trust_store.h"
#include "src/appearance/appearance.h"
#include "src/jobs/batch.h"
#include "src/jobs/checked_pdfs.h"
#include "src/jobs/signing_key.h"
#include "src/pdf/pades.h"

namespace kyso::jobs {

/// The visible signature for one file, made by the front end from its own settings (command-line
/// options, the Sign tab's fields and preview); nullopt: an invisible signature.
using AppearanceMaker = std::function<Result<std::optional<appearance::Appearance>>(
    std::size_t index, const SignInput& item, std::chrono::system_clock::time_point signingTime)>;

struct PdfSignSettings {
  /// /Reason, /Location, /ContactInfo, the field to fill, certification, field locking and the
  /// SubFilter. signerName, signingTime and appearance are set by the job for each file.
  pdf::SignatureOptions signature;
  pdf::PadesLevel level = pdf::PadesLevel::BB;
  std::optional<std::string> tsaUrl;  // B-T and above
  certs::HttpOptions http;
  /// Anchors for building chains at B-LT and B-LTA (chainBuildingTrust()).
  certs::TrustStore trust = certs::TrustStore::empty();
  bool overwrite = false;      // replace existing outputs
  bool skipExisting = false;   // an existing output is Skipped, not refused
  AppearanceMaker appearance;  // empty: invisible signatures
  /// The files the check before the PIN read (findActiveContent): one changed since is not
  /// signed (Failed, Detail::ChangedSinceChecked). Null: no comparison.
  std::shared_ptr<CheckedPdfs> checked;
};

/// The trust store for chain building at `level`: the shipped anchors and `extraAnchors` for
/// B-LT and B-LTA, an empty store below (loading anchors costs start-up time). The error of an
/// extra anchor names its file in the context.
Result<certs::TrustStore> chainBuildingTrust(
    pdf::PadesLevel level, const std::vector<std::filesystem::path>& extraAnchors);

/// The settings' checks that need no file: UsageError with the reason in the context ("B-T and
/// above need a TSA"). Front ends say it in their own words.
Status checkPdfSignSettings(const PdfSignSettings& settings);

class PdfSignJob {
 public:
  /// Signs `items`. Every item gets exactly one observer.finished (Done with level and field,
  /// Skipped, Failed with the error, or NotAttempted after a stop or cancel). Settings that
  /// checkPdfSignSettings refuses fail every item with that UsageError; nothing is signed.
  static BatchSummary run(const std::vector<SignInput>& items, const SigningKey& key,
                          const PdfSignSettings& settings, BatchObserver& observer);
};

}  // namespace kyso::jobs
