// Sentence templates with numbered places: "page {1} added" filled with {"2"}. Shared by every
// layer's table of sentences (the CMS layer's notes, pdfverify's problems and change kinds).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kyso {

/// Replaces {1}..{9} in `tmpl` with args[0..8]; a place without an argument is kept as written.
inline std::string fillPlaceholders(std::string_view tmpl, const std::vector<std::string>& args) {
  std::string out;
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    if (tmpl[i] == '{' && i + 2 < tmpl.size() && tmpl[i + 1] >= '1' && tmpl[i + 1] <= '9' &&
        tmpl[i + 2] == '}') {
      const auto n = static_cast<std::size_t>(tmpl[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        i += 2;
        continue;
      }
    }
    out += tmpl[i];
  }
  return out;
}

}  // namespace kyso
