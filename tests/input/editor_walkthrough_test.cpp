// The walkthrough of docs/editor.md, "close valve V1, then press B1", done as an instructor does
// it: every step by real X input events (xdotool under a private Xvfb) into `practicum-editor`,
// from File > New to the assessment of two plays, one right and one with the mistake. The saved
// scenario is then validated and played by `practicum run` like any other. CTest runs it as
// `editor_walkthrough_real_input`.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <numbers>
#include <sstream>
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
using testing::AssertionFailure;
using testing::AssertionResult;
using testing::AssertionSuccess;

// A person's hand on the editor: each gesture waits until the editor shows its effect, and says
// what it saw when it did not.
class Hand {
 public:
  explicit Hand(XDesktop& desk) : desk_(desk) {}

  // a quick click in the middle of a named place
  AssertionResult click(const std::string& name, int button = 1) {
    const auto item = desk_.waitForItem(name, std::nullopt, 10s);
    if (!item) return failure(name + " is not on the screen");
    if (!desk_.clickAt(item->cx(), item->cy(), button)) return failure("cannot click " + name);
    (void)desk_.waitFrames(3);  // seen (unless the click closed the editor: File > Quit)
    return AssertionSuccess();
  }

  // waits until `name` shows `value`
  AssertionResult shows(const std::string& name, const std::string& value) {
    if (desk_.waitForItem(name, value, 10s)) return AssertionSuccess();
    return failure(name + " shows \"" + desk_.map()->value(name) + "\", not \"" + value + "\"");
  }

  // a text field: click into it, select all, type, and (`enter`) commit with Return
  AssertionResult setText(const std::string& name, const std::string& text, bool enter = true) {
    if (auto r = click(name); !r) return r;
    if (!desk_.key("ctrl+a") || !desk_.waitFrames(2)) return failure("cannot select");
    const bool ascii = std::all_of(text.begin(), text.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii) {
      if (!desk_.type(text)) return failure("cannot type");
    } else if (auto r = typeEachCharacter(name, text); !r) {
      return r;
    }
    if (auto r = shows(name, text); !r) return r;
    if (enter && (!desk_.key("Return") || !desk_.waitFrames(3))) return failure("no Return");
    return shows(name, text);
  }

