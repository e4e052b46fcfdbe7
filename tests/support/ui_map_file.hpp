#pragma once
/// Reads the UI map a program keeps with PRACTICUM_UI_MAP=FILE (docs/input-script.md): one line
/// per named place of its UI, `NAME<TAB>X0 Y0 X1 Y1<TAB>VALUE`, the whole file rewritten each
/// frame.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>

namespace practicum::test {

/// One named place of the UI map: a rectangle in window pixels and the value shown with it.
struct UiItem {
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  std::string value;
  /// The middle of the rectangle (where a person would click).
  int cx() const { return int((x0 + x1) * 0.5f); }
  int cy() const { return int((y0 + y1) * 0.5f); }
};

/// The UI map of one frame: names to places, and the frame's number ("frame").
struct UiMap {
  std::map<std::string, UiItem> items;
  std::uint64_t frame = 0;
  /// The item named `name`, or nullptr.
  const UiItem* find(const std::string& name) const {
    const auto it = items.find(name);
    return it == items.end() ? nullptr : &it->second;
  }
  /// The item's value, "" when it is not on the map.
  std::string value(const std::string& name) const {
    const UiItem* item = find(name);
    return item ? item->value : std::string();
  }
};

/// Reads a UI map file; nullopt when it does not exist (yet) or cannot be read.
inline std::optional<UiMap> readUiMap(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) return std::nullopt;
  UiMap map;
  std::string line;
  while (std::getline(in, line)) {
    const auto tab1 = line.find('\t');
    const auto tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos) continue;
    UiItem item;
    std::istringstream rect(line.substr(tab1 + 1, tab2 - tab1 - 1));
    rect >> item.x0 >> item.y0 >> item.x1 >> item.y1;
    item.value = line.substr(tab2 + 1);
    map.items[line.substr(0, tab1)] = item;
  }
  if (const UiItem* frame = map.find("frame"))
    map.frame = std::strtoull(frame->value.c_str(), nullptr, 10);
  return map;
}

}  // namespace practicum::test
