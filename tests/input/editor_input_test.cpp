// The editor driven as an instructor drives it: real X input events (xdotool under a private
// Xvfb) into `practicum-editor`. An entity is selected by a quick click in the viewport, moved
// by dragging the gizmo's handle, the move undone and redone with the keyboard, the scenario
// saved with Ctrl+S and the editor left from the File menu; the saved file has the move.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "run_process.hpp"
#include "test_support.hpp"
#include "x_desktop.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;

std::string editorBinary() { return (binaryDir() / "bin" / "practicum-editor").string(); }

json readJson(const fs::path& file) {
  std::ifstream in(file);
  return json::parse(in, nullptr, false);
}

// a copy of the substation scenario to edit (the editor saves and autosaves beside it), without
// any recovery file a killed editor left in the source tree
fs::path copyOfSubstation(const fs::path& dir) {
  return copyOfScenario("substation-switching", dir);
}

// clicks a named place of the editor's UI (a menu, a button, an item)
void clickItem(XDesktop& desk, const std::string& name) {
  const auto item = desk.waitForItem(name);
  ASSERT_TRUE(item) << name << " is not on the screen\n" << desk.output();
  ASSERT_TRUE(desk.clickAt(item->cx(), item->cy()));
}

// a private X server with the editor on it, its untitled recovery file under `dir`; empty on
// success, otherwise why not
std::string startEditor(XDesktop& desk, const fs::path& dir, std::vector<std::string> args) {
  if (std::string started = desk.startServer(); !started.empty()) return started;
  args.insert(args.begin(), editorBinary());
  return desk.startProgram(args, {"XDG_DATA_HOME=" + (dir / "data").string()});
}

// File > Quit, and the editor ends well
void quitFromTheMenu(XDesktop& desk) {
  clickItem(desk, "menu.File");
  clickItem(desk, "menu.File.Quit");
  EXPECT_EQ(desk.waitForExit(20s), 0) << desk.output();
}

TEST(EditorInput, SelectDragTheGizmoUndoRedoSaveAndQuitByRealInput) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-input");
  const fs::path scenario = copyOfSubstation(dir);
  const json before = readJson(scenario / "scenario.json");
  std::size_t index = 0;
  while (before["entities"][index]["name"] != "QF1-handle") ++index;
  const double x0 = before["entities"][index]["transform"]["position"][0];
  const std::string entity = "entities[" + std::to_string(index) + "]";
  const std::string fieldX = "field:" + entity + ".transform.position[0]";

  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;

  // a quick click on the handle in the viewport selects it
  const auto handle = desk.waitForItem("entity.QF1-handle");
  ASSERT_TRUE(handle) << desk.output();
  ASSERT_TRUE(desk.clickAt(handle->cx(), handle->cy()));
  ASSERT_TRUE(desk.waitForItem("selection", entity, 10s))
      << "selected: " << desk.map()->value("selection");
  const auto shownX = desk.waitForItem(fieldX);
  ASSERT_TRUE(shownX);
  EXPECT_DOUBLE_EQ(std::stod(shownX->value), x0);

  // a plain click on a handle (no drag) changes nothing: no step to undo, nothing unsaved
  const auto gx = desk.waitForItem("gizmo.x");
  ASSERT_TRUE(gx);
  ASSERT_TRUE(desk.clickAt(int(gx->x0 + (gx->x1 - gx->x0) * 0.7f), gx->cy()));
  ASSERT_TRUE(desk.waitFrames(4));
  EXPECT_EQ(desk.map()->value("dirty"), "no");
  EXPECT_EQ(desk.map()->value(fieldX), shownX->value);

  // drag the gizmo's x handle to the right, held: the entity moves along x
  const int from = int(gx->x0 + (gx->x1 - gx->x0) * 0.7f), y = gx->cy();
  ASSERT_TRUE(desk.drag(from, y, from + 80, y, 10));
  const auto moved = desk.waitFor([&](const UiMap& m) {
    const UiItem* f = m.find(fieldX);
    return f && std::stod(f->value) > x0 + 0.01 && m.value("dirty") == "yes";
  });
  ASSERT_TRUE(moved) << "the drag did not move it: x = " << desk.map()->value(fieldX);
  const std::string movedX = moved->value(fieldX);

  // undo, redo from the keyboard
  ASSERT_TRUE(desk.key("ctrl+z"));
  ASSERT_TRUE(desk.waitFor(
      [&](const UiMap& m) {
        const UiItem* f = m.find(fieldX);
        return f && std::abs(std::stod(f->value) - x0) < 1e-9;
      },
      10s))
      << "undo left x = " << desk.map()->value(fieldX);
  ASSERT_TRUE(desk.key("ctrl+y"));
  ASSERT_TRUE(desk.waitForItem(fieldX, movedX, 10s))
      << "redo left x = " << desk.map()->value(fieldX);

  // save, then leave from the File menu
  ASSERT_TRUE(desk.key("ctrl+s"));
  ASSERT_TRUE(desk.waitFor(
      [](const UiMap& m) {
        return m.value("dirty") == "no" && m.value("status").rfind("saved", 0) == 0;
      },
      10s))
      << "status: " << desk.map()->value("status");
  quitFromTheMenu(desk);
  EXPECT_EQ(desk.output().find("vulkan:"), std::string::npos) << desk.output();

  // the file on disk has the move and nothing else changed
  json after = readJson(scenario / "scenario.json");
  EXPECT_DOUBLE_EQ(after["entities"][index]["transform"]["position"][0].get<double>(),
                   std::stod(movedX));
  after["entities"][index]["transform"]["position"][0] = x0;
  const json changed = json::diff(before, after);
  EXPECT_TRUE(changed.empty()) << "more than the move changed: " << changed.dump(1);
  const auto validated = runProcess(practicumBinary() + " validate " + scenario.string());
  EXPECT_EQ(validated.exitCode, 0) << validated.output;
  fs::remove_all(dir);
}

