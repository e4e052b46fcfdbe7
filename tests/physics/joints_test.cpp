// Joints: limits hold, motors drive at their target, fixed and point joints keep their geometry.
#include <gtest/gtest.h>

#include <cmath>

#include <practicum/physics/world.hpp>

#include "mixed_scene.hpp"

namespace practicum::physics {
namespace {

using core::Vec3;
using scene::JointKind;

BodyId addBox(World& world, Vec3 position, Vec3 halfExtents = {0.2f, 0.2f, 0.2f}) {
  BodyDesc d;
  d.shape.halfExtents = halfExtents;
  d.transform.position = position;
  auto id = world.addBody(d);
  EXPECT_TRUE(id.ok()) << id.error().message;
  return id.ok() ? *id : BodyId{};
}

float wrapAngle(float a) { return std::remainder(a, 2.0f * core::kPi); }

TEST(PhysicsJoints, HingeLimitsHoldUnderGravity) {
  World world;
  // a horizontal arm hinged to the world at its left end; gravity swings it clockwise (-z)
  const BodyId arm = addBox(world, {1.0f, 0, 0}, {0.5f, 0.05f, 0.05f});
  JointDesc j;
  j.kind = JointKind::Hinge;
  j.a = arm;
  j.pivot = {0.5f, 0, 0};
  j.axis = {0, 0, 1};
  j.lowerLimit = -0.5f;
  j.upperLimit = 0.5f;
  auto id = world.addJoint(j);
  ASSERT_TRUE(id.ok()) << id.error().message;
  EXPECT_NEAR(world.jointPosition(*id), 0.0f, 1e-5f);

  float lowest = 0;
  for (int t = 0; t < 360; ++t) {
    world.step();
    const float angle = world.jointPosition(*id);
    ASSERT_GE(angle, -0.5f - 0.05f) << "tick " << t;
    ASSERT_LE(angle, 0.5f + 0.05f) << "tick " << t;
    lowest = std::min(lowest, angle);
  }
  EXPECT_LT(lowest, -0.45f) << "the arm should have swung down to its lower limit";
  EXPECT_NEAR(world.jointPosition(*id), -0.5f, 0.05f);
}

TEST(PhysicsJoints, HingeMotorTurnsAtTargetVelocity) {
  World world(WorldSettings{120.0, {0, 0, 0}, 10});
  const BodyId wheel = addBox(world, {0, 1, 0}, {0.5f, 0.1f, 0.5f});
  JointDesc j;
  j.kind = JointKind::Hinge;
  j.a = wheel;
  j.pivot = {0, 1, 0};
  j.axis = {0, 1, 0};
  j.motor = {true, 2.0f, 50.0f};
  auto id = world.addJoint(j);
  ASSERT_TRUE(id.ok()) << id.error().message;

  for (int t = 0; t < 120; ++t) world.step();
  EXPECT_NEAR(world.state(wheel).angularVelocity.y, 2.0f, 0.02f);
  // the joint position advances at the motor's target velocity (same sign convention)
  const float before = world.jointPosition(*id);
  for (int t = 0; t < 12; ++t) world.step();
  const float rate = wrapAngle(world.jointPosition(*id) - before) / 0.1f;
  EXPECT_NEAR(rate, 2.0f, 0.05f);

  // reversing the motor reverses the wheel
  world.setMotor(*id, {true, -1.0f, 50.0f});
  for (int t = 0; t < 60; ++t) world.step();
  EXPECT_NEAR(world.state(wheel).angularVelocity.y, -1.0f, 0.02f);
  // and switching it off lets it coast (angular damping only)
  world.setMotor(*id, {false, 0.0f, 0.0f});
  for (int t = 0; t < 12; ++t) world.step();
  EXPECT_LT(world.state(wheel).angularVelocity.y, -0.9f);
}

TEST(PhysicsJoints, SliderLimitsHoldUnderGravity) {
  World world;
  const BodyId carriage = addBox(world, {0, 2, 0});
  JointDesc j;
  j.kind = JointKind::Slider;
  j.a = carriage;
  j.pivot = {0, 2, 0};
  j.axis = {0, 1, 0};
  j.lowerLimit = -0.5f;
  j.upperLimit = 0.5f;
  auto id = world.addJoint(j);
  ASSERT_TRUE(id.ok()) << id.error().message;

  for (int t = 0; t < 240; ++t) {
    world.step();
    const float pos = world.jointPosition(*id);
    ASSERT_GE(pos, -0.5f - 0.03f) << "tick " << t;
    ASSERT_LE(pos, 0.5f + 0.03f) << "tick " << t;
  }
  const BodyState s = world.state(carriage);
  EXPECT_NEAR(world.jointPosition(*id), -0.5f, 0.03f);
  EXPECT_NEAR(s.position.y, 1.5f, 0.03f);
  // only the slide axis is free
  EXPECT_NEAR(s.position.x, 0.0f, 1e-3f);
  EXPECT_NEAR(s.position.z, 0.0f, 1e-3f);
}

TEST(PhysicsJoints, SliderMotorMovesAtTargetVelocity) {
  World world;
  const BodyId carriage = addBox(world, {0, 2, 0});
  JointDesc j;
  j.kind = JointKind::Slider;
  j.a = carriage;
  j.pivot = {0, 2, 0};
  j.axis = {1, 0, 0};
  j.motor = {true, 0.5f, 100.0f};
  auto id = world.addJoint(j);
  ASSERT_TRUE(id.ok()) << id.error().message;

  for (int t = 0; t < 120; ++t) world.step();
  EXPECT_NEAR(world.jointPosition(*id), 0.5f, 0.03f);
  EXPECT_NEAR(world.state(carriage).position.x, world.jointPosition(*id), 1e-3f);
  EXPECT_NEAR(world.state(carriage).linearVelocity.x, 0.5f, 0.02f);
  EXPECT_NEAR(world.state(carriage).position.y, 2.0f, 0.01f) << "the slider holds it up";
}

TEST(PhysicsJoints, SliderBetweenTwoBodiesMeasuresARelativeToB) {
  World world(WorldSettings{120.0, {0, 0, 0}, 10});
  const BodyId a = addBox(world, {1, 0, 0});
  const BodyId b = addBox(world, {0, 0, 0});
  JointDesc j;
  j.kind = JointKind::Slider;
  j.a = a;
  j.b = b;
  j.pivot = {0.5f, 0, 0};
  j.axis = {1, 0, 0};
  auto id = world.addJoint(j);
  ASSERT_TRUE(id.ok()) << id.error().message;
  world.applyImpulse(a, {0.5f, 0, 0});
  for (int t = 0; t < 60; ++t) world.step();
  const float separation = world.state(a).position.x - world.state(b).position.x;
  EXPECT_GT(separation, 1.05f);
  EXPECT_NEAR(world.jointPosition(*id), separation - 1.0f, 1e-3f);
}

TEST(PhysicsJoints, FixedJointKeepsRelativePose) {
  World world;
  test::addFloor(world);
  const BodyId a = addBox(world, {0, 2, 0}, {0.25f, 0.25f, 0.25f});
  const BodyId b = addBox(world, {0.5f, 2.2f, 0}, {0.25f, 0.25f, 0.25f});
  JointDesc j;
  j.kind = JointKind::Fixed;
  j.a = a;
  j.b = b;
  j.pivot = {0.25f, 2.1f, 0};
  ASSERT_TRUE(world.addJoint(j).ok());
  world.applyImpulse(a, {0, 2, 1}, {0.1f, 0, 0});

  // b's position in a's frame stays (0.5, 0.2, 0), whatever the pair does
  const Vec3 initial{0.5f, 0.2f, 0};
  for (int t = 0; t < 360; ++t) {
    world.step();
    const BodyState sa = world.state(a), sb = world.state(b);
    const core::Quat inv{-sa.rotation.x, -sa.rotation.y, -sa.rotation.z, sa.rotation.w};
    const Vec3 rel = core::rotate(inv, sb.position - sa.position);
    ASSERT_LT(core::length(rel - initial), 0.01f) << "tick " << t;
    // relative rotation stays identity: |w| of inv(qa) * qb near 1
    const core::Quat dq = inv * sb.rotation;
    ASSERT_GT(std::fabs(dq.w), std::cos(0.01f)) << "tick " << t;
  }
  EXPECT_LT(world.state(a).position.y, 1.0f) << "the pair should have fallen";
}

TEST(PhysicsJoints, PointPendulumKeepsItsLength) {
  World world;
  BodyDesc d;
  d.shape.kind = scene::ShapeKind::Sphere;
  d.shape.radius = 0.2f;
  d.transform.position = {1.0f, 0, 0};
  auto bob = world.addBody(d);
  ASSERT_TRUE(bob.ok());
  JointDesc j;
  j.kind = JointKind::Point;
  j.a = *bob;
  j.pivot = {0, 0, 0};
  ASSERT_TRUE(world.addJoint(j).ok());

  float lowest = 0;
  for (int t = 0; t < 480; ++t) {
    world.step();
    const Vec3 p = world.state(*bob).position;
    ASSERT_NEAR(core::length(p), 1.0f, 0.02f) << "tick " << t;
    lowest = std::min(lowest, p.y);
  }
  EXPECT_LT(lowest, -0.95f) << "the bob should swing through the bottom";
}

}  // namespace
}  // namespace practicum::physics

