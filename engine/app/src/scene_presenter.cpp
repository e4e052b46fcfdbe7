#include "scene_presenter.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace practicum::app {

namespace {
using scenario::DeviceKind;

constexpr float kPi = 3.14159265f;

core::Mat4 translation(core::Vec3 t) { return core::composeTRS(t, {}, {1, 1, 1}); }
core::Mat4 rotation(core::Vec3 axis, float radians) {
  return core::composeTRS({}, core::quatFromAxisAngle(axis, radians), {1, 1, 1});
}

// a thin plate (a door, a cover) swings on its left edge; anything else turns like a handle
bool isPlate(const scene::Shape& shape) {
  const auto& h = shape.halfExtents;
  return shape.kind == scene::ShapeKind::Box && h.z * 8.0f < std::min(h.x, h.y);
}

// the device's own movement, in its entity's frame
core::Mat4 deviceMotion(const scenario::DeviceDef& def, const interaction::DeviceState& state,
                        const scene::Entity& entity) {
  switch (def.kind) {
    case DeviceKind::Switch:
    case DeviceKind::Breaker:
    case DeviceKind::Disconnector:
    case DeviceKind::EarthingSwitch:
    case DeviceKind::Lever: {
      if (def.positions.size() < 2) return {};
      const float f = float(state.position) / float(def.positions.size() - 1);
      if (def.kind == DeviceKind::Lever && isPlate(entity.shape)) {
        const float hx = entity.shape.halfExtents.x;
        return translation({-hx, 0, 0}) * rotation({0, 1, 0}, -f * kPi * 0.55f) *
               translation({hx, 0, 0});
      }
      return rotation({0, 0, 1}, (f - 0.5f) * kPi * 0.5f);
    }
    case DeviceKind::Button: return state.pressed ? translation({0, 0, -0.006f}) : core::Mat4{};
    case DeviceKind::Fastener:
      // backs out along its axis by 1.5 mm a turn
      return translation({0, 0.0015f * float(state.position), 0});
    default: return {};
  }
}

// a tool in the hand: in front of the eye, low and to the right, tilted away
core::Mat4 inHand(const scene::Camera& eye) {
  const core::Vec3 f = core::normalize(eye.target - eye.position);
  const core::Vec3 r = core::normalize(core::cross(f, {0, 1, 0}));
  const core::Vec3 u = core::cross(r, f);
  const core::Vec3 at = eye.position + f * 0.42f + r * 0.17f - u * 0.15f;
  core::Mat4 basis;  // columns: right, up, back
  const core::Vec3 cols[3] = {r, u, -f};
  for (int c = 0; c < 3; ++c) {
    basis.m[c][0] = cols[c].x;
    basis.m[c][1] = cols[c].y;
    basis.m[c][2] = cols[c].z;
  }
  basis.m[3][0] = at.x;
  basis.m[3][1] = at.y;
  basis.m[3][2] = at.z;
  return basis * rotation({1, 0, 0}, -1.1f) * rotation({0, 0, 1}, 0.25f);
}
}  // namespace

std::vector<render::EntityLook> entityLooks(const sim::Session& s, const ui::HudModel& hud,
                                            const scene::Camera& eye,
                                            const PresentOptions& options) {
  const auto& def = s.definition();
  std::vector<render::EntityLook> looks(def.scene.entities.size());

  // enclosures see-through in the cut-away view
  if (options.cutaway)
    for (std::size_t i = 0; i < looks.size(); ++i)
      if (def.scene.entities[i].cutaway) looks[i].alpha = 0.22f;

  // devices: positions, locks and tags, the tool in the hand
  const auto& devices = s.devices();
  for (std::uint32_t d = 0; d < devices.size(); ++d) {
    const auto& dd = devices.def(d);
    if (dd.entity >= looks.size()) continue;
    render::EntityLook& look = looks[dd.entity];
    const auto& state = devices.state(d);
    look.local = deviceMotion(dd, state, def.scene.entities[dd.entity]);
    // a lock or tag that is off shows as a ghost where it goes
    if ((dd.kind == DeviceKind::Lock || dd.kind == DeviceKind::Tag) && state.position == 0)
      look.alpha = std::min(look.alpha, 0.3f);
    if (dd.kind == DeviceKind::Tool && devices.heldTool() == d) {
      look.world = inHand(eye);
      look.homeAlpha = 0.25f;  // where it goes back
    }
  }

  // indicators: a lit lamp glows, an unlit one is dark; an alarm beacon blinks while its value
  // holds or an alarm consequence sounds
  std::optional<double> alarm;  // age of the youngest alarm
  for (const auto& e : hud.effects)
    if (e.kind == "alarm" && e.age < 6.0 && (!alarm || e.age < *alarm)) alarm = e.age;
  const auto& indicators = def.training.indicators;
  for (std::uint32_t i = 0; i < indicators.size(); ++i) {
    const bool lamp = indicators[i].style == "lamp", beacon = indicators[i].style == "alarm";
    if (!(lamp || beacon) || indicators[i].entity >= looks.size()) continue;
    render::EntityLook& look = looks[indicators[i].entity];
    bool lit = s.indicatorValue(i) > 0.5;
    if (beacon) {
      const double age = alarm ? *alarm : s.time();
      lit = (lit || alarm) && std::fmod(age, 0.5) < 0.25;
    }
    look.emissive = lit ? 1.4f : 0.0f;
    if (!lit) {
      const auto& m = def.scene.materials.at(def.scene.entities[indicators[i].entity].material);
      look.color = core::Vec3{m.baseColor.x, m.baseColor.y, m.baseColor.z} * 0.3f;
    }
  }

  // the device under the pointer
  if (const auto d = s.hoveredDevice(); d && devices.def(*d).entity < looks.size())
    looks[devices.def(*d).entity].highlight = 0.55f;

  // consequences: an arc flash lights the device up blue-white and fades
  for (const auto& e : hud.effects) {
    if (e.kind != "arc-flash" || !e.device || e.age > 1.5) continue;
    const auto entity = devices.def(*e.device).entity;
    if (entity >= looks.size()) continue;
    const float a = float(1.0 - e.age / 1.5);
    looks[entity].color = core::Vec3{0.75f, 0.85f, 1.0f};
    looks[entity].emissive = std::max(looks[entity].emissive, 6.0f * a);
    looks[entity].alpha = std::max(looks[entity].alpha, 1.0f);
  }
  return looks;
}

