// The player driven as a person drives it: real X input events (xdotool under a private Xvfb)
// into `practicum run`. The start-up form is filled by typing and clicking, QF1 is opened by a
// click whose press and release are well under 5 ms apart, two clicks inside one frame are two
// operations, and the first three steps of the substation procedure are done by real clicks;
// each is then found in the session log; the open door is clicked where it is drawn, and the
// whole controls tutorial is done by hand, its valve is dragged round and its part let go short
// of its socket; and a scripted learner plays each shipped scenario's
// perfect run in the window while no device is ever under the task panel.
// Validation layers are on: their messages fail a test.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "run_process.hpp"
#include "test_support.hpp"
#include "x_desktop.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using nlohmann::json;

const fs::path kSubstation = sourceDir() / "scenarios" / "substation-switching";

class PlayerInput : public ::testing::Test {
 protected:
  void SetUp() override {
    logs_ = makeTempDir("player-input");
    const std::string error = desk_.startServer();
    ASSERT_TRUE(error.empty()) << error;
  }
  void TearDown() override { fs::remove_all(logs_); }

  // starts the player on the substation; `extra` adds options (a learner skips the form)
  void startPlayer(const std::vector<std::string>& extra) {
    std::vector<std::string> argv = {practicumBinary(), "run",       kSubstation.string(),
                                     "--validation",    "--log-dir", logs_.string()};
    argv.insert(argv.end(), extra.begin(), extra.end());
    const std::string error = desk_.startProgram(argv);
    ASSERT_TRUE(error.empty()) << error;
  }

  // starts the player on the controls tutorial in practice mode for `learner`
  void startTutorial(const std::string& learner) {
    const std::string error = desk_.startProgram(
        {practicumBinary(), "run", (kSubstation.parent_path() / "controls-tutorial").string(),
         "--validation", "--log-dir", logs_.string(), "--learner", learner, "--mode", "practice"});
    ASSERT_TRUE(error.empty()) << error;
  }

  // points at a device where the scene shows it, and waits until the session says so
  void pointAt(const std::string& device) {
    const auto at = desk_.waitForItem("device." + device);
    ASSERT_TRUE(at) << device << " is not on the screen\n" << desk_.output();
    ASSERT_TRUE(desk_.moveTo(at->cx(), at->cy()));
    ASSERT_TRUE(desk_.waitForItem("session.pointing", device, 10s))
        << "the pointer at " << at->cx() << "," << at->cy() << " is not on " << device
        << " (pointing at \"" << desk_.map()->value("session.pointing") << "\")";
  }

  // waits until the steps the session has completed include `step`
  void waitForStep(const std::string& step) {
    const auto m = desk_.waitFor(
        [&](const UiMap& map) {
          return (" " + map.value("session.steps") + " ").find(" " + step + " ") !=
                 std::string::npos;
        },
        10s);
    ASSERT_TRUE(m) << "step " << step
                   << " was not completed; done: " << desk_.map()->value("session.steps");
  }

  // ends the session from the pause menu by real clicks, leaves the end screen with Escape and
  // returns the assessment of its log
  json endAndAssess() {
    EXPECT_TRUE(desk_.key("Escape"));
    const auto end = desk_.waitForItem("pause.end");
    EXPECT_TRUE(end) << "no pause menu\n" << desk_.output();
    if (!end) return {};
    EXPECT_TRUE(desk_.clickAt(end->cx(), end->cy()));
    EXPECT_TRUE(desk_.waitForItem("session.ended", "yes"));
    EXPECT_TRUE(desk_.key("Escape"));
    EXPECT_EQ(desk_.waitForExit(20s), 0) << desk_.output();
    EXPECT_EQ(desk_.output().find("vulkan:"), std::string::npos) << desk_.output();
    return assessTheLog();
  }

  // the assessment of the one session log the player wrote
  json assessTheLog() {
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(logs_))
      if (e.path().extension() == ".plog") found.push_back(e.path());
    EXPECT_EQ(found.size(), 1u);
    if (found.size() != 1) return {};
    const fs::path out = logs_ / "assessment.json";
    const auto r = runProcess(practicumBinary() + " assess " + found[0].string() + " --scenarios " +
                              kSubstation.parent_path().string() + " --json " + out.string());
    EXPECT_EQ(r.exitCode, 0) << r.output;
    std::ifstream in(out);
    return json::parse(in, nullptr, false)["sessions"][0];
  }

  // the events of an assessed session about `device`
  static std::vector<json> eventsOf(const json& session, const std::string& device) {
    std::vector<json> out;
    for (const auto& e : session["events"])
      if (e.value("device", "") == device) out.push_back(e);
    return out;
  }

  XDesktop desk_;
  fs::path logs_;
};

