// --trust-anchor of `kyso sign` and `kyso extend`: extra anchors for building chains at B-LT and
// B-LTA (jobs::chainBuildingTrust), read before any PIN is asked or file is written.
#pragma once

#include "certs/trust_store.h"
#include "src/cli/kyso/args.h"
#include "src/pdf/pades.h"

namespace kyso::cli {

/// Fills `trust` for `level`; on an unreadable anchor prints why and returns kExitInputError
/// (kExitOk otherwise).
int chainTrustFromOptions(const ArgParser& p, pdf::PadesLevel level, certs::TrustStore& trust);

}  // namespace kyso::cli
