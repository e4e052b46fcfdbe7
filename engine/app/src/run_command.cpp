#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <thread>

#include <practicum/core/hash.hpp>
#include <practicum/core/interrupt.hpp>
#include <practicum/core/log.hpp>
#include <practicum/core/time.hpp>
#include <practicum/render/context.hpp>
#include <practicum/render/offscreen_target.hpp>
#include <practicum/render/renderer.hpp>
#include <practicum/render/window.hpp>
#include <practicum/scenario/scenario.hpp>
#include <practicum/sim/simulation.hpp>
#include <practicum/ui/hud.hpp>
#include <practicum/ui/overlay.hpp>

#include <practicum/present/hud_model.hpp>
#include <practicum/present/input_script.hpp>
#include <practicum/present/player.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/present/scene_view.hpp>
#include <practicum/scenario/find_scenario.hpp>

#include <practicum/record/catalogue.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/record/station_key.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/sim/session.hpp>

#include "args.hpp"
#include "commands.hpp"
#include "host.hpp"
#include "result_json.hpp"

namespace practicum::app {

const char* const kRunUsage =
    "usage: practicum run <scenario> [options]\n"
    "\n"
    "<scenario> is a scenario folder, its scenario.json, or a scenario id looked up in the\n"
    "--scenarios folders, then $PRACTICUM_SCENARIOS (separated by ':'), then scenarios/.\n"
    "Plays a scenario. With a display it opens the player: a start-up form (learner id, mode,\n"
    "language), the workshop in 3D, the HUD and the end screen with the result. Without a\n"
    "display (or with --headless) it simulates offscreen.\n"
    "  --learner ID         the learner's pseudonym (skips the form's question; default\n"
    "                       anonymous when headless)\n"
    "  --mode practice|exam session mode (default: the run file's, else practice)\n"
    "  --lang en|zh-CN      language of the on-screen text (default en)\n"
    "  --scenarios DIR      a folder of scenarios to find <scenario> in by id (repeatable)\n"
    "  --headless           no window: simulate, render offscreen only for --screenshot\n"
    "  --seconds S          end after S simulated seconds (headless default: 5)\n"
    "  --frames N           in the window: draw N frames (after the --bot run), then leave\n"
    "  --screenshot FILE    save the last frame as a PNG and print its path\n"
    "  --width W --height H image or window size in pixels (default 1280 x 720)\n"
    "  --gpu NAME           use the Vulkan device whose name contains NAME\n"
    "                       (also $PRACTICUM_GPU); default: discrete > integrated > CPU\n"
    "  --no-overlay         no HUD or other UI\n"
    "  --cutaway            start with the cut-away view (enclosures see-through; key C)\n"
    "  --no-render          simulate only, no Vulkan at all\n"
    "  --no-vsync           present as fast as possible in a window\n"
    "  --validation         enable Vulkan validation layers (any error fails the run)\n"
    "  --hash-log FILE      write \"tick hash\" for every tick to FILE\n"
    "  --bot RUN.json       a scripted learner plays the run file (in the window when there\n"
    "                       is one); exit 1 when the outcome differs from the file's\n"
    "  --speed X            pace in simulated seconds per second: the windowed bot's (default\n"
    "                       1); headless, when given, the whole run's (default: flat out)\n"
    "  --input-script FILE  input events by frame, as if typed and clicked (docs/input-script.md)\n"
    "  --result FILE        write the session's result (score, steps, violations) as JSON\n"
    "  --seed N             seed for the scenario's random faults (default: the run file's)\n"
    "  --station NAME       the station (seat, machine) for the session log\n"
    "  --log-dir DIR        where session logs go (default ~/.local/share/practicum/logs)\n"
    "  --no-log             do not write a session log\n"
    "  --station-key FILE   sign the end of the log with this station key (see station-key);\n"
    "                       default: $PRACTICUM_STATION_KEY when set\n"
    "in the window: F1 lists the controls (click to operate, drag to turn and carry, V walk /\n"
    "orbit, WASD walk, C cut-away, G let go, Esc pause menu, F11 full screen)\n";

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
  int frames = 0;                        // --frames: draw N frames in the window, then leave
  double speed = 1;                      // --speed: the windowed bot's pace
  double headlessPace = 0;               // --speed given, headless: paced; 0 flat out
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
  /// The session's log file, once record() was called; null with --no-log.
  const std::filesystem::path* logFile() const { return recorder_ ? &recorder_->file() : nullptr; }
  /// Ends the session for `reason` (Stopped, Interrupted or Closed), unless it ended by itself,
  /// writes the end record, closes (flushes and fsyncs) the log and catalogues it.
  core::Status finish(sim::Session& s,
                      procedure::EndReason reason = procedure::EndReason::Stopped) {
    if (!s.ended()) s.stop(reason);
    return close(s);
  }
  /// Closes the log of a session that has ended: the end record, flushed, catalogued. Once.
  core::Status close(const sim::Session& s) {
    if (!recorder_ || closed_) return {};
    closed_ = true;
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
  bool closed_ = false;
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

// keeps a headless session at `pace` simulated seconds per second of real time (--speed);
// with a pace of 0, as fast as it goes
class Pacer {
 public:
  explicit Pacer(double pace) : pace_(pace) {}
  /// Waits until the real time has come for `simulated` seconds of session.
  void wait(double simulated) {
    if (pace_ <= 0) return;
    using Clock = std::chrono::steady_clock;
    if (!start_) start_ = Clock::now() - toClock(simulated / pace_);
    std::this_thread::sleep_until(*start_ + toClock(simulated / pace_));
  }

 private:
  static std::chrono::steady_clock::duration toClock(double seconds) {
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
        std::chrono::duration<double>(seconds));
  }
  double pace_;
  std::optional<std::chrono::steady_clock::time_point> start_;  // real time of session time 0
};

// steps until `seconds` of simulated time have passed (or the session ends); an interrupt
// (SIGINT, SIGTERM, SIGHUP) ends the session as interrupted between two ticks
void simulate(sim::Session& s, double seconds, TickObserver& log, Pacer& pacer) {
  const auto ticks = static_cast<std::uint64_t>(std::llround(seconds / s.tickSeconds()));
  const sim::InputRecord idle = idleInput(s);
  while (s.tick() < ticks && !s.ended()) {
    if (core::interruptSignal() != 0) {
      s.stop(procedure::EndReason::Interrupted);
      return;
    }
    s.step(idle);
    log.afterTick(s, idle);
    pacer.wait(s.time());
  }
}

// plays the run file, then goes on to --seconds if asked; an interrupt ends the session as
// interrupted after the tick it came in (the bot then plays no further)
core::Status playBot(const RunOptions& o, sim::Session& s, TickObserver& log, Pacer& pacer) {
  auto bot = sim::Bot::create(*o.run, s);
  if (!bot.ok()) return bot.error();
  if (auto played = bot->play([&](const sim::Session& session, const sim::InputRecord& input) {
        log.afterTick(session, input);
        if (core::interruptSignal() != 0)
          s.stop(procedure::EndReason::Interrupted);
        else
          pacer.wait(session.time());
      });
      !played.ok())
    return played.error();
  if (o.seconds >= 0) simulate(s, o.seconds, log, pacer);
  return {};
}

// how a session's log is written: settings from the command line
struct LogSettings {
  bool enabled = true;
  std::filesystem::path dir;
  std::string station;
  std::shared_ptr<const record::StationKey> stationKey;
};

// starts the log of a session for `learner` in the settings' folder
core::Status startLog(TickObserver& log, const LogSettings& settings, const sim::Session& s,
                      const std::string& learner) {
  if (!settings.enabled) return {};
  std::error_code ec;
  std::filesystem::create_directories(settings.dir, ec);
  record::RecorderOptions ro;
  ro.learner = learner;
  ro.station = settings.station;
  ro.engineVersion = PRACTICUM_VERSION;
  ro.buildId = PRACTICUM_BUILD_ID;
  ro.writer.stationKey = settings.stationKey;
  const auto file =
      settings.dir / record::logFileName(s.definition().meta.id, ro.learner, core::nowUnixMs());
  auto recorder = record::SessionRecorder::create(file, s, ro);
  if (!recorder.ok())
    return core::makeError(recorder.error().code,
                           recorder.error().message + " (use --log-dir or --no-log)");
  log.record(std::move(*recorder), settings.dir);
  return {};
}

// says on stdout that the session was ended from outside before its procedure ended it (a
// signal, the window closed) and where its log is
void printEndedFromOutside(const sim::Session& s, const TickObserver& log) {
  const char* reason = procedure::toString(s.endReason());
  std::string how = reason;
  if (s.endReason() == procedure::EndReason::Interrupted && core::interruptSignal() != 0)
    how += " by " + core::signalName(core::interruptSignal());
  const auto* file = log.logFile();
  const std::string where =
      file ? "its log is " + file->string() : std::string("no log was written (--no-log)");
  std::printf("%s: the session was ended as %s at %.3f s; %s\n", how.c_str(), reason, s.time(),
              where.c_str());
}

// the end of a session in any mode: ended for `reason` unless it ended by itself, log closed,
// result written, the bot's outcome checked. A session that ended interrupted or closed is not
// checked against the bot's expectation (it did not get to its end); interrupted, it returns
// 128 + the signal received (130 SIGINT, 143 SIGTERM, 129 SIGHUP), closed 0
int concludeSession(const RunOptions& o, sim::Session& s, TickObserver& log,
                    const render::Context* ctx,
                    procedure::EndReason reason = procedure::EndReason::Stopped) {
  if (auto closed = log.finish(s, reason); !closed.ok()) return fail(closed.error().message);
  if (!log.ok()) return fail(o.hashLog.string() + ": cannot write the hash log");
  if (!o.resultFile.empty())
    if (auto written = writeResult(o.resultFile, s); !written.ok())
      return fail(written.error().message);
  const auto ended = s.endReason();
  if (ended == procedure::EndReason::Interrupted || ended == procedure::EndReason::Closed) {
    printSummary(s, ctx);
    printEndedFromOutside(s, log);
    const int signal = core::interruptSignal();
    return ended == procedure::EndReason::Interrupted && signal != 0
               ? core::interruptExitCode(signal)
               : 0;
  }
  if (o.run) {
    const auto mismatches = sim::compareWithExpectation(o.run->expect, s.result(), s.events());
    if (!mismatches.empty()) {
      for (const auto& m : mismatches)
        std::fprintf(stderr, "practicum run: expected: %s\n", m.c_str());
      printSummary(s, ctx);
      return fail(o.run->file.string() + ": the run did not produce its expected outcome");
    }
  }
  printSummary(s, ctx);
  return 0;
}

// one offscreen frame of the session's state, HUD included, as the player would show it
int renderHeadless(const RunOptions& o, const sim::Session& s, render::Image& image,
                   std::unique_ptr<render::Context>& ctx) {
  render::ContextOptions co;
  co.validation = o.validation;
  co.gpu = o.gpu;
  auto created = render::Context::create(co);
  if (!created.ok()) return fail(created.error().message);
  ctx = std::move(*created);
  auto target = render::OffscreenTarget::create(*ctx, o.width, o.height);
  if (!target.ok()) return fail(target.error().message);
  auto renderer = render::Renderer::create(*ctx, **target, {1});
  if (!renderer.ok()) return fail(renderer.error().message);
  auto view = present::SceneView::create(**renderer, s.simulation());
  if (!view.ok()) return fail(view.error().message);
  const auto camera =
      render::makeCameraView(s.definition().scene.camera, float(o.width) / float(o.height));
  const ui::HudModel hud = present::makeHud(s, o.language);
  std::unique_ptr<ui::Overlay> overlay;
  if (o.overlay) {
    ui::OverlayOptions oo;
    oo.language = o.language;
    oo.glyphText = present::scenarioGlyphs(s.definition());
    auto ov = ui::Overlay::create(*ctx, **renderer, oo);
    if (!ov.ok()) return fail(ov.error().message);
    overlay = std::move(*ov);
    // lay the UI out once (auto-sized windows appear from their second frame), then for real
    for (int pass = 0; pass < 2; ++pass) {
      if (pass == 1) overlay->discardFrame();
      overlay->newFrame(float(o.width), float(o.height), 0);
      present::drawSessionOverlay(s, hud, camera, VkRect2D{{0, 0}, {o.width, o.height}},
                                  {true, false, false, ctx->deviceDescription(), 0});
    }
  }
  const auto looks = present::entityLooks(s, hud, s.definition().scene.camera, {});
  if (auto st = (*renderer)->drawFrame((*view)->frame(s.simulation(), camera, looks), &image);
      !st.ok())
    return fail(st.error().message);
  return 0;
}

// how a headless session that has not ended by itself ends: interrupted when a signal came
// (also while the screenshot was rendered), else stopped
procedure::EndReason headlessEnd() {
  return core::interruptSignal() != 0 ? procedure::EndReason::Interrupted
                                      : procedure::EndReason::Stopped;
}

int runHeadless(const RunOptions& o, sim::Session& s, TickObserver& log) {
  Pacer pacer(o.headlessPace);
  if (o.run) {
    if (auto played = playBot(o, s, log, pacer); !played.ok()) {
      // an interrupted bot may stop mid-action: that is the interrupt, not the run's failure
      if (s.endReason() == procedure::EndReason::Interrupted)
        return concludeSession(o, s, log, nullptr, headlessEnd());
      (void)log.finish(s, headlessEnd());  // what was played stays on record
      return fail(played.error().message);
    }
  } else {
    simulate(s, o.seconds < 0 ? 5.0 : o.seconds, log, pacer);
  }
  // headless, a frame is rendered only to be saved; an interrupted session is not rendered
  if (!o.render || o.screenshot.empty() || s.endReason() == procedure::EndReason::Interrupted)
    return concludeSession(o, s, log, nullptr, headlessEnd());
  render::Image image;
  std::unique_ptr<render::Context> ctx;
  if (const int rc = renderHeadless(o, s, image, ctx); rc != 0) {
    (void)concludeSession(o, s, log, ctx.get(), headlessEnd());
    return rc;
  }
  if (const int rc = concludeSession(o, s, log, ctx.get(), headlessEnd()); rc != 0) return rc;
  return finish(o, *ctx, image);
}

// the player's sink: the session's log (and the hash log) from the start-up form on
class LogSink final : public present::SessionSink {
 public:
  LogSink(TickObserver& log, const LogSettings& settings) : log_(log), settings_(settings) {}
  core::Status begin(const sim::Session& s, const std::string& learner) override {
    return startLog(log_, settings_, s, learner);
  }
  void tick(const sim::Session& s, const sim::InputRecord& input) override {
    log_.afterTick(s, input);
  }
  core::Status end(const sim::Session& s) override { return log_.close(s); }

