#include <practicum/procedure/procedure.hpp>

#include <algorithm>
#include <bit>
#include <cmath>

namespace practicum::procedure {

namespace {
using scenario::RuleKind;
using scenario::RuleSeverity;
using Kind = scenario::SymbolSource::Kind;

// a well-mixed 64-bit value from a seed (Steele, Lea, Flood: SplitMix64)
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ull;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
  return x ^ (x >> 31);
}
}  // namespace

const char* toString(EventKind kind) {
  switch (kind) {
    case EventKind::Operated: return "operated";
    case EventKind::Refused: return "refused";
    case EventKind::Pressed: return "pressed";
    case EventKind::StepCompleted: return "step-completed";
    case EventKind::OutOfOrder: return "out-of-order";
    case EventKind::StepTimedOut: return "step-timed-out";
    case EventKind::Violation: return "violation";
    case EventKind::FaultInjected: return "fault-injected";
    case EventKind::ToolTaken: return "tool-taken";
    case EventKind::ToolReturned: return "tool-returned";
    case EventKind::ToolUsed: return "tool-used";
    case EventKind::WrongTool: return "wrong-tool";
    case EventKind::Grabbed: return "grabbed";
    case EventKind::Released: return "released";
    case EventKind::Placed: return "placed";
    case EventKind::Unseated: return "unseated";
    case EventKind::Loosened: return "loosened";
    case EventKind::Tightened: return "tightened";
    case EventKind::SessionEnded: return "session-ended";
    case EventKind::ValveTurned: return "valve-turned";
    case EventKind::NotSeated: return "not-seated";
  }
  return "?";
}

const char* toString(FaultSource source) {
  switch (source) {
    case FaultSource::Scheduled: return "scheduled";
    case FaultSource::Condition: return "condition";
    case FaultSource::Instructor: return "instructor";
  }
  return "?";
}

const char* toString(EndReason reason) {
  switch (reason) {
    case EndReason::None: return "none";
    case EndReason::Completed: return "completed";
    case EndReason::Critical: return "critical";
    case EndReason::TimeLimit: return "time-limit";
    case EndReason::Stopped: return "stopped";
    case EndReason::Interrupted: return "interrupted";
    case EndReason::Closed: return "closed";
  }
  return "?";
}

Procedure::Procedure(const scenario::TrainingDef& def, double tickSeconds, std::uint64_t seed)
    : def_(def),
      tickSeconds_(tickSeconds),
      values_(def.symbols.entries.size(), 0.0),
      becameTrue_(def.symbols.entries.size(), -1.0),
      steps_(def.steps.size()),
      stepHeld_(def.steps.size(), false),
      hazardHeld_(def.rules.size(), false),
      faultTick_(def.faults.size()),
      faultActive_(def.faults.size(), false),
      faultHeld_(def.faults.size(), false) {
  sinceOf_.assign(def.symbols.entries.size(), -1);
  for (std::uint32_t id = 0; id < def.symbols.entries.size(); ++id) {
    switch (def.symbols.entries[id].source.kind) {
      case Kind::Since: sinceOf_[id] = def.symbols.entries[id].source.arg; break;
      case Kind::Variable: variableSymbols_.push_back(id); break;
      case Kind::StepDone: stepSymbols_.push_back(id); break;
      case Kind::FaultActive: faultSymbols_.push_back(id); break;
      case Kind::ZoneOccupied:
      case Kind::ZoneCount: zoneSymbols_.push_back(id); break;
      case Kind::Elapsed: elapsedSymbols_.push_back(id); break;
      case Kind::ValveOpening:
      case Kind::ValveAngle: valveSymbols_.push_back(id); break;
      case Kind::ViewWalking:
      case Kind::ViewCutaway:
      case Kind::ViewLabels:
      case Kind::ViewWalked:
      case Kind::ViewTurned: viewSymbols_.push_back(id); break;
      default: deviceSymbols_.push_back(id); break;
    }
  }

  // when each timed fault happens: fixed, or drawn from the seed (per fault, so adding a fault
  // does not move the others)
  const auto toTick = [&](double seconds) {
    return static_cast<std::uint64_t>(std::llround(seconds / tickSeconds));
  };
  for (std::uint32_t i = 0; i < def.faults.size(); ++i) {
    const auto& f = def.faults[i];
    if (f.trigger == scenario::FaultTrigger::At) {
      faultTick_[i] = std::max<std::uint64_t>(1, toTick(f.at));
    } else if (f.trigger == scenario::FaultTrigger::Window) {
      const std::uint64_t first = std::max<std::uint64_t>(1, toTick(f.at));
      const std::uint64_t last = std::max(first, toTick(f.windowEnd));
      const std::uint64_t r = splitmix64(seed ^ core::fnv1a64(f.id));
      faultTick_[i] = first + r % (last - first + 1);
    }
  }
}

void Procedure::inject(std::uint64_t tick, std::uint32_t fault, FaultSource source) {
  if (fault >= faultActive_.size() || faultActive_[fault]) return;
  faultActive_[fault] = true;
  faultsDirty_ = true;
  events_.push_back(
      {tick, EventKind::FaultInjected, fault, static_cast<std::uint32_t>(source), 0, 0});
}