TEST(EditorInput, EscapeClosesAMenuAndAListAndPlayingStopsByItsButtonOrShiftF5) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-escape");
  const fs::path scenario = copyOfSubstation(dir);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  const auto closed = [&](const std::string& name) {
    return desk.waitFor([&](const UiMap& m) { return !m.find(name); }, 10s).has_value();
  };
  clickItem(desk, "menu.File");
  ASSERT_TRUE(desk.waitForItem("menu.File.Quit"));
  ASSERT_TRUE(desk.key("Escape"));
  EXPECT_TRUE(closed("menu.File.Quit")) << "Escape left the File menu open";
  // a list of the inspector (a shape's type) closes too, choosing nothing
  clickItem(desk, "outliner.entities[0]");
  clickItem(desk, "field:entities[0].shape.type");
  ASSERT_TRUE(desk.waitForItem("choice.sphere"));
  ASSERT_TRUE(desk.key("Escape"));
  EXPECT_TRUE(closed("choice.sphere")) << "Escape left the list open";
  EXPECT_EQ(desk.map()->value("dirty"), "no");
  // playing, the way back is a button (and Shift+F5): the editor comes back with the assessment
  clickItem(desk, "menu.Play");
  clickItem(desk, "menu.Play.Practice");
  ASSERT_TRUE(desk.waitForItem("session.ended", "no"));
  ASSERT_TRUE(desk.waitFrames(3));  // the button's first frame only measures it
  clickItem(desk, "play.stop");
  ASSERT_TRUE(desk.waitForItem("assessment.passed", "not passed"))
      << "status: " << desk.map()->value("status");
  clickItem(desk, "menu.Play");
  clickItem(desk, "menu.Play.Practice");
  ASSERT_TRUE(desk.waitForItem("play.stop"));
  ASSERT_TRUE(desk.key("shift+F5"));
  ASSERT_TRUE(desk.waitForItem("menu.File")) << "Shift+F5 did not stop playing";
  quitFromTheMenu(desk);
  fs::remove_all(dir);
}

