#include <practicum/sim/session.hpp>

#include <algorithm>
#include <cassert>
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
  s->seats_.resize(training.devices.size());
  for (const auto& z : training.zones) s->bodyZones_ |= z.detects == scenario::ZoneDetects::Bodies;
  s->procedure_ =
      std::make_unique<procedure::Procedure>(training, s->simulation_->tickSeconds(), options.seed);
  for (std::uint32_t d = 0; d < s->devices_->size(); ++d)
    if (s->devices_->def(d).kind == scenario::DeviceKind::Valve) s->holdValve(d);
  s->measureValves();
  if (options.behaviour >= 2) {
    // the static bodies of devices that move follow them, so the pointer hits what is drawn
    const auto& entities = s->simulation_->definition().scene.entities;
    s->follows_.assign(entities.size(), false);
    for (const auto& d : training.devices)
      if (d.entity < entities.size() && entities[d.entity].body &&
          entities[d.entity].body->type == scene::BodyType::Static &&
          s->simulation_->entityBody(d.entity))
        s->follows_[d.entity] = true;
    s->placeDeviceBodies();
  }
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
  hoverPoint_.reset();
  const core::Vec3 dir = core::normalize(input.pointerDirection);
  if (core::length(dir) > 0.5f) {
    if (auto hit = simulation_->physics().raycast(input.pointerOrigin,
                                                  input.pointerOrigin + dir * kReach)) {
      hoveredEntity_ = static_cast<std::uint32_t>(hit->userData);
      hoverPoint_ = hit->point;
      hoveredDevice_ = devices_->deviceOfEntity(*hoveredEntity_);
    }
  }

  // a click (primary pressed this tick) operates the device under the pointer
  const bool down = input.buttons & kPointerPrimary;
  const bool pressedNow = down && !(lastButtons_ & kPointerPrimary);
  const std::uint32_t previousButtons = lastButtons_;
  lastButtons_ = input.buttons;
  if (pressedNow && hoveredDevice_) {
    const auto kind = devices_->def(*hoveredDevice_).kind;
    if (kind == scenario::DeviceKind::Valve && !devices_->heldTool())
      beginTurn(*hoveredDevice_, input);
    else if (kind == scenario::DeviceKind::Part && !devices_->heldTool() && !carrying_)
      grab(*hoveredDevice_, input);
    else
      operate(*hoveredDevice_);
  }
  if (carrying_) {
    if (down) {
      turnCarried(input);
      carry(input);
    } else {
      release();
    }
  }
  // the secondary button turns a fastener in, with the right tool in hand
  const bool secondaryNow =
      (input.buttons & kPointerSecondary) && !(previousButtons & kPointerSecondary);
  if (secondaryNow && hoveredDevice_ &&
      devices_->def(*hoveredDevice_).kind == scenario::DeviceKind::Fastener) {
    const auto held = devices_->heldTool();
    if (held && devices_->def(*held).toolType == devices_->def(*hoveredDevice_).requiresTool)
      turnFastener(*hoveredDevice_, -1);
    else if (held)
      procedure_->record({tick, procedure::EventKind::WrongTool, *hoveredDevice_, *held, 0, 0});
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

  // the drop key lets go of what is in the hand
  const bool dropNow = (input.keys & kKeyDrop) && !(lastKeys_ & kKeyDrop);
  lastKeys_ = input.keys;
  if (dropNow) {
    if (carrying_) {
      release();
    } else if (const auto held = devices_->heldTool()) {
      devices_->putBack();
      procedure_->record({tick, procedure::EventKind::ToolReturned, *held, 0, 0, 0});
    }
  }

  // an instructor's inject travels in the input stream, so a replay reproduces it
  if (input.inject > 0 && input.inject <= definition().training.faults.size())
    procedure_->inject(tick, input.inject - 1, procedure::FaultSource::Instructor);

  // physics, then everything derived from the new state
  if (options_.behaviour >= 2 && devices_->version() != placedVersion_) placeDeviceBodies();
  simulation_->step();
  measureValves();
  updateZones(input.cameraPosition);
  followView(input);
  procedure_->refreshInputs(simulation_->time(), *devices_, *zones_, view_);
  procedure_->evaluate(tick, simulation_->time());

  // how the session ends: a critical mistake in an exam first, then completion, then time
  const auto& training = definition().training;
  if (options_.mode == Mode::Exam && procedure_->criticalViolation()) {
    end(procedure::EndReason::Critical);
  } else if (!training.steps.empty() && procedure_->complete()) {
    end(procedure::EndReason::Completed);
  } else if (training.timeLimit > 0 && simulation_->time() >= training.timeLimit) {
    end(procedure::EndReason::TimeLimit);
  }
}

