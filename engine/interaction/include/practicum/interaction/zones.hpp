#pragma once
/// Zones: axis-aligned volumes that count what is inside them each tick — the learner's
/// viewpoint or the centres of dynamic bodies.
#include <cstdint>
#include <span>
#include <vector>

#include <practicum/core/hash.hpp>
#include <practicum/core/math.hpp>
#include <practicum/scenario/training.hpp>

namespace practicum::interaction {

/// Occupancy of a scenario's zones. Borrows the definitions.
class Zones {
 public:
  explicit Zones(std::span<const scenario::ZoneDef> defs) : defs_(defs), counts_(defs.size(), 0) {}

  /// Recounts every zone from the learner's position and the dynamic bodies' centres.
  void update(core::Vec3 learner, std::span<const core::Vec3> bodies);
  /// How many things zone `zone` holds.
  std::uint32_t count(std::uint32_t zone) const { return counts_[zone]; }
  /// Mixes the counts into a hash.
  void hash(core::Fnv1a64& h) const;

 private:
  std::span<const scenario::ZoneDef> defs_;
  std::vector<std::uint32_t> counts_;
};

}  // namespace practicum::interaction
