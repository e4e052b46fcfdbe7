// Shapes: every primitive, hulls and triangle meshes fall, land and rest where they should.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include <practicum/physics/world.hpp>

#include "mixed_scene.hpp"

namespace practicum::physics {
namespace {

using core::Vec3;
using scene::BodyType;
using scene::ShapeKind;

float speed(Vec3 v) { return core::length(v); }

// steps until the body sleeps or `seconds` pass; true if it came to rest
bool settle(World& world, BodyId id, double seconds) {
  const int ticks = static_cast<int>(seconds / world.tickSeconds());
  for (int t = 0; t < ticks; ++t) {
    world.step();
    const BodyState s = world.state(id);
    if (world.isSleeping(id) ||
        (t > 60 && speed(s.linearVelocity) < 1e-3f && speed(s.angularVelocity) < 1e-3f))
      return true;
  }
  return false;
}

struct PrimitiveCase {
  std::string name;
  scene::Shape shape;
  core::Quat rotation;
  float restHeight;  // centre height above the floor top (y = 0)
};

class PrimitiveRests : public ::testing::TestWithParam<PrimitiveCase> {};

TEST_P(PrimitiveRests, FallsOntoFloorAndSleepsAtExpectedHeight) {
  const PrimitiveCase& c = GetParam();
  World world;
  test::addFloor(world);
  BodyDesc d;
  d.shape = c.shape;
  d.transform.position = {0, 2.0f, 0};
  d.transform.rotation = c.rotation;
  auto id = world.addBody(d);
  ASSERT_TRUE(id.ok()) << id.error().message;

  ASSERT_TRUE(settle(world, *id, 5.0)) << c.name << " did not come to rest in 5 s";
  const BodyState s = world.state(*id);
  EXPECT_NEAR(s.position.y, c.restHeight, 0.02f) << c.name;
  EXPECT_NEAR(s.position.x, 0.0f, 0.05f) << c.name;
  EXPECT_NEAR(s.position.z, 0.0f, 0.05f) << c.name;
  EXPECT_LT(speed(s.linearVelocity), 0.05f) << c.name;
}

INSTANTIATE_TEST_SUITE_P(
    Physics, PrimitiveRests,
    ::testing::Values(PrimitiveCase{"box", {ShapeKind::Box, {0.4f, 0.25f, 0.3f}, 0, 0}, {}, 0.25f},
                      PrimitiveCase{"sphere", {ShapeKind::Sphere, {}, 0.5f, 0}, {}, 0.5f},
                      // lying on its side: rests on the cylindrical part
                      PrimitiveCase{"capsule",
                                    {ShapeKind::Capsule, {}, 0.3f, 1.0f},
                                    core::quatFromAxisAngle({0, 0, 1}, core::kPi / 2),
                                    0.3f},
                      // upright: rests on a cap
                      PrimitiveCase{"cylinder", {ShapeKind::Cylinder, {}, 0.4f, 0.6f}, {}, 0.3f}),
    [](const ::testing::TestParamInfo<PrimitiveCase>& param) { return param.param.name; });

TEST(PhysicsShapes, SphereWithSidewaysVelocityRolls) {
  World world;
  test::addFloor(world, 50.0f);
  BodyDesc d;
  d.shape.kind = ShapeKind::Sphere;
  d.shape.radius = 0.5f;
  d.transform.position = {0, 0.5f, 0};
  d.body.linearVelocity = {2.0f, 0, 0};
  auto id = world.addBody(d);
  ASSERT_TRUE(id.ok()) << id.error().message;
  for (int t = 0; t < 120; ++t) world.step();

  const BodyState s = world.state(*id);
  EXPECT_GT(s.position.x, 1.0f) << "the sphere should have travelled";
  EXPECT_NEAR(s.position.y, 0.5f, 0.02f);
  EXPECT_GT(s.linearVelocity.x, 0.5f);
  // rolling without slipping: the contact point is at rest, w_z * r = -v_x
  EXPECT_NEAR(s.angularVelocity.z * 0.5f, -s.linearVelocity.x, 0.05f * s.linearVelocity.x);
  EXPECT_FALSE(world.isSleeping(*id));
}

TEST(PhysicsShapes, ConvexHullOctahedronFallsAndRests) {
  World world;
  test::addFloor(world);
  const scene::MeshData octa = test::makeOctahedron(0.5f);
  BodyDesc d;
  d.shape.kind = ShapeKind::ConvexHull;
  d.meshes = {&octa, 1};
  d.transform.position = {0, 2.0f, 0};
  d.transform.rotation = core::quatFromEulerDegrees({20, 10, 30});
  auto id = world.addBody(d);
  ASSERT_TRUE(id.ok()) << id.error().message;

  ASSERT_TRUE(settle(world, *id, 6.0)) << "hull did not come to rest";
  // an octahedron rests on a face: centre at r / sqrt(3) (+ the hull's 1 cm margin)
  const float expected = 0.5f / std::sqrt(3.0f) + 0.01f;
  EXPECT_NEAR(world.state(*id).position.y, expected, 0.02f);
}

TEST(PhysicsShapes, ConvexHullBakesScale) {
  World world;
  test::addFloor(world);
  // a tetrahedron on its flat base, 0.5 tall, scaled by 2 in Y: the apex ray hit moves up
  const scene::MeshData tetra = test::makeTetrahedron(0.4f, 0.5f);
  BodyDesc d;
  d.shape.kind = ShapeKind::ConvexHull;
  d.meshes = {&tetra, 1};
  d.body.type = BodyType::Static;
  d.transform.scale = {1, 2, 1};
  auto id = world.addBody(d);
  ASSERT_TRUE(id.ok()) << id.error().message;
  auto hit = world.raycast({0, 5, 0}, {0, -5, 0});
  ASSERT_TRUE(hit.has_value());
  EXPECT_EQ(hit->body, *id);
  EXPECT_NEAR(hit->point.y, 1.0f, 0.02f);
}

TEST(PhysicsShapes, BoxRestsOnStaticTriangleMesh) {
  World world;
  const scene::MeshData quad = test::makeQuad(5.0f, 0.0f);
  BodyDesc ground;
  ground.shape.kind = ShapeKind::TriangleMesh;
  ground.body.type = BodyType::Static;
  ground.meshes = {&quad, 1};
  auto groundId = world.addBody(ground);
  ASSERT_TRUE(groundId.ok()) << groundId.error().message;

  BodyDesc box;
  box.shape.halfExtents = {0.25f, 0.25f, 0.25f};
  box.transform.position = {0.5f, 2.0f, -0.3f};
  auto id = world.addBody(box);
  ASSERT_TRUE(id.ok()) << id.error().message;
  ASSERT_TRUE(settle(world, *id, 5.0));
  EXPECT_NEAR(world.state(*id).position.y, 0.25f, 0.02f);
}

TEST(PhysicsShapes, DynamicTriangleMeshIsRejected) {
  World world;
  const scene::MeshData quad = test::makeQuad(1.0f, 0.0f);
  BodyDesc d;
  d.shape.kind = ShapeKind::TriangleMesh;
  d.body.type = BodyType::Dynamic;
  d.meshes = {&quad, 1};
  auto id = world.addBody(d);
  ASSERT_FALSE(id.ok());
  EXPECT_EQ(id.error().code, core::ErrorCode::InvalidArgument);
  EXPECT_NE(id.error().message.find("triangle mesh"), std::string::npos) << id.error().message;
  EXPECT_TRUE(world.bodies().empty());
}

TEST(PhysicsShapes, KinematicBodyFollowsPoseAndPushes) {
  World world;
  test::addFloor(world);
  BodyDesc pusher;
  pusher.shape.halfExtents = {0.2f, 0.5f, 1.0f};
  pusher.body.type = BodyType::Kinematic;
  pusher.transform.position = {-1.0f, 0.5f, 0};
  auto k = world.addBody(pusher);
  ASSERT_TRUE(k.ok());
  BodyDesc box;
  box.shape.halfExtents = {0.25f, 0.25f, 0.25f};
  box.transform.position = {0.0f, 0.25f, 0};
  auto b = world.addBody(box);
  ASSERT_TRUE(b.ok());
  // sweep the pusher along +x at 1 m/s for 1.5 s
  for (int t = 1; t <= 180; ++t) {
    world.setPose(*k, {-1.0f + static_cast<float>(t) / 120.0f, 0.5f, 0}, {});
    world.step();
  }
  EXPECT_NEAR(world.state(*k).position.x, 0.5f, 1e-5f);
  EXPECT_NEAR(world.state(*k).linearVelocity.x, 1.0f, 1e-3f) << "kinematic velocity from moves";
  EXPECT_GT(world.state(*b).position.x, 0.6f) << "the box should have been pushed";
}

}  // namespace
}  // namespace practicum::physics