void Session::followView(const InputRecord& input) {
  view_.walking = input.keys & kKeyViewWalk;
  view_.cutaway = input.keys & kKeyViewCutaway;
  view_.labels = !(input.keys & kKeyViewLabelsHidden);
  const core::Vec3 forward = core::normalize(input.cameraForward);
  if (lastEye_) {
    if (view_.walking) view_.walked += core::length(input.cameraPosition - lastEye_->first);
    // the angle between the lines of sight (atan2 is exact for small angles: looking still
    // turns nothing)
    const core::Vec3 before = lastEye_->second;
    if (core::length(forward) > 0.5f && core::length(before) > 0.5f)
      view_.turned +=
          std::atan2(core::length(core::cross(before, forward)), core::dot(before, forward)) *
          180.0 / 3.14159265358979;
  }
  lastEye_ = {input.cameraPosition, forward};
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
    if (def.kind == scenario::DeviceKind::Fastener) {
      turnFastener(device, +1);
      return;
    }
  } else if (!def.requiresTool.empty()) {
    procedure_->record({tick, EventKind::Refused, device, 0, devices_->nextPosition(device),
                        procedure::kNeedsTool});
    return;
  }
  if (def.kind == scenario::DeviceKind::Button) {
    devices_->setPressed(device, true);
    heldButton_ = device;
    procedure_->record({tick, procedure::EventKind::Pressed, device, 0, 0, 0});
    return;
  }
  // points, parts, sockets and valves have no positions to click through
  if (def.positions.empty()) return;
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
  if (held) devices_->use(device);  // operated with its tool: that is a use of the tool
  procedure_->record({tick, procedure::EventKind::Operated, device, from, to, 0});
}

void Session::stop(procedure::EndReason reason) {
  assert(procedure::isEndedFromOutside(reason) && "stop() ends a session from outside only");
  end(reason);
}

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
  // a padlocked valve does not turn
  if (const auto lock = devices_->lockOn(device)) {
    procedure_->record({simulation_->tick() + 1, procedure::EventKind::Refused, device, *lock, 0,
                        procedure::kLocked});
    return;
  }
  const auto& joint = definition().scene.joints[*devices_->def(device).joint];
  const core::Vec3 axis = core::normalize(joint.axis);
  const auto grip =
      rayPlane(input.pointerOrigin, core::normalize(input.pointerDirection), joint.pivot, axis);
  if (!grip) return;  // looking along the axis: no grip on the rim
  turning_ = Turning{
      device, *grip, 0.0f,
      simulation_->physics().jointPosition(simulation_->joint(*devices_->def(device).joint)),
      devices_->state(device).opening};
}

void Session::turn(const InputRecord& input) {
  const auto& def = devices_->def(turning_->device);
  const auto& joint = definition().scene.joints[*def.joint];
  const core::Vec3 axis = core::normalize(joint.axis);
  const auto now =
      rayPlane(input.pointerOrigin, core::normalize(input.pointerDirection), joint.pivot, axis);
  if (!now) return;
  // the signed angle the hand has swept about the axis, added up tick by tick so that turns
  // of more than half a revolution count
  const core::Vec3 a = turning_->last - joint.pivot;
  const core::Vec3 b = *now - joint.pivot;
  turning_->swept += std::atan2(core::dot(axis, core::cross(a, b)), core::dot(a, b));
  turning_->last = *now;
  const float target =
      std::clamp(turning_->startAngle + turning_->swept, *joint.lowerLimit, *joint.upperLimit);
  // drive the hinge towards it with the hand's torque
  const physics::JointId id = simulation_->joint(*def.joint);
  const float error = target - simulation_->physics().jointPosition(id);
  simulation_->physics().setMotor(id, {true, std::clamp(10.0f * error, -4.0f, 4.0f), def.torque});
}

void Session::endTurn() {
  holdValve(turning_->device);
  if (options_.behaviour >= 2) {
    const auto percent = [](float f) {
      return static_cast<std::uint32_t>(std::lround(std::clamp(f, 0.0f, 1.0f) * 100.0f));
    };
    procedure_->record({simulation_->tick() + 1, procedure::EventKind::ValveTurned,
                        turning_->device, percent(turning_->startOpening),
                        percent(devices_->state(turning_->device).opening), 0});
  }
  turning_.reset();
}