TEST(EditorInput, ClickingAProblemGoesToWhereItIsEdited) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-problem");
  const fs::path scenario = copyOfSubstation(dir);
  // a step whose condition names something the scenario does not have
  json broken = readJson(scenario / "scenario.json");
  broken["procedure"]["steps"][1]["done"] = "QF9.open";
  std::ofstream(scenario / "scenario.json") << broken.dump(2);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  clickItem(desk, "tab.Problems");
  const auto problem = desk.waitForItem("problems[0]");
  ASSERT_TRUE(problem) << desk.output();
  EXPECT_NE(problem->value.find("procedure.steps[1].done"), std::string::npos) << problem->value;
  clickItem(desk, "problems[0]");
  EXPECT_TRUE(desk.waitForItem("tab.Procedure", "open", 10s)) << "the Problems tab stayed";
  EXPECT_EQ(desk.map()->value("selection"), "procedure.steps[1]");
  const std::string done = "procedure.procedure.steps[1].done";
  EXPECT_TRUE(desk.waitForItem(done, "QF9.open"));
  EXPECT_TRUE(desk.waitForItem(done + ".error"));  // under the condition, too
  // the scenario was never valid: what is typed is checked against its names all the same
  clickItem(desk, done);
  ASSERT_TRUE(desk.key("ctrl+a"));
  ASSERT_TRUE(desk.type("QF1.opne"));
  const auto live = desk.waitForItem(done + ".error", std::nullopt, 10s);
  ASSERT_TRUE(live);
  EXPECT_TRUE(desk.waitFor(
      [&](const UiMap& m) {
        return m.value(done + ".error").find("QF1.opne") != std::string::npos;
      },
      10s))
      << desk.map()->value(done + ".error");
  ASSERT_TRUE(desk.key("BackSpace") && desk.key("BackSpace") && desk.type("en"));
  EXPECT_TRUE(desk.waitFor([&](const UiMap& m) { return !m.find(done + ".error"); }, 10s))
      << desk.map()->value(done + ".error");
  ASSERT_TRUE(desk.key("Return"));
  EXPECT_TRUE(desk.waitForItem("tab.Problems", "0", 10s));
  ASSERT_TRUE(desk.key("ctrl+s"));
  ASSERT_TRUE(desk.waitForItem("dirty", "no", 10s));

  // the scenario's own fields, without the lists the outliner and the tabs have
  clickItem(desk, "outliner.scenario");
  clickItem(desk, "tab.Inspector");
  ASSERT_TRUE(desk.waitForItem("field:title.en"));
  EXPECT_FALSE(desk.map()->find("field:entities")) << "the Scenario item shows every entity";
  EXPECT_FALSE(desk.map()->find("field:procedure"));
  quitFromTheMenu(desk);
  fs::remove_all(dir);
}

TEST(EditorInput, AConditionIsCheckedWhileItIsTyped) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-condition");
  const fs::path scenario = copyOfSubstation(dir);
  const std::string error =
      startEditor(desk, dir, {scenario.string(), "--validation", "--panel", "procedure"});
  ASSERT_TRUE(error.empty()) << error;
  const std::string done = "procedure.procedure.steps[0].done";
  ASSERT_TRUE(desk.waitForItem(done));
  // the names that fit what is typed show beside the panel, not over the steps
  clickItem(desk, done);
  ASSERT_TRUE(desk.key("ctrl+a"));
  ASSERT_TRUE(desk.type("QF"));
  const auto completion = desk.waitForItem("procedure.completion", std::nullopt, 10s);
  ASSERT_TRUE(completion) << "no names offered";
  EXPECT_EQ(completion->value.rfind("QF", 0), 0u) << completion->value;
  EXPECT_LT(completion->x1, desk.map()->find("panel.right-edge")->x0) << "over the panel";
  // a misspelt name: said under the field once typing pauses, before Return
  ASSERT_TRUE(desk.key("ctrl+a"));
  ASSERT_TRUE(desk.type("QF1.opne"));
  const auto live = desk.waitForItem(done + ".error", std::nullopt, 10s);
  ASSERT_TRUE(live) << "no error while typing " << desk.map()->value(done);
  EXPECT_NE(live->value.find("QF1.opne"), std::string::npos) << live->value;
  EXPECT_EQ(desk.map()->value("tab.Problems"), "0");  // nothing is applied before Return
  // corrected, the error goes at once
  ASSERT_TRUE(desk.key("BackSpace"));
  ASSERT_TRUE(desk.key("BackSpace"));
  ASSERT_TRUE(desk.type("en"));
  ASSERT_TRUE(desk.waitForItem(done, "QF1.open"));
  EXPECT_TRUE(desk.waitFor([&](const UiMap& m) { return !m.find(done + ".error"); }, 10s))
      << "the error stayed: " << desk.map()->value(done + ".error");
  ASSERT_TRUE(desk.key("Return"));
  ASSERT_TRUE(desk.waitForItem(done, "QF1.open"));
  EXPECT_EQ(desk.map()->value("tab.Problems"), "0");
  quitFromTheMenu(desk);
  fs::remove_all(dir);
}

