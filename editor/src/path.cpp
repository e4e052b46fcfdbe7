#include <practicum/editor/path.hpp>

#include <cctype>

namespace practicum::editor {

namespace {
// "entities[2].body.mass" -> steps; nullopt when malformed
std::optional<std::vector<Path::Step>> parse(std::string_view path) {
  std::vector<Path::Step> steps;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '[') {
      // an index: [digits]
      std::size_t j = i + 1, value = 0;
      if (j >= path.size() || !std::isdigit(static_cast<unsigned char>(path[j])))
        return std::nullopt;
      while (j < path.size() && std::isdigit(static_cast<unsigned char>(path[j]))) {
        if (value > 1'000'000'000) return std::nullopt;
        value = value * 10 + std::size_t(path[j] - '0');
        ++j;
      }
      if (j >= path.size() || path[j] != ']') return std::nullopt;
      steps.emplace_back(value);
      i = j + 1;
      if (i < path.size() && path[i] == '.') {
        ++i;
        if (i == path.size()) return std::nullopt;
      }
      continue;
    }
    // a member name: up to the next '.' or '['
    std::size_t j = i;
    while (j < path.size() && path[j] != '.' && path[j] != '[') ++j;
    if (j == i) return std::nullopt;
    steps.emplace_back(std::string(path.substr(i, j - i)));
    i = j;
    if (i < path.size() && path[i] == '.') {
      ++i;
      if (i == path.size()) return std::nullopt;
    }
  }
  return steps;
}

std::string format(const std::vector<Path::Step>& steps) {
  std::string out;
  for (const auto& s : steps) {
    if (const auto* key = std::get_if<std::string>(&s)) {
      if (!out.empty()) out += '.';
      out += *key;
    } else {
      out += '[' + std::to_string(std::get<std::size_t>(s)) + ']';
    }
  }
  return out;
}
}  // namespace

Path::Path(std::string_view text) : text_(text) {
  if (auto steps = parse(text))
    steps_ = std::move(*steps);
  else
    valid_ = false;
}

Path Path::of(std::vector<Step> steps) {
  Path p;
  p.steps_ = std::move(steps);
  p.text_ = format(p.steps_);
  return p;
}

Path Path::child(std::string_view key) const {
  std::vector<Step> steps = steps_;
  steps.emplace_back(std::string(key));
  return of(std::move(steps));
}

Path Path::element(std::size_t index) const {
  std::vector<Step> steps = steps_;
  steps.emplace_back(index);
  return of(std::move(steps));
}

Path Path::parent() const {
  if (steps_.empty()) return {};
  return of(std::vector<Step>(steps_.begin(), steps_.end() - 1));
}

std::string_view Path::key() const {
  if (steps_.empty()) return {};
  const auto* k = std::get_if<std::string>(&steps_.back());
  return k ? std::string_view(*k) : std::string_view();
}

std::optional<std::size_t> Path::index() const {
  if (steps_.empty()) return std::nullopt;
  const auto* i = std::get_if<std::size_t>(&steps_.back());
  return i ? std::optional(*i) : std::nullopt;
}

Path Path::item() const {
  for (std::size_t n = 0; n < steps_.size(); ++n)
    if (std::holds_alternative<std::size_t>(steps_[n]))
      return of(std::vector<Step>(steps_.begin(), steps_.begin() + std::ptrdiff_t(n) + 1));
  if (steps_.empty()) return {};
  return of({steps_.front()});
}

std::optional<std::size_t> Path::indexIn(const Path& list) const {
  const std::size_t n = list.steps_.size();
  if (!valid_ || !list.valid_ || steps_.size() <= n || !startsWith(list)) return std::nullopt;
  const auto* i = std::get_if<std::size_t>(&steps_[n]);
  return i ? std::optional(*i) : std::nullopt;
}

bool Path::startsWith(const Path& prefix) const {
  if (prefix.steps_.size() > steps_.size()) return false;
  for (std::size_t n = 0; n < prefix.steps_.size(); ++n)
    if (steps_[n] != prefix.steps_[n]) return false;
  return true;
}

}  // namespace practicum::editor
