#include "checker.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "json_path.hpp"

namespace practicum::scenario::detail {

using nlohmann::json;

bool Range::contains(double v) const {
  const bool aboveLo = loOpen ? v > lo : v >= lo;
  const bool belowHi = hiOpen ? v < hi : v <= hi;
  return aboveLo && belowHi;
}

LocalizedText Range::describe() const {
  const bool hasLo = std::isfinite(lo);
  const bool hasHi = std::isfinite(hi);
  const auto lower = [&] {
    return loOpen ? say("greater than {}", "大于 {}", lo) : say("at least {}", "至少为 {}", lo);
  };
  const auto upper = [&] {
    return hiOpen ? say("less than {}", "小于 {}", hi) : say("at most {}", "至多为 {}", hi);
  };
  if (hasLo && hasHi) {
    if (!loOpen && !hiOpen) return say("must be between {} and {}", "必须在 {} 到 {} 之间", lo, hi);
    return say("must be {} and {}", "必须{}且{}", lower(), upper());
  }
  if (hasLo) {
    if (lo == 0 && !loOpen) return say("must not be negative", "不能为负数");
    return say("must be {}", "必须{}", lower());
  }
  if (hasHi) return say("must be {}", "必须{}", upper());
  return say("must be a number", "必须是数值");
}

LocalizedText typeName(const json& v) {
  switch (v.type()) {
    case json::value_t::null: return {"null", "null"};
    case json::value_t::object: return {"对象", "an object"};
    case json::value_t::array: return {"数组", "an array"};
    case json::value_t::string: return {"字符串", "a string"};
    case json::value_t::boolean: return {"布尔值", "a boolean"};
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float: return {"数值", "a number"};
    default: return {"不支持的值", "an unsupported value"};
  }
}

LocalizedText noun(std::string_view english) {
  static constexpr std::pair<std::string_view, std::string_view> kNouns[] = {
      {"entity", "实体"},      {"material", "材质"}, {"joint", "关节"}, {"device", "设备"},
      {"variable", "变量"},    {"step", "步骤"},     {"zone", "区域"},  {"rule", "规则"},
      {"fault", "故障"},       {"part", "零件"},     {"tool", "工具"},  {"position", "位置"},
      {"indicator", "指示器"},
  };
  for (const auto& [en, zh] : kNouns)
    if (en == english) return {std::string(zh), std::string(en)};
  return verbatim(std::string(english));
}

LocalizedText bothLanguages() {
  return say("an object with both zh-CN and en", "一个同时含“zh-CN”和“en”的对象");
}

std::optional<std::string> suggest(std::string_view word,
                                   const std::vector<std::string_view>& candidates) {
  // case-insensitive Levenshtein distance, one row at a time
  const auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; };
  const auto distance = [&](std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
      std::size_t diagonal = row[0];
      row[0] = i;
      for (std::size_t j = 1; j <= b.size(); ++j) {
        const std::size_t up = row[j];
        const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
        row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + cost});
        diagonal = up;
      }
    }
    return row[b.size()];
  };
  // accept up to a third of the word's length in edits (at least one, at most three)
  const std::size_t limit = std::clamp<std::size_t>(word.size() / 3, 1, 3);
  std::optional<std::string> best;
  std::size_t bestDistance = limit + 1;
  for (const auto candidate : candidates) {
    const std::size_t d = distance(word, candidate);
    if (d < bestDistance && d < std::max(word.size(), candidate.size())) {
      bestDistance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

void Checker::add(Severity severity, const std::string& path, TextPosition at,
                  LocalizedText message) {
  out_.push_back(
      {severity, file_, path, at.line, at.column, std::move(message.en), std::move(message.zhCN)});
}

void Checker::error(const std::string& path, LocalizedText message) {
  add(Severity::Error, path, doc_.valueAt(path), std::move(message));
}

void Checker::errorAtKey(const std::string& path, LocalizedText message) {
  add(Severity::Error, path, doc_.keyAt(path), std::move(message));
}

void Checker::missing(const std::string& parentPath, std::string_view key, LocalizedText detail) {
  LocalizedText message = say("missing required field \"{}\"", "缺少必填字段“{}”", key);
  if (!detail.en.empty()) message += say(" ({})", "（{}）", detail);
  add(Severity::Error, at(parentPath, key), doc_.valueAt(parentPath), std::move(message));
}

void Checker::warning(const std::string& path, LocalizedText message) {
  add(Severity::Warning, path, doc_.keyAt(path), std::move(message));
}

bool Checker::expectObject(const json& v, const std::string& path) {
  if (v.is_object()) return true;
  error(path, say("expected an object, got {}", "应为对象，实为{}", typeName(v)));
  return false;
}

bool Checker::expectArray(const json& v, const std::string& path) {
  if (v.is_array()) return true;
  error(path, say("expected an array, got {}", "应为数组，实为{}", typeName(v)));
  return false;
}

void Checker::checkKeys(const json& obj, const std::string& path,
                        std::initializer_list<std::string_view> allowed) {
  checkKeys(obj, path, std::vector<std::string_view>(allowed));
}

void Checker::checkKeys(const json& obj, const std::string& path, std::string_view place,
                        std::optional<std::string_view> kind) {
  std::vector<std::string_view> names;
  if (const PlaceSpec* spec = findPlace(place))
    for (const FieldSpec& f : spec->fields)
      if (!kind || applies(f, kind)) names.push_back(f.name);
  checkKeys(obj, path, names);
}

void Checker::checkKeys(const json& obj, const std::string& path,
                        const std::vector<std::string_view>& names) {
  for (const auto& [key, value] : obj.items()) {
    if (std::find(names.begin(), names.end(), key) != names.end()) continue;
    LocalizedText message = say("unknown field \"{}\"", "未知字段“{}”", key);
    if (const auto close = suggest(key, names)) {
      message += say("; did you mean \"{}\"?", "；是否想写“{}”？", *close);
    } else {
      message += say("; expected one of:", "；应为以下之一：");
      for (std::size_t i = 0; i < names.size(); ++i)
        message += say(i ? ", {}" : " {}", i ? "、“{}”" : "“{}”", names[i]);
    }
    errorAtKey(at(path, key), std::move(message));
  }
}

void Checker::rejectKey(const json& obj, const std::string& path, std::string_view key,
                        const LocalizedText& reason) {
  if (find(obj, key)) errorAtKey(at(path, key), say("field \"{}\" {}", "字段“{}”{}", key, reason));
}

const json* Checker::find(const json& obj, std::string_view key) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(key);
  return it == obj.end() ? nullptr : &*it;
}

const json* Checker::require(const json& obj, const std::string& path, std::string_view key,
                             LocalizedText detail) {
  const json* v = find(obj, key);
  if (!v) missing(path, key, std::move(detail));
  return v;
}

std::optional<double> Checker::number(const json& v, const std::string& path, Range range) {
  if (!v.is_number()) {
    error(path, say("expected a number, got {}", "应为数值，实为{}", typeName(v)));
    return std::nullopt;
  }
  const double d = v.get<double>();
  if (!std::isfinite(d)) {
    error(path, say("expected a finite number (this one is too large for a double)",
                    "应为有限数值（此数超出双精度浮点数的范围）"));
    return std::nullopt;
  }
  if (!range.contains(d)) {
    error(path, say("{}, got {}", "{}，实为 {}", range.describe(), d));
    return std::nullopt;
  }
  return d;
}

std::optional<std::int64_t> Checker::integer(const json& v, const std::string& path) {
  if (v.is_number_integer()) return v.get<std::int64_t>();
  if (v.is_number_unsigned()) {
    error(path, say("expected a small integer, got {}", "应为较小的整数，实为 {}",
                    v.get<std::uint64_t>()));
    return std::nullopt;
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e15)
      return static_cast<std::int64_t>(d);
    error(path, say("expected an integer, got {}", "应为整数，实为 {}", d));
    return std::nullopt;
  }
  error(path, say("expected an integer, got {}", "应为整数，实为{}", typeName(v)));
  return std::nullopt;
}

