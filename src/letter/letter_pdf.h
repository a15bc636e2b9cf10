// Renders an official letter (công văn) from its UTF-8 text to a PDF with cairo, laid out the way
// a clerk's word processor does under Decree 30: A4, Times-metric serif (Liberation Serif or
// Tinos), 13 pt body, the national motto at the top right, the signer's block (title, then room
// for the signature, then the name) at the bottom right. Used by `kyso demo` and by the test
// fixtures that need a realistic letter to sign. Blocks on file I/O only.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace kyso::letter {

struct LetterOptions {
  std::string organisation = "SỞ Y TẾ THỪA THIÊN HUẾ";  // the issuing body, top left
  std::string fontFamily = "Liberation Serif";
  int repeatBody = 1;  // copies of the body text, for longer test documents
};

/// Renders `text` (the letter as in resources/samples/*.txt: paragraphs separated by blank lines;
/// the signer's title and name are the last two non-empty lines) into `out` through a temporary
/// file and a rename. Refuses to overwrite an existing file.
Status renderLetterPdf(const std::string& text, const std::filesystem::path& out,
                       const LetterOptions& opt = {});

}  // namespace kyso::letter
