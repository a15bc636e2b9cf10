// TrustStore: the anchors kyso trusts and the intermediates it may use to complete chains.
//
// Shipped material lives in resourceDir()/certs/anchors (copied from the Vietnamese CA
// publications); each file's SHA-256 is compiled into kyso and checked at load, so a damaged or
// altered installation fails with AnchorChecksumMismatch instead of trusting the wrong root.
// Shipped roots are grouped: "gov" ("Chuyên dùng Chính phủ", Ban Cơ yếu's RootCA G1/G2) and
// "public" ("Công cộng", the national root), each switchable. Administrators add anchors (PEM,
// DER, PKCS#7 files or a folder): an added intermediate becomes a partial-chain anchor. The
// system store (/etc/ssl/certs) is off by default and only used when enabled.
// A TrustStore is immutable once built and safe to share between threads for reading.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/openssl_ptr.h"
#include "core/result.h"

namespace kyso::certs {

/// The shipped anchor groups.
enum class TrustGroup { Gov, Public };

/// "gov" / "public".
const char* trustGroupName(TrustGroup g);
/// "Chuyên dùng Chính phủ" / "Công cộng".
const char* trustGroupLabel(TrustGroup g);

/// One certificate in the store and where it came from.
struct TrustEntry {
  ossl::Ptr<X509> cert;
  std::string source;  // "gov", "public", "admin", "system", "test"
  std::string file;    // file it was read from (for reports), may be empty
  bool anchor = true;  // false: a shipped intermediate, used for chain building only
};

class TrustStore {
 public:
  TrustStore() = default;
  TrustStore(TrustStore&&) = default;
  TrustStore& operator=(TrustStore&&) = default;

  /// Loads the shipped anchors and intermediates from `dir` (default resourceDir()/certs/anchors)
  /// with both groups enabled. Fails with AnchorChecksumMismatch (context: the file) when a file
  /// does not match its compiled-in SHA-256, FileNotFound when one is missing.
  static Result<TrustStore> loadShipped(const std::filesystem::path& dir = {});
  /// An empty store (tests, `--trust-group none`).
  static TrustStore empty() { return TrustStore(); }

  /// Switches a shipped group on or off (its intermediates stay usable for chain building).
  void setGroupEnabled(TrustGroup g, bool on);
  bool groupEnabled(TrustGroup g) const;
  /// Adds every certificate of a PEM/DER/PKCS#7 file, or of every such file in a folder, as an
  /// anchor labelled `source`.
  Status addAnchors(const std::filesystem::path& fileOrDir, const std::string& source = "admin");
  /// Adds one anchor.
  void addAnchor(ossl::Ptr<X509> cert, const std::string& source = "admin");
  /// Uses the system's CA folder (/etc/ssl/certs) too; off by default.
  Status enableSystemStore(const std::filesystem::path& dir = "/etc/ssl/certs");

  /// The enabled anchors (borrowed pointers, valid while the store lives).
  std::vector<X509*> anchors() const;
  /// Intermediates usable to complete chains (shipped ones, whatever the group switches say).
  std::vector<X509*> intermediates() const;
  /// The entry whose certificate equals `cert` (by DER), or nullptr.
  const TrustEntry* find(const X509* cert) const;
  /// For reports: "gov: CN=RootCA chuyên dùng Chính phủ G2, ..." for an anchor certificate.
  std::string describeAnchor(const X509* anchor) const;

 private:
  std::vector<TrustEntry> m_entries;
  bool m_gov = true;
  bool m_public = true;
};

}  // namespace kyso::certs
