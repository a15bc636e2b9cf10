// Reconciling the inventory with what is physically there: the tokens plugged in now (read by the
// CLI through pkcs11/, passed here as plain values so this layer stays free of Cryptoki) and the
// revocation status of certificates (found by the CLI through certs/). Unknown tokens and
// certificates are registered; known tokens get their last-seen time; differences between the
// records and the tokens are reported, never silently "fixed".
#pragma once

#include <string>
#include <vector>

#include "src/inventory/inventory.h"

namespace kyso::inventory {

/// A token as read from its PKCS#11 module, with the DER of every certificate object on it.
struct SeenToken {
  std::string serial, manufacturer, model, label, module;
  std::vector<std::string> certificatesDer;
};

struct SyncReport {
  long tokensSeen = 0;
  std::vector<std::string> registered;  // "token 123", "certificate ab12... on token 123"
  std::vector<std::string> mismatches;  // one sentence each
};

/// Registers unknown tokens/certificates, updates last_seen, reports mismatches. One transaction
/// per registration (audited like any change). Blocks on the database.
Result<SyncReport> reconcileTokens(Inventory& inv, const std::vector<SeenToken>& seen);

/// A confirmed revocation from a CRL or an OCSP response.
struct RevocationEvidence {
  std::string source;     // "crl" | "ocsp"
  std::string url;        // where it came from
  std::string revokedOn;  // YYYY-MM-DD
  std::string reason;     // CRL reason name
};

/// Marks the certificate revoked through the lifecycle table, with the evidence in its event.
Result<Event> markRevoked(Inventory& inv, const std::string& sha256, const RevocationEvidence& ev);

}  // namespace kyso::inventory
