// XML-DSig for the rest of kyso: signing an XML document with a SigningIdentity, and what is in a
// signed one. The work is done by the module kyso-xml.so (xmlsec1 and libxml2), loaded on first
// use; ComponentUnavailable when it is missing. xml_verify.h turns an inspection into a verdict.
//
//   xml::XmlSignSpec spec;                       // Auto: claim file, e-invoice or generic
//   auto where = xml::signXml({path, {}}, spec, identity, [&](std::string_view piece) {
//     return out.write(piece);                   // an AtomicFile, committed on success
//   });
#pragma once

#include <string>

#include "core/result.h"
#include "core/signing_identity.h"
#include "src/xml/xml_types.h"

namespace kyso::xml {

/// Signs `document` (an enveloped signature placed as `spec` says); a token key signs on the
/// token. Errors: XmlMalformed, XmlDtdRefused, XmlPlaceNotFound, XmlIdNotUnique,
/// XmlSignatureWouldBreak, XmlSigningFailed, the token's own, ComponentUnavailable.
Result<XmlSigned> signXml(const XmlSource& document, const XmlSignSpec& spec,
                          const SigningIdentity& identity, const XmlSink& out);

/// Every signature in `document`, checked for structure, coverage and cryptography (no trust).
XmlInspection inspectXml(const XmlSource& document);

/// "bhyt", "einvoice", "generic" (and "auto") to a profile.
std::optional<XmlProfile> parseProfile(const std::string& name);

}  // namespace kyso::xml