std::optional<std::pair<float, float>> screenPoint(const sim::Session& s, std::uint32_t entity,
                                                   const render::CameraView& camera, float width,
                                                   float height) {
  // the top of the entity: a box's half height, a round shape's radius
  const scene::Transform pose = s.simulation().entityPose(entity);
  const auto& shape = s.definition().scene.entities[entity].shape;
  const float up =
      shape.kind == scene::ShapeKind::Box ? shape.halfExtents.y : std::max(shape.radius, 0.03f);
  const core::Vec3 p = pose.position + core::Vec3{0, up, 0};
  const core::Mat4 viewProj = camera.projection * camera.view;
  float clip[4] = {0, 0, 0, 0};
  const float v[4] = {p.x, p.y, p.z, 1};
  for (int r = 0; r < 4; ++r)
    for (int c = 0; c < 4; ++c) clip[r] += viewProj.m[c][r] * v[c];
  if (clip[3] <= 0.05f) return std::nullopt;  // behind the eye
  const float x = (clip[0] / clip[3] * 0.5f + 0.5f) * width;
  const float y = (clip[1] / clip[3] * 0.5f + 0.5f) * height;
  if (x < 0 || y < 0 || x > width || y > height) return std::nullopt;
  return std::pair{x, y};
}

std::vector<ui::ScreenLabel> equipmentLabels(const sim::Session& s,
                                             const render::CameraView& camera, float width,
                                             float height, ui::Language language) {
  std::vector<ui::ScreenLabel> labels;
  const auto& def = s.definition();

  const auto place = [&](std::uint32_t entity) {
    return screenPoint(s, entity, camera, width, height);
  };

  // devices by name (position when they have positions); the hovered one emphasised
  const auto hovered = s.hoveredDevice();
  for (std::uint32_t d = 0; d < s.devices().size(); ++d) {
    const auto& dd = s.devices().def(d);
    if (dd.kind == DeviceKind::Lock || dd.kind == DeviceKind::Tag) continue;  // on their target
    if (s.devices().heldTool() == d) continue;
    const auto at = place(dd.entity);
    if (!at) continue;
    std::string text = dd.name;
    if (hovered == d) text += "  " + ui::pick(dd.label, language);
    labels.push_back({text, at->first, at->second, hovered == d});
  }
  // gauges and displays show their reading
  for (std::uint32_t i = 0; i < def.training.indicators.size(); ++i) {
    const auto& ind = def.training.indicators[i];
    if (ind.style == "lamp" || ind.style == "alarm") continue;  // they show by lighting up
    const auto at = place(ind.entity);
    if (!at) continue;
    char reading[64];
    std::snprintf(reading, sizeof reading, "%s %.3g", ind.name.c_str(), s.indicatorValue(i));
    labels.push_back({reading, at->first, at->second, false});
  }
  return labels;
}

void drawSessionOverlay(const sim::Session& session, const ui::HudModel& hud,
                        const render::CameraView& camera, float width, float height,
                        const OverlayFlags& flags) {
  if (flags.labels) ui::drawLabels(equipmentLabels(session, camera, width, height, hud.language));
  // the consequences, where their devices are on the screen
  ui::HudModel placed = hud;
  for (auto& e : placed.effects)
    if (e.device)
      e.at = screenPoint(session, session.devices().def(*e.device).entity, camera, width, height);
  ui::drawEffects(placed, flags.replay ? 0.35f : 1.0f);
  if (!flags.replay) {
    ui::drawHud(hud);
    ui::drawEndScreen(hud);
  }
  if (flags.help) ui::drawHelp(hud.language, flags.replay);
  ui::drawStatusLine(flags.device, flags.frameMilliseconds, hud.language);
}

std::string scenarioGlyphs(const scenario::ScenarioDef& def) {
  std::string all;
  const auto add = [&all](const scenario::LocalizedText& t) { (all += t.zhCN) += t.en; };
  add(def.meta.title);
  add(def.meta.description);
  const auto& t = def.training;
  for (const auto& d : t.devices) add(d.label);
  for (const auto& s : t.steps) {
    add(s.text);
    add(s.hint);
  }
  for (const auto& r : t.rules) add(r.text);
  for (const auto& f : t.faults) add(f.text);
  for (const auto& z : t.zones) add(z.label);
  for (const auto& i : t.indicators) add(i.label);
  return all;
}

}  // namespace practicum::app
