// The training part of the format: devices, variables, procedure, rules, rubric.
#include <gtest/gtest.h>

#include "scenario_test_util.hpp"

namespace practicum::scenario {
namespace {

using namespace testing;

// entities "a" (with a body) and "ghost" (without), then the given training members
std::string trainingDoc(const std::string& training) {
  return doc(
      R"(    {"name": "a", "shape": {"type": "box", "halfExtents": [1, 1, 1]}, "body": {"type": "static"}},
    {"name": "ghost", "shape": {"type": "box", "halfExtents": [1, 1, 1]}})",
      training);
}

const std::string kDevice =
    R"(  "devices": [{"name": "QF1", "kind": "breaker", "entity": "a", "label": {"zh-CN": "断路器", "en": "Breaker"}, "initial": "closed"}],
)";

void expectErrorAt(const LoadResult& r, std::string_view path, std::string_view part) {
  EXPECT_FALSE(r.ok());
  const Diagnostic* d = findPath(r, path);
  ASSERT_NE(d, nullptr) << "no diagnostic at " << path << "; got:\n" << describe(r);
  EXPECT_NE(d->message.find(part), std::string::npos) << d->format();
  EXPECT_GT(d->line, 0) << d->format();
}

TEST(Training, DevicesStepsRulesAndSymbolsAreRead) {
  const LoadResult r =
      loadText(trainingDoc(kDevice + R"J(  "variables": [{"name": "live", "value": "QF1.closed"}],
  "procedure": {"steps": [
    {"id": "open_it", "text": {"zh-CN": "分", "en": "open"}, "done": "QF1.open and not live", "points": 4},
    {"id": "wait_it", "text": {"zh-CN": "等", "en": "wait"}, "done": "since(open_it.done) > 2", "timeLimit": 30}
  ]},
  "rules": [{"id": "r", "kind": "interlock", "text": {"zh-CN": "锁", "en": "lock"}, "device": "QF1", "to": "open", "when": "elapsed < 1", "action": "record", "severity": "critical", "consequence": "arc-flash"}],
  "rubric": {"pass": 3, "penalties": {"critical": 9}},
)J"));
  ASSERT_TRUE(r.ok()) << describe(r);
  const TrainingDef& t = r.scenario->training;
  ASSERT_EQ(t.devices.size(), 1u);
  EXPECT_EQ(t.devices[0].kind, DeviceKind::Breaker);
  EXPECT_EQ(t.devices[0].positions, (std::vector<std::string>{"open", "closed"}));
  EXPECT_EQ(t.devices[0].initial, 1u);
  ASSERT_EQ(t.steps.size(), 2u);
  EXPECT_EQ(t.steps[1].after, std::vector<std::uint32_t>{0});  // sequence by default
  EXPECT_DOUBLE_EQ(*t.steps[1].timeLimit, 30);
  EXPECT_DOUBLE_EQ(t.steps[0].points, 4);
  ASSERT_EQ(t.rules.size(), 1u);
  EXPECT_FALSE(t.rules[0].prevent);
  EXPECT_EQ(t.rules[0].toPosition, 0u);
  EXPECT_EQ(t.rules[0].severity, RuleSeverity::Critical);
  EXPECT_DOUBLE_EQ(t.rubric.penaltyCritical, 9);
  // names conditions can use
  std::vector<std::string> names;
  for (const auto& e : t.symbols.entries) names.push_back(e.name);
  for (const char* n : {"elapsed", "QF1.open", "QF1.closed", "QF1.position", "QF1.operations",
                        "open_it.done", "wait_it.done", "live", "since(open_it.done)"})
    EXPECT_NE(std::find(names.begin(), names.end(), n), names.end()) << n;
}

TEST(Training, ConditionErrorsNameTheFieldAndTheCharacter) {
  const LoadResult r = loadText(trainingDoc(kDevice + R"(  "procedure": {"steps": [
    {"id": "s", "text": {"zh-CN": "分", "en": "open"}, "done": "QF1.opne"}
  ]},
)"));
  expectErrorAt(r, "procedure.steps[0].done", "character 1");
  const Diagnostic* d = findPath(r, "procedure.steps[0].done");
  ASSERT_NE(d, nullptr);
  EXPECT_NE(d->message.find("QF1.open"), std::string::npos) << d->message;  // suggestion
}

