// The table of the module kyso-letter.so, which holds the cairo renderers (letter_pdf.cpp,
// handwriting_png.cpp, seal_png.cpp). The kyso_letter library's render functions load it
// on first use (letter_client.cpp), so that cairo and the X libraries behind it are loaded only by
// `kyso demo` and the fixtures, never at kyso's start-up.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "core/result.h"
#include "src/letter/letter_pdf.h"

namespace kyso::letter {

struct LetterApi {
  static constexpr std::uint32_t kAbi = 3;
  std::uint32_t abi;
  Status (*renderLetterPdf)(const std::string& text, const std::filesystem::path& out,
                            const LetterOptions& opt);
  Status (*renderHandwritingPng)(const std::string& name, const std::filesystem::path& out);
  Status (*renderSealPng)(const std::string& ring, const std::string& centre,
                          const std::filesystem::path& out);
};

}  // namespace kyso::letter
