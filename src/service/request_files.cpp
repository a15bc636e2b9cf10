#include "src/service/request_files.h"

#include <openssl/evp.h>
#include <stdlib.h>

#include <cerrno>
#include <cstdlib>

#include "certs/cert_info.h"
#include "core/atomic_file.h"

namespace kyso::service {

namespace fs = std::filesystem;

Result<PrivateDir> PrivateDir::make() {
  const char* run = std::getenv("XDG_RUNTIME_DIR");
  std::string tmpl =
      (run && *run ? std::string(run) : std::string("/tmp")) + "/kyso-service-XXXXXX";
  if (!::mkdtemp(tmpl.data())) return Error::posix(errno, "mkdtemp", tmpl);
  return PrivateDir(tmpl);
}

PrivateDir::PrivateDir(PrivateDir&& o) noexcept : m_path(std::move(o.m_path)) {
  o.m_path.clear();
}

PrivateDir::~PrivateDir() {
  std::error_code ec;
  if (!m_path.empty()) fs::remove_all(m_path, ec);
}

bool looksLikePdf(std::string_view doc) {
  return doc.substr(0, 1024).find("%PDF-") != std::string_view::npos;
}

std::string sha256Hex(std::string_view data) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(data.data(), data.size(), md, &n, EVP_sha256(), nullptr);
  return certs::hex(std::string_view(reinterpret_cast<char*>(md), n));
}

std::string fileNameOf(const std::string& url, const std::string& fallback) {
  std::string path = url.substr(0, url.find_first_of("?#"));
  const auto slash = path.rfind('/');
  std::string name = slash == std::string::npos ? std::string() : path.substr(slash + 1);
  std::string safe;
  for (char c : name)
    safe.push_back((c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) ? '_' : c);
  if (safe.empty() || safe == "." || safe == ".." || safe.size() > 200) return fallback;
  return safe;
}

Status writeBytes(const fs::path& p, const std::string& data) {
  auto f = AtomicFile::create(p);
  if (!f.ok()) return f.error();
  if (auto st = f->write(data); !st.ok()) return st;
  return f->commit();
}

Result<Json> readHandlerAnswer(const std::string& body) {
  auto j = Json::parse(body);
  if (!j.ok() || !j->isObject())
    return Error::kyso(Errc::ServiceUploadRefused, "upload").because(Detail::AnswerNotJson);
  const Json& st = (*j)["Status"];
  const bool ok =
      (st.isBool() && st.asBool()) || ((st.isInt() || st.isDouble()) && st.asInt() == 0);
  if (!ok) {
    const Json& m = (*j)["Message"];
    return Error::kyso(Errc::ServiceUploadRefused, "upload",
                       m.isString() ? m.asString().substr(0, 500) : std::string());
  }
  return std::move(*j);
}

std::string textOf(const Json& v) {
  if (v.isString()) return v.asString();
  if (v.isNull()) return {};
  return v.dump();
}

}  // namespace kyso::service
