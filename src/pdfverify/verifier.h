// verifyPdf: the PDF signature verifier's entry point. For every signature (approval,
// certification, document timestamp) it checks the dictionary and the ByteRange rules, reads
// /Contents from the file bytes, has the CmsChecker judge the cryptography, finds the revision the
// signature covers and analyses every later change, and turns all of it into ETSI indications.
// Bad input of any kind gives a FileReport with status "error" or a failing verdict, never a crash
// or "valid": hard limits (revisions, objects, nesting, stream sizes, a time budget) are built in.
// Blocks on the file system, and on the network when the CmsChecker goes online.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>

#include "src/pdfverify/crypto_check.h"
#include "src/pdfverify/file_bytes.h"
#include "src/pdfverify/model.h"
#include "src/pdfverify/visual_guard.h"

namespace kyso::pdfverify {

struct VerifyOptions {
  CmsChecker* cms = nullptr;  // borrowed; null: cryptography is not judged (INDETERMINATE)
  std::chrono::milliseconds budget{8000};  // wall-clock limit for the structure analysis
  std::size_t max_revisions = 5000;
  std::size_t max_signatures = 200;
  std::uint64_t raw_scan_limit = 32u << 20;  // files up to this size also get a raw byte scan
  VisualGuardOptions visual;  // rendering each signed revision against the document now
};

/// Verifies one PDF. Never throws.
FileReport verifyPdf(std::shared_ptr<const FileBytes> bytes, const VerifyOptions& opt);
/// Opens `path` read-only and verifies it; a file that cannot be opened is an error report.
FileReport verifyPdfFile(const std::filesystem::path& path, const VerifyOptions& opt);

}  // namespace kyso::pdfverify
