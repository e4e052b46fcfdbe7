// Determinism is a contract: the same build, scenario and inputs give the same state hash at
// every tick — within one process, across processes, and a changed input changes it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <practicum/core/hash.hpp>
#include <practicum/sim/session.hpp>
#include <practicum/sim/simulation.hpp>

#include "run_process.hpp"
#include "test_support.hpp"

namespace practicum::test {
namespace {

constexpr double kSeconds = 10.0;

// "tick hash" lines, as `practicum run --hash-log` writes them
std::vector<std::string> simulateInProcess(int impulseTick = -1) {
  auto sim = sim::Simulation::load(scenarioDir("workbench"));
  EXPECT_TRUE(sim.ok()) << (sim.ok() ? "" : sim.error().message);
  if (!sim.ok()) return {};
  // the changed input: a push on the first crate
  std::size_t crate = 0;
  for (std::size_t i = 0; i < (*sim)->entityCount(); ++i)
    if ((*sim)->definition().scene.entities[i].name == "crate-1") crate = i;
  std::vector<std::string> lines;
  const auto ticks = static_cast<std::uint64_t>(kSeconds / (*sim)->tickSeconds() + 0.5);
  while ((*sim)->tick() < ticks) {
    if (static_cast<int>((*sim)->tick()) == impulseTick)
      (*sim)->physics().applyImpulse((*sim)->entityBody(crate), {0.5f, 0, 0});
    (*sim)->step();
    char hex[17];
    lines.push_back(std::to_string((*sim)->tick()) + " " +
                    std::string(core::toHex((*sim)->stateHash(), hex)));
  }
  return lines;
}

std::vector<std::string> readLines(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

TEST(Determinism, SameScenarioTwiceInOneProcessGivesIdenticalHashesEveryTick) {
  const auto a = simulateInProcess();
  const auto b = simulateInProcess();
  ASSERT_EQ(a.size(), 1200u);
  EXPECT_EQ(a, b);
}

// what `practicum run --hash-log` writes: the session's hash with the idle learner's input
std::vector<std::string> sessionInProcess() {
  auto session = sim::Session::load(scenarioDir("workbench"));
  EXPECT_TRUE(session.ok());
  if (!session.ok()) return {};
  sim::Session& s = **session;
  const auto& cam = s.definition().scene.camera;
  sim::InputRecord idle;
  idle.cameraPosition = idle.pointerOrigin = cam.position;
  idle.cameraForward = idle.pointerDirection = core::normalize(cam.target - cam.position);
  std::vector<std::string> lines;
  const auto ticks = static_cast<std::uint64_t>(kSeconds / s.tickSeconds() + 0.5);
  while (s.tick() < ticks) {
    s.step(idle);
    char hex[17];
    lines.push_back(std::to_string(s.tick()) + " " + std::string(core::toHex(s.stateHash(), hex)));
  }
  return lines;
}

TEST(Determinism, TwoProcessesAgreeWithEachOtherAndWithThisOne) {
  const auto dir = makeTempDir("determinism");
  for (const char* name : {"a.txt", "b.txt"}) {
    const auto r = runProcess(practicumBinary() + " run " + scenarioDir("workbench").string() +
                              " --no-render --seconds 10 --hash-log " + (dir / name).string());
    ASSERT_EQ(r.exitCode, 0) << r.output;
  }
  const auto a = readLines(dir / "a.txt");
  const auto b = readLines(dir / "b.txt");
  ASSERT_EQ(a.size(), 1200u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a, sessionInProcess());
  std::filesystem::remove_all(dir);
}

TEST(Determinism, AChangedInputChangesTheHashFromThatTickOn) {
  const auto base = simulateInProcess();
  const auto pushed = simulateInProcess(100);
  ASSERT_EQ(base.size(), pushed.size());
  for (std::size_t i = 0; i < 100; ++i) EXPECT_EQ(base[i], pushed[i]) << "tick " << i + 1;
  for (std::size_t i = 100; i < base.size(); ++i) ASSERT_NE(base[i], pushed[i]) << "tick " << i + 1;
}

}  // namespace
}  // namespace practicum::test
