#include <practicum/scenario/scenario.hpp>

#include <algorithm>

namespace practicum::scenario {

const std::string& Diagnostic::messageIn(Language language) const {
  return language == Language::ChineseSimplified && !messageZh.empty() ? messageZh : message;
}

std::string Diagnostic::format(Language language) const {
  // "file:line:column: error: path: message", leaving out what is unknown
  std::string s;
  if (!file.empty()) {
    s += file;
    if (line > 0) {
      s += ':' + std::to_string(line);
      if (column > 0) s += ':' + std::to_string(column);
    }
    s += ": ";
  }
  const bool zh = language == Language::ChineseSimplified;
  if (severity == Severity::Error)
    s += zh ? "错误: " : "error: ";
  else
    s += zh ? "警告: " : "warning: ";
  if (!path.empty()) s += path + ": ";
  s += messageIn(language);
  return s;
}

std::size_t LoadResult::errorCount() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

}  // namespace practicum::scenario
