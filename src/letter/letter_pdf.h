// Renders an official letter (công văn) from its UTF-8 text to a PDF with cairo, laid out the way
// a clerk's word processor does under Decree 30 (Appendix I, form 1.4): A4, Times-metric serif
// (Liberation Serif or Tinos), 13 pt body; two header columns, each with a rule under it (the
// issuing body over "Số: .../SYT-VP" and the "V/v" summary at the left; the national motto over
// the place and date in italics at the right); the signer's block (title, then room for the
// signature, then the name) at the bottom right. Used by `kyso demo` and by the test fixtures that
// need a realistic letter to sign. Blocks on file I/O only.
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace kyso::letter {

struct LetterOptions {
  std::string organisation = "SỞ Y TẾ";  // the issuing body, top left, under its superior
  std::string fontFamily = "Liberation Serif";
  int repeatBody = 1;  // copies of the body text, for longer test documents
  // As the clerk prints a letter for the leader to approve, before it is issued: the number and
  // the day and month left blank ("Số:        /SYT-VP", "ngày      tháng      năm 2026"), for
  // `kyso sign --kind issued` to fill in. `year` replaces the text's year when set.
  bool blankNumberAndDate = false;
  int year = 0;
};

/// Renders `text` (the letter as in resources/samples/*.txt: paragraphs separated by blank lines;
/// before "Kính gửi", the "Số:" line, the "..., ngày ... tháng ... năm ..." line and the "V/v"
/// lines go to the header; the signer's title and name are the last two non-empty lines) into
/// `out` through a temporary file and a rename. Refuses to overwrite an existing file.
Status renderLetterPdf(const std::string& text, const std::filesystem::path& out,
                       const LetterOptions& opt = {});

}  // namespace kyso::letter
