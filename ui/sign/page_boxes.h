// Reads each page's MediaBox, CropBox and /Rotate (inherited attributes included) with qpdf, for
// the placement preview. Read-only: the input file is never opened for writing. Blocks on file
// I/O; fine on the UI thread for a single PDF of normal size.
#pragma once

#include <filesystem>
#include <vector>

#include "core/result.h"
#include "ui/sign/placement.h"

namespace kyso::ui {

/// One PageGeometry per page, in page order. Errors: NotAPdf, PdfEncrypted, PdfDamaged.
Result<std::vector<PageGeometry>> readPageGeometry(const std::filesystem::path& pdf);

}  // namespace kyso::ui