TEST_F(PlayerInput, TheStartFormIsFilledByFastTypingAndClicks) {
  startPlayer({});
  const auto field = desk_.waitForItem("start.learner");
  ASSERT_TRUE(field) << desk_.output();
  // type into the learner field with no delay between the keys: nothing may be lost
  ASSERT_TRUE(desk_.clickAt(field->cx(), field->cy()));
  const std::string learner = "learner-0042-quick-typist-abcdefghijklmnop";
  ASSERT_TRUE(desk_.type(learner));
  ASSERT_TRUE(desk_.waitForItem("start.learner", learner, 10s))
      << "typed \"" << learner << "\", the field shows \"" << desk_.map()->value("start.learner")
      << "\"";
  // exam, then Start
  const auto exam = desk_.waitForItem("start.exam");
  ASSERT_TRUE(exam);
  ASSERT_TRUE(desk_.clickAt(exam->cx(), exam->cy()));
  ASSERT_TRUE(desk_.waitForItem("start.exam", "selected", 10s));
  const auto start = desk_.waitForItem("start.start");
  ASSERT_TRUE(start);
  ASSERT_TRUE(desk_.clickAt(start->cx(), start->cy()));
  ASSERT_TRUE(desk_.waitForItem("session.ended", "no")) << "the session did not start";

  const json session = endAndAssess();
  EXPECT_EQ(session.value("learner", ""), learner);
  EXPECT_EQ(session.value("mode", ""), "exam");
  EXPECT_EQ(session.value("end", ""), "stopped");
}

TEST_F(PlayerInput, AQuickClickOpensTheBreakerAndIsInTheLog) {
  startPlayer({"--learner", "L-quick", "--mode", "practice"});
  pointAt("QF1");
  // press and release back to back: microseconds apart, inside one frame
  ASSERT_TRUE(desk_.click());
  waitForStep("open_breaker");
  const json session = endAndAssess();
  const auto qf1 = eventsOf(session, "QF1");
  ASSERT_EQ(qf1.size(), 1u) << session["events"].dump(1);
  EXPECT_EQ(qf1[0].value("kind", ""), "operated");
  EXPECT_EQ(qf1[0].value("to", ""), "open");
  EXPECT_EQ(session["replay"].value("state", ""), "verified") << session["replay"].dump();
}

TEST_F(PlayerInput, TwoClicksInsideOneFrameAreTwoOperations) {
  startPlayer({"--learner", "L-double", "--mode", "practice"});
  pointAt("QF1");
  // two taps a millisecond apart (a frame on lavapipe lasts far longer)
  ASSERT_TRUE(desk_.xdotool("click --repeat 2 --delay 1 1"));
  ASSERT_TRUE(desk_.waitFrames(10));
  const json session = endAndAssess();
  const auto qf1 = eventsOf(session, "QF1");
  ASSERT_EQ(qf1.size(), 2u) << session["events"].dump(1);
  EXPECT_EQ(qf1[0].value("to", ""), "open");
  // the second click closes it again, or an interlock refuses it: either way it was a click
  EXPECT_TRUE(qf1[1].value("kind", "") == "operated" || qf1[1].value("kind", "") == "refused")
      << qf1[1].dump();
  EXPECT_GT(qf1[1].value("tick", 0), qf1[0].value("tick", 0)) << "on successive ticks";
}

// no device of the substation is under the practice task panel (the detector's rack was)
void expectNoDeviceUnderTheTaskPanel(const UiMap& map) {
  const UiItem* task = map.find("hud.task");
  ASSERT_TRUE(task) << "no task panel on the map";
  for (const auto& [name, item] : map.items) {
    if (name.rfind("device.", 0) != 0) continue;
    EXPECT_FALSE(item.cx() >= task->x0 && item.cx() <= task->x1 && item.cy() >= task->y0 &&
                 item.cy() <= task->y1)
        << name << " at " << item.cx() << "," << item.cy() << " is under the task panel";
  }
}

