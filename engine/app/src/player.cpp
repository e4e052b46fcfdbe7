#include "player.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <thread>

#include <practicum/render/image.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/ui/hud.hpp>

#include "camera_rig.hpp"
#include "scene_presenter.hpp"

namespace practicum::app {

namespace {

// the whole interactive session: state that lives from frame to frame
class Player {
 public:
  Player(const PlayerSetup& setup, Viewer& viewer)
      : setup_(setup), viewer_(viewer), rig_(setup.scenario->scene.camera) {
    language_ = setup.language;
    cutaway_ = setup.cutaway;
    form_.exam = setup.session.mode == sim::Mode::Exam;
    form_.language = setup.language;
    std::snprintf(form_.learner, sizeof form_.learner, "%s",
                  setup.askLearner ? "" : setup.learner.c_str());
  }

  int run() {
    // a practice session behind the start-up form; the real one starts with the form's choices
    const bool form = setup_.askLearner && !setup_.bot;
    auto preview = sim::Session::create(*setup_.scenario, setup_.session);
    if (!preview.ok()) return fail(preview.error().message);
    session_ = std::move(*preview);
    if (auto shown = viewer_.show(session_->simulation()); !shown.ok())
      return fail(shown.error().message);
    if (form) {
      if (!runForm()) {  // quit at the form: no session, no log
        if (formError_.empty()) return 0;
        std::fprintf(stderr, "practicum run: %s\n", formError_.c_str());
        return 1;
      }
      sim::SessionOptions options = setup_.session;
      options.mode = form_.exam ? sim::Mode::Exam : sim::Mode::Practice;
      auto created = sim::Session::create(*setup_.scenario, options);
      if (!created.ok()) return fail(created.error().message);
      session_ = std::move(*created);
      language_ = form_.language;
    }
    const std::string learner = form ? std::string(form_.learner) : setup_.learner;
    if (auto started = setup_.startLog(*session_, learner.empty() ? "anonymous" : learner);
        !started.ok())
      return fail(started.error().message);
    started_ = true;

    if (setup_.bot) {
      if (auto played = playBot(); !played.ok()) return fail(played.error().message);
    }
    if (auto played = loop(); !played.ok()) return fail(played.error().message);
    viewer_.window().setCursorCaptured(false);
    return setup_.finish(*session_, &viewer_.context(), &image_, captureError());
  }

 private:
  int fail(const std::string& message) {
    if (!started_) {
      std::fprintf(stderr, "practicum run: %s\n", message.c_str());
      return 1;
    }
    return setup_.finish(*session_, &viewer_.context(), nullptr, message);
  }

  std::string captureError() const {
    if (!setup_.screenshot.empty() && image_.rgba.empty())
      return "no frame was captured for the screenshot (the window was closed or minimised)";
    return {};
  }

  // the start-up form over the scene; false when the user quits (or drawing failed: formError_)
  bool runForm() {
    const std::string title = ui::pick(setup_.scenario->meta.title, form_.language);
    int frames = 0;
    while (!viewer_.window().shouldClose()) {
      viewer_.beginFrame();
      const ui::StartChoice choice = ui::drawStartForm(form_, title);
      ++frames;
      // a run that takes a screenshot or counts frames is automated: the form starts by itself
      const bool automatic = (setup_.frames > 0 || !setup_.screenshot.empty()) && frames > 2;
      const auto looks =
          entityLooks(*session_, ui::makeHud(*session_, form_.language), rig_.camera(), {});
      if (auto drawn = viewer_.endFrame(session_->simulation(), rig_.camera(), looks, nullptr);
          !drawn.ok()) {
        formError_ = drawn.error().message;
        return false;
      }
      if (choice == ui::StartChoice::Quit) return false;
      if (choice == ui::StartChoice::Start || automatic) return true;
    }
    return false;
  }

