#include <practicum/ui/ui_map.hpp>

#include <cstdio>
#include <string>
#include <system_error>
#include <vector>

#include <imgui.h>

#include "ui_map.hpp"

namespace practicum::ui {

namespace {
struct Map {
  bool enabled = false;
  std::filesystem::path file;
  std::string frame;        // this frame's lines
  std::uint64_t count = 0;  // frames written
};
Map& map() {
  static Map m;
  return m;
}

// names are one word per line in the file: blanks and tabs become '_'
std::string clean(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  return out;
}

void add(std::string_view name, float x0, float y0, float x1, float y1, std::string_view value) {
  char rect[96];
  std::snprintf(rect, sizeof rect, "%.0f %.0f %.0f %.0f", double(x0), double(y0), double(x1),
                double(y1));
  ((((map().frame += clean(name)) += '\t') += rect) += '\t') += clean(value);
  map().frame += '\n';
}
}  // namespace

bool uiMapEnabled() { return map().enabled; }

void nameItem(std::string_view name) { nameItem(name, {}); }

void nameItem(std::string_view name, std::string_view value) {
  if (!map().enabled || !ImGui::IsItemVisible()) return;
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  add(name, a.x, a.y, b.x, b.y, value);
}

void nameRect(std::string_view name, float x0, float y0, float x1, float y1) {
  if (map().enabled) add(name, x0, y0, x1, y1, {});
}

void nameValue(std::string_view name, std::string_view value) {
  if (map().enabled) add(name, 0, 0, 0, 0, value);
}

namespace detail {

void startUiMap(const std::filesystem::path& file) {
  map().enabled = !file.empty();
  map().file = file;
}

void beginUiMapFrame() { map().frame.clear(); }

void endUiMapFrame() {
  Map& m = map();
  if (!m.enabled) return;
  // the whole file at once: written beside it, then renamed over it (readers never see half)
  const std::string text = "frame\t0 0 0 0\t" + std::to_string(++m.count) + "\n" + m.frame;
  const std::filesystem::path temporary = m.file.string() + ".tmp";
  if (FILE* f = std::fopen(temporary.c_str(), "wb")) {
    const bool written = std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (std::fclose(f) == 0 && written) {
      std::error_code ec;
      std::filesystem::rename(temporary, m.file, ec);
    }
  }
}

}  // namespace detail
}  // namespace practicum::ui
