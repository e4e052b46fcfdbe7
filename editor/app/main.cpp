// practicum-editor: the instructor's authoring tool.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "editor_app.hpp"

namespace {

const char* const kUsage =
    "usage: practicum-editor [scenario] [options]\n"
    "\n"
    "Opens a scenario folder (or its scenario.json) for editing; without one, a new scenario.\n"
    "  --lang en|zh-CN      language of the scenario texts in play mode (default en)\n"
    "  --screenshot FILE    with --frames: save the last frame as a PNG and leave\n"
    "  --frames N           draw N frames, then leave (for tests; nothing is saved)\n"
    "  --autosave SECONDS   how often unsaved work goes to the recovery file (default 30)\n"
    "  --select PATH        select an item at the start (\"entities[3]\", \"devices[0]\")\n"
    "  --panel NAME         show this right-hand tab first: inspector, procedure, problems\n"
    "  --play-bot RUN.json  play mode at the start, with a scripted learner (for tests)\n"
    "  --gpu NAME           use the Vulkan device whose name contains NAME\n"
    "  --validation         enable Vulkan validation layers\n"
    "in the window: W/E/R move/rotate/scale, F frame selected, Ctrl+Z/Ctrl+Y undo/redo,\n"
    "Ctrl+S save, Ctrl+D duplicate, Del delete, right drag orbit, wheel zoom, V fly (WASD, Q/E\n"
    "down/up, right drag to look)\n";

bool number(const char* text, double& out) {
  char* end = nullptr;
  out = std::strtod(text, &end);
  return end && *end == '\0' && end != text;
}

}  // namespace

int main(int argc, char** argv) {
  practicum::editor_app::EditorOptions o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool more = i + 1 < argc;
    double value = 0;
    if (a == "--help" || a == "-h") {
      std::printf("%s", kUsage);
      return 0;
    } else if (a == "--screenshot" && more) {
      o.screenshot = argv[++i];
    } else if (a == "--frames" && more && number(argv[i + 1], value) && value >= 0) {
      o.frames = int(value);
      ++i;
    } else if (a == "--autosave" && more && number(argv[i + 1], value) && value > 0) {
      o.autosaveSeconds = value;
      ++i;
    } else if (a == "--lang" && more) {
      const std::string lang = argv[++i];
      if (lang == "zh-CN" || lang == "zh")
        o.language = practicum::ui::Language::ChineseSimplified;
      else if (lang != "en")
        return std::fprintf(stderr, "practicum-editor: --lang must be en or zh-CN\n"), 2;
    } else if (a == "--play-bot" && more) {
      o.playBot = argv[++i];
    } else if (a == "--panel" && more) {
      o.panel = argv[++i];
    } else if (a == "--select" && more) {
      o.select = argv[++i];
    } else if (a == "--gpu" && more) {
      o.gpu = argv[++i];
    } else if (a == "--validation") {
      o.validation = true;
    } else if (!a.empty() && a[0] != '-' && o.scenario.empty()) {
      o.scenario = a;
    } else {
      std::fprintf(stderr, "practicum-editor: unexpected argument %s\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  return practicum::editor_app::runEditor(o);
}