TEST(Training, AConditionIsCheckedAgainstALoadedScenariosNames) {
  const LoadResult r = loadText(trainingDoc(kDevice + R"(  "procedure": {"steps": [
    {"id": "s", "text": {"zh-CN": "分", "en": "open"}, "done": "QF1.open"}
  ]},
)"));
  ASSERT_TRUE(r.ok()) << describe(r);
  const SymbolCatalog& names = r.scenario->training.symbols;
  const std::size_t before = names.entries.size();
  EXPECT_FALSE(checkCondition(names, "QF1.open and since(s.done) > 2"));
  EXPECT_EQ(names.entries.size(), before);  // checking adds no since() name to the scenario
  const auto misspelt = checkCondition(names, "QF1.closed or QF1.opne");
  ASSERT_TRUE(misspelt);
  EXPECT_EQ(misspelt->column, 15);
  EXPECT_NE(misspelt->message.find("QF1.open"), std::string::npos) << misspelt->message;
  const auto number = checkCondition(names, "QF1.operations");
  ASSERT_TRUE(number);  // a step's condition is a boolean
  EXPECT_FALSE(number->message.empty());
}

TEST(Training, DeviceEntityNeedsABody) {
  const LoadResult r = loadText(trainingDoc(
      R"(  "devices": [{"name": "X", "kind": "switch", "entity": "ghost", "label": {"zh-CN": "开关", "en": "Switch"}}],
)"));
  expectErrorAt(r, "devices[0].entity", "has no body");
}

TEST(Training, BadKindsNamesAndReferences) {
  const LoadResult r = loadText(trainingDoc(R"(  "devices": [
    {"name": "QF1", "kind": "braker", "entity": "a", "label": {"zh-CN": "断路器", "en": "Breaker"}},
    {"name": "1bad", "kind": "switch", "entity": "a", "label": {"zh-CN": "开关", "en": "Switch"}},
    {"name": "QF2", "kind": "switch", "entity": "nowhere", "label": {"zh-CN": "开关", "en": "Switch"}, "initial": "half"}
  ],
  "variables": [{"name": "early", "value": "later"}, {"name": "later", "value": "true"}],
  "procedure": {"steps": [
    {"id": "s1", "text": {"zh-CN": "一", "en": "one"}, "done": "true", "after": ["s2"]},
    {"id": "s2", "text": {"zh-CN": "二", "en": "two"}, "done": "true", "after": ["nope"]}
  ]},
  "rules": [{"id": "r", "kind": "interlock", "text": {"zh-CN": "锁", "en": "lock"}, "device": "QF9", "when": "true", "severity": "fatal"}],
)"));
  expectErrorAt(r, "devices[0].kind", "did you mean \"breaker\"");
  expectErrorAt(r, "devices[1].name", "must be an identifier");
  expectErrorAt(r, "devices[2].entity", "unknown entity");
  expectErrorAt(r, "devices[2].initial", "not one of the positions");
  expectErrorAt(r, "variables[0].value", "later");  // only earlier variables
  expectErrorAt(r, "procedure.steps[0].after[0]", "must come before");
  expectErrorAt(r, "procedure.steps[1].after[0]", "unknown step");
  expectErrorAt(r, "rules[0].device", "unknown device");
  expectErrorAt(r, "rules[0].severity", "warning, major or critical");
}

TEST(Training, ReservedNamesButtonInterlocksAndFaultTriggers) {
  const LoadResult r = loadText(trainingDoc(R"(  "devices": [
    {"name": "B", "kind": "button", "entity": "a", "label": {"zh-CN": "按钮", "en": "Button"}}
  ],
  "variables": [{"name": "elapsed", "value": "1"}],
  "rules": [{"id": "r", "kind": "interlock", "text": {"zh-CN": "锁", "en": "lock"}, "device": "B", "when": "true", "severity": "major"}],
  "faults": [{"id": "f", "text": {"zh-CN": "故障", "en": "fault"}, "at": 3, "window": [1, 2]},
             {"id": "g", "text": {"zh-CN": "故障", "en": "fault"}, "window": [5, 2]}],
)"));
  expectErrorAt(r, "variables[0].name", "word of the condition language");
  expectErrorAt(r, "rules[0].device", "has no positions to guard");
  expectErrorAt(r, "faults[0]", "at most one of");
  expectErrorAt(r, "faults[1].window", "start is after its end");
}

TEST(Training, ValvesPartsSocketsAndFastenersAreChecked) {
  const LoadResult r = loadText(doc(
      R"(    {"name": "a", "shape": {"type": "box", "halfExtents": [1, 1, 1]}, "body": {"type": "static"}},
    {"name": "wheel", "shape": {"type": "cylinder", "radius": 0.2, "height": 0.05}, "body": {"type": "dynamic", "mass": 1}})",
      R"(  "joints": [{"name": "free", "type": "hinge", "a": "wheel", "pivot": [0, 0, 0], "axis": [0, 0, 1]}],
  "devices": [
    {"name": "V", "kind": "valve", "entity": "wheel", "label": {"zh-CN": "阀", "en": "valve"}, "joint": "free"},
    {"name": "P", "kind": "part", "entity": "a", "label": {"zh-CN": "件", "en": "part"}},
    {"name": "S", "kind": "socket", "entity": "a", "label": {"zh-CN": "座", "en": "socket"}, "accepts": ["V"]},
    {"name": "B", "kind": "fastener", "entity": "a", "label": {"zh-CN": "栓", "en": "bolt"}},
    {"name": "L", "kind": "lock", "entity": "a", "label": {"zh-CN": "锁", "en": "lock"}, "target": "S"}
  ],
)"));
  expectErrorAt(r, "devices[0].joint", "must be a hinge with both limits");
  expectErrorAt(r, "devices[1].entity", "dynamic body");
  expectErrorAt(r, "devices[2].accepts[0]", "is not a part");
  expectErrorAt(r, "devices[3].tool", "a fastener is turned with a tool");
  expectErrorAt(r, "devices[4].target", "cannot take a lock or tag");
}

TEST(Training, IndicatorStylesAndAnEnclosureForTheCutAway) {
  const std::string indicator =
      R"(  "indicators": [{"name": "HA1", "label": {"zh-CN": "报警", "en": "alarm"}, "entity": "a", "style": "%s", "value": "false"}],
)";
  const auto withStyle = [&](const std::string& style) {
    std::string text = indicator;
    text.replace(text.find("%s"), 2, style);
    return loadText(trainingDoc(text));
  };
  for (const char* style : {"lamp", "alarm", "gauge", "display"}) {
    const LoadResult r = withStyle(style);
    ASSERT_TRUE(r.ok()) << style << ": " << describe(r);
    EXPECT_EQ(r.scenario->training.indicators[0].style, style);
  }
  expectErrorAt(withStyle("siren"), "indicators[0].style", "lamp, alarm, gauge or display");

  // "cutaway" marks an enclosure; it must be a boolean
  const LoadResult cut = loadText(doc(
      R"(    {"name": "cabinet", "cutaway": true, "shape": {"type": "box", "halfExtents": [1, 1, 1]}})",
      ""));
  ASSERT_TRUE(cut.ok()) << describe(cut);
  EXPECT_TRUE(cut.scenario->scene.entities[0].cutaway);
  expectErrorAt(
      loadText(doc(
          R"(    {"name": "cabinet", "cutaway": "yes", "shape": {"type": "box", "halfExtents": [1, 1, 1]}})",
          "")),
      "entities[0].cutaway", "expected true or false");
}

