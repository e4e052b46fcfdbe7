#include "review.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <practicum/core/time.hpp>
#include <practicum/record/playback.hpp>
#include <practicum/ui/hud.hpp>
#include <practicum/ui/timeline.hpp>

#include "camera_rig.hpp"
#include "scene_presenter.hpp"

namespace practicum::app {

namespace {

int fail(const std::string& message) {
  std::fprintf(stderr, "practicum replay: %s\n", message.c_str());
  return 1;
}

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
void drawLearnerPointer(const record::Playback& p, const render::CameraView& view, float width,
                        float height) {
  const sim::InputRecord& in = p.input();
  if (p.session().tick() == 0 || core::length(in.pointerDirection) < 1e-6f) return;
  const core::Vec3 at = in.pointerOrigin + core::normalize(in.pointerDirection) * 1.0f;
  const core::Mat4 vp = view.projection * view.view;
  float clip[4] = {0, 0, 0, 0};
  const float v[4] = {at.x, at.y, at.z, 1};
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) clip[r] += vp.m[c][r] * v[c];
  if (clip[3] <= 0.01f) return;
  ui::drawCrosshair((clip[0] / clip[3] * 0.5f + 0.5f) * width,
                    (clip[1] / clip[3] * 0.5f + 0.5f) * height);
}

std::string sessionLine(const record::LogHeader& h, ui::Language lang) {
  return h.learner + "  |  " + ui::tr(h.mode == 1 ? ui::Text::Exam : ui::Text::Practice, lang) +
         "  |  " + core::isoTimeUtc(h.startUnixMs, false) +
         (h.station.empty() ? "" : "  |  " + h.station);
}

}  // namespace