namespace practicum::physics {
namespace {

TEST(PhysicsJoints, AWorldPivotCanBeMovedAndTheJointRemoved) {
  for (const JointKind kind : {JointKind::Point, JointKind::Fixed}) {
    World world;
    const BodyId box = addBox(world, {0, 1, 0});
    JointDesc j;
    j.kind = kind;
    j.a = box;
    j.pivot = {0, 1.2f, 0};  // the top face: a hand holding it
    auto id = world.addJoint(j);
    ASSERT_TRUE(id.ok()) << id.error().message;
    // the hand moves 1 m sideways over 2 s; the box follows and hangs below it
    for (int t = 1; t <= 240; ++t) {
      world.setPointTarget(*id, {std::min(1.0f, float(t) / 120.0f), 1.2f, 0});
      world.step();
    }
    const BodyState held = world.state(box);
    EXPECT_NEAR(held.position.x, 1.0f, 0.05f) << int(kind);
    EXPECT_NEAR(held.position.y, 1.0f, 0.05f) << int(kind);
    if (kind == JointKind::Fixed) {
      // a firm grip keeps the orientation
      EXPECT_NEAR(std::abs(held.rotation.w), 1.0f, 0.01f);
    }
    // let go: it falls
    world.removeJoint(*id);
    for (int t = 0; t < 30; ++t) world.step();
    EXPECT_LT(world.state(box).position.y, 0.8f) << int(kind);
  }
}

}  // namespace
}  // namespace practicum::physics
