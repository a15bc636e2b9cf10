// Makes a stand-in for a unit's round red seal (con dấu): the organisation's name around the ring,
// a star and the unit's short name in the middle, on a transparent background, as a PNG. For the
// demo only: a real seal is scanned and kept in the inventory (`kyso inventory unit edit --seal`).
#pragma once

#include <filesystem>
#include <string>

#include "core/result.h"

namespace kyso::letter {

/// Writes the PNG (400x400 pixels, RGBA) to `out` through a temporary file and a rename; replaces
/// an existing file. `ring` goes around the edge, `centre` under the star.
Status renderSealPng(const std::string& ring, const std::string& centre,
                     const std::filesystem::path& out);

}  // namespace kyso::letter
