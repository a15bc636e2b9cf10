// The settings every signature of the service starts from, the same for one document (SignPDF,
// SignApproved, SignFile, ...) and for a vgca_sign_files batch: the level and TSA of the service,
// and from B-LT the anchors that end the chains put into the signatures, the shipped roots and the
// front end's own (jobs::chainBuildingTrust), as `kyso sign` and the Sign tab have them.
#pragma once

#include "core/result.h"
#include "src/jobs/sign_job.h"
#include "src/service/signing_service.h"

namespace kyso::service {

/// PDFs and detached files. An anchor file that cannot be read fails with its error (its file in
/// the context), before anyone is asked anything.
Result<jobs::SignSettings> signSettings(const ServiceSettings& s);

}  // namespace kyso::service
