// ExtendJob: raises signed PDFs to PAdES B-LT (a /DSS with the chains, OCSP responses and CRLs of
// every signature and timestamp) or B-LTA (then a document timestamp), as further incremental
// updates; other tools' signatures are not touched. No key is needed. A file that fails is
// reported and the batch goes on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "certs/http.h"
#include "certs/trust_store.h"
#include "src/jobs/batch.h"
#include "src/jobs/signing_key.h"
#include "src/pdf/pades.h"

namespace kyso::jobs {

struct ExtendSettings {
  pdf::PadesLevel level = pdf::PadesLevel::BLT;  // B-LT or B-LTA
  std::optional<std::string> tsaUrl;             // B-LTA
  certs::HttpOptions http;
  certs::TrustStore trust = certs::TrustStore::empty();  // chainBuildingTrust(level, anchors)
  bool overwrite = false;
};

/// UsageError when the level is not B-LT or B-LTA, or B-LTA has no TSA.
Status checkExtendSettings(const ExtendSettings& settings);

class ExtendJob {
 public:
  /// Extends `items` in order; one observer.finished per item, in order. Settings that
  /// checkExtendSettings refuses fail every item with that UsageError.
  static BatchSummary run(const std::vector<SignInput>& items, const ExtendSettings& settings,
                          BatchObserver& observer);
};

}  // namespace kyso::jobs
