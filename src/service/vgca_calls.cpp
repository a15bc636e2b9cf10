#include "src/service/vgca_calls.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace kyso::service {

namespace {

struct CallRow {
  Call call;
  std::string_view path;  // without the leading '/'
  std::string_view kind;
  bool fileFlow;
};

// clang-format off
constexpr std::array<CallRow, 15> kCalls = {{
  {Call::SignApproved, "SignApproved",    "approved", true},
  {Call::SignIssued,   "SignIssued",      "issued",   true},
  {Call::SignIncome,   "SignIncome",      "incoming", true},
  {Call::Comment,      "Comment",         "approved", true},
  {Call::SignAppendix, "SignAppendix",    "appendix", true},
  {Call::SignCopy,     "SignCopy",        "copy",     true},
  {Call::SignPDF,      "SignPDF",         "",         true},
  {Call::SignFile,     "SignFile",        "",         true},
  {Call::SignFiles,    "vgca_sign_files", "",         false},
  {Call::SignMsg,      "SignMsg",         "",         false},
  {Call::SignXML,      "SignXML",         "",         false},
  {Call::VerifyPDF,    "VerifyPDF",       "",         false},
  {Call::VerifyXML,    "VerifyXML",       "",         false},
  {Call::GetCertInfo,  "GetCertInfo",     "",         false},
  {Call::Config,       "Config",          "",         false},
}};
// clang-format on

const CallRow& row(Call c) {
  for (const CallRow& r : kCalls)
    if (r.call == c) return r;
  return kCalls[0];
}

Error invalid(const std::string& what) {
  return Error::kyso(Errc::ServiceRequestInvalid, "request", what);
}

std::string stringMember(const Json& m, std::string_view key) {
  const Json& v = m[key];
  if (v.isString()) return v.asString();
  if (v.isInt()) return std::to_string(v.asInt());
  return {};
}

}  // namespace

std::optional<Call> callFromPath(std::string_view path) {
  if (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (const auto q = path.find('?'); q != path.npos) path = path.substr(0, q);
  if (!path.empty() && path.back() == '/') path.remove_suffix(1);
  for (const CallRow& r : kCalls)
    if (r.path == path) return r.call;
  return std::nullopt;
}

std::string_view callName(Call c) {
  return row(c).path;
}

const std::vector<Call>& allCalls() {
  static const std::vector<Call> all = [] {
    std::vector<Call> v;
    for (const CallRow& r : kCalls) v.push_back(r.call);
    return v;
  }();
  return all;
}

std::string_view kindOf(Call c) {
  return row(c).kind;
}
bool isFileFlow(Call c) {
  return row(c).fileFlow;
}

Result<FileRequest> parseFileRequest(const Json& m) {
  if (!m.isObject()) return invalid("not a JSON object");
  FileRequest r;
  r.uploadHandler = stringMember(m, "FileUploadHandler");
  r.sessionId = stringMember(m, "SessionId");
  r.jwt = stringMember(m, "JWTToken");
  r.fileName = stringMember(m, "FileName");
  r.docNumber = stringMember(m, "DocNumber");
  r.issuedDate = stringMember(m, "IssuedDate");
  if (r.uploadHandler.empty()) return invalid("FileUploadHandler is missing");
  const Json& meta = m["MetaData"];
  if (!meta.isNull() && !meta.isArray()) return invalid("MetaData is not a list");
  if (meta.isArray())
    for (const Json& kv : meta.items())
      r.metaData.emplace_back(stringMember(kv, "Key"), stringMember(kv, "Value"));
  return r;
}

Result<BatchRequest> parseBatchRequest(const Json& m) {
  if (!m.isObject()) return invalid("not a JSON object");
  BatchRequest r;
  r.uploadHandler = stringMember(m, "FileUploadHandler");
  r.sessionId = stringMember(m, "SessionId");
  if (r.uploadHandler.empty()) return invalid("FileUploadHandler is missing");
  const Json& files = m["Files"];
  if (!files.isArray() || files.size() == 0) return invalid("Files is not a list of files");
  if (files.size() > kMaxBatchFiles)
    return invalid("Files lists more than " + std::to_string(kMaxBatchFiles) + " files");
  for (const Json& f : files.items()) {
    if (!f.isObject()) return invalid("a file in Files is not an object");
    BatchFile b{stringMember(f, "FileID"), stringMember(f, "FileName"), stringMember(f, "URL")};
    if (b.url.empty()) return invalid("a file in Files has no URL");
    r.files.push_back(std::move(b));
  }
  return r;
}

Result<DigestRequest> parseDigestRequest(const Json& m) {
  if (!m.isObject()) return invalid("not a JSON object");
  DigestRequest r;
  r.hashAlg = stringMember(m, "HashAlg");
  for (char& c : r.hashAlg) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  r.hashAlg.erase(std::remove(r.hashAlg.begin(), r.hashAlg.end(), '-'), r.hashAlg.end());
  std::size_t len = 0;
  if (r.hashAlg == "SHA256")
    len = 32;
  else if (r.hashAlg == "SHA384")
    len = 48;
  else if (r.hashAlg == "SHA512")
    len = 64;
  else if (r.hashAlg == "SHA1")
    len = 20;
  else
    return invalid("HashAlg must be SHA256, SHA384, SHA512 or SHA1");
  auto digest = unbase64(stringMember(m, "HashValue"));
  if (!digest || digest->size() != len)
    return invalid("HashValue is not the base64 of a " + r.hashAlg + " digest");
  r.digest = std::move(*digest);
  const std::string encode = stringMember(m, "Encode");
  if (!encode.empty() && encode != "RSA" && encode != "rsa") return invalid("Encode must be RSA");
  return r;
}

Result<XmlSignRequest> parseXmlSignRequest(const Json& m, std::size_t maxBytes) {
  if (!m.isObject()) return invalid("not a JSON object");
  XmlSignRequest r;
  auto flag = [&](std::string_view key, bool& out) -> Status {
    const Json& v = m[key];
    if (v.isNull()) return okStatus();
    if (v.isBool()) {
      out = v.asBool();
      return okStatus();
    }
    std::string t = v.isString() ? v.asString() : v.isInt() ? std::to_string(v.asInt()) : "?";
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (t == "true" || t == "1")
      out = true;
    else if (t == "false" || t == "0" || t.empty())
      out = false;
    else
      return invalid(std::string(key) + " must be true or false");
    return okStatus();
  };
  KYSO_TRY(flag("ReturnSignatureOnly", r.signatureOnly));
  KYSO_TRY(flag("XmlDsigForm", r.xmlDsigForm));
  std::string alg = stringMember(m, "HashAlg");
  for (char& c : alg) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  alg.erase(std::remove(alg.begin(), alg.end(), '-'), alg.end());
  if (alg.empty() || alg == "SHA256")
    r.digest = "sha256";
  else if (alg == "SHA384")
    r.digest = "sha384";
  else if (alg == "SHA512")
    r.digest = "sha512";
  else if (alg == "SHA1")
    return invalid("HashAlg SHA1 is too weak for a new signature: send SHA256");
  else
    return invalid("HashAlg must be SHA256, SHA384 or SHA512");
  const Json& content = m["Base64Content"];
  if (!content.isString() || content.asString().empty()) return invalid("Base64Content is missing");
  auto xml = unbase64(content.asString(), maxBytes);
  if (!xml) return invalid("Base64Content is not base64 (or is too large)");
  r.document = std::move(*xml);
  return r;
}

Result<std::string> parseXmlVerifyRequest(const Json& m, std::size_t maxBytes) {
  if (!m.isObject()) return invalid("not a JSON object");
  const std::string format = stringMember(m, "Format");
  if (!format.empty() && format != "XML" && format != "xml") return invalid("Format must be XML");
  const Json& data = m["Data"];
  if (!data.isString() || data.asString().empty()) return invalid("Data is missing");
  const std::string& text = data.asString();
  if (text.size() > maxBytes) return invalid("Data is too large");
  // The XML itself (integrators decode the signed document first), or its base64.
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first != std::string::npos &&
      (text[first] == '<' || text.compare(first, 3, "\xEF\xBB\xBF") == 0))
    return text;
  auto decoded = unbase64(text, maxBytes);
  if (!decoded) return invalid("Data is neither XML nor the base64 of XML");
  return std::move(*decoded);
}

