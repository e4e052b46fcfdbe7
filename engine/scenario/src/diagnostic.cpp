#include <practicum/scenario/scenario.hpp>

#include <algorithm>

namespace practicum::scenario {

std::string Diagnostic::format() const {
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
  s += severity == Severity::Error ? "error: " : "warning: ";
  if (!path.empty()) s += path + ": ";
  s += message;
  return s;
}

std::size_t LoadResult::errorCount() const {
  return static_cast<std::size_t>(
      std::count_if(diagnostics.begin(), diagnostics.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

}  // namespace practicum::scenario