  // the scripted learner plays; frames are drawn at the display's pace along the way
  core::Status playBot() {
    auto bot = sim::Bot::create(*setup_.bot, *session_);
    if (!bot.ok()) return bot.error();
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto lastFrame = start - std::chrono::seconds(1);
    core::Status drawError;
    auto played = bot->play([&](const sim::Session& s, const sim::InputRecord& input) {
      setup_.afterTick(s, input);
      if (viewer_.window().keyPressed(render::kKeyEscape)) viewer_.window().requestClose();
      if (viewer_.window().shouldClose()) {
        session_->stop();  // the bot's remaining steps do nothing
        return;
      }
      // at the bot's speed in real time: a tick ahead of its time waits, and draws a frame
      // when 1/60 s has passed since the last one; a tick behind catches up without one
      const auto due = start + std::chrono::duration_cast<Clock::duration>(
                                   std::chrono::duration<double>(s.time() / setup_.botSpeed));
      if (Clock::now() >= due || !drawError.ok()) return;
      const bool frameDue = Clock::now() - lastFrame >= std::chrono::milliseconds(16);
      std::this_thread::sleep_until(due);
      if (!frameDue) return;
      lastFrame = Clock::now();
      viewer_.beginFrame();
      handleViewKeys();
      drawError = drawFrame(nullptr);
    });
    if (!drawError.ok()) return drawError;
    return played;
  }

  // keys that change only the view, for the player and the bot alike
  void handleViewKeys() {
    render::Window& w = viewer_.window();
    if (w.keyPressed(render::kKeyF1)) help_ = !help_;
    if (w.keyPressed(render::kKeyF11)) w.toggleFullscreen();
    if (w.keyPressed(render::kKeyC)) cutaway_ = !cutaway_;
    if (w.keyPressed(render::kKeyL)) labels_ = !labels_;
    if (w.keyPressed(render::kKeyR)) {
      rig_.reset();
      w.setCursorCaptured(false);
    }
    if (w.keyPressed(render::kKeyV)) {
      const bool walk = rig_.mode() == CameraRig::Mode::Orbit;
      rig_.setMode(walk ? CameraRig::Mode::Walk : CameraRig::Mode::Orbit);
      w.setCursorCaptured(walk);
    }
    if (w.keyPressed(render::kKeyTab) && rig_.mode() == CameraRig::Mode::Walk)
      w.setCursorCaptured(!w.cursorCaptured());
  }

