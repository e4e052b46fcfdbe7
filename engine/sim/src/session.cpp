#include <practicum/sim/session.hpp>

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
  if (pressedNow && hoveredDevice_) operate(*hoveredDevice_);
  if (heldButton_ && !down) {
    devices_->setPressed(*heldButton_, false);
    heldButton_.reset();
  }

  // an instructor's inject travels in the input stream, so a replay reproduces it
  if (input.inject > 0 && input.inject <= definition().training.faults.size())
    procedure_->inject(tick, input.inject - 1, procedure::FaultSource::Instructor);

  // physics, then everything derived from the new state
  simulation_->step();
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
  procedure_->hash(h);
  h.u32(static_cast<std::uint32_t>(end_));
  return h.value();
}

procedure::SessionResult Session::result() const {
  return procedure::score(definition().training, *procedure_, simulation_->time(),
                          simulation_->tickSeconds(), end_);
}

}  // namespace practicum::sim