std::optional<std::uint64_t> Procedure::faultSchedule(std::uint32_t fault) const {
  return faultTick_[fault];
}

void Procedure::setBool(std::uint32_t id, bool v, double now) {
  if (v && values_[id] == 0.0) becameTrue_[id] = now;
  values_[id] = v ? 1.0 : 0.0;
}

void Procedure::syncFaultSymbols(double now) {
  for (std::uint32_t id : faultSymbols_)
    setBool(id, faultActive_[def_.symbols.entries[id].source.index], now);
  faultsDirty_ = false;
}

void Procedure::refreshInputs(double now, const interaction::Devices& devices,
                              const interaction::Zones& zones, const ViewInput& view) {
  const auto& entries = def_.symbols.entries;
  now_ = now;

  // device names only when a device changed since the last refresh
  if (deviceVersion_ != devices.version()) {
    deviceVersion_ = devices.version();
    for (std::uint32_t id : deviceSymbols_) {
      const auto& src = entries[id].source;
      switch (src.kind) {
        case Kind::DeviceAt: setBool(id, devices.state(src.index).position == src.arg, now); break;
        case Kind::DevicePosition: values_[id] = devices.state(src.index).position; break;
        case Kind::DeviceOperations: values_[id] = devices.state(src.index).operations; break;
        case Kind::ButtonPressed: setBool(id, devices.state(src.index).pressed, now); break;
        case Kind::DeviceLocked: setBool(id, devices.locked(src.index), now); break;
        case Kind::DeviceTagged: setBool(id, devices.tagged(src.index), now); break;
        case Kind::ToolHeld: setBool(id, devices.heldTool() == src.index, now); break;
        case Kind::UsedWith: setBool(id, devices.usedThisTick(src.index, src.arg), now); break;
        case Kind::PartHeld: setBool(id, devices.state(src.index).held, now); break;
        case Kind::FastenerTurns: values_[id] = devices.state(src.index).position; break;
        case Kind::FastenerTorque: values_[id] = devices.state(src.index).torque; break;
        case Kind::PartPlaced:
        case Kind::SocketFilled: setBool(id, devices.state(src.index).socket >= 0, now); break;
        default: break;
      }
    }
  }
  for (std::uint32_t id : zoneSymbols_) {
    const auto& src = entries[id].source;
    if (src.kind == Kind::ZoneOccupied)
      setBool(id, zones.count(src.index) > 0, now);
    else
      values_[id] = zones.count(src.index);
  }
  for (std::uint32_t id : elapsedSymbols_) values_[id] = now;
  for (std::uint32_t id : viewSymbols_) {
    switch (entries[id].source.kind) {
      case Kind::ViewWalking: setBool(id, view.walking, now); break;
      case Kind::ViewCutaway: setBool(id, view.cutaway, now); break;
      case Kind::ViewLabels: setBool(id, view.labels, now); break;
      case Kind::ViewWalked: values_[id] = view.walked; break;
      default: values_[id] = view.turned; break;
    }
  }
  for (std::uint32_t id : valveSymbols_) {
    const auto& src = entries[id].source;
    const auto& state = devices.state(src.index);
    values_[id] = src.kind == Kind::ValveOpening ? double(state.opening)
                                                 : double(state.angle) * 180.0 / 3.14159265358979;
  }
  if (faultsDirty_) syncFaultSymbols(now);

  // variables in declaration order (each may use only earlier ones)
  for (std::uint32_t id : variableSymbols_) {
    const double v = def_.variables[entries[id].source.index].value.evaluate(*this);
    if (entries[id].type == scenario::ValueType::Bool)
      setBool(id, v != 0.0, now);
    else
      values_[id] = v;
  }
}

void Procedure::start() {
  for (std::uint32_t i = 0; i < steps_.size(); ++i) stepHeld_[i] = def_.steps[i].done.test(*this);
  for (std::uint32_t i = 0; i < def_.faults.size(); ++i)
    faultHeld_[i] = def_.faults[i].trigger == scenario::FaultTrigger::Condition &&
                    def_.faults[i].when.test(*this);
  for (std::uint32_t i = 0; i < def_.rules.size(); ++i)
    hazardHeld_[i] = def_.rules[i].kind == RuleKind::Hazard && def_.rules[i].when.test(*this);
}

void Procedure::violate(std::uint64_t tick, std::uint32_t rule, bool prevented) {
  const auto& r = def_.rules[rule];
  violations_.push_back({tick, rule, 0, r.severity, prevented});
  events_.push_back({tick, EventKind::Violation, 0, 0, prevented ? 1u : 0u, rule});
  // a critical act that an interlock prevented is penalised but does not end or fail the session
  if (r.severity == RuleSeverity::Critical && !prevented) critical_ = true;
  // a prevented operation has no physical consequence to show
  if (!prevented && !r.consequence.empty()) consequences_.push_back(r.consequence);
}

