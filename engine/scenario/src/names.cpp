// The enumerated names of scenario format v1 (docs/scenario-format.md) in one table.
#include <practicum/scenario/names.hpp>

#include <practicum/scenario/fields.hpp>

#include <algorithm>
#include <array>
#include <cassert>
#include <vector>

namespace practicum::scenario {

namespace {

// each array of a typed enumeration is in the order of the enum's values, so that a name's
// index is its value; the others are in the order the documentation gives them
constexpr std::string_view kShapeTypes[] = {"box",      "sphere",     "capsule",
                                            "cylinder", "convexHull", "triangleMesh"};
constexpr std::string_view kBodyTypes[] = {"static", "dynamic", "kinematic"};
constexpr std::string_view kJointTypes[] = {"hinge", "slider", "fixed", "point"};
constexpr std::string_view kDeviceKinds[] = {
    "switch", "breaker", "disconnector", "earthingSwitch", "lever", "button", "lock",
    "tag",    "tool",    "point",        "valve",          "part",  "socket", "fastener"};
constexpr std::string_view kLockPositions[] = {"off", "on"};
constexpr std::string_view kFastenerStates[] = {"tight", "loose"};
constexpr std::string_view kZoneDetects[] = {"learner", "bodies"};
constexpr std::string_view kIndicatorStyles[] = {"lamp", "alarm", "gauge", "display"};
constexpr std::string_view kProcedureOrders[] = {"sequence", "free"};
constexpr std::string_view kRuleKinds[] = {"interlock", "hazard"};
constexpr std::string_view kRuleActions[] = {"prevent", "record"};
constexpr std::string_view kSeverities[] = {"warning", "major", "critical"};
constexpr std::string_view kConsequences[] = {"arc-flash", "alarm", "smoke", "fire",
                                              "sparks",    "steam", "leak"};
// FaultTrigger::Manual has no member, so the names start at At
constexpr std::string_view kFaultTriggers[] = {"at", "window", "when"};
// the reserved words: the built-in name, then the keywords, then the functions
constexpr std::string_view kConditionWords[] = {kElapsedName, "true",  "false", "and", "or",
                                                "not",        "since", "min",   "max", "abs"};
constexpr std::size_t kFirstKeyword = 1;
constexpr std::size_t kKeywordCount = 5;
constexpr std::size_t kFirstFunction = kFirstKeyword + kKeywordCount;
constexpr std::size_t kFunctionCount = 4;
static_assert(kFirstFunction + kFunctionCount == std::size(kConditionWords));

// the index of `name` in an array, as the enum value it stands for
template <class E, std::size_t N>
std::optional<E> parseIn(const std::string_view (&table)[N], std::string_view name,
                         std::size_t offset = 0) {
  for (std::size_t i = 0; i < N; ++i)
    if (table[i] == name) return static_cast<E>(i + offset);
  return std::nullopt;
}

// the name of an enum value in an array of them
template <class E, std::size_t N>
std::string_view nameIn(const std::string_view (&table)[N], E value, std::size_t offset = 0) {
  const auto i = static_cast<std::size_t>(value) - offset;
  assert(i < N && "names: enum value without a name");
  return i < N ? table[i] : std::string_view("?");
}

}  // namespace

std::span<const std::string_view> names(NameList list) {
  switch (list) {
    case NameList::ShapeTypes: return kShapeTypes;
    case NameList::BodyTypes: return kBodyTypes;
    case NameList::JointTypes: return kJointTypes;
    case NameList::DeviceKinds: return kDeviceKinds;
    case NameList::LockPositions: return kLockPositions;
    case NameList::FastenerStates: return kFastenerStates;
    case NameList::ZoneDetects: return kZoneDetects;
    case NameList::IndicatorStyles: return kIndicatorStyles;
    case NameList::ProcedureOrders: return kProcedureOrders;
    case NameList::RuleKinds: return kRuleKinds;
    case NameList::RuleActions: return kRuleActions;
    case NameList::Severities: return kSeverities;
    case NameList::Consequences: return kConsequences;
    case NameList::FaultTriggers: return kFaultTriggers;
    case NameList::ConditionWords: return kConditionWords;
    case NameList::ConditionKeywords:
      return std::span<const std::string_view>(kConditionWords)
          .subspan(kFirstKeyword, kKeywordCount);
    case NameList::ConditionFunctions:
      return std::span<const std::string_view>(kConditionWords)
          .subspan(kFirstFunction, kFunctionCount);
  }
  assert(false && "names: unknown list");
  return {};
}

LocalizedText describeIn(NameList list) {
  switch (list) {
    case NameList::ShapeTypes: return {"形状类型", "shape type"};
    case NameList::BodyTypes: return {"刚体类型", "body type"};
    case NameList::JointTypes: return {"关节类型", "joint type"};
    case NameList::DeviceKinds: return {"设备种类", "device kind"};
    case NameList::LockPositions: return {"挂锁位置", "lock position"};
    case NameList::FastenerStates: return {"紧固件状态", "fastener state"};
    case NameList::ZoneDetects: return {"区域检测方式", "zone detection"};
    case NameList::IndicatorStyles: return {"指示灯样式", "indicator style"};
    case NameList::ProcedureOrders: return {"步骤顺序", "procedure order"};
    case NameList::RuleKinds: return {"规则种类", "rule kind"};
    case NameList::RuleActions: return {"规则动作", "rule action"};
    case NameList::Severities: return {"严重程度", "severity"};
    case NameList::Consequences: return {"后果", "consequence"};
    case NameList::FaultTriggers: return {"故障触发方式", "fault trigger"};
    case NameList::ConditionWords: return {"条件语言的词", "word of the condition language"};
    case NameList::ConditionKeywords: return {"关键字", "keyword"};
    case NameList::ConditionFunctions: return {"函数", "function"};
  }
  return {"名称", "name"};
}

std::string_view describe(NameList list) {
  // static storage: one LocalizedText per list, made once
  static const auto words = [] {
    std::vector<LocalizedText> all;
    for (const NameList l : kAllNameLists) {
      if (all.size() <= static_cast<std::size_t>(l)) all.resize(static_cast<std::size_t>(l) + 1);
      all[static_cast<std::size_t>(l)] = describeIn(l);
    }
    return all;
  }();
  const auto i = static_cast<std::size_t>(list);
  return i < words.size() ? std::string_view(words[i].en) : std::string_view("name");
}

bool isName(NameList list, std::string_view name) { return indexOf(list, name).has_value(); }

std::optional<std::size_t> indexOf(NameList list, std::string_view name) {
  const auto all = names(list);
  const auto it = std::find(all.begin(), all.end(), name);
  if (it == all.end()) return std::nullopt;
  return static_cast<std::size_t>(it - all.begin());
}

std::string joinNames(NameList list, std::string_view lastSeparator, bool quoted) {
  const auto all = names(list);
  std::string out;
  for (std::size_t i = 0; i < all.size(); ++i) {
    // "a, b or c": commas between, the last separator before the last
    if (i > 0) out += i + 1 == all.size() ? lastSeparator : std::string_view(", ");
    if (quoted) out += '"';
    out += all[i];
    if (quoted) out += '"';
  }
  return out;
}

LocalizedText joinedNames(NameList list, std::string_view lastSeparator, bool quoted) {
  // Chinese quotes every name and joins them with 、, the last with 或 / 和
  const std::string_view last = lastSeparator == " and " ? "和"
                                : lastSeparator == ", "  ? "、"
                                                         : "或";
  const auto all = names(list);
  std::string zh;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (i > 0) zh += i + 1 == all.size() ? last : std::string_view("、");
    zh += "“" + std::string(all[i]) + "”";
  }
  return {std::move(zh), joinNames(list, lastSeparator, quoted)};
}

