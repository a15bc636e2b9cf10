// libxml2 and xmlsec1 for the module kyso-xml.so: parsing untrusted XML, the Id index, element
// paths, writing a document back in its own encoding, and the libraries' errors as text. Only
// the module's files include this header (it names libxml2's types).
#pragma once

#include <libxml/tree.h>

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "src/xml/xml_types.h"

namespace kyso::xml {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

inline constexpr const char* kDsigNs = "http://www.w3.org/2000/09/xmldsig#";

/// Initialises libxml2, xmlsec1 and its OpenSSL engine once per process (thread-safe), with every
/// library message captured for takeLibraryErrors() instead of printed.
Status initLibraries();

/// The libxml2 and xmlsec1 messages this thread collected since the last call, joined.
std::string takeLibraryErrors();

struct ParsedXml {
  XmlDocPtr doc;
  bool bom = false;          // the input began with a UTF-8 byte-order mark
  bool declaration = false;  // the input had an XML declaration
};

/// Parses an untrusted document: no network, no DTD (a DOCTYPE is refused before its first
/// declaration is read, so no entity can expand and no external file is read), large text nodes
/// allowed, a file read in chunks. XmlMalformed (with libxml2's words and the line),
/// XmlDtdRefused, InputTooLarge over 512 MiB, FileNotFound/FileUnreadable.
Result<ParsedXml> parseUntrusted(const XmlSource& source);

/// The document written to `out` in pieces: the input's encoding, its XML declaration only when
/// it had one, its byte-order mark when it had one.
Status serialize(xmlDoc* doc, bool bom, bool declaration, const XmlSink& out);
/// One element and what is under it, as UTF-8 text (its in-scope namespaces as declared on it).
std::string serializeElement(xmlDoc* doc, xmlNode* element);

/// Every Id-like attribute (`Id`, `ID`, `id`, `xml:id`) by value, elements in document order.
using IdIndex = std::map<std::string, std::vector<xmlNode*>>;
/// Builds the index and registers each value's first element with libxml2 (xmlAddID), which is
/// how xmlsec1 resolves "#id".
IdIndex indexIds(xmlDoc* doc);

/// The element's local name.
std::string localName(const xmlNode* n);
/// True for an element `name` in the XML-DSig namespace.
bool isDsig(const xmlNode* n, const char* name);
/// The first element child of `n` named `name` in the XML-DSig namespace, or null.
xmlNode* dsigChild(const xmlNode* n, const char* name);
/// Element children of `n`, in order.
std::vector<xmlNode*> elementChildren(const xmlNode* n);
/// Every element below `from` (itself included) in document order for which `keep` is true.
template <class F>
void walkElements(xmlNode* from, F&& keep) {
  for (xmlNode* n = from; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    keep(n);
    walkElements(n->children, keep);
  }
}
/// "/GIAMDINHHS/CHUKYDONVI/Signature", with "[2]" after a name that a sibling before it shares.
std::string elementPath(const xmlNode* n);
/// True when `inner` is `outer` or below it.
bool isWithin(const xmlNode* inner, const xmlNode* outer);
/// An attribute's value ("" when absent).
std::string attribute(const xmlNode* n, const char* name);
/// The text content, whitespace at both ends removed.
std::string trimmedText(const xmlNode* n);

}  // namespace kyso::xml
