// Every scripted run of every shipped scenario, recorded to a log, replays exactly: every
// checkpoint and every event match, and the replayed result is the live result.
#include <gtest/gtest.h>

#include <filesystem>

#include <practicum/record/recorder.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>

#include "log_test_util.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

TEST(Replay, EveryShippedRunReplaysExactlyFromItsLog) {
  const auto dir = makeTempDir("replay");
  int runs = 0;
  for (const auto& scenarioDirEntry : fs::directory_iterator(sourceDir() / "scenarios")) {
    const fs::path runsDir = scenarioDirEntry.path() / "runs";
    if (!fs::is_directory(runsDir)) continue;
    auto loaded = scenario::loadScenario(scenarioDirEntry.path());
    ASSERT_TRUE(loaded.ok());
    for (const auto& runFile : fs::directory_iterator(runsDir)) {
      SCOPED_TRACE(runFile.path().string());
      const auto run = scenario::loadRunFile(runFile.path());
      ASSERT_TRUE(run.run);
      // live: play and record
      const fs::path log = dir / (runFile.path().stem().string() + ".plog");
      auto session = record::test::playAndRecord(*loaded.scenario, *run.run, log);
      ASSERT_TRUE(session.ok()) << session.error().message;
      const auto live = (*session)->result();

      // from the log alone
      record::VerifyReport report;
      const record::LogContents contents = record::readLog(log, report);
      ASSERT_TRUE(report.ok) << report.message;
      EXPECT_EQ(contents.events, (*session)->events());
      auto replayed = record::replayLog(contents, *loaded.scenario);
      ASSERT_TRUE(replayed.ok()) << replayed.error().message;
      EXPECT_TRUE(replayed->verified) << replayed->message;
      EXPECT_GT(replayed->checkpoints, 0u);
      EXPECT_DOUBLE_EQ(replayed->result.score, live.score);
      EXPECT_EQ(replayed->result.passed, live.passed);
      ++runs;
    }
  }
  EXPECT_GE(runs, 5);
  fs::remove_all(dir);
}

TEST(Replay, AChangedInputIsFoundAtItsTick) {
  const auto dir = makeTempDir("replay-diverge");
  const auto folder = scenarioDir("substation-switching");
  auto loaded = scenario::loadScenario(folder);
  ASSERT_TRUE(loaded.ok());
  const auto run = scenario::loadRunFile(folder / "runs" / "perfect.json");
  ASSERT_TRUE(run.run);
  auto session = sim::Session::create(*loaded.scenario, {sim::Mode::Exam, 1, {}});
  ASSERT_TRUE(session.ok());
  const fs::path log = dir / "perfect.plog";
  auto recorder = record::SessionRecorder::create(log, **session, {});
  ASSERT_TRUE(recorder.ok());
  auto bot = sim::Bot::create(*run.run, **session);
  ASSERT_TRUE(bot->play([&](const sim::Session& s, const sim::InputRecord& in) {
                   (*recorder)->afterTick(s, in);
                 })
                  .ok());
  ASSERT_TRUE((*recorder)->finish(**session).ok());
  record::VerifyReport report;
  record::LogContents contents = record::readLog(log, report);
  ASSERT_TRUE(report.ok);
  // a learner who never clicked at all: the first click's tick is where it diverges
  std::uint64_t firstClick = 0;
  for (auto& t : contents.inputs) {
    if (t.input.buttons && !firstClick) firstClick = t.tick;
    t.input.buttons = 0;
  }
  ASSERT_GT(firstClick, 0u);
  auto replayed = record::replayLog(contents, *loaded.scenario);
  ASSERT_TRUE(replayed.ok());
  EXPECT_FALSE(replayed->verified);
  ASSERT_TRUE(replayed->divergedAt);
  EXPECT_GE(*replayed->divergedAt, firstClick);
  EXPECT_LE(*replayed->divergedAt, firstClick + 120);  // by the next checkpoint (1 s)
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
