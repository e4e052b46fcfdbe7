#include <gtest/gtest.h>

#include <cmath>

#include <practicum/assets/primitives.hpp>

#include "assets_test_util.hpp"

namespace practicum {
namespace {

using core::Vec3;

// every triangle of a convex mesh centred at the origin faces away from the centre, and its
// corners' normals agree with it; all indices in range, normals of unit length
void expectOutwardCcw(const scene::MeshData& mesh) {
  ASSERT_EQ(mesh.normals.size(), mesh.positions.size());
  ASSERT_EQ(mesh.indices.size() % 3, 0u);
  for (const auto i : mesh.indices) ASSERT_LT(i, mesh.positions.size());
  for (const auto& n : mesh.normals) EXPECT_NEAR(core::length(n), 1.0f, 1e-5f);
  for (std::size_t t = 0; t < mesh.indices.size(); t += 3) {
    const Vec3 a = mesh.positions[mesh.indices[t]];
    const Vec3 b = mesh.positions[mesh.indices[t + 1]];
    const Vec3 c = mesh.positions[mesh.indices[t + 2]];
    const Vec3 face = core::cross(b - a, c - a);
    ASSERT_GT(core::length(face), 0.0f) << mesh.name << ": degenerate triangle " << t / 3;
    const Vec3 centroid = (a + b + c) * (1.0f / 3.0f);
    EXPECT_GT(core::dot(face, centroid), 0.0f)
        << mesh.name << ": triangle " << t / 3 << " faces inwards";
    for (int k = 0; k < 3; ++k)
      EXPECT_GT(core::dot(face, mesh.normals[mesh.indices[t + k]]), 0.0f)
          << mesh.name << ": triangle " << t / 3 << " disagrees with its vertex normals";
  }
}

void expectBounds(const scene::MeshData& mesh, Vec3 lo, Vec3 hi, float tol = 1e-5f) {
  const auto b = scene::computeBounds(mesh);
  EXPECT_NEAR(b.min.x, lo.x, tol);
  EXPECT_NEAR(b.min.y, lo.y, tol);
  EXPECT_NEAR(b.min.z, lo.z, tol);
  EXPECT_NEAR(b.max.x, hi.x, tol);
  EXPECT_NEAR(b.max.y, hi.y, tol);
  EXPECT_NEAR(b.max.z, hi.z, tol);
}

TEST(Primitives, BoxCountsBoundsWindingVolume) {
  const Vec3 h{0.5f, 1.0f, 2.0f};
  const auto box = assets::makeBox(h);
  EXPECT_EQ(box.vertexCount(), 24u);
  EXPECT_EQ(box.triangleCount(), 12u);
  expectBounds(box, -h, h);
  expectOutwardCcw(box);
  EXPECT_NEAR(test::signedVolume(box), 8.0 * 0.5 * 1.0 * 2.0, 1e-5);
}

TEST(Primitives, SphereCountsBoundsWindingVolume) {
  const int segments = 32, rings = 16;
  const auto sphere = assets::makeSphere(0.25f, segments, rings);
  // one ring of vertices per latitude (poles included); the triangles collapsed at the poles
  // are left out
  EXPECT_EQ(sphere.vertexCount(), std::size_t(segments * (rings + 1)));
  EXPECT_EQ(sphere.triangleCount(), std::size_t(2 * segments * (rings - 1)));
  expectBounds(sphere, {-0.25f, -0.25f, -0.25f}, {0.25f, 0.25f, 0.25f});
  expectOutwardCcw(sphere);
  for (std::size_t v = 0; v < sphere.vertexCount(); ++v) {
    EXPECT_NEAR(core::length(sphere.positions[v]), 0.25f, 1e-6f);
    EXPECT_GT(core::dot(sphere.normals[v], sphere.positions[v]), 0.249f);
  }
  // a polyhedron inscribed in the sphere: a little less than 4/3 pi r^3
  const double exact = 4.0 / 3.0 * M_PI * 0.25 * 0.25 * 0.25;
  EXPECT_LT(test::signedVolume(sphere), exact);
  EXPECT_GT(test::signedVolume(sphere), 0.97 * exact);
}

TEST(Primitives, CylinderCountsBoundsWindingVolume) {
  const int segments = 24;
  const auto cyl = assets::makeCylinder(0.1f, 0.4f, segments);
  // top cap, side and bottom cap: two rings each; a cap has one triangle per segment
  EXPECT_EQ(cyl.vertexCount(), std::size_t(6 * segments));
  EXPECT_EQ(cyl.triangleCount(), std::size_t(4 * segments));
  expectBounds(cyl, {-0.1f, -0.2f, -0.1f}, {0.1f, 0.2f, 0.1f});
  expectOutwardCcw(cyl);
  // inscribed prism: n/2 r^2 sin(2 pi / n) h
  const double prism = segments / 2.0 * 0.01 * std::sin(2 * M_PI / segments) * 0.4;
  EXPECT_NEAR(test::signedVolume(cyl), prism, 1e-6);
  // caps face straight up and down, the side straight out
  for (std::size_t v = 0; v < cyl.vertexCount(); ++v) {
    const Vec3 n = cyl.normals[v];
    const bool cap = std::abs(n.y) > 0.999f;
    const bool side = std::abs(n.y) < 1e-6f;
    EXPECT_TRUE(cap || side);
  }
}

TEST(Primitives, CapsuleCountsBoundsWindingVolume) {
  const int segments = 16, rings = 6;
  const auto cap = assets::makeCapsule(0.2f, 1.0f, segments, rings);
  // `rings` latitude steps per hemisphere, plus the cylindrical band between the two equators
  EXPECT_EQ(cap.vertexCount(), std::size_t(2 * (rings + 1) * segments));
  EXPECT_EQ(cap.triangleCount(), std::size_t(4 * segments * rings));
  expectBounds(cap, {-0.2f, -0.7f, -0.2f}, {0.2f, 0.7f, 0.2f});
  expectOutwardCcw(cap);
  const double exact = M_PI * 0.04 * 1.0 + 4.0 / 3.0 * M_PI * 0.008;
  EXPECT_LT(test::signedVolume(cap), exact);
  EXPECT_GT(test::signedVolume(cap), 0.95 * exact);
}

TEST(Primitives, MakePrimitiveFollowsTheShape) {
  scene::Shape box;
  box.kind = scene::ShapeKind::Box;
  box.halfExtents = {1, 2, 3};
  expectBounds(assets::makePrimitive(box), {-1, -2, -3}, {1, 2, 3});

  scene::Shape sphere;
  sphere.kind = scene::ShapeKind::Sphere;
  sphere.radius = 0.3f;
  expectBounds(assets::makePrimitive(sphere), {-0.3f, -0.3f, -0.3f}, {0.3f, 0.3f, 0.3f});

  scene::Shape capsule;
  capsule.kind = scene::ShapeKind::Capsule;
  capsule.radius = 0.1f;
  capsule.height = 0.5f;
  expectBounds(assets::makePrimitive(capsule), {-0.1f, -0.35f, -0.1f}, {0.1f, 0.35f, 0.1f});

  scene::Shape cylinder;
  cylinder.kind = scene::ShapeKind::Cylinder;
  cylinder.radius = 0.1f;
  cylinder.height = 0.5f;
  expectBounds(assets::makePrimitive(cylinder), {-0.1f, -0.25f, -0.1f}, {0.1f, 0.25f, 0.1f});

  scene::Shape hull;
  hull.kind = scene::ShapeKind::ConvexHull;
  EXPECT_EQ(assets::makePrimitive(hull).vertexCount(), 0u);
  scene::Shape tri;
  tri.kind = scene::ShapeKind::TriangleMesh;
  EXPECT_EQ(assets::makePrimitive(tri).triangleCount(), 0u);
}

TEST(Primitives, TooFewSegmentsAreRaisedToAMinimum) {
  const auto sphere = assets::makeSphere(1.0f, 1, 0);
  EXPECT_EQ(sphere.vertexCount(), 3u * 3u);  // 3 segments, 2 rings
  expectOutwardCcw(sphere);
  expectOutwardCcw(assets::makeCylinder(1.0f, 1.0f, 0));
  expectOutwardCcw(assets::makeCapsule(1.0f, 1.0f, 2, 0));
}

}  // namespace
}  // namespace practicum
