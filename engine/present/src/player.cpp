#include <practicum/present/player.hpp>

#include <cmath>

#include <practicum/present/hud_model.hpp>
#include <practicum/present/pointer.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/sim/bot.hpp>

namespace practicum::present {

using render::InputEvent;

/// A reach for a tool on the belt: a click aimed at the tool on its rack, pressed for one tick
/// and released for one (recorded like any click, so a replay reproduces it).
struct PlayerMode::Reach {
  std::uint32_t tool = 0;    ///< the tool (device index)
  std::uint32_t entity = 0;  ///< its entity, aimed at
  std::size_t events = 0;    ///< events before the reach
  bool pressed = false;      ///< the pressing tick has been stepped
};

PlayerMode::PlayerMode(const PlayerConfig& config, Viewer& viewer, SessionSink& sink)
    : config_(config), viewer_(viewer), sink_(sink), rig_(config.scenario->scene.camera) {
  language_ = config.language;
  cutaway_ = config.cutaway;
  form_.exam = config.session.mode == sim::Mode::Exam;
  form_.language = config.language;
}

PlayerMode::~PlayerMode() = default;

core::Result<std::unique_ptr<PlayerMode>> PlayerMode::create(const PlayerConfig& config,
                                                             Viewer& viewer, SessionSink& sink) {
  std::unique_ptr<PlayerMode> p(new PlayerMode(config, viewer, sink));
  // the session behind the start-up form (or the one played, without a form)
  auto preview = sim::Session::create(*config.scenario, config.session);
  if (!preview.ok()) return preview.error();
  p->session_ = std::move(*preview);

  // a scripted learner plays first on a session of its own, at once: its inputs are then fed
  // to the shown session at the chosen pace (the same inputs make the same session)
  if (config.bot) {
    auto shadow = sim::Session::create(*config.scenario, config.session);
    if (!shadow.ok()) return shadow.error();
    auto bot = sim::Bot::create(*config.bot, **shadow);
    if (!bot.ok()) return bot.error();
    auto played = bot->play([&p](const sim::Session&, const sim::InputRecord& input) {
      p->botInputs_.push_back(input);
    });
    if (!played.ok()) p->botError_ = played.error().message;
    p->botHash_ = (*shadow)->stateHash();
  }

  if (auto shown = viewer.show(p->session_->simulation()); !shown.ok()) return shown.error();
  if (!config.askLearner || config.bot)
    if (auto started = p->start(config.session.mode, config.learner); !started.ok())
      return started.error();
  return p;
}

core::Status PlayerMode::start(sim::Mode mode, const std::string& learner) {
  // the form's choice of mode makes a new session; otherwise the preview is the session
  if (mode != session_->options().mode) {
    sim::SessionOptions options = config_.session;
    options.mode = mode;
    auto created = sim::Session::create(*config_.scenario, options);
    if (!created.ok()) return created.error();
    session_ = std::move(*created);
    if (auto shown = viewer_.show(session_->simulation()); !shown.ok()) return shown.error();
  }
  if (auto begun = sink_.begin(*session_, learner.empty() ? "anonymous" : learner); !begun.ok())
    return begun;
  outcome_.started = true;
  stage_ = Stage::Playing;
  return {};
}

bool PlayerMode::settled() const {
  return stage_ == Stage::Playing && botNext_ >= botInputs_.size();
}

void PlayerMode::end(procedure::EndReason reason) {
  if (stage_ == Stage::Playing && !session_->ended()) session_->stop(reason);
  finishSession();
  done_ = true;
}

void PlayerMode::finishSession() {
  if (stage_ != Stage::Playing || sinkEnded_ || !session_->ended()) return;
  sinkEnded_ = true;
  if (auto ended = sink_.end(*session_); !ended.ok()) fail(ended.error().message);
}

void PlayerMode::fail(const std::string& message) {
  if (outcome_.error.empty()) outcome_.error = message;
}

SceneFrame PlayerMode::frame(const FrameInput& input) {
  if (done_) return draw();
  return stage_ == Stage::Form ? formFrame(input) : playFrame(input);
}

// the start-up form over the scene
SceneFrame PlayerMode::formFrame(const FrameInput&) {
  const std::string title = ui::pick(config_.scenario->meta.title, form_.language);
  const ui::StartChoice choice = ui::drawStartForm(form_, title);
  ++formFrames_;
  // an automated run starts the form by itself once it has been drawn
  if (choice == ui::StartChoice::Quit) {
    done_ = true;
  } else if (choice == ui::StartChoice::Start || (config_.autoStart && formFrames_ > 2)) {
    language_ = form_.language;
    if (auto started = start(form_.exam ? sim::Mode::Exam : sim::Mode::Practice, form_.learner);
        !started.ok()) {
      fail(started.error().message);
      done_ = true;
    }
  }
  SceneFrame f;
  f.simulation = &session_->simulation();
  f.eye = rig_.camera();
  f.looks = entityLooks(*session_, makeHud(*session_, form_.language), f.eye, {});
  return f;
}

// keys that change only the view, for the player and the bot alike
void PlayerMode::viewKeys(const FrameInput& in) {
  render::Window& w = viewer_.window();
  if (in.pressed(render::kKeyF1)) help_ = !help_;
  if (in.pressed(render::kKeyF11)) w.toggleFullscreen();
  if (in.pressed(render::kKeyC)) cutaway_ = !cutaway_;
  if (in.pressed(render::kKeyL)) labels_ = !labels_;
  if (in.pressed(render::kKeyR)) {
    rig_.reset();
    w.setCursorCaptured(false);
  }
  if (in.pressed(render::kKeyV)) {
    const bool walk = rig_.mode() == CameraRig::Mode::Orbit;
    rig_.setMode(walk ? CameraRig::Mode::Walk : CameraRig::Mode::Orbit);
    w.setCursorCaptured(walk);
  }
  if (in.pressed(render::kKeyTab) && rig_.mode() == CameraRig::Mode::Walk)
    w.setCursorCaptured(!w.cursorCaptured());
}

// the view as the session's input carries it (kKeyView*)
std::uint32_t PlayerMode::viewBits() const {
  return (rig_.mode() == CameraRig::Mode::Walk ? sim::kKeyViewWalk : 0u) |
         (cutaway_ ? sim::kKeyViewCutaway : 0u) | (labels_ ? 0u : sim::kKeyViewLabelsHidden);
}

// the frame's events, in order: the camera moves, and every change of the session's buttons
// and keys is queued for a tick of its own
void PlayerMode::queueEvents(const FrameInput& in, bool live) {
  render::Window& w = viewer_.window();
  const bool walk = rig_.mode() == CameraRig::Mode::Walk;
  const bool sceneMouse = !in.uiMouse || w.cursorCaptured();
  const bool keyboard = !in.uiKeyboard;
  const auto pointerAt = [&](ScreenPoint p) {
    if (!w.cursorCaptured()) return p;
    const VkExtent2D size = viewer_.extent();  // the screen centre aims while looking around
    return ScreenPoint{float(size.width) * 0.5f, float(size.height) * 0.5f};
  };
  const auto change = [&](std::uint32_t buttons, std::uint32_t keys, ScreenPoint at) {
    held_.buttons = buttons;
    held_.keys = keys;
    held_.pointer = pointerAt(at);
    if (live) queue_.push(held_);
  };
  ScreenPoint last = in.before.cursor();
  for (const InputEvent& e : in.events) {
    const ScreenPoint at{e.x, e.y};
    switch (e.kind) {
      case InputEvent::Kind::CursorMove: {
        const float dx = e.x - last.x, dy = e.y - last.y;
        last = at;
        if (walk && w.cursorCaptured()) rig_.look(dx, dy);
        if (!walk && rightDown_) {
          rig_.orbit(dx, dy);
          rightTravel_ += std::abs(dx) + std::abs(dy);
        }
        break;
      }
      case InputEvent::Kind::ButtonDown:
        last = at;
        if (!sceneMouse) break;
        if (e.code == render::kMouseLeft)
          change(held_.buttons | sim::kPointerPrimary, held_.keys, at);
        if (e.code == render::kMouseRight) {
          rightDown_ = true;
          rightTravel_ = 0;
          // walking, the right button is the secondary button held
          if (walk) change(held_.buttons | sim::kPointerSecondary, held_.keys, at);
        }
        break;
      case InputEvent::Kind::ButtonUp:
        last = at;
        // a release always reaches the session that had the press
        if (e.code == render::kMouseLeft && (held_.buttons & sim::kPointerPrimary))
          change(held_.buttons & ~sim::kPointerPrimary, held_.keys, at);
        if (e.code == render::kMouseRight && rightDown_) {
          rightDown_ = false;
          if (held_.buttons & sim::kPointerSecondary) {
            change(held_.buttons & ~sim::kPointerSecondary, held_.keys, at);
          } else if (!walk && rightTravel_ < 4.0f) {
            // orbiting, a right click that does not move is the secondary button: one click
            change(held_.buttons | sim::kPointerSecondary, held_.keys, at);
            change(held_.buttons & ~sim::kPointerSecondary, held_.keys, at);
          }
        }
        break;
      case InputEvent::Kind::KeyDown:
        if (keyboard && e.code == render::kKeyG)
          change(held_.buttons, held_.keys | sim::kKeyDrop, held_.pointer);
        break;
      case InputEvent::Kind::KeyUp:
        if (e.code == render::kKeyG && (held_.keys & sim::kKeyDrop))
          change(held_.buttons, held_.keys & ~sim::kKeyDrop, held_.pointer);
        break;
      case InputEvent::Kind::Text:
      case InputEvent::Kind::Scroll: break;
    }
  }
  held_.pointer = pointerAt(in.after.cursor());
}

// fixed ticks for the real time that passed, each with the next queued change of the buttons
void PlayerMode::stepTicks(const FrameInput& in, bool live) {
  render::Window& w = viewer_.window();
  const bool sceneMouse = !in.uiMouse || w.cursorCaptured();
  const scene::Camera eye = rig_.camera();
  const render::CameraView view = viewer_.cameraView(eye);
  const VkRect2D region = viewer_.sceneRegion();
  // the wheel turns a carried part (and does not zoom then)
  float wheel = sceneMouse ? in.scroll() : 0.0f;
  if (!carryingPart() && rig_.mode() == CameraRig::Mode::Orbit) {
    rig_.zoom(wheel);
    wheel = 0;
  }
  if (!live) {
    accumulator_ = 0;
    queue_.clear();
    return;
  }
  accumulator_ += in.dt;
  while (accumulator_ >= session_->tickSeconds() && !session_->ended()) {
    if (config_.stopAfter >= 0 && session_->time() >= config_.stopAfter) break;
    // the learner's input this tick: the pointer through the cursor (or the screen centre)
    const TickInputQueue::State state = queue_.next(held_);
    sim::InputRecord input = pointerInput(view, eye, state.pointer, region);
    input.buttons = state.buttons;
    input.keys = (state.keys & ~sim::kKeyViewMask) | viewBits();
    input.axes[sim::kAxisTurnHeld] = wheel;
    wheel = 0;  // the wheel's steps count once
    if (reach_) {
      const core::Vec3 at = session_->simulation().entityPose(reach_->entity).position;
      input.pointerOrigin = eye.position;
      input.pointerDirection = core::normalize(at - eye.position);
      input.buttons = reach_->pressed ? 0 : sim::kPointerPrimary;
    }
    session_->step(input);
    sink_.tick(*session_, input);
    accumulator_ -= session_->tickSeconds();
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
    }
  }
}

