#pragma once
/// Triangle meshes as plain data, shared by assets (which make them), physics (hulls and
/// triangle meshes) and rendering (vertex buffers).
#include <cstdint>
#include <string>
#include <vector>

#include <practicum/core/math.hpp>

namespace practicum::scene {

/// Axis-aligned box.
struct Bounds {
  core::Vec3 min;
  core::Vec3 max;
};

/// An indexed triangle list with per-vertex normals (same count as positions).
struct MeshData {
  std::string name;
  std::vector<core::Vec3> positions;
  std::vector<core::Vec3> normals;
  std::vector<std::uint32_t> indices;  ///< 3 per triangle, each < positions.size()
  std::uint32_t material = 0;          ///< index into the owning model's materials

  std::size_t vertexCount() const { return positions.size(); }
  std::size_t triangleCount() const { return indices.size() / 3; }
};

/// Bounds of a mesh's positions (zero box when empty).
Bounds computeBounds(const MeshData& mesh);
/// Smallest box enclosing both.
Bounds merge(const Bounds& a, const Bounds& b);

}  // namespace practicum::scene
