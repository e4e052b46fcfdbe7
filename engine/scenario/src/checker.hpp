#pragma once
/// Typed, range-checked reading of a positioned JSON document. Every problem becomes a
/// Diagnostic carrying the JSON path and the line and column of the offending value (or key);
/// reading goes on after a problem so that one pass reports them all.
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <practicum/core/math.hpp>
#include <practicum/scenario/fields.hpp>
#include <practicum/scenario/names.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/scenario/text.hpp>

#include "positioned_json.hpp"

namespace practicum::scenario::detail {

/// An allowed interval for a number; open ends exclude the bound.
struct Range {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool loOpen = false;
  bool hiOpen = false;

  static Range any() { return {}; }
  static Range positive() { return {0, std::numeric_limits<double>::infinity(), true, false}; }
  static Range nonNegative() { return {0, std::numeric_limits<double>::infinity(), false, false}; }
  static Range unit() { return {0, 1, false, false}; }
  static Range closed(double lo, double hi) { return {lo, hi, false, false}; }
  static Range open(double lo, double hi) { return {lo, hi, true, true}; }

  bool contains(double v) const;
  /// "must be greater than 0", "must be between 0 and 1", ... (both languages)
  LocalizedText describe() const;
};

/// A number formatted as short as it round-trips ("0.5", "-1", "1e+300").
inline std::string formatNumber(double v) { return shortNumber(v); }
/// "a number", "a string", "an object", ... for a JSON value's type (both languages).
LocalizedText typeName(const nlohmann::json& v);
/// What the format calls a kind of thing, in both languages: noun("entity") is 实体 / entity
/// (the format's nouns: entity, material, joint, device, variable, step, zone, rule, fault...).
LocalizedText noun(std::string_view english);
/// "an object with both zh-CN and en" (what a text field needs), in both languages.
LocalizedText bothLanguages();
/// The closest of candidates to word by edit distance, when close enough to be a likely typo.
std::optional<std::string> suggest(std::string_view word,
                                   const std::vector<std::string_view>& candidates);

/// Reads values out of a PositionedJson, appending diagnostics for the file it came from.
class Checker {
 public:
  Checker(std::string file, const PositionedJson& doc, std::vector<Diagnostic>& out)
      : file_(std::move(file)), doc_(doc), out_(out) {}

  /// An error at the value at path.
  void error(const std::string& path, LocalizedText message);
  /// An error at the key of the member at path (for unknown or misplaced fields).
  void errorAtKey(const std::string& path, LocalizedText message);
  /// A missing required field `key` of the object at parentPath, reported at that object.
  void missing(const std::string& parentPath, std::string_view key, LocalizedText detail = {});
  /// A warning at the value at path.
  void warning(const std::string& path, LocalizedText message);

  /// Type checks; each reports "expected an object, got ..." and returns false on mismatch.
  bool expectObject(const nlohmann::json& v, const std::string& path);
  bool expectArray(const nlohmann::json& v, const std::string& path);

  /// Reports every member of obj whose key is not in allowed, suggesting the closest one.
  void checkKeys(const nlohmann::json& obj, const std::string& path,
                 std::initializer_list<std::string_view> allowed);
  /// The same with the fields the format's table (fields.hpp) gives the place called `place`;
  /// with `kind`, only those that apply to an object whose `onlyKey` member is that word.
  void checkKeys(const nlohmann::json& obj, const std::string& path, std::string_view place,
                 std::optional<std::string_view> kind = std::nullopt);
  void checkKeys(const nlohmann::json& obj, const std::string& path,
                 const std::vector<std::string_view>& allowed);
  /// Reports a member of obj that does not apply (e.g. "radius" on a box), with the reason.
  void rejectKey(const nlohmann::json& obj, const std::string& path, std::string_view key,
                 const LocalizedText& reason);

  /// The member `key` of an object, or nullptr.
  static const nlohmann::json* find(const nlohmann::json& obj, std::string_view key);
  /// The member `key`, reporting it as missing when absent.
  const nlohmann::json* require(const nlohmann::json& obj, const std::string& path,
                                std::string_view key, LocalizedText detail = {});

  /// A finite number within range.
  std::optional<double> number(const nlohmann::json& v, const std::string& path,
                               Range range = Range::any());
  /// An integral number.
  std::optional<std::int64_t> integer(const nlohmann::json& v, const std::string& path);
  /// A string; nonEmpty also rejects "".
  std::optional<std::string> string(const nlohmann::json& v, const std::string& path,
                                    bool nonEmpty = true);
  /// A string that is one of the names of `list` (practicum/scenario/names.hpp): its index in
  /// names(list). An unknown name is an error offering the closest name, or listing them all.
  std::optional<std::size_t> choice(const nlohmann::json& v, const std::string& path,
                                    NameList list);
  /// An array of 3 finite numbers, each within range.
  std::optional<core::Vec3> vec3(const nlohmann::json& v, const std::string& path,
                                 Range range = Range::any());
  /// An array of finite numbers whose length is one of counts, each within range.
  std::optional<std::vector<double>> numbers(const nlohmann::json& v, const std::string& path,
                                             std::initializer_list<std::size_t> counts,
                                             Range range = Range::any());

  /// Optional members: leave out untouched when absent, otherwise read and check into it.
  void optNumber(const nlohmann::json& obj, const std::string& path, std::string_view key,
                 float& out, Range range = Range::any());
  void optNumber(const nlohmann::json& obj, const std::string& path, std::string_view key,
                 double& out, Range range = Range::any());
  void optVec3(const nlohmann::json& obj, const std::string& path, std::string_view key,
               core::Vec3& out, Range range = Range::any());

  /// Path of member key of the object at path.
  static std::string at(const std::string& path, std::string_view key);
  /// Position of the value at path.
  TextPosition positionOf(const std::string& path) const { return doc_.valueAt(path); }

 private:
  void add(Severity severity, const std::string& path, TextPosition at, LocalizedText message);

  std::string file_;
  const PositionedJson& doc_;
  std::vector<Diagnostic>& out_;
};

}  // namespace practicum::scenario::detail
