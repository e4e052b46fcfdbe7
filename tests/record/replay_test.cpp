// Every scripted run of every shipped scenario, recorded to a log, replays exactly: every
// checkpoint and every event match, and the replayed result is the live result. A session ended
// from outside (stopped, interrupted, closed) replays to its end tick and no further.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <tuple>
#include <vector>

#include <practicum/record/playback.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/record/replay.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>

#include "log_test_util.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

// Logs a 1.2 build wrote (before sessions had a behaviour) of the shipped substation scenario,
// kept as they were written: they read as behaviour 1, replay under its rules with every
// checkpoint matching, and score as they did. Scenarios already played must keep their content,
// or these logs would no longer find theirs.
TEST(Replay, LogsOfFormat12ReplayExactlyUnderTheFirstBehaviour) {
  const auto loaded = scenario::loadScenario(scenarioDir("substation-switching"));
  ASSERT_TRUE(loaded.ok());
  const std::tuple<const char*, double, procedure::EndReason> logs[] = {
      {"perfect", 100, procedure::EndReason::Completed},
      {"disconnector-under-load", 0, procedure::EndReason::Critical},
      {"skipped-lock-and-tag", 45, procedure::EndReason::Stopped}};
  for (const auto& [name, score, end] : logs) {
    SCOPED_TRACE(name);
    record::VerifyReport verify;
    const record::LogContents log = record::readLog(
        sourceDir() / "tests/record/logs-1.2" / (std::string(name) + ".plog"), verify);
    ASSERT_TRUE(verify.ok) << verify.message;
    EXPECT_EQ(log.header.behaviour, sim::kBehaviourFirst);
    EXPECT_EQ(log.header.scenarioHash, loaded.scenario->contentHash);
    const auto replay = record::replayLog(log, *loaded.scenario);
    ASSERT_TRUE(replay.ok());
    EXPECT_TRUE(replay->verified) << replay->message;
    EXPECT_GT(replay->checkpoints, 0u);
    EXPECT_EQ(replay->result.score, score);
    EXPECT_EQ(replay->result.end, end);
  }
}

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
      const fs::path log = dir / (scenarioDirEntry.path().filename().string() + "-" +
                                  runFile.path().stem().string() + ".plog");
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
  // said in both languages, at the same tick
  const std::string tick = std::to_string(*replayed->divergedAt);
  EXPECT_NE(replayed->message.find("diverged at tick " + tick), std::string::npos);
  EXPECT_NE(replayed->messageZh.find("在第 " + tick + " 个时刻出现偏差"), std::string::npos)
      << replayed->messageZh;
  EXPECT_EQ(test::untranslatedWordIn(replayed->messageZh), "") << replayed->messageZh;
  fs::remove_all(dir);
}

// A session ended from outside (stopped, interrupted by a signal, its window closed) at any tick
// replays exactly: the replay ends it at the recorded end tick, for the recorded reason, and the
// final checkpoint (taken after it ended) matches; the review's playback does the same.
class EndedFromOutside
    : public ::testing::TestWithParam<std::tuple<procedure::EndReason, std::uint64_t>> {};

TEST_P(EndedFromOutside, ReplaysExactlyAndStopsAtTheEndTick) {
  const auto [reason, endTick] = GetParam();
  const auto dir = makeTempDir("replay-outside");
  const auto folder = scenarioDir("substation-switching");
  auto loaded = scenario::loadScenario(folder);
  ASSERT_TRUE(loaded.ok());
  const auto run = scenario::loadRunFile(folder / "runs" / "perfect.json");
  ASSERT_TRUE(run.run);

  // live: the scripted learner, cut short at `endTick` as the host would on a signal
  sim::SessionOptions options;
  options.mode = run.run->exam ? sim::Mode::Exam : sim::Mode::Practice;
  options.seed = run.run->seed;
  auto session = sim::Session::create(*loaded.scenario, options);
  ASSERT_TRUE(session.ok());
  sim::Session& s = **session;
  const fs::path log = dir / "cut.plog";
  auto recorder = record::SessionRecorder::create(log, s, {});
  ASSERT_TRUE(recorder.ok()) << recorder.error().message;
  std::vector<std::uint64_t> hashes{s.stateHash()};  // of every tick, from tick 0
  auto bot = sim::Bot::create(*run.run, s);
  ASSERT_TRUE(bot.ok());
  ASSERT_TRUE(bot->play([&](const sim::Session& x, const sim::InputRecord& in) {
                   (*recorder)->afterTick(x, in);
                   hashes.push_back(x.stateHash());
                   if (x.tick() == endTick) s.stop(reason);
                 })
                  .ok());
  ASSERT_EQ(s.endReason(), reason) << "the run ended by itself before tick " << endTick;
  ASSERT_EQ(s.tick(), endTick);
  ASSERT_TRUE((*recorder)->finish(s).ok());

  // the log says so, and replays exactly to that tick and no further
  record::VerifyReport report;
  const record::LogContents contents = record::readLog(log, report);
  ASSERT_TRUE(report.ok) << report.message;
  ASSERT_TRUE(contents.end.has_value());
  EXPECT_EQ(contents.end->reason, static_cast<std::uint8_t>(reason));
  EXPECT_EQ(contents.end->tick, endTick);
  EXPECT_EQ(contents.checkpoints.back().tick, endTick);
  auto replayed = record::replayLog(contents, *loaded.scenario);
  ASSERT_TRUE(replayed.ok()) << replayed.error().message;
  EXPECT_TRUE(replayed->verified) << replayed->message;
  EXPECT_EQ(replayed->ticks, endTick);
  EXPECT_EQ(replayed->result.end, reason);
  EXPECT_DOUBLE_EQ(replayed->result.score, s.result().score);
  EXPECT_EQ(replayed->events, s.events());

  // the review: the end is the live end state, ended for the same reason
  auto playback = record::Playback::create(contents, *loaded.scenario);
  ASSERT_TRUE(playback.ok()) << playback.error().message;
  EXPECT_EQ((*playback)->lastTick(), endTick);
  for (const std::uint64_t tick : {endTick / 2, endTick + 50, std::uint64_t{1}}) {
    ASSERT_TRUE((*playback)->seek(tick).ok());
    const auto& p = (*playback)->session();
    ASSERT_EQ(p.tick(), std::min(tick, endTick));
    if (tick >= endTick) {
      EXPECT_EQ(p.endReason(), reason);
      EXPECT_EQ(p.stateHash(), s.stateHash());
      EXPECT_EQ(p.events(), contents.events);
    } else {
      EXPECT_FALSE(p.ended());
      EXPECT_EQ(p.stateHash(), hashes[tick]);
    }
  }
  fs::remove_all(dir);
}

// on a checkpoint tick (a checkpoint before and one after the end on the same tick) and off one
INSTANTIATE_TEST_SUITE_P(Reasons, EndedFromOutside,
                         ::testing::Combine(::testing::Values(procedure::EndReason::Stopped,
                                                              procedure::EndReason::Interrupted,
                                                              procedure::EndReason::Closed),
                                            ::testing::Values(std::uint64_t{240},
                                                              std::uint64_t{301})),
                         [](const ::testing::TestParamInfo<EndedFromOutside::ParamType>& p) {
                           return std::string(procedure::toString(std::get<0>(p.param))) + "_at_" +
                                  std::to_string(std::get<1>(p.param));
                         });

}  // namespace
}  // namespace practicum::test
