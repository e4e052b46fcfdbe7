// The format's names in one table (practicum/scenario/names.hpp): the table matches what the
// loader accepts (every listed name loads, an unlisted one is refused with the names allowed),
// typed names round-trip, and the editor's field lookup finds the list of each choice.
#include <gtest/gtest.h>

#include <set>

#include <practicum/scenario/names.hpp>

#include "scenario_test_util.hpp"

namespace practicum::scenario {
namespace {

using namespace testing;

std::string replaced(std::string text, std::string_view marker, std::string_view by) {
  const auto at = text.find(marker);
  EXPECT_NE(at, std::string::npos) << marker;
  if (at != std::string::npos) text.replace(at, marker.size(), by);
  return text;
}

void expectRefused(const LoadResult& r, std::string_view path, std::string_view part) {
  EXPECT_FALSE(r.ok());
  const Diagnostic* d = findPath(r, path);
  ASSERT_NE(d, nullptr) << "no diagnostic at " << path << "; got:\n" << describe(r);
  EXPECT_NE(d->message.find(part), std::string::npos) << d->format();
  EXPECT_GT(d->line, 0) << d->format();
}

// an unlisted name is refused at its path, and the message lists every allowed name
void expectRefusedListingAll(const LoadResult& r, std::string_view path, NameList list) {
  expectRefused(r, path, "");
  if (const Diagnostic* d = findPath(r, path)) {
    for (const std::string_view name : names(list))
      EXPECT_NE(d->message.find(name), std::string::npos) << name << " in " << d->format();
  }
}

TEST(Names, EveryListHasDistinctNamesThatAreCStrings) {
  for (const NameList list : kAllNameLists) {
    const auto all = names(list);
    EXPECT_FALSE(all.empty()) << describe(list);
    EXPECT_FALSE(describe(list).empty());
    std::set<std::string_view> distinct(all.begin(), all.end());
    EXPECT_EQ(distinct.size(), all.size()) << describe(list);
    for (const std::string_view name : all) {
      EXPECT_FALSE(name.empty());
      EXPECT_EQ(name.find(' '), std::string_view::npos) << name;
      EXPECT_EQ(name.data()[name.size()], '\0') << name;  // usable as a C string
      EXPECT_TRUE(isName(list, name));
      EXPECT_EQ(names(list)[*indexOf(list, name)], name);
    }
    EXPECT_FALSE(isName(list, "no-such-name"));
  }
  EXPECT_EQ(joinNames(NameList::Severities), "warning, major or critical");
  EXPECT_EQ(joinNames(NameList::RuleKinds, " or ", true), "\"interlock\" or \"hazard\"");
  EXPECT_EQ(joinNames(NameList::ConditionFunctions, ", "), "since, min, max, abs");
  // the documented lists
  const auto list = [](NameList l) {
    const auto all = names(l);
    return std::vector<std::string>(all.begin(), all.end());
  };
  EXPECT_EQ(
      list(NameList::Consequences),
      (std::vector<std::string>{"arc-flash", "alarm", "smoke", "fire", "sparks", "steam", "leak"}));
  EXPECT_EQ(list(NameList::ConditionWords),
            (std::vector<std::string>{"elapsed", "true", "false", "and", "or", "not", "since",
                                      "min", "max", "abs"}));
  EXPECT_EQ(names(NameList::DeviceKinds).size(), 14u);
}

// every enumerator has a name of its list, and parse(toString(x)) == x
template <class E>
void expectRoundTrip(NameList list, std::size_t first, std::size_t count,
                     std::optional<E> (*parse)(std::string_view)) {
  std::set<std::string_view> seen;
  for (std::size_t i = first; i < first + count; ++i) {
    const auto value = static_cast<E>(i);
    const std::string_view name = toString(value);
    EXPECT_TRUE(isName(list, name)) << describe(list) << " " << i;
    EXPECT_EQ(parse(name), value) << name;
    seen.insert(name);
  }
  EXPECT_EQ(seen.size(), names(list).size()) << describe(list);
  EXPECT_FALSE(parse("nonsense").has_value());
}

TEST(Names, TypedNamesRoundTrip) {
  expectRoundTrip<scene::ShapeKind>(NameList::ShapeTypes, 0, 6, parseShapeType);
  expectRoundTrip<scene::BodyType>(NameList::BodyTypes, 0, 3, parseBodyType);
  expectRoundTrip<scene::JointKind>(NameList::JointTypes, 0, 4, parseJointType);
  expectRoundTrip<DeviceKind>(NameList::DeviceKinds, 0, 14, parseDeviceKind);
  expectRoundTrip<ZoneDetects>(NameList::ZoneDetects, 0, 2, parseZoneDetects);
  expectRoundTrip<RuleKind>(NameList::RuleKinds, 0, 2, parseRuleKind);
  expectRoundTrip<RuleSeverity>(NameList::Severities, 0, 3, parseSeverity);
  expectRoundTrip<RuleAction>(NameList::RuleActions, 0, 2, parseRuleAction);
  expectRoundTrip<ProcedureOrder>(NameList::ProcedureOrders, 0, 2, parseProcedureOrder);
  expectRoundTrip<FaultTrigger>(NameList::FaultTriggers, 1, 3, parseFaultTrigger);
  expectRoundTrip<IndicatorStyle>(NameList::IndicatorStyles, 0, 4, parseIndicatorStyle);
  expectRoundTrip<Consequence>(NameList::Consequences, 0, 7, parseConsequence);
  expectRoundTrip<ConditionKeyword>(NameList::ConditionKeywords, 0, 5, parseConditionKeyword);
  expectRoundTrip<ConditionFunction>(NameList::ConditionFunctions, 0, 4, parseConditionFunction);
  EXPECT_EQ(toString(FaultTrigger::Manual), "");
  EXPECT_EQ(toString(DeviceKind::EarthingSwitch), "earthingSwitch");
  EXPECT_EQ(toString(scene::ShapeKind::TriangleMesh), "triangleMesh");
  EXPECT_EQ(toString(Consequence::ArcFlash), "arc-flash");
}

TEST(Names, TheEditorFindsTheListOfEachChoice) {
  EXPECT_EQ(fieldNameList("entities[3].shape.type"), NameList::ShapeTypes);
  EXPECT_EQ(fieldNameList("entities[0].body.type"), NameList::BodyTypes);
  EXPECT_EQ(fieldNameList("joints[12].type"), NameList::JointTypes);
  EXPECT_EQ(fieldNameList("devices[0].kind"), NameList::DeviceKinds);
  EXPECT_EQ(fieldNameList("zones[1].detects"), NameList::ZoneDetects);
  EXPECT_EQ(fieldNameList("indicators[2].style"), NameList::IndicatorStyles);
  EXPECT_EQ(fieldNameList("procedure.order"), NameList::ProcedureOrders);
  EXPECT_EQ(fieldNameList("rules[0].kind"), NameList::RuleKinds);
  EXPECT_EQ(fieldNameList("rules[0].action"), NameList::RuleActions);
  EXPECT_EQ(fieldNameList("rules[4].severity"), NameList::Severities);
  EXPECT_EQ(fieldNameList("rules[0].consequence"), NameList::Consequences);
  for (const char* notAChoice :
       {"entities[0].name", "entities[0].type", "devices[0].name", "devices.kind", "rules[].kind",
        "rules[x].kind", "rules[0].kind.x", "joints[0].shape.type", "", "rubric.penalties.major"})
    EXPECT_FALSE(fieldNameList(notAChoice).has_value()) << notAChoice;
}

// ---- the table matches the loader

const std::string kBox = R"("shape": {"type": "box", "halfExtents": [0.5, 0.5, 0.5]})";

TEST(Names, EveryShapeBodyAndJointTypeLoadsAndOthersAreRefused) {
  const std::string entity =
      R"(    {"name": "e", "model": "models/part.obj", "shape": {"type": "@"}, "body": {"type": "static"}})";
  for (const std::string_view type : names(NameList::ShapeTypes)) {
    std::string shape = "\"type\": \"" + std::string(type) + "\"";
    const auto kind = *parseShapeType(type);
    if (kind == scene::ShapeKind::Box) shape += R"(, "halfExtents": [1, 1, 1])";
    if (kind == scene::ShapeKind::Sphere) shape += R"(, "radius": 1)";
    if (kind == scene::ShapeKind::Capsule || kind == scene::ShapeKind::Cylinder)
      shape += R"(, "radius": 1, "height": 1)";
    const std::string e = R"(    {"name": "e", "model": "models/part.obj", "shape": {)" + shape +
                          R"(}, "material": "m", "body": {"type": "static"}})";
    const LoadResult r = loadText(doc(e, R"(  "materials": [{"name": "m"}],
)"));
    ASSERT_TRUE(r.ok()) << type << ": " << describe(r);
    EXPECT_EQ(r.scenario->scene.entities[0].shape.kind, kind);
  }
  expectRefusedListingAll(loadText(doc(replaced(entity, "@", "cone"))), "entities[0].shape.type",
                          NameList::ShapeTypes);

  for (const std::string_view type : names(NameList::BodyTypes)) {
    const std::string mass =
        *parseBodyType(type) == scene::BodyType::Dynamic ? R"(, "mass": 1)" : "";
    const LoadResult r = loadText(doc(R"(    {"name": "e", )" + kBox + R"(, "body": {"type": ")" +
                                      std::string(type) + "\"" + mass + "}}"));
    ASSERT_TRUE(r.ok()) << type << ": " << describe(r);
    EXPECT_EQ(r.scenario->scene.entities[0].body->type, *parseBodyType(type));
  }
  expectRefusedListingAll(
      loadText(doc(R"(    {"name": "e", )" + kBox + R"(, "body": {"type": "floating"}})")),
      "entities[0].body.type", NameList::BodyTypes);

  for (const std::string_view type : names(NameList::JointTypes)) {
    const auto kind = *parseJointType(type);
    const bool axis = kind == scene::JointKind::Hinge || kind == scene::JointKind::Slider;
    const LoadResult r = loadText(
        doc(R"(    {"name": "e", )" + kBox + R"(, "body": {"type": "dynamic", "mass": 1}})",
            R"(  "joints": [{"name": "j", "type": ")" + std::string(type) +
                R"(", "a": "e", "pivot": [0, 0, 0])" + (axis ? R"(, "axis": [0, 1, 0])" : "") +
                "}],\n"));
    ASSERT_TRUE(r.ok()) << type << ": " << describe(r);
    EXPECT_EQ(r.scenario->scene.joints[0].kind, kind);
  }
  expectRefusedListingAll(
      loadText(doc(R"(    {"name": "e", )" + kBox + R"(, "body": {"type": "dynamic", "mass": 1}})",
                   R"(  "joints": [{"name": "j", "type": "weld", "a": "e", "pivot": [0, 0, 0]}],
)")),
      "joints[0].type", NameList::JointTypes);
}

// entities and helper devices every kind can lean on: a breaker H to lock, a part P for a
// socket, a wrench W for a fastener, a hinge J with limits for a valve's wheel
std::string kindDoc(const std::string& device) {
  return doc(
      R"(    {"name": "a", )" + kBox + R"(, "body": {"type": "static"}},
    {"name": "b", )" +
          kBox + R"(, "body": {"type": "dynamic", "mass": 1}},
    {"name": "c", )" +
          kBox + R"(, "body": {"type": "dynamic", "mass": 1}},
    {"name": "wheel", )" +
          kBox + R"(, "body": {"type": "dynamic", "mass": 1}})",
      R"(  "joints": [{"name": "J", "type": "hinge", "a": "wheel", "pivot": [0, 0, 0], "axis": [0, 0, 1], "limits": {"lower": 0, "upper": 90}}],
  "devices": [
    {"name": "H", "kind": "breaker", "entity": "a", "label": {"zh-CN": "断路器", "en": "breaker"}},
    {"name": "P", "kind": "part", "entity": "b", "label": {"zh-CN": "件", "en": "part"}},
    {"name": "W", "kind": "tool", "entity": "a", "label": {"zh-CN": "扳手", "en": "wrench"}, "toolType": "wrench"},
    )" + device +
          R"(
  ],
)");
}

