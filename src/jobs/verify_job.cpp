#include "src/jobs/verify_job.h"

#include <algorithm>
#include <exception>
#include <future>
#include <map>
#include <optional>

#include "core/atomic_file.h"
#include "core/ordered_parallel.h"
#include "src/jobs/detached_document_report.h"
#include "src/jobs/document_format.h"
#include "src/jobs/xml_document_report.h"
#include "src/pdfverify/verifier.h"

namespace kyso::jobs {
namespace fs = std::filesystem;

namespace {
constexpr std::size_t kMaxFiles = 100000;
}

Result<FolderFiles> signedFilesIn(const fs::path& folder) {
  FolderFiles out;
  std::error_code ec;
  fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec);
  if (ec) return Error::posix(ec.value(), "opendir", folder.string());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Error::posix(ec.value(), "readdir", folder.string());
    if (!it->is_regular_file(ec)) continue;
    const fs::path& p = it->path();
    if (formatOf(p) == DocumentFormat::Pdf) out.pdfs.push_back(p);
    if (hasSuffix(p.string(), ".p7s")) out.detachedSignatures.push_back(p);
    if (formatOf(p) == DocumentFormat::Xml) out.xmls.push_back(p);
    if (out.pdfs.size() + out.detachedSignatures.size() + out.xmls.size() > kMaxFiles)
      return Error::kyso(Errc::InputTooLarge, "verify", folder.string())
          .because(Detail::TooManyFiles);
  }
  std::sort(out.pdfs.begin(), out.pdfs.end());
  std::sort(out.detachedSignatures.begin(), out.detachedSignatures.end());
  std::sort(out.xmls.begin(), out.xmls.end());
  return out;
}

// Seven files spread over a folder of at least 32 when revocation is asked online: enough to meet
// each of a handful of signers early; none offline, where there is nothing to wait for.
std::size_t VerifyJob::probeCount(std::size_t files) const {
  const cms::VerifyOptions& o = m_profile->cmsOptions();
  if (!o.checkRevocation || o.chain.http.offline || files < 32) return 0;
  return std::min<std::size_t>(7, files / 16);
}

VerifyJob::VerifyJob(std::shared_ptr<const VerifyProfile> profile)
    : m_profile(std::move(profile)), m_checker(m_profile->cmsOptions()) {}

pdfverify::FileReport VerifyJob::verifyPdf(const fs::path& file) {
  pdfverify::VerifyOptions opt;
  opt.cms = &m_checker;
  opt.visual.enabled = m_profile->visualCheck();
  try {
    return pdfverify::verifyPdfFile(file, opt);
  } catch (const std::exception& e) {  // bad_alloc
    pdfverify::FileReport r;
    r.file = file.string();
    r.error =
        Error::kyso(Errc::InputTooLarge, "verifyPdfFile", e.what()).because(Detail::Technical);
    return r;
  }
}

namespace {

// Files verified ahead, out of order, when revocation is asked online (issue 22): a folder's files
// in name order often come signer by signer, so every thread would first wait on the same
// signer's questions while the other signers' were not yet asked. A few files spread over the
// list are verified at once on their own threads; their questions (issuers, OCSP, CRLs) go out
// together, shared through the profile's SharedFetches, and their reports are used when their
// turn comes.
class Probes {
 public:
  Probes(const std::vector<fs::path>& files, std::size_t count,
         const std::function<pdfverify::FileReport(const fs::path&)>& one) {
    for (std::size_t k = 1; k <= count; ++k) {
      const std::size_t i = k * files.size() / (count + 1);
      if (m_at.count(i)) continue;
      m_at.emplace(i, std::async(std::launch::async, [&one, &files, i] { return one(files[i]); }));
    }
  }
  ~Probes() {
    for (auto& [i, f] : m_at)
      if (f.valid()) f.wait();
  }
  Probes(const Probes&) = delete;
  Probes& operator=(const Probes&) = delete;
  /// The report of file `i` when a probe verified it (waiting for it if needed).
  std::optional<pdfverify::FileReport> take(std::size_t i) {
    auto it = m_at.find(i);
    if (it == m_at.end() || !it->second.valid()) return std::nullopt;
    return it->second.get();
  }

 private:
  std::map<std::size_t, std::future<pdfverify::FileReport>> m_at;
};

// `one` over `files` on up to `jobs` threads, reported in order; `cancelled` stops handing out
// files (the ones not verified get no report). `probes` files are verified ahead (Probes).
void inOrder(const std::vector<fs::path>& files, std::size_t jobs, std::size_t probes,
             const std::function<pdfverify::FileReport(const fs::path&)>& one,
             const std::function<void(std::size_t, pdfverify::FileReport&&)>& onReport,
             const std::function<bool()>& cancelled) {
  struct Stop {};
  try {
    Probes ahead(files, probes, one);
    orderedParallel<std::optional<pdfverify::FileReport>>(
        files.size(), std::max<std::size_t>(jobs, 1),
        [&](std::size_t i) -> std::optional<pdfverify::FileReport> {
          if (auto done = ahead.take(i)) return done;
          if (cancelled && cancelled()) return std::nullopt;
          return one(files[i]);
        },
        [&](std::size_t i, std::optional<pdfverify::FileReport>&& r) {
          if (!r) throw Stop{};
          onReport(i, std::move(*r));
        });
  } catch (const Stop&) {
  }
}

}  // namespace

