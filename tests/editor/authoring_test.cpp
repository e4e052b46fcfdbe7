// Authoring by commands: names stay unique, renames follow every reference, and a small scenario
// built from an empty document with commands alone saves, validates and runs: a scripted perfect
// run passes and a scripted mistake run is caught.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include <practicum/editor/authoring.hpp>
#include <practicum/editor/document.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/sim/session.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;
using editor::Command;
using editor::Document;

Document substation() {
  auto doc = Document::open(sourceDir() / "scenarios" / "substation-switching");
  EXPECT_TRUE(doc.ok());
  return std::move(*doc);
}

TEST(Authoring, ANewEntityLooksLikeTheOneMadeBeforeIt) {
  Document doc = Document::create("t", {"测", "t"});
  editor::EntitySpec steel;
  steel.material = "steel";
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, steel)).ok());
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, {})).ok());
  EXPECT_EQ(doc.string("entities[2].material"), "steel");  // not the first material, floor
  editor::EntitySpec floor;
  floor.material = "floor";
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, floor)).ok());
  EXPECT_EQ(doc.string("entities[3].material"), "floor");
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
}

TEST(Authoring, NamesStayUnique) {
  Document doc = Document::create("t", {"测", "t"});
  editor::EntitySpec spec;
  spec.name = "floor";  // taken
  const Command add = editor::addEntity(doc, spec);
  ASSERT_TRUE(doc.apply(add).ok());
  EXPECT_EQ(doc.string("entities[1].name"), "floor-2");
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, spec)).ok());
  EXPECT_EQ(doc.string("entities[2].name"), "floor-3");
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  // names conditions use get an underscore
  ASSERT_TRUE(doc.apply(Command::insert("variables", 0, R"({"name": "v", "value": "true"})")).ok());
  EXPECT_EQ(editor::uniqueName(doc, "variables", "v"), "v_2");
}

TEST(Authoring, RenamingAnEntityFollowsItsReferences) {
  Document doc = substation();
  const auto index = doc.find("entities", "QF1-handle");
  ASSERT_TRUE(index);
  auto rename = editor::renameEntity(doc, *index, "breaker-handle");
  ASSERT_TRUE(rename.ok()) << rename.error().message;
  ASSERT_TRUE(doc.apply(*rename).ok());
  EXPECT_EQ(doc.string("devices[0].entity"), "breaker-handle");
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  // a name another entity has is refused
  EXPECT_FALSE(editor::renameEntity(doc, *index, "floor").ok());
  ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.string("devices[0].entity"), "QF1-handle");
}

TEST(Authoring, RenamingADeviceRewritesTheConditionsThatNameIt) {
  Document doc = substation();
  const auto qf1 = doc.find("devices", "QF1");
  ASSERT_TRUE(qf1);
  auto rename = editor::renameDevice(doc, *qf1, "Q101");
  ASSERT_TRUE(rename.ok());
  ASSERT_TRUE(doc.apply(*rename).ok());
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  EXPECT_EQ(doc.string("rules[1].when"), "Q101.closed");
  EXPECT_EQ(doc.string("procedure.steps[0].done").value_or("").find("QF1"), std::string::npos);
  const auto text = doc.text();
  EXPECT_EQ(text.find("\"QF1\""), std::string::npos);  // no reference left behind
  // whole names only
  EXPECT_EQ(
      editor::renameInCondition("QF1.open and QF10.open and since(QF1.closed) > 2", "QF1", "Q1"),
      "Q1.open and QF10.open and since(Q1.closed) > 2");
}

