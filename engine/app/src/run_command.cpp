#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include <practicum/core/hash.hpp>
#include <practicum/core/log.hpp>
#include <practicum/core/time.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/render/scene_view.hpp>
#include <practicum/render/window.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/sim/simulation.hpp>
#include <practicum/ui/overlay.hpp>
#include <practicum/ui/status_panel.hpp>

#include <practicum/record/catalogue.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/record/station_key.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/sim/session.hpp>

#include "args.hpp"
#include "commands.hpp"
#include "orbit_camera.hpp"
#include "result_json.hpp"

namespace practicum::app {

const char* const kRunUsage =
    "usage: practicum run <scenario> [options]\n"
    "\n"
    "Loads, simulates and renders a scenario. Opens a window when a display is available,\n"
    "otherwise (or with --headless) renders offscreen.\n"
    "  --headless           render offscreen, no window\n"
    "  --seconds S          simulate S seconds, then stop (headless default: 5)\n"
    "  --screenshot FILE    save the last frame as a PNG and print its path\n"
    "  --width W --height H image or window size in pixels (default 1280 x 720)\n"
    "  --gpu NAME           use the Vulkan device whose name contains NAME\n"
    "                       (also $PRACTICUM_GPU); default: discrete > integrated > CPU\n"
    "  --lang en|zh-CN      language of the on-screen text (default en)\n"
    "  --no-overlay         do not draw the status panel\n"
    "  --no-render          simulate only, no Vulkan at all (headless runs render only\n"
    "                       to write --screenshot)\n"
    "  --no-vsync           present as fast as possible in a window\n"
    "  --validation         enable Vulkan validation layers\n"
    "  --hash-log FILE      write \"tick hash\" for every tick to FILE\n"
    "  --bot RUN.json       play a scripted learner's run file (headless) and check its\n"
    "                       expected outcome; exit 1 when the outcome differs\n"
    "  --result FILE        write the session's result (score, steps, violations) as JSON\n"
    "  --mode practice|exam session mode (default: the run file's, else practice)\n"
    "  --seed N             seed for the scenario's random faults (default: the run file's)\n"
    "  --learner ID         the learner's pseudonym for the session log (default anonymous)\n"
    "  --station NAME       the station (seat, machine) for the session log\n"
    "  --log-dir DIR        where session logs go (default ~/.local/share/practicum/logs)\n"
    "  --no-log             do not write a session log\n"
    "  --station-key FILE   sign the end of the log with this station key (see station-key);\n"
    "                       default: $PRACTICUM_STATION_KEY when set\n"
    "window controls: click = operate, right-drag = orbit, wheel = zoom, space = pause,\n"
    "R = reset view, Esc = quit\n";

namespace {

struct RunOptions {
  std::filesystem::path scenario;
  bool headless = false;
  bool render = true;
  bool overlay = true;
  bool vsync = true;
  bool validation = false;
  double seconds = -1;  // < 0: until the window closes (headless: 5)
  std::filesystem::path screenshot;
  std::filesystem::path hashLog;
  std::uint32_t width = 1280, height = 720;
  std::string gpu;
  ui::Language language = ui::Language::English;
  std::optional<scenario::RunFile> run;  // --bot
  std::filesystem::path resultFile;      // --result
};

int fail(const std::string& message) {
  std::fprintf(stderr, "practicum run: %s\n", message.c_str());
  return 1;
}

// what watches every tick: the optional hash log and the session log
class TickObserver {
 public:
  bool openHashLog(const std::filesystem::path& path) {
    if (path.empty()) return true;
    out_.open(path, std::ios::trunc);
    return out_.good();
  }
  /// Records into `recorder`; the finished log is added to `<logDir>/catalogue.sqlite`.
  void record(std::unique_ptr<record::SessionRecorder> recorder, std::filesystem::path logDir) {
    recorder_ = std::move(recorder);
    logDir_ = std::move(logDir);
  }
  void afterTick(const sim::Session& s, const sim::InputRecord& input) {
    if (recorder_) recorder_->afterTick(s, input);
    if (!out_.is_open()) return;
    char hex[17];
    out_ << s.tick() << ' ' << core::toHex(s.stateHash(), hex) << '\n';
  }
  bool ok() const { return !out_.is_open() || out_.good(); }
  /// Ends the session (stopped, unless it ended by itself) and closes its log.
  core::Status finish(sim::Session& s) {
    if (!s.ended()) s.stop();
    if (!recorder_) return {};
    auto status = recorder_->finish(s);
    if (!status.ok()) return status;
    std::printf("log: %s\n", recorder_->file().string().c_str());
    // the session catalogue of the log folder; a failure there never fails the run
    auto catalogue = record::Catalogue::open(logDir_ / "catalogue.sqlite");
    core::Status added = catalogue.ok() ? (*catalogue)->add(recorder_->file()) : catalogue.error();
    if (!added.ok())
      std::fprintf(stderr, "practicum run: warning: session not catalogued: %s\n",
                   added.error().message.c_str());
    return status;
  }

