#pragma once
/// The procedure of a running session: the values of every symbol conditions use, step
/// progress with ordering, interlocks checked on operations, hazards, violations and the score.
/// Deterministic: a pure function of the calls made on it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <practicum/core/hash.hpp>
#include <practicum/interaction/devices.hpp>
#include <practicum/interaction/zones.hpp>
#include <practicum/procedure/events.hpp>
#include <practicum/scenario/training.hpp>

namespace practicum::procedure {

/// Progress of one step.
struct StepProgress {
  bool done = false;
  bool available = false;  ///< every prerequisite done
  std::uint64_t availableTick = 0;
  std::uint64_t doneTick = 0;
  std::uint32_t earlyAttempts = 0;  ///< times its condition held before it was available
  bool timedOut = false;
};

/// A broken rule or a step done out of order.
struct ViolationRecord {
  std::uint64_t tick = 0;
  std::optional<std::uint32_t> rule;  ///< none: `step` was done out of order or timed out
  std::uint32_t step = 0;
  scenario::RuleSeverity severity = scenario::RuleSeverity::Warning;
  bool prevented = false;  ///< an interlock refused the operation
  bool timeout = false;    ///< `step` passed its time limit (else: out of order)
};

/// What an interlock check decided about an operation.
struct Verdict {
  bool allowed = true;
  std::vector<std::uint32_t> rules;  ///< interlocks that applied
};

/// The learner's view as the `view.*` names see it (from the input's view keys).
struct ViewInput {
  bool walking = false, cutaway = false, labels = true;
  double walked = 0;  ///< metres the eye has moved while walking
  double turned = 0;  ///< degrees the line of sight has turned
};

/// Step and rule evaluation over symbol values. Borrows the definition.
class Procedure final : public scenario::SymbolValues {
 public:
  /// `tickSeconds` converts seconds into ticks; `seed` places faults with a random window.
  Procedure(const scenario::TrainingDef& def, double tickSeconds, std::uint64_t seed);

  /// Refreshes the symbols that come from devices and time (call before operations and
  /// before evaluate(), each tick).
  void refreshInputs(double elapsedSeconds, const interaction::Devices& devices,
                     const interaction::Zones& zones, const ViewInput& view = {});
  /// Takes the initial state as the baseline: conditions that already hold at the start are
  /// neither early attempts nor triggered hazards. Call once, after the first refreshInputs().
  void start();
  /// Checks the interlocks guarding an operation at `tick`; records violations and events.
  Verdict checkOperation(std::uint64_t tick, std::uint32_t device, std::uint32_t toPosition);
  /// Evaluates variables, steps, hazards and time limits at the end of a tick.
  void evaluate(std::uint64_t tick, double elapsedSeconds);
  /// Activates a fault now (an instructor's inject); nothing if it is already active.
  void inject(std::uint64_t tick, std::uint32_t fault, FaultSource source);
  /// The tick a fault is scheduled for (At and Window faults), else nullopt.
  std::optional<std::uint64_t> faultSchedule(std::uint32_t fault) const;
  /// Whether a fault is active.
  bool faultActive(std::uint32_t fault) const { return faultActive_[fault]; }
  /// Adds an event made outside (device operations).
  void record(const Event& event) { events_.push_back(event); }

  /// Value of a symbol (booleans as 0/1).
  double value(std::uint32_t id) const override {
    // since() is worked out when read, so it is never a tick behind what it measures
    if (sinceOf_[id] >= 0) {
      const double t = becameTrue_[static_cast<std::size_t>(sinceOf_[id])];
      return t < 0 ? 1e9 : now_ - t;
    }
    return values_[id];
  }
  /// Value of a symbol by name; nullopt if unknown.
  std::optional<double> valueOf(std::string_view name) const;

  const std::vector<StepProgress>& steps() const { return steps_; }
  const std::vector<ViolationRecord>& violations() const { return violations_; }
  const std::vector<Event>& events() const { return events_; }
  /// Consequences currently shown ("arc-flash", ...), from rules broken so far, in order.
  const std::vector<std::string>& consequences() const { return consequences_; }
  /// Whether a critical rule has been broken.
  bool criticalViolation() const { return critical_; }
  /// Whether every step is done.
  bool complete() const;