TEST(Authoring, RenamingAStepRewritesTheStepsThatComeAfterIt) {
  Document doc = substation();
  const auto first = doc.find("procedure.steps", "open_breaker");
  ASSERT_TRUE(first);
  auto rename = editor::renameStep(doc, *first, "trip_qf1");
  ASSERT_TRUE(rename.ok());
  ASSERT_TRUE(doc.apply(*rename).ok());
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  EXPECT_EQ(doc.text().find("\"open_breaker\""), std::string::npos);  // no `after` left behind
  const auto next = doc.find("procedure.steps", "open_line_disconnector");
  ASSERT_TRUE(next);
  EXPECT_EQ(doc.string("procedure.steps[" + std::to_string(*next) + "].after[0]"), "trip_qf1");
  EXPECT_FALSE(editor::renameStep(doc, *first, "verify_dead").ok());  // another step's id
  ASSERT_TRUE(doc.undo());
  EXPECT_TRUE(doc.find("procedure.steps", "open_breaker"));
}

TEST(Authoring, NumbersAreWrittenAsAPersonWouldWriteThem) {
  EXPECT_EQ(editor::numberJson(50.0), "50");
  EXPECT_EQ(editor::numberJson(-2.0), "-2");
  EXPECT_EQ(editor::numberJson(0.15), "0.15");
  EXPECT_EQ(editor::numberJson(-0.25), "-0.25");
  EXPECT_EQ(editor::numberJson(1e20), "1e+20");
}

TEST(Authoring, DuplicateAndDeleteAndTheCulpritOfAProblem) {
  Document doc = substation();
  const auto cabinet = doc.find("entities", "AH1-cabinet");
  ASSERT_TRUE(cabinet);
  auto copy = editor::duplicateEntity(doc, *cabinet, {-0.85, 0, 0});
  ASSERT_TRUE(copy.ok());
  ASSERT_TRUE(doc.apply(*copy).ok());
  EXPECT_EQ(doc.string("entities[" + std::to_string(*cabinet + 1) + "].name"), "AH1-cabinet-copy");
  EXPECT_TRUE(doc.valid());
  // deleting an entity a device uses: the document says which item is now wrong
  const auto handle = doc.find("entities", "QF1-handle");
  auto erase = editor::deleteEntity(doc, *handle);
  ASSERT_TRUE(erase.ok());
  ASSERT_TRUE(doc.apply(*erase).ok());
  ASSERT_FALSE(doc.valid());
  std::vector<editor::Path> culprits;
  for (const auto& d : doc.diagnostics()) culprits.push_back(Document::itemOf(d.path));
  EXPECT_NE(std::find(culprits.begin(), culprits.end(), editor::Path("devices[0]")),
            culprits.end());
  doc.select({editor::Path("devices[0]")});
  EXPECT_EQ(doc.selection(), std::vector<editor::Path>{editor::Path("devices[0]")});
  EXPECT_DOUBLE_EQ(editor::snap(0.237, 0.05), 0.25);
  EXPECT_DOUBLE_EQ(editor::snap(47.0, 15.0), 45.0);
  EXPECT_DOUBLE_EQ(editor::snap(0.237, 0), 0.237);
}

TEST(Authoring, AShapeTypeOrADeviceKindBringsTheFieldsItNeeds) {
  Document doc = substation();
  const auto handle = doc.find("entities", "QF1-handle");
  ASSERT_TRUE(handle);
  for (const char* type : {"cylinder", "sphere", "capsule", "box"}) {
    auto c = editor::setShapeType(doc, *handle, type);
    ASSERT_TRUE(c.ok()) << type;
    ASSERT_TRUE(doc.apply(*c).ok());
    EXPECT_TRUE(doc.valid()) << type << ": " << doc.diagnostics()[0].format();
  }
  EXPECT_FALSE(editor::setShapeType(doc, *handle, "convexHull").ok());  // needs a model
  // QF1 a breaker -> a button (no positions) -> a lock on a breaker -> a breaker again
  const auto qf1 = doc.find("devices", "QF1");
  ASSERT_TRUE(qf1);
  for (const char* kind : {"button", "switch", "breaker"}) {
    auto c = editor::setDeviceKind(doc, *qf1, kind);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(doc.apply(*c).ok());
    EXPECT_EQ(doc.string("devices[" + std::to_string(*qf1) + "].kind"), kind);
  }
  // a tag made a lock keeps its target (it applies to locks too)
  const auto tag = doc.find("devices", "TG1");
  auto c = editor::setDeviceKind(doc, *tag, "lock");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(doc.apply(*c).ok());
  EXPECT_EQ(doc.string("devices[" + std::to_string(*tag) + "].target"), "QS2");
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  // a breaker made a lock gets a target, a device a lock can go on, and loses its positions
  c = editor::setDeviceKind(doc, *qf1, "lock");
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(doc.apply(*c).ok());
  EXPECT_EQ(doc.string("devices[" + std::to_string(*qf1) + "].target"), "QS1");
  EXPECT_FALSE(doc.value("devices[" + std::to_string(*qf1) + "].positions"));
}

