// Every run file of every shipped scenario produces its expected outcome, and playing a run
// twice gives identical events and state hashes at every tick.
#include <gtest/gtest.h>

#include <filesystem>

#include <practicum/scenario/run_file.hpp>
#include <practicum/sim/bot.hpp>
#include <practicum/sim/session.hpp>

#include "test_support.hpp"

namespace practicum::test {
namespace {

namespace fs = std::filesystem;

// (scenario folder, run file) for every runs/*.json under scenarios/
std::vector<std::pair<fs::path, fs::path>> discoverRuns() {
  std::vector<std::pair<fs::path, fs::path>> runs;
  for (const auto& scenario : fs::directory_iterator(sourceDir() / "scenarios")) {
    const fs::path dir = scenario.path() / "runs";
    if (!fs::is_directory(dir)) continue;
    for (const auto& run : fs::directory_iterator(dir))
      if (run.path().extension() == ".json") runs.emplace_back(scenario.path(), run.path());
  }
  std::sort(runs.begin(), runs.end());
  return runs;
}

struct Played {
  std::vector<std::uint64_t> hashes;  // after every tick
  std::vector<procedure::Event> events;
  procedure::SessionResult result;
};

Played play(const fs::path& scenario, const scenario::RunFile& run) {
  Played out;
  sim::SessionOptions options;
  options.mode = run.exam ? sim::Mode::Exam : sim::Mode::Practice;
  options.seed = run.seed;
  auto session = sim::Session::load(scenario, options);
  EXPECT_TRUE(session.ok()) << (session.ok() ? "" : session.error().message);
  if (!session.ok()) return out;
  auto bot = sim::Bot::create(run, **session);
  EXPECT_TRUE(bot.ok()) << (bot.ok() ? "" : bot.error().message);
  if (!bot.ok()) return out;
  auto played = bot->play(
      [&](const sim::Session& s, const sim::InputRecord&) { out.hashes.push_back(s.stateHash()); });
  EXPECT_TRUE(played.ok()) << (played.ok() ? "" : played.error().message);
  if (!(*session)->ended()) (*session)->stop();
  out.events = (*session)->events();
  out.result = (*session)->result();
  return out;
}

TEST(ShippedRuns, ThereAreRunsToCheck) {
  // the substation scenario ships a perfect run and at least four mistakes
  std::size_t substation = 0;
  for (const auto& [scenario, run] : discoverRuns())
    substation += scenario.filename() == "substation-switching";
  EXPECT_GE(substation, 5u);
}

TEST(ShippedRuns, EveryRunProducesItsExpectedOutcome) {
  for (const auto& [scenario, file] : discoverRuns()) {
    SCOPED_TRACE(file.string());
    const auto loaded = scenario::loadRunFile(file);
    for (const auto& d : loaded.diagnostics) ADD_FAILURE() << d.format();
    ASSERT_TRUE(loaded.run);
    // a shipped run states its whole outcome
    EXPECT_TRUE(loaded.run->expect.score && loaded.run->expect.passed &&
                loaded.run->expect.violations && loaded.run->expect.end);
    const Played p = play(scenario, *loaded.run);
    for (const auto& m : sim::compareWithExpectation(loaded.run->expect, p.result, p.events))
      ADD_FAILURE() << m;
    EXPECT_FALSE(p.hashes.empty());
  }
}

TEST(ShippedRuns, PlayingTwiceGivesIdenticalEventsAndHashes) {
  for (const auto& [scenario, file] : discoverRuns()) {
    SCOPED_TRACE(file.string());
    const auto loaded = scenario::loadRunFile(file);
    ASSERT_TRUE(loaded.run);
    const Played a = play(scenario, *loaded.run);
    const Played b = play(scenario, *loaded.run);
    EXPECT_EQ(a.hashes, b.hashes);
    EXPECT_EQ(a.events, b.events);
  }
}

}  // namespace
}  // namespace practicum::test