TEST(Names, EveryListedDeviceKindLoadsAndAnUnlistedOneIsRefused) {
  for (const std::string_view kindName : names(NameList::DeviceKinds)) {
    const DeviceKind kind = *parseDeviceKind(kindName);
    std::string entity = "a", extra;
    switch (kind) {
      case DeviceKind::Lock:
      case DeviceKind::Tag: extra = R"(, "target": "H")"; break;
      case DeviceKind::Tool: extra = R"(, "toolType": "detector")"; break;
      case DeviceKind::Valve:
        entity = "wheel";
        extra = R"(, "joint": "J")";
        break;
      case DeviceKind::Part: entity = "c"; break;
      case DeviceKind::Socket: extra = R"(, "accepts": ["P"])"; break;
      case DeviceKind::Fastener: extra = R"(, "tool": "wrench")"; break;
      default: break;
    }
    const LoadResult r = loadText(
        kindDoc(R"({"name": "X", "kind": ")" + std::string(kindName) + R"(", "entity": ")" +
                entity + R"(", "label": {"zh-CN": "设备", "en": "device"})" + extra + "}"));
    ASSERT_TRUE(r.ok()) << kindName << ": " << describe(r);
    ASSERT_EQ(r.scenario->training.devices.size(), 4u);
    EXPECT_EQ(r.scenario->training.devices[3].kind, kind) << kindName;
  }
  const std::string unlisted =
      R"({"name": "X", "kind": "@", "entity": "a", "label": {"zh-CN": "设备", "en": "device"}})";
  expectRefused(loadText(kindDoc(replaced(unlisted, "@", "breakr"))), "devices[3].kind",
                "did you mean \"breaker\"");
  expectRefusedListingAll(loadText(kindDoc(replaced(unlisted, "@", "transformer"))),
                          "devices[3].kind", NameList::DeviceKinds);
  // the names are case-sensitive
  expectRefused(loadText(kindDoc(replaced(unlisted, "@", "Breaker"))), "devices[3].kind",
                "did you mean \"breaker\"");
}

