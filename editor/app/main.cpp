// practicum-editor: the instructor's authoring tool. The frame loop is here (the host's); the
// editor is a mode it calls once per frame.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include <practicum/core/interrupt.hpp>
#include <practicum/present/input_script.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/present/viewer.hpp>
#include <practicum/render/image.hpp>

#include <practicum/editor/editor_text.hpp>

#include "editor_app.hpp"

namespace {

using namespace practicum;

const char* const kUsage =
    "usage: practicum-editor [scenario] [options]\n"
    "\n"
    "Opens a scenario folder (or its scenario.json) for editing; without one, a new scenario.\n"
    "It needs a display (an X or Wayland session; under no display, run it through xvfb-run).\n"
    "  --lang en|zh-CN      language of the editor's window and of play mode (default en)\n"
    "  --screenshot FILE    with --frames: save the last frame as a PNG and leave\n"
    "  --frames N           draw N frames, then leave (for tests; nothing is saved)\n"
    "  --input-script FILE  input events by frame, as if typed and clicked (docs/input-script.md)\n"
    "  --autosave SECONDS   how often unsaved work goes to the recovery file (default 30)\n"
    "  --select PATH        select an item at the start (\"entities[3]\", \"devices[0]\")\n"
    "  --panel NAME         show this right-hand tab first: inspector, procedure, problems\n"
    "  --play-bot RUN.json  play mode at the start, with a scripted learner (for tests)\n"
    "  --width W --height H window size in pixels (default 1280 x 720)\n"
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

int fail(const std::string& message) {
  std::fprintf(stderr, "practicum-editor: %s\n", message.c_str());
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  editor_app::EditorOptions o;
  std::filesystem::path screenshot, inputScript;
  int frames = 0;
  double width = 1280, height = 720;
  std::string gpu;
  bool validation = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const bool more = i + 1 < argc;
    double value = 0;
    if (a == "--help" || a == "-h") {
      std::printf("%s", kUsage);
      return 0;
    } else if (a == "--screenshot" && more) {
      screenshot = argv[++i];
    } else if (a == "--input-script" && more) {
      inputScript = argv[++i];
    } else if (a == "--frames" && more && number(argv[i + 1], value) && value >= 0) {
      frames = int(value);
      ++i;
    } else if ((a == "--width" || a == "--height") && more && number(argv[i + 1], value) &&
               value >= 16 && value <= 8192) {
      (a == "--width" ? width : height) = value;
      ++i;
    } else if (a == "--autosave" && more && number(argv[i + 1], value) && value > 0) {
      o.autosaveSeconds = value;
      ++i;
    } else if (a == "--lang" && more) {
      const std::string lang = argv[++i];
      if (lang == "zh-CN" || lang == "zh")
        o.language = ui::Language::ChineseSimplified;
      else if (lang != "en")
        return std::fprintf(stderr, "practicum-editor: --lang must be en or zh-CN\n"), 2;
    } else if (a == "--play-bot" && more) {
      o.playBot = argv[++i];
    } else if (a == "--panel" && more) {
      o.panel = argv[++i];
    } else if (a == "--select" && more) {
      o.select = argv[++i];
    } else if (a == "--gpu" && more) {
      gpu = argv[++i];
    } else if (a == "--validation") {
      validation = true;
    } else if (!a.empty() && a[0] != '-' && o.scenario.empty()) {
      o.scenario = a;
    } else {
      std::fprintf(stderr, "practicum-editor: unexpected argument %s\n%s", a.c_str(), kUsage);
      return 2;
    }
  }
  o.automated = frames > 0;

  // scripted input, read before anything opens
  std::optional<present::InputScript> script;
  if (!inputScript.empty()) {
    auto loaded = present::InputScript::load(inputScript);
    if (!loaded.ok()) return fail(loaded.error().message);
    script = std::move(*loaded);
  }

  // the document: the scenario named, or a new one
  std::optional<editor::Document> doc;
  if (o.scenario.empty()) {
    doc = editor::Document::create("new-scenario", {"新场景", "New scenario"});
  } else {
    auto opened = editor::Document::open(o.scenario);
    if (!opened.ok()) return fail(opened.error().message);
    doc = std::move(*opened);
    for (const auto& d : doc->diagnostics()) std::fprintf(stderr, "%s\n", d.format().c_str());
  }

  // the window: the editor needs one
  auto window = render::Window::create(
      {"Practicum editor", static_cast<std::uint32_t>(width), static_cast<std::uint32_t>(height)});
  if (!window.ok())
    return fail(window.error().message +
                " (the editor needs a display: run it in a desktop session, or under xvfb-run "
                "for screenshots)");
  present::ViewerOptions vo;
  vo.gpu = gpu;
  vo.validation = validation;
  vo.language = o.language;
  // the font's glyphs: the editor's own words besides the player's and the scenario's
  vo.glyphText = editor::everyEditorText();
  if (doc->scenario()) vo.glyphText += present::scenarioGlyphs(*doc->scenario());
  if (const char* map = std::getenv("PRACTICUM_UI_MAP")) vo.uiMap = map;
  auto viewer = present::Viewer::create(std::move(*window), vo);
  if (!viewer.ok()) return fail(viewer.error().message);

  // the frame loop: the editor's frames until it quits, a signal ends it, or --frames are drawn
  if (auto installed = core::installInterruptHandlers(); !installed.ok())
    return fail(installed.error().message);
  editor_app::EditorApp app(std::move(*doc), **viewer, o);
  render::Window& w = (*viewer)->window();
  render::Image image;
  std::uint64_t frame = 0;
  int settledFrames = 0;
  while (!app.done()) {
    if (script) script->play(frame, w);
    ++frame;
    const present::FrameInput input = (*viewer)->beginFrame();
    if (core::interruptSignal() != 0) app.end(procedure::EndReason::Interrupted);
    if (w.shouldClose() && !app.done()) app.end(procedure::EndReason::Closed);
    const present::SceneFrame scene = app.frame(input);
    if (app.settled()) ++settledFrames;
    const bool last = app.done() || (frames > 0 && settledFrames >= frames);
    const bool capture = last && !screenshot.empty();
    if (auto drawn = (*viewer)->endFrame(scene, capture ? &image : nullptr); !drawn.ok())
      return fail(drawn.error().message);
    if (last) break;
  }

  // what the scripted play (--play-bot) came to
  if (const auto& played = app.scriptedPlay()) {
    const auto& r = played->assessment.result;
    std::printf("play: %s, score %g of %g, %s, log %s\n", r.passed ? "passed" : "not passed",
                r.score, r.max,
                played->documentUnchanged ? "document unchanged" : "document changed",
                played->assessment.log.c_str());
  }
  if (!app.error().empty()) return fail(app.error());
  // a clean close leaves no recovery file behind, unless it holds work from before that nobody
  // has looked at yet (an automated run never asks)
  if (!app.document().dirty() && !app.recoveryUnanswered()) app.document().discardRecovery();
  if (!screenshot.empty()) {
    if (image.rgba.empty()) return fail("no frame was captured for the screenshot");
    if (auto s = render::writePng(screenshot, image); !s.ok()) return fail(s.error().message);
    std::printf("screenshot: %s\n", screenshot.string().c_str());
  }
  if ((*viewer)->validationErrors() > 0)
    return fail(std::to_string((*viewer)->validationErrors()) + " Vulkan validation error(s)");
  if (const int signal = core::interruptSignal(); signal != 0)
    return core::interruptExitCode(signal);
  return 0;
}
