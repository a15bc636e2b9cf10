#include "src/cli/kyso/args.h"

#include <cstdio>
#include <cstdlib>
#include <exception>

namespace kyso::cli {

ArgParser& ArgParser::flag(const std::string& name, char s, std::string help) {
  m_specs[name] = {Kind::Flag, s, std::move(help), {}};
  m_order.push_back(name);
  return *this;
}
ArgParser& ArgParser::flagAlias(const std::string& name, const std::string& target,
                                std::string help) {
  m_specs[name] = {Kind::Flag, 0, std::move(help), target};
  m_order.push_back(name);
  return *this;
}
ArgParser& ArgParser::value(const std::string& name, char s, std::string help) {
  m_specs[name] = {Kind::Value, s, std::move(help), {}};
  m_order.push_back(name);
  return *this;
}
ArgParser& ArgParser::multi(const std::string& name, char s, std::string help) {
  m_specs[name] = {Kind::Multi, s, std::move(help), {}};
  m_order.push_back(name);
  return *this;
}

ArgParser& ArgParser::usage(std::string text) {
  m_usage = std::move(text);
  return *this;
}

Status ArgParser::parse(const std::vector<std::string>& args) {
  bool options_done = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (!options_done && (a == "--help" || a == "-h") && !m_specs.count("help")) {
      std::string text = m_usage;
      if (!text.empty() && text.back() != '\n') text += '\n';
      text += "Options:\n" + optionHelp();
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
      if (a.size() != 2) return Error::kyso(Errc::UsageError, "parse", "unknown option " + a);
      for (const auto& [n, spec] : m_specs)
        if (spec.short_name == a[1]) name = n;
      if (name.empty()) return Error::kyso(Errc::UsageError, "parse", "unknown option " + a);
    }
    auto it = m_specs.find(name);
    if (it == m_specs.end()) {
      if (name == "pin")
        return Error::kyso(Errc::UsageError, "parse",
                           "a PIN is never taken on the command line; use the prompt, "
                           "--pin-stdin, --pin-file or --pin-env");
      return Error::kyso(Errc::UsageError, "parse", "unknown option --" + name);
    }
    if (it->second.kind == Kind::Flag) {
      if (inline_value)
        return Error::kyso(Errc::UsageError, "parse", "--" + name + " takes no value");
      m_values[name].push_back("1");
      if (!it->second.alsoSets.empty()) m_values[it->second.alsoSets].push_back("1");
      continue;
    }
    std::string v;
    if (inline_value) {
      v = *inline_value;
    } else {
      if (i + 1 >= args.size())
        return Error::kyso(Errc::UsageError, "parse", "--" + name + " needs a value");
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

std::string ArgParser::optionHelp() const {
  std::string out;
  for (const auto& name : m_order) {
    const Spec& s = m_specs.at(name);
    std::string left = "  ";
    if (s.short_name) left += std::string("-") + s.short_name + ", ";
    left += "--" + name;
    if (s.kind != Kind::Flag) left += " VALUE";
    if (left.size() < 28)
      left.resize(28, ' ');
    else
      left += "  ";
    out += left + s.help + "\n";
  }
  return out;
}

}  // namespace kyso::cli