TEST(Authoring, ModelsAreImportedIntoTheScenarioFolderAndBrokenOnesRefused) {
  const auto dir = makeTempDir("editor-import");
  Document doc = Document::create("models", {"模型", "Models"});
  EXPECT_FALSE(editor::importModel(doc, sourceDir() / "assets" / "models" / "pulley.gltf").ok());
  ASSERT_TRUE(doc.saveAs(dir).ok());
  // a glTF, twice (the second gets its own name), and an OBJ with its material library
  for (const char* file : {"pulley.gltf", "pulley.gltf", "bracket.obj"}) {
    auto c = editor::importModel(doc, sourceDir() / "assets" / "models" / file);
    ASSERT_TRUE(c.ok()) << file << ": " << c.error().message;
    ASSERT_TRUE(doc.apply(*c).ok());
  }
  EXPECT_TRUE(fs::exists(dir / "models" / "pulley.gltf"));
  EXPECT_TRUE(fs::exists(dir / "models" / "pulley-2.gltf"));
  EXPECT_TRUE(fs::exists(dir / "models" / "bracket.mtl"));
  EXPECT_EQ(doc.string("entities[2].model"), "models/pulley-2.gltf");
  EXPECT_EQ(doc.string("entities[2].name"), "pulley-2");
  ASSERT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  ASSERT_TRUE(doc.save().ok());
  const auto loaded = scenario::loadScenario(dir);
  ASSERT_TRUE(loaded.ok());
  std::vector<scenario::Diagnostic> problems;
  scenario::validateModels(*loaded.scenario, problems);
  EXPECT_TRUE(problems.empty()) << problems[0].format();

  // a file that is not a model: refused with its name, nothing copied
  const auto junk = dir / "broken.glb";
  std::ofstream(junk, std::ios::binary) << "glTF\x02\0\0\0 this is not a model";
  auto refused = editor::importModel(doc, junk);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message.find("broken.glb"), std::string::npos)
      << refused.error().message;
  EXPECT_FALSE(fs::exists(dir / "models" / "broken.glb"));
  // the hostile corpus, when there is one: never a crash, never a copy of a refused file
  if (const auto corpus = modelCorpus()) {
    for (const auto& f : fs::directory_iterator(*corpus / "hostile")) {
      if (!f.is_regular_file()) continue;
      auto c = editor::importModel(doc, f.path());
      if (!c.ok()) {
        EXPECT_FALSE(fs::exists(dir / "models" / f.path().filename())) << f.path();
      }
    }
  }
  fs::remove_all(dir);
}

// the scripted learner's actions on the authored scenario
scenario::RunAction action(scenario::RunAction::Kind kind, std::string target, double value = 0) {
  scenario::RunAction a;
  a.kind = kind;
  a.target = std::move(target);
  a.seconds = value;
  a.path = "actions";
  return a;
}

