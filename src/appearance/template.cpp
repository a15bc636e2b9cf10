#include "src/appearance/template.h"

#include <algorithm>

#include "core/atomic_file.h"
#include "core/json.h"
#include "src/appearance/default_templates.h"

namespace kyso::appearance {
namespace {

Error bad(const std::string& what) {
  return Error::kyso(Errc::TemplateInvalid, "parse_template", what);
}

Result<double> number(const Json& j, const std::string& key, double lo, double hi) {
  if (!j.isInt() && !j.isDouble()) return bad(key + ": not a number");
  const double v = j.asDouble();
  if (v < lo || v > hi) return bad(key + ": out of range");
  return v;
}

Result<Area> area(const Json& j, const std::string& key) {
  if (!j.isArray() || j.size() != 4) return bad(key + ": needs [x, y, w, h]");
  Area a;
  KYSO_ASSIGN_OR_RETURN(a.x, number(j[0], key, 0, 1));
  KYSO_ASSIGN_OR_RETURN(a.y, number(j[1], key, 0, 1));
  KYSO_ASSIGN_OR_RETURN(a.w, number(j[2], key, 0.01, 1));
  KYSO_ASSIGN_OR_RETURN(a.h, number(j[3], key, 0.01, 1));
  if (a.x + a.w > 1.0001 || a.y + a.h > 1.0001) return bad(key + ": leaves the box");
  return a;
}

Result<Rgb> color(const Json& j, const std::string& key) {
  if (!j.isString()) return bad(key + ": needs \"#rrggbb\"");
  const std::string& s = j.asString();
  if (s.size() != 7 || s[0] != '#') return bad(key + ": needs \"#rrggbb\"");
  double c[3];
  for (int i = 0; i < 3; ++i) {
    unsigned v = 0;
    for (int k = 0; k < 2; ++k) {
      const char h = s[static_cast<std::size_t>(1 + i * 2 + k)];
      unsigned d = 0;
      if (h >= '0' && h <= '9')
        d = static_cast<unsigned>(h - '0');
      else if (h >= 'a' && h <= 'f')
        d = static_cast<unsigned>(h - 'a' + 10);
      else if (h >= 'A' && h <= 'F')
        d = static_cast<unsigned>(h - 'A' + 10);
      else
        return bad(key + ": needs \"#rrggbb\"");
      v = v * 16 + d;
    }
    c[i] = v / 255.0;
  }
  return Rgb{c[0], c[1], c[2]};
}

Result<std::pair<double, double>> pair(const Json& j, const std::string& key, double lo,
                                       double hi) {
  if (!j.isArray() || j.size() != 2) return bad(key + ": needs [a, b]");
  KYSO_ASSIGN_OR_RETURN(double a, number(j[0], key, lo, hi));
  KYSO_ASSIGN_OR_RETURN(double b, number(j[1], key, lo, hi));
  return std::pair{a, b};
}

}  // namespace

Result<Kind> parseKind(std::string_view w) {
  if (w == "approved") return Kind::Approved;
  if (w == "issued") return Kind::Issued;
  if (w == "copy") return Kind::Copy;
  if (w == "appendix") return Kind::Appendix;
  if (w == "incoming") return Kind::Incoming;
  return Error::kyso(Errc::UsageError, "kind", std::string(w));
}

std::string_view kindName(Kind k) {
  switch (k) {
    case Kind::Approved:
      return "approved";
    case Kind::Issued:
      return "issued";
    case Kind::Copy:
      return "copy";
    case Kind::Appendix:
      return "appendix";
    case Kind::Incoming:
      return "incoming";
  }
  return "approved";
}

const std::vector<KindInfo>& kinds() {
  static const std::vector<KindInfo> k = {
      {"approved", Kind::Approved, "", "handwriting", false},
      {"issued", Kind::Issued, "doc_number", "seal", true},
      {"copy", Kind::Copy, "copy_form", "", false},
      {"appendix", Kind::Appendix, "doc_number", "", false},
      {"incoming", Kind::Incoming, "arrival_number", "", false},
      {"invisible", std::nullopt, "", "", false},
  };
  return k;
}

const KindInfo* findKind(std::string_view word) {
  for (const KindInfo& k : kinds())
    if (k.word == word) return &k;
  return nullptr;
}

std::string kindWords() {
  std::string out;
  for (const KindInfo& k : kinds()) {
    if (!out.empty()) out += '|';
    out += k.word;
  }
  return out;
}

const std::vector<std::string>& knownFields() {
  static const std::vector<std::string> k = {"name",        "title",     "org",
                                             "time",        "date",      "doc_number",
                                             "issued_date", "copy_form", "arrival_number"};
  return k;
}

Result<std::vector<std::string>> fieldsIn(std::string_view line) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '{') {
      if (i + 1 < line.size() && line[i + 1] == '{') {
        ++i;
        continue;
      }
      const std::size_t end = line.find('}', i);
      if (end == std::string_view::npos) return bad("unclosed { in \"" + std::string(line) + "\"");
      std::string name(line.substr(i + 1, end - i - 1));
      const auto& known = knownFields();
      if (std::find(known.begin(), known.end(), name) == known.end())
        return bad("unknown field {" + name + "}");
      out.push_back(std::move(name));
      i = end;
    } else if (line[i] == '}') {
      if (i + 1 < line.size() && line[i + 1] == '}') {
        ++i;
        continue;
      }
      return bad("stray } in \"" + std::string(line) + "\"");
    }
  }
  return out;
}