// the inspector offers what the format has at each place: an interlock's device, once deleted,
// is flagged as required and comes back with `+ add`; `+ field` lists the fields the rule may
// still have and none it has or may not; made a hazard, the interlock's own fields go
TEST(EditorInput, TheInspectorOffersTheFieldsOfTheFormat) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-fields");
  const fs::path scenario = copyOfSubstation(dir);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  clickItem(desk, "outliner.entities");  // closed, so that the rules come into view
  ASSERT_TRUE(desk.waitForItem("outliner.entities", "closed"));
  clickItem(desk, "outliner.rules");
  clickItem(desk, "outliner.rules[0]");
  const auto device = desk.waitForItem("field:rules[0].device", "QF2");
  ASSERT_TRUE(device) << desk.map()->value("selection") << " "
                      << desk.map()->value("field:rules[0].device") << desk.output();
  ASSERT_TRUE(desk.clickAt(device->cx(), device->cy(), 3));
  clickItem(desk, "context.Delete field");
  ASSERT_TRUE(desk.waitForItem("missing:rules[0].device", std::nullopt, 10s));
  EXPECT_EQ(desk.map()->value("tab.Problems"), "1");
  clickItem(desk, "inspector.add:rules[0].device");
  ASSERT_TRUE(desk.waitForItem("field:rules[0].device", std::nullopt, 10s));
  EXPECT_FALSE(desk.map()->find("missing:rules[0].device"));

  clickItem(desk, "inspector.add-field:rules[0]");
  ASSERT_TRUE(desk.waitForItem("add-field.to"));
  const auto map = desk.map();
  for (const char* absent : {"add-field.device", "add-field.when", "add-field.halfExtents"})
    EXPECT_FALSE(map->find(absent)) << absent << " is offered";
  ASSERT_TRUE(desk.key("Escape"));
  ASSERT_TRUE(desk.waitFor([](const UiMap& m) { return !m.find("add-field.to"); }, 10s));

  clickItem(desk, "field:rules[0].kind");
  clickItem(desk, "choice.hazard");
  ASSERT_TRUE(desk.waitForItem("field:rules[0].kind", "hazard"));
  EXPECT_TRUE(desk.waitFor(
      [](const UiMap& m) {
        return !m.find("field:rules[0].device") && !m.find("field:rules[0].action");
      },
      10s));
  EXPECT_TRUE(desk.waitForItem("tab.Problems", "0", 10s)) << desk.map()->value("tab.Problems");
  // a third position for a breaker: a name it does not have yet
  clickItem(desk, "outliner.devices");
  clickItem(desk, "outliner.devices[0]");
  clickItem(desk, "inspector.add:devices[0].positions");
  EXPECT_TRUE(desk.waitForItem("field:devices[0].positions[2]", "position_3", 10s));
  EXPECT_TRUE(desk.waitForItem("tab.Problems", "0", 10s)) << desk.map()->value("tab.Problems");
  ASSERT_TRUE(desk.key("ctrl+s"));
  ASSERT_TRUE(desk.waitForItem("dirty", "no", 10s));
  quitFromTheMenu(desk);
  const json saved = readJson(scenario / "scenario.json");
  EXPECT_EQ(saved["devices"][0]["positions"], json::parse(R"(["open", "closed", "position_3"])"));
  EXPECT_EQ(saved["rules"][0]["kind"], "hazard");
  EXPECT_FALSE(saved["rules"][0].contains("device") || saved["rules"][0].contains("action"));
  fs::remove_all(dir);
}

