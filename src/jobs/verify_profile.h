// VerifyProfile: everything a verification depends on besides the document, built once from a
// plain struct: the trust anchors (the shipped groups, added anchors, optionally the system's
// store), the validation time, revocation (on or off, network or offline, CRL files an officer
// imported) and the caches of fetched CA certificates and CRLs. `kyso verify`, the Verify tab and
// the signing service build it the same way, so the same document gets the same verdict
// everywhere, and the app keeps what it fetched as the CLI does.
//
//   jobs::VerifyProfileSettings s;  s.trustPublic = false;  s.offline = true;
//   jobs::ProfileFailure where;
//   auto profile = jobs::VerifyProfile::create(s, &where);   // reads files; no network
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "certs/trust_store.h"
#include "src/cms/verifier.h"

namespace kyso::jobs {

struct VerifyProfileSettings {
  bool trustGovernment = true;                      // the shipped Ban Cơ yếu (gov) anchors
  bool trustPublic = true;                          // the shipped national public CA anchors
  bool systemTrust = false;                         // also the operating system's CA store
  std::vector<std::filesystem::path> extraAnchors;  // files or folders (PEM, DER, PKCS#7)
  std::vector<std::filesystem::path> crlFiles;      // CRLs to use before the network
  std::optional<std::chrono::system_clock::time_point> at;  // validate as of this time
  bool checkRevocation = true;
  bool offline = false;     // no network: revocation only from the document and the files
  bool acceptWeak = false;  // SHA-1 and RSA under 2048 bits (old archives)
  std::string proxy;        // HTTP proxy ("none": none; empty: the environment's)
  std::chrono::seconds timeout{10};
  std::filesystem::path issuerCache;  // fetched CA certificates (empty: kyso's data folder)
  std::filesystem::path crlCache;     // fetched CRLs (empty: kyso's data folder)
  std::filesystem::path ocspCache;    // OCSP answers (empty: kyso's data folder)
  bool visualCheck = true;  // PDF: render each signed revision and compare it with the document now
};

/// Which part of the settings could not be loaded (create's error), for the front end's words.
struct ProfileFailure {
  enum class Part { ShippedAnchors, ExtraAnchor, SystemStore, CrlFile } part = Part::ShippedAnchors;
  std::filesystem::path file;  // ExtraAnchor, CrlFile
};

class VerifyProfile {
 public:
  /// Loads the anchors and CRL files. On error, `where` (when given) says which part failed.
  static Result<std::shared_ptr<const VerifyProfile>> create(const VerifyProfileSettings& settings,
                                                             ProfileFailure* where = nullptr);
  VerifyProfile(const VerifyProfile&) = delete;
  VerifyProfile& operator=(const VerifyProfile&) = delete;

  /// The options every CMS and PDF signature check starts from (`trust` points into this
  /// profile: keep the profile alive while they are used).
  const cms::VerifyOptions& cmsOptions() const { return m_cms; }
  const certs::TrustStore& trust() const { return m_store; }
  /// Whether PDF verification runs the visual guard (src/pdfverify/visual_guard.h).
  bool visualCheck() const { return m_visualCheck; }

 private:
  VerifyProfile() = default;
  certs::TrustStore m_store = certs::TrustStore::empty();
  cms::VerifyOptions m_cms;
  bool m_visualCheck = true;
};

}  // namespace kyso::jobs
