#include <practicum/assets/primitives.hpp>

#include <algorithm>
#include <cmath>

namespace practicum::assets {

namespace {

using core::Vec3;

// one point of a profile curve in the (radius, y) half-plane, with its normal there
struct ProfilePoint {
  float r, y;    // distance from the Y axis, height
  float nr, ny;  // normal: radial and vertical components
};

// Sweeps a profile around the Y axis into a strip of triangles. The profile must run so that
// the outward side is on its left when walking along it seen from +phi: top to bottom for
// side walls, centre to rim for a top cap, rim to centre for a bottom cap. Triangles that
// collapse where the profile touches the axis are left out.
void revolve(scene::MeshData& mesh, const std::vector<ProfilePoint>& profile, int segments) {
  const auto base = static_cast<std::uint32_t>(mesh.positions.size());
  const auto seg = static_cast<std::uint32_t>(segments);
  // vertices: one ring per profile point, phi from +Z towards +X
  for (const auto& p : profile) {
    for (int j = 0; j < segments; ++j) {
      const float phi = 2.0f * core::kPi * static_cast<float>(j) / static_cast<float>(segments);
      const float s = std::sin(phi), c = std::cos(phi);
      mesh.positions.push_back({p.r * s, p.y, p.r * c});
      mesh.normals.push_back(core::normalize(Vec3{p.nr * s, p.ny, p.nr * c}));
    }
  }
  // two triangles per quad between consecutive rings, counter-clockwise seen from outside
  for (std::uint32_t i = 0; i + 1 < profile.size(); ++i) {
    const bool topOnAxis = profile[i].r == 0.0f;
    const bool bottomOnAxis = profile[i + 1].r == 0.0f;
    for (std::uint32_t j = 0; j < seg; ++j) {
      const std::uint32_t a = base + i * seg + j;
      const std::uint32_t b = base + (i + 1) * seg + j;
      const std::uint32_t c = base + (i + 1) * seg + (j + 1) % seg;
      const std::uint32_t d = base + i * seg + (j + 1) % seg;
      if (!bottomOnAxis) mesh.indices.insert(mesh.indices.end(), {a, b, c});
      if (!topOnAxis) mesh.indices.insert(mesh.indices.end(), {a, c, d});
    }
  }
}

// points of a circular arc of `radius` centred at height yCentre, polar angle from theta0 to
// theta1 (0 = straight up), in `steps` steps
void appendArc(std::vector<ProfilePoint>& profile, float radius, float yCentre, float theta0,
               float theta1, int steps) {
  for (int i = 0; i <= steps; ++i) {
    const float theta =
        theta0 + (theta1 - theta0) * static_cast<float>(i) / static_cast<float>(steps);
    // exact values at the poles and the equator keep bounds and pole detection exact
    float s = std::sin(theta), c = std::cos(theta);
    if (theta == 0.0f) s = 0, c = 1;
    if (theta == core::kPi) s = 0, c = -1;
    if (theta == core::kPi / 2) s = 1, c = 0;
    profile.push_back({radius * s, yCentre + radius * c, s, c});
  }
}

}  // namespace

scene::MeshData makeBox(Vec3 halfExtents) {
  scene::MeshData mesh;
  mesh.name = "box";
  // each face: normal n, in-plane axes u and v = n x u, so that u x v = n (CCW seen from n)
  const Vec3 normals[6] = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
  const Vec3 tangents[6] = {{0, 1, 0}, {0, 1, 0}, {0, 0, 1}, {0, 0, 1}, {1, 0, 0}, {1, 0, 0}};
  for (int f = 0; f < 6; ++f) {
    const Vec3 n = normals[f], u = tangents[f], v = core::cross(n, u);
    const auto base = static_cast<std::uint32_t>(mesh.positions.size());
    const float corners[4][2] = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
    for (const auto& k : corners) {
      mesh.positions.push_back(core::mul(n + u * k[0] + v * k[1], halfExtents));
      mesh.normals.push_back(n);
    }
    mesh.indices.insert(mesh.indices.end(), {base, base + 1, base + 2, base, base + 2, base + 3});
  }
  return mesh;
}

scene::MeshData makeSphere(float radius, int segments, int rings) {
  segments = std::max(segments, 3);
  rings = std::max(rings, 2);
  scene::MeshData mesh;
  mesh.name = "sphere";
  std::vector<ProfilePoint> profile;
  appendArc(profile, radius, 0, 0, core::kPi, rings);
  revolve(mesh, profile, segments);
  return mesh;
}

scene::MeshData makeCylinder(float radius, float height, int segments) {
  segments = std::max(segments, 3);
  const float h = height / 2;
  scene::MeshData mesh;
  mesh.name = "cylinder";
  revolve(mesh, {{0, h, 0, 1}, {radius, h, 0, 1}}, segments);        // top cap
  revolve(mesh, {{radius, h, 1, 0}, {radius, -h, 1, 0}}, segments);  // side
  revolve(mesh, {{radius, -h, 0, -1}, {0, -h, 0, -1}}, segments);    // bottom cap
  return mesh;
}

scene::MeshData makeCapsule(float radius, float height, int segments, int rings) {
  // `rings` counts the latitude steps of each hemisphere
  segments = std::max(segments, 3);
  rings = std::max(rings, 1);
  const float h = height / 2;
  scene::MeshData mesh;
  mesh.name = "capsule";
  std::vector<ProfilePoint> profile;
  appendArc(profile, radius, h, 0, core::kPi / 2, rings);
  appendArc(profile, radius, -h, core::kPi / 2, core::kPi, rings);
  revolve(mesh, profile, segments);
  return mesh;
}

scene::MeshData makePrimitive(const scene::Shape& shape) {
  switch (shape.kind) {
    case scene::ShapeKind::Box: return makeBox(shape.halfExtents);
    case scene::ShapeKind::Sphere: return makeSphere(shape.radius);
    case scene::ShapeKind::Capsule: return makeCapsule(shape.radius, shape.height);
    case scene::ShapeKind::Cylinder: return makeCylinder(shape.radius, shape.height);
    case scene::ShapeKind::ConvexHull:
    case scene::ShapeKind::TriangleMesh: return {};
  }
  return {};
}

}  // namespace practicum::assets