 private:
  TickObserver& log_;
  const LogSettings& settings_;
};

// the player in a window: the host's frame loop over the player's mode, then the session's end
// as for any run (log, result, the bot's outcome), the screenshot and the validation check
int playInWindow(const RunOptions& o, const present::PlayerConfig& config,
                 std::unique_ptr<render::Window> window, TickObserver& log,
                 const LogSettings& settings, const present::InputScript* script) {
  present::ViewerOptions vo;
  vo.gpu = o.gpu;
  vo.validation = o.validation;
  vo.vsync = o.vsync;
  vo.language = o.language;
  vo.glyphText = present::scenarioGlyphs(*config.scenario);
  vo.uiMap = uiMapFromEnvironment();
  auto viewer = present::Viewer::create(std::move(window), vo);
  if (!viewer.ok()) return fail(viewer.error().message);
  // SIGINT, SIGTERM and SIGHUP end the session as interrupted, with its log closed
  if (auto handlers = core::installInterruptHandlers(); !handlers.ok())
    return fail(handlers.error().message);
  LogSink sink(log, settings);
  auto player = present::PlayerMode::create(config, **viewer, sink);
  if (!player.ok()) return fail(player.error().message);

  HostOptions host;
  host.frames = o.frames;
  host.capture = !o.screenshot.empty();
  host.script = script;
  const HostResult result = runMode(**viewer, **player, host);
  const present::PlayerOutcome& outcome = (*player)->outcome();
  if (!outcome.started) {
    // quit at the form (or closed there): no session, no log
    if (!outcome.error.empty()) return fail(outcome.error);
    if (!result.error.empty()) return fail(result.error);
    return result.signal != 0 ? core::interruptExitCode(result.signal) : 0;
  }
  // the session ended in the window (by its procedure, the learner, the window's close, a
  // signal) or is still running after the frames asked for: then it stops here
  const int rc = concludeSession(o, (*player)->session(), log, &(*viewer)->context());
  if (!outcome.error.empty()) return fail(outcome.error);
  if (!result.error.empty()) return fail(result.error);
  if (rc != 0) return rc;
  if (o.screenshot.empty() || !result.image.rgba.empty())
    return finish(o, (*viewer)->context(), result.image);
  return fail("no frame was captured for the screenshot (the window was closed or minimised)");
}

}  // namespace

