#include "src/cli/kyso/args.h"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string_view>

#include "core/utf8.h"
#include "src/cli/kyso/words.h"

namespace kyso::cli {

namespace {
/// The Vietnamese text under vi(), the English otherwise. A help text written in English alone
/// falls back to English; under KYSO_HELP_CHECK=1 (help_language_test) it is marked, so that the
/// test finds it.
std::string inCliLanguage(const HelpText& t) {
  if (!vi()) return t.en;
  if (!t.vi.empty() || t.en.empty()) return t.vi;
  const char* check = std::getenv("KYSO_HELP_CHECK");
  return check && std::string(check) == "1" ? "[untranslated] " + t.en : t.en;
}
constexpr std::size_t kHelpWidth = 100;  // columns of a help page
constexpr std::size_t kOptionColumn = 28;

/// `text` broken at spaces into lines of at most `width` columns after `indent` columns; the
/// first line continues what is already written (`used` columns), the others start with `indent`
/// spaces. A word longer than a line stays whole.
std::string wrapped(const std::string& text, std::size_t used, std::size_t indent,
                    std::size_t width) {
  std::string out;
  std::size_t col = used;
  std::size_t start = 0;
  bool first = true;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + start, end - start);
    if (!first && col + 1 + utf8Columns(word) > width) {
      out += '\n' + std::string(indent, ' ');
      col = indent;
    } else if (!first) {
      out += ' ';
      ++col;
    }
    out += word;
    col += utf8Columns(word);
    first = false;
    start = end + 1;
  }
  return out;
}

/// The usage text with its prose lines broken to the page's width; a line that shows a command
/// (an example, a usage line) or is indented stays whole, so that it can be copied.
std::string wrappedUsage(const std::string& usage) {
  std::string out;
  std::size_t start = 0;
  while (start < usage.size()) {
    std::size_t end = usage.find('\n', start);
    if (end == std::string::npos) end = usage.size();
    const std::string line = usage.substr(start, end - start);
    const bool keep = utf8Columns(line) <= kHelpWidth || line.starts_with(" ") ||
                      line.find("kyso ") != std::string::npos;
    out += keep ? line : wrapped(line, 0, 0, kHelpWidth);
    if (end < usage.size()) out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

ArgParser& ArgParser::flag(const std::string& name, char s, HelpText help) {
  m_specs[name] = {Kind::Flag, s, std::move(help), {}};
  m_order.push_back(name);
  return *this;
}
ArgParser& ArgParser::flagAlias(const std::string& name, const std::string& target, HelpText help) {
  m_specs[name] = {Kind::Flag, 0, std::move(help), target};
  m_order.push_back(name);
  return *this;
}
ArgParser& ArgParser::value(const std::string& name, char s, HelpText help) {
  m_specs[name] = {Kind::Value, s, std::move(help), {}};
  m_order.push_back(name);
  return *this;
}
ArgParser& ArgParser::multi(const std::string& name, char s, HelpText help) {
  m_specs[name] = {Kind::Multi, s, std::move(help), {}};
  m_order.push_back(name);
  return *this;
}

ArgParser& ArgParser::usage(HelpText text) {
  m_usage = std::move(text);
  return *this;
}

Status ArgParser::parse(const std::vector<std::string>& args) {
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!options_done && (a == "--help" || a == "-h") && !m_specs.count("help")) {
      const std::string text = helpText();
      std::fwrite(text.data(), 1, text.size(), stdout);
      std::fflush(stdout);
      std::exit(0);
    }
    if (options_done || a.size() < 2 || a[0] != '-' || a == "-") {
      m_positional.push_back(a);
      continue;
    }
    if (a == "--") {
      options_done = true;
      continue;
    }
    std::string name;
    std::optional<std::string> inline_value;
    if (a[1] == '-') {
      auto eq = a.find('=');
      name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      if (eq != std::string::npos) inline_value = a.substr(eq + 1);
    } else {
      if (a.size() != 2)
        return Error::kyso(Errc::UsageError, "parse",
                           say("unknown option ", "không có tùy chọn ") + a);
      for (const auto& [n, spec] : m_specs)
        if (spec.short_name == a[1]) name = n;
      if (name.empty())
        return Error::kyso(Errc::UsageError, "parse",
                           say("unknown option ", "không có tùy chọn ") + a);
    }
    auto it = m_specs.find(name);
    if (it == m_specs.end()) {
      if (name == "pin")
        return Error::kyso(Errc::UsageError, "parse",
                           say("a PIN is never taken on the command line; use the prompt, "
                               "--pin-stdin, --pin-file or --pin-env",
                               "không bao giờ nhận PIN trên dòng lệnh; hãy nhập khi được hỏi, "
                               "hoặc dùng --pin-stdin, --pin-file hay --pin-env"));
      return Error::kyso(Errc::UsageError, "parse",
                         say("unknown option --", "không có tùy chọn --") + name);
    }
    if (it->second.kind == Kind::Flag) {
      if (inline_value)
        return Error::kyso(Errc::UsageError, "parse",
                           "--" + name + say(" takes no value", " không nhận giá trị"));
      m_values[name].push_back("1");
      if (!it->second.alsoSets.empty()) m_values[it->second.alsoSets].push_back("1");
      continue;
    }
    std::string v;
    if (inline_value) {
      v = *inline_value;
    } else {
      if (i + 1 >= args.size())
        return Error::kyso(Errc::UsageError, "parse",
                           "--" + name + say(" needs a value", " cần một giá trị"));
      v = args[++i];
    }
    if (it->second.kind == Kind::Value) m_values[name].clear();
    m_values[name].push_back(std::move(v));
  }
  return {};
}

bool ArgParser::has(const std::string& name) const {
  return m_values.count(name) != 0;
}

std::optional<std::string> ArgParser::get(const std::string& name) const {
  auto it = m_values.find(name);
  if (it == m_values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::string ArgParser::getOr(const std::string& name, const std::string& fallback) const {
  auto v = get(name);
  return v ? *v : fallback;
}

std::optional<long> ArgParser::getInt(const std::string& name, long lo, long hi,
                                      long fallback) const {
  auto v = get(name);
  if (!v) return fallback;
  std::size_t used = 0;
  long n = 0;
  try {
    n = std::stol(*v, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (used == 0 || used != v->size() || n < lo || n > hi) return std::nullopt;
  return n;
}

std::vector<std::string> ArgParser::all(const std::string& name) const {
  auto it = m_values.find(name);
  return it == m_values.end() ? std::vector<std::string>{} : it->second;
}

std::string ArgParser::helpText() const {
  std::string text = wrappedUsage(inCliLanguage(m_usage));
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text + say("Options:\n", "Tùy chọn:\n") + optionHelp();
}

std::string ArgParser::optionHelp() const {
  std::string out;
  for (const auto& name : m_order) {
    const Spec& s = m_specs.at(name);
    std::string left = "  ";
    if (s.short_name) left += std::string("-") + s.short_name + ", ";
    left += "--" + name;
    if (s.kind != Kind::Flag) left += " VALUE";
    if (left.size() < kOptionColumn)
      left.resize(kOptionColumn, ' ');
    else
      left += "  ";
    out += left + wrapped(inCliLanguage(s.help), left.size(), kOptionColumn, kHelpWidth) + "\n";
  }
  return out;
}

}  // namespace kyso::cli