  // the learner's frame loop: input, fixed ticks, drawing
  core::Status loop() {
    double accumulator = 0;
    int frames = 0;
    render::Window& w = viewer_.window();
    core::Vec3 lastCursor = w.cursorPosition();
    float rightTravel = 0;
    bool rightWasDown = false;
    while (!w.shouldClose()) {
      const double dt = viewer_.beginFrame();
      const bool keyboard = !viewer_.uiWantsKeyboard();
      if (keyboard) handleViewKeys();
      if (keyboard && w.keyPressed(render::kKeyEscape)) {
        if (help_)
          help_ = false;
        else if ((session_->ended() || setup_.bot) && setup_.embedded)
          break;  // back to the host
        else if (session_->ended() || setup_.bot)
          w.requestClose();
        else
          paused_ = !paused_;
      }
      const bool live = !paused_ && !session_->ended() && !setup_.bot;
      if (paused_ || session_->ended()) w.setCursorCaptured(false);

      // camera: look or orbit with the mouse, walk with the keys
      const core::Vec3 cursor = w.cursorPosition();
      const float dx = cursor.x - lastCursor.x, dy = cursor.y - lastCursor.y;
      lastCursor = cursor;
      const bool sceneMouse = !viewer_.uiWantsMouse() || w.cursorCaptured();
      const bool rightDown = w.mouseButtonDown(render::kMouseRight);
      bool secondaryClick = false;
      if (rig_.mode() == CameraRig::Mode::Walk) {
        if (w.cursorCaptured()) rig_.look(dx, dy);
        if (keyboard && live) {
          const float f = float(w.keyDown(render::kKeyW)) - float(w.keyDown(render::kKeyS));
          const float r = float(w.keyDown(render::kKeyD)) - float(w.keyDown(render::kKeyA));
          // the eye does not walk through walls and cabinets
          rig_.moveEye(walkTowards(session_->simulation().physics(), rig_.eye(),
                                   rig_.walkTarget(f, r, dt, w.keyDown(render::kKeyLeftShift))));
        }
      } else if (sceneMouse) {
        // right drag orbits; a right click that does not move is the secondary button
        if (rightDown) {
          rig_.orbit(dx, dy);
          rightTravel += std::abs(dx) + std::abs(dy);
        } else if (rightWasDown) {
          secondaryClick = rightTravel < 4.0f;
          rightTravel = 0;
        }
      }
      const double wheel = sceneMouse ? w.takeScroll() : 0.0;
      if (!carryingPart() && rig_.mode() == CameraRig::Mode::Orbit) rig_.zoom(wheel);
      rightWasDown = rightDown;

      // the learner's input this frame: the pointer through the cursor (or the screen centre)
      const scene::Camera eye = rig_.camera();
      const VkExtent2D size = viewer_.extent();
      const render::CameraView view = viewer_.cameraView(eye);
      const float px = w.cursorCaptured() ? float(size.width) * 0.5f : cursor.x;
      const float py = w.cursorCaptured() ? float(size.height) * 0.5f : cursor.y;
      sim::InputRecord input = pointerInput(view, eye, px, py, size);
      if (sceneMouse && w.mouseButtonDown(render::kMouseLeft))
        input.buttons |= sim::kPointerPrimary;
      if (sceneMouse && (secondaryClick || (rig_.mode() == CameraRig::Mode::Walk && rightDown)))
        input.buttons |= sim::kPointerSecondary;
      if (keyboard && w.keyDown(render::kKeyG)) input.keys |= sim::kKeyDrop;
      // the wheel turns a carried part (and does not zoom then)
      if (carryingPart()) input.axes[sim::kAxisTurnHeld] = float(wheel);
      // reaching for a tool from the belt: a click aimed at it on its rack, pressed for one tick
      // and released for one (it is recorded like any click: a replay reproduces it)
      if (keyboard)
        for (std::uint32_t n = 0; n < 9; ++n)
          if (w.keyPressed(render::kKey1 + int(n)) && n < tools_.size()) reachFor(tools_[n]);
      if (reach_) {
        const core::Vec3 at = session_->simulation().entityPose(reach_->entity).position;
        input.pointerOrigin = eye.position;
        input.pointerDirection = core::normalize(at - eye.position);
        input.buttons = reach_->pressed ? 0 : sim::kPointerPrimary;
      }

      // fixed ticks for the real time that passed; a click shorter than a tick still counts
      if (live) accumulator += dt;
      while (live && accumulator >= session_->tickSeconds() && !session_->ended()) {
        if (setup_.seconds >= 0 && session_->time() >= setup_.seconds) break;
        session_->step(input);
        setup_.afterTick(*session_, input);
        accumulator -= session_->tickSeconds();
        input.buttons &= ~sim::kPointerSecondary;  // a click is one edge
        input.axes[sim::kAxisTurnHeld] = 0;        // the wheel's steps count once
        if (reach_) {
          // pressed on this tick, released on the next
          if (reach_->pressed) {
            // no tool taken or put back: the rack is out of reach (or something is in the way)
            bool reached = false;
            const auto& events = session_->events();
            for (std::size_t e = reach_->events; e < events.size(); ++e)
              reached |= (events[e].kind == procedure::EventKind::ToolTaken ||
                          events[e].kind == procedure::EventKind::ToolReturned) &&
                         events[e].subject == reach_->tool;
            if (!reached) outOfReachAt_ = session_->time();
            reach_.reset();
            break;
          }
          reach_->pressed = true;
          input.buttons = 0;
        }
      }
      if (!live) accumulator = 0;

      // a pause menu choice
      if (paused_ && setup_.hud) {
        ui::PauseSettings settings{language_, viewer_.vsync()};
        const ui::PauseChoice choice =
            ui::drawPauseMenu(settings, session_->options().mode == sim::Mode::Exam);
        language_ = settings.language;
        viewer_.setVsync(settings.vsync);
        if (choice == ui::PauseChoice::Resume) paused_ = false;
        if (choice == ui::PauseChoice::EndSession) {
          paused_ = false;
          session_->stop();
        }
      }
      if (w.cursorCaptured() && setup_.hud) ui::drawCrosshair(px, py);

      // draw; the last frame of --seconds or --frames is the screenshot
      ++frames;
      const bool timeUp = setup_.seconds >= 0 && session_->time() + 1e-9 >= setup_.seconds;
      const bool enough = setup_.frames > 0 && frames >= setup_.frames;
      const bool last = timeUp || enough;
      const bool capture = last && !setup_.screenshot.empty();
      if (auto drawn = drawFrame(capture ? &image_ : nullptr); !drawn.ok()) return drawn;
      if (last) break;
    }
    return {};
  }