Verdict Procedure::checkOperation(std::uint64_t tick, std::uint32_t device,
                                  std::uint32_t toPosition) {
  Verdict verdict;
  for (std::uint32_t i = 0; i < def_.rules.size(); ++i) {
    const auto& r = def_.rules[i];
    if (r.kind != RuleKind::Interlock || r.device != device) continue;
    if (r.toPosition && *r.toPosition != toPosition) continue;
    if (!r.when.test(*this)) continue;
    verdict.rules.push_back(i);
    if (r.prevent) verdict.allowed = false;
  }
  // a prevented operation is one violation attempt per applicable rule
  for (std::uint32_t rule : verdict.rules) violate(tick, rule, !verdict.allowed);
  // the refusal names the first rule that prevents
  if (!verdict.allowed) {
    const auto preventing = std::find_if(verdict.rules.begin(), verdict.rules.end(),
                                         [&](std::uint32_t r) { return def_.rules[r].prevent; });
    events_.push_back({tick, EventKind::Refused, device, 0, toPosition, *preventing});
  }
  return verdict;
}

void Procedure::evaluate(std::uint64_t tick, double now) {
  const auto& entries = def_.symbols.entries;

  // faults whose time has come or whose condition became true; their symbols follow at once
  bool injected = false;
  for (std::uint32_t i = 0; i < def_.faults.size(); ++i) {
    if (faultTick_[i] && tick >= *faultTick_[i] && !faultActive_[i]) {
      inject(tick, i, FaultSource::Scheduled);
      injected = true;
    }
    if (def_.faults[i].trigger == scenario::FaultTrigger::Condition) {
      const bool holds = def_.faults[i].when.test(*this);
      if (holds && !faultHeld_[i] && !faultActive_[i]) {
        inject(tick, i, FaultSource::Condition);
        injected = true;
      }
      faultHeld_[i] = holds;
    }
  }
  if (injected) syncFaultSymbols(now);

  // steps: available when prerequisites are done; done when the condition then holds
  for (std::uint32_t i = 0; i < steps_.size(); ++i) {
    StepProgress& s = steps_[i];
    if (s.done) continue;
    const auto& def = def_.steps[i];
    if (!s.available) {
      s.available = std::all_of(def.after.begin(), def.after.end(),
                                [&](std::uint32_t p) { return steps_[p].done; });
      if (s.available) s.availableTick = tick;
    }
    const bool holds = def.done.test(*this);
    if (holds && s.available) {
      s.done = true;
      s.doneTick = tick;
      events_.push_back({tick, EventKind::StepCompleted, i, 0, 0, 0});
    } else if (holds && !stepHeld_[i]) {
      // attempted before its prerequisites: an ordering mistake, counted once per attempt
      ++s.earlyAttempts;
      violations_.push_back({tick, std::nullopt, i, RuleSeverity::Warning, false});
      events_.push_back({tick, EventKind::OutOfOrder, i, 0, 0, 0});
    }
    stepHeld_[i] = holds;
    if (s.available && !s.done && !s.timedOut && def.timeLimit &&
        double(tick - s.availableTick) * tickSeconds_ > *def.timeLimit) {
      s.timedOut = true;
      violations_.push_back({tick, std::nullopt, i, RuleSeverity::Warning, false, true});
      events_.push_back({tick, EventKind::StepTimedOut, i, 0, 0, 0});
    }
  }
  for (std::uint32_t id : stepSymbols_) setBool(id, steps_[entries[id].source.index].done, now);

  // hazards trigger when their condition becomes true
  for (std::uint32_t i = 0; i < def_.rules.size(); ++i) {
    const auto& r = def_.rules[i];
    if (r.kind != RuleKind::Hazard) continue;
    const bool holds = r.when.test(*this);
    if (holds && !hazardHeld_[i]) violate(tick, i, false);
    hazardHeld_[i] = holds;
  }
}

std::optional<double> Procedure::valueOf(std::string_view name) const {
  const auto& entries = def_.symbols.entries;
  for (std::uint32_t id = 0; id < entries.size(); ++id)
    if (entries[id].name == name) return values_[id];
  return std::nullopt;
}

bool Procedure::complete() const {
  return std::all_of(steps_.begin(), steps_.end(), [](const StepProgress& s) { return s.done; });
}

void Procedure::hash(core::Fnv1a64& h) const {
  // everything that decides what happens next: values, edges, progress, faults
  for (double v : values_) h.u64(std::bit_cast<std::uint64_t>(v));
  for (double t : becameTrue_) h.u64(std::bit_cast<std::uint64_t>(t));
  for (const auto& s : steps_) {
    h.u32(s.done);
    h.u32(s.available);
    h.u64(s.availableTick);
    h.u64(s.doneTick);
    h.u32(s.earlyAttempts);
    h.u32(s.timedOut);
  }
  for (bool b : stepHeld_) h.u32(b);
  for (bool b : hazardHeld_) h.u32(b);
  for (bool b : faultHeld_) h.u32(b);
  for (const auto& t : faultTick_) h.u64(t ? *t + 1 : 0);
  h.u32(critical_);
  h.u64(consequences_.size());
  for (bool active : faultActive_) h.u32(active);
  h.u64(violations_.size());
  h.u64(events_.size());
}

}  // namespace practicum::procedure
