// KysoCmsChecker: the CmsChecker backed by kyso's CMS layer (src/cms) and certs layer. For the
// detached SubFilters (adbe.pkcs7.detached, ETSI.CAdES.detached) the CMS must not carry eContent
// and is verified against the covered bytes streamed from the file; adbe.pkcs7.sha1 is verified
// as encapsulated and its eContent must equal the SHA-1 of the covered bytes; an ETSI.RFC3161
// document timestamp is a TimeStampToken whose imprint must equal the covered bytes' digest.
// The /DSS certificates, CRLs and OCSP responses are given to the CMS layer before the network.
// checkSlowly may block on the network unless the options say offline.
#pragma once

#include "src/cms/verifier.h"
#include "src/pdfverify/crypto_check.h"

namespace kyso::pdfverify {

/// Fills `f` from one CMS-layer signer verdict (indication, signer, chain, revocation, timestamp,
/// notes): also how an XML-DSig signature's verdict enters the document report (jobs layer).
void fromSigner(const cms::SignerReport& s, CryptoFacts& f);

class KysoCmsChecker final : public CmsChecker {
 public:
  /// `base` is copied; its trust store pointer is borrowed and must outlive this object.
  explicit KysoCmsChecker(cms::VerifyOptions base) : m_base(std::move(base)) {}
  CryptoFacts checkSlowly(const CmsInput& in) override;

 private:
  cms::VerifyOptions m_base;
};

}  // namespace kyso::pdfverify
