// parseCms: d2i_CMS_ContentInfo with the embedded certificates decoded once per process.
//
// OpenSSL 3.0 decodes every certificate's public key through a fresh OSSL_DECODER context, which
// costs more than the rest of a small PDF's verification put together; a folder of letters signed
// by the same few people carries the same certificates again and again. For a DER SignedData whose
// `certificates` are plain X.509 certificates, parseCms decodes the structure without them (the
// bytes re-encoded with the field left out) and adds the certificates, in their order, from a
// process-wide cache keyed by their exact DER bytes. The result is the same CMS_ContentInfo that
// d2i_CMS_ContentInfo makes (the certificates are not covered by any signature); anything else —
// BER, indefinite lengths, other CertificateChoices, a duplicate, a certificate that does not
// decode exactly — takes the plain d2i_CMS_ContentInfo path. Thread-safe.
#pragma once

#include <openssl/cms.h>

#include <cstddef>
#include <span>

#include "core/openssl_ptr.h"

namespace kyso::cms {

/// Parses the CMS ContentInfo at the start of `der`; `*end` (when not null) is set past it, as
/// d2i advances its pointer. Null when it does not parse.
ossl::Ptr<CMS_ContentInfo> parseCms(std::span<const unsigned char> der,
                                    const unsigned char** end = nullptr);

/// Certificates decoded and cached so far (for tests).
std::size_t cachedCertificateCount();

}  // namespace kyso::cms