TEST_F(PlayerInput, TheFirstThreeStepsOfTheSubstationByRealClicks) {
  startPlayer({"--learner", "L-steps", "--mode", "practice"});
  ASSERT_TRUE(desk_.waitForItem("hud.task"));
  expectNoDeviceUnderTheTaskPanel(*desk_.map());
  for (const auto& [device, step] :
       {std::pair{"QF1", "open_breaker"}, std::pair{"QS1", "open_line_disconnector"},
        std::pair{"QS2", "open_bus_disconnector"}}) {
    pointAt(device);
    ASSERT_TRUE(desk_.click());
    waitForStep(step);
    ASSERT_TRUE(desk_.waitFrames(2));
    expectNoDeviceUnderTheTaskPanel(*desk_.map());
  }
  const json session = endAndAssess();
  std::vector<std::string> done;
  for (const auto& s : session["steps"])
    if (s.value("done", false)) done.push_back(s.value("id", ""));
  EXPECT_EQ(done, (std::vector<std::string>{"open_breaker", "open_line_disconnector",
                                            "open_bus_disconnector"}));
  EXPECT_TRUE(session["violations"].empty()) << session["violations"].dump(1);
  EXPECT_EQ(session["replay"].value("state", ""), "verified") << session["replay"].dump();
}

// The door swung open is clicked where it is drawn: the UI map places DOOR at its drawn pose
// (the open panel, beside the doorway), the pointer there says DOOR, a click there closes it,
// and the empty doorway where it was closed points at something else.
TEST_F(PlayerInput, TheOpenDoorIsClickedWhereItIsDrawn) {
  startPlayer({"--learner", "L-door", "--mode", "practice"});
  const auto closed = desk_.waitForItem("device.DOOR");
  ASSERT_TRUE(closed) << desk_.output();
  pointAt("DOOR");
  ASSERT_TRUE(desk_.click());
  // open: it swings out to the left of the doorway
  const auto open = desk_.waitFor(
      [&](const UiMap& map) {
        const UiItem* at = map.find("device.DOOR");
        return at && at->cx() < closed->cx() - 20;
      },
      10s);
  ASSERT_TRUE(open) << "the door did not swing";
  const UiItem drawn = *open->find("device.DOOR");
  ASSERT_TRUE(desk_.moveTo(closed->cx(), closed->cy()));
  ASSERT_TRUE(desk_.waitFrames(5));
  ASSERT_TRUE(
      desk_.waitFor([](const UiMap& map) { return map.value("session.pointing") != "DOOR"; }, 10s))
      << "the empty doorway still points at the door";
  ASSERT_TRUE(desk_.moveTo(drawn.cx(), drawn.cy()));
  ASSERT_TRUE(desk_.waitForItem("session.pointing", "DOOR", 10s))
      << "the drawn door at " << drawn.cx() << "," << drawn.cy()
      << " is not the door (pointing at \"" << desk_.map()->value("session.pointing") << "\")";
  ASSERT_TRUE(desk_.click());
  ASSERT_TRUE(desk_.waitFor(
      [&](const UiMap& map) {
        const UiItem* at = map.find("device.DOOR");
        return at && std::abs(at->cx() - closed->cx()) < 3;
      },
      10s))
      << "the door did not close";
  const json session = endAndAssess();
  const auto door = eventsOf(session, "DOOR");
  ASSERT_EQ(door.size(), 2u) << session["events"].dump(1);
  EXPECT_EQ(door[0].value("to", ""), "open");
  EXPECT_EQ(door[1].value("to", ""), "closed");
  EXPECT_EQ(session["replay"].value("state", ""), "verified") << session["replay"].dump();
}

