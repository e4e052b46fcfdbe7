#include <practicum/scenario/text.hpp>

#include <charconv>

namespace practicum::scenario {

std::string shortNumber(double v) {
  char buffer[64];
  const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
  return ec == std::errc() ? std::string(buffer, end) : std::string("?");
}

namespace detail {

std::string fillIn(std::string_view format, const LocalizedText* args, std::size_t count,
                   Language language) {
  std::string out;
  out.reserve(format.size() + 16 * count);
  std::size_t next = 0;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char c = format[i];
    if (c == '{' && i + 1 < format.size() && format[i + 1] == '{') {
      out += '{';
      ++i;
      continue;
    }
    if (c != '{') {
      out += c;
      continue;
    }
    // "{}" or "{N}"
    std::size_t close = format.find('}', i);
    if (close == std::string_view::npos) {
      out += format.substr(i);
      break;
    }
    const std::string_view inside = format.substr(i + 1, close - i - 1);
    if (inside.find_first_not_of("0123456789") != std::string_view::npos) {
      out += c;  // not a placeholder: a brace of the text
      continue;
    }
    std::size_t index = next;
    if (!inside.empty()) {
      index = 0;
      for (std::size_t k = i + 1; k < close; ++k)
        index = index * 10 + static_cast<std::size_t>(format[k] - '0');
    } else {
      ++next;
    }
    if (index < count) out += args[index].in(language);
    i = close;
  }
  return out;
}

}  // namespace detail
}  // namespace practicum::scenario
