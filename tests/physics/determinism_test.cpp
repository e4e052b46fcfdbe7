// Determinism: the same calls give bit-identical hashes, in one process and across processes.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <practicum/core/file_io.hpp>
#include <practicum/core/hash.hpp>
#include <practicum/physics/world.hpp>

#include "mixed_scene.hpp"

namespace practicum::physics {
namespace {

constexpr int kTicks = 1200;  // 10 s at 120 Hz

TEST(PhysicsDeterminism, MixedSceneIsMovingAndHasEveryPart) {
  World world;
  const test::MixedScene scene = test::buildMixedScene(world);
  EXPECT_GE(scene.bodies.size(), 36u);
  EXPECT_EQ(scene.joints.size(), 4u);
  const BodyState before = world.state(scene.impulseTarget);
  for (int t = 0; t < 120; ++t) test::stepMixedScene(world, scene);
  EXPECT_FALSE(world.contacts().empty());
  EXPECT_LT(world.state(scene.impulseTarget).position.y, before.position.y);
}

TEST(PhysicsDeterminism, TwoWorldsInLockstepHashIdenticallyEveryTick) {
  // both worlds alive at once: their Bullet objects interleave on the heap
  World first, second;
  const test::MixedScene a = test::buildMixedScene(first);
  const test::MixedScene b = test::buildMixedScene(second);
  ASSERT_EQ(first.stateHash(), second.stateHash());
  for (int t = 0; t < kTicks; ++t) {
    test::stepMixedScene(first, a);
    test::stepMixedScene(second, b);
    ASSERT_EQ(first.stateHash(), second.stateHash()) << "diverged at tick " << first.tick();
  }
  EXPECT_EQ(first.tick(), static_cast<std::uint64_t>(kTicks));
}

TEST(PhysicsDeterminism, SequentialRunsHashIdentically) {
  const auto one = test::mixedSceneHashes(kTicks);
  const auto two = test::mixedSceneHashes(kTicks);
  ASSERT_EQ(one.size(), static_cast<std::size_t>(kTicks));
  for (int t = 0; t < kTicks; ++t) ASSERT_EQ(one[t], two[t]) << "diverged at tick " << t + 1;
}

TEST(PhysicsDeterminism, ImpulseChangesHashesFromItsTickOn) {
  constexpr std::uint64_t kKick = 100;
  const auto plain = test::mixedSceneHashes(kTicks);
  const auto kicked = test::mixedSceneHashes(kTicks, kKick);
  // hashes[i] is the state after tick i + 1; the kick lands after tick 100
  for (std::size_t i = 0; i < kKick; ++i) ASSERT_EQ(plain[i], kicked[i]) << "tick " << i + 1;
  for (std::size_t i = kKick; i < plain.size(); ++i)
    ASSERT_NE(plain[i], kicked[i]) << "tick " << i + 1;
}

// runs a command and returns its stdout lines; exit status in `status`
std::vector<std::string> runLines(const std::string& command, int& status) {
  std::vector<std::string> lines;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) {
    status = -1;
    return lines;
  }
  char buffer[256];
  std::string line;
  while (std::fgets(buffer, sizeof buffer, pipe)) {
    line += buffer;
    if (!line.empty() && line.back() == '\n') {
      line.pop_back();
      lines.push_back(line);
      line.clear();
    }
  }
  status = pclose(pipe);
  return lines;
}

TEST(PhysicsDeterminism, HashProbeProcessesMatchInProcessHashes) {
  const std::filesystem::path probe = core::executableDir() / "physics_hash_probe";
  ASSERT_TRUE(std::filesystem::exists(probe)) << probe << " not built beside the test";
  const auto expected = test::mixedSceneHashes(kTicks);

  // a clean child and one whose heap is fragmented before the world is built
  for (const char* noise : {"0", "5000"}) {
    int status = 0;
    const auto lines =
        runLines("'" + probe.string() + "' " + std::to_string(kTicks) + " " + noise, status);
    ASSERT_EQ(status, 0) << "probe failed (heap noise " << noise << ")";
    ASSERT_EQ(lines.size(), expected.size()) << "heap noise " << noise;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      char hex[17];
      ASSERT_EQ(lines[i], std::string(core::toHex(expected[i], hex)))
          << "tick " << i + 1 << ", heap noise " << noise;
    }
  }
}

}  // namespace
}  // namespace practicum::physics
