// practicum-editor in a real window (under Xvfb in scripts/test): it opens the substation
// scenario and shows the viewport with the selection's gizmo and the panels, validation clean.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include <practicum/render/image.hpp>

#include "../app/run_process.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

std::string editorBinary() { return (binaryDir() / "bin" / "practicum-editor").string(); }

TEST(EditorWindow, OpensTheSubstationWithViewportAndPanels) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-window");
  const auto png = dir / "editor.png";
  const auto scenario = sourceDir() / "scenarios" / "substation-switching";
  const auto before = fs::last_write_time(scenario / "scenario.json");
  const auto r =
      runProcess(editorBinary() + " " + scenario.string() +
                 " --select 'entities[11]' --frames 4 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  auto image = render::readPng(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_EQ(image->width, 1280u);
  EXPECT_GT(render::imageStats(*image).distinctColors, 100u);
  // the golden: viewport, gizmo on the selected handle, outliner, inspector
  const fs::path golden = sourceDir() / "tests" / "golden" / "editor-substation.png";
  if (const char* update = std::getenv("PRACTICUM_UPDATE_GOLDENS"); update && *update == '1') {
    ASSERT_TRUE(render::writePng(golden, *image).ok());
  } else {
    auto expected = render::readPng(golden);
    ASSERT_TRUE(expected.ok()) << expected.error().message;
    EXPECT_LE(render::compareImages(*image, *expected, 48).fractionOver, 0.02);
  }
  // opening and looking changes nothing on disk
  EXPECT_EQ(fs::last_write_time(scenario / "scenario.json"), before);
  EXPECT_FALSE(fs::exists(scenario / ".scenario.json.recovery"));
  fs::remove_all(dir);
}

TEST(EditorWindow, PlaysFromTheEditorAndComesBackToAnUnchangedDocument) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-play");
  const auto scenario = sourceDir() / "scenarios" / "substation-switching";
  const auto png = dir / "after-play.png";
  const auto r = runProcess(editorBinary() + " " + scenario.string() + " --play-bot " +
                            (scenario / "runs" / "disconnector-under-load.json").string() +
                            " --frames 4 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("vulkan:"), std::string::npos) << "validation messages:\n" << r.output;
  // the mistake run was assessed, its log written to a temporary session
  EXPECT_NE(r.output.find("play: not passed"), std::string::npos) << r.output;
  const auto logAt = r.output.find("log ");
  ASSERT_NE(logAt, std::string::npos) << r.output;
  const std::string log = r.output.substr(logAt + 4, r.output.find('\n', logAt) - logAt - 4);
  EXPECT_TRUE(fs::exists(log)) << log;
  fs::remove_all(fs::path(log).parent_path());
  // back in the editor, nothing changed
  EXPECT_FALSE(fs::exists(scenario / ".scenario.json.recovery"));
  EXPECT_NE(r.output.find("document unchanged"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

TEST(EditorWindow, AnAutomatedRunLeavesUnsavedWorkFromBeforeWhereItWas) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  // a crash left unsaved changes beside the scenario; a screenshot run must not throw them away
  const auto dir = makeTempDir("editor-keeps-recovery");
  fs::copy(sourceDir() / "scenarios" / "workbench", dir, fs::copy_options::recursive);
  std::string text;
  {
    std::ifstream in(dir / "scenario.json");
    text.assign(std::istreambuf_iterator<char>(in), {});
  }
  const std::string edited = text.substr(0, text.rfind('}')) + ", \"x-note\": 1}";
  std::ofstream(dir / ".scenario.json.recovery") << edited;
  const auto r = runProcess(editorBinary() + " " + dir.string() + " --frames 3");
  ASSERT_EQ(r.exitCode, 0) << r.output;
  ASSERT_TRUE(fs::exists(dir / ".scenario.json.recovery"));
  std::ifstream kept(dir / ".scenario.json.recovery");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(kept), {}), edited);
  fs::remove_all(dir);
}

TEST(EditorWindow, ABrokenScenarioOpensWithItsProblems) {
  if (!std::getenv("DISPLAY")) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("editor-broken-window");
  std::ofstream(dir / "scenario.json") << R"({"format": 1, "id": "x", "entities": []})";
  const auto r = runProcess(editorBinary() + " " + dir.string() + " --frames 3 --screenshot " +
                            (dir / "shot.png").string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  // the problems are printed as well as listed in the window
  EXPECT_NE(r.output.find("title"), std::string::npos) << r.output;
  // not JSON: refused with the place, nothing opened
  std::ofstream(dir / "scenario.json", std::ios::trunc) << "{ nope";
  const auto bad = runProcess(editorBinary() + " " + dir.string() + " --frames 1");
  EXPECT_EQ(bad.exitCode, 1) << bad.output;
  EXPECT_NE(bad.output.find("scenario.json:1:"), std::string::npos) << bad.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
