// The entry of kyso-letter.so (see letter_module.h).
#include "src/letter/letter_module.h"

#include "core/module_loader.h"
#include "src/letter/handwriting_png.h"
#include "src/letter/seal_png.h"

namespace kyso::letter {
namespace {

constexpr LetterApi kApi{LetterApi::kAbi, &renderLetterPdf, &renderHandwritingPng, &renderSealPng};

}  // namespace
}  // namespace kyso::letter

extern "C" KYSO_MODULE_EXPORT const void* kyso_letter_api() {
  return &kyso::letter::kApi;
}
