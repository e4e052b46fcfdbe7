// The review's playback: any tick of a logged session can be reached, forward or backward, and
// its state is exactly the recorded session's at that tick.
#include <gtest/gtest.h>

#include <filesystem>
#include <vector>

#include <practicum/record/playback.hpp>
#include <practicum/record/recorder.hpp>
#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>

#include "log_test_util.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

TEST(Playback, SeeksForwardAndBackToTheRecordedStates) {
  const auto dir = makeTempDir("playback");
  const fs::path scenarioDir = sourceDir() / "scenarios" / "substation-switching";
  auto loaded = scenario::loadScenario(scenarioDir);
  ASSERT_TRUE(loaded.ok());
  const auto run = scenario::loadRunFile(scenarioDir / "runs" / "perfect.json");
  ASSERT_TRUE(run.run);

  // live: play, record, and keep the state hash of every tick
  const fs::path file = dir / "session.plog";
  sim::SessionOptions options;
  options.mode = run.run->exam ? sim::Mode::Exam : sim::Mode::Practice;
  options.seed = run.run->seed;
  auto fresh = sim::Session::create(*loaded.scenario, options);
  ASSERT_TRUE(fresh.ok());
  std::vector<std::uint64_t> hashes{(*fresh)->stateHash()};  // tick 0
  auto session =
      record::test::playAndRecord(*loaded.scenario, *run.run, file,
                                  [&](const sim::Session& s) { hashes.push_back(s.stateHash()); });
  ASSERT_TRUE(session.ok()) << session.error().message;
  const std::uint64_t endHash = (*session)->stateHash();

  record::VerifyReport report;
  const record::LogContents log = record::readLog(file, report);
  ASSERT_TRUE(report.ok) << report.message;
  auto playback = record::Playback::create(log, *loaded.scenario);
  ASSERT_TRUE(playback.ok()) << playback.error().message;
  record::Playback& p = **playback;
  EXPECT_EQ(p.lastTick(), hashes.size() - 1);

  // forward in jumps, back to the middle, to the start, and to the end
  const std::uint64_t last = p.lastTick();
  for (const std::uint64_t tick : {last / 4, last / 2, last / 3, std::uint64_t{0}, last - 1}) {
    ASSERT_TRUE(p.seek(tick).ok());
    ASSERT_EQ(p.session().tick(), tick) << "of " << last;
    EXPECT_EQ(p.session().stateHash(), hashes[tick]) << "at tick " << tick;
  }
  EXPECT_EQ(p.restarts(), 2u) << last;   // back to a third, and to the start
  ASSERT_TRUE(p.seek(last + 100).ok());  // clamped to the end, where the session ended
  EXPECT_EQ(p.session().tick(), last);
  EXPECT_TRUE(p.session().ended());
  EXPECT_EQ(p.session().stateHash(), endHash);
  EXPECT_EQ(p.session().events(), log.events);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace practicum::test
