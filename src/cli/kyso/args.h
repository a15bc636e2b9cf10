// ArgParser: a small declared-options command-line parser. Options are declared before parsing
// (flags, single values, repeatable values) so that an unknown option is a usage error, not a
// silent typo. Accepts `--name value`, `--name=value` and `-x value`; `--` ends options.
// PINs are never accepted as values: there is no option for them (see pin_source.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace kyso::cli {

/// A help text in both of the CLI's languages, written `{"English", "Tiếng Việt"}`; --help prints
/// the one the CLI speaks (words.h). There is no one-language form: a plain string does not
/// convert, and `{"English"}` alone fails the build (-Wmissing-field-initializers with -Werror);
/// an empty Vietnamese text is found by help_language_test.
struct HelpText {
  std::string en;
  std::string vi;
};

class ArgParser {
 public:
  /// Declares a boolean flag `--name` (and `-s` if short_name is not 0).
  ArgParser& flag(const std::string& name, char short_name = 0, HelpText help = {});
  /// Declares `--name VALUE`; the last occurrence wins.
  ArgParser& value(const std::string& name, char short_name = 0, HelpText help = {});
  /// Declares `--name VALUE` that may be repeated.
  ArgParser& multi(const std::string& name, char short_name = 0, HelpText help = {});

  /// Declares the flag `--name` as also setting the flag `target` (e.g. `kyso token`'s --force is
  /// --force-login, while `kyso sign`'s --force only means "replace the output").
  ArgParser& flagAlias(const std::string& name, const std::string& target, HelpText help = {});

  /// What `--help` prints above the options: the usage line(s), accepted values, an example.
  ArgParser& usage(HelpText text);

  /// Parses argv[first..]; on a usage error returns Errc::UsageError with the offending word.
  /// `--help` or `-h`, when the command does not declare `help` itself, prints usage() and the
  /// options on stdout and ends the process with exit code 0 (nothing has been opened yet when a
  /// command parses its line).
  Status parse(const std::vector<std::string>& args);

  bool has(const std::string& name) const;
  std::optional<std::string> get(const std::string& name) const;
  std::string getOr(const std::string& name, const std::string& fallback) const;
  /// --name as a whole number from `lo` to `hi`; `fallback` when it is not given; nullopt when it
  /// is given but is not such a number (the caller reports the usage error).
  std::optional<long> getInt(const std::string& name, long lo, long hi, long fallback) const;
  std::vector<std::string> all(const std::string& name) const;
  const std::vector<std::string>& positional() const { return m_positional; }

  /// "  --name VALUE   help" lines for --help output.
  std::string optionHelp() const;
  /// The whole --help page in the CLI's language: usage(), then "Options:" and optionHelp().
  std::string helpText() const;

 private:
  enum class Kind { Flag, Value, Multi };
  struct Spec {
    Kind kind;
    char short_name;
    HelpText help;
    std::string alsoSets;  // for flag aliases
  };
  std::map<std::string, Spec> m_specs;
  std::map<std::string, std::vector<std::string>> m_values;
  std::vector<std::string> m_positional;
  std::vector<std::string> m_order;
  HelpText m_usage;
};

}  // namespace kyso::cli