// the scenario of kindDoc with a switch X and `rules` in front of its devices
LoadResult loadRule(const std::string& rules) {
  const std::string text = kindDoc(
      R"({"name": "X", "kind": "switch", "entity": "a", "label": {"zh-CN": "开关", "en": "switch"}})");
  return loadText(replaced(text, R"(  "devices": [)",
                           R"(  "rules": [)" + rules + "],\n" + R"(  "devices": [)"));
}

TEST(Names, EveryRuleKindActionSeverityAndConsequenceLoads) {
  const std::string interlock =
      R"({"id": "r", "kind": "interlock", "text": {"zh-CN": "锁", "en": "lock"}, "device": "H", "when": "true", "severity": "major")";
  const std::string hazard =
      R"({"id": "r", "kind": "hazard", "text": {"zh-CN": "危", "en": "danger"}, "when": "H.closed", "severity": "major")";
  for (const std::string_view kind : names(NameList::RuleKinds)) {
    const LoadResult r =
        loadRule(*parseRuleKind(kind) == RuleKind::Interlock ? interlock + "}" : hazard + "}");
    ASSERT_TRUE(r.ok()) << kind << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.rules[0].kind, *parseRuleKind(kind));
  }
  expectRefused(loadRule(replaced(interlock, "interlock", "trap") + "}"), "rules[0].kind",
                joinNames(NameList::RuleKinds, " or ", true));

  for (const std::string_view action : names(NameList::RuleActions)) {
    const LoadResult r = loadRule(interlock + R"(, "action": ")" + std::string(action) + "\"}");
    ASSERT_TRUE(r.ok()) << action << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.rules[0].prevent,
              *parseRuleAction(action) == RuleAction::Prevent);
  }
  expectRefused(loadRule(interlock + R"(, "action": "block"})"), "rules[0].action",
                joinNames(NameList::RuleActions, " or ", true));

  for (const std::string_view severity : names(NameList::Severities)) {
    const LoadResult r = loadRule(replaced(hazard, "major", severity) + "}");
    ASSERT_TRUE(r.ok()) << severity << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.rules[0].severity, *parseSeverity(severity));
  }
  expectRefused(loadRule(replaced(hazard, "major", "fatal") + "}"), "rules[0].severity",
                joinNames(NameList::Severities));

  for (const std::string_view consequence : names(NameList::Consequences)) {
    for (const std::string& rule : {interlock, hazard}) {
      const LoadResult r =
          loadRule(rule + R"(, "consequence": ")" + std::string(consequence) + "\"}");
      ASSERT_TRUE(r.ok()) << consequence << ": " << describe(r);
      EXPECT_EQ(r.scenario->training.rules[0].consequence, consequence);
    }
  }
  // none is none
  const LoadResult none = loadRule(hazard + "}");
  ASSERT_TRUE(none.ok()) << describe(none);
  EXPECT_EQ(none.scenario->training.rules[0].consequence, "");
}

