// The plain values that cross between kyso_xml and the module kyso-xml.so (xml_module.h): what to
// sign and how, and what the module found in a signed document. Only kyso and standard types, so
// that the module's table stays a C-compatible contract. Sentences for people are made from the
// codes by xml_findings.h, never in the module.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/result.h"

namespace kyso::xml {

/// The layouts kyso knows. Auto picks by the document: a `CHUKYDONVI` element (claim files, XML0
/// check-in files, catalogue files) is Bhyt, an `HDon` root is EInvoice, anything else Generic.
enum class XmlProfile { Auto, Bhyt, EInvoice, Generic };

/// Where and how a new XML signature is made.
struct XmlSignSpec {
  XmlProfile profile = XmlProfile::Auto;
  std::string signId;             // Generic: the Id of the element signed ("" = the whole document)
  std::string signatureParent;    // Generic: an element name, or an XPath from '/' ("" = the root)
  bool dsPrefix = false;          // <ds:Signature> instead of the default namespace
  std::string signatureId;        // the Signature's Id ("" = none; EInvoice: "seller")
  std::string signingTime;        // EInvoice: the SigningTime text (ISO 8601 with offset)
  std::string digest = "sha256";  // sha256 | sha384 | sha512
  bool wantSignatureElement = false;  // also give the Signature element alone (XmlSigned)
};

/// Where a document comes from: a file, read in chunks (a 50 MB claim file is never held twice),
/// or bytes in memory (a download) when `file` is empty.
struct XmlSource {
  std::filesystem::path file;
  std::string_view bytes;
};

/// Where a signed document goes, piece by piece, in the input's encoding.
using XmlSink = std::function<Status(std::string_view)>;

/// Where the signature went.
struct XmlSigned {
  XmlProfile profile = XmlProfile::Generic;  // the layout used (Auto resolved)
  std::string placedIn;                      // "/GIAMDINHHS/CHUKYDONVI"
  std::string covers;                        // "" (whole document) or the Id signed
  std::string signatureElement;  // with wantSignatureElement: the Signature element alone,
                                 // UTF-8 (for a caller that places it itself: SignXML)
};

/// What the inspection found, as codes; `arg` fills the sentence (an Id, a URI, a path).
enum class XmlFinding {
  // the document
  DuplicateId,       // two elements carry the Id a reference names
  ForeignSignature,  // an element named Signature in another namespace
  // a signature's structure (each refuses the signature; nothing of it is run)
  NoSignedInfo,
  AlgorithmRefused,  // unknown or refused c14n/signature/digest method (HMAC)
  ReferenceWithoutUri,
  ExternalReference,  // http:, file:, a relative path
  XPointerReference,
  TransformRefused,          // XSLT, XPath, anything but enveloped and C14N
  ReferenceNotFound,         // "#id" names no element
  ReferenceInsideSignature,  // covers a copy kept inside a signature, not the document
  NothingOfDocumentCovered,
  ProfileDataNotCovered,  // the claim file or the invoice data (HDon/DLHDon) is not covered
  NoCertificate,
  CertificateUnreadable,
  SignatureMalformed,  // xmlsec could not process it (arg: its words)
  // the cryptography
  DigestMismatch,  // arg: the reference's URI ("" for the whole document)
  SignatureValueInvalid,
  WeakAlgorithm,            // SHA-1 (arg: the algorithm)
  ChangedByLaterSignature,  // a signature added later sits inside what this one covers
};

struct XmlFindingAt {
  XmlFinding code;
  std::string arg;
};

/// One Reference of a signature.
struct XmlReferenceFacts {
  enum class Scope {
    WholeDocument,
    DocumentElement,
    OwnSignatureProperties,
    InsideSignature,
    None
  };
  std::string uri;
  Scope scope = Scope::None;
  std::string path;  // DocumentElement/InsideSignature: where the element is ("/HDon/DLHDon")
  std::string digestMethod;
  bool digestChecked = false, digestOk = false;
};

/// One ds:Signature element.
struct XmlSignatureFacts {
  std::string path;  // "/GIAMDINHHS/CHUKYDONVI/Signature"
  std::string id;
  std::string c14nMethod, signatureMethod;  // short names: "C14N 1.0", "RSA-SHA256"
  std::vector<XmlReferenceFacts> references;
  std::vector<std::string> certificates;  // DER, from KeyInfo/X509Data, in document order
  int signerCertificate = -1;             // the one whose key verifies the value (or -1)
  bool valueChecked = false, valueOk = false;
  bool coversDocument = false;
  std::optional<std::string> signingTime;  // SigningTime in the signature's own properties
  std::vector<XmlFindingAt> problems;      // each one fails the signature
  std::vector<XmlFindingAt> notes;         // for people; do not fail it by themselves
};

/// Everything found in one document.
struct XmlInspection {
  std::optional<Error> error;  // not XML, refused (DTD), too large: nothing was checked
  std::string root;            // the root element's local name
  XmlProfile profile = XmlProfile::Generic;  // by the document (Auto's rule)
  std::vector<XmlFindingAt> problems;        // each one fails the whole document
  std::vector<XmlSignatureFacts> signatures;
};

/// "bhyt", "einvoice", "generic", "auto".
const char* profileName(XmlProfile p);

}  // namespace kyso::xml