procedure::SessionResult play(const fs::path& scenarioDir,
                              const std::vector<scenario::RunAction>& actions) {
  auto session = sim::Session::load(scenarioDir);
  EXPECT_TRUE(session.ok()) << session.error().message;
  if (!session.ok()) return {};
  for (int i = 0; i < 60; ++i) (*session)->step({});  // let things settle
  scenario::RunFile run;
  run.file = scenarioDir / "run.json";
  run.actions = actions;
  auto bot = sim::Bot::create(run, **session);
  EXPECT_TRUE(bot.ok()) << bot.error().message;
  if (bot.ok()) {
    const auto played = bot->play();
    EXPECT_TRUE(played.ok()) << played.error().message;
  }
  if (!(*session)->ended()) (*session)->stop();
  return (*session)->result();
}

TEST(Authoring, ASmallScenarioFromAnEmptyDocumentByCommandsAlone) {
  const auto dir = makeTempDir("editor-author");
  Document doc = Document::create("valve-drill", {"阀门操作", "Valve drill"});
  // a handwheel on a hinge (the valve) and a push button, on a panel facing the camera
  editor::EntitySpec panel;
  panel.name = "panel";
  panel.size = {0.6, 0.5, 0.02};
  panel.position = {0, 1.2, -0.1};
  panel.material = "steel";
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, panel)).ok());
  editor::EntitySpec wheel;
  wheel.name = "wheel";
  wheel.shape = "cylinder";
  wheel.size = {0.15, 0.04, 0};
  wheel.position = {-0.25, 1.2, 0.0};
  wheel.rotation = {90, 0, 0};
  wheel.material = "steel";
  wheel.body = "dynamic";
  wheel.mass = 1.0;
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, wheel)).ok());
  editor::EntitySpec button;
  button.name = "button";
  button.size = {0.04, 0.04, 0.02};
  button.position = {0.25, 1.2, 0.0};
  button.material = "steel";
  ASSERT_TRUE(doc.apply(editor::addEntity(doc, button)).ok());
  ASSERT_TRUE(doc.apply(Command::set("entities[2].body.angularDamping", "0.5")).ok());
  ASSERT_TRUE(doc.apply(Command::insert("joints", 0, R"({"name": "stem", "type": "hinge",
      "a": "wheel", "pivot": [-0.25, 1.2, 0.0], "axis": [0, 0, 1],
      "limits": {"lower": 0, "upper": 90}})"))
                  .ok());
  ASSERT_TRUE(doc.apply(Command::set("camera", R"({"position": [0, 1.3, 1.6],
      "target": [0, 1.2, 0]})"))
                  .ok());
  // the devices, the procedure "close valve V1, then press B1", a rule and the rubric
  ASSERT_TRUE(doc.apply(Command::insert("devices", 0, R"({"name": "V1", "kind": "valve",
      "entity": "wheel", "label": {"zh-CN": "进水阀 V1", "en": "Inlet valve V1"}, "joint": "stem"})"))
                  .ok());
  ASSERT_TRUE(doc.apply(Command::insert("devices", 1, R"({"name": "B1", "kind": "button",
      "entity": "button", "label": {"zh-CN": "启动按钮 B1", "en": "Start button B1"}})"))
                  .ok());
  ASSERT_TRUE(doc.apply(Command::set("procedure", R"({"steps": [
      {"id": "close_v1", "text": {"zh-CN": "关闭阀门 V1", "en": "Close valve V1"},
       "hint": {"zh-CN": "顺时针转到底", "en": "Turn it all the way"},
       "done": "V1.opening >= 0.9", "points": 50},
      {"id": "press_b1", "text": {"zh-CN": "按下按钮 B1", "en": "Press button B1"},
       "done": "B1.presses >= 1", "points": 50}]})"))
                  .ok());
  ASSERT_TRUE(doc.apply(Command::insert("rules", 0, R"({"id": "start_with_valve_open",
      "kind": "hazard", "text": {"zh-CN": "阀门未关闭就按下了启动按钮", "en": "Started with the valve open"},
      "when": "B1.pressed and V1.opening < 0.9", "severity": "major", "consequence": "alarm"})"))
                  .ok());
  ASSERT_TRUE(
      doc.apply(Command::set("rubric", R"({"pass": 80, "penalties": {"major": 30}})")).ok());
  ASSERT_TRUE(doc.valid()) << doc.diagnostics()[0].format();

  // saved, it is a scenario like any other: validate, then play it both ways
  ASSERT_TRUE(doc.saveAs(dir).ok());
  const auto loaded = scenario::loadScenario(dir);
  ASSERT_TRUE(loaded.ok());
  std::vector<scenario::Diagnostic> modelProblems;
  scenario::validateModels(*loaded.scenario, modelProblems);
  EXPECT_TRUE(modelProblems.empty());

  using K = scenario::RunAction::Kind;
  const auto perfect = play(dir, {action(K::Turn, "V1", 85), action(K::Press, "B1")});
  EXPECT_TRUE(perfect.passed);
  EXPECT_DOUBLE_EQ(perfect.score, 100);
  EXPECT_TRUE(perfect.violations.empty());
  EXPECT_EQ(perfect.end, procedure::EndReason::Completed);

  const auto mistake =
      play(dir, {action(K::Press, "B1"), action(K::Turn, "V1", 85), action(K::Press, "B1")});
  EXPECT_FALSE(mistake.passed);
  std::vector<std::string> rules;
  for (const auto& v : mistake.violations) rules.push_back(v.rule);
  // pressed too early (the order) and with the valve open (the rule): 100 - 2 - 30
  EXPECT_EQ(rules, (std::vector<std::string>{"order:press_b1", "start_with_valve_open"}));
  EXPECT_DOUBLE_EQ(mistake.score, 68);
  fs::remove_all(dir);
}