Result<VerifyPdfRequest> parseVerifyPdfRequest(const Json& m) {
  if (!m.isObject()) return invalid("not a JSON object");
  VerifyPdfRequest r{stringMember(m, "SessionId"), stringMember(m, "FileName")};
  if (r.fileName.empty()) return invalid("FileName is missing");
  return r;
}

Error inServiceWords(const Error& e) {
  if (e.kind != Errc::UsageError) return e;
  if (e.operation == "appearance_image")
    return Error::kyso(Errc::ServiceImageMissing, "appearance", e.context);
  if (e.operation == "appearance_field" || e.operation == "issued_date") {
    const std::string field = e.context == "doc_number" ? "DocNumber"
                              : e.context == "issued_date" || e.operation == "issued_date"
                                  ? "IssuedDate"
                                  : e.context;
    return Error::kyso(Errc::ServiceRequestInvalid, "request", field);
  }
  return e;
}

Json failureReply(int status, const std::string& message) {
  Json j = Json::object();
  j.set("Status", status);
  j.set("Message", message);
  return j;
}

int statusFor(const Error& e) {
  switch (e.kind) {
    case Errc::ServiceBusy:
      return 2;
    case Errc::ServiceDeclined:
    case Errc::Cancelled:
      return 3;
    case Errc::ServiceCallUnsupported:
      return 4;
    default:
      return 1;
  }
}

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3) + 1, '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()),
                                static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n > 0 ? n : 0));
  return out;
}

std::optional<std::string> unbase64(std::string_view text, std::size_t maxText) {
  if (text.size() > maxText + maxText / 8) return std::nullopt;
  std::string t;
  t.reserve(text.size());
  for (char c : text)
    if (c != '\r' && c != '\n' && c != ' ') t.push_back(c);
  if (t.empty() || t.size() % 4 != 0 || t.size() > maxText) return std::nullopt;
  std::string out(t.size() / 4 * 3, '\0');
  const int n =
      EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                      reinterpret_cast<const unsigned char*>(t.data()), static_cast<int>(t.size()));
  if (n < 0) return std::nullopt;
  std::size_t len = static_cast<std::size_t>(n);
  if (t.size() >= 1 && t[t.size() - 1] == '=') --len;
  if (t.size() >= 2 && t[t.size() - 2] == '=') --len;
  out.resize(len);
  return out;
}

}  // namespace kyso::service