std::optional<NameList> fieldNameList(std::string_view path) {
  // the format's table of fields knows which of them are choices, and of which list
  const FieldSpec* field = fieldAt(path);
  if (!field || field->type != FieldType::Choice) return std::nullopt;
  return field->choices;
}

std::optional<scene::ShapeKind> parseShapeType(std::string_view name) {
  return parseIn<scene::ShapeKind>(kShapeTypes, name);
}
std::string_view toString(scene::ShapeKind kind) { return nameIn(kShapeTypes, kind); }

std::optional<scene::BodyType> parseBodyType(std::string_view name) {
  return parseIn<scene::BodyType>(kBodyTypes, name);
}
std::string_view toString(scene::BodyType type) { return nameIn(kBodyTypes, type); }

std::optional<scene::JointKind> parseJointType(std::string_view name) {
  return parseIn<scene::JointKind>(kJointTypes, name);
}
std::string_view toString(scene::JointKind kind) { return nameIn(kJointTypes, kind); }

std::optional<DeviceKind> parseDeviceKind(std::string_view name) {
  return parseIn<DeviceKind>(kDeviceKinds, name);
}
std::string_view toString(DeviceKind kind) { return nameIn(kDeviceKinds, kind); }

std::optional<ZoneDetects> parseZoneDetects(std::string_view name) {
  return parseIn<ZoneDetects>(kZoneDetects, name);
}
std::string_view toString(ZoneDetects detects) { return nameIn(kZoneDetects, detects); }