// an unknown consequence is a load error at its path, listing the consequences there are
TEST(Names, AnUnknownConsequenceIsRefusedWithItsPath) {
  const std::string hazard =
      R"({"id": "r", "kind": "hazard", "text": {"zh-CN": "危", "en": "danger"}, "when": "H.closed", "severity": "major", "consequence": "@"})";
  const LoadResult r = loadRule(
      R"({"id": "ok", "kind": "hazard", "text": {"zh-CN": "危", "en": "danger"}, "when": "H.open", "severity": "major", "consequence": "alarm"}, )" +
      replaced(hazard, "@", "explosion"));
  expectRefusedListingAll(r, "rules[1].consequence", NameList::Consequences);
  const Diagnostic* d = findPath(r, "rules[1].consequence");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("unknown consequence \"explosion\""), std::string::npos) << d->message;
  EXPECT_NE(d->format().find("rules[1].consequence"), std::string::npos) << d->format();
  EXPECT_EQ(findPath(r, "rules[0].consequence"), nullptr) << describe(r);
  // a typo offers the closest
  expectRefused(loadRule(replaced(hazard, "@", "arc-flsh")), "rules[0].consequence",
                "did you mean \"arc-flash\"");
  // and a consequence must be a string
  expectRefused(loadRule(replaced(hazard, "\"@\"", "true")), "rules[0].consequence",
                "expected a string");
}