 private:
  std::ofstream out_;
  std::unique_ptr<record::SessionRecorder> recorder_;
  std::filesystem::path logDir_;
};

std::string title(const scenario::ScenarioDef& def, ui::Language lang) {
  return lang == ui::Language::ChineseSimplified ? def.meta.title.zhCN : def.meta.title.en;
}

void printSummary(const sim::Session& s, const render::Context* ctx) {
  char hex[17];
  std::printf("scenario: %s (%s)\n", s.definition().meta.id.c_str(),
              s.definition().meta.title.en.c_str());
  if (ctx) {
    std::printf("device: %s\n", ctx->deviceDescription().c_str());
    for (const auto& c : ctx->candidates())
      if (!c.reason.empty()) std::printf("  not used: %s: %s\n", c.name.c_str(), c.reason.c_str());
  }
  std::printf("simulated: %.3f s (%llu ticks), state hash %s\n", s.time(),
              static_cast<unsigned long long>(s.tick()), core::toHex(s.stateHash(), hex).data());
  if (!s.definition().training.steps.empty()) {
    const auto r = s.result();
    std::printf("result: %g of %g, %s, %zu violation(s), ended: %s\n", r.score, r.max,
                r.passed ? "passed" : "not passed", r.violations.size(),
                procedure::toString(s.endReason()));
  }
}

int saveScreenshot(const std::filesystem::path& path, const render::Image& image) {
  if (auto s = render::writePng(path, image); !s.ok()) return fail(s.error().message);
  std::error_code ec;
  const auto abs = std::filesystem::absolute(path, ec);
  std::printf("screenshot: %s\n", (ec ? path : abs).string().c_str());
  return 0;
}

// writes the screenshot if asked for; a run with validation fails on any validation error
int finish(const RunOptions& o, const render::Context& ctx, const render::Image& image) {
  if (!o.screenshot.empty())
    if (const int rc = saveScreenshot(o.screenshot, image); rc != 0) return rc;
  if (ctx.validationErrors() > 0)
    return fail(std::to_string(ctx.validationErrors()) + " Vulkan validation error(s) (see above)");
  return 0;
}

// input of a learner who looks at the scenario's camera target and does nothing
sim::InputRecord idleInput(const sim::Session& s) {
  const auto& cam = s.definition().scene.camera;
  sim::InputRecord in;
  in.cameraPosition = in.pointerOrigin = cam.position;
  in.cameraForward = in.pointerDirection = core::normalize(cam.target - cam.position);
  return in;
}

// steps until `seconds` of simulated time have passed (or the session ends)
void simulate(sim::Session& s, double seconds, TickObserver& log) {
  const auto ticks = static_cast<std::uint64_t>(std::llround(seconds / s.tickSeconds()));
  const sim::InputRecord idle = idleInput(s);
  while (s.tick() < ticks && !s.ended()) {
    s.step(idle);
    log.afterTick(s, idle);
  }
}

// plays the run file, then goes on to --seconds if asked
core::Status playBot(const RunOptions& o, sim::Session& s, TickObserver& log) {
  auto bot = sim::Bot::create(*o.run, s);
  if (!bot.ok()) return bot.error();
  if (auto played = bot->play([&log](const sim::Session& session, const sim::InputRecord& input) {
        log.afterTick(session, input);
      });
      !played.ok())
    return played.error();
  if (o.seconds >= 0) simulate(s, o.seconds, log);
  return {};
}

int runHeadless(const RunOptions& o, sim::Session& s, TickObserver& log) {
  std::vector<std::string> mismatches;
  if (o.run) {
    if (auto played = playBot(o, s, log); !played.ok()) {
      (void)log.finish(s);  // what was played stays on record
      return fail(played.error().message);
    }
  } else {
    simulate(s, o.seconds < 0 ? 5.0 : o.seconds, log);
  }
  if (auto closed = log.finish(s); !closed.ok()) return fail(closed.error().message);
  if (o.run) mismatches = sim::compareWithExpectation(o.run->expect, s.result());
  if (!log.ok()) return fail(o.hashLog.string() + ": cannot write the hash log");
  if (!o.resultFile.empty())
    if (auto written = writeResult(o.resultFile, s); !written.ok())
      return fail(written.error().message);
  if (!mismatches.empty()) {
    for (const auto& m : mismatches)
      std::fprintf(stderr, "practicum run: expected: %s\n", m.c_str());
    printSummary(s, nullptr);
    return fail(o.run->file.string() + ": the run did not produce its expected outcome");
  }
  // headless, a frame is rendered only to be saved
  if (!o.render || o.screenshot.empty()) {
    printSummary(s, nullptr);
    return 0;
  }

  // one offscreen frame of the final state
  render::ContextOptions co;
  co.validation = o.validation;
  co.gpu = o.gpu;
  auto ctx = render::Context::create(co);
  if (!ctx.ok()) {
    printSummary(s, nullptr);
    return fail(ctx.error().message);
  }
  auto target = render::OffscreenTarget::create(**ctx, o.width, o.height);
  if (!target.ok()) return fail(target.error().message);
  auto renderer = render::Renderer::create(**ctx, **target, {1});
  if (!renderer.ok()) return fail(renderer.error().message);
  auto view = render::SceneView::create(**renderer, s.simulation());
  if (!view.ok()) return fail(view.error().message);
  std::unique_ptr<ui::Overlay> overlay;
  if (o.overlay) {
    auto ov = ui::Overlay::create(**ctx, **renderer, {nullptr, o.language});
    if (!ov.ok()) return fail(ov.error().message);
    overlay = std::move(*ov);
    // lay the UI out once (auto-sized windows appear from their second frame), then for real
    const ui::StatusInfo status{title(s.definition(), o.language),
                                (*ctx)->deviceDescription(),
                                s.time(),
                                s.tick(),
                                s.stateHash(),
                                0,
                                false,
                                {}};
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1) overlay->discardFrame();
      overlay->newFrame(float(o.width), float(o.height), 0);
      ui::drawStatusPanel(status);
    }
  }
  const auto camera =
      render::makeCameraView(s.definition().scene.camera, float(o.width) / float(o.height));
  render::Image image;
  if (auto st = (*renderer)->drawFrame((*view)->frame(s.simulation(), camera), &image); !st.ok())
    return fail(st.error().message);
  printSummary(s, ctx->get());
  return finish(o, **ctx, image);
}