int runCommand(const std::vector<std::string>& argv) {
  auto args = Args::parse(
      argv, {"headless", "no-overlay", "no-render", "no-vsync", "validation", "no-log", "cutaway"},
      {"seconds", "screenshot", "width", "height", "gpu", "lang", "hash-log", "bot", "result",
       "mode", "seed", "log-dir", "learner", "station", "station-key", "frames", "speed",
       "input-script", "scenarios"});
  if (!args.ok() || args->positionals().size() != 1) {
    std::fprintf(stderr, "practicum run: %s\n%s",
                 args.ok() ? "expected one scenario" : args.error().message.c_str(), kRunUsage);
    return 2;
  }

  // options
  RunOptions o;
  const auto named = scenario::resolveScenario(
      args->positionals()[0], scenario::scenarioSearchPath(args->paths("scenarios")));
  if (!named.ok())
    return std::fprintf(stderr, "practicum run: %s\n", named.error().message.c_str()), 1;
  o.scenario = *named;
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
  auto frames = args->number("frames", 0);
  auto speed = args->number("speed", 1);
  for (const auto* r : {&seconds, &width, &height, &frames, &speed})
    if (!r->ok()) return std::fprintf(stderr, "practicum run: %s\n", r->error().message.c_str()), 2;
  if (args->value("seconds") && (*seconds < 0 || *seconds > 86400))
    return std::fprintf(stderr, "practicum run: --seconds must be between 0 and 86400\n"), 2;
  if (*width < 16 || *width > 8192 || *height < 16 || *height > 8192)
    return std::fprintf(stderr, "practicum run: --width/--height must be 16..8192\n"), 2;
  if (*frames < 0 || *frames > 1e6 || *frames != std::floor(*frames))
    return std::fprintf(stderr, "practicum run: --frames must be a whole number 0..1000000\n"), 2;
  if (*speed < 0.01 || *speed > 10000)
    return std::fprintf(stderr, "practicum run: --speed must be between 0.01 and 10000\n"), 2;
  o.seconds = *seconds;
  o.frames = static_cast<int>(*frames);
  o.speed = *speed;
  if (args->value("speed")) o.headlessPace = *speed;
  o.width = static_cast<std::uint32_t>(*width);
  o.height = static_cast<std::uint32_t>(*height);
  if (!readLanguage(*args, "practicum run", o.language)) return 2;

  // the scenario, strictly loaded; every problem printed
  scenario::LoadResult loaded = scenario::loadScenario(o.scenario);
  for (const auto& d : loaded.diagnostics)
    std::fprintf(stderr, "%s\n", d.format(o.language).c_str());
  if (!loaded.ok()) return fail("the scenario has errors (see above); nothing was run");

  // a scripted learner brings its mode and seed; the command line may override them
  sim::SessionOptions sessionOptions;
  if (const auto bot = args->value("bot")) {
    scenario::RunFileResult run = scenario::loadRunFile(*bot);
    for (const auto& d : run.diagnostics)
      std::fprintf(stderr, "%s\n", d.format(o.language).c_str());
    if (!run.run) return fail("the run file has errors (see above); nothing was run");
    o.run = std::move(run.run);
    sessionOptions.mode = o.run->exam ? sim::Mode::Exam : sim::Mode::Practice;
    sessionOptions.seed = o.run->seed;
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
  TickObserver log;
  if (!log.openHashLog(o.hashLog)) return fail(o.hashLog.string() + ": cannot open for writing");

  // every session leaves a log (unless --no-log); the station signs it when it has a key
  LogSettings logSettings;
  logSettings.enabled = !args->has("no-log");
  logSettings.dir = args->value("log-dir").value_or(record::defaultLogDir().string());
  logSettings.station = args->value("station").value_or("");
  std::string keyFile = args->value("station-key").value_or("");
  if (const char* env = std::getenv("PRACTICUM_STATION_KEY"); keyFile.empty() && env) keyFile = env;
  if (logSettings.enabled && !keyFile.empty()) {
    auto key = record::StationKey::load(keyFile);
    if (!key.ok())
      return fail(key.error().message + " (create one with `practicum station-key --key " +
                  keyFile + "`)");
    logSettings.stationKey = std::make_shared<const record::StationKey>(std::move(*key));
  }
  const std::string learner = args->value("learner").value_or("anonymous");

  // a window when there is a display: the player; otherwise headless
  if (!o.headless) {
    auto window = render::Window::create(
        {"Practicum - " + title(*loaded.scenario, o.language), o.width, o.height});
    if (window.ok()) {
      std::optional<present::InputScript> script;
      if (!loadInputScript("practicum run", args->value("input-script").value_or(""), script))
        return 2;
      present::PlayerConfig config;
      config.scenario = &*loaded.scenario;
      config.session = sessionOptions;
      config.bot = o.run ? &*o.run : nullptr;
      config.botSpeed = o.speed;
      // the form asks who is training, unless the command line says (or a script plays)
      config.askLearner = !args->has("learner") && !o.run;
      config.autoStart = o.frames > 0 || !o.screenshot.empty();
      config.learner = learner;
      config.language = o.language;
      config.hud = o.overlay;
      config.cutaway = args->has("cutaway");
      config.stopAfter = o.seconds;
      return playInWindow(o, config, std::move(*window), log, logSettings,
                          script ? &*script : nullptr);
    }
    std::fprintf(stderr, "practicum run: %s; rendering headless instead\n",
                 window.error().message.c_str());
  }
  // headless: SIGINT, SIGTERM and SIGHUP end the session as interrupted, with its log closed
  // (taken over before the log exists, so that no signal can leave it without an end record)
  if (auto handlers = core::installInterruptHandlers(); !handlers.ok())
    return fail(handlers.error().message);
  auto session = sim::Session::create(*loaded.scenario, sessionOptions);
  if (!session.ok()) return fail(session.error().message);
  if (auto started = startLog(log, logSettings, **session, learner); !started.ok())
    return fail(started.error().message);
  return runHeadless(o, **session, log);
}

}  // namespace practicum::app
