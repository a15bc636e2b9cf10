// makeAppearance: from what the user asked for (kind, template, images, placement options, fields)
// and the document to be signed, the finished Appearance for the PDF signer: the form XObject with
// its image and font objects, the page and the widget's /Rect. Reads the PDF, the PNGs, the
// template and font files; writes nothing. Blocks on file reads and text extraction only.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "src/appearance/appearance.h"
#include "src/appearance/raster_image.h"
#include "src/appearance/template.h"

namespace kyso::appearance {

/// One visible-signature request.
struct Request {
  Kind kind = Kind::Approved;
  std::filesystem::path pdf;  // the document to be signed (read only)
  std::string templateSpec;   // "" = shipped default; a shipped name or a file path
  std::optional<std::filesystem::path> image;  // handwriting (approved) or seal (issued)
  /// The image's PNG bytes when it comes from elsewhere than a file (the unit's seal stored in the
  /// inventory); `image` wins when both are given.
  std::optional<std::string> imageData;
  ImageOptions imageOptions;
  std::optional<double> sealSizeMm;  // the seal's real diameter when the PNG has no pHYs
  std::optional<int> page;           // 1-based, negative from the end
  std::optional<std::string> rect;   // "X,Y,W,H" from the page's top-left (pt or mm)
  /// Field values: name, title, org, doc_number, issued_date, copy_form, arrival_number (UTF-8).
  /// time and date are made from signingTime unless given.
  std::map<std::string, std::string> fields;
  std::chrono::system_clock::time_point signingTime;
};

/// Builds the appearance; errors: UsageError (a missing option, named in the context),
/// ImageInvalid, ImageTooLarge, FontMissing, TemplateInvalid, PdfPageOutOfRange, RectangleOffPage,
/// PlacementNotFound, ApprovalNotFound, TextDoesNotFit, and the PDF's own errors.
Result<Appearance> makeAppearance(const Request& request);

/// The ISO 8601 signing time in Vietnam time: "2026-09-06T16:01:42+07:00".
std::string vietnamIsoTime(std::chrono::system_clock::time_point t);
/// "06/09/2026" in Vietnam time.
std::string vietnamDate(std::chrono::system_clock::time_point t);
/// "sao-y" / "SAO Y" / "sao y" -> "SAO Y"; also SAO LỤC and TRÍCH SAO; UsageError otherwise.
Result<std::string> copyFormText(std::string_view word);

}  // namespace kyso::appearance
