#pragma once
/// Text in both of the product's languages: the language switch, a text held in both, and
/// messages put together in both at once.
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace practicum::scenario {

/// The product's languages (the UI's, the scenario's texts', the engine's messages').
enum class Language { English, ChineseSimplified };

/// Text in Simplified Chinese and English.
struct LocalizedText {
  std::string zhCN;
  std::string en;

  /// The text in a language (as it is: an empty one stays empty).
  const std::string& in(Language language) const {
    return language == Language::ChineseSimplified ? zhCN : en;
  }
  LocalizedText& operator+=(const LocalizedText& more) {
    zhCN += more.zhCN;
    en += more.en;
    return *this;
  }
  friend LocalizedText operator+(LocalizedText a, const LocalizedText& b) { return a += b; }
  /// Moves the two texts into a pair of fields that hold them apart.
  void into(std::string& english, std::string& chinese) && {
    english = std::move(en);
    chinese = std::move(zhCN);
  }
  friend bool operator==(const LocalizedText&, const LocalizedText&) = default;
};

/// The same words in both languages (a name, a number, a path: what no language changes).
inline LocalizedText verbatim(std::string text) { return {text, std::move(text)}; }

/// A number as short as it round-trips ("0.5", "-1", "1e+300").
std::string shortNumber(double v);

namespace detail {
/// One argument of say(), as it reads in each language.
inline LocalizedText sayArgument(const LocalizedText& v) { return v; }
inline LocalizedText sayArgument(std::string_view v) { return verbatim(std::string(v)); }
inline LocalizedText sayArgument(const std::string& v) { return verbatim(v); }
inline LocalizedText sayArgument(const char* v) { return verbatim(v); }
template <typename T>
requires std::is_arithmetic_v<T> LocalizedText sayArgument(T v) {
  if constexpr (std::is_integral_v<T>)
    return verbatim(std::to_string(v));
  else
    return verbatim(shortNumber(static_cast<double>(v)));
}
/// `format` with each `{}` replaced by the next argument and each `{N}` by argument N, in
/// `language`; `{{` is a brace.
std::string fillIn(std::string_view format, const LocalizedText* args, std::size_t count,
                   Language language);
}  // namespace detail

/// A message in both languages from a format in each: `{}` takes the next argument, `{N}` the
/// N-th (0-based; for a language that orders them differently). An argument that is itself a
/// LocalizedText gives each language its own words; strings and numbers read the same in both.
///   say("unknown device \"{}\"", "未知设备“{}”", name)
template <typename... Args>
LocalizedText say(std::string_view en, std::string_view zh, const Args&... args) {
  const LocalizedText pieces[sizeof...(Args) + 1] = {detail::sayArgument(args)..., {}};
  return {detail::fillIn(zh, pieces, sizeof...(Args), Language::ChineseSimplified),
          detail::fillIn(en, pieces, sizeof...(Args), Language::English)};
}

}  // namespace practicum::scenario