// the learner's input from the window: the pointer ray through the cursor from the camera
sim::InputRecord pointerInput(const scene::Camera& camera, float aspect, core::Vec3 cursor,
                              VkExtent2D size, bool primaryDown) {
  sim::InputRecord in;
  in.cameraPosition = camera.position;
  in.cameraForward = core::normalize(camera.target - camera.position);
  const render::CameraView view = render::makeCameraView(camera, aspect);
  const core::Mat4 inv = core::inverse(view.projection * view.view);
  const float x = size.width ? 2.0f * cursor.x / float(size.width) - 1.0f : 0.0f;
  const float y = size.height ? 2.0f * cursor.y / float(size.height) - 1.0f : 0.0f;
  // unproject the cursor at the near and far planes (homogeneous divide by hand)
  const auto unproject = [&](float depth) {
    const float v[4] = {x, y, depth, 1.0f};
    float out[4] = {0, 0, 0, 0};
    for (int r = 0; r < 4; ++r)
      for (int c = 0; c < 4; ++c) out[r] += inv.m[c][r] * v[c];
    return core::Vec3{out[0] / out[3], out[1] / out[3], out[2] / out[3]};
  };
  const core::Vec3 nearPoint = unproject(0.0f);
  in.pointerOrigin = camera.position;
  in.pointerDirection = core::normalize(unproject(1.0f) - nearPoint);
  in.buttons = primaryDown ? sim::kPointerPrimary : 0;
  return in;
}

