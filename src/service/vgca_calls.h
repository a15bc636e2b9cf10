// The calls of Ban Cơ yếu's VGCA signing plug-in (vgcaplugin.js) as web document systems make
// them: one WebSocket per call at wss://127.0.0.1:8987/<Path>, one message, one reply. This file
// knows the paths, reads the requests and writes the replies; it signs nothing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "core/json.h"
#include "core/result.h"

namespace kyso::service {

enum class Call {
  SignApproved,  // a leader's approval (appearance: handwriting or name)
  SignIssued,    // the clerk's issue: the seal over the approval, DocNumber and IssuedDate filled
  SignIncome,    // the incoming stamp ("ĐẾN")
  Comment,       // a comment's signature (appearance as approved)
  SignAppendix,  // an appendix
  SignCopy,      // a certified copy ("SAO Y")
  SignPDF,       // a PDF, invisible signature
  SignFile,      // any file, detached CAdES signature (.p7s)
  SignFiles,     // vgca_sign_files: a batch
  SignMsg,       // a digest signed with the token's key
  SignXML,       // an XML file
  VerifyPDF,     // verify a PDF
  VerifyXML,     // verify an XML file
  GetCertInfo,   // the signer's certificate
  Config,        // open the settings window
};

/// The call a path names ("/SignApproved", "/vgca_sign_files"); nullopt for an unknown path.
std::optional<Call> callFromPath(std::string_view path);
std::string_view callName(Call c);
/// Every call, in the order above (tests walk it: each must get an answer).
const std::vector<Call>& allCalls();

/// The appearance kind a file flow signs with ("approved", "issued", "incoming", "appendix",
/// "copy"), "" for an invisible PDF signature (SignPDF) and for detached and non-file calls.
std::string_view kindOf(Call c);
/// True for the calls that fetch one document, sign it and upload the result.
bool isFileFlow(Call c);

/// A file flow's request: {"FileUploadHandler", "SessionId", "JWTToken", "FileName", "MetaData":
/// [{"Key","Value"}], "DocNumber", "IssuedDate"}.
struct FileRequest {
  std::string uploadHandler, sessionId, jwt, fileName, docNumber, issuedDate;
  std::vector<std::pair<std::string, std::string>> metaData;
};
/// ServiceRequestInvalid (context: what is wrong) for what is not such an object.
Result<FileRequest> parseFileRequest(const Json& message);

/// vgca_sign_files: {"FileUploadHandler", "SessionId", "Files": [{"FileID", "FileName", "URL"}]}.
/// `URL` is where the document is fetched; `FileName` the name the system shows (and uploads
/// under). At most kMaxBatchFiles files.
struct BatchFile {
  std::string id, name, url;
};
struct BatchRequest {
  std::string uploadHandler, sessionId;
  std::vector<BatchFile> files;
};
constexpr std::size_t kMaxBatchFiles = 200;
Result<BatchRequest> parseBatchRequest(const Json& message);

/// A SignMsg request: {"HashAlg":"SHA256","HashValue":"<base64 digest>","Encode":"RSA"}.
struct DigestRequest {
  std::string hashAlg;  // "SHA256", "SHA384", "SHA512" or "SHA1"
  std::string digest;   // raw bytes, the length of the algorithm's output
};
Result<DigestRequest> parseDigestRequest(const Json& message);

/// SignXML: {"Base64Content": the XML document in base64, "ReturnSignatureOnly": true|false
/// (integrators send "true"/"false" strings), "HashAlg": "Sha256" (SHA256, SHA384, SHA512;
/// SHA-1 is refused for new signatures), "XmlDsigForm": true|false}. The reply's "Signature" is the
/// base64 of the signed document, or of the Signature element alone.
struct XmlSignRequest {
  std::string document;  // the XML, decoded
  bool signatureOnly = false;
  std::string digest = "sha256";  // sha256 | sha384 | sha512
  bool xmlDsigForm = false;       // read and kept; kyso always writes a standard XML-DSig
};
Result<XmlSignRequest> parseXmlSignRequest(const Json& message, std::size_t maxBytes);

/// VerifyXML: {"Data": the signed XML as text (or its base64), "Format": "XML"}; the XML.
Result<std::string> parseXmlVerifyRequest(const Json& message, std::size_t maxBytes);

/// VerifyPDF: {"SessionId", "FileName": the PDF's address}.
struct VerifyPdfRequest {
  std::string sessionId, fileName;
};
Result<VerifyPdfRequest> parseVerifyPdfRequest(const Json& message);

/// An error in the words of the service (the request's fields, the settings), not the command
/// line's options: a missing image or number named as the request or Settings name them.
Error inServiceWords(const Error& e);

/// The reply for a failure: {"Status": code, "Message": sentence}. Codes: 1 refused or failed,
/// 2 busy, 3 declined by the person, 4 not supported.
Json failureReply(int status, const std::string& message);
int statusFor(const Error& e);

/// base64 without line breaks, and its inverse (nullopt for invalid input or text over
/// `maxText` characters).
std::string base64(std::string_view bytes);
std::optional<std::string> unbase64(std::string_view text, std::size_t maxText = 1u << 20);

}  // namespace kyso::service
