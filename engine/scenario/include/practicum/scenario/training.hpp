#pragma once
/// The training part of a scenario: operable devices, variables derived from state, the
/// procedure (steps with conditions and ordering), rules (interlocks and hazards) and the
/// scoring rubric. Plain, immutable definitions; conditions are parsed once at load.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <practicum/core/math.hpp>
#include <practicum/scenario/condition.hpp>
#include <practicum/scenario/text.hpp>

namespace practicum::scenario {

/// Kinds of operable devices with discrete positions.
enum class DeviceKind : std::uint8_t {
  Switch,          ///< a plain switch
  Breaker,         ///< circuit breaker (may interrupt load)
  Disconnector,    ///< isolator (must not be operated under load)
  EarthingSwitch,  ///< connects a conductor to earth
  Lever,           ///< a mechanical lever
  Button,          ///< momentary push button (no positions; counts presses)
  Lock,            ///< a padlock applied to another device (`target`): positions off/on;
                   ///< while on, the target cannot be operated
  Tag,             ///< a warning tag hung on another device (`target`): positions off/on;
                   ///< informs, does not prevent
  Tool,            ///< taken from its place, held, used on devices (`toolType`)
  Point,           ///< a place tools are used on (a test point); nothing to operate
  Valve,           ///< a rotary valve or handwheel on a hinge joint, turned by dragging
  Part,            ///< a dynamic part picked up, carried and placed into sockets
  Socket,          ///< where parts go: its entity's pose, with a tolerance
  Fastener,        ///< a bolt turned with a tool (`requiresTool`): loosened, tightened to a torque
};

/// An operable device, represented in the scene by an entity the learner points at.
struct DeviceDef {
  std::string name;  ///< identifier used in conditions ("QF1")
  DeviceKind kind = DeviceKind::Switch;
  LocalizedText label;
  std::uint32_t entity = 0;            ///< index into the scene's entities
  std::vector<std::string> positions;  ///< at least 2, except buttons (none)
  std::uint32_t initial = 0;           ///< index into positions
  /// the scenario's words for its positions, as the player shows them (empty: the UI table's);
  /// empty, or one per position (a position the scenario gives no words has empty texts)
  std::vector<LocalizedText> positionLabels;
  std::optional<std::uint32_t> target;  ///< locks and tags: the device they are applied to
  std::string toolType;      ///< tools: what kind of tool ("voltage-detector", "wrench-17")
  std::string requiresTool;  ///< devices with positions: the tool type needed to operate them
  std::optional<std::uint32_t> joint;  ///< valves: the hinge joint (with limits) it turns on
  float torque = 20.0f;                ///< valves: N·m the hand applies and the stem holds with
  std::vector<std::uint32_t> accepts;  ///< sockets: the parts (device indices) that fit
  float toleranceDistance = 0.02f;     ///< sockets: metres from the socket's position
  float toleranceAngle = 10.0f;        ///< sockets: degrees from the socket's orientation
  std::uint32_t turns = 3;             ///< fasteners: turns from tight to loose (its position
                                       ///< is the turns out: 0 tight, `turns` loose)
  float toolTorque = 0;                ///< tools: N·m a (torque) wrench tightens to; 0 = not set
};

/// What a zone detects.
enum class ZoneDetects : std::uint8_t {
  Learner,  ///< the learner's viewpoint (the camera position of the input)
  Bodies,   ///< the centres of dynamic bodies
};

/// An axis-aligned volume that detects the learner or bodies ("a personnel zone").
struct ZoneDef {
  std::string name;  ///< `<name>.occupied` (bool) and `<name>.count` (number) in conditions
  LocalizedText label;
  core::Vec3 center;
  core::Vec3 halfExtents;
  ZoneDetects detects = ZoneDetects::Learner;
};

/// A lamp, gauge or display bound to a value, for the renderer to show.
struct IndicatorDef {
  std::string name;
  LocalizedText label;
  std::uint32_t entity = 0;  ///< the entity that shows it
  std::string style;         ///< "lamp", "alarm", "gauge", "display" (NameList::IndicatorStyles)
  std::string unit;          ///< the unit of a number it shows ("kV", "%LEL", "MPa"); "" = none
  Condition value;           ///< what it shows (bool: lit or not; number: the reading)
};

/// A named value derived from state every tick ("feeder_energized").
struct VariableDef {
  std::string name;
  Condition value;  ///< bool or number; may use earlier variables only
};

/// One step of the procedure.
struct StepDef {
  std::string id;  ///< identifier ("open_breaker"); `<id>.done` in conditions
  LocalizedText text;
  LocalizedText hint;                ///< shown in practice mode only
  Condition done;                    ///< the step is complete when this holds (after prerequisites)
  std::vector<std::uint32_t> after;  ///< prerequisite steps (indices, all earlier in the list)
  std::optional<double> timeLimit;   ///< seconds from when the step becomes available
  double points = 1;
};

/// What a rule does.
enum class RuleKind : std::uint8_t {
  Interlock,  ///< checked when a device is operated; prevents it or records a violation
  Hazard,     ///< triggers when its condition becomes true
};
/// How bad breaking a rule is. Critical ends an exam session.
enum class RuleSeverity : std::uint8_t { Warning, Major, Critical };

/// An interlock or a hazard.
struct RuleDef {
  std::string id;
  LocalizedText text;
  RuleKind kind = RuleKind::Interlock;
  RuleSeverity severity = RuleSeverity::Major;
  /// interlock: the rule applies while this holds; hazard: it triggers when this becomes true
  Condition when;
  std::uint32_t device = 0;                 ///< interlock: the device whose operation it guards
  std::optional<std::uint32_t> toPosition;  ///< interlock: only operations to this position
  bool prevent = true;      ///< interlock: refuse the operation (false: allow, record)
  std::string consequence;  ///< what the renderer shows: one of NameList::Consequences
                            ///< ("arc-flash", "alarm", ...) or empty for none
};

/// Scoring rules. max = the sum of the steps' points.
struct RubricDef {
  double passScore = 0;       ///< pass when score >= passScore (and no critical failure)
  double penaltyWarning = 0;  ///< points lost per violation of each severity
  double penaltyMajor = 5;
  double penaltyCritical = 20;
  double penaltyOrder = 2;              ///< per step completed out of order (attempted too early)
  double penaltyTimeout = 0;            ///< per step that passed its time limit
  std::optional<double> targetSeconds;  ///< time component: no penalty up to this
  double penaltyPerSecondOver = 0;
  double maxTimePenalty = 0;
  bool criticalFails = true;  ///< any critical violation fails the session
};

/// When a fault is injected by itself (an instructor may inject any fault at any time).
enum class FaultTrigger : std::uint8_t {
  Manual,     ///< only by an instructor's inject
  At,         ///< at a fixed time
  Window,     ///< at a seeded random time inside [from, to]
  Condition,  ///< when `when` becomes true
};

/// A fault or inject: once injected it stays active (`<id>.active` in conditions).
struct FaultDef {
  std::string id;
  LocalizedText text;
  FaultTrigger trigger = FaultTrigger::Manual;
  double at = 0;         ///< At: seconds; Window: the earliest second
  double windowEnd = 0;  ///< Window: the latest second
  Condition when;        ///< Condition
};

/// What a symbol id in the scenario's conditions stands for.
struct SymbolSource {
  enum class Kind : std::uint8_t {
    DeviceAt,          ///< device is at position `arg` (bool)
    DevicePosition,    ///< device's position index (number)
    DeviceOperations,  ///< number of operations of the device (number)
    ButtonPressed,     ///< button held down this tick (bool)
    StepDone,          ///< step `index` complete (bool)
    Variable,          ///< variable `index`
    Elapsed,           ///< seconds since the session started (number)
    Since,             ///< seconds since bool symbol `arg` last became true; 1e9 if never
    FaultActive,       ///< fault `index` has been injected (bool)
    DeviceLocked,      ///< a lock on device `index` is on (bool)
    DeviceTagged,      ///< a tag on device `index` is on (bool)
    ZoneOccupied,      ///< zone `index` holds the learner or a body (bool)
    ZoneCount,         ///< number of things zone `index` holds (number)
    ToolHeld,          ///< tool `index` is in the learner's hand (bool)
    UsedWith,          ///< tool `arg` was used on device `index` this tick (bool)
    ValveOpening,      ///< valve `index`'s opening, 0 (lower limit) to 1 (upper limit)
    ValveAngle,        ///< valve `index`'s angle from its lower limit, degrees
    PartHeld,          ///< part `index` is in the hand (bool)
    PartPlaced,        ///< part `index` sits in a socket (bool)
    SocketFilled,      ///< socket `index` holds a part (bool)
    FastenerTurns,     ///< fastener `index`'s turns out from tight (number)
    FastenerTorque,    ///< torque fastener `index` was last tightened to, N·m; 0 when not tight
    // the learner's view (`view.*`: declared only when a condition names one, see kViewNames)
    ViewWalking,  ///< walking, not orbiting (bool)
    ViewCutaway,  ///< the cut-away view is on (bool)
    ViewLabels,   ///< the labels are shown (bool)
    ViewWalked,   ///< metres the eye has moved while walking (number)
    ViewTurned,   ///< degrees the line of sight has turned, walking or orbiting (number)
  };
  Kind kind = Kind::Elapsed;
  std::uint32_t index = 0;  ///< device, step or variable index
  std::uint32_t arg = 0;
};

/// Every name conditions may use, with its id (= position in the vector) and meaning.
struct SymbolCatalog {
  struct Entry {
    std::string name;
    ValueType type = ValueType::Bool;
    SymbolSource source;
  };
  std::vector<Entry> entries;
};

/// The training definition of a scenario (all optional: a scenario without it is a sandbox).
struct TrainingDef {
  std::vector<DeviceDef> devices;
  std::vector<VariableDef> variables;
  std::vector<StepDef> steps;
  std::vector<RuleDef> rules;
  std::vector<FaultDef> faults;
  std::vector<ZoneDef> zones;
  std::vector<IndicatorDef> indicators;
  RubricDef rubric;
  SymbolCatalog symbols;
  double timeLimit = 0;  ///< seconds for the whole session; 0 = none
};

/// Checks a condition against the names a scenario defines, as the loader would (for an editor
/// checking what is being typed): the error, or nullopt when it is a valid boolean condition.
std::optional<ConditionError> checkCondition(const SymbolCatalog& symbols, std::string_view text);

}  // namespace practicum::scenario