  // Text outside the keyboard's layout (Chinese, which people enter through an input method): a
  // character at a time, each seen before the next. xdotool maps such a character onto a spare
  // key code only while it types it, so a frame that takes longer than that (the first one
  // drawing new glyphs) reads the key after the map is back and sees no character; that one
  // character is typed again. It is the test's keyboard, not the editor, that drops it.
  AssertionResult typeEachCharacter(const std::string& name, const std::string& text) {
    std::string typed;  // what was there is selected: the first character replaces it
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = at + 1;
      while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
      const std::string character = text.substr(at, end - at), want = typed + character;
      bool seen = false;
      // (a machine busy with other tests draws slowly: more tries, more time for each)
      for (int attempt = 0; attempt < 8 && !seen; ++attempt) {
        if (!desk_.type(character, 100)) return failure("cannot type");
        seen = desk_.waitForItem(name, want, 3s).has_value();
        // a character read against the wrong key map: take it back
        if (!seen && desk_.map()->value(name) != typed &&
            (!desk_.key("BackSpace") || !desk_.waitFrames(3)))
          return failure("cannot take back a key");
      }
      if (!seen)
        return failure(name + " shows \"" + desk_.map()->value(name) + "\" typing \"" + want +
                       "\"");
      typed = want;
      at = end;
    }
    return AssertionSuccess();
  }

  // a number: click (without dragging) and type it
  AssertionResult setNumber(const std::string& name, double value) {
    const auto item = desk_.waitForItem(name, std::nullopt, 10s);
    if (!item) return failure(name + " is not on the screen");
    if (!desk_.moveTo(item->cx(), item->cy()) || !desk_.xdotool("click 1") ||
        !desk_.waitFrames(3) || !desk_.key("ctrl+a") || !desk_.type(number(value)) ||
        !desk_.waitFrames(4) || !desk_.key("Return"))
      return failure("cannot type into " + name);
    const auto set = desk_.waitFor(
        [&](const UiMap& m) {
          const UiItem* f = m.find(name);
          return f && !f->value.empty() && std::abs(std::stod(f->value) - value) < 1e-9;
        },
        10s);
    if (set) return AssertionSuccess();
    return failure(name + " shows " + desk_.map()->value(name) + ", not " + number(value));
  }

  AssertionResult setVector(const std::string& field, const std::vector<double>& values) {
    for (std::size_t k = 0; k < values.size(); ++k)
      if (auto r = setNumber(field + "[" + std::to_string(k) + "]", values[k]); !r) return r;
    return AssertionSuccess();
  }

  // one of a list: open it, click the word
  AssertionResult choose(const std::string& name, const std::string& option) {
    if (auto r = click(name); !r) return r;
    if (auto r = click("choice." + option); !r) return r;
    return shows(name, option);
  }

  // `+ field` on the object at `path`: the field, from the list of those the format allows there
  AssertionResult addField(const std::string& path, const std::string& name) {
    if (auto r = click("inspector.add-field:" + path); !r) return r;
    if (auto r = click("add-field." + name); !r) return r;
    if (desk_.waitForItem("field:" + path + "." + name, std::nullopt, 10s))
      return AssertionSuccess();
    return failure("no field " + name + " on " + path +
                   "; status: " + desk_.map()->value("status"));
  }

  // right click on an outliner item > Rename, type the name, Return
  AssertionResult rename(const std::string& item, const std::string& name) {
    if (auto r = click(item, 3); !r) return r;
    if (auto r = click("context.Rename"); !r) return r;
    if (!desk_.waitForItem("outliner.rename", std::nullopt, 10s)) return failure("no rename field");
    if (!desk_.key("ctrl+a") || !desk_.type(name) || !desk_.waitFrames(4) || !desk_.key("Return"))
      return failure("cannot type the name");
    return shows(item, name);
  }

  // the wheel gripped just off its middle and dragged a third of a turn round it, counter-
  // clockwise on the screen (the hinge's axis points at the camera)
  AssertionResult turnWheel(const std::string& device) {
    const auto wheel = desk_.waitForItem(device, std::nullopt, 10s);
    if (!wheel) return failure(device + " is not on the screen");
    const double cx = wheel->x0, cy = wheel->y0;
    if (!desk_.moveTo(int(cx) + 12, int(cy)) || !desk_.xdotool("mousedown 1") ||
        !desk_.waitFrames(3))
      return failure("cannot grip " + device);
    for (int k = 1; k <= 30; ++k) {
      const double a = k * 4.0 * std::numbers::pi / 180.0, r = 36;
      if (!desk_.moveTo(int(cx + r * std::cos(a)), int(cy - r * std::sin(a))))
        return failure("cannot drag " + device);
    }
    if (!desk_.xdotool("mouseup 1") || !desk_.waitFrames(3)) return failure("cannot let go");
    return AssertionSuccess();
  }

  AssertionResult press(const std::string& device) {
    const auto at = desk_.waitForItem(device, std::nullopt, 10s);
    if (!at) return failure(device + " is not on the screen");
    if (!desk_.clickAt(int(at->x0), int(at->y0)) || !desk_.waitFrames(3))
      return failure("cannot press " + device);
    return AssertionSuccess();
  }

 private:
  static std::string number(double v) {
    std::ostringstream s;
    s << v;
    return s.str();
  }
  AssertionResult failure(const std::string& what) {
    return AssertionFailure() << what << "\nthe editor said:\n" << desk_.output();
  }
  XDesktop& desk_;
};

json readJson(const fs::path& file) {
  std::ifstream in(file);
  return json::parse(in, nullptr, false);
}