// a device renamed by hand follows into the run files of the folder, the texts that still say
// its old name are offered the new one, the Problems tab checks the run files too, and the run
// files saved with the scenario still play
TEST(EditorInput, ARenameFollowsIntoTheRunFilesAndOffersTheTexts) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-rename");
  const fs::path scenario = copyOfSubstation(dir);
  // a run file with a typo: the Problems tab names it
  json typo = readJson(scenario / "runs" / "perfect.json");
  typo["actions"][0]["device"] = "QF9";
  std::ofstream(scenario / "runs" / "typo.json") << typo.dump(2);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_TRUE(desk.waitForItem("tab.Problems", "1")) << desk.map()->value("tab.Problems");
  clickItem(desk, "tab.Problems");
  const auto problem = desk.waitForItem("problems[0]");
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->value.find("runs/typo.json: actions[0]: the scenario has no device \"QF9\""),
            std::string::npos)
      << problem->value;

  // QS1 renamed DS1 in the outliner: right click, Rename, type, Return
  clickItem(desk, "outliner.entities");
  ASSERT_TRUE(desk.waitForItem("outliner.entities", "closed"));
  clickItem(desk, "outliner.devices");
  const auto qs1 = desk.waitForItem("outliner.devices[1]", "QS1");
  ASSERT_TRUE(qs1);
  ASSERT_TRUE(desk.clickAt(qs1->cx(), qs1->cy(), 3));
  clickItem(desk, "context.Rename");
  ASSERT_TRUE(desk.waitForItem("outliner.rename"));
  ASSERT_TRUE(desk.key("ctrl+a"));
  ASSERT_TRUE(desk.type("DS1"));
  ASSERT_TRUE(desk.key("Return"));
  ASSERT_TRUE(desk.waitForItem("outliner.devices[1]", "DS1", 10s));
  const auto offer = desk.waitForItem("rename-texts", std::nullopt, 10s);
  ASSERT_TRUE(offer) << "no offer to rename in the texts";
  EXPECT_GT(std::stoi(offer->value), 0);
  clickItem(desk, "rename-texts.update");
  ASSERT_TRUE(desk.waitFor([](const UiMap& m) { return !m.find("rename-texts"); }, 10s));
  EXPECT_EQ(desk.map()->value("tab.Problems"), "1");  // still only the typo
  ASSERT_TRUE(desk.key("ctrl+s"));
  ASSERT_TRUE(desk.waitForItem("dirty", "no", 10s));
  quitFromTheMenu(desk);

  const json perfect = readJson(scenario / "runs" / "perfect.json");
  EXPECT_EQ(perfect["actions"][2]["device"], "DS1");
  EXPECT_EQ(readJson(scenario / "runs" / "typo.json")["actions"][2]["device"], "DS1");
  const json saved = readJson(scenario / "scenario.json");
  EXPECT_EQ(saved["devices"][1]["label"]["en"], "AH2 line-side disconnector DS1");
  EXPECT_EQ(saved["procedure"]["steps"][1]["text"]["zh-CN"], "拉开线路侧隔离开关 DS1");
  EXPECT_EQ(saved["procedure"]["steps"][1]["done"], "DS1.open");
  EXPECT_EQ(saved["devices"][1]["entity"], "QS1-handle");  // another thing's name stays
  const auto played =
      runProcess(practicumBinary() + " run " + scenario.string() + " --headless --bot " +
                 (scenario / "runs" / "perfect.json").string());
  EXPECT_EQ(played.exitCode, 0) << played.output;
  fs::remove_all(dir);
}

// the side panels are as wide as their content needs: their inner edges are dragged
TEST(EditorInput, ThePanelsAreResizedByDraggingTheirEdges) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-panels");
  const fs::path scenario = copyOfSubstation(dir);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  const auto left = desk.waitForItem("panel.left-edge");
  const auto right = desk.waitForItem("panel.right-edge");
  ASSERT_TRUE(left && right) << desk.output();
  const int leftWidth = std::stoi(left->value), rightWidth = std::stoi(right->value);
  // the left one in one quick go (the press right after the move onto it, moving on at once:
  // the press is where the pointer was then); the right one onto the edge, press, drag, let go,
  // a frame for each
  const auto dragEdge = [&](const UiItem& edge, int dx) {
    ASSERT_TRUE(desk.moveTo(edge.cx(), edge.cy()) && desk.waitFrames(2));
    ASSERT_TRUE(desk.xdotool("mousedown 1") && desk.waitFrames(2));
    for (int i = 1; i <= 6; ++i)
      ASSERT_TRUE(desk.moveTo(edge.cx() + dx * i / 6, edge.cy()) && desk.waitFrames(1));
    ASSERT_TRUE(desk.xdotool("mouseup 1") && desk.waitFrames(2));
  };
  ASSERT_TRUE(desk.drag(left->cx(), left->cy(), left->cx() + 120, left->cy()));
  dragEdge(*right, -100);
  EXPECT_TRUE(desk.waitFor(
      [&](const UiMap& m) {
        return std::abs(std::stoi(m.value("panel.left-edge")) - (leftWidth + 120)) <= 4 &&
               std::abs(std::stoi(m.value("panel.right-edge")) - (rightWidth + 100)) <= 4;
      },
      10s))
      << desk.map()->value("panel.left-edge") << " " << desk.map()->value("panel.right-edge");
  EXPECT_EQ(desk.map()->value("dirty"), "no");  // nothing in the scenario moved
  quitFromTheMenu(desk);
  fs::remove_all(dir);
}

