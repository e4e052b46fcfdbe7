#include <practicum/interaction/devices.hpp>

namespace practicum::interaction {

Devices::Devices(std::span<const scenario::DeviceDef> defs) : defs_(defs), states_(defs.size()) {
  for (std::size_t i = 0; i < defs.size(); ++i) states_[i].position = defs[i].initial;
}

std::uint32_t Devices::nextPosition(std::uint32_t device) const {
  const auto count = static_cast<std::uint32_t>(defs_[device].positions.size());
  return count == 0 ? 0 : (states_[device].position + 1) % count;
}

void Devices::moveTo(std::uint32_t device, std::uint32_t position) {
  states_[device].position = position;
  ++states_[device].operations;
}

void Devices::setPressed(std::uint32_t device, bool pressed) {
  DeviceState& s = states_[device];
  if (pressed && !s.pressed) ++s.operations;
  s.pressed = pressed;
}

std::optional<std::uint32_t> Devices::deviceOfEntity(std::uint32_t entity) const {
  for (std::uint32_t i = 0; i < defs_.size(); ++i)
    if (defs_[i].entity == entity) return i;
  return std::nullopt;
}

bool Devices::appliedTo(std::uint32_t device, scenario::DeviceKind kind) const {
  for (std::uint32_t i = 0; i < defs_.size(); ++i)
    if (defs_[i].kind == kind && defs_[i].target == device && states_[i].position == 1) return true;
  return false;
}

std::optional<std::uint32_t> Devices::lockOn(std::uint32_t device) const {
  for (std::uint32_t i = 0; i < defs_.size(); ++i)
    if (defs_[i].kind == scenario::DeviceKind::Lock && defs_[i].target == device &&
        states_[i].position == 1)
      return i;
  return std::nullopt;
}

void Devices::hash(core::Fnv1a64& h) const {
  for (const auto& s : states_) {
    h.u32(s.position);
    h.u32(s.operations);
    h.u32(s.pressed ? 1 : 0);
  }
}

}  // namespace practicum::interaction