  /// Mixes the procedure state into a hash.
  void hash(core::Fnv1a64& h) const;

 private:
  void violate(std::uint64_t tick, std::uint32_t rule, bool prevented);
  void setBool(std::uint32_t id, bool v, double now);
  void syncFaultSymbols(double now);

  const scenario::TrainingDef& def_;
  double tickSeconds_;
  std::vector<double> values_;
  std::vector<double> becameTrue_;  ///< per symbol: time it last became true (-1 never)
  // symbol ids by what feeds them, so each tick touches only what can have changed
  std::vector<std::int64_t> sinceOf_;  ///< per symbol: the symbol since() measures, or -1
  double now_ = 0;                     ///< time of the last refresh
  std::vector<std::uint32_t> deviceSymbols_;
  std::vector<std::uint32_t> viewSymbols_;
  std::vector<std::uint32_t> variableSymbols_;  ///< in declaration order
  std::vector<std::uint32_t> stepSymbols_;
  std::vector<std::uint32_t> faultSymbols_;
  std::vector<std::uint32_t> zoneSymbols_;
  std::vector<std::uint32_t> elapsedSymbols_;
  std::vector<std::uint32_t> valveSymbols_;     ///< measured from physics: refreshed every tick
  std::optional<std::uint64_t> deviceVersion_;  ///< Devices::version() last read
  bool faultsDirty_ = false;                    ///< a fault was injected since the last sync
  std::vector<StepProgress> steps_;
  std::vector<bool> stepHeld_;    ///< condition held last tick (for early-attempt edges)
  std::vector<bool> hazardHeld_;  ///< per rule: `when` held last tick
  std::vector<std::optional<std::uint64_t>> faultTick_;  ///< scheduled tick per fault
  std::vector<bool> faultActive_;
  std::vector<bool> faultHeld_;  ///< per fault: `when` held last tick
  std::vector<ViolationRecord> violations_;
  std::vector<Event> events_;
  std::vector<std::string> consequences_;
  bool critical_ = false;
};

/// One step in a result.
struct StepResult {
  std::string id;
  bool done = false;
  double at = 0;        ///< seconds from start when done
  double duration = 0;  ///< seconds from available to done
  std::uint32_t attempts = 0;
  double points = 0;  ///< points earned
  double maxPoints = 0;
};

/// One violation in a result.
struct ViolationResult {
  /// What the rubric charges it as: a rule by its severity, or the order or timeout penalty.
  enum class Kind : std::uint8_t { Rule, Order, Timeout };
  double at = 0;
  std::string rule;  ///< rule id, "order:<step id>" or "timeout:<step id>"
  scenario::RuleSeverity severity = scenario::RuleSeverity::Warning;
  bool prevented = false;
  std::string textEn, textZhCN;
  Kind kind = Kind::Rule;
};

/// "warning", "major" or "critical".
const char* severityName(scenario::RuleSeverity severity);

/// A scored session.
struct SessionResult {
  double score = 0;
  double max = 0;
  bool passed = false;
  double seconds = 0;
  double timePenalty = 0;
  EndReason end = EndReason::None;
  std::vector<StepResult> steps;
  std::vector<ViolationResult> violations;
};

/// A violation of `rule` at `at` seconds.
ViolationResult ruleViolation(const scenario::RuleDef& rule, bool prevented, double at);
/// A step attempted before its prerequisites, or (`timeout`) past its time limit.
ViolationResult stepViolation(const scenario::StepDef& step, bool timeout, double at);

/// Computes score, timePenalty and passed from the steps' points, the violations and the
/// seconds by `rubric`. score() ends with it; an assessor re-scores an old result with it.
void applyRubric(const scenario::RubricDef& rubric, SessionResult& result);

/// Scores a procedure by the rubric after `seconds` of session.
SessionResult score(const scenario::TrainingDef& def, const Procedure& procedure, double seconds,
                    double tickSeconds, EndReason end);

}  // namespace practicum::procedure