TEST(Names, ZonesIndicatorsOrderFastenersAndFaultTriggersMatchTheLoader) {
  const std::string zone =
      R"(  "zones": [{"name": "Z", "label": {"zh-CN": "区", "en": "zone"}, "center": [0, 0, 0], "halfExtents": [1, 1, 1], "detects": "@"}],
)";
  const auto withZone = [&](std::string_view detects) {
    return loadText(doc(R"(    {"name": "a", )" + kBox + R"(, "body": {"type": "static"}})",
                        replaced(zone, "@", detects)));
  };
  for (const std::string_view detects : names(NameList::ZoneDetects)) {
    const LoadResult r = withZone(detects);
    ASSERT_TRUE(r.ok()) << detects << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.zones[0].detects, *parseZoneDetects(detects));
  }
  expectRefused(withZone("everyone"), "zones[0].detects",
                joinNames(NameList::ZoneDetects, " or ", true));

  const std::string indicator =
      R"(  "indicators": [{"name": "I", "label": {"zh-CN": "灯", "en": "lamp"}, "entity": "a", "style": "@", "value": "true"}],
)";
  const auto withStyle = [&](std::string_view style) {
    return loadText(doc(R"(    {"name": "a", )" + kBox + R"(, "body": {"type": "static"}})",
                        replaced(indicator, "@", style)));
  };
  for (const std::string_view style : names(NameList::IndicatorStyles)) {
    const LoadResult r = withStyle(style);
    ASSERT_TRUE(r.ok()) << style << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.indicators[0].style, style);
  }
  expectRefused(withStyle("siren"), "indicators[0].style", joinNames(NameList::IndicatorStyles));

  const std::string procedure =
      R"(  "procedure": {"order": "@", "steps": [{"id": "s1", "text": {"zh-CN": "一", "en": "one"}, "done": "true"}, {"id": "s2", "text": {"zh-CN": "二", "en": "two"}, "done": "true"}]},
)";
  const auto withOrder = [&](std::string_view order) {
    return loadText(doc(kFloor, replaced(procedure, "@", order)));
  };
  for (const std::string_view order : names(NameList::ProcedureOrders)) {
    const LoadResult r = withOrder(order);
    ASSERT_TRUE(r.ok()) << order << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.steps[1].after.empty(),
              *parseProcedureOrder(order) == ProcedureOrder::Free);
  }
  expectRefused(withOrder("any"), "procedure.order",
                joinNames(NameList::ProcedureOrders, " or ", true));

  // a fastener starts in one of its states; locks and tags have their fixed positions
  for (const std::string_view state : names(NameList::FastenerStates)) {
    const LoadResult r = loadText(kindDoc(
        R"({"name": "X", "kind": "fastener", "entity": "a", "label": {"zh-CN": "栓", "en": "bolt"}, "tool": "wrench", "initial": ")" +
        std::string(state) + "\"}"));
    ASSERT_TRUE(r.ok()) << state << ": " << describe(r);
  }
  expectRefused(
      loadText(kindDoc(
          R"({"name": "X", "kind": "fastener", "entity": "a", "label": {"zh-CN": "栓", "en": "bolt"}, "tool": "wrench", "initial": "snug"})")),
      "devices[3].initial", joinNames(NameList::FastenerStates, " or ", true));
  const LoadResult lock = loadText(kindDoc(
      R"({"name": "X", "kind": "lock", "entity": "a", "label": {"zh-CN": "锁", "en": "lock"}, "target": "H"})"));
  ASSERT_TRUE(lock.ok()) << describe(lock);
  const auto lockPositions = names(NameList::LockPositions);
  EXPECT_EQ(lock.scenario->training.devices[3].positions,
            std::vector<std::string>(lockPositions.begin(), lockPositions.end()));

  // each trigger member on its own loads; two of them are refused, naming them all
  const std::string fault = R"(  "faults": [{"id": "f", "text": {"zh-CN": "故障", "en": "fault"}@}],
)";
  const auto withFault = [&](std::string_view members) {
    return loadText(doc(kFloor, replaced(fault, "@", members)));
  };
  for (const std::string_view member : names(NameList::FaultTriggers)) {
    const FaultTrigger trigger = *parseFaultTrigger(member);
    const std::string value = trigger == FaultTrigger::At       ? "3"
                              : trigger == FaultTrigger::Window ? "[1, 2]"
                                                                : "\"elapsed > 1\"";
    const LoadResult r = withFault(", \"" + std::string(member) + "\": " + value);
    ASSERT_TRUE(r.ok()) << member << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.faults[0].trigger, trigger);
  }
  const LoadResult manual = withFault("");
  ASSERT_TRUE(manual.ok()) << describe(manual);
  EXPECT_EQ(manual.scenario->training.faults[0].trigger, FaultTrigger::Manual);
  expectRefused(withFault(R"(, "at": 3, "when": "true")"), "faults[0]",
                "at most one of " + joinNames(NameList::FaultTriggers, " and ", true));
}

