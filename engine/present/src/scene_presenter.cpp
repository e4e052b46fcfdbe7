#include <practicum/present/scene_presenter.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <practicum/scenario/names.hpp>
#include <practicum/ui/ui_map.hpp>

namespace practicum::present {

using scenario::Consequence;
using scenario::IndicatorStyle;

namespace {
using scenario::DeviceKind;

core::Mat4 rotation(core::Vec3 axis, float radians) {
  return core::composeTRS({}, core::quatFromAxisAngle(axis, radians), {1, 1, 1});
}

// the device's own movement, in its entity's frame
core::Mat4 motionMatrix(const interaction::Motion& m) {
  return core::composeTRS(m.offset, m.rotation, {1, 1, 1});
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

std::vector<EntityLook> entityLooks(const sim::Session& s, const ui::HudModel& hud,
                                    const scene::Camera& eye, const PresentOptions& options) {
  const auto& def = s.definition();
  std::vector<EntityLook> looks(def.scene.entities.size());

  // enclosures see-through in the cut-away view
  if (options.cutaway)
    for (std::size_t i = 0; i < looks.size(); ++i)
      if (def.scene.entities[i].cutaway) looks[i].alpha = 0.22f;

  // devices: positions, locks and tags, the tool in the hand
  const auto& devices = s.devices();
  for (std::uint32_t d = 0; d < devices.size(); ++d) {
    const auto& dd = devices.def(d);
    if (dd.entity >= looks.size()) continue;
    EntityLook& look = looks[dd.entity];
    const auto& state = devices.state(d);
    // the session moves a device's static body itself (picking follows what is drawn); an
    // entity it does not move shows the movement here
    if (!s.bodyFollowsDevice(dd.entity))
      look.local =
          motionMatrix(interaction::deviceMotion(dd, state, def.scene.entities[dd.entity]));
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
    if (scenario::parseConsequence(e.kind) == Consequence::Alarm && e.age < 6.0 &&
        (!alarm || e.age < *alarm))
      alarm = e.age;
  const auto& indicators = def.training.indicators;
  for (std::uint32_t i = 0; i < indicators.size(); ++i) {
    const auto style = scenario::parseIndicatorStyle(indicators[i].style);
    const bool lamp = style == IndicatorStyle::Lamp, beacon = style == IndicatorStyle::Alarm;
    if (!(lamp || beacon) || indicators[i].entity >= looks.size()) continue;
    EntityLook& look = looks[indicators[i].entity];
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
    if (scenario::parseConsequence(e.kind) != Consequence::ArcFlash || !e.device || e.age > 1.5)
      continue;
    const auto entity = devices.def(*e.device).entity;
    if (entity >= looks.size()) continue;
    const float a = float(1.0 - e.age / 1.5);
    looks[entity].color = core::Vec3{0.75f, 0.85f, 1.0f};
    looks[entity].emissive = std::max(looks[entity].emissive, 6.0f * a);
    looks[entity].alpha = std::max(looks[entity].alpha, 1.0f);
  }
  return looks;
}

std::optional<ScreenPoint> entityOnScreen(const sim::Session& s, std::uint32_t entity,
                                          const render::CameraView& camera, VkRect2D region) {
  // the top of the entity: a box's half height, a round shape's radius
  const scene::Transform pose = s.simulation().entityPose(entity);
  const auto& shape = s.definition().scene.entities[entity].shape;
  const float up =
      shape.kind == scene::ShapeKind::Box ? shape.halfExtents.y : std::max(shape.radius, 0.03f);
  const auto at = projectToScreen(camera, pose.position + core::Vec3{0, up, 0}, region);
  if (!at || !inside(*at, region)) return std::nullopt;
  return at;
}

std::string formatReading(double value, std::string_view unit) {
  if (!std::isfinite(value)) return "-";
  // three significant figures at most: decimals by the size of the value
  const double a = std::abs(value);
  const int decimals = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3;
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string out = text;
  // trailing zeros after the point say nothing; a value that rounds to zero has no sign
  if (out.find('.') != std::string::npos) {
    out.erase(out.find_last_not_of('0') + 1);
    if (out.back() == '.') out.pop_back();
  }
  if (out == "-0") out = "0";
  if (!unit.empty()) (out += ' ') += unit;
  return out;
}

std::vector<ui::ScreenLabel> equipmentLabels(const sim::Session& s,
                                             const render::CameraView& camera, VkRect2D region,
                                             ui::Language language) {
  std::vector<ui::ScreenLabel> labels;
  const auto& def = s.definition();

  // devices by their label in the UI language; the hovered one emphasised
  const auto hovered = s.hoveredDevice();
  for (std::uint32_t d = 0; d < s.devices().size(); ++d) {
    const auto& dd = s.devices().def(d);
    if (s.devices().heldTool() == d) continue;
    const auto at = entityOnScreen(s, dd.entity, camera, region);
    if (!at) continue;
    std::string text = ui::pick(dd.label, language);
    if (text.empty()) text = dd.name;
    labels.push_back({text, at->x, at->y, hovered == d});
  }
  // gauges and displays show their reading with its unit
  for (std::uint32_t i = 0; i < def.training.indicators.size(); ++i) {
    const auto& ind = def.training.indicators[i];
    // a lamp says whether it is lit; one on a tool shows where the tool is used (a reading)
    const auto style = scenario::parseIndicatorStyle(ind.style);
    const bool lamp = style == IndicatorStyle::Lamp || style == IndicatorStyle::Alarm;
    if (lamp && s.devices().deviceOfEntity(ind.entity)) continue;
    const auto at = entityOnScreen(s, ind.entity, camera, region);
    if (!at) continue;
    std::string text = ui::pick(ind.label, language);
    if (text.empty()) text = ind.name;
    const double v = s.indicatorValue(i);
    text += "  ";
    text += lamp ? ui::tr(v > 0.5 ? ui::Text::LampLit : ui::Text::LampUnlit, language)
                 : formatReading(v, ind.unit);
    labels.push_back({text, at->x, at->y, false});
  }
  return labels;
}

void drawSessionOverlay(const sim::Session& session, const ui::HudModel& hud,
                        const render::CameraView& camera, VkRect2D region,
                        const OverlayFlags& flags) {
  if (flags.labels) ui::drawLabels(equipmentLabels(session, camera, region, hud.language));
  // where each device is on the screen, for tools that drive the window (the UI map)
  if (ui::uiMapEnabled())
    for (std::uint32_t d = 0; d < session.devices().size(); ++d) {
      const auto& dd = session.devices().def(d);
      const auto at =
          projectToScreen(camera, session.simulation().entityPose(dd.entity).position, region);
      if (at && inside(*at, region)) ui::nameRect("device." + dd.name, at->x, at->y, at->x, at->y);
    }
  // and the session's state a tool waits for: the device pointed at, the steps done, the end
  if (ui::uiMapEnabled()) {
    const auto hovered = session.hoveredDevice();
    ui::nameValue("session.pointing", hovered ? session.devices().def(*hovered).name : "");
    std::string done;
    for (const auto& e : session.events())
      if (e.kind == procedure::EventKind::StepCompleted)
        (done += done.empty() ? "" : " ") += session.definition().training.steps[e.subject].id;
    ui::nameValue("session.steps", done);
    // the step the task panel shows as current: the first one open to do
    std::string current;
    const auto& steps = session.procedure().steps();
    for (std::size_t i = 0; i < steps.size() && current.empty(); ++i)
      if (steps[i].available && !steps[i].done) current = session.definition().training.steps[i].id;
    ui::nameValue("session.current", current);
    ui::nameValue("session.ended", session.ended() ? "yes" : "no");
    // the consequences showing now (their banner lasts six seconds)
    std::string showing;
    for (const auto& e : hud.effects)
      if (e.age < 6.0) (showing += showing.empty() ? "" : " ") += e.kind;
    ui::nameValue("session.consequences", showing);
  }
  // the consequences, where their devices are on the screen
  ui::HudModel placed = hud;
  for (auto& e : placed.effects)
    if (e.device)
      if (const auto at =
              entityOnScreen(session, session.devices().def(*e.device).entity, camera, region))
        e.at = std::pair{at->x, at->y};
  ui::drawEffects(placed, flags.replay ? 0.35f : 1.0f);
  for (auto& r : placed.readings)
    if (r.device < session.devices().size())
      if (const auto at =
              entityOnScreen(session, session.devices().def(r.device).entity, camera, region))
        r.at = std::pair{at->x, at->y};
  ui::drawReadings(placed);
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

}  // namespace practicum::present