TEST(Training, IndicatorsHaveAnOptionalUnit) {
  const auto withUnit = [&](const std::string& unit) {
    return loadText(trainingDoc(
        R"(  "indicators": [{"name": "U1", "label": {"zh-CN": "电压", "en": "voltage"}, "entity": "a", "style": "gauge", )" +
        unit + R"("value": "elapsed * 10"}],
)"));
  };
  const LoadResult kv = withUnit(R"("unit": "kV", )");
  ASSERT_TRUE(kv.ok()) << describe(kv);
  EXPECT_EQ(kv.scenario->training.indicators[0].unit, "kV");
  const LoadResult lel = withUnit(R"("unit": "%LEL", )");
  ASSERT_TRUE(lel.ok()) << describe(lel);
  EXPECT_EQ(lel.scenario->training.indicators[0].unit, "%LEL");
  // without one: empty, as before
  const LoadResult none = withUnit("");
  ASSERT_TRUE(none.ok()) << describe(none);
  EXPECT_EQ(none.scenario->training.indicators[0].unit, "");
  expectErrorAt(withUnit(R"("unit": 5, )"), "indicators[0].unit", "expected a string");
  expectErrorAt(withUnit(R"("units": "kV", )"), "indicators[0].units", "did you mean \"unit\"");
}

// a diagnostic quotes a long condition cut to about 80 characters, not whole
TEST(Training, ALongConditionIsQuotedCut) {
  const std::string huge = "QF1.closed and " + std::string(100000, 'x');
  const LoadResult r = loadText(trainingDoc(kDevice + R"(  "procedure": {"steps": [
    {"id": "s", "text": {"zh-CN": "分", "en": "open"}, "done": ")" +
                                            huge + R"("}
  ]},
)"));
  expectErrorAt(r, "procedure.steps[0].done", "too long");
  const Diagnostic* d = findPath(r, "procedure.steps[0].done");
  ASSERT_NE(d, nullptr);
  EXPECT_LT(d->message.size(), 250u) << d->message.substr(0, 300);
  EXPECT_NE(d->message.find("condition \"QF1.closed and xxx"), std::string::npos) << d->message;
  EXPECT_NE(d->message.find("...\""), std::string::npos) << d->message;
  // a short one is quoted whole, as before
  const LoadResult shortOne = loadText(trainingDoc(kDevice + R"(  "procedure": {"steps": [
    {"id": "s", "text": {"zh-CN": "分", "en": "open"}, "done": "QF1.opne"}
  ]},
)"));
  expectErrorAt(shortOne, "procedure.steps[0].done", "condition \"QF1.opne\", character 1");
}