// what a run file of the folder does with the scenario: the differences from its expectation
std::vector<std::string> playRunFile(const fs::path& scenarioDir, const fs::path& file) {
  const auto loaded = scenario::loadRunFile(file);
  if (!loaded.run) return {"cannot read " + file.string()};
  sim::SessionOptions options;
  options.mode = loaded.run->exam ? sim::Mode::Exam : sim::Mode::Practice;
  options.seed = loaded.run->seed;
  auto session = sim::Session::load(scenarioDir, options);
  if (!session.ok()) return {session.error().message};
  auto bot = sim::Bot::create(*loaded.run, **session);
  if (!bot.ok()) return {bot.error().message};
  if (auto played = bot->play(); !played.ok()) return {played.error().message};
  if (!(*session)->ended()) (*session)->stop();
  return sim::compareWithExpectation(loaded.run->expect, (*session)->result(),
                                     (*session)->events());
}

std::string runProblems(const Document& doc) {
  std::string s;
  for (const auto& d : doc.runDiagnostics()) s += d.format() + "\n";
  return s;
}

// renaming never breaks a file of the folder: a device, a step and a rule renamed follow into
// the run files as one command each (undone with the scenario), the saved runs still play to
// what they expect, the texts that mention the old name are offered the new one, and the
// run files are checked against the scenario
TEST(Authoring, ARenameFollowsIntoTheRunFilesAsOneCommand) {
  const auto dir = makeTempDir("editor-rename-runs");
  const fs::path folder = copyOfScenario("substation-switching", dir);
  auto opened = Document::open(folder);
  ASSERT_TRUE(opened.ok());
  Document doc = std::move(*opened);
  ASSERT_GE(doc.runFiles().size(), 5u);
  EXPECT_EQ(runProblems(doc), "");

  // QS1 -> DS1: in the scenario and in the runs
  const auto qs1 = doc.find("devices", "QS1");
  ASSERT_TRUE(qs1);
  ASSERT_TRUE(doc.apply(*editor::renameDevice(doc, *qs1, "DS1")).ok());
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  EXPECT_EQ(runProblems(doc), "");
  EXPECT_EQ(doc.runValue("runs/perfect.json", "actions[2].device"), "\"DS1\"");
  // the texts still say QS1: offered, and changed as one more command
  const auto mentions = editor::textsMentioning(doc, "QS1");
  EXPECT_FALSE(mentions.empty());
  EXPECT_TRUE(editor::textsMentioning(doc, "QS").empty());  // whole words only
  ASSERT_TRUE(doc.apply(*editor::renameInTexts(doc, "QS1", "DS1")).ok());
  EXPECT_TRUE(editor::textsMentioning(doc, "QS1").empty());
  EXPECT_EQ(editor::textsMentioning(doc, "DS1").size(), mentions.size());

  // a step and a rule named in the runs' expected violations
  const auto step = doc.find("procedure.steps", "open_bus_disconnector");
  ASSERT_TRUE(step);
  ASSERT_TRUE(doc.apply(*editor::renameStep(doc, *step, "open_qs2")).ok());
  const auto rule = doc.find("rules", "bus_side_before_line_side");
  ASSERT_TRUE(rule);
  ASSERT_TRUE(
      doc.apply(*editor::rename(doc, editor::Path("rules").element(*rule), "qs2_before_qs1")).ok());
  EXPECT_EQ(doc.runValue("runs/bus-side-first.json", "expect.violations"),
            R"(["qs2_before_qs1","order:open_qs2"])");
  EXPECT_EQ(runProblems(doc), "");
  ASSERT_TRUE(doc.apply(*editor::renameScenario(doc, "substation-drill")).ok());
  EXPECT_EQ(doc.runValue("runs/perfect.json", "scenario"), "\"substation-drill\"");

  // saved: every run still plays to what it expects
  ASSERT_TRUE(doc.save().ok());
  for (const std::string& run : doc.runFiles())
    EXPECT_EQ(playRunFile(folder, folder / run), std::vector<std::string>{}) << run;

  // undone, the runs are as they were, and saving again writes them back
  for (int i = 0; i < 5; ++i) ASSERT_TRUE(doc.undo());
  EXPECT_EQ(doc.runValue("runs/perfect.json", "actions[2].device"), "\"QS1\"");
  EXPECT_EQ(doc.runValue("runs/perfect.json", "scenario"), "\"substation-switching\"");
  ASSERT_TRUE(doc.save().ok());
  EXPECT_EQ(scenario::loadRunFile(folder / "runs" / "perfect.json").run->actions[2].target, "QS1");

  // a position renamed: the conditions, the interlocks and the runs' operations follow; a step
  // called like a position leaves the device's names alone
  const auto qf1 = doc.find("devices", "QF1");
  ASSERT_TRUE(doc.apply(*editor::renamePosition(doc, *qf1, 0, "off")).ok());
  EXPECT_TRUE(doc.valid()) << doc.diagnostics()[0].format();
  EXPECT_EQ(doc.string("procedure.steps[0].done"), "QF1.off");
  EXPECT_EQ(doc.runValue("runs/perfect.json", "actions[0].to"), "\"off\"");
  EXPECT_EQ(runProblems(doc), "");
  EXPECT_EQ(editor::renameInCondition("QF1.open and open.done", "open", "shut"),
            "QF1.open and shut.done");
  EXPECT_EQ(editor::renameInCondition("TP1.usedWith.VD1 and VD1.held", "VD1", "VD2"),
            "TP1.usedWith.VD2 and VD2.held");
  ASSERT_TRUE(doc.save().ok());
  EXPECT_EQ(playRunFile(folder, folder / "runs" / "perfect.json"), std::vector<std::string>{});

  // a run that names what the scenario does not have (a typo, a device deleted) is a problem
  ASSERT_TRUE(doc.apply(Command::set("actions[0].device", "\"QF9\"").in("runs/perfect.json")).ok());
  EXPECT_TRUE(doc.dirty());
  bool named = false;
  for (const auto& d : doc.runDiagnostics())
    named = named || (d.file == "runs/perfect.json" && d.path == "actions[0]" &&
                      d.message.find("the scenario has no device \"QF9\"") != std::string::npos);
  EXPECT_TRUE(named) << runProblems(doc);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
