#pragma once
/// A btDbvtBroadphase whose tree layout does not depend on heap addresses.
#include <BulletCollision/BroadphaseCollision/btDbvtBroadphase.h>

namespace practicum::physics::detail {

/// Stock Bullet's btDbvt::optimizeIncremental() rotates tree nodes depending on a comparison of
/// node *pointers* (`if (p > n)` in btDbvt.cpp's sort()). The tree layout then depends on
/// where malloc put the nodes, which changes the order pairs are found and stored in, and with
/// it which stale pairs the incremental clean-up drops when, and so island merging, sleeping
/// and solver order. This subclass runs the same per-step broadphase work (Bullet 3.24's
/// btDbvtBroadphase::collide) with the pointer comparison left out of the incremental
/// optimisation, so the same sequence of calls gives the same pair order in any process.
class DeterministicBroadphase final : public btDbvtBroadphase {
 public:
  /// Finds new pairs and drops stale ones, as btDbvtBroadphase does, deterministically.
  void calculateOverlappingPairs(btDispatcher* dispatcher) override;

 private:
  void collideDeterministic(btDispatcher* dispatcher);
};

}  // namespace practicum::physics::detail
