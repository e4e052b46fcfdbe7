// `--input-script FILE` drives the player, the review and the editor in their windows (under
// Xvfb in scripts/test) through the same event queue as a mouse and a keyboard. Where to click
// is read from each program's UI map in a first run that only looks, so the scripts do not
// depend on the layout; the effect is then checked in the session log, the review's time and
// the saved scenario.
#include <gtest/gtest.h>

#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "run_process.hpp"
#include "test_support.hpp"
#include "ui_map_file.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kSubstation = sourceDir() / "scenarios" / "substation-switching";

bool haveDisplay() { return std::getenv("DISPLAY") != nullptr; }

std::string editorBinary() { return (binaryDir() / "bin" / "practicum-editor").string(); }

// writes a script file and returns its path
fs::path script(const fs::path& dir, const std::string& name, const std::string& text) {
  const fs::path file = dir / name;
  std::ofstream(file) << text;
  return file;
}

// runs a program with its UI map kept in `map`; the map of its last frame
UiMap runMapped(const std::string& commandLine, const fs::path& map, ProcessResult* result) {
  *result = runProcess("PRACTICUM_UI_MAP=" + map.string() + " " + commandLine);
  auto read = readUiMap(map);
  return read ? *read : UiMap{};
}

// starts a program with its UI map on and waits until the map names everything in `names`;
// that map (then the program is stopped), or an empty one after 20 seconds
UiMap lookAt(const std::vector<std::string>& argv, const fs::path& dir,
             const std::vector<std::string>& names) {
  const fs::path map = dir / "look.map";
  fs::remove(map);
  Child program;
  EXPECT_TRUE(program.start(argv, {"PRACTICUM_UI_MAP=" + map.string()}, dir / "look.txt"));
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  UiMap found;
  while (program.running() && std::chrono::steady_clock::now() < until) {
    if (auto m = readUiMap(map)) {
      bool all = true;
      for (const auto& n : names) all = all && m->find(n);
      if (all) {
        found = *m;
        break;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  program.signal(SIGTERM);
  program.wait(std::chrono::seconds(10));
  for (const auto& n : names) EXPECT_TRUE(found.find(n)) << n << " never showed on the screen";
  return found;
}

std::string at(const UiItem& item) {
  return std::to_string(item.cx()) + " " + std::to_string(item.cy());
}

std::vector<fs::path> logsIn(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".plog") out.push_back(e.path());
  return out;
}

json assess(const fs::path& log, const fs::path& out) {
  const auto r = runProcess(practicumBinary() + " assess " + log.string() + " --scenarios " +
                            kSubstation.parent_path().string() + " --json " + out.string());
  EXPECT_EQ(r.exitCode, 0) << r.output;
  std::ifstream in(out);
  return json::parse(in, nullptr, false)["sessions"][0];
}

TEST(InputScript, ThePlayerFormIsFilledAndTheBreakerOpenedByAScript) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("script-player");
  const std::string run = practicumBinary() + " run " + kSubstation.string() + " --validation";
  // look first: where the form's fields are, and where QF1 is once a session runs
  const UiMap form = lookAt({practicumBinary(), "run", kSubstation.string(), "--no-log"}, dir,
                            {"start.learner", "start.exam", "start.start"});
  const UiMap scene =
      lookAt({practicumBinary(), "run", kSubstation.string(), "--no-log", "--learner", "probe"},
             dir, {"device.QF1"});
  if (HasFailure()) return;
  ProcessResult r;

  // the learner types an id, picks exam, starts, clicks QF1 (down and up in one frame), and
  // the window is closed
  const std::string text = "2 click left " + at(*form.find("start.learner")) +
                           "\n"
                           "3 type L-script-07\n"
                           "5 click left " +
                           at(*form.find("start.exam")) +
                           "\n"
                           "7 click left " +
                           at(*form.find("start.start")) +
                           "\n"
                           "+10 move " +
                           at(*scene.find("device.QF1")) +
                           "\n"
                           "+5 click left\n"
                           "+30 close\n";
  const UiMap last = runMapped(run + " --log-dir " + (dir / "logs").string() + " --input-script " +
                                   script(dir, "play.txt", text).string(),
                               dir / "play.map", &r);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << r.output;
  EXPECT_EQ(last.value("session.steps"), "open_breaker");
  const auto logs = logsIn(dir / "logs");
  ASSERT_EQ(logs.size(), 1u);
  const json session = assess(logs[0], dir / "assessed.json");
  EXPECT_EQ(session.value("learner", ""), "L-script-07");
  EXPECT_EQ(session.value("mode", ""), "exam");
  EXPECT_EQ(session.value("end", ""), "closed");
  bool opened = false;
  for (const auto& e : session["events"])
    opened |= e.value("device", "") == "QF1" && e.value("to", "") == "open";
  EXPECT_TRUE(opened) << session["events"].dump(1);
  fs::remove_all(dir);
}

TEST(InputScript, TheReviewIsPausedAndSentToTheNextEventByKeys) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("script-review");
  auto r = runProcess(practicumBinary() + " run " + kSubstation.string() + " --headless --bot " +
                      (kSubstation / "runs" / "perfect.json").string() +
                      " --learner L-10 --log-dir " + dir.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  const auto logs = logsIn(dir);
  ASSERT_EQ(logs.size(), 1u);
  const json session = assess(logs[0], dir / "assessed.json");
  double second = -1;  // when the second step was done
  for (const auto& e : session["events"])
    if (e.value("step", "") == "open_line_disconnector") second = e["time"];
  ASSERT_GT(second, 0.5);

  // opened half a second in (paused there), Space plays at the slowest pace and Space pauses
  // again a few frames later; Right goes on to the next event (the second step); then the
  // window closes
  ProcessResult done;
  const UiMap last = runMapped(practicumBinary() + " replay " + logs[0].string() + " --scenarios " +
                                   kSubstation.parent_path().string() +
                                   " --at 0.5 --speed 0.25 --validation --input-script " +
                                   script(dir, "review.txt",
                                          "3 key Space\n"
                                          "+3 key Space\n"
                                          "+3 key Right\n"
                                          "+5 close\n")
                                       .string(),
                               dir / "review.map", &done);
  ASSERT_EQ(done.exitCode, 0) << done.output;
  EXPECT_EQ(done.output.find("vulkan:"), std::string::npos) << done.output;
  EXPECT_EQ(last.value("review.playing"), "no");
  ASSERT_FALSE(last.value("review.time").empty());
  EXPECT_NEAR(std::stod(last.value("review.time")), second, 1e-3);
  EXPECT_EQ(last.value("session.steps"), "open_breaker open_line_disconnector");
  fs::remove_all(dir);
}

TEST(InputScript, TheEditorSelectsDuplicatesAndSavesByAScript) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("script-editor");
  const fs::path scenario = dir / "substation-switching";
  fs::copy(kSubstation, scenario, fs::copy_options::recursive);
  const std::size_t entities = [&] {
    std::ifstream in(scenario / "scenario.json");
    return json::parse(in)["entities"].size();
  }();
  const std::string editor = editorBinary() + " " + scenario.string() + " --validation";
  const UiMap look = lookAt({editorBinary(), scenario.string()}, dir, {"entity.QF1-handle"});
  if (HasFailure()) return;
  ProcessResult r;

  // click the handle in the viewport, duplicate it, save, close
  const UiMap last = runMapped(editor + " --input-script " +
                                   script(dir, "edit.txt",
                                          "3 click left " + at(*look.find("entity.QF1-handle")) +
                                              "\n"
                                              "+3 key Ctrl+D\n"
                                              "+3 key Ctrl+S\n"
                                              "+5 close\n")
                                       .string(),
                               dir / "edit.map", &r);
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << r.output;
  EXPECT_EQ(last.value("dirty"), "no");
  std::ifstream in(scenario / "scenario.json");
  const json saved = json::parse(in);
  ASSERT_EQ(saved["entities"].size(), entities + 1);
  // the copy comes right after the handle, with the handle's shape
  ASSERT_EQ(saved["entities"][11]["name"], "QF1-handle");
  EXPECT_EQ(saved["entities"][12]["name"], "QF1-handle-copy");
  EXPECT_EQ(saved["entities"][12]["shape"], saved["entities"][11]["shape"]);
  r = runProcess(practicumBinary() + " validate " + scenario.string() + " --no-models");
  EXPECT_EQ(r.exitCode, 0) << r.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
