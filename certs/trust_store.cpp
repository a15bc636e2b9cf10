#include "certs/trust_store.h"

#include <algorithm>
#include <system_error>

#include "certs/cert_info.h"
#include "certs/shipped_anchors.h"
#include "core/paths.h"

namespace kyso::certs {

const char* trustGroupName(TrustGroup g) {
  return g == TrustGroup::Gov ? "gov" : "public";
}
const char* trustGroupLabel(TrustGroup g) {
  return g == TrustGroup::Gov ? "Chuyên dùng Chính phủ" : "Công cộng";
}

Result<TrustStore> TrustStore::loadShipped(const std::filesystem::path& dirIn) {
  std::filesystem::path dir = dirIn.empty() ? resourceDir() / "certs" / "anchors" : dirIn;
  TrustStore store;
  for (const ShippedAnchor& a : shippedAnchors()) {
    std::filesystem::path file = dir / a.file;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec))
      return Error::kyso(Errc::FileNotFound, "TrustStore::loadShipped", file.string());
    KYSO_ASSIGN_OR_RETURN(auto certs, loadCertificates(file));
    if (certs.size() != 1 || sha256Hex(certs[0].get()) != a.sha256)
      return Error::kyso(Errc::AnchorChecksumMismatch, "TrustStore::loadShipped", file.string());
    store.m_entries.push_back(TrustEntry{std::move(certs[0]), a.group, file.string(), a.anchor});
  }
  return store;
}

void TrustStore::setGroupEnabled(TrustGroup g, bool on) {
  (g == TrustGroup::Gov ? m_gov : m_public) = on;
}

bool TrustStore::groupEnabled(TrustGroup g) const {
  return g == TrustGroup::Gov ? m_gov : m_public;
}

Status TrustStore::addAnchors(const std::filesystem::path& path, const std::string& source) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(path, ec))
      if (e.is_regular_file()) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    bool any = false;
    for (const auto& f : files) {
      auto certs = loadCertificates(f);
      if (!certs.ok()) continue;  // a folder may hold READMEs, hash links, keys...
      for (auto& c : *certs)
        m_entries.push_back(TrustEntry{std::move(c), source, f.string(), true});
      any = true;
    }
    if (!any)
      return Error::kyso(Errc::CertificateNotFound, "TrustStore::addAnchors", path.string());
    return okStatus();
  }
  KYSO_ASSIGN_OR_RETURN(auto certs, loadCertificates(path));
  for (auto& c : certs) m_entries.push_back(TrustEntry{std::move(c), source, path.string(), true});
  return okStatus();
}

void TrustStore::addAnchor(ossl::Ptr<X509> cert, const std::string& source) {
  m_entries.push_back(TrustEntry{std::move(cert), source, {}, true});
}

Status TrustStore::enableSystemStore(const std::filesystem::path& dir) {
  return addAnchors(dir, "system");
}

std::vector<X509*> TrustStore::anchors() const {
  std::vector<X509*> out;
  for (const auto& e : m_entries) {
    if (!e.anchor) continue;
    if (e.source == "gov" && !m_gov) continue;
    if (e.source == "public" && !m_public) continue;
    out.push_back(e.cert.get());
  }
  return out;
}

std::vector<X509*> TrustStore::intermediates() const {
  std::vector<X509*> out;
  for (const auto& e : m_entries)
    if (!e.anchor) out.push_back(e.cert.get());
  return out;
}

const TrustEntry* TrustStore::find(const X509* cert) const {
  for (const auto& e : m_entries)
    if (X509_cmp(e.cert.get(), cert) == 0) return &e;
  return nullptr;
}

std::string TrustStore::describeAnchor(const X509* anchor) const {
  const TrustEntry* e = find(anchor);
  std::string name = nameToString(X509_get_subject_name(anchor));
  return e ? e->source + ": " + name : name;
}

}  // namespace kyso::certs