Result<Template> parseTemplate(std::string_view text) {
  auto parsed = Json::parse(text);
  if (!parsed.ok()) return bad("not JSON: " + parsed.error().context);
  const Json& j = *parsed;
  if (!j.isObject()) return bad("not a JSON object");
  if (!j["format"].isString() || j["format"].asString() != "kyso-appearance/1")
    return bad("format");
  static const std::vector<std::string> keys = {"format", "kind",   "description", "placement",
                                                "page",   "box_mm", "margin_mm",   "overlap",
                                                "border", "image",  "text",        "letter"};
  for (const auto& [k, v] : j.members())
    if (std::find(keys.begin(), keys.end(), k) == keys.end()) return bad("unknown key " + k);
  Template t;
  if (!j["kind"].isString()) return bad("kind");
  auto kind = parseKind(j["kind"].asString());
  if (!kind.ok()) return bad("kind");
  t.kind = *kind;
  const std::string placement = j["placement"].isString() ? j["placement"].asString() : "";
  if (placement == "between-title-and-name")
    t.placement = Template::Placement::BetweenTitleAndName;
  else if (placement == "over-approval")
    t.placement = Template::Placement::OverApproval;
  else if (placement == "top-right")
    t.placement = Template::Placement::TopRight;
  else if (placement == "top-free-space")
    t.placement = Template::Placement::TopFreeSpace;
  else if (placement == "rect")
    t.placement = Template::Placement::RectOnly;
  else
    return bad("placement");
  if (j.contains("page")) {
    if (!j["page"].isInt() || j["page"].asInt() == 0) return bad("page");
    t.page = static_cast<int>(j["page"].asInt());
  }
  if (j.contains("box_mm")) {
    KYSO_ASSIGN_OR_RETURN(auto b, pair(j["box_mm"], "box_mm", 1, 1000));
    t.boxWidthMm = b.first;
    t.boxHeightMm = b.second;
  }
  if (j.contains("margin_mm")) {
    KYSO_ASSIGN_OR_RETURN(auto m, pair(j["margin_mm"], "margin_mm", 0, 500));
    t.marginTopMm = m.first;
    t.marginRightMm = m.second;
  }
  if (j.contains("overlap")) {
    KYSO_ASSIGN_OR_RETURN(t.overlap, number(j["overlap"], "overlap", 0.05, 1));
  }
  if (j.contains("border")) {
    const Json& b = j["border"];
    KYSO_ASSIGN_OR_RETURN(t.borderWidth, number(b["width"], "border.width", 0, 20));
    KYSO_ASSIGN_OR_RETURN(t.borderColor, color(b["color"], "border.color"));
  }
  if (j.contains("image")) {
    const Json& im = j["image"];
    if (!im.isObject()) return bad("image");
    t.hasImage = true;
    t.imageRole = im["role"].isString() ? im["role"].asString() : "";
    if (t.imageRole != "signature" && t.imageRole != "seal") return bad("image.role");
    if (im.contains("area")) {
      KYSO_ASSIGN_OR_RETURN(t.imageArea, area(im["area"], "image.area"));
    }
    if (im.contains("fill")) {
      KYSO_ASSIGN_OR_RETURN(t.imageFill, number(im["fill"], "image.fill", 0.1, 1));
    }
    if (im.contains("max_width_mm")) {
      KYSO_ASSIGN_OR_RETURN(t.imageMaxWidthMm,
                            number(im["max_width_mm"], "image.max_width_mm", 1, 1000));
    }
  }
  if (j.contains("text")) {
    const Json& tx = j["text"];
    if (!tx.isObject()) return bad("text");
    t.hasText = true;
    if (tx.contains("area")) {
      KYSO_ASSIGN_OR_RETURN(t.textArea, area(tx["area"], "text.area"));
    }
    if (tx.contains("font")) {
      if (!tx["font"].isString() || tx["font"].asString().empty()) return bad("text.font");
      t.font = tx["font"].asString();
    }
    if (tx.contains("size")) {
      KYSO_ASSIGN_OR_RETURN(t.fontSize, number(tx["size"], "text.size", 2, 72));
    }
    t.minFontSize = t.fontSize;
    if (tx.contains("min_size")) {
      KYSO_ASSIGN_OR_RETURN(t.minFontSize, number(tx["min_size"], "text.min_size", 2, 72));
    }
    if (t.minFontSize > t.fontSize) return bad("text.min_size is larger than text.size");
    if (tx.contains("line_spacing")) {
      KYSO_ASSIGN_OR_RETURN(t.lineSpacing, number(tx["line_spacing"], "text.line_spacing", 0.8, 3));
    }
    if (tx.contains("color")) {
      KYSO_ASSIGN_OR_RETURN(t.textColor, color(tx["color"], "text.color"));
    }
    const std::string align = tx["align"].isString() ? tx["align"].asString() : "left";
    if (align == "left")
      t.align = Template::Align::Left;
    else if (align == "center")
      t.align = Template::Align::Center;
    else if (align == "right")
      t.align = Template::Align::Right;
    else
      return bad("text.align");
    if (!tx["lines"].isArray() || tx["lines"].size() == 0 || tx["lines"].size() > 20)
      return bad("text.lines");
    for (const Json& l : tx["lines"].items()) {
      if (!l.isString()) return bad("text.lines");
      KYSO_ASSIGN_OR_RETURN(auto unused, fieldsIn(l.asString()));
      (void)unused;
      t.lines.push_back(l.asString());
    }
  }
  if (j.contains("letter")) {
    const Json& le = j["letter"];
    if (!le.isObject()) return bad("letter");
    for (const auto& [k, v] : le.members())
      if (k != "page" && k != "number_after" && k != "fill_date" && k != "font" && k != "color")
        return bad("unknown key letter." + k);
    t.hasLetter = true;
    if (le.contains("page")) {
      if (!le["page"].isInt() || le["page"].asInt() == 0) return bad("letter.page");
      t.letterPage = static_cast<int>(le["page"].asInt());
    }
    if (le.contains("number_after")) {
      if (!le["number_after"].isString() || le["number_after"].asString().empty() ||
          le["number_after"].asString().find(' ') != std::string::npos)
        return bad("letter.number_after: needs one word such as \"Số:\"");
      t.numberAfter = le["number_after"].asString();
    }
    if (le.contains("fill_date")) {
      if (!le["fill_date"].isBool()) return bad("letter.fill_date");
      t.fillDate = le["fill_date"].asBool();
    }
    if (le.contains("font")) {
      if (!le["font"].isString() || le["font"].asString().empty()) return bad("letter.font");
      t.letterFont = le["font"].asString();
    }
    if (le.contains("color")) {
      KYSO_ASSIGN_OR_RETURN(t.letterColor, color(le["color"], "letter.color"));
    }
    if (t.numberAfter.empty() && !t.fillDate)
      return bad("letter: neither number_after nor fill_date");
    if (t.kind != Kind::Issued) return bad("letter: only for kind issued");
  }
  if (!t.hasImage && !t.hasText) return bad("neither image nor text");
  if (t.placement == Template::Placement::OverApproval && !t.hasImage)
    return bad("placement " + placement + " needs an image");
  return t;
}

