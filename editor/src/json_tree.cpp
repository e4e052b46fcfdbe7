#include "json_tree.hpp"

#include <cctype>

namespace practicum::editor::detail {

namespace {
template <typename J>
J* walk(J& root, const std::vector<PathStep>& steps) {
  J* at = &root;
  for (const auto& s : steps) {
    if (const auto* key = std::get_if<std::string>(&s)) {
      if (!at->is_object()) return nullptr;
      auto it = at->find(*key);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else {
      const std::size_t index = std::get<std::size_t>(s);
      if (!at->is_array() || index >= at->size()) return nullptr;
      at = &(*at)[index];
    }
  }
  return at;
}

bool scalar(const Json& v) { return !v.is_object() && !v.is_array(); }

void write(const Json& v, int indent, std::string& out) {
  const std::string pad(std::size_t(indent) + 2, ' ');
  if (v.is_object()) {
    if (v.empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (auto it = v.begin(); it != v.end(); ++it) {
      if (!first) out += ",\n";
      first = false;
      out += pad;
      out += Json(it.key()).dump(-1, ' ', false, Json::error_handler_t::replace);
      out += ": ";
      write(it.value(), indent + 2, out);
    }
    out += '\n' + std::string(std::size_t(indent), ' ') + '}';
    return;
  }
  if (v.is_array()) {
    if (v.empty()) {
      out += "[]";
      return;
    }
    // a short row of scalars stays on one line
    bool allScalar = true;
    for (const auto& e : v) allScalar = allScalar && scalar(e);
    if (allScalar) {
      std::string line = "[";
      for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) line += ", ";
        line += v[i].dump(-1, ' ', false, Json::error_handler_t::replace);
      }
      line += ']';
      if (line.size() <= 80) {
        out += line;
        return;
      }
    }
    out += "[\n";
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (i) out += ",\n";
      out += pad;
      write(v[i], indent + 2, out);
    }
    out += '\n' + std::string(std::size_t(indent), ' ') + ']';
    return;
  }
  out += v.dump(-1, ' ', false, Json::error_handler_t::replace);
}
}  // namespace

const Json* find(const Json& root, const std::vector<PathStep>& steps) { return walk(root, steps); }
Json* find(Json& root, const std::vector<PathStep>& steps) { return walk(root, steps); }

std::string layout(const Json& root) {
  std::string out;
  write(root, 0, out);
  out += '\n';
  return out;
}

namespace {
// reads nothing but where the first syntax error is (no exceptions)
struct ErrorFinder : nlohmann::json_sax<Json> {
  std::size_t byte = 0;
  std::string message;
  bool null() override { return true; }
  bool boolean(bool) override { return true; }
  bool number_integer(number_integer_t) override { return true; }
  bool number_unsigned(number_unsigned_t) override { return true; }
  bool number_float(number_float_t, const string_t&) override { return true; }
  bool string(string_t&) override { return true; }
  bool binary(binary_t&) override { return true; }
  bool start_object(std::size_t) override { return true; }
  bool key(string_t&) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t) override { return true; }
  bool end_array() override { return true; }
  bool parse_error(std::size_t position, const std::string&,
                   const nlohmann::detail::exception& e) override {
    byte = position;
    message = e.what();
    return false;
  }
};
}  // namespace

core::Result<Json> parseJson(std::string_view text, std::string_view what) {
  // strict JSON; a BOM is accepted as the scenario loader accepts it
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  Json parsed = Json::parse(text, nullptr, false);
  if (!parsed.is_discarded()) return parsed;
  // say where: line and column of the first error
  ErrorFinder finder;
  (void)Json::sax_parse(text, &finder);
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i + 1 < finder.byte && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return core::makeError(core::ErrorCode::Parse, std::string(what) + ":" + std::to_string(line) +
                                                     ":" + std::to_string(column) + ": not JSON (" +
                                                     finder.message + ")");
}

}  // namespace practicum::editor::detail
