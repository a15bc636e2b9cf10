// libFuzzer target over the verifier's entry point: PDF bytes in, every report out. Built only
// with -DKYSO_BUILD_FUZZ=ON and clang. The verifier runs without a CMS layer here, so no input may
// ever come out as TOTAL-PASSED: that, a crash, a hang or a sanitizer report is a finding.
#include <cstddef>
#include <cstdint>
#include <string>

#include "src/pdfverify/file_bytes.h"
#include "src/pdfverify/report.h"
#include "src/pdfverify/verifier.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kyso::pdfverify;
  auto bytes =
      FileBytes::fromMemory(std::string(reinterpret_cast<const char*>(data), size), "fuzz.pdf");
  VerifyOptions opt;
  opt.budget = std::chrono::milliseconds(3000);
  // The visual guard hands the file to poppler (kyso-render.so), which is fuzzed by its own
  // project; this target fuzzes kyso's reading of the file.
  opt.visual.enabled = false;
  FileReport r = verifyPdf(bytes, opt);
  std::string out = reportJson(r).dump();
  out += reportText(r, kyso::Lang::En);
  out += reportHtml({r}, kyso::Lang::Vi);
  if (r.indication == Indication::TotalPassed) __builtin_trap();
  for (auto& s : r.signatures)
    if (s.indication == Indication::TotalPassed) __builtin_trap();
  return out.empty() ? 1 : 0;
}