// The controls tutorial's valve turned by hand: the left button held on the wheel's rim and
// dragged round its centre. Pointing at it then says how far open it is, and the drag is a
// valve-turned event in the log (the learner used to see no sign that it turned).
TEST_F(PlayerInput, AValveDraggedRoundByHandSaysHowFarOpenItIs) {
  startTutorial("L-valve");
  pointAt("V1");
  const UiItem centre = *desk_.map()->find("device.V1");
  const double kPi = 3.14159265358979;
  const auto rim = [&](double degrees) {
    const double a = degrees * kPi / 180.0;
    return std::to_string(int(centre.cx() + 22 * std::cos(a))) + " " +
           std::to_string(int(centre.cy() - 22 * std::sin(a)));  // screen y points down
  };
  // grip on the right of the rim and sweep counter-clockwise (as seen) through 120 degrees
  ASSERT_TRUE(desk_.xdotool("mousemove " + rim(0)));
  ASSERT_TRUE(desk_.waitFrames(2));
  ASSERT_TRUE(desk_.xdotool("mousedown 1"));
  ASSERT_TRUE(desk_.waitFrames(2));
  for (int d = 10; d <= 120; d += 10) {
    ASSERT_TRUE(desk_.xdotool("mousemove " + rim(d)));
    ASSERT_TRUE(desk_.waitFrames(2));
  }
  ASSERT_TRUE(desk_.xdotool("mouseup 1"));
  ASSERT_TRUE(desk_.moveTo(centre.cx(), centre.cy()));
  const auto opened = desk_.waitFor(
      [](const UiMap& map) {
        const std::string p = map.value("hud.pointing");
        return p.find("V1") != std::string::npos && p.find("% open") != std::string::npos &&
               p.find(" 0% open") == std::string::npos;
      },
      10s);
  ASSERT_TRUE(opened) << "pointing says \"" << desk_.map()->value("hud.pointing") << "\"";
  const json session = endAndAssess();
  bool turned = false;
  for (const auto& e : session["events"])
    if (e.value("kind", "") == "valve-turned" && e.value("valve", "") == "V1")
      turned = e.value("toPercent", 0) > e.value("fromPercent", 0);
  EXPECT_TRUE(turned) << session["events"].dump(1);
  EXPECT_EQ(session["replay"].value("state", ""), "verified") << session["replay"].dump();
}

// A part carried by hand and let go short of its socket: while it is carried the HUD says how
// far from its place it is, and letting go there is a not-seated event saying by how much (a
// learner's pin "was never seated and nothing said why").
TEST_F(PlayerInput, APartLetGoShortOfItsSocketSaysWhatIsOff) {
  startTutorial("L-part");
  pointAt("PIN");
  const UiItem part = *desk_.map()->find("device.PIN");
  const UiItem seat = *desk_.map()->find("device.SEAT");
  ASSERT_TRUE(desk_.xdotool("mousedown 1"));
  ASSERT_TRUE(desk_.waitFrames(2));
  // halfway to the mark, in small moves
  for (int k = 1; k <= 5; ++k) {
    ASSERT_TRUE(desk_.moveTo(part.cx() + (seat.cx() - part.cx()) * k / 10,
                             part.cy() + (seat.cy() - part.cy()) * k / 10));
    ASSERT_TRUE(desk_.waitFrames(2));
  }
  const auto carrying = desk_.waitFor(
      [](const UiMap& map) {
        return map.value("hud.placing").find("from its place") != std::string::npos;
      },
      10s);
  ASSERT_TRUE(carrying) << "placing says \"" << desk_.map()->value("hud.placing") << "\"";
  ASSERT_TRUE(desk_.xdotool("mouseup 1"));
  ASSERT_TRUE(desk_.waitFrames(5));
  const json session = endAndAssess();
  bool said = false;
  for (const auto& e : session["events"])
    if (e.value("kind", "") == "not-seated" && e.value("part", "") == "PIN")
      said = e.value("socket", "") == "SEAT" && e.value("offMillimetres", 0) > 30;
  EXPECT_TRUE(said) << session["events"].dump(1);
}