Result<Template> loadTemplate(const std::filesystem::path& path) {
  KYSO_ASSIGN_OR_RETURN(std::string text, readSmallFile(path, 1u << 20));
  auto t = parseTemplate(text);
  if (!t.ok()) t.error().addWhere(path.string());
  return t;
}

std::string_view defaultTemplateJson(Kind kind) {
  switch (kind) {
    case Kind::Approved:
      return shipped::kApproved;
    case Kind::Issued:
      return shipped::kIssued;
    case Kind::Copy:
      return shipped::kCopy;
    case Kind::Appendix:
      return shipped::kAppendix;
    case Kind::Incoming:
      return shipped::kIncoming;
  }
  return shipped::kApproved;
}

std::string_view shippedTemplateJson(std::string_view name) {
  if (name == "approved") return shipped::kApproved;
  if (name == "issued") return shipped::kIssued;
  if (name == "copy") return shipped::kCopy;
  if (name == "appendix") return shipped::kAppendix;
  if (name == "incoming") return shipped::kIncoming;
  if (name == "approved-with-text") return shipped::kApprovedWithText;
  if (name == "approved-name") return shipped::kApprovedName;
  return {};
}

Result<Template> defaultTemplate(Kind kind) {
  return parseTemplate(defaultTemplateJson(kind));
}

}  // namespace kyso::appearance