// Chinese goes into a text field by the clipboard too (as from another program): copied out of
// one field with Ctrl+C and pasted into another with Ctrl+V, whole
TEST(EditorInput, ChineseTextIsPastedIntoAField) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-paste");
  const fs::path scenario = copyOfSubstation(dir);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  clickItem(desk, "outliner.scenario");
  const auto zh = desk.waitForItem("field:title.zh-CN");
  ASSERT_TRUE(zh);
  const std::string chinese = zh->value;
  ASSERT_NE(chinese.find("\xE5"), std::string::npos) << chinese;  // CJK bytes
  clickItem(desk, "field:title.zh-CN");
  ASSERT_TRUE(desk.key("ctrl+a") && desk.waitFrames(2) && desk.key("ctrl+c") && desk.waitFrames(2));
  clickItem(desk, "field:title.en");
  ASSERT_TRUE(desk.key("ctrl+a") && desk.waitFrames(2) && desk.key("ctrl+v") && desk.waitFrames(2));
  ASSERT_TRUE(desk.key("Return"));
  EXPECT_TRUE(desk.waitForItem("field:title.en", chinese, 10s))
      << desk.map()->value("field:title.en");
  EXPECT_TRUE(desk.waitForItem("dirty", "yes", 10s));
  ASSERT_TRUE(desk.key("ctrl+z"));
  EXPECT_TRUE(desk.waitForItem("dirty", "no", 10s));
  quitFromTheMenu(desk);
  fs::remove_all(dir);
}

// a click elsewhere while a menu is open closes the menu and does what it does there: one
// click, not two
TEST(EditorInput, AClickThatClosesAMenuIsNotLost) {
  XDesktop desk;
  const fs::path dir = makeTempDir("editor-menu-click");
  const fs::path scenario = copyOfSubstation(dir);
  const std::string error = startEditor(desk, dir, {scenario.string(), "--validation"});
  ASSERT_TRUE(error.empty()) << error;
  clickItem(desk, "menu.File");
  ASSERT_TRUE(desk.waitForItem("menu.File.Quit"));
  clickItem(desk, "outliner.entities[3]");
  EXPECT_TRUE(desk.waitForItem("selection", "entities[3]", 10s)) << desk.map()->value("selection");
  EXPECT_FALSE(desk.map()->find("menu.File.Quit"));
  // a list of the inspector, then a click in the outliner
  clickItem(desk, "field:entities[3].material");
  ASSERT_TRUE(desk.waitForItem("choice.wall"));
  clickItem(desk, "outliner.entities[4]");
  EXPECT_TRUE(desk.waitForItem("selection", "entities[4]", 10s)) << desk.map()->value("selection");
  // a list, then another list of the same panel: it opens at the first click
  clickItem(desk, "field:entities[4].material");
  ASSERT_TRUE(desk.waitForItem("choice.wall"));
  clickItem(desk, "field:entities[4].shape.type");
  EXPECT_TRUE(desk.waitForItem("choice.sphere", std::nullopt, 10s)) << "the click was lost";
  EXPECT_FALSE(desk.map()->find("choice.wall"));
  ASSERT_TRUE(desk.key("Escape"));
  EXPECT_TRUE(desk.waitFor([](const UiMap& m) { return !m.find("choice.sphere"); }, 10s));
  EXPECT_EQ(desk.map()->value("dirty"), "no");
  quitFromTheMenu(desk);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