int reviewInWindow(const ReviewSetup& setup, std::unique_ptr<render::Window> window) {
  const auto& def = *setup.scenario;
  ViewerOptions vo = setup.viewer;
  vo.language = setup.language;
  vo.glyphText = scenarioGlyphs(def);
  auto created = Viewer::create(std::move(window), vo);
  if (!created.ok()) return fail(created.error().message);
  Viewer& viewer = **created;
  auto playback = record::Playback::create(*setup.log, def);
  if (!playback.ok()) return fail(playback.error().message);
  record::Playback& p = **playback;
  if (auto shown = viewer.show(p.session().simulation()); !shown.ok())
    return fail(shown.error().message);

  // the timeline: the re-simulated session's events, its result and check
  const double tickSeconds = p.session().tickSeconds();
  ui::TimelineModel model;
  model.language = setup.language;
  model.title = ui::pick(def.meta.title, setup.language);
  model.session = sessionLine(setup.log->header, setup.language);
  model.duration = double(p.lastTick()) * tickSeconds;
  model.markers = timelineMarkers(def, setup.report->events, tickSeconds, setup.language);
  model.result = setup.report->result;
  model.check = setup.report->message;
  model.speed = setup.speed;
  model.playing = true;
  if (setup.event) {
    if (*setup.event >= model.markers.size())
      return fail("--event " + std::to_string(*setup.event) + ": the session has " +
                  std::to_string(model.markers.size()) + " events");
    model.now = model.markers[*setup.event].at;
    model.playing = false;
  } else if (setup.at) {
    model.now = std::clamp(*setup.at, 0.0, model.duration);
    model.playing = false;
  }

  if (auto moved = p.seek(static_cast<std::uint64_t>(std::llround(model.now / tickSeconds)));
      !moved.ok())
    return fail(moved.error().message);

  CameraRig rig(def.scene.camera);
  bool help = false, cutaway = false, labels = true;
  render::Window& w = viewer.window();
  core::Vec3 lastCursor = w.cursorPosition();
  render::Image image;
  int frames = 0;
  std::optional<std::uint64_t> lastScrub;  // where the scrubber was last frame while dragged
  while (!w.shouldClose()) {
    const double dt = viewer.beginFrame();

    // keys: transport, view
    if (w.keyPressed(render::kKeyF1)) help = !help;
    if (w.keyPressed(render::kKeyF11)) w.toggleFullscreen();
    if (w.keyPressed(render::kKeyC)) cutaway = !cutaway;
    if (w.keyPressed(render::kKeyL)) labels = !labels;
    if (w.keyPressed(render::kKeyEscape)) {
      if (help)
        help = false;
      else
        w.requestClose();
    }
    ui::TimelineRequest keys;
    if (w.keyPressed(render::kKeySpace)) keys.togglePlay = true;
    if (w.keyPressed(render::kKeyV)) keys.toggleView = true;
    if (w.keyPressed(render::kKeyLeft))
      keys.seek = ui::adjacentMarker(model.markers, model.now, -1);
    if (w.keyPressed(render::kKeyRight))
      keys.seek = ui::adjacentMarker(model.markers, model.now, 1);
    const auto speedIndex = [&] {
      const auto* it =
          std::find(std::begin(ui::kReplaySpeeds), std::end(ui::kReplaySpeeds), model.speed);
      return it == std::end(ui::kReplaySpeeds) ? 2 : int(it - std::begin(ui::kReplaySpeeds));
    };
    const int speeds = int(std::size(ui::kReplaySpeeds));
    if (w.keyPressed(render::kKeyUp))
      keys.speed = ui::kReplaySpeeds[std::min(speedIndex() + 1, speeds - 1)];
    if (w.keyPressed(render::kKeyDown))
      keys.speed = ui::kReplaySpeeds[std::max(speedIndex() - 1, 0)];

    // the free camera orbits with a right drag and zooms with the wheel
    const core::Vec3 cursor = w.cursorPosition();
    if (!viewer.uiWantsMouse()) {
      if (w.mouseButtonDown(render::kMouseRight))
        rig.orbit(cursor.x - lastCursor.x, cursor.y - lastCursor.y);
      rig.zoom(w.takeScroll());
    }
    lastCursor = cursor;

    // the view and the UI of this frame
    const auto learner = learnerEye(p, def.scene.camera);
    const scene::Camera eye = model.learnersView && learner ? *learner : rig.camera();
    const VkExtent2D size = viewer.extent();
    const render::CameraView view = viewer.cameraView(eye);
    const ui::HudModel hud = ui::makeHud(p.session(), setup.language);
    drawSessionOverlay(
        p.session(), hud, view, float(size.width), float(size.height),
        {labels, help, true, viewer.context().deviceDescription(), viewer.frameMilliseconds()});
    drawLearnerPointer(p, view, float(size.width), float(size.height));
    ui::TimelineRequest req = ui::drawTimeline(model);
    if (keys.seek) req.seek = keys.seek;
    if (keys.speed) req.speed = keys.speed;
    req.togglePlay = req.togglePlay || keys.togglePlay;
    req.toggleView = req.toggleView || keys.toggleView;

    // the frame shows the state the panels were made for
    ++frames;
    const bool last = setup.frames > 0 && frames >= setup.frames;
    const bool capture = last && !setup.screenshot.empty();
    const auto looks = entityLooks(p.session(), hud, eye, {cutaway});
    if (auto drawn =
            viewer.endFrame(p.session().simulation(), eye, looks, capture ? &image : nullptr);
        !drawn.ok())
      return fail(drawn.error().message);
    if (last) break;

    // what the user asked for, then time moves on
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
    const bool still = req.scrubbing && lastScrub && *lastScrub == tick;
    lastScrub = req.scrubbing ? std::optional(tick) : std::nullopt;
    if (!back || !req.scrubbing || still)
      if (auto moved = p.seek(tick); !moved.ok()) return fail(moved.error().message);
  }
  viewer.window().setCursorCaptured(false);

  if (!setup.screenshot.empty()) {
    if (image.rgba.empty()) return fail("no frame was captured for the screenshot");
    if (auto s = render::writePng(setup.screenshot, image); !s.ok()) return fail(s.error().message);
    std::printf("screenshot: %s\n", setup.screenshot.string().c_str());
  }
  if (viewer.validationErrors() > 0)
    return fail(std::to_string(viewer.validationErrors()) +
                " Vulkan validation error(s) (see above)");
  return 0;
}

}  // namespace practicum::app
