// What every call of the signing service does with the files of one request: a private folder
// for the document and its signed copy (removed when the request ends), the document's SHA-256 as
// the person is shown it, a safe local name from an address, and the document system's answer to
// an upload. Internal to src/service.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "core/json.h"
#include "core/result.h"
#include "src/jobs/batch.h"

namespace kyso::service {

/// A folder only this user can read (in $XDG_RUNTIME_DIR, else /tmp), removed with everything in
/// it when the object goes.
class PrivateDir {
 public:
  static Result<PrivateDir> make();
  PrivateDir(PrivateDir&& o) noexcept;
  PrivateDir& operator=(PrivateDir&&) = delete;
  ~PrivateDir();
  const std::filesystem::path& path() const { return m_path; }

 private:
  explicit PrivateDir(std::filesystem::path p) : m_path(std::move(p)) {}
  std::filesystem::path m_path;
};

/// The result of a job given one document.
struct LastResult : jobs::BatchObserver {
  jobs::ItemResult result;
  void finished(const jobs::ItemResult& r) override { result = r; }
};

/// A PDF: "%PDF-" within the first KiB, as readers accept it.
bool looksLikePdf(std::string_view doc);
std::string sha256Hex(std::string_view data);
/// The last path segment of `url`, kept to a safe file name ("cong-van.pdf"); `fallback` when none.
std::string fileNameOf(const std::string& url, const std::string& fallback);
/// `data` into `p` through AtomicFile (never a partial file).
Status writeBytes(const std::filesystem::path& p, const std::string& data);
/// The document system's answer to an upload: {Status: 0|true, Message, FileName, FileServer
/// (sometimes a JSON string), DocumentNumber}; ServiceUploadRefused with its Message otherwise.
Result<Json> readHandlerAnswer(const std::string& body);
/// A reply field's text: a string as it is, null as "", anything else as JSON.
std::string textOf(const Json& v);

}  // namespace kyso::service