void Session::turnFastener(std::uint32_t fastener, int direction) {
  using procedure::EventKind;
  const std::uint64_t tick = simulation_->tick() + 1;
  const auto& def = devices_->def(fastener);
  const std::uint32_t tool = *devices_->heldTool();
  const std::uint32_t turns = devices_->state(fastener).position;
  // out stops at fully loose, in stops at tight
  if ((direction > 0 && turns >= def.turns) || (direction < 0 && turns == 0)) return;
  const std::uint32_t to = direction > 0 ? turns + 1 : turns - 1;
  if (const auto lock = devices_->lockOn(fastener)) {
    procedure_->record({tick, EventKind::Refused, fastener, *lock, to, procedure::kLocked});
    return;
  }
  if (!procedure_->checkOperation(tick, fastener, to).allowed) return;
  devices_->turnFastener(fastener, to, devices_->def(tool).toolTorque);
  devices_->use(fastener);
  procedure_->record(
      {tick, direction > 0 ? EventKind::Loosened : EventKind::Tightened, fastener, tool, to, 0});
}

void Session::grab(std::uint32_t part, const InputRecord& input) {
  using procedure::EventKind;
  const std::uint64_t tick = simulation_->tick() + 1;
  if (!hoverPoint_) return;
  physics::World& world = simulation_->physics();
  const physics::BodyId body = simulation_->entityBody(devices_->def(part).entity);
  // a firm grip: a fixed joint from where the hand took it to a pivot the hand moves, so the
  // part keeps its orientation while its weight and collisions still act through the joint
  physics::JointDesc hand;
  hand.kind = scene::JointKind::Fixed;
  hand.a = body;
  hand.pivot = *hoverPoint_;
  auto joint = world.addJoint(hand);
  if (!joint.ok()) return;
  // out of its socket
  if (const std::int32_t socket = devices_->state(part).socket; socket >= 0) {
    world.removeJoint(seats_[part]);
    seats_[part] = {};
    devices_->seat(part, std::nullopt);
    procedure_->record({tick, EventKind::Unseated, part, 0, static_cast<std::uint32_t>(socket), 0});
  }
  carrying_ = Carrying{part, *joint, core::length(*hoverPoint_ - input.pointerOrigin)};
  devices_->setHeld(part, true);
  procedure_->record({tick, EventKind::Grabbed, part, 0, 0, 0});
}

void Session::carry(const InputRecord& input) {
  const core::Vec3 dir = core::normalize(input.pointerDirection);
  simulation_->physics().setPointTarget(carrying_->joint,
                                        input.pointerOrigin + dir * carrying_->distance);
}

void Session::turnCarried(const InputRecord& input) {
  const float steps = input.axes[kAxisTurnHeld];
  if (steps == 0.0f || !std::isfinite(steps)) return;
  // about the line of sight, through the hand: the grip stays where it is
  physics::World& world = simulation_->physics();
  const physics::BodyId body = simulation_->entityBody(devices_->def(carrying_->part).entity);
  const physics::BodyState state = world.state(body);
  const core::Vec3 dir = core::normalize(input.pointerDirection);
  const core::Vec3 hand = input.pointerOrigin + dir * carrying_->distance;
  const float radians = std::clamp(steps, -8.0f, 8.0f) * kTurnStepDegrees * 3.14159265f / 180.0f;
  const core::Quat turn = core::quatFromAxisAngle(-dir, radians);
  world.setPose(body, hand + core::rotate(turn, state.position - hand),
                core::normalize(turn * state.rotation));
  // the grip holds the part's orientation: grip it again as it now is
  physics::JointDesc grip;
  grip.kind = scene::JointKind::Fixed;
  grip.a = body;
  grip.pivot = hand;
  auto joint = world.addJoint(grip);
  if (!joint.ok()) return;  // keeps the old grip (and turns back)
  world.removeJoint(carrying_->joint);
  carrying_->joint = *joint;
}