void VerifyJob::verifyPdfs(
    const std::vector<fs::path>& files, std::size_t jobs,
    const std::function<void(std::size_t, pdfverify::FileReport&&)>& onReport,
    const std::function<bool()>& cancelled) {
  inOrder(
      files, jobs, probeCount(files.size()), [this](const fs::path& f) { return verifyPdf(f); },
      onReport, cancelled);
}

pdfverify::FileReport VerifyJob::verifyDocument(const fs::path& file, Lang lang) {
  const DocumentFormat format = formatOf(file);
  if (format == DocumentFormat::DetachedSignature) {
    DetachedReport d;
    try {
      d = verifyDetached(file, std::nullopt);
    } catch (const std::exception& e) {  // bad_alloc
      d.file = file;
      d.readError =
          Error::kyso(Errc::InputTooLarge, "verifyCmsSlowly", e.what()).because(Detail::Technical);
    }
    return asDocumentReport(d);
  }
  if (format != DocumentFormat::Xml) return verifyPdf(file);
  XmlFileReport x;
  try {
    x = verifyXml(file);
  } catch (const std::exception& e) {  // bad_alloc
    x.file = file;
    x.readError =
        Error::kyso(Errc::InputTooLarge, "verifyXmlSlowly", e.what()).because(Detail::Technical);
  }
  return asDocumentReport(x, lang);
}

void VerifyJob::verifyDocuments(
    const std::vector<fs::path>& files, std::size_t jobs, Lang lang,
    const std::function<void(std::size_t, pdfverify::FileReport&&)>& onReport,
    const std::function<bool()>& cancelled) {
  inOrder(
      files, jobs, probeCount(files.size()),
      [this, lang](const fs::path& f) { return verifyDocument(f, lang); }, onReport, cancelled);
}

DetachedReport VerifyJob::verifyDetached(const fs::path& file,
                                         const std::optional<fs::path>& content) {
  DetachedReport o;
  o.file = file;
  auto der = readSmallFile(file, 64u << 20);
  if (!der.ok()) {
    o.readError = der.error();
    return o;
  }
  std::error_code ec;
  o.content = content;
  if (!o.content && hasSuffix(file.string(), ".p7s")) {
    const std::string s = file.string();
    fs::path guess = s.substr(0, s.size() - 4);
    if (fs::is_regular_file(guess, ec)) o.content = guess;
  }
  if (o.content && !fs::is_regular_file(*o.content, ec)) {
    o.contentError = Error::kyso(Errc::FileNotFound, "open", o.content->string());
    return o;
  }
  std::span<const unsigned char> bytes(reinterpret_cast<const unsigned char*>(der->data()),
                                       der->size());
  const cms::VerifyOptions& opt = m_profile->cmsOptions();
  if (o.content) {
    cms::DetachedContent c = cms::DetachedContent::fromFile(o.content->string());
    o.report = cms::verifyCmsSlowly(bytes, &c, opt);
  } else {
    o.report = cms::verifyCmsSlowly(bytes, nullptr, opt);
  }
  return o;
}

void VerifyJob::verifyDetachedFiles(
    const std::vector<fs::path>& files, const std::optional<fs::path>& content, std::size_t jobs,
    const std::function<void(std::size_t, DetachedReport&&)>& onReport) {
  orderedParallel<DetachedReport>(
      files.size(), std::max<std::size_t>(jobs, 1),
      [&](std::size_t i) {
        try {
          return verifyDetached(files[i], content);
        } catch (const std::exception& e) {  // bad_alloc
          DetachedReport r;
          r.file = files[i];
          r.readError = Error::kyso(Errc::InputTooLarge, "verifyCmsSlowly", e.what())
                            .because(Detail::Technical);
          return r;
        }
      },
      onReport);
}

XmlFileReport VerifyJob::verifyXml(const fs::path& file) {
  XmlFileReport o;
  o.file = file;
  o.report = xml::verifyXmlSlowly({file, {}}, m_profile->cmsOptions());
  // A file that cannot be opened or read is the file's error, not the document's verdict.
  if (o.report.error && (o.report.error->kind == Errc::FileNotFound ||
                         o.report.error->kind == Errc::FileUnreadable)) {
    o.readError = o.report.error;
    o.report = {};
  }
  return o;
}

void VerifyJob::verifyXmlFiles(const std::vector<fs::path>& files, std::size_t jobs,
                               const std::function<void(std::size_t, XmlFileReport&&)>& onReport) {
  orderedParallel<XmlFileReport>(
      files.size(), std::max<std::size_t>(jobs, 1),
      [&](std::size_t i) {
        try {
          return verifyXml(files[i]);
        } catch (const std::exception& e) {  // bad_alloc
          XmlFileReport r;
          r.file = files[i];
          r.readError = Error::kyso(Errc::InputTooLarge, "verifyXmlSlowly", e.what())
                            .because(Detail::Technical);
          return r;
        }
      },
      onReport);
}

}  // namespace kyso::jobs
