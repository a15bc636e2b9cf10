// The verdict on a signed XML document: the module's inspection (xml.h) plus trust, as for CMS
// (the signer's chain to the trust anchors at --at or now, revocation, the weak-algorithm
// policy), in ETSI indications, with JSON, HTML and one line per signature for people.
//
//   xml::XmlReport r = xml::verifyXmlSlowly(bytes, verifyOptions);
//   for (const auto& s : r.signatures) puts(xml::summaryLine(s, Lang::Vi).c_str());
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/json.h"
#include "src/cms/verifier.h"
#include "src/xml/xml_types.h"

namespace kyso::xml {

/// One ds:Signature: what the module found, and the verdict with the signer's chain.
struct XmlSignatureReport {
  XmlSignatureFacts facts;
  cms::SignerReport verdict;  // indication, signer, chain, revocation, English chain notes
};

struct XmlReport {
  cms::Indication indication = cms::Indication::Indeterminate;  // the worst over signatures
  cms::SubIndication subIndication = cms::SubIndication::None;
  std::optional<Error> error;  // unreadable or refused document, or no signature (CmsNoSigner)
  std::string root;
  XmlProfile profile = XmlProfile::Generic;
  std::vector<XmlFindingAt> problems;  // about the document (each fails it)
  std::vector<XmlSignatureReport> signatures;
};

/// Verifies every signature of `document`. Never fails: problems are in the report.
XmlReport verifyXmlSlowly(const XmlSource& document, const cms::VerifyOptions& opt);

/// {indication, subindication, error, message, profile, root, problems[{code,message}],
///  signatures[{index, path, id, covers[...], references[...], findings[...], <signer fields
///  as for CMS>}]}; findings and messages in `lang`, chain notes in English with their codes as
///  for CMS.
Json xmlReportToJson(const XmlReport& r, Lang lang);

/// One line a person can act on ("Valid: signed by … ; the content has not changed since.").
std::string summaryLine(const XmlSignatureReport& s, Lang lang);

/// A self-contained HTML page: the verdict first, then each signature's details.
std::string xmlReportToHtml(const XmlReport& r, const std::string& file, Lang lang);

}  // namespace kyso::xml
