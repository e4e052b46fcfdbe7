#include <practicum/sim/session.hpp>

#include <algorithm>
#include <cmath>

namespace practicum::sim {

namespace {
constexpr float kReach = 20.0f;  // metres the pointer reaches
}  // namespace

core::Result<std::unique_ptr<Session>> Session::create(const scenario::ScenarioDef& def,
                                                       const SessionOptions& options) {
  auto simulation = Simulation::create(def, options.simulation);
  if (!simulation.ok()) return simulation.error();
  std::unique_ptr<Session> s(new Session());
  s->options_ = options;
  s->simulation_ = std::move(*simulation);
  // devices and procedure borrow the simulation's own copy of the definition
  const auto& training = s->simulation_->definition().training;
  s->devices_ = std::make_unique<interaction::Devices>(training.devices);
  s->zones_ = std::make_unique<interaction::Zones>(training.zones);
  for (const auto& z : training.zones) s->bodyZones_ |= z.detects == scenario::ZoneDetects::Bodies;
  s->procedure_ =
      std::make_unique<procedure::Procedure>(training, s->simulation_->tickSeconds(), options.seed);
  for (std::uint32_t d = 0; d < s->devices_->size(); ++d)
    if (s->devices_->def(d).kind == scenario::DeviceKind::Valve) s->holdValve(d);
  s->measureValves();
  s->procedure_->refreshInputs(0.0, *s->devices_, *s->zones_);
  s->procedure_->start();
  return s;
}

core::Result<std::unique_ptr<Session>> Session::load(const std::filesystem::path& scenario,
                                                     const SessionOptions& options) {
  scenario::LoadResult loaded = scenario::loadScenario(scenario);
  if (!loaded.ok()) {
    std::string message;
    for (const auto& d : loaded.diagnostics)
      if (d.severity == scenario::Severity::Error)
        message += (message.empty() ? "" : "\n") + d.format();
    return core::makeError(core::ErrorCode::Validation, message);
  }
  return create(*loaded.scenario, options);
}

void Session::step(const InputRecord& input) {
  if (ended()) return;
  const std::uint64_t tick = simulation_->tick() + 1;  // the tick this input belongs to

  devices_->newTick();

  // what the pointer is on
  hoveredEntity_.reset();
  hoveredDevice_.reset();
  const core::Vec3 dir = core::normalize(input.pointerDirection);
  if (core::length(dir) > 0.5f) {
    if (auto hit = simulation_->physics().raycast(input.pointerOrigin,
                                                  input.pointerOrigin + dir * kReach)) {
      hoveredEntity_ = static_cast<std::uint32_t>(hit->userData);
      hoveredDevice_ = devices_->deviceOfEntity(*hoveredEntity_);
    }
  }

  // a click (primary pressed this tick) operates the device under the pointer
  const bool down = input.buttons & kPointerPrimary;
  const bool pressedNow = down && !(lastButtons_ & kPointerPrimary);
  lastButtons_ = input.buttons;
  if (pressedNow && hoveredDevice_) {
    if (devices_->def(*hoveredDevice_).kind == scenario::DeviceKind::Valve && !devices_->heldTool())
      beginTurn(*hoveredDevice_, input);
    else
      operate(*hoveredDevice_);
  }
  if (turning_) {
    if (down)
      turn(input);
    else
      endTurn();
  }
  if (heldButton_ && !down) {
    devices_->setPressed(*heldButton_, false);
    heldButton_.reset();
  }

  // an instructor's inject travels in the input stream, so a replay reproduces it
  if (input.inject > 0 && input.inject <= definition().training.faults.size())
    procedure_->inject(tick, input.inject - 1, procedure::FaultSource::Instructor);

  // physics, then everything derived from the new state
  simulation_->step();
  measureValves();
  updateZones(input.cameraPosition);
  procedure_->refreshInputs(simulation_->time(), *devices_, *zones_);
  procedure_->evaluate(tick, simulation_->time());

  // how the session ends
  const auto& training = definition().training;
  if (!training.steps.empty() && procedure_->complete()) {
    end(procedure::EndReason::Completed);
  } else if (options_.mode == Mode::Exam && procedure_->criticalViolation()) {
    end(procedure::EndReason::Critical);
  } else if (training.timeLimit > 0 && simulation_->time() >= training.timeLimit) {
    end(procedure::EndReason::TimeLimit);
  }
}

void Session::operate(std::uint32_t device) {
  using procedure::EventKind;
  const std::uint64_t tick = simulation_->tick() + 1;
  const auto& def = devices_->def(device);
  const auto held = devices_->heldTool();

  // tools: an empty hand takes one; clicking the held one puts it back
  if (def.kind == scenario::DeviceKind::Tool) {
    if (!held) {
      devices_->take(device);
      procedure_->record({tick, EventKind::ToolTaken, device, 0, 0, 0});
    } else if (*held == device) {
      devices_->putBack();
      procedure_->record({tick, EventKind::ToolReturned, device, 0, 0, 0});
    }
    return;
  }
  // with a tool in hand a click uses it: to operate what needs it, otherwise on the device
  if (held) {
    const std::string& type = devices_->def(*held).toolType;
    if (def.requiresTool.empty()) {
      devices_->use(device);
      procedure_->record({tick, EventKind::ToolUsed, device, *held, 0, 0});
      return;
    }
    if (def.requiresTool != type) {
      procedure_->record({tick, EventKind::WrongTool, device, *held, 0, 0});
      return;
    }
  } else if (!def.requiresTool.empty()) {
    procedure_->record({tick, EventKind::Refused, device, 0, devices_->nextPosition(device),
                        procedure::kNeedsTool});
    return;
  }
  if (def.kind == scenario::DeviceKind::Point) return;
  if (def.kind == scenario::DeviceKind::Button) {
    devices_->setPressed(device, true);
    heldButton_ = device;
    procedure_->record({tick, procedure::EventKind::Pressed, device, 0, 0, 0});
    return;
  }
  // a padlock on it holds it; then interlocks decide; a refused operation leaves it where it was
  const std::uint32_t from = devices_->state(device).position;
  const std::uint32_t to = devices_->nextPosition(device);
  if (const auto lock = devices_->lockOn(device)) {
    procedure_->record(
        {tick, procedure::EventKind::Refused, device, *lock, to, procedure::kLocked});
    return;
  }
  if (!procedure_->checkOperation(tick, device, to).allowed) return;
  devices_->moveTo(device, to);
  procedure_->record({tick, procedure::EventKind::Operated, device, from, to, 0});
}

void Session::stop() { end(procedure::EndReason::Stopped); }

namespace {
// where a ray meets the plane through `point` with normal `normal`; nullopt when (nearly) parallel
std::optional<core::Vec3> rayPlane(core::Vec3 origin, core::Vec3 dir, core::Vec3 point,
                                   core::Vec3 normal) {
  const float d = core::dot(dir, normal);
  if (std::abs(d) < 1e-4f) return std::nullopt;
  const float t = core::dot(point - origin, normal) / d;
  if (t < 0) return std::nullopt;
  return origin + dir * t;
}
}  // namespace

void Session::beginTurn(std::uint32_t device, const InputRecord& input) {
  const auto& joint = definition().scene.joints[*devices_->def(device).joint];
  const core::Vec3 axis = core::normalize(joint.axis);
  const auto grip =
      rayPlane(input.pointerOrigin, core::normalize(input.pointerDirection), joint.pivot, axis);
  if (!grip) return;  // looking along the axis: no grip on the rim
  turning_ = Turning{
      device, *grip,
      simulation_->physics().jointPosition(simulation_->joint(*devices_->def(device).joint))};
}

void Session::turn(const InputRecord& input) {
  const auto& def = devices_->def(turning_->device);
  const auto& joint = definition().scene.joints[*def.joint];
  const core::Vec3 axis = core::normalize(joint.axis);
  const auto now =
      rayPlane(input.pointerOrigin, core::normalize(input.pointerDirection), joint.pivot, axis);
  if (!now) return;
  // the signed angle the hand has turned about the axis since the grip
  const core::Vec3 a = turning_->grip - joint.pivot;
  const core::Vec3 b = *now - joint.pivot;
  const float delta = std::atan2(core::dot(axis, core::cross(a, b)), core::dot(a, b));
  const float target =
      std::clamp(turning_->startAngle + delta, *joint.lowerLimit, *joint.upperLimit);
  // drive the hinge towards it with the hand's torque
  const physics::JointId id = simulation_->joint(*def.joint);
  const float error = target - simulation_->physics().jointPosition(id);
  simulation_->physics().setMotor(id, {true, std::clamp(10.0f * error, -4.0f, 4.0f), def.torque});
}

void Session::endTurn() {
  holdValve(turning_->device);
  turning_.reset();
}

void Session::holdValve(std::uint32_t device) {
  // the stem's friction: a motor at rest with the valve's torque
  const auto& def = devices_->def(device);
  simulation_->physics().setMotor(simulation_->joint(*def.joint), {true, 0.0f, def.torque});
}

void Session::measureValves() {
  const auto& joints = definition().scene.joints;
  for (std::uint32_t d = 0; d < devices_->size(); ++d) {
    const auto& def = devices_->def(d);
    if (def.kind != scenario::DeviceKind::Valve) continue;
    const auto& joint = joints[*def.joint];
    const float angle =
        simulation_->physics().jointPosition(simulation_->joint(*def.joint)) - *joint.lowerLimit;
    const float range = *joint.upperLimit - *joint.lowerLimit;
    devices_->setValve(d, angle, range > 0 ? std::clamp(angle / range, 0.0f, 1.0f) : 0.0f);
  }
}

void Session::updateZones(core::Vec3 learner) {
  if (!bodyZones_) {
    zones_->update(learner, {});
    return;
  }
  bodyCentres_.clear();
  const auto& entities = definition().scene.entities;
  for (std::uint32_t i = 0; i < entities.size(); ++i)
    if (entities[i].body && entities[i].body->type == scene::BodyType::Dynamic)
      bodyCentres_.push_back(simulation_->entityPose(i).position);
  zones_->update(learner, bodyCentres_);
}

double Session::indicatorValue(std::uint32_t indicator) const {
  return definition().training.indicators[indicator].value.evaluate(*procedure_);
}

void Session::end(procedure::EndReason reason) {
  if (ended()) return;
  end_ = reason;
  procedure_->record({simulation_->tick(), procedure::EventKind::SessionEnded,
                      static_cast<std::uint32_t>(reason), 0, 0, 0});
}

std::uint64_t Session::stateHash() const {
  core::Fnv1a64 h;
  h.u64(simulation_->stateHash());
  devices_->hash(h);
  zones_->hash(h);
  // what the hand is doing carries into the next ticks
  h.u32(lastButtons_);
  h.u32(heldButton_ ? *heldButton_ + 1 : 0);
  h.u32(turning_ ? turning_->device + 1 : 0);
  procedure_->hash(h);
  h.u32(static_cast<std::uint32_t>(end_));
  return h.value();
}

procedure::SessionResult Session::result() const {
  return procedure::score(definition().training, *procedure_, simulation_->time(),
                          simulation_->tickSeconds(), end_);
}

}  // namespace practicum::sim