int runWindow(const RunOptions& o, sim::Session& s, TickObserver& log,
              std::unique_ptr<render::Window> window) {
  // Vulkan with the window's surface, swapchain target, renderer, scene and UI
  render::ContextOptions co;
  co.validation = o.validation;
  co.gpu = o.gpu;
  co.instanceExtensions = window->requiredInstanceExtensions();
  render::Window* w = window.get();
  co.createSurface = [w](VkInstance instance) { return w->createSurface(instance); };
  auto ctx = render::Context::create(co);
  if (!ctx.ok()) return fail(ctx.error().message);
  auto target = render::WindowTarget::create(**ctx, *window, o.vsync);
  if (!target.ok()) return fail(target.error().message);
  auto renderer = render::Renderer::create(**ctx, **target);
  if (!renderer.ok()) return fail(renderer.error().message);
  auto view = render::SceneView::create(**renderer, s.simulation());
  if (!view.ok()) return fail(view.error().message);

  std::unique_ptr<ui::Overlay> overlay;
  if (o.overlay) {
    auto ov = ui::Overlay::create(**ctx, **renderer, {window.get(), o.language});
    if (!ov.ok()) return fail(ov.error().message);
    overlay = std::move(*ov);
  }

  OrbitCamera orbit(s.definition().scene.camera);
  using Clock = std::chrono::steady_clock;
  auto last = Clock::now();
  double accumulator = 0, frameMs = 0;
  float lastX = window->cursorPosition().x, lastY = window->cursorPosition().y;
  bool paused = false, spaceWasDown = false;
  render::Image image;
  while (!window->shouldClose()) {
    window->pollEvents();
    const auto now = Clock::now();
    const double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    frameMs = frameMs == 0 ? dt * 1000 : frameMs * 0.9 + dt * 100;

    // controls: orbit with the left button, zoom with the wheel, keys for the rest
    const core::Vec3 cursor = window->cursorPosition();
    const bool uiMouse = overlay && overlay->wantsMouse();
    if (!uiMouse && window->mouseButtonDown(render::kMouseRight))
      orbit.rotate(cursor.x - lastX, cursor.y - lastY);
    lastX = cursor.x;
    lastY = cursor.y;
    const double scroll = window->takeScroll();
    if (!uiMouse) orbit.zoom(scroll);
    if (window->keyDown(render::kKeyEscape)) window->requestClose();
    if (window->keyDown(render::kKeyR)) orbit.reset();
    const bool spaceDown = window->keyDown(render::kKeySpace);
    if (spaceDown && !spaceWasDown) paused = !paused;
    spaceWasDown = spaceDown;

    // fixed ticks for the real time that passed (at most a quarter second per frame)
    if (!paused) accumulator += std::min(dt, 0.25);
    const VkExtent2D extent = (*target)->extent();
    const float viewAspect = extent.height ? float(extent.width) / float(extent.height) : 1.0f;
    const sim::InputRecord input =
        pointerInput(orbit.camera(), viewAspect, cursor, extent,
                     !uiMouse && window->mouseButtonDown(render::kMouseLeft));
    while (accumulator >= s.tickSeconds()) {
      if (o.seconds >= 0 && s.time() >= o.seconds) break;
      s.step(input);
      log.afterTick(s, input);
      accumulator -= s.tickSeconds();
    }
    const bool finished = o.seconds >= 0 && s.time() + 1e-9 >= o.seconds;

    // draw
    const VkExtent2D size = (*target)->extent();
    if (overlay) {
      overlay->newFrame(float(size.width), float(size.height), float(dt));
      ui::drawStatusPanel({title(s.definition(), o.language), (*ctx)->deviceDescription(), s.time(),
                           s.tick(), s.stateHash(), frameMs, paused,
                           "click: operate  right-drag: orbit  wheel: zoom  space: pause  R: reset "
                           "view  Esc: quit"});
    }
    const float aspect = size.height ? float(size.width) / float(size.height) : 1.0f;
    const auto camera = render::makeCameraView(orbit.camera(), aspect);
    const bool capture = finished && !o.screenshot.empty();
    if (auto st = (*renderer)->drawFrame((*view)->frame(s.simulation(), camera),
                                         capture ? &image : nullptr);
        !st.ok())
      return fail(st.error().message);
    if (finished) break;
  }
  (*renderer)->waitIdle();
  if (!log.ok()) return fail(o.hashLog.string() + ": cannot write the hash log");
  if (auto closed = log.finish(s); !closed.ok()) return fail(closed.error().message);
  printSummary(s, ctx->get());
  if (!o.screenshot.empty() && image.rgba.empty())
    return fail("no frame was captured for the screenshot (the window was closed or minimised)");
  return finish(o, **ctx, image);
}

}  // namespace

