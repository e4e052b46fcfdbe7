#include <practicum/scene/mesh.hpp>

#include <algorithm>

namespace practicum::scene {

Bounds computeBounds(const MeshData& mesh) {
  if (mesh.positions.empty()) return {};
  Bounds b{mesh.positions.front(), mesh.positions.front()};
  for (const auto& p : mesh.positions) {
    b.min = {std::min(b.min.x, p.x), std::min(b.min.y, p.y), std::min(b.min.z, p.z)};
    b.max = {std::max(b.max.x, p.x), std::max(b.max.y, p.y), std::max(b.max.z, p.z)};
  }
  return b;
}

Bounds merge(const Bounds& a, const Bounds& b) {
  return {{std::min(a.min.x, b.min.x), std::min(a.min.y, b.min.y), std::min(a.min.z, b.min.z)},
          {std::max(a.max.x, b.max.x), std::max(a.max.y, b.max.y), std::max(a.max.z, b.max.z)}};
}

}  // namespace practicum::scene
