// DetachedSignJob: detached CAdES signatures (FILE.p7s) for a batch of files of any kind, with one
// login. Every file is hashed in one streaming pass and its signature staged in a temporary file;
// commits (fsync, rename) run on a CommitPool while the next files are signed, and each output
// folder is fsynced once at the end. A software token or an HSM signs on several sessions at once
// (SigningLanes); a USB token one signature at a time. A bad file is reported and the batch goes
// on; a failure that stopsBatch() stops it, and the files not started are NotAttempted.
//
//   jobs::DetachedSignSettings s;  s.cms.tsaUrl = url;  s.lanes = 4;
//   auto summary = jobs::DetachedSignJob::run(items, std::move(key), s, observer);
//
// Part of kyso_jobs_base: no PDF code, so `kyso sign --detached` starts without qpdf.
#pragma once

#include <cstddef>
#include <vector>

#include "src/cms/signer.h"
#include "src/jobs/batch.h"
#include "src/jobs/signing_key.h"

namespace kyso::jobs {

struct DetachedSignSettings {
  cms::SignOptions cms;       // digest, PSS, signing time, chain, TSA and its HTTP options
  bool overwrite = false;     // replace existing outputs (else FileExists, before the token signs)
  bool skipExisting = false;  // an input whose output exists is Skipped (resuming a batch)
  bool offline = false;       // do not fetch missing intermediates (AIA) to complete the chain
  std::size_t lanes = 1;      // signatures at once on a software token, HSM or key file
  /// Where fetched intermediates are cached (empty: kyso's data folder).
  std::filesystem::path issuerCache;
};

class DetachedSignJob {
 public:
  /// Signs `items` in order. An error (nothing attempted, no observer call) only when the
  /// signature cannot be prepared at all (the certificate cannot be encoded, an unknown digest).
  /// The level of each result is "B-B" or "B-T".
  static Result<BatchSummary> run(const std::vector<SignInput>& items, SigningKey key,
                                  const DetachedSignSettings& settings, BatchObserver& observer);
};

/// Completes `id.chain` (when empty) from the shipped intermediates and AIA caIssuers (unless
/// `offline`), leaving out roots, so that verifiers without them can build the chain.
void completeChain(SigningIdentity& id, const certs::HttpOptions& http, bool offline,
                   const std::filesystem::path& issuerCache);

}  // namespace kyso::jobs
