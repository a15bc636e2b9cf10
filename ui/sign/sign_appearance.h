// The Sign tab's link to kyso_appearance: the visible signature for one file (the kind, the image,
// the signer's details from the certificate and, when the person placed it, the rectangle from
// the preview), the automatic placement the preview starts from, and the images the inventory
// keeps (the person's handwriting for "approved", the unit's seal for "issued"). Plain functions
// that block on file reads and the database: call them off the UI thread.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/result.h"
#include "src/appearance/appearance.h"

namespace kyso::ui {

/// What the certificate says about the signer (UTF-8), printed in the appearance.
struct SignerFields {
  std::string name, title, org;
  /// What the document adds, by the appearance's field names: doc_number (issued, appendix),
  /// arrival_number (incoming), copy_form (copy: sao-y, sao-luc, trich-sao). Empty ones are left
  /// out (the template then says which it needs).
  std::map<std::string, std::string> document;
};

/// A rectangle on one page, in PDF default user space.
struct PlacedRect {
  int pageIndex = 0;  // 0-based
  appearance::PdfRect rect;
};

/// The appearance for `pdf`. `kind`: approved | issued | copy | appendix | incoming | invisible
/// (nullopt for invisible). `image`: the handwriting or seal PNG (empty: none). `placed`: the
/// person's rectangle; nullopt lets the template place it (as `kyso sign --kind` does).
Result<std::optional<appearance::Appearance>> buildAppearance(
    const std::string& kind, const std::filesystem::path& pdf, const std::filesystem::path& image,
    const SignerFields& signer, const std::optional<PlacedRect>& placed,
    std::chrono::system_clock::time_point signingTime);

/// Where the signature would go without the person's help: the template's own placement when it
/// can be computed (with the image when one is known), else, for approved and issued without an
/// image, an image-sized box between the signer's title and name (findSignerSlot) or over the
/// approval signature (findApprovalWidget). Errors as makeAppearance (PlacementNotFound, ...);
/// UsageError for "invisible".
Result<PlacedRect> automaticPlacement(const std::string& kind, const std::filesystem::path& pdf,
                                      const std::filesystem::path& image,
                                      const SignerFields& signer);

/// The PNG the inventory keeps for the certificate with this SHA-256 (hex): the holder's
/// handwriting for "approved", the unit's seal for "issued"; nullopt when the register has no
/// such certificate, person, unit or image, or for other kinds. `location`: the inventory
/// (empty: the default).
Result<std::optional<std::string>> inventoryImage(const std::string& location,
                                                  const std::string& certSha256,
                                                  const std::string& kind);

}  // namespace kyso::ui