int runCommand(const std::vector<std::string>& argv) {
  auto args =
      Args::parse(argv, {"headless", "no-overlay", "no-render", "no-vsync", "validation", "no-log"},
                  {"seconds", "screenshot", "width", "height", "gpu", "lang", "hash-log", "bot",
                   "result", "mode", "seed", "log-dir", "learner", "station", "station-key"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum run: %s\n%s",
                 args.ok() ? "expected one scenario" : args.error().message.c_str(), kRunUsage);
    return 2;
  }

  // options
  RunOptions o;
  o.scenario = args->positionals()[0];
  o.headless = args->has("headless") || args->has("no-render");
  o.render = !args->has("no-render");
  o.overlay = !args->has("no-overlay");
  o.vsync = !args->has("no-vsync");
  o.validation = args->has("validation");
  o.screenshot = args->value("screenshot").value_or("");
  o.hashLog = args->value("hash-log").value_or("");
  o.gpu = args->value("gpu").value_or("");
  auto seconds = args->number("seconds", -1);
  auto width = args->number("width", 1280);
  auto height = args->number("height", 720);
  for (const auto* r : {&seconds, &width, &height})
    if (!r->ok()) return std::fprintf(stderr, "practicum run: %s\n", r->error().message.c_str()), 2;
  if (args->value("seconds") && (*seconds < 0 || *seconds > 86400))
    return std::fprintf(stderr, "practicum run: --seconds must be between 0 and 86400\n"), 2;
  if (*width < 16 || *width > 8192 || *height < 16 || *height > 8192)
    return std::fprintf(stderr, "practicum run: --width/--height must be 16..8192\n"), 2;
  o.seconds = *seconds;
  o.width = static_cast<std::uint32_t>(*width);
  o.height = static_cast<std::uint32_t>(*height);
  if (const auto lang = args->value("lang")) {
    if (*lang == "zh-CN" || *lang == "zh")
      o.language = ui::Language::ChineseSimplified;
    else if (*lang != "en")
      return std::fprintf(stderr, "practicum run: --lang must be en or zh-CN\n"), 2;
  }

  // the scenario, strictly loaded; every problem printed
  scenario::LoadResult loaded = scenario::loadScenario(o.scenario);
  for (const auto& d : loaded.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
  if (!loaded.ok()) return fail("the scenario has errors (see above); nothing was run");

  // a scripted learner brings its mode and seed; the command line may override them
  sim::SessionOptions sessionOptions;
  if (const auto bot = args->value("bot")) {
    scenario::RunFileResult run = scenario::loadRunFile(*bot);
    for (const auto& d : run.diagnostics) std::fprintf(stderr, "%s\n", d.format().c_str());
    if (!run.run) return fail("the run file has errors (see above); nothing was run");
    o.run = std::move(run.run);
    sessionOptions.mode = o.run->exam ? sim::Mode::Exam : sim::Mode::Practice;
    sessionOptions.seed = o.run->seed;
    if (!o.headless) std::fprintf(stderr, "practicum run: --bot runs headless\n");
    o.headless = true;
  }
  if (const auto mode = args->value("mode")) {
    if (*mode == "exam")
      sessionOptions.mode = sim::Mode::Exam;
    else if (*mode == "practice")
      sessionOptions.mode = sim::Mode::Practice;
    else
      return std::fprintf(stderr, "practicum run: --mode must be practice or exam\n"), 2;
  }
  if (const auto seed = args->value("seed")) {
    char* end = nullptr;
    const unsigned long long v = std::strtoull(seed->c_str(), &end, 10);
    if (seed->empty() || *end != '\0')
      return std::fprintf(stderr, "practicum run: --seed must be a whole number\n"), 2;
    sessionOptions.seed = v;
  }
  o.resultFile = args->value("result").value_or("");
  auto simulation = sim::Session::create(*loaded.scenario, sessionOptions);
  if (!simulation.ok()) return fail(simulation.error().message);
  TickObserver log;
  if (!log.openHashLog(o.hashLog)) return fail(o.hashLog.string() + ": cannot open for writing");

  // every session leaves a log (unless --no-log)
  if (!args->has("no-log")) {
    std::error_code ec;
    const std::filesystem::path dir = args->value("log-dir").value_or(record::defaultLogDir());
    std::filesystem::create_directories(dir, ec);
    record::RecorderOptions ro;
    ro.learner = args->value("learner").value_or("anonymous");
    ro.station = args->value("station").value_or("");
    ro.engineVersion = PRACTICUM_VERSION;
    ro.buildId = PRACTICUM_BUILD_ID;
    // the station signs the end of the log when it has a key
    std::string keyFile = args->value("station-key").value_or("");
    if (const char* env = std::getenv("PRACTICUM_STATION_KEY"); keyFile.empty() && env)
      keyFile = env;
    if (!keyFile.empty()) {
      auto key = record::StationKey::load(keyFile);
      if (!key.ok())
        return fail(key.error().message + " (create one with `practicum station-key --key " +
                    keyFile + "`)");
      ro.writer.stationKey = std::make_shared<const record::StationKey>(std::move(*key));
    }
    const auto file =
        dir / record::logFileName(loaded.scenario->meta.id, ro.learner, core::nowUnixMs());
    auto recorder = record::SessionRecorder::create(file, **simulation, ro);
    if (!recorder.ok()) return fail(recorder.error().message + " (use --log-dir or --no-log)");
    log.record(std::move(*recorder), dir);
  }

  // a window when there is a display, otherwise headless
  if (!o.headless) {
    auto window = render::Window::create(
        {"Practicum - " + title(*loaded.scenario, o.language), o.width, o.height});
    if (window.ok()) return runWindow(o, **simulation, log, std::move(*window));
    std::fprintf(stderr, "practicum run: %s; rendering headless instead\n",
                 window.error().message.c_str());
  }
  return runHeadless(o, **simulation, log);
}

}  // namespace practicum::app
