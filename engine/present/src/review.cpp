#include <practicum/present/review.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <practicum/core/time.hpp>
#include <practicum/present/hud_model.hpp>
#include <practicum/present/pointer.hpp>
#include <practicum/present/scene_presenter.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::present {

namespace {

// where the learner stood and looked at this tick; nullopt before the first input
std::optional<scene::Camera> learnerEye(const record::Playback& p, const scene::Camera& base) {
  const sim::InputRecord& in = p.input();
  if (p.session().tick() == 0 || core::length(in.cameraForward) < 0.5f) return std::nullopt;
  scene::Camera eye = base;
  eye.position = in.cameraPosition;
  eye.target = in.cameraPosition + core::normalize(in.cameraForward);
  return eye;
}

// the learner's pointer as a ring on the screen (filled while the button is held)
void drawLearnerPointer(const record::Playback& p, const render::CameraView& view,
                        VkRect2D region) {
  const sim::InputRecord& in = p.input();
  if (p.session().tick() == 0 || core::length(in.pointerDirection) < 1e-6f) return;
  const core::Vec3 at = in.pointerOrigin + core::normalize(in.pointerDirection) * 1.0f;
  if (const auto onScreen = projectToScreen(view, at, region))
    ui::drawCrosshair(onScreen->x, onScreen->y);
}

std::string sessionLine(const record::LogHeader& h, ui::Language lang) {
  return h.learner + "  |  " + ui::tr(h.mode == 1 ? ui::Text::Exam : ui::Text::Practice, lang) +
         "  |  " + core::isoTimeUtc(h.startUnixMs, false) +
         (h.station.empty() ? "" : "  |  " + h.station);
}

}  // namespace

ReviewMode::ReviewMode(const ReviewConfig& config, Viewer& viewer)
    : config_(config), viewer_(viewer), rig_(config.scenario->scene.camera) {}

ReviewMode::~ReviewMode() = default;

core::Result<std::unique_ptr<ReviewMode>> ReviewMode::create(const ReviewConfig& config,
                                                             Viewer& viewer) {
  std::unique_ptr<ReviewMode> r(new ReviewMode(config, viewer));
  const auto& def = *config.scenario;
  auto playback = record::Playback::create(*config.log, def);
  if (!playback.ok()) return playback.error();
  r->playback_ = std::move(*playback);
  record::Playback& p = *r->playback_;
  if (auto shown = viewer.show(p.session().simulation()); !shown.ok()) return shown.error();

  // the timeline: the re-simulated session's events, its result and check
  const double tickSeconds = p.session().tickSeconds();
  ui::TimelineModel& model = r->model_;
  model.language = config.language;
  model.title = ui::pick(def.meta.title, config.language);
  model.session = sessionLine(config.log->header, config.language);
  model.duration = double(p.lastTick()) * tickSeconds;
  model.markers = ui::timelineMarkers(def, config.report->events, tickSeconds, config.language);
  model.result = config.report->result;
  // the replay's check in the assessor's language, with the engine's details
  const record::ReplayReport& check = *config.report;
  if (check.verified)
    model.check = ui::format(ui::Text::ReplayVerified, config.language,
                             static_cast<unsigned long long>(check.ticks),
                             static_cast<unsigned long long>(check.checkpoints));
  else if (check.divergedAt)
    model.check =
        ui::format(ui::Text::ReplayDivergedAt, config.language,
                   static_cast<unsigned long long>(*check.divergedAt)) +
        ui::format(ui::Text::Detail, config.language, check.messageIn(config.language).c_str());
  else
    model.check = ui::tr(ui::Text::ReplayDiverged, config.language);
  model.speed = config.speed;
  // an assessor starts where they asked, or at the start, paused: nothing is missed
  model.playing = false;
  if (config.event) {
    if (*config.event >= model.markers.size())
      return core::makeError(core::ErrorCode::InvalidArgument,
                             "--event " + std::to_string(*config.event) + ": the session has " +
                                 std::to_string(model.markers.size()) + " events");
    model.now = model.markers[*config.event].at;
  } else if (config.at) {
    model.now = std::clamp(*config.at, 0.0, model.duration);
  }
  if (auto moved = p.seek(static_cast<std::uint64_t>(std::llround(model.now / tickSeconds)));
      !moved.ok())
    return moved.error();
  return r;
}

void ReviewMode::advance(const ui::TimelineRequest& req, double dt) {
  record::Playback& p = *playback_;
  ui::TimelineModel& model = model_;
  const double tickSeconds = p.session().tickSeconds();
  if (req.togglePlay) {
    model.playing = !model.playing;
    if (model.playing && model.now >= model.duration) model.now = 0;  // from the start again
  }
  if (req.speed) model.speed = *req.speed;
  if (req.toggleView) model.learnersView = !model.learnersView;
  if (req.seek)
    model.now = std::clamp(*req.seek, 0.0, model.duration);
  else if (model.playing)
    model.now = std::min(model.now + dt * model.speed, model.duration);
  if (model.now >= model.duration) model.playing = false;
  // going back re-simulates from the start: while the scrubber is dragged back, that waits
  // for the drag to stop or end (going forward follows it at once)
  const auto tick = static_cast<std::uint64_t>(std::llround(model.now / tickSeconds));
  const bool back = tick < p.session().tick();
  const bool still = req.scrubbing && lastScrub_ && *lastScrub_ == tick;
  lastScrub_ = req.scrubbing ? std::optional(tick) : std::nullopt;
  if (!back || !req.scrubbing || still)
    if (auto moved = p.seek(tick); !moved.ok()) {
      error_ = moved.error().message;
      done_ = true;
    }
}