void Session::release() {
  using procedure::EventKind;
  const std::uint64_t tick = simulation_->tick() + 1;
  const std::uint32_t part = carrying_->part;
  physics::World& world = simulation_->physics();
  const physics::BodyId body = simulation_->entityBody(devices_->def(part).entity);
  world.removeJoint(carrying_->joint);
  carrying_.reset();
  devices_->setHeld(part, false);
  procedure_->record({tick, EventKind::Released, part, 0, 0, 0});

  // seated when let go close enough to an empty socket that takes it
  const scene::Transform pose = simulation_->entityPose(devices_->def(part).entity);
  std::optional<procedure::Event> miss;  // the nearest socket it was let go near, and why not
  float missDistance = 0;
  for (std::uint32_t s = 0; s < devices_->size(); ++s) {
    const auto& socket = devices_->def(s);
    if (socket.kind != scenario::DeviceKind::Socket) continue;
    const SeatFit fit = seatFit(part, s, pose);
    if (!fit.seats()) {
      if (fit.near && (!miss || fit.distance < missDistance)) {
        missDistance = fit.distance;
        const std::uint32_t why = !fit.accepts ? procedure::kNotAccepted
                                  : fit.occupied
                                      ? procedure::kOccupied
                                      : static_cast<std::uint32_t>(std::lround(fit.angle));
        miss =
            procedure::Event{tick, EventKind::NotSeated,
                             part, static_cast<std::uint32_t>(std::lround(fit.distance * 1000.0f)),
                             s,    why};
      }
      continue;
    }
    const scene::Transform& place = definition().scene.entities[socket.entity].transform;
    world.setPose(body, place.position, place.rotation);
    physics::JointDesc seat;
    seat.kind = scene::JointKind::Fixed;
    seat.a = body;
    seat.pivot = place.position;
    if (auto joint = world.addJoint(seat); joint.ok()) seats_[part] = *joint;
    devices_->seat(part, s);
    procedure_->record({tick, EventKind::Placed, part, 0, s, 0});
    return;
  }
  if (miss && options_.behaviour >= 2) procedure_->record(*miss);
}

Session::SeatFit Session::seatFit(std::uint32_t part, std::uint32_t socket,
                                  const scene::Transform& pose) const {
  const auto& def = devices_->def(socket);
  SeatFit fit;
  fit.accepts = std::find(def.accepts.begin(), def.accepts.end(), part) != def.accepts.end();
  fit.occupied = devices_->state(socket).socket >= 0 &&
                 static_cast<std::uint32_t>(devices_->state(socket).socket) != part;
  const scene::Transform& place = definition().scene.entities[def.entity].transform;
  fit.distance = core::length(pose.position - place.position);
  const auto& q = pose.rotation;
  const auto& r = place.rotation;
  const float cosHalf = std::min(1.0f, std::abs(q.x * r.x + q.y * r.y + q.z * r.z + q.w * r.w));
  fit.angle = 2.0f * std::acos(cosHalf) * 180.0f / core::kPi;
  fit.withinDistance = fit.distance <= def.toleranceDistance;
  fit.withinAngle = fit.angle <= def.toleranceAngle;
  fit.near = fit.distance <= std::max(kNearSocket, 4.0f * def.toleranceDistance);
  return fit;
}

void Session::holdValve(std::uint32_t device) {
  // the stem's friction: a motor at rest with the valve's torque
  const auto& def = devices_->def(device);
  simulation_->physics().setMotor(simulation_->joint(*def.joint), {true, 0.0f, def.torque});
}

void Session::placeDeviceBodies() {
  placedVersion_ = devices_->version();
  const auto& entities = definition().scene.entities;
  for (std::uint32_t d = 0; d < devices_->size(); ++d) {
    const auto& def = devices_->def(d);
    if (def.entity >= follows_.size() || !follows_[def.entity]) continue;
    const scene::Transform at = interaction::moved(
        entities[def.entity].transform,
        interaction::deviceMotion(def, devices_->state(d), entities[def.entity]));
    simulation_->physics().setPose(simulation_->entityBody(def.entity), at.position, at.rotation);
  }
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
  h.u32(lastKeys_);
  h.u32(heldButton_ ? *heldButton_ + 1 : 0);
  h.u32(turning_ ? turning_->device + 1 : 0);
  if (turning_) {
    for (float f : {turning_->last.x, turning_->last.y, turning_->last.z, turning_->swept,
                    turning_->startAngle})
      h.f32(f);
  }
  // behaviour 2 on (behaviour 1's hash is as it always was, so its logs verify)
  if (options_.behaviour >= 2) {
    h.u32(options_.behaviour);
    if (turning_) h.f32(turning_->startOpening);
  }
  h.u32(static_cast<std::uint32_t>(options_.mode));
  h.u64(options_.seed);
  h.u32(carrying_ ? carrying_->part + 1 : 0);
  if (carrying_) h.f32(carrying_->distance);
  procedure_->hash(h);
  h.u32(static_cast<std::uint32_t>(end_));
  return h.value();
}

procedure::SessionResult Session::result() const {
  return procedure::score(definition().training, *procedure_, simulation_->time(),
                          simulation_->tickSeconds(), end_);
}

}  // namespace practicum::sim
