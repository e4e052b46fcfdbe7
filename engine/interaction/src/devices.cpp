#include <practicum/interaction/devices.hpp>

#include <algorithm>

namespace practicum::interaction {

namespace {
// a thin plate (a door, a cover) swings on its left edge; anything else turns like a handle
bool isPlate(const scene::Shape& shape) {
  const auto& h = shape.halfExtents;
  return shape.kind == scene::ShapeKind::Box && h.z * 8.0f < std::min(h.x, h.y);
}
}  // namespace

Motion deviceMotion(const scenario::DeviceDef& def, const DeviceState& state,
                    const scene::Entity& entity) {
  using scenario::DeviceKind;
  switch (def.kind) {
    case DeviceKind::Switch:
    case DeviceKind::Breaker:
    case DeviceKind::Disconnector:
    case DeviceKind::EarthingSwitch:
    case DeviceKind::Lever: {
      if (def.positions.size() < 2) return {};
      const float f = float(state.position) / float(def.positions.size() - 1);
      if (def.kind == DeviceKind::Lever && isPlate(entity.shape)) {
        // about the vertical axis through the left edge (x = -hx)
        const core::Quat r = core::quatFromAxisAngle({0, 1, 0}, -f * core::kPi * 0.55f);
        const core::Vec3 edge{-entity.shape.halfExtents.x, 0, 0};
        return {edge - core::rotate(r, edge), r};
      }
      return {{}, core::quatFromAxisAngle({0, 0, 1}, (f - 0.5f) * core::kPi * 0.5f)};
    }
    case DeviceKind::Button: return state.pressed ? Motion{{0, 0, -0.006f}, {}} : Motion{};
    case DeviceKind::Fastener:
      // backs out along its axis by 1.5 mm a turn
      return {{0, 0.0015f * float(state.position), 0}, {}};
    default: return {};
  }
}

scene::Transform moved(const scene::Transform& home, const Motion& motion) {
  scene::Transform t = home;
  t.position = home.position + core::rotate(home.rotation, motion.offset);
  t.rotation = core::normalize(home.rotation * motion.rotation);
  return t;
}

Devices::Devices(std::span<const scenario::DeviceDef> defs)
    : defs_(defs), states_(defs.size()), locks_(defs.size(), 0), tags_(defs.size(), 0) {
  for (std::uint32_t i = 0; i < defs.size(); ++i) {
    states_[i].position = defs[i].initial;
    byEntity_.emplace_back(defs[i].entity, i);
  }
  std::sort(byEntity_.begin(), byEntity_.end());
  // locks and tags that start on
  for (std::uint32_t i = 0; i < defs.size(); ++i)
    if (defs[i].target && states_[i].position == 1)
      ++(defs[i].kind == scenario::DeviceKind::Lock ? locks_ : tags_)[*defs[i].target];
}

std::uint32_t Devices::nextPosition(std::uint32_t device) const {
  const auto count = static_cast<std::uint32_t>(defs_[device].positions.size());
  return count == 0 ? 0 : (states_[device].position + 1) % count;
}

void Devices::moveTo(std::uint32_t device, std::uint32_t position) {
  // a lock or tag going on or off changes what its target reports
  const auto& def = defs_[device];
  if (def.target && (states_[device].position == 1) != (position == 1)) {
    auto& count = (def.kind == scenario::DeviceKind::Lock ? locks_ : tags_)[*def.target];
    position == 1 ? ++count : --count;
  }
  states_[device].position = position;
  ++states_[device].operations;
  ++version_;
}

void Devices::setPressed(std::uint32_t device, bool pressed) {
  DeviceState& s = states_[device];
  if (pressed && !s.pressed) ++s.operations;
  if (pressed != s.pressed) ++version_;
  s.pressed = pressed;
}

std::optional<std::uint32_t> Devices::deviceOfEntity(std::uint32_t entity) const {
  const auto it = std::lower_bound(byEntity_.begin(), byEntity_.end(),
                                   std::pair<std::uint32_t, std::uint32_t>{entity, 0});
  if (it == byEntity_.end() || it->first != entity) return std::nullopt;
  return it->second;
}

std::optional<std::uint32_t> Devices::lockOn(std::uint32_t device) const {
  for (std::uint32_t i = 0; i < defs_.size(); ++i)
    if (defs_[i].kind == scenario::DeviceKind::Lock && defs_[i].target == device &&
        states_[i].position == 1)
      return i;
  return std::nullopt;
}

void Devices::take(std::uint32_t tool) {
  held_ = tool;
  ++version_;
}

void Devices::putBack() {
  held_.reset();
  ++version_;
}

void Devices::use(std::uint32_t device) {
  if (!held_) return;
  usedNow_.emplace_back(device, *held_);
  ++states_[*held_].operations;
  ++version_;
}

bool Devices::usedThisTick(std::uint32_t device, std::uint32_t tool) const {
  return std::find(usedNow_.begin(), usedNow_.end(), std::make_pair(device, tool)) !=
         usedNow_.end();
}

void Devices::setValve(std::uint32_t device, float angle, float opening) {
  states_[device].angle = angle;
  states_[device].opening = opening;
}

void Devices::turnFastener(std::uint32_t fastener, std::uint32_t turns, float torque) {
  states_[fastener].position = turns;
  states_[fastener].torque = turns == 0 ? torque : 0.0f;
  ++states_[fastener].operations;
  ++version_;
}

void Devices::setHeld(std::uint32_t part, bool held) {
  states_[part].held = held;
  ++version_;
}

void Devices::seat(std::uint32_t part, std::optional<std::uint32_t> socket) {
  if (states_[part].socket >= 0)
    states_[static_cast<std::uint32_t>(states_[part].socket)].socket = -1;
  states_[part].socket = socket ? static_cast<std::int32_t>(*socket) : -1;
  if (socket) states_[*socket].socket = static_cast<std::int32_t>(part);
  ++version_;
}

void Devices::newTick() {
  if (usedNow_.empty()) return;
  usedNow_.clear();
  ++version_;
}

void Devices::hash(core::Fnv1a64& h) const {
  for (const auto& s : states_) {
    h.u32(s.position);
    h.u32(s.operations);
    h.u32(s.pressed ? 1 : 0);
    h.f32(s.angle);
    h.u32(s.held ? 1 : 0);
    h.u32(static_cast<std::uint32_t>(s.socket + 1));
    h.f32(s.torque);
  }
  h.u32(held_ ? *held_ + 1 : 0);
}

}  // namespace practicum::interaction