// The whole controls tutorial by hand, as its hints say, with real X input: a right drag
// orbits, V walks (S steps back) and stands again, C opens the cut-away, C and L close it and
// hide the labels, L shows them; 1 takes the torque wrench, right clicks tighten the bolt, G puts
// the wrench back; the valve's rim is dragged round; the part is carried to its mark and let go
// when the HUD says it seats; the isolator, the padlock, the tag and the door are clicked. Every
// step is done in order, the tutorial ends completed with full marks, and the log replays exactly.
TEST_F(PlayerInput, TheWholeTutorialIsDoneByHand) {
  startTutorial("L-tutorial");
  ASSERT_TRUE(desk_.waitForItem("session.ended", "no"));
  // orbit: hold the right button and drag across
  ASSERT_TRUE(desk_.moveTo(700, 450));
  ASSERT_TRUE(desk_.xdotool("mousedown 3"));
  ASSERT_TRUE(desk_.waitFrames(2));
  for (int k = 1; k <= 12; ++k) {
    ASSERT_TRUE(desk_.moveTo(700 + 30 * k, 450));
    ASSERT_TRUE(desk_.waitFrames(1));
  }
  ASSERT_TRUE(desk_.xdotool("mouseup 3"));
  waitForStep("look_around");
  // walk a metre backwards (away from the bench), then stand
  ASSERT_TRUE(desk_.key("v"));
  ASSERT_TRUE(desk_.waitFrames(2));
  ASSERT_TRUE(desk_.xdotool("keydown s"));
  ASSERT_TRUE(desk_.xdotool("sleep 1.5"));
  ASSERT_TRUE(desk_.waitFrames(2));
  ASSERT_TRUE(desk_.xdotool("keyup s"));
  ASSERT_TRUE(desk_.waitFrames(2));
  ASSERT_TRUE(desk_.key("v"));
  waitForStep("walk");
  ASSERT_TRUE(desk_.key("c"));
  waitForStep("cutaway");
  ASSERT_TRUE(desk_.key("c"));
  ASSERT_TRUE(desk_.waitFrames(2));
  ASSERT_TRUE(desk_.key("l"));
  waitForStep("hide_labels");
  ASSERT_TRUE(desk_.key("l"));
  waitForStep("show_labels");
  // back where the bench is framed as at the start (R), for the hands' work
  ASSERT_TRUE(desk_.key("r"));
  ASSERT_TRUE(desk_.waitFrames(3));

  // the tool belt, and the bolt tightened a turn per right click
  ASSERT_TRUE(desk_.key("1"));
  waitForStep("take_wrench");
  pointAt("B1");
  for (int turn = 0; turn < 4; ++turn) {
    ASSERT_TRUE(desk_.xdotool("click 3"));
    ASSERT_TRUE(desk_.waitFrames(3));
  }
  waitForStep("tighten_bolt");
  ASSERT_TRUE(desk_.key("g"));
  waitForStep("put_wrench_back");

  // the valve: grip the rim on the right and sweep it round counter-clockwise (as seen)
  pointAt("V1");
  const UiItem wheel = *desk_.map()->find("device.V1");
  const auto rim = [&](double degrees) {
    const double a = degrees * 3.14159265358979 / 180.0;
    return std::to_string(int(wheel.cx() + 22 * std::cos(a))) + " " +
           std::to_string(int(wheel.cy() - 22 * std::sin(a)));
  };
  ASSERT_TRUE(desk_.xdotool("mousemove " + rim(0)));
  ASSERT_TRUE(desk_.waitFrames(2));
  ASSERT_TRUE(desk_.xdotool("mousedown 1"));
  ASSERT_TRUE(desk_.waitFrames(2));
  for (int d = 10; d <= 150; d += 10) {
    ASSERT_TRUE(desk_.xdotool("mousemove " + rim(d)));
    ASSERT_TRUE(desk_.waitFrames(2));
  }
  ASSERT_TRUE(desk_.xdotool("mouseup 1"));
  waitForStep("open_valve");

  // the part: carried over its mark, nudged until the HUD says letting go seats it
  pointAt("PIN");
  const UiItem part = *desk_.map()->find("device.PIN");
  const UiItem seat = *desk_.map()->find("device.SEAT");
  ASSERT_TRUE(desk_.xdotool("mousedown 1"));
  ASSERT_TRUE(desk_.waitFrames(2));
  for (int k = 1; k <= 10; ++k) {
    ASSERT_TRUE(desk_.moveTo(part.cx() + (seat.cx() - part.cx()) * k / 10,
                             part.cy() + (seat.cy() - part.cy()) * k / 10));
    ASSERT_TRUE(desk_.waitFrames(2));
  }
  const auto seats = [](const UiMap& map) {
    return map.value("hud.placing").find("let go here") != std::string::npos;
  };
  bool fits = bool(desk_.waitFor(seats, 2s));
  for (int dy = -6; dy <= 6 && !fits; dy += 3)
    for (int dx = -6; dx <= 6 && !fits; dx += 3) {
      ASSERT_TRUE(desk_.moveTo(seat.cx() + dx, seat.cy() + dy));
      ASSERT_TRUE(desk_.waitFrames(3));
      fits = seats(*desk_.map());
    }
  ASSERT_TRUE(fits) << "placing says \"" << desk_.map()->value("hud.placing") << "\"";
  ASSERT_TRUE(desk_.xdotool("mouseup 1"));
  waitForStep("seat_block");

  // switch off, lock and tag, the door open and shut (clicked where it is drawn each time)
  for (const auto& [device, step] :
       {std::pair{"Q1", ""}, std::pair{"LK1", ""}, std::pair{"TG1", "lock_and_tag"},
        std::pair{"DOOR", "open_door"}}) {
    pointAt(device);
    ASSERT_TRUE(desk_.click());
    ASSERT_TRUE(desk_.waitFrames(3));
    if (*step) waitForStep(step);
  }
  ASSERT_TRUE(desk_.waitFrames(30));  // the door swings open
  pointAt("DOOR");
  ASSERT_TRUE(desk_.click());
  ASSERT_TRUE(desk_.waitForItem("session.ended", "yes")) << desk_.map()->value("session.steps");

  // the end screen; Escape leaves
  ASSERT_TRUE(desk_.key("Escape"));
  EXPECT_EQ(desk_.waitForExit(20s), 0) << desk_.output();
  EXPECT_EQ(desk_.output().find("vulkan:"), std::string::npos) << desk_.output();
  const json session = assessTheLog();
  EXPECT_EQ(session.value("end", ""), "completed");
  EXPECT_EQ(session.value("score", 0.0), 110.0);
  EXPECT_TRUE(session.value("passed", false));
  EXPECT_TRUE(session["violations"].empty()) << session["violations"].dump(1);
  EXPECT_EQ(session["replay"].value("state", ""), "verified") << session["replay"].dump();
}

