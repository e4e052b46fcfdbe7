// Validation: invalid descriptions are rejected with a message, stale handles are invalid.
#include <gtest/gtest.h>

#include <limits>
#include <string>

#include <practicum/physics/world.hpp>

#include "mixed_scene.hpp"

namespace practicum::physics {
namespace {

using scene::ShapeKind;

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

void expectRejected(World& world, const BodyDesc& d, const std::string& needle) {
  auto id = world.addBody(d);
  ASSERT_FALSE(id.ok()) << "expected rejection mentioning '" << needle << "'";
  EXPECT_EQ(id.error().code, core::ErrorCode::InvalidArgument);
  EXPECT_NE(id.error().message.find(needle), std::string::npos) << id.error().message;
}

TEST(PhysicsValidation, RejectsInvalidBodies) {
  World world;
  BodyDesc d;
  d.transform.position = {0, kNaN, 0};
  expectRejected(world, d, "position");

  d = {};
  d.shape.halfExtents = {0, 1, 1};
  expectRejected(world, d, "half extents");

  d = {};
  d.shape.kind = ShapeKind::Sphere;
  d.shape.radius = -1;
  expectRejected(world, d, "radius");

  d = {};
  d.shape.kind = ShapeKind::Cylinder;
  d.shape.height = 0;
  expectRejected(world, d, "height");

  d = {};
  d.shape.kind = ShapeKind::Capsule;
  d.shape.height = -0.1f;
  expectRejected(world, d, "height");

  d = {};
  d.body.mass = 0;
  expectRejected(world, d, "mass");

  d = {};
  d.body.linearVelocity = {std::numeric_limits<float>::infinity(), 0, 0};
  expectRejected(world, d, "velocity");

  d = {};
  d.transform.rotation = {0, 0, 0, 0};
  expectRejected(world, d, "rotation");

  d = {};
  d.body.friction = -0.5f;
  expectRejected(world, d, "friction");
  EXPECT_TRUE(world.bodies().empty());

  // a capsule of height 0 is a sphere, as the scenario format allows
  d = {};
  d.shape.kind = ShapeKind::Capsule;
  d.shape.height = 0;
  EXPECT_TRUE(world.addBody(d).ok());

  // mass is ignored for static bodies
  d = {};
  d.body.type = scene::BodyType::Static;
  d.body.mass = 0;
  EXPECT_TRUE(world.addBody(d).ok());
}

TEST(PhysicsValidation, RejectsDegenerateHulls) {
  World world;
  scene::MeshData two;
  two.positions = {{0, 0, 0}, {1, 0, 0}};
  BodyDesc d;
  d.shape.kind = ShapeKind::ConvexHull;
  d.meshes = {&two, 1};
  expectRejected(world, d, "at least 4");

  scene::MeshData flat;
  flat.positions = {{0, 0, 0}, {1, 0, 0}, {0, 0, 1}, {1, 0, 1}, {0.5f, 0, 0.5f}};
  d.meshes = {&flat, 1};
  expectRejected(world, d, "degenerate");

  d.meshes = {};
  expectRejected(world, d, "at least 4");

  const scene::MeshData octa = test::makeOctahedron(0.5f);
  d.meshes = {&octa, 1};
  d.transform.scale = {1, 0, 1};
  expectRejected(world, d, "scale");
}

TEST(PhysicsValidation, RejectsBadTriangleMeshes) {
  World world;
  scene::MeshData bad = test::makeQuad(1, 0);
  bad.indices.push_back(9);
  bad.indices.push_back(0);
  bad.indices.push_back(1);
  BodyDesc d;
  d.shape.kind = ShapeKind::TriangleMesh;
  d.body.type = scene::BodyType::Static;
  d.meshes = {&bad, 1};
  expectRejected(world, d, "out of range");
}

TEST(PhysicsValidation, StaleIdsAreInvalidAfterRemoveBody) {
  World world;
  test::addFloor(world);
  BodyDesc d;
  d.transform.position = {0, 2, 0};
  auto first = world.addBody(d);
  ASSERT_TRUE(first.ok());
  const BodyId id = *first;
  JointDesc j;
  j.kind = scene::JointKind::Point;
  j.a = id;
  j.pivot = {0, 3, 0};
  auto joint = world.addJoint(j);
  ASSERT_TRUE(joint.ok());
  EXPECT_TRUE(world.isValid(id));

  world.removeBody(id);
  EXPECT_FALSE(world.isValid(id));
  EXPECT_EQ(world.bodies().size(), 1u);
  // the joint went with it
  EXPECT_EQ(world.jointPosition(*joint), 0.0f);
  world.setMotor(*joint, {true, 1, 1});  // warns, does nothing
  // the slot is reused with a new generation: the old id stays invalid
  auto second = world.addBody(d);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->index, id.index);
  EXPECT_NE(second->generation, id.generation);
  EXPECT_FALSE(world.isValid(id));
  EXPECT_TRUE(world.isValid(*second));
  // stale and null ids are harmless everywhere
  world.removeBody(id);
  world.applyImpulse(id, {1, 0, 0});
  world.setPose(id, {1, 1, 1}, {});
  EXPECT_EQ(world.state(id).position, core::Vec3{});
  EXPECT_FALSE(world.isSleeping(id));
  EXPECT_FALSE(world.isValid(BodyId{}));
  j.a = id;
  EXPECT_FALSE(world.addJoint(j).ok());
  EXPECT_TRUE(world.isValid(*second));
  world.step();
}

TEST(PhysicsValidation, RejectsInvalidJoints) {
  World world;
  BodyDesc d;
  auto a = world.addBody(d);
  ASSERT_TRUE(a.ok());
  JointDesc j;
  j.a = *a;
  j.axis = {0, 0, 0};
  EXPECT_FALSE(world.addJoint(j).ok()) << "zero hinge axis";
  j.axis = {0, 1, 0};
  j.lowerLimit = 1.0f;
  j.upperLimit = -1.0f;
  EXPECT_FALSE(world.addJoint(j).ok()) << "lower > upper";
  j.lowerLimit = -4.0f;
  j.upperLimit = 0.0f;
  EXPECT_FALSE(world.addJoint(j).ok()) << "hinge limit beyond pi";
  j.lowerLimit.reset();
  j.upperLimit.reset();
  j.pivot = {kNaN, 0, 0};
  EXPECT_FALSE(world.addJoint(j).ok()) << "NaN pivot";
  j.pivot = {};
  j.b = *a;
  EXPECT_FALSE(world.addJoint(j).ok()) << "body joined to itself";
  j.b = {};
  j.a = {};
  EXPECT_FALSE(world.addJoint(j).ok()) << "null body";
}

TEST(PhysicsValidation, RemovingASupportWakesWhatRestedOnIt) {
  World world;
  test::addFloor(world);
  BodyDesc d;
  d.body.type = scene::BodyType::Static;
  d.shape.halfExtents = {1, 0.25f, 1};
  d.transform.position = {0, 1, 0};
  auto shelf = world.addBody(d);
  ASSERT_TRUE(shelf.ok());
  BodyDesc box;
  box.shape.halfExtents = {0.2f, 0.2f, 0.2f};
  box.transform.position = {0, 1.5f, 0};
  auto b = world.addBody(box);
  ASSERT_TRUE(b.ok());
  for (int t = 0; t < 600 && !world.isSleeping(*b); ++t) world.step();
  ASSERT_TRUE(world.isSleeping(*b));
  world.removeBody(*shelf);
  for (int t = 0; t < 240; ++t) world.step();
  EXPECT_NEAR(world.state(*b).position.y, 0.2f, 0.02f) << "the box should fall to the floor";
}

}  // namespace
}  // namespace practicum::physics
