#include <practicum/interaction/zones.hpp>

#include <cmath>

namespace practicum::interaction {

namespace {
bool inside(const scenario::ZoneDef& z, core::Vec3 p) {
  return std::abs(p.x - z.center.x) <= z.halfExtents.x &&
         std::abs(p.y - z.center.y) <= z.halfExtents.y &&
         std::abs(p.z - z.center.z) <= z.halfExtents.z;
}
}  // namespace

void Zones::update(core::Vec3 learner, std::span<const core::Vec3> bodies) {
  for (std::size_t i = 0; i < defs_.size(); ++i) {
    const auto& z = defs_[i];
    std::uint32_t n = 0;
    if (z.detects == scenario::ZoneDetects::Learner) {
      n = inside(z, learner) ? 1 : 0;
    } else {
      for (const core::Vec3& b : bodies) n += inside(z, b) ? 1 : 0;
    }
    counts_[i] = n;
  }
}

void Zones::hash(core::Fnv1a64& h) const {
  for (std::uint32_t c : counts_) h.u32(c);
}

}  // namespace practicum::interaction