TEST(Names, EveryWordOfTheConditionLanguageIsReserved) {
  for (const std::string_view word : names(NameList::ConditionWords)) {
    const LoadResult r = loadText(
        doc(kFloor, R"(  "variables": [{"name": ")" + std::string(word) + R"(", "value": "1"}],
)"));
    expectRefused(r, "variables[0].name", "word of the condition language");
  }
  // and a name that merely starts with one is fine
  const LoadResult r = loadText(doc(
      kFloor,
      R"(  "variables": [{"name": "elapsed_2", "value": "elapsed + 1"}, {"name": "not_yet", "value": "elapsed_2 > 3 and true"}],
)"));
  ASSERT_TRUE(r.ok()) << describe(r);
  // keywords and functions are the reserved words after the built-in name
  const auto words = names(NameList::ConditionWords);
  const auto keywords = names(NameList::ConditionKeywords);
  const auto functions = names(NameList::ConditionFunctions);
  EXPECT_EQ(words[0], kElapsedName);
  EXPECT_EQ(1 + keywords.size() + functions.size(), words.size());
  for (const auto part : {keywords, functions})
    for (const std::string_view w : part) EXPECT_TRUE(isName(NameList::ConditionWords, w)) << w;
}

// the shipped scenarios and the test data load as they always have
TEST(Names, ShippedScenariosAndTestDataStillLoad) {
  std::vector<std::filesystem::path> folders{practicum::test::sourceDir() / "tests" / "scenario" /
                                             "data" / "complete"};
  for (const auto& e :
       std::filesystem::directory_iterator(practicum::test::sourceDir() / "scenarios"))
    if (e.is_directory()) folders.push_back(e.path());
  EXPECT_GE(folders.size(), 3u);
  for (const auto& folder : folders) {
    const LoadResult r = loadScenario(folder);
    EXPECT_TRUE(r.ok()) << folder << ":\n" << describe(r);
    EXPECT_TRUE(r.diagnostics.empty()) << folder << ":\n" << describe(r);
  }
}

}  // namespace
}  // namespace practicum::scenario
