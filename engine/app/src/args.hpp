#pragma once
// A small command-line parser: positionals and --flag / --option VALUE / --option=VALUE.
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <practicum/core/result.hpp>
#include <practicum/scenario/text.hpp>

namespace practicum::app {

/// Parsed command line of one subcommand.
class Args {
 public:
  /// Parses argv against the known flags (no value) and options (one value); unknown names
  /// and missing values are errors.
  static core::Result<Args> parse(const std::vector<std::string>& argv,
                                  const std::set<std::string>& flags,
                                  const std::set<std::string>& options);

  bool has(const std::string& name) const { return flags_.count(name) || values_.count(name); }
  /// The option's value; the last one when it was given more than once.
  std::optional<std::string> value(const std::string& name) const;
  /// Every value of a repeatable option, in the order given (empty when absent).
  std::vector<std::string> values(const std::string& name) const;
  /// values(name) as paths.
  std::vector<std::filesystem::path> paths(const std::string& name) const;
  /// The option as a number; error naming the option when it is not one.
  core::Result<double> number(const std::string& name, double fallback) const;
  const std::vector<std::string>& positionals() const { return positionals_; }

 private:
  std::set<std::string> flags_;
  std::map<std::string, std::vector<std::string>> values_;
  std::vector<std::string> positionals_;
};

/// Reads `--lang en|zh-CN` (zh too) into `out` (left as it is when the option is absent); on
/// another value prints "<command>: --lang must be en or zh-CN" and returns false.
bool readLanguage(const Args& args, const char* command, scenario::Language& out);

}  // namespace practicum::app
