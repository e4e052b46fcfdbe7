// physics_hash_probe [ticks] [heap-noise]: builds the mixed test scene and prints the physics
// state hash after each tick, one 16-digit hex line per tick. heap-noise > 0 first fragments
// the heap so that Bullet's allocations land at different relative addresses than in a clean
// process; the hashes must not change.
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

#include <practicum/core/hash.hpp>

#include "mixed_scene.hpp"

int main(int argc, char** argv) {
  const int ticks = argc > 1 ? std::atoi(argv[1]) : 1200;
  const int noise = argc > 2 ? std::atoi(argv[2]) : 0;

  // fragment the heap: keep every other block of varying sizes alive
  std::vector<std::unique_ptr<char[]>> keep;
  for (int i = 0; i < noise; ++i) {
    auto block = std::make_unique<char[]>(static_cast<std::size_t>(16 + (i * 37) % 500));
    if (i % 2 == 0) keep.push_back(std::move(block));
  }

  const auto hashes = practicum::physics::test::mixedSceneHashes(ticks);
  char buffer[17];
  for (std::uint64_t h : hashes) {
    const auto hex = practicum::core::toHex(h, buffer);
    std::printf("%.*s\n", static_cast<int>(hex.size()), hex.data());
  }
  return 0;
}
