// What the module kyso-xml.so finds in a signed XML document (see xml_types.h): each ds:Signature's
// structure checked against what kyso runs, its references resolved and judged for coverage, then
// its digests and value checked by xmlsec1 with the key of each certificate in its KeyInfo.
#pragma once

#include <libxml/tree.h>

#include <string>
#include <vector>

#include "src/xml/xml_types.h"

namespace kyso::xml {

/// Every signature in `document`. Never throws; a document that cannot be read has `error` set.
XmlInspection inspectDocument(const XmlSource& document);

/// The profile the document's layout calls for (Auto's rule in xml_types.h).
XmlProfile detectProfile(xmlDoc* doc);

/// Every ds:Signature element of the document, in document order.
std::vector<xmlNode*> signatureElements(xmlDoc* doc);

/// The element "#id" names when exactly one element carries it (else null), or the document's
/// root for "" (the whole document): what a reference of an existing signature covers.
xmlNode* coveredElement(xmlDoc* doc, const std::string& uri);

}  // namespace kyso::xml
