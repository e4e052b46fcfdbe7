// The player and the review in a real window (under Xvfb in scripts/test): a scripted learner
// plays to the end screen, the HUD speaks Chinese, and the review opens a log at an event. Every
// run has the validation layers on and must leave none of their messages.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include <practicum/render/image.hpp>

#include "run_process.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

const fs::path kSubstation = sourceDir() / "scenarios" / "substation-switching";

bool haveDisplay() { return std::getenv("DISPLAY") != nullptr; }

// compares a screenshot with a golden in tests/golden (PRACTICUM_UPDATE_GOLDENS=1 rewrites it);
// text is anti-aliased and the status line shows the frame time, hence the tolerance
void expectMatchesGolden(const fs::path& png, const std::string& name) {
  auto image = render::readPng(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  const auto stats = render::imageStats(*image);
  EXPECT_GT(stats.distinctColors, 100u) << "a blank picture";
  EXPECT_GT(stats.stddevLuma, 15.0) << "a blank picture";
  const fs::path golden = sourceDir() / "tests" / "golden" / name;
  if (const char* update = std::getenv("PRACTICUM_UPDATE_GOLDENS"); update && *update == '1') {
    ASSERT_TRUE(render::writePng(golden, *image).ok());
    return;
  }
  auto expected = render::readPng(golden);
  ASSERT_TRUE(expected.ok()) << expected.error().message;
  const auto diff = render::compareImages(*image, *expected, 48);
  if (diff.fractionOver > 0.02) {
    const auto out = binaryDir() / "test-output";
    fs::create_directories(out);
    (void)render::writePng(out / (name + ".actual.png"), *image);
    (void)render::writePng(out / (name + ".diff.png"), render::diffImage(*image, *expected));
  }
  EXPECT_LE(diff.fractionOver, 0.02)
      << diff.pixelsOver << " pixels differ; see " << binaryDir() / "test-output";
}

void expectNoValidationMessages(const std::string& output) {
  EXPECT_EQ(output.find("vulkan:"), std::string::npos) << "validation messages:\n" << output;
}

TEST(PlayerWindow, AScriptedLearnerPlaysToTheEndScreen) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("player");
  const auto png = dir / "end.png";
  const auto r = runProcess(practicumBinary() + " run " + kSubstation.string() + " --bot " +
                            (kSubstation / "runs" / "perfect.json").string() +
                            " --speed 1000 --frames 3 --validation --log-dir " + dir.string() +
                            " --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_EQ(r.output.find("rendering headless instead"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("result: 100 of 100, passed"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("log: " + dir.string()), std::string::npos) << r.output;
  expectNoValidationMessages(r.output);
  // exam mode: the task brief, then the end screen with the score
  expectMatchesGolden(png, "player-exam-end.png");
  fs::remove_all(dir);
}

TEST(PlayerWindow, ThePracticeHudSpeaksChinese) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("player-zh");
  const auto png = dir / "zh.png";
  const auto r = runProcess(practicumBinary() + " run " + kSubstation.string() +
                            " --learner L-007 --mode practice --lang zh-CN --frames 3 "
                            "--validation --no-log --screenshot " +
                            png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  expectNoValidationMessages(r.output);
  // the step, its hint and the checklist in Chinese (the font's coverage: ui_tests)
  expectMatchesGolden(png, "player-practice-zh.png");
  fs::remove_all(dir);
}

TEST(ReviewWindow, OpensALogAtAnEventAndScreenshots) {
  if (!haveDisplay()) GTEST_SKIP() << "no DISPLAY (scripts/test runs tests under Xvfb)";
  const auto dir = makeTempDir("review");
  auto r = runProcess(practicumBinary() + " run " + kSubstation.string() + " --headless --bot " +
                      (kSubstation / "runs" / "bus-side-first.json").string() +
                      " --learner L-9 --log-dir " + dir.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  fs::path log;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().extension() == ".plog") log = e.path();
  ASSERT_FALSE(log.empty());

  const auto png = dir / "review.png";
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " replay " +
                 log.string() + " --event 4 --frames 3 --validation --screenshot " + png.string());
  ASSERT_EQ(r.exitCode, 0) << r.output;
  EXPECT_NE(r.output.find("verified"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("screenshot: " + png.string()), std::string::npos) << r.output;
  expectNoValidationMessages(r.output);
  auto image = render::readPng(png);
  ASSERT_TRUE(image.ok()) << image.error().message;
  EXPECT_EQ(image->width, 1280u);
  EXPECT_GT(render::imageStats(*image).distinctColors, 100u);

  // an event the session does not have is a clear error
  r = runProcess("cd " + sourceDir().string() + " && " + practicumBinary() + " replay " +
                 log.string() + " --event 999 --frames 1");
  EXPECT_EQ(r.exitCode, 1) << r.output;
  EXPECT_NE(r.output.find("--event 999: the session has"), std::string::npos) << r.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
