#include "json_path.hpp"

namespace practicum::scenario::detail {

namespace {
// keys made of these characters are written as `.key`; anything else as `["key"]`
bool isPlainKey(std::string_view key) {
  if (key.empty()) return false;
  for (const char c : key) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '_' || c == '-';
    if (!plain) return false;
  }
  return true;
}
}  // namespace

std::string memberPath(std::string_view parent, std::string_view key) {
  std::string path(parent);
  if (isPlainKey(key)) {
    if (!path.empty()) path += '.';
    path += key;
    return path;
  }
  // quote the key, escaping quotes, backslashes and control characters
  path += "[\"";
  for (const char c : key) {
    if (c == '"' || c == '\\') {
      path += '\\';
      path += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static const char kHex[] = "0123456789abcdef";
      path += "\\u00";
      path += kHex[(c >> 4) & 0xf];
      path += kHex[c & 0xf];
    } else {
      path += c;
    }
  }
  path += "\"]";
  return path;
}

std::string elementPath(std::string_view parent, std::size_t index) {
  std::string path(parent);
  path += '[';
  path += std::to_string(index);
  path += ']';
  return path;
}

}  // namespace practicum::scenario::detail
