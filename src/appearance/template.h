// Appearance templates: the documented JSON format (templates/README.md) that says where a visible
// signature goes and what it shows, so that a unit can adapt the look without code. The defaults
// for every kind are compiled in from src/appearance/templates/*.json.
#pragma once

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace kyso::appearance {

/// The signing kinds of the government signing plug-in that users know.
enum class Kind { Approved, Issued, Copy, Appendix, Incoming };

/// "approved" -> Kind::Approved ...; UsageError for other words.
Result<Kind> parseKind(std::string_view word);
std::string_view kindName(Kind kind);

/// One kind as the front ends offer it (the CLI's --kind and its help, the Sign tab's list and
/// the detail row it shows): what the document must give for it and which image it prints.
struct KindInfo {
  std::string_view word;           // "approved" ... "invisible"
  std::optional<Kind> kind;        // nullopt: "invisible" (no appearance)
  std::string_view documentField;  // "doc_number", "arrival_number", "copy_form" or ""
  std::string_view imageRole;      // "handwriting", "seal" or "" (none printed)
  bool printsIssuedDate = false;   // the letter's "ngày ... tháng ... năm" line
};
/// Every kind, in the order people are offered them ("invisible" last).
const std::vector<KindInfo>& kinds();
/// The entry for `word`; nullptr for an unknown word.
const KindInfo* findKind(std::string_view word);
/// "approved|issued|copy|appendix|incoming|invisible".
std::string kindWords();

/// The errors of makeAppearance for a missing part speak of the part, never of a front end's
/// option: UsageError with operation "appearance_field" and the field's id as context ("name",
/// "title", "doc_number", "issued_date", "arrival_number", "copy_form"), "appearance_image"
/// (context "image"), "appearance_rect" (context "rect"). Each front end names them in its words.

/// A fractional area of the box: x, y from the top-left corner, width, height (0..1).
struct Area {
  double x = 0, y = 0, w = 1, h = 1;
};

/// An RGB colour with components 0..1.
struct Rgb {
  double r = 0, g = 0, b = 0;
};

/// A parsed template. Plain data; validated by parseTemplate.
struct Template {
  enum class Placement { BetweenTitleAndName, OverApproval, TopRight, TopFreeSpace, RectOnly };
  Kind kind = Kind::Approved;
  Placement placement = Placement::RectOnly;
  std::optional<int> page;  // 1-based, negative from the end
  double boxWidthMm = 60, boxHeightMm = 25;
  double marginTopMm = 6, marginRightMm = 10;
  double overlap = 1.0 / 3.0;
  double borderWidth = 0;
  Rgb borderColor;
  bool hasImage = false;
  std::string imageRole;  // "signature" or "seal"
  Area imageArea;
  double imageFill = 0.8;
  double imageMaxWidthMm = 0;  // 0: no limit
  bool hasText = false;
  Area textArea;
  std::string font = "serif";
  double fontSize = 10, minFontSize = 7, lineSpacing = 1.2;
  Rgb textColor;
  enum class Align { Left, Center, Right } align = Align::Left;
  std::vector<std::string> lines;  // with {field} placeholders
  // Filled in on the letter's own lines (issued): the document number after the word
  // `numberAfter` ("Số:"; empty = not asked) and, when `fillDate`, the issue date in the blanks of
  // the place-and-date line "..., ngày ... tháng ... năm ...", on page `letterPage`, in the
  // letter's font size (measured on the page).
  bool hasLetter = false;
  int letterPage = 1;
  std::string numberAfter;
  bool fillDate = false;
  std::string letterFont = "serif";
  Rgb letterColor;
};

/// Parses and validates template JSON (TemplateInvalid with the offending key as context).
Result<Template> parseTemplate(std::string_view json);
/// Reads a template file (FileNotFound / FileUnreadable / TemplateInvalid).
Result<Template> loadTemplate(const std::filesystem::path& path);
/// The shipped template for a kind.
Result<Template> defaultTemplate(Kind kind);
/// The shipped template's JSON text (for `--print-template` and tests).
std::string_view defaultTemplateJson(Kind kind);
/// A shipped template by file name without ".json" ("copy", "approved-with-text"); empty if none.
std::string_view shippedTemplateJson(std::string_view name);

/// The field names a line uses ("{name} - {time}" -> name, time); TemplateInvalid for bad braces.
Result<std::vector<std::string>> fieldsIn(std::string_view line);
/// The fields every template may use.
const std::vector<std::string>& knownFields();

}  // namespace kyso::appearance