TEST(EditorWalkthrough, CloseValveV1ThenPressB1BuiltByRealInputSavedValidatedAndPlayed) {
  XDesktop desk;
  const std::string started = desk.startServer();
  ASSERT_TRUE(started.empty()) << started;
  const fs::path dir = makeTempDir("editor-walkthrough");
  const fs::path folder = dir / "scenarios" / "valve-drill";
  // the untitled recovery file goes under XDG_DATA_HOME: this test's own
  const std::string error =
      desk.startProgram({(binaryDir() / "bin" / "practicum-editor").string(), "--validation"},
                        {"XDG_DATA_HOME=" + (dir / "data").string()});
  ASSERT_TRUE(error.empty()) << error;
  Hand hand(desk);

  // 1. File > New, the id and both titles; File > Save as a folder
  ASSERT_TRUE(hand.click("menu.File"));
  ASSERT_TRUE(hand.click("menu.File.New..."));
  ASSERT_TRUE(hand.setText("dialog.id", "valve-drill", false));
  ASSERT_TRUE(hand.setText("dialog.zh-CN", "阀门演练", false));
  ASSERT_TRUE(hand.setText("dialog.en", "Valve drill", false));
  ASSERT_TRUE(hand.click("dialog.ok"));
  ASSERT_TRUE(hand.click("menu.File"));
  ASSERT_TRUE(hand.click("menu.File.Save as..."));
  ASSERT_TRUE(hand.setText("dialog.folder", folder.string(), false));
  ASSERT_TRUE(hand.click("dialog.ok"));
  ASSERT_TRUE(hand.shows("dirty", "no"));
  ASSERT_TRUE(fs::exists(folder / "scenario.json"));

  // 2. three entities: a panel, a handwheel on a dynamic body, a button
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(hand.click("outliner.entities.add"));
  ASSERT_TRUE(hand.shows("dirty", "yes"));
  EXPECT_NE(desk.map()->value("status").rfind("saved", 0), 0u) << "\"saved\" beside (unsaved)";
  ASSERT_TRUE(hand.rename("outliner.entities[1]", "panel"));
  ASSERT_TRUE(hand.rename("outliner.entities[2]", "wheel"));
  ASSERT_TRUE(hand.rename("outliner.entities[3]", "button"));
  ASSERT_TRUE(hand.click("outliner.entities[1]"));
  ASSERT_TRUE(hand.setVector("field:entities[1].shape.halfExtents", {0.6, 0.5, 0.02}));
  ASSERT_TRUE(hand.setVector("field:entities[1].transform.position", {0, 1.2, -0.1}));
  ASSERT_TRUE(hand.click("outliner.entities[2]"));
  ASSERT_TRUE(hand.choose("field:entities[2].shape.type", "cylinder"));
  ASSERT_TRUE(hand.setNumber("field:entities[2].shape.radius", 0.15));
  ASSERT_TRUE(hand.setNumber("field:entities[2].shape.height", 0.04));
  ASSERT_TRUE(hand.setVector("field:entities[2].transform.position", {-0.25, 1.2, 0}));
  ASSERT_TRUE(hand.setVector("field:entities[2].transform.rotation", {90, 0, 0}));
  ASSERT_TRUE(hand.choose("field:entities[2].body.type", "dynamic"));
  ASSERT_TRUE(hand.shows("field:entities[2].body.mass", "1"));  // a dynamic body needs a mass
  ASSERT_TRUE(hand.click("outliner.entities[3]"));
  ASSERT_TRUE(hand.setVector("field:entities[3].shape.halfExtents", {0.04, 0.04, 0.02}));
  ASSERT_TRUE(hand.setVector("field:entities[3].transform.position", {0.25, 1.2, 0}));

  // 3. the hinge the wheel turns on
  ASSERT_TRUE(hand.click("outliner.joints"));
  ASSERT_TRUE(hand.click("outliner.joints.add"));
  ASSERT_TRUE(hand.shows("outliner.joints", "open"));  // adding keeps the list open
  ASSERT_TRUE(hand.shows("field:joints[0].type", "hinge"));
  ASSERT_TRUE(hand.choose("field:joints[0].a", "wheel"));
  ASSERT_TRUE(hand.setVector("field:joints[0].pivot", {-0.25, 1.2, 0}));
  ASSERT_TRUE(hand.shows("field:joints[0].axis", "[0,0,1]"));  // a hinge needs an axis
  ASSERT_TRUE(hand.addField("joints[0]", "limits"));
  ASSERT_TRUE(hand.setNumber("field:joints[0].limits.upper", 90));

  // 4. the devices: the valve V1 on the wheel (its joint filled in), the button B1
  ASSERT_TRUE(hand.click("outliner.devices"));
  ASSERT_TRUE(hand.click("outliner.devices.add"));
  ASSERT_TRUE(hand.rename("outliner.devices[0]", "V1"));
  ASSERT_TRUE(hand.choose("field:devices[0].kind", "valve"));
  ASSERT_TRUE(hand.shows("field:devices[0].joint", "joint"));
  ASSERT_TRUE(hand.choose("field:devices[0].entity", "wheel"));
  ASSERT_TRUE(hand.setText("field:devices[0].label.zh-CN", "进水阀 V1"));
  ASSERT_TRUE(hand.setText("field:devices[0].label.en", "Inlet valve V1"));
  ASSERT_TRUE(hand.click("outliner.devices.add"));
  ASSERT_TRUE(hand.rename("outliner.devices[1]", "B1"));
  ASSERT_TRUE(hand.choose("field:devices[1].kind", "button"));
  ASSERT_TRUE(hand.choose("field:devices[1].entity", "button"));
  ASSERT_TRUE(hand.setText("field:devices[1].label.zh-CN", "启动按钮 B1"));
  ASSERT_TRUE(hand.setText("field:devices[1].label.en", "Start button B1"));

  // 5. two steps, written in the Procedure tab
  ASSERT_TRUE(hand.click("outliner.procedure.steps"));
  ASSERT_TRUE(hand.click("outliner.procedure.steps.add"));
  ASSERT_TRUE(hand.click("outliner.procedure.steps.add"));
  ASSERT_TRUE(hand.click("tab.Procedure"));
  struct Step {
    const char *id, *zh, *en, *done;
  };
  const Step steps[] = {{"close_v1", "关闭阀门 V1", "Close valve V1", "V1.opening >= 0.9"},
                        {"press_b1", "按下按钮 B1", "Press button B1", "B1.presses >= 1"}};
  for (std::size_t i = 0; i < 2; ++i) {
    const std::string at = "procedure.procedure.steps[" + std::to_string(i) + "]";
    ASSERT_TRUE(hand.setText(at + ".id", steps[i].id));
    ASSERT_TRUE(hand.setText(at + ".text.zh-CN", steps[i].zh));
    ASSERT_TRUE(hand.setText(at + ".text.en", steps[i].en));
    ASSERT_TRUE(hand.setText(at + ".points", "50"));
    ASSERT_TRUE(hand.setText(at + ".done", steps[i].done));
  }

  // 6. the hazard and the rubric
  ASSERT_TRUE(hand.click("outliner.rules"));
  ASSERT_TRUE(hand.click("outliner.rules.add"));
  ASSERT_TRUE(hand.click("tab.Inspector"));
  ASSERT_TRUE(hand.setText("field:rules[0].text.en", "Started with the valve open"));
  ASSERT_TRUE(hand.setText("field:rules[0].when", "B1.pressed and V1.opening < 0.9"));
  ASSERT_TRUE(hand.addField("rules[0]", "consequence"));
  ASSERT_TRUE(hand.choose("field:rules[0].consequence", "alarm"));
  ASSERT_TRUE(hand.click("outliner.rubric"));
  ASSERT_TRUE(hand.setNumber("field:rubric.pass", 80));
  ASSERT_TRUE(hand.addField("rubric", "penalties"));
  ASSERT_TRUE(hand.setNumber("field:rubric.penalties.major", 30));

  // 7. no problems; played right, then with the button first; saved
  ASSERT_TRUE(hand.click("tab.Problems"));
  ASSERT_TRUE(desk.waitForItem("problems.none", std::nullopt, 10s))
      << "problems: " << desk.map()->value("tab.Problems");
  ASSERT_TRUE(hand.click("menu.Play"));
  ASSERT_TRUE(hand.click("menu.Play.Practice"));
  ASSERT_TRUE(hand.turnWheel("device.V1"));
  ASSERT_TRUE(hand.shows("session.steps", "close_v1"));
  ASSERT_TRUE(hand.press("device.B1"));
  ASSERT_TRUE(hand.shows("session.ended", "yes"));
  ASSERT_TRUE(desk.key("Escape"));
  ASSERT_TRUE(hand.shows("assessment.score", "100 / 100"));
  ASSERT_TRUE(hand.shows("assessment.passed", "passed"));

  ASSERT_TRUE(hand.click("menu.Play"));
  ASSERT_TRUE(hand.click("menu.Play.Practice"));
  ASSERT_TRUE(hand.press("device.B1"));
  ASSERT_TRUE(hand.shows("session.consequences", "alarm"));  // the alarm sounds
  ASSERT_TRUE(hand.turnWheel("device.V1"));
  ASSERT_TRUE(hand.press("device.B1"));
  ASSERT_TRUE(hand.shows("session.ended", "yes"));
  ASSERT_TRUE(desk.key("Escape"));
  ASSERT_TRUE(hand.shows("assessment.passed", "not passed"));
  // pressed too early (the order, 2) and with the valve open (the rule, 30)
  ASSERT_TRUE(hand.shows("assessment.score", "68 / 100"));
  ASSERT_TRUE(hand.shows("assessment.violations[1]", "Started with the valve open"));

  ASSERT_TRUE(desk.key("ctrl+s"));
  ASSERT_TRUE(hand.shows("dirty", "no")) << desk.map()->value("status");
  ASSERT_TRUE(hand.click("menu.File"));
  ASSERT_TRUE(hand.click("menu.File.Quit"));
  EXPECT_EQ(desk.waitForExit(20s), 0) << desk.output();
  EXPECT_EQ(desk.output().find("vulkan:"), std::string::npos) << desk.output();

  // what was saved is what was typed, written as a person would write it
  const json saved = readJson(folder / "scenario.json");
  ASSERT_FALSE(saved.is_discarded());
  EXPECT_EQ(saved["title"]["zh-CN"], "阀门演练");
  EXPECT_EQ(saved["entities"][2]["shape"], json::parse(R"({"type": "cylinder", "radius": 0.15,
      "height": 0.04})"));
  EXPECT_EQ(saved["devices"][0]["joint"], saved["joints"][0]["name"]);
  EXPECT_EQ(saved["procedure"]["steps"][0]["points"].dump(), "50");
  EXPECT_EQ(saved["rubric"],
            json::parse(R"({"pass": 80, "penalties": {"warning": 0, "major": 30, "critical": 20,
                                                       "order": 2}})"));
  EXPECT_FALSE(fs::exists(dir / "data" / "practicum" / "untitled.scenario.json.recovery"));

  // 8. validated, and played by `practicum run` like any other scenario
  const auto validated = runProcess(practicumBinary() + " validate " + folder.string());
  EXPECT_EQ(validated.exitCode, 0) << validated.output;
  fs::create_directories(folder / "runs");
  std::ofstream(folder / "runs" / "right.json") << R"({"scenario": "valve-drill", "actions": [
      {"do": "turn", "device": "V1", "degrees": 85}, {"do": "press", "device": "B1"}],
      "expect": {"score": 100, "passed": true}})";
  const auto played = runProcess(practicumBinary() + " run " + folder.string() +
                                 " --headless --bot " + (folder / "runs" / "right.json").string() +
                                 " --result " + (dir / "result.json").string());
  EXPECT_EQ(played.exitCode, 0) << played.output;
  const json result = readJson(dir / "result.json");
  EXPECT_EQ(result.value("passed", false), true) << result.dump(1);
  EXPECT_EQ(result.value("score", 0.0), 100.0);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