SceneFrame ReviewMode::frame(const FrameInput& in) {
  // last frame's requests and the time that passed since
  advance(request_, in.dt);
  request_ = {};
  record::Playback& p = *playback_;
  const auto& def = *config_.scenario;
  ui::TimelineModel& model = model_;

  // keys: transport, view
  if (!in.uiKeyboard) {
    if (in.pressed(render::kKeyF1)) help_ = !help_;
    if (in.pressed(render::kKeyF11)) viewer_.window().toggleFullscreen();
    if (in.pressed(render::kKeyC)) cutaway_ = !cutaway_;
    if (in.pressed(render::kKeyL)) labels_ = !labels_;
    if (in.pressed(render::kKeyEscape)) {
      if (help_)
        help_ = false;
      else
        done_ = true;
    }
  }
  ui::TimelineRequest keys;
  if (!in.uiKeyboard) {
    if (in.pressed(render::kKeySpace)) keys.togglePlay = true;
    if (in.pressed(render::kKeyV)) keys.toggleView = true;
    if (in.pressed(render::kKeyLeft)) keys.seek = ui::adjacentMarker(model.markers, model.now, -1);
    if (in.pressed(render::kKeyRight)) keys.seek = ui::adjacentMarker(model.markers, model.now, 1);
    const auto* found =
        std::find(std::begin(ui::kReplaySpeeds), std::end(ui::kReplaySpeeds), model.speed);
    const int speedIndex =
        found == std::end(ui::kReplaySpeeds) ? 2 : int(found - std::begin(ui::kReplaySpeeds));
    const int speeds = int(std::size(ui::kReplaySpeeds));
    if (in.pressed(render::kKeyUp))
      keys.speed = ui::kReplaySpeeds[std::min(speedIndex + 1, speeds - 1)];
    if (in.pressed(render::kKeyDown)) keys.speed = ui::kReplaySpeeds[std::max(speedIndex - 1, 0)];
  }

  // the free camera orbits with a right drag and zooms with the wheel
  if (!in.uiMouse) {
    if (in.before.buttonDown(render::kMouseRight) && in.after.buttonDown(render::kMouseRight)) {
      const ScreenPoint d = in.cursorDelta();
      rig_.orbit(d.x, d.y);
    }
    rig_.zoom(in.scroll());
  }

  // the free camera starts from the learner's pose, orbiting the point they looked at, and
  // cannot be lost: its orbit is bounded, and R puts it back on the learner's pose
  const auto learner = learnerEye(p, def.scene.camera);
  const bool toFree = !model.learnersView && wasLearnersView_;
  if (toFree || (!model.learnersView && !in.uiKeyboard && in.pressed(render::kKeyR))) {
    rig_ = CameraRig(learner ? *learner : def.scene.camera);
    rig_.limitOrbit(1.4f, -0.15f, 1.2f, 8.0f);
  }
  wasLearnersView_ = model.learnersView;

  // the view and the UI of this frame
  SceneFrame f;
  f.simulation = &p.session().simulation();
  f.eye = model.learnersView && learner ? *learner : rig_.camera();
  const VkRect2D region = viewer_.sceneRegion();
  const render::CameraView view = viewer_.cameraView(f.eye);
  const ui::HudModel hud = makeHud(p.session(), config_.language);
  drawSessionOverlay(
      p.session(), hud, view, region,
      {labels_, help_, true, viewer_.context().deviceDescription(), viewer_.frameMilliseconds()});
  drawLearnerPointer(p, view, region);
  ui::TimelineRequest req = ui::drawTimeline(model);
  // where the review stands, for tools that drive the window (the UI map)
  if (ui::uiMapEnabled()) {
    char now[32];
    std::snprintf(now, sizeof now, "%.4f", model.now);
    ui::nameValue("review.time", now);
    ui::nameValue("review.playing", model.playing ? "yes" : "no");
  }
  if (keys.seek) req.seek = keys.seek;
  if (keys.speed) req.speed = keys.speed;
  req.togglePlay = req.togglePlay || keys.togglePlay;
  req.toggleView = req.toggleView || keys.toggleView;
  // the frame shows the state the panels were made for
  f.looks = entityLooks(p.session(), hud, f.eye, {cutaway_});

  // what the user asked for takes effect at the start of the next frame: the simulation drawn
  // now must stay as it is until the host has drawn it (going back re-simulates)
  request_ = req;
  return f;
}

}  // namespace practicum::present