std::optional<RuleKind> parseRuleKind(std::string_view name) {
  return parseIn<RuleKind>(kRuleKinds, name);
}
std::string_view toString(RuleKind kind) { return nameIn(kRuleKinds, kind); }

std::optional<RuleSeverity> parseSeverity(std::string_view name) {
  return parseIn<RuleSeverity>(kSeverities, name);
}
std::string_view toString(RuleSeverity severity) { return nameIn(kSeverities, severity); }

std::optional<RuleAction> parseRuleAction(std::string_view name) {
  return parseIn<RuleAction>(kRuleActions, name);
}
std::string_view toString(RuleAction action) { return nameIn(kRuleActions, action); }

std::optional<ProcedureOrder> parseProcedureOrder(std::string_view name) {
  return parseIn<ProcedureOrder>(kProcedureOrders, name);
}
std::string_view toString(ProcedureOrder order) { return nameIn(kProcedureOrders, order); }

std::optional<IndicatorStyle> parseIndicatorStyle(std::string_view name) {
  return parseIn<IndicatorStyle>(kIndicatorStyles, name);
}
std::string_view toString(IndicatorStyle style) { return nameIn(kIndicatorStyles, style); }

std::optional<Consequence> parseConsequence(std::string_view name) {
  return parseIn<Consequence>(kConsequences, name);
}
std::string_view toString(Consequence consequence) { return nameIn(kConsequences, consequence); }

std::optional<FaultTrigger> parseFaultTrigger(std::string_view member) {
  return parseIn<FaultTrigger>(kFaultTriggers, member, 1);
}
std::string_view toString(FaultTrigger trigger) {
  return trigger == FaultTrigger::Manual ? std::string_view() : nameIn(kFaultTriggers, trigger, 1);
}

std::optional<ConditionKeyword> parseConditionKeyword(std::string_view word) {
  const auto i = indexOf(NameList::ConditionKeywords, word);
  if (!i) return std::nullopt;
  return static_cast<ConditionKeyword>(*i);
}
std::string_view toString(ConditionKeyword keyword) {
  return names(NameList::ConditionKeywords)[static_cast<std::size_t>(keyword)];
}

std::optional<ConditionFunction> parseConditionFunction(std::string_view name) {
  const auto i = indexOf(NameList::ConditionFunctions, name);
  if (!i) return std::nullopt;
  return static_cast<ConditionFunction>(*i);
}
std::string_view toString(ConditionFunction function) {
  return names(NameList::ConditionFunctions)[static_cast<std::size_t>(function)];
}

}  // namespace practicum::scenario
