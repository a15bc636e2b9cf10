// XmlSignJob: enveloped XML-DSig signatures (claim files, e-invoices, any XML) for a batch of
// files with one login. Each file is read, signed by the module kyso-xml.so (the token signs the
// canonical SignedInfo; the private key never leaves it) and written through AtomicFile, so an
// input is never changed and an output is never partial. A bad file is reported and the batch
// goes on; a failure that stopsBatch() stops it, and the files not started are NotAttempted.
//
//   jobs::XmlSignSettings s;  s.spec.profile = xml::XmlProfile::Auto;
//   auto summary = jobs::XmlSignJob::run(items, key, s, observer);
#pragma once

#include <vector>

#include "src/jobs/batch.h"
#include "src/jobs/signing_key.h"
#include "src/xml/xml_types.h"

namespace kyso::jobs {

struct XmlSignSettings {
  xml::XmlSignSpec spec;       // profile, placement, prefix, digest
  bool overwrite = false;      // replace existing outputs (else FileExists, before signing)
  bool skipExisting = false;   // leave inputs whose output exists (Skipped)
  bool signatureOnly = false;  // each output holds the Signature element alone (UTF-8), for a
                               // system that places it in the document itself
};

class XmlSignJob {
 public:
  /// Signs `items` in order; the level of each result is "XML-DSig", its field where the
  /// signature went ("/GIAMDINHHS/CHUKYDONVI").
  static BatchSummary run(const std::vector<SignInput>& items, const SigningKey& key,
                          const XmlSignSettings& settings, BatchObserver& observer);
};

}  // namespace kyso::jobs
