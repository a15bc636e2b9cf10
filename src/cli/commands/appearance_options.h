// The visible-signature options of `kyso sign` (Decree 30/2020 appearances) and their translation
// into an appearance::Appearance for the PDF signer. cmd_sign.cpp declares them with
// addAppearanceOptions() and, after parsing, calls appearanceFromOptions(); nullopt means an
// invisible signature.
#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>

#include "core/result.h"
#include "src/appearance/appearance.h"
#include "src/cli/kyso/args.h"

namespace kyso::cli {

/// What the signer's certificate says about the signer (UTF-8; empty when absent).
/// What --kind issued without --seal says: the seal is needed, and where it can come from.
std::string sealNeededText();

struct SignerDetails {
  std::string name;   // CN
  std::string title;  // title (2.5.4.12)
  std::string org;    // O
  /// The seal of the certificate's unit, as the inventory stores it (PNG): what --kind issued
  /// stamps when --seal is not given.
  std::optional<std::string> unitSeal;
};

/// Declares --kind, --image, --seal, --seal-size-mm, --white-transparent, --copy-form, --org,
/// --doc-number, --issued-date, --arrival-number, --page, --rect, --template, --signer-name,
/// --signer-title.
void addAppearanceOptions(ArgParser& parser);

/// Builds the appearance for `inputPdf` (read only) from the parsed options, the certificate's
/// details (options override them) and the signing time. nullopt for --kind invisible or no --kind
/// and no appearance option. Errors as appearance::makeAppearance, plus UsageError for bad values.
Result<std::optional<appearance::Appearance>> appearanceFromOptions(
    const ArgParser& args, const std::filesystem::path& inputPdf, const SignerDetails& signer,
    std::chrono::system_clock::time_point signingTime);

}  // namespace kyso::cli
