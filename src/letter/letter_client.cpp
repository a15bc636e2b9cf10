// renderLetterPdf, renderHandwritingPng and renderSealPng for programs: they call into
// kyso-letter.so, loaded on first use (see letter_module.h). ComponentUnavailable when the module
// is missing.
#include "core/module_loader.h"
#include "src/letter/handwriting_png.h"
#include "src/letter/letter_module.h"
#include "src/letter/seal_png.h"

namespace kyso::letter {
namespace {

Result<const LetterApi*> api() {
  return modules::loadApi<LetterApi>("kyso-letter.so", "kyso_letter_api");
}

}  // namespace

Status renderLetterPdf(const std::string& text, const std::filesystem::path& out,
                       const LetterOptions& opt) {
  KYSO_ASSIGN_OR_RETURN(const LetterApi* m, api());
  return m->renderLetterPdf(text, out, opt);
}

Status renderHandwritingPng(const std::string& name, const std::filesystem::path& out) {
  KYSO_ASSIGN_OR_RETURN(const LetterApi* m, api());
  return m->renderHandwritingPng(name, out);
}

Status renderSealPng(const std::string& ring, const std::string& centre,
                     const std::filesystem::path& out) {
  KYSO_ASSIGN_OR_RETURN(const LetterApi* m, api());
  return m->renderSealPng(ring, centre, out);
}

}  // namespace kyso::letter
