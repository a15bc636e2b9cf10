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

std::optional<std::string> unbase64(std::string_view text) {
  std::string t;
  for (char c : text)
    if (c != '\r' && c != '\n' && c != ' ') t.push_back(c);
  if (t.empty() || t.size() % 4 != 0 || t.size() > (1u << 20)) return std::nullopt;
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
