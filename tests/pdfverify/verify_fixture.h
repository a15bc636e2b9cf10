// Shared by the pdfverify tests: runs the verifier the way the CLI does (offline, the CMS layer
// when it is part of the build, chosen anchors, a validation time) on a file or on bytes.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "src/pdfverify/verifier.h"
#include "tests/support/softhsm_fixture.h"  // TempDir, runTool, haveTool, KYSO_REQUIRE_TOOL

namespace kyso::test {

/// A verifier configured for tests: no network; `anchors` (PEM files) trusted; `at` (ISO 8601)
/// as the validation time when given.
class TestVerifier {
 public:
  TestVerifier(const std::vector<std::filesystem::path>& anchors, const std::string& at);
  ~TestVerifier();
  pdfverify::FileReport file(const std::filesystem::path& p);
  pdfverify::FileReport bytes(const std::string& data, const std::string& name = "test.pdf");
  /// True when the CMS layer is linked (intact/crypto expectations can be checked).
  static bool hasCms();

 private:
  struct Impl;
  std::unique_ptr<Impl> m;
};

/// Text of every change of signature `i` (for failure messages and searches).
std::string changesText(const pdfverify::FileReport& r, std::size_t i);

}  // namespace kyso::test
