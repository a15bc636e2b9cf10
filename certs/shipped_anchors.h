// The shipped certificate files and their SHA-256 (of the DER certificate), compiled in so that
// an altered file in the installation is detected at load (README in certs/anchors/ lists them).
#pragma once

#include <span>

namespace kyso::certs {

/// One shipped file.
struct ShippedAnchor {
  const char* file;    // in certs/anchors/
  const char* group;   // "gov" or "public"
  bool anchor;         // true: a root; false: an intermediate used for chain building only
  const char* sha256;  // of the DER certificate, lower-case hex
};

std::span<const ShippedAnchor> shippedAnchors();

}  // namespace kyso::certs
