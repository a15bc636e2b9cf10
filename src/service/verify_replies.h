// The answers of VerifyXML and VerifyPDF in the shapes web document systems read from the VGCA
// plug-in: VerifyXML a JSON array with one object per signature, where integrators read
// `SigInfo.SignerCert.SerialNumber` and `ValidationDetails.SignerCertStatus.{Status,
// Description}` (null when revocation was not checked, which they take as "turn revocation
// checking on"); VerifyPDF an object with the same entries per signature and kyso's whole report.
// Status codes: 0 valid, 1 not valid, 2 could not be decided. Sentences in `lang`.
#pragma once

#include "core/json.h"
#include "core/messages.h"
#include "src/pdfverify/model.h"
#include "src/xml/xml_verify.h"

namespace kyso::service {

/// [{"Status", "Description", "SigInfo": {"Path", "Id", "SigningTime", "SignerCert": {"Subject",
///   "Issuer", "SerialNumber", "NotBefore", "NotAfter", "CertBase64"}}, "ValidationDetails":
///   {"IntegrityStatus": {"Status", "Description"}, "SignerCertStatus": {...} | null}}]
Json xmlVerifyReply(const xml::XmlReport& r, Lang lang);

/// {"Status": 0, "Message": "", "Indication", "Signatures": [{"Status", "Description", "Field",
///   "SignerName", "SigningTime"}], "Report": <the verify JSON of kyso verify --json>}
Json pdfVerifyReply(const pdfverify::FileReport& r, Lang lang);

/// What VGCA's SignerCertStatus says of a signer's certificate.
enum class SignerCertState {
  Good,
  Revoked,
  Untrusted,
  OutsideValidity,
  RevocationUnknown,
  NotChecked,
  Missing
};
SignerCertState signerCertState(const cms::SignerReport& r);

}  // namespace kyso::service
