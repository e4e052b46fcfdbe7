#pragma once
/// The enumerated names of scenario format v1 in one table: every word a field of the format
/// takes from a fixed list (a shape's type, a device's kind, a rule's severity, a consequence,
/// ...) and the reserved words of the condition language. The loader, the condition language
/// and the editor read them from here, so that each name is spelt in one place; the lists are
/// in the order docs/scenario-format.md gives them.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include <practicum/scenario/text.hpp>
#include <practicum/scenario/training.hpp>
#include <practicum/scene/scene.hpp>

namespace practicum::scenario {

/// The enumerations of the format, one per field that takes a name from a fixed list.
enum class NameList : std::uint8_t {
  ShapeTypes,          ///< entities[].shape.type: box, sphere, capsule, cylinder, convexHull, ...
  BodyTypes,           ///< entities[].body.type: static, dynamic, kinematic
  JointTypes,          ///< joints[].type: hinge, slider, fixed, point
  DeviceKinds,         ///< devices[].kind: switch, breaker, ..., fastener
  LockPositions,       ///< the positions of locks and tags: off, on (not configurable)
  FastenerStates,      ///< devices[].initial of a fastener: tight, loose
  ZoneDetects,         ///< zones[].detects: learner, bodies
  IndicatorStyles,     ///< indicators[].style: lamp, alarm, gauge, display
  ProcedureOrders,     ///< procedure.order: sequence, free
  RuleKinds,           ///< rules[].kind: interlock, hazard
  RuleActions,         ///< rules[].action: prevent, record
  Severities,          ///< rules[].severity: warning, major, critical
  Consequences,        ///< rules[].consequence: arc-flash, alarm, smoke, fire, sparks, steam, leak
  FaultTriggers,       ///< the members of faults[] that inject a fault by itself: at, window, when
  ConditionWords,      ///< every reserved word of the condition language (no name may be one)
  ConditionKeywords,   ///< the keywords of the condition language: true, false, and, or, not
  ConditionFunctions,  ///< the functions of the condition language: since, min, max, abs
};

/// Every NameList, in declaration order (for tests and tools that walk the whole table).
inline constexpr NameList kAllNameLists[] = {
    NameList::ShapeTypes,        NameList::BodyTypes,          NameList::JointTypes,
    NameList::DeviceKinds,       NameList::LockPositions,      NameList::FastenerStates,
    NameList::ZoneDetects,       NameList::IndicatorStyles,    NameList::ProcedureOrders,
    NameList::RuleKinds,         NameList::RuleActions,        NameList::Severities,
    NameList::Consequences,      NameList::FaultTriggers,      NameList::ConditionWords,
    NameList::ConditionKeywords, NameList::ConditionFunctions,
};

/// The names of one list, in the documented order. Each name is a string literal: static
/// storage, NUL-terminated, so `name.data()` is a C string that lives as long as the program.
std::span<const std::string_view> names(NameList list);

/// What one name of the list is called in messages: "shape type", "device kind", "consequence".
std::string_view describe(NameList list);
/// The same in both languages ("设备种类" / "device kind").
LocalizedText describeIn(NameList list);

/// Whether `name` is one of the list's names (exactly: the format is case-sensitive).
bool isName(NameList list, std::string_view name);

/// The position of `name` in names(list), or nullopt when it is not one of them.
std::optional<std::size_t> indexOf(NameList list, std::string_view name);

/// The names joined for a message: ", " between them and `lastSeparator` before the last
/// ("a, b or c"; with ", ": "a, b, c"), each in double quotes when `quoted`.
std::string joinNames(NameList list, std::string_view lastSeparator = " or ", bool quoted = false);
/// The same in both languages: the English as joinNames writes it, the Chinese with every name
/// in “” and 、 between them, 或 (" or "), 和 (" and ") or 、 (", ") before the last.
LocalizedText joinedNames(NameList list, std::string_view lastSeparator = " or ",
                          bool quoted = false);

/// The list a field of the format takes its value from, by the field's JSON path as diagnostics
/// and the editor write it ("entities[3].shape.type", "rules[0].consequence", "procedure.order");
/// nullopt for a field that is not a choice. A fastener's `initial` (tight or loose) depends on
/// the device's kind and is not reported here. Of the choices, only `consequence` has no
/// default: leaving it out means none.
std::optional<NameList> fieldNameList(std::string_view jsonPath);

// ---- typed names: each parse* accepts exactly the names of its list, each toString gives it

/// The shape type named `name` (NameList::ShapeTypes).
std::optional<scene::ShapeKind> parseShapeType(std::string_view name);
/// The format's name of a shape type ("box", "convexHull").
std::string_view toString(scene::ShapeKind kind);
/// The body type named `name` (NameList::BodyTypes).
std::optional<scene::BodyType> parseBodyType(std::string_view name);
/// The format's name of a body type ("static").
std::string_view toString(scene::BodyType type);
/// The joint type named `name` (NameList::JointTypes).
std::optional<scene::JointKind> parseJointType(std::string_view name);
/// The format's name of a joint type ("hinge").
std::string_view toString(scene::JointKind kind);
/// The device kind named `name` (NameList::DeviceKinds).
std::optional<DeviceKind> parseDeviceKind(std::string_view name);
/// The format's name of a device kind ("earthingSwitch").
std::string_view toString(DeviceKind kind);
/// What a zone detects, named `name` (NameList::ZoneDetects).
std::optional<ZoneDetects> parseZoneDetects(std::string_view name);
/// The format's name of what a zone detects ("learner").
std::string_view toString(ZoneDetects detects);
/// The rule kind named `name` (NameList::RuleKinds).
std::optional<RuleKind> parseRuleKind(std::string_view name);
/// The format's name of a rule kind ("interlock").
std::string_view toString(RuleKind kind);
/// The severity named `name` (NameList::Severities).
std::optional<RuleSeverity> parseSeverity(std::string_view name);
/// The format's name of a severity ("critical").
std::string_view toString(RuleSeverity severity);

/// What an interlock does when it applies (RuleDef::prevent is true for Prevent).
enum class RuleAction : std::uint8_t {
  Prevent,  ///< refuse the operation (the default)
  Record,   ///< allow it and record a violation
};
/// The rule action named `name` (NameList::RuleActions).
std::optional<RuleAction> parseRuleAction(std::string_view name);
/// The format's name of a rule action ("prevent").
std::string_view toString(RuleAction action);

/// How steps without `after` wait (procedure.order).
enum class ProcedureOrder : std::uint8_t {
  Sequence,  ///< a step waits for the one before it (the default)
  Free,      ///< a step without `after` has no prerequisites
};
/// The procedure order named `name` (NameList::ProcedureOrders).
std::optional<ProcedureOrder> parseProcedureOrder(std::string_view name);
/// The format's name of a procedure order ("sequence").
std::string_view toString(ProcedureOrder order);

/// What an indicator looks like (indicators[].style); IndicatorDef::style holds its name.
enum class IndicatorStyle : std::uint8_t {
  Lamp,     ///< lit while its value holds (the default)
  Alarm,    ///< a beacon that blinks while its value holds or an alarm consequence sounds
  Gauge,    ///< a needle's reading: the number, with its unit, on its tag
  Display,  ///< a digital reading: the number, with its unit, on its tag
};
/// The indicator style named `name` (NameList::IndicatorStyles).
std::optional<IndicatorStyle> parseIndicatorStyle(std::string_view name);
/// The format's name of an indicator style ("lamp").
std::string_view toString(IndicatorStyle style);

/// What the player shows when a rule is violated (rules[].consequence); RuleDef::consequence
/// holds its name, and the HUD's effects carry it.
enum class Consequence : std::uint8_t { ArcFlash, Alarm, Smoke, Fire, Sparks, Steam, Leak };
/// The consequence named `name` (NameList::Consequences).
std::optional<Consequence> parseConsequence(std::string_view name);
/// The format's name of a consequence ("arc-flash").
std::string_view toString(Consequence consequence);

/// The fault trigger whose member of faults[] is `member` ("at", "window", "when"); nullopt for
/// anything else (FaultTrigger::Manual has no member: it is a fault with none of them).
std::optional<FaultTrigger> parseFaultTrigger(std::string_view member);
/// The member of faults[] that gives a trigger ("at", "window", "when"); "" for Manual.
std::string_view toString(FaultTrigger trigger);

/// The keywords of the condition language (NameList::ConditionKeywords).
enum class ConditionKeyword : std::uint8_t { True, False, And, Or, Not };
/// The keyword spelt `word`, or nullopt when it is not one.
std::optional<ConditionKeyword> parseConditionKeyword(std::string_view word);
/// The spelling of a keyword ("and").
std::string_view toString(ConditionKeyword keyword);

/// The functions of the condition language (NameList::ConditionFunctions).
enum class ConditionFunction : std::uint8_t { Since, Min, Max, Abs };
/// The function named `name`, or nullopt when there is none.
std::optional<ConditionFunction> parseConditionFunction(std::string_view name);
/// The name of a function ("since").
std::string_view toString(ConditionFunction function);

/// The built-in name of the condition language: seconds since the session started.
inline constexpr std::string_view kElapsedName = "elapsed";

/// The learner's view in conditions, in the order of SymbolSource::Kind::ViewWalking..ViewTurned:
/// three booleans (walking, cut-away on, labels shown), then metres walked and degrees turned.
/// They exist in a scenario only once a condition names one (so scenarios that do not use them
/// hash as they always did); a name the scenario defines itself (a device `view` with a position
/// `walking`) comes first.
inline constexpr std::string_view kViewNames[] = {"view.walking", "view.cutaway", "view.labels",
                                                  "view.walked", "view.turned"};
inline constexpr std::size_t kViewBooleans = 3;

}  // namespace practicum::scenario
