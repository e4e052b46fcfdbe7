#pragma once
/// Run-time state of a scenario's operable devices: current position, operation count, whether
/// a button is held. Operations are requested here and decided by the caller (interlocks live in
/// the procedure module); this class only keeps state.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include <practicum/core/hash.hpp>
#include <practicum/core/math.hpp>
#include <practicum/scenario/training.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::interaction {

/// State of one device.
struct DeviceState {
  std::uint32_t position = 0;    ///< index into DeviceDef::positions (buttons: 0)
  std::uint32_t operations = 0;  ///< completed operations (buttons: presses)
  bool pressed = false;          ///< buttons: held down this tick
  float angle = 0;               ///< valves: radians from the lower limit
  float opening = 0;             ///< valves: 0 at the lower limit, 1 at the upper
  bool held = false;             ///< parts: in the hand
  std::int32_t socket = -1;      ///< parts: the socket it sits in; sockets: the part in it
  float torque = 0;              ///< fasteners: N·m it was last tightened to (0 unless tight)
};

/// How a device's entity has moved from its home pose for the state it is in, in the entity's
/// own frame: a point p of the entity is at `rotation * p + offset`. A handle turns to its
/// position, a door (a thin plate on a lever) swings on its left edge, a button is pushed in,
/// a fastener backs out; other devices do not move.
struct Motion {
  core::Vec3 offset;
  core::Quat rotation;
};
Motion deviceMotion(const scenario::DeviceDef& def, const DeviceState& state,
                    const scene::Entity& entity);
/// `home` moved by `motion` (in home's frame).
scene::Transform moved(const scene::Transform& home, const Motion& motion);

/// The state of every device of a scenario, in definition order.
class Devices {
 public:
  /// Initial state from the definitions (borrowed: must outlive this object).
  explicit Devices(std::span<const scenario::DeviceDef> defs);

  std::size_t size() const { return states_.size(); }
  const DeviceState& state(std::uint32_t device) const { return states_[device]; }
  const scenario::DeviceDef& def(std::uint32_t device) const { return defs_[device]; }

  /// The position one click moves a device to: the next one, wrapping around. Buttons: 0.
  std::uint32_t nextPosition(std::uint32_t device) const;
  /// Moves a device to a position (counts as one operation).
  void moveTo(std::uint32_t device, std::uint32_t position);
  /// Sets whether a button is held; a press (up -> down) counts as one operation.
  void setPressed(std::uint32_t device, bool pressed);
  /// Whether a lock (or a tag) that is on hangs on the device.
  bool locked(std::uint32_t device) const { return locks_[device] > 0; }
  bool tagged(std::uint32_t device) const { return tags_[device] > 0; }
  /// Increments whenever any device's state changes (lets observers skip unchanged ticks).
  std::uint64_t version() const { return version_; }
  /// The first lock that is on and hangs on the device, if any.
  std::optional<std::uint32_t> lockOn(std::uint32_t device) const;
  /// The tool in the learner's hand, if any.
  std::optional<std::uint32_t> heldTool() const { return held_; }
  /// Takes a tool into the (empty) hand.
  void take(std::uint32_t tool);
  /// Puts the held tool back.
  void putBack();
  /// Records that the held tool was used on a device this tick (counts a use of the tool).
  void use(std::uint32_t device);
  /// Whether tool `tool` was used on `device` this tick.
  bool usedThisTick(std::uint32_t device, std::uint32_t tool) const;
  /// Sets a valve's measured angle (radians from its lower limit) and opening fraction.
  void setValve(std::uint32_t device, float angle, float opening);
  /// Turns a fastener to `turns` out; reaching 0 records the torque it was tightened to.
  void turnFastener(std::uint32_t fastener, std::uint32_t turns, float torque);
  /// Marks a part as in the hand or not.
  void setHeld(std::uint32_t part, bool held);
  /// Seats a part in a socket, or takes it out (socket nullopt).
  void seat(std::uint32_t part, std::optional<std::uint32_t> socket);
  /// Forgets this tick's uses (call at the start of every tick).
  void newTick();
  /// The device represented by an entity, if any.
  std::optional<std::uint32_t> deviceOfEntity(std::uint32_t entity) const;

  /// Mixes every device's state into a hash.
  void hash(core::Fnv1a64& h) const;

 private:
  std::span<const scenario::DeviceDef> defs_;
  std::vector<DeviceState> states_;
  std::vector<std::uint32_t> locks_;  ///< per device: locks on it that are on
  std::vector<std::uint32_t> tags_;   ///< per device: tags on it that are on
  std::vector<std::pair<std::uint32_t, std::uint32_t>> byEntity_;  ///< (entity, device), sorted
  std::uint64_t version_ = 0;
  std::optional<std::uint32_t> held_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> usedNow_;  ///< (device, tool) this tick
};

}  // namespace practicum::interaction