// The task panel never covers a device, at any step of a shipped scenario: its perfect run is
// played by the scripted learner in the window at 0.4 of its pace (from the start camera,
// as a learner starts), the map is read at every frame, and no device is under the panel on any
// of them; every step that was current for a quarter of a second or more was seen.
TEST_F(PlayerInput, TheTaskPanelCoversNoDeviceAtAnyStepOfAShippedScenario) {
  for (const char* name : {"substation-switching", "controls-tutorial"}) {
    SCOPED_TRACE(name);
    const fs::path scenario = kSubstation.parent_path() / name;
    const fs::path logs = logs_ / name;
    const std::string error = desk_.startProgram(
        {practicumBinary(), "run", scenario.string(), "--validation", "--log-dir", logs.string(),
         "--learner", "L-hud", "--mode", "practice", "--bot",
         (scenario / "runs" / "perfect.json").string(), "--speed", "0.4", "--frames", "3"});
    ASSERT_TRUE(error.empty()) << error;
    std::set<std::string> seen;
    std::size_t frames = 0;
    const auto ended = desk_.waitFor(
        [&](const UiMap& map) {
          if (map.find("hud.task") && !map.value("session.current").empty()) {
            ++frames;
            seen.insert(map.value("session.current"));
            expectNoDeviceUnderTheTaskPanel(map);
          }
          return map.value("session.ended") == "yes";
        },
        240s);
    ASSERT_TRUE(ended) << desk_.output();
    EXPECT_EQ(desk_.waitForExit(30s), 0) << desk_.output();
    EXPECT_EQ(desk_.output().find("vulkan:"), std::string::npos) << desk_.output();
    EXPECT_GT(frames, 20u);
    // the steps a learner would have looked at, from the log
    std::vector<fs::path> found;
    for (const auto& e : fs::directory_iterator(logs))
      if (e.path().extension() == ".plog") found.push_back(e.path());
    ASSERT_EQ(found.size(), 1u);
    const fs::path out = logs / "assessment.json";
    const auto r = runProcess(practicumBinary() + " assess " + found[0].string() + " --scenarios " +
                              kSubstation.parent_path().string() + " --json " + out.string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
    std::ifstream in(out);
    const json session = json::parse(in, nullptr, false)["sessions"][0];
    std::size_t looked = 0;
    for (const auto& step : session["steps"]) {
      if (step.value("duration", 0.0) < 0.25) continue;
      ++looked;
      EXPECT_TRUE(seen.count(step.value("id", ""))) << step.value("id", "") << " was never seen";
    }
    EXPECT_GE(looked, 5u) << session["steps"].dump(1);
  }
}

}  // namespace
}  // namespace practicum::test