TEST(Training, NamesAreSharedByDevicesStepsAndVariables) {
  const LoadResult r =
      loadText(trainingDoc(kDevice + R"(  "variables": [{"name": "QF1", "value": "true"}],
)"));
  expectErrorAt(r, "variables[0].name", "already used");
}

}  // namespace
}  // namespace practicum::scenario

namespace practicum::scenario {
namespace {

// A scenario names its own positions' words in both languages; a word for a position the device
// does not have, or on a device without positions of its own, is an error naming the place.
TEST(Training, PositionLabelsGiveThePositionsTheScenariosOwnWords) {
  const LoadResult r = loadText(trainingDoc(
      R"J(  "devices": [{"name": "V", "kind": "lever", "entity": "a", "label": {"zh-CN": "手柄", "en": "Lever"}, "positions": ["shut", "half", "full"], "positionLabels": {"half": {"zh-CN": "半开", "en": "half open"}}}],
)J"));
  ASSERT_TRUE(r.ok()) << describe(r);
  const DeviceDef& d = r.scenario->training.devices[0];
  ASSERT_EQ(d.positionLabels.size(), 3u);
  EXPECT_EQ(d.positionLabels[1].zhCN, "半开");
  EXPECT_EQ(d.positionLabels[1].en, "half open");
  EXPECT_TRUE(d.positionLabels[0].en.empty());

  expectErrorAt(
      loadText(trainingDoc(
          R"J(  "devices": [{"name": "V", "kind": "lever", "entity": "a", "label": {"zh-CN": "手柄", "en": "Lever"}, "positions": ["shut", "full"], "positionLabels": {"half": {"zh-CN": "半开", "en": "half open"}}}],
)J")),
      "devices[0].positionLabels.half", "not one of its positions (shut, full)");
  const LoadResult button = loadText(trainingDoc(
      R"J(  "devices": [{"name": "B", "kind": "button", "entity": "a", "label": {"zh-CN": "按钮", "en": "Button"}, "positionLabels": {}}],
)J"));
  EXPECT_FALSE(button.ok()) << describe(button);
}

}  // namespace
}  // namespace practicum::scenario

namespace practicum::scenario {
namespace {

// A socket whose entity is a solid can never receive its part: the loader says so (a warning:
// the scenario still loads).
TEST(Training, ASocketWithABodyIsWarnedAbout) {
  const LoadResult r = loadText(trainingDoc(
      R"J(  "devices": [{"name": "S", "kind": "socket", "entity": "a", "label": {"zh-CN": "位", "en": "seat"}, "accepts": []}],
)J"));
  ASSERT_TRUE(r.ok()) << describe(r);
  const Diagnostic* d = findPath(r, "devices[0].entity");
  ASSERT_NE(d, nullptr) << describe(r);
  EXPECT_EQ(d->severity, Severity::Warning);
  EXPECT_NE(d->message.find("a socket needs no body"), std::string::npos) << d->format();
  const LoadResult ghost = loadText(trainingDoc(
      R"J(  "devices": [{"name": "S", "kind": "socket", "entity": "ghost", "label": {"zh-CN": "位", "en": "seat"}, "accepts": []}],
)J"));
  ASSERT_TRUE(ghost.ok()) << describe(ghost);
  EXPECT_EQ(findPath(ghost, "devices[0].entity"), nullptr) << describe(ghost);
}

}  // namespace
}  // namespace practicum::scenario
