// The table of the module kyso-xml.so: XML-DSig on xmlsec1 (libxmlsec1-openssl) and libxml2, which
// bring ICU, libxslt and liblzma with them. kyso_xml (xml_client.cpp) loads it the first time an
// XML file is signed or verified, so that no other command pays for those libraries at start-up.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.h"
#include "core/signing_identity.h"
#include "src/xml/xml_types.h"

namespace kyso::xml {

struct XmlApi {
  static constexpr std::uint32_t kAbi = 3;
  std::uint32_t abi;
  /// Signs `document` with `identity`'s key (a token key signs on the token) and writes the
  /// signed document to `out` (nothing when it fails before the signature is made).
  Result<XmlSigned> (*sign)(const XmlSource& document, const XmlSignSpec& spec,
                            const SigningIdentity& identity, const XmlSink& out);
  /// Every signature of `document`: structure, references, value; no trust decisions.
  XmlInspection (*inspect)(const XmlSource& document);
};

}  // namespace kyso::xml