// the scripted learner's inputs at its pace: as many ticks as the bot's clock has passed
void PlayerMode::playBot(double dt) {
  botClock_ += dt * config_.botSpeed;
  while (botNext_ < botInputs_.size() && !session_->ended() &&
         double(botNext_) * session_->tickSeconds() <= botClock_) {
    const sim::InputRecord& input = botInputs_[botNext_];
    session_->step(input);
    sink_.tick(*session_, input);
    // the scripted learner's cut-away and labels are shown as it switches them
    if (const std::uint32_t view = input.keys & sim::kKeyViewMask; view != botView_) {
      botView_ = view;
      cutaway_ = view & sim::kKeyViewCutaway;
      labels_ = !(view & sim::kKeyViewLabelsHidden);
    }
    ++botNext_;
  }
  if (botNext_ < botInputs_.size() && !session_->ended()) return;
  // the run is over: it ends the session as a headless run does, and must have made the same
  // session as the bot's own
  if (!botError_.empty()) fail(botError_);
  if (!session_->ended()) session_->stop();
  if (session_->stateHash() != botHash_ && botNext_ == botInputs_.size())
    fail("the scripted learner's session and the shown one differ (determinism broken)");
  botInputs_.clear();
  botNext_ = 0;
}

SceneFrame PlayerMode::playFrame(const FrameInput& in) {
  render::Window& w = viewer_.window();
  realTime_ += in.dt;
  const bool keyboard = !in.uiKeyboard;
  if (keyboard) viewKeys(in);
  if (keyboard && in.pressed(render::kKeyEscape)) {
    if (help_)
      help_ = false;
    else if (session_->ended() || config_.bot)
      end(procedure::EndReason::Stopped);  // the learner leaves (a bot's run stops)
    else
      paused_ = !paused_;
  }
  const bool live = !paused_ && !session_->ended() && !config_.bot && !done_;
  if (paused_ || session_->ended()) w.setCursorCaptured(false);

  // camera and the session's buttons from the events; walking from the keys held
  queueEvents(in, live);
  if (rig_.mode() == CameraRig::Mode::Walk && keyboard && live) {
    const auto& keys = in.after;
    const float f = float(keys.keyDown(render::kKeyW)) - float(keys.keyDown(render::kKeyS));
    const float r = float(keys.keyDown(render::kKeyD)) - float(keys.keyDown(render::kKeyA));
    // the eye does not walk through walls and cabinets
    rig_.moveEye(walkTowards(session_->simulation().physics(), rig_.eye(),
                             rig_.walkTarget(f, r, in.dt, keys.keyDown(render::kKeyLeftShift))));
  }
  // reaching for a tool from the belt
  if (keyboard && live)
    for (std::uint32_t n = 0; n < 9; ++n)
      if (in.pressed(render::kKey1 + int(n)) && n < tools_.size()) reachFor(tools_[n]);

  if (config_.bot && !done_)
    playBot(in.dt);
  else
    stepTicks(in, live);

  // a pause menu choice
  if (paused_ && config_.hud) {
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
  if (w.cursorCaptured() && config_.hud) {
    const VkExtent2D size = viewer_.extent();
    ui::drawCrosshair(float(size.width) * 0.5f, float(size.height) * 0.5f);
  }

  // a session that ended goes to the sink at once (its log is closed while the end screen shows)
  if (session_->ended()) {
    if (endedAt_ < 0) endedAt_ = realTime_;
    finishSession();
  }
  if (config_.stopAfter >= 0 && session_->time() + 1e-9 >= config_.stopAfter) done_ = true;
  return draw();
}

void PlayerMode::reachFor(std::uint32_t tool) {
  if (reach_ || session_->ended()) return;
  reach_ = std::make_unique<Reach>(
      Reach{tool, session_->devices().def(tool).entity, session_->events().size(), false});
}

bool PlayerMode::carryingPart() const {
  for (std::uint32_t d = 0; d < session_->devices().size(); ++d)
    if (session_->devices().def(d).kind == scenario::DeviceKind::Part &&
        session_->devices().state(d).held)
      return true;
  return false;
}

// the HUD and the scene for the session's current state
SceneFrame PlayerMode::draw() {
  SceneFrame f;
  f.simulation = &session_->simulation();
  f.eye = rig_.camera();
  // after the end the session's clock stands still; the consequences still fade
  const double afterEnd = endedAt_ >= 0 ? realTime_ - endedAt_ : 0.0;
  ui::HudModel hud = makeHud(*session_, language_, 8.0, afterEnd);
  if (outOfReachAt_ && session_->time() - *outOfReachAt_ < 3.0)
    hud.alerts.push_back(
        {ui::tr(ui::Text::OutOfReach, language_), ui::AlertLevel::Info, *outOfReachAt_});
  tools_.clear();
  for (const auto& t : hud.tools) tools_.push_back(t.device);
  if (config_.hud) {
    if (!config_.bot && !paused_ && !done_)
      if (const auto clicked = ui::drawToolBelt(hud)) reachFor(*clicked);
    drawSessionOverlay(*session_, hud, viewer_.cameraView(f.eye), viewer_.sceneRegion(),
                       {labels_, help_, false, viewer_.context().deviceDescription(),
                        viewer_.frameMilliseconds()});
  }
  f.looks = entityLooks(*session_, hud, f.eye, {cutaway_});
  return f;
}

}  // namespace practicum::present