  // starts reaching for a tool (on its rack, or back to it when it is in the hand)
  void reachFor(std::uint32_t tool) {
    if (reach_ || session_->ended()) return;
    reach_ = Reach{tool, session_->devices().def(tool).entity, session_->events().size(), false};
  }

  bool carryingPart() const {
    for (std::uint32_t d = 0; d < session_->devices().size(); ++d)
      if (session_->devices().def(d).kind == scenario::DeviceKind::Part &&
          session_->devices().state(d).held)
        return true;
    return false;
  }

  // the HUD and the scene for the session's current state
  core::Status drawFrame(render::Image* capture) {
    const scene::Camera eye = rig_.camera();
    // after the end the session's clock stands still; the consequences still fade
    if (session_->ended() && !endedAt_) endedAt_ = std::chrono::steady_clock::now();
    const double afterEnd =
        endedAt_
            ? std::chrono::duration<double>(std::chrono::steady_clock::now() - *endedAt_).count()
            : 0.0;
    ui::HudModel hud = ui::makeHud(*session_, language_, 8.0, afterEnd);
    if (outOfReachAt_ && session_->time() - *outOfReachAt_ < 3.0)
      hud.alerts.push_back(
          {ui::tr(ui::Text::OutOfReach, language_), ui::AlertLevel::Info, *outOfReachAt_});
    tools_.clear();
    for (const auto& t : hud.tools) tools_.push_back(t.device);
    if (setup_.hud) {
      if (!setup_.bot && !paused_)
        if (const auto clicked = ui::drawToolBelt(hud)) reachFor(*clicked);
      const VkExtent2D size = viewer_.extent();
      drawSessionOverlay(*session_, hud, viewer_.cameraView(eye), float(size.width),
                         float(size.height),
                         {labels_, help_, false, viewer_.context().deviceDescription(),
                          viewer_.frameMilliseconds()});
    }
    const auto looks = entityLooks(*session_, hud, eye, {cutaway_});
    return viewer_.endFrame(session_->simulation(), eye, looks, capture);
  }

  const PlayerSetup& setup_;
  Viewer& viewer_;
  CameraRig rig_;
  ui::StartForm form_;
  ui::Language language_;
  std::unique_ptr<sim::Session> session_;
  bool started_ = false;
  std::string formError_;
  bool paused_ = false, help_ = false, cutaway_ = false, labels_ = true;
  render::Image image_;
  struct Reach {
    std::uint32_t tool = 0;    ///< the tool (device index)
    std::uint32_t entity = 0;  ///< its entity, aimed at
    std::size_t events = 0;    ///< events before the reach
    bool pressed = false;      ///< the pressing tick has been stepped
  };
  std::optional<double> outOfReachAt_;  ///< session time of a reach that found no tool
  std::optional<Reach> reach_;
  std::optional<std::chrono::steady_clock::time_point> endedAt_;  ///< when the session ended
  std::vector<std::uint32_t> tools_;  ///< the belt's tools (device indices), in order
};

}  // namespace

int playInWindow(const PlayerSetup& setup, std::unique_ptr<render::Window> window) {
  ViewerOptions vo = setup.viewer;
  vo.language = setup.language;
  vo.glyphText = scenarioGlyphs(*setup.scenario);
  auto viewer = Viewer::create(std::move(window), vo);
  if (!viewer.ok()) {
    std::fprintf(stderr, "practicum run: %s\n", viewer.error().message.c_str());
    return 1;
  }
  return playInViewer(setup, **viewer);
}

int playInViewer(const PlayerSetup& setup, Viewer& viewer) {
  Player player(setup, viewer);
  return player.run();
}

}  // namespace practicum::app
