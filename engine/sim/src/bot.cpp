#include <practicum/sim/bot.hpp>

#include <algorithm>
#include <cmath>

namespace practicum::sim {

std::optional<std::uint32_t> findDevice(const scenario::TrainingDef& training,
                                        const std::string& name) {
  for (std::uint32_t i = 0; i < training.devices.size(); ++i)
    if (training.devices[i].name == name) return i;
  return std::nullopt;
}

namespace {
std::optional<std::uint32_t> findEntity(const scene::Scene& scene, const std::string& name) {
  for (std::uint32_t i = 0; i < scene.entities.size(); ++i)
    if (scene.entities[i].name == name) return i;
  return std::nullopt;
}

bool isEventKindName(const std::string& name) {
  for (auto k = 0u; k <= unsigned(procedure::kLastEventKind); ++k)
    if (name == procedure::toString(static_cast<procedure::EventKind>(k))) return true;
  return false;
}

std::string join(const std::vector<std::string>& list) {
  std::string s = "[";
  for (std::size_t i = 0; i < list.size(); ++i) s += (i ? ", " : "") + list[i];
  return s + "]";
}
}  // namespace

core::Result<Bot> Bot::create(const scenario::RunFile& run, Session& session) {
  const auto& def = session.definition();
  if (!run.scenario.empty() && run.scenario != def.meta.id)
    return core::makeError(core::ErrorCode::Validation,
                           run.file.string() + ": written for scenario \"" + run.scenario +
                               "\", not \"" + def.meta.id + "\"");
  // every target must name something the scenario has (the expectation's names are the
  // comparison's business)
  for (const scenario::Diagnostic& d : scenario::checkRunFile(run, def))
    if (d.path.rfind("actions", 0) == 0)
      return core::makeError(core::ErrorCode::Validation,
                             run.file.string() + ": " + d.path + ": " + d.message);
  if (run.expect.events)
    for (std::size_t i = 0; i < run.expect.events->size(); ++i)
      if (!isEventKindName((*run.expect.events)[i]))
        return core::makeError(core::ErrorCode::Validation,
                               run.file.string() + ": expect.events[" + std::to_string(i) +
                                   "]: no event kind \"" + (*run.expect.events)[i] +
                                   "\" (see the log format's event kinds)");
  Bot bot(run, session);
  bot.camera_ = def.scene.camera.position;
  return bot;
}

core::Error Bot::failure(const scenario::RunAction& action, const std::string& what) const {
  return core::makeError(core::ErrorCode::Validation,
                         run_.file.string() + ": " + action.path + ": " + what);
}

void Bot::tickAt(std::uint32_t entity, std::uint32_t buttons) {
  InputRecord in;
  in.cameraPosition = camera_;
  const core::Vec3 target = session_.simulation().entityPose(entity).position;
  in.cameraForward = core::normalize(target - camera_);
  in.pointerOrigin = camera_;
  in.pointerDirection = in.cameraForward;
  in.buttons = buttons;
  step(in);
}

void Bot::step(const InputRecord& input) {
  if (session_.ended()) return;  // no tick happens, so there is nothing to observe
  InputRecord in = input;
  in.keys = (in.keys & ~kKeyViewMask) | viewKeys_;
  session_.step(in);
  if (onTick_) onTick_(session_, in);
}

void Bot::walkTo(core::Vec3 to) {
  // a person's walking pace, looking at the aim as they go
  constexpr float kPace = 1.2f;  // m/s
  const core::Vec3 from = camera_;
  const float distance = core::length(to - from);
  const auto ticks = static_cast<std::uint32_t>(
      std::ceil(distance / (kPace * static_cast<float>(session_.tickSeconds()))));
  for (std::uint32_t i = 1; i <= ticks && !session_.ended(); ++i) {
    camera_ = from + (to - from) * (float(i) / float(ticks));
    step(restingInput());
  }
  camera_ = to;
}

InputRecord Bot::restingInput() const {
  // looking at the aim (or the scenario's camera target); a held part stays in the hand
  InputRecord in;
  in.cameraPosition = in.pointerOrigin = camera_;
  if (holding_) {
    in.cameraForward = in.pointerDirection = holding_->direction;
    in.buttons = kPointerPrimary;
  } else {
    const core::Vec3 target = aim_ ? session_.simulation().entityPose(*aim_).position
                                   : session_.definition().scene.camera.target;
    in.cameraForward = in.pointerDirection = core::normalize(target - camera_);
  }
  return in;
}

void Bot::idle(std::uint32_t ticks) {
  for (std::uint32_t i = 0; i < ticks && !session_.ended(); ++i) step(restingInput());
}

core::Status Bot::grabPart(const scenario::RunAction& a, std::uint32_t part, std::uint32_t entity) {
  if (auto s = aimAt(a, part, entity); !s.ok()) return s;
  if (session_.ended()) return {};
  const core::Vec3 centre = session_.simulation().entityPose(entity).position;
  const core::Vec3 direction = core::normalize(centre - camera_);
  holding_ = Hold{part, entity, direction, core::length(centre - camera_)};
  step(restingInput());
  if (!session_.devices().state(part).held) {
    holding_.reset();
    return failure(a, "could not pick up \"" + a.target + "\"");
  }
  return {};
}

void Bot::letGo() {
  InputRecord in = restingInput();
  in.buttons = 0;
  holding_.reset();
  step(in);
}

core::Status Bot::act(const scenario::RunAction& a) {
  using K = scenario::RunAction::Kind;
  const auto& def = session_.definition();
  const auto device = findDevice(def.training, a.target);
  const std::uint32_t entity =
      device ? def.training.devices[*device].entity : findEntity(def.scene, a.target).value_or(0);
  // a part in the hand keeps the hand busy: only waiting, placing or dropping it go on
  if (holding_ && a.kind != K::Wait && a.kind != K::Stop && a.kind != K::Inject &&
      a.kind != K::Place && a.kind != K::Drop && a.kind != K::View && a.kind != K::Walk)
    return failure(a, "the hand is holding a part; place or drop it first");
  switch (a.kind) {
    case K::Grab: return grabPart(a, *device, entity);
    case K::Drop:
      if (!holding_ || holding_->part != *device)
        return failure(a, "the hand is not holding \"" + a.target + "\"");
      letGo();
      return {};
    case K::Look:
      if (a.from) camera_ = *a.from;
      aim_ = entity;
      tickAt(entity, 0);
      return {};
    case K::Wait:
      idle(static_cast<std::uint32_t>(std::llround(a.seconds / session_.tickSeconds())));
      return {};
    case K::Stop: session_.stop(); return {};
    case K::View: {
      const auto set = [&](const std::optional<bool>& on, std::uint32_t bit) {
        if (on) viewKeys_ = *on ? viewKeys_ | bit : viewKeys_ & ~bit;
      };
      set(a.walk, kKeyViewWalk);
      set(a.cutaway, kKeyViewCutaway);
      if (a.labels) set(!*a.labels, kKeyViewLabelsHidden);
      step(restingInput());
      return {};
    }
    case K::Walk:
      viewKeys_ |= kKeyViewWalk;  // as V does: the learner walks
      walkTo(*a.from);
      return {};
    case K::Inject: {
      // the inject rides on one tick of otherwise resting input
      const auto& faults = def.training.faults;
      InputRecord in = restingInput();
      const auto found =
          std::find_if(faults.begin(), faults.end(),
                       [&](const scenario::FaultDef& f) { return f.id == a.target; });
      in.inject = static_cast<std::uint32_t>(found - faults.begin()) + 1;
      step(in);
      return {};
    }
    case K::Take:
    case K::Return: {
      // aim at the tool's place and click, unless the hand is already as wanted
      const bool holding = session_.devices().heldTool() == device;
      if ((a.kind == K::Take) == holding) return {};
      if (auto s = aimAt(a, *device, entity); !s.ok()) return s;
      tickAt(entity, kPointerPrimary);
      tickAt(entity, 0);
      return {};
    }
    case K::Use: {
      if (session_.devices().heldTool() != device)
        return failure(a, "the learner is not holding \"" + a.target + "\" (take it first)");
      const auto target = *findDevice(def.training, a.on);
      const std::uint32_t targetEntity = def.training.devices[target].entity;
      if (auto s = aimAt(a, target, targetEntity); !s.ok()) return s;
      tickAt(targetEntity, kPointerPrimary);
      tickAt(targetEntity, 0);
      return {};
    }
    case K::Turn: return turnValve(a, *device, entity);
    case K::Place: return placePart(a, *device, entity);
    case K::Loosen:
    case K::Tighten: {
      // one click a turn: primary turns out, secondary turns in, until it will go no further
      const auto& fastener = def.training.devices[*device];
      if (auto s = aimAt(a, *device, entity); !s.ok()) return s;
      const std::uint32_t button = a.kind == K::Loosen ? kPointerPrimary : kPointerSecondary;
      for (std::uint32_t i = 0; i <= fastener.turns && !session_.ended(); ++i) {
        const std::uint32_t before = session_.devices().state(*device).position;
        if ((a.kind == K::Loosen && before >= fastener.turns) ||
            (a.kind == K::Tighten && before == 0))
          break;
        tickAt(entity, button);
        tickAt(entity, 0);
        if (session_.devices().state(*device).position == before) break;  // wrong tool, refused
      }
      return {};
    }
    case K::Press:
    case K::Operate: break;
  }

  if (auto s = aimAt(a, *device, entity); !s.ok()) return s;
  if (session_.ended()) return {};
  if (a.kind == K::Press) {
    tickAt(entity, kPointerPrimary);
    tickAt(entity, kPointerPrimary);
    tickAt(entity, 0);
    return {};
  }

  // click until the device is where the action wants it; a refused click ends the attempt
  const auto& positions = def.training.devices[*device].positions;
  const auto wanted = static_cast<std::uint32_t>(
      std::find(positions.begin(), positions.end(), a.position) - positions.begin());
  for (std::size_t clicks = 0; clicks < positions.size(); ++clicks) {
    if (session_.devices().state(*device).position == wanted || session_.ended()) return {};
    const std::uint32_t before = session_.devices().state(*device).position;
    tickAt(entity, kPointerPrimary);
    tickAt(entity, 0);
    if (session_.devices().state(*device).position == before) return {};  // refused: go on
  }
  if (session_.devices().state(*device).position != wanted && !session_.ended())
    return failure(a, "device \"" + a.target + "\" did not reach \"" + a.position + "\"");
  return {};
}

core::Status Bot::turnValve(const scenario::RunAction& a, std::uint32_t device,
                            std::uint32_t entity) {
  const auto& def = session_.definition();
  const auto& joint = def.scene.joints[*def.training.devices[device].joint];
  const core::Vec3 axis = core::normalize(joint.axis);
  // grip the wheel off its axis: a point at 60% of its size, square to the axis
  const auto& shape = def.scene.entities[entity].shape;
  const float size = shape.kind == scene::ShapeKind::Box
                         ? std::min({shape.halfExtents.x, shape.halfExtents.y, shape.halfExtents.z})
                         : shape.radius;
  core::Vec3 side = core::cross(axis, {0, 1, 0});
  if (core::length(side) < 0.1f) side = core::cross(axis, {1, 0, 0});
  const core::Vec3 arm = core::normalize(side) * (0.6f * size);
  const auto pointAt = [&](float angle) {
    InputRecord in;
    in.cameraPosition = in.pointerOrigin = camera_;
    const core::Vec3 target = joint.pivot + core::rotate(core::quatFromAxisAngle(axis, angle), arm);
    in.cameraForward = in.pointerDirection = core::normalize(target - camera_);
    return in;
  };
  // hover, grip, then move the hand round the axis until the valve is where it should be
  InputRecord in = pointAt(0);
  step(in);
  if (session_.ended()) return {};
  if (session_.hoveredDevice() != device)
    return failure(a, "the pointer cannot reach the rim of \"" + a.target + "\"");
  const float goal = core::radians(static_cast<float>(a.seconds));
  const float start = session_.devices().state(device).angle;
  const float stepAngle = core::radians(3.0f) * (goal >= start ? 1.0f : -1.0f);
  float hand = 0;
  in.buttons = kPointerPrimary;  // grip where the pointer is, then move the hand
  step(in);
  const auto maxTicks = static_cast<std::uint32_t>(10.0 / session_.tickSeconds());
  for (std::uint32_t t = 0; t < maxTicks && !session_.ended(); ++t) {
    const float current = session_.devices().state(device).angle;
    if (std::abs(current - goal) < core::radians(0.5f)) break;
    hand += stepAngle;
    hand = stepAngle > 0 ? std::min(hand, goal - start) : std::max(hand, goal - start);
    in = pointAt(hand);
    in.buttons = kPointerPrimary;
    step(in);
  }
  in.buttons = 0;
  step(in);
  if (std::abs(session_.devices().state(device).angle - goal) > core::radians(2.0f) &&
      !session_.ended())
    return failure(
        a, "valve \"" + a.target + "\" did not reach " + std::to_string(a.seconds) + " degrees");
  return {};
}

core::Status Bot::placePart(const scenario::RunAction& a, std::uint32_t part,
                            std::uint32_t entity) {
  const auto& def = session_.definition();
  const auto socket = *findDevice(def.training, a.on);
  const core::Vec3 place =
      def.scene.entities[def.training.devices[socket].entity].transform.position;
  // take hold of the part, unless it is already in the hand
  if (holding_ && holding_->part != part)
    return failure(a, "the hand is holding another part; place or drop it first");
  if (!holding_)
    if (auto s = grabPart(a, part, entity); !s.ok() || session_.ended()) return s;
  InputRecord in = restingInput();
  const float reach = holding_->reach;
  const core::Vec3 centre = session_.simulation().entityPose(entity).position;
  // the hand keeps its distance (the learner walks); it lifts the part clear, carries it over
  // and lowers it into the socket, at walking pace
  const core::Vec3 start = camera_ + in.pointerDirection * reach;
  const core::Vec3 goal = place + (start - centre);  // the grip relative to the part's centre
  const float clear = std::max(start.y, goal.y) + 0.3f;
  const core::Vec3 path[] = {start, {start.x, clear, start.z}, {goal.x, clear, goal.z}, goal};
  const auto moveHand = [&](core::Vec3 hand) {
    const core::Vec3 dir = core::normalize(hand - camera_);
    camera_ = hand - dir * reach;
    holding_->direction = dir;
    step(restingInput());
  };
  for (int leg = 0; leg < 3 && !session_.ended(); ++leg) {
    const float length = core::length(path[leg + 1] - path[leg]);
    const auto ticks = static_cast<std::uint32_t>(length / (0.6 * session_.tickSeconds())) + 1;
    for (std::uint32_t t = 1; t <= ticks && !session_.ended(); ++t)
      moveHand(path[leg] + (path[leg + 1] - path[leg]) * (float(t) / float(ticks)));
  }
  // watch the part and nudge the hand until it sits over the socket, then let go
  const auto settle = static_cast<std::uint32_t>(1.5 / session_.tickSeconds());
  core::Vec3 hand = goal;
  for (std::uint32_t t = 0; t < settle && !session_.ended(); ++t) {
    hand = hand + (place - session_.simulation().entityPose(entity).position) * 0.1f;
    moveHand(hand);
  }
  letGo();
  return {};
}

core::Status Bot::aimAt(const scenario::RunAction& a, std::uint32_t device, std::uint32_t entity) {
  // point at the device; a person sees whether the pointer is on it before clicking
  aim_ = entity;
  tickAt(entity, 0);
  if (session_.ended() || session_.hoveredDevice() == device) return {};
  return failure(a, "the pointer cannot reach \"" +
                        session_.definition().training.devices[device].name +
                        "\" from the camera at (" + std::to_string(camera_.x) + ", " +
                        std::to_string(camera_.y) + ", " + std::to_string(camera_.z) +
                        "); something is in the way");
}

core::Status Bot::play(const TickObserver& onTick) {
  onTick_ = onTick;
  for (const auto& action : run_.actions) {
    if (session_.ended()) break;
    if (auto s = act(action); !s.ok()) return s;
  }
  return {};
}

std::vector<std::string> compareWithExpectation(const scenario::RunExpectation& expected,
                                                const procedure::SessionResult& result,
                                                const std::vector<procedure::Event>& events) {
  std::vector<std::string> out;
  if (expected.score && std::abs(*expected.score - result.score) > 1e-6)
    out.push_back("score " + std::to_string(result.score) + ", expected " +
                  std::to_string(*expected.score));
  if (expected.passed && *expected.passed != result.passed)
    out.push_back(std::string("passed ") + (result.passed ? "true" : "false") + ", expected " +
                  (*expected.passed ? "true" : "false"));
  if (expected.end && *expected.end != procedure::toString(result.end))
    out.push_back(std::string("ended \"") + procedure::toString(result.end) + "\", expected \"" +
                  *expected.end + "\"");
  if (expected.violations) {
    std::vector<std::string> got;
    for (const auto& v : result.violations) got.push_back(v.rule);
    if (got != *expected.violations)
      out.push_back("violations " + join(got) + ", expected " + join(*expected.violations));
  }
  if (expected.events) {
    // each expected kind in turn, after the one before it
    std::size_t next = 0;
    std::vector<std::string> missing;
    for (const std::string& kind : *expected.events) {
      while (next < events.size() && kind != procedure::toString(events[next].kind)) ++next;
      if (next == events.size()) {
        missing.push_back(kind);
      } else {
        ++next;
      }
    }
    if (!missing.empty()) {
      std::vector<std::string> got;
      for (const auto& e : events) got.push_back(procedure::toString(e.kind));
      out.push_back("events " + join(missing) +
                    " did not happen in the expected order; events: " + join(got));
    }
  }
  return out;
}

}  // namespace practicum::sim
