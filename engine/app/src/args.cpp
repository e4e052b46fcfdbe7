#include "args.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace practicum::app {

core::Result<Args> Args::parse(const std::vector<std::string>& argv,
                               const std::set<std::string>& flags,
                               const std::set<std::string>& options) {
  Args a;
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      a.positionals_.push_back(arg);
      continue;
    }
    std::string name = arg.substr(2);
    std::optional<std::string> inlineValue;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      inlineValue = name.substr(eq + 1);
      name = name.substr(0, eq);
    }
    if (flags.count(name) && !inlineValue) {
      a.flags_.insert(name);
    } else if (options.count(name)) {
      if (inlineValue) {
        a.values_[name].push_back(*inlineValue);
      } else if (i + 1 < argv.size()) {
        a.values_[name].push_back(argv[++i]);
      } else {
        return core::makeError(core::ErrorCode::InvalidArgument, "--" + name + " needs a value");
      }
    } else {
      return core::makeError(core::ErrorCode::InvalidArgument, "unknown option --" + name);
    }
  }
  return a;
}

std::optional<std::string> Args::value(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::values(const std::string& name) const {
  const auto it = values_.find(name);
  return it == values_.end() ? std::vector<std::string>() : it->second;
}

std::vector<std::filesystem::path> Args::paths(const std::string& name) const {
  const std::vector<std::string> given = values(name);
  return {given.begin(), given.end()};
}

core::Result<double> Args::number(const std::string& name, double fallback) const {
  const auto v = value(name);
  if (!v) return fallback;
  char* end = nullptr;
  const double d = std::strtod(v->c_str(), &end);
  if (v->empty() || *end != '\0' || !std::isfinite(d))
    return core::makeError(core::ErrorCode::InvalidArgument,
                           "--" + name + " expects a number, got \"" + *v + "\"");
  return d;
}

bool readLanguage(const Args& args, const char* command, scenario::Language& out) {
  const auto lang = args.value("lang");
  if (!lang) return true;
  if (*lang == "zh-CN" || *lang == "zh") {
    out = scenario::Language::ChineseSimplified;
  } else if (*lang == "en") {
    out = scenario::Language::English;
  } else {
    std::fprintf(stderr, "%s: --lang must be en or zh-CN\n", command);
    return false;
  }
  return true;
}

}  // namespace practicum::app
