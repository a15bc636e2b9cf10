// Makes a stand-in for a leader's handwritten signature: the name written in a blue italic serif
// with an underline flourish, on a transparent background, as a PNG. For the demo only: a real
// handwriting image is scanned and kept in the inventory (per person).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace kyso::letter {

/// Writes the PNG (about 600x220 pixels, RGBA) to `out` through a temporary file and a rename;
/// replaces an existing file.
Status renderHandwritingPng(const std::string& name, const std::filesystem::path& out);

}  // namespace kyso::letter