std::optional<std::string> Checker::string(const json& v, const std::string& path, bool nonEmpty) {
  if (!v.is_string()) {
    error(path, say("expected a string, got {}", "应为字符串，实为{}", typeName(v)));
    return std::nullopt;
  }
  std::string s = v.get<std::string>();
  if (nonEmpty && s.empty()) {
    error(path, say("must not be empty", "不能为空"));
    return std::nullopt;
  }
  return s;
}

std::optional<std::size_t> Checker::choice(const json& v, const std::string& path, NameList list) {
  const auto s = string(v, path);
  if (!s) return std::nullopt;
  if (const auto index = indexOf(list, *s)) return index;
  // the closest name when it is likely a typo, else all of them
  const auto all = names(list);
  LocalizedText message = say("unknown {} \"{}\"", "未知的{}“{}”", describeIn(list), *s);
  if (const auto close = suggest(*s, std::vector<std::string_view>(all.begin(), all.end())))
    message += say("; did you mean \"{}\"?", "；是否想写“{}”？", *close);
  else
    message += say("; expected one of: {}", "；应为以下之一：{}", joinedNames(list, ", "));
  error(path, std::move(message));
  return std::nullopt;
}

std::optional<std::vector<double>> Checker::numbers(const json& v, const std::string& path,
                                                    std::initializer_list<std::size_t> counts,
                                                    Range range) {
  LocalizedText howMany;
  for (const std::size_t n : counts)
    howMany += howMany.en.empty() ? say("{}", "{}", n) : say(" or {}", "或 {}", n);
  const LocalizedText expected = say("an array of {} numbers", "由 {} 个数值组成的数组", howMany);
  if (!v.is_array()) {
    error(path, say("expected {}, got {}", "应为{}，实为{}", expected, typeName(v)));
    return std::nullopt;
  }
  if (std::find(counts.begin(), counts.end(), v.size()) == counts.end()) {
    error(path, say(v.size() == 1 ? "expected {}, got {} element" : "expected {}, got {} elements",
                    "应为{}，实为 {} 个元素", expected, v.size()));
    return std::nullopt;
  }
  // check every element so that all bad ones are reported
  std::vector<double> values;
  bool ok = true;
  for (std::size_t k = 0; k < v.size(); ++k) {
    const auto d = number(v[k], elementPath(path, k), range);
    if (d) values.push_back(*d);
    ok = ok && d.has_value();
  }
  if (!ok) return std::nullopt;
  return values;
}

std::optional<core::Vec3> Checker::vec3(const json& v, const std::string& path, Range range) {
  const auto values = numbers(v, path, {3}, range);
  if (!values) return std::nullopt;
  return core::Vec3{static_cast<float>((*values)[0]), static_cast<float>((*values)[1]),
                    static_cast<float>((*values)[2])};
}

void Checker::optNumber(const json& obj, const std::string& path, std::string_view key, float& out,
                        Range range) {
  if (const json* v = find(obj, key))
    if (const auto d = number(*v, at(path, key), range)) out = static_cast<float>(*d);
}

void Checker::optNumber(const json& obj, const std::string& path, std::string_view key, double& out,
                        Range range) {
  if (const json* v = find(obj, key))
    if (const auto d = number(*v, at(path, key), range)) out = *d;
}

void Checker::optVec3(const json& obj, const std::string& path, std::string_view key,
                      core::Vec3& out, Range range) {
  if (const json* v = find(obj, key))
    if (const auto vec = vec3(*v, at(path, key), range)) out = *vec;
}

std::string Checker::at(const std::string& path, std::string_view key) {
  return memberPath(path, key);
}

}  // namespace practicum::scenario::detail
