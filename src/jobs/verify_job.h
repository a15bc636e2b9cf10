// VerifyJob: verifies PDFs, detached signatures and XML files with one VerifyProfile, several at
// once, reporting each file's result in the order given as soon as it and those before it are
// ready. Also: the one folder walk that decides which files of a folder a verification covers.
//
//   auto profile = jobs::VerifyProfile::create(settings);
//   jobs::VerifyJob job(*profile);
//   job.verifyPdfs(files, 4, [&](std::size_t i, pdfverify::FileReport&& r) { ... });
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "src/jobs/verify_profile.h"
#include "src/pdfverify/cms_checker.h"
#include "src/pdfverify/model.h"
#include "src/xml/xml_verify.h"

namespace kyso::jobs {

/// The signed files in a folder and below it, by format (document_format.h), each list sorted.
struct FolderFiles {
  std::vector<std::filesystem::path> pdfs, detachedSignatures, xmls;
};
/// InputTooLarge past 100 000 files; the folder's read errors as they are.
Result<FolderFiles> signedFilesIn(const std::filesystem::path& folder);

/// The outcome of one detached signature (.p7s, .p7m).
struct DetachedReport {
  std::filesystem::path file;
  /// The signed file checked against it: the one given, else for "x.p7s" the file "x" beside it.
  std::optional<std::filesystem::path> content;
  std::optional<Error> readError;     // the signature file could not be read
  std::optional<Error> contentError;  // the content given does not exist
  cms::CmsReport report;              // when neither error
};

/// The outcome of one XML file.
struct XmlFileReport {
  std::filesystem::path file;
  std::optional<Error> readError;  // the file could not be read
  xml::XmlReport report;           // when it could
};

class VerifyJob {
 public:
  explicit VerifyJob(std::shared_ptr<const VerifyProfile> profile);

  /// One PDF, on the calling thread. Never throws: an unreadable file, or one too large for
  /// memory, is a report with its error.
  pdfverify::FileReport verifyPdf(const std::filesystem::path& file);

  /// `files` on up to `jobs` threads; `onReport(i, report)` in the order given, on the calling
  /// thread. `cancelled` (polled before each file; may be empty) stops handing out files: the
  /// files not verified get no report.
  void verifyPdfs(const std::vector<std::filesystem::path>& files, std::size_t jobs,
                  const std::function<void(std::size_t, pdfverify::FileReport&&)>& onReport,
                  const std::function<bool()>& cancelled = {});

  /// One detached signature, on the calling thread. `content`: the signed file (nullopt: the
  /// file beside it for a .p7s, or the content inside a .p7m).
  DetachedReport verifyDetached(const std::filesystem::path& file,
                                const std::optional<std::filesystem::path>& content);

  /// `files` on up to `jobs` threads, reported in order as verifyPdfs does.
  void verifyDetachedFiles(const std::vector<std::filesystem::path>& files,
                           const std::optional<std::filesystem::path>& content, std::size_t jobs,
                           const std::function<void(std::size_t, DetachedReport&&)>& onReport);

  /// One XML file's signatures (XML-DSig), on the calling thread.
  XmlFileReport verifyXml(const std::filesystem::path& file);

  /// `files` on up to `jobs` threads, reported in order as verifyPdfs does.
  void verifyXmlFiles(const std::vector<std::filesystem::path>& files, std::size_t jobs,
                      const std::function<void(std::size_t, XmlFileReport&&)>& onReport);

  /// Any file by its format (document_format.h): a PDF, or an XML file or a detached signature
  /// (.p7s over the file beside it, .p7m) as a document report (xml_document_report.h,
  /// detached_document_report.h; findings in `lang`). Never throws.
  pdfverify::FileReport verifyDocument(const std::filesystem::path& file, Lang lang);

  /// `files` of both formats on up to `jobs` threads, reported in order as verifyPdfs does.
  void verifyDocuments(const std::vector<std::filesystem::path>& files, std::size_t jobs, Lang lang,
                       const std::function<void(std::size_t, pdfverify::FileReport&&)>& onReport,
                       const std::function<bool()>& cancelled = {});

  const VerifyProfile& profile() const { return *m_profile; }

 private:
  // How many files a folder of `files` verifies ahead to ask every signer's questions early.
  std::size_t probeCount(std::size_t files) const;
  std::shared_ptr<const VerifyProfile> m_profile;
  // Read-only while verifying (chain builders and revocation checkers are made per call), so
  // files may be verified on several threads at once.
  pdfverify::KysoCmsChecker m_checker;
};

}  // namespace kyso::jobs
